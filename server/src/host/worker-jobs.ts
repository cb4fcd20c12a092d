// The one protocol between the server and its workers (budgeted-worker.ts), on either platform:
// the jobs the server sends, the messages the worker answers with, the code the worker runs for a
// job, and what the policy needs from a worker (WorkerHandle: Node's worker_threads in
// node-worker.ts, the DOM Worker in dom-worker.ts). Jobs are third-party analysis only:
// dockerfile-utils validation and the requests of the bundled dockerfile-language-service that
// parse the whole document.

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

/** What a worker was started with (the client's capabilities, for the service). */
export interface WorkerData {
  capabilities?: ClientCapabilities;
}

/** What a started worker reports to the policy. */
export interface WorkerEvents {
  message(message: WorkerMessage): void;
  /** The worker is gone or unusable: `failed: ...`, `exited with code 3`. */
  lost(reason: string): void;
}

/** One started worker, whatever the platform's kind. */
export interface WorkerHandle {
  post(request: WorkerRequest): void;
  /** Stops it at once, even in the middle of a job that never returns. */
  terminate(): void | Promise<unknown>;
}

/** Starts a worker running the worker script; may throw where workers cannot be made. */
export type StartWorker = (data: WorkerData, events: WorkerEvents) => WorkerHandle;

/** What the worker keeps between jobs: the service, made on the first request. */
export interface WorkerState {
  capabilities: ClientCapabilities;
  log: (message: string) => void;
  service?: Promise<DockerfileLanguageService>;
}

/** Runs one job in the worker. Throws what the job throws. */
export async function runJob(job: WorkerJob, state: WorkerState): Promise<unknown> {
  if (job.kind === "validate") return validateSyntax(job.text, job.settings, job.parsed);
  state.service ??= createGuardedService(state.capabilities, state.log);
  const service = await state.service;
  const method = service[job.method] as (...args: unknown[]) => unknown;
  return await method(...job.args);
}

/**
 * The worker side, for both worker entries: hands `listen` the handler of incoming requests, which
 * answers each through `post`, then says the worker is ready (the budget of its first job starts
 * then, not while the bundle loaded).
 */
export function serveJobs(
  data: WorkerData | null | undefined,
  post: (message: WorkerMessage) => void,
  listen: (handler: (request: WorkerRequest) => void) => void,
): void {
  const state: WorkerState = { capabilities: data?.capabilities ?? {}, log: (line) => post({ log: line }) };
  listen(({ id, job }) => {
    runJob(job, state).then(
      (value) => post({ id, value }),
      (error: unknown) => post({ id, error: error instanceof Error ? `${error.name}: ${error.message}` : String(error) }),
    );
  });
  post({ ready: true });
}
