// The browser server's third-party analysis under a time budget: workers nested in the server's own
// web worker (dom-worker.ts) on the script whose URL the client sends, under the Node server's
// policy (budgeted-validator.ts, budgeted-service.ts). Where that cannot be, the analysis runs in
// the server's thread behind the input guards only, and the log says why, once (initialize comes
// once per server).

import type { OffThread, OffThreadInit } from "../lsp/host";
import { BudgetedService } from "./budgeted-service";
import { BudgetedValidator } from "./budgeted-validator";
import { canNestWorkers, domWorkers } from "./dom-worker";

const IN_THREAD = "so dockerfile-utils validation and dockerfile-language-service requests run in the server's thread, without a time budget";

export function browserOffThread({ capabilities, workerScript, log, logError }: OffThreadInit, canNest: () => boolean = canNestWorkers): OffThread {
  if (!canNest()) {
    logError(`stagecraft: this browser cannot start a worker inside the server's worker, ${IN_THREAD}`);
    return {};
  }
  if (!workerScript) {
    logError(`stagecraft: the client sent no worker script (initializationOptions.workerScript), ${IN_THREAD}`);
    return {};
  }
  const start = domWorkers(workerScript);
  const validator = new BudgetedValidator({ start });
  const service = new BudgetedService({ start, capabilities, log, logError });
  // The server starts because a Dockerfile opened: its validation, and the first hover, should not
  // wait for a worker's bundle to load (fetched like the server's own, which takes long here).
  validator.worker.warm();
  service.worker.warm();
  return { validator, service };
}
