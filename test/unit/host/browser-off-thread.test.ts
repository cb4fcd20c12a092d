// The browser server's choice between budgeted workers and in-thread analysis: without nested
// workers, or without the worker script's URL, the analysis stays in the server's thread and the
// log says why. (The workers themselves are proven in the browser: test/vscode/budget.test.ts.)

import * as assert from "assert";
import { browserOffThread } from "../../../server/src/host/browser-off-thread";
import type { OffThreadInit } from "../../../server/src/lsp/host";

describe("host: browser off-thread analysis", () => {
  const init = (workerScript?: string) => {
    const errors: string[] = [];
    const options: OffThreadInit = { capabilities: {}, workerScript, log: () => undefined, logError: (m) => errors.push(m) };
    return { options, errors };
  };

  it("runs in-thread and says so where the browser cannot nest workers", () => {
    const { options, errors } = init("https://cdn.example/ext/dist/server/browser-syntax-worker.js");
    assert.deepStrictEqual(
      browserOffThread(options, () => false),
      {},
    );
    assert.strictEqual(errors.length, 1);
    assert.match(
      errors[0],
      /cannot start a worker inside the server's worker, so dockerfile-utils validation and dockerfile-language-service requests run in the server's thread, without a time budget/,
    );
  });

  it("runs in-thread and says so when the client sent no worker script", () => {
    const { options, errors } = init(undefined);
    assert.deepStrictEqual(
      browserOffThread(options, () => true),
      {},
    );
    assert.strictEqual(errors.length, 1);
    assert.match(errors[0], /sent no worker script \(initializationOptions\.workerScript\)/);
  });
});
