// The one protocol between the Node server and its worker threads (budgeted-worker.ts): the jobs
// the server sends, the messages the worker answers with, and the code the worker runs for a job.
// Jobs are third-party analysis only: dockerfile-utils validation and the requests of the bundled
// dockerfile-language-service that parse the whole document.

import type { ClientCapabilities } from "vscode-languageserver";
import type { ValidatorSettings } from "dockerfile-utils";
import { validateSyntax, type ParsedFroms } from "../lint/syntax-validation";
import { BudgetedMethod, createGuardedService, DockerfileLanguageService } from "../lsp/language-service";

export type WorkerJob =
  | { kind: "validate"; text: string; settings: ValidatorSettings; parsed?: ParsedFroms }
  /** One request of the guarded service; the document's text travels in `args` (measured cheap: README). */
  | { kind: "service"; method: BudgetedMethod; args: unknown[] };

/** Server thread -> worker. */
export interface WorkerRequest {
  id: number;
  job: WorkerJob;
}

/**
 * Worker -> server thread: `{ ready: true }` once loaded, a log line of the service, or the answer
 * to request `id` (its value, or the error the job threw).
 */
export type WorkerMessage = { ready: true } | { log: string } | { id: number; value: unknown } | { id: number; error: string };

/** What the worker keeps between jobs: the service, made on the first request. */
export interface WorkerState {
  capabilities: ClientCapabilities;
  log: (message: string) => void;
  service?: DockerfileLanguageService;
}

/** Runs one job in the worker. Throws what the job throws. */
export async function runJob(job: WorkerJob, state: WorkerState): Promise<unknown> {
  if (job.kind === "validate") return validateSyntax(job.text, job.settings, job.parsed);
  state.service ??= createGuardedService(state.capabilities, state.log);
  const method = state.service[job.method] as (...args: unknown[]) => unknown;
  return await method(...job.args);
}
