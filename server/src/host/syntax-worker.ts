// The Node server's worker thread (its own bundle, dist/server/syntax-worker.js): runs third-party
// analysis jobs (worker-jobs.ts) for budgeted-worker.ts, which abandons a job that exceeds its
// budget by terminating this thread. Imports the validator and the bundled service, not the engine.

import { parentPort, workerData } from "node:worker_threads";
import type { ClientCapabilities } from "vscode-languageserver";
import { runJob, WorkerMessage, WorkerRequest, WorkerState } from "./worker-jobs";

const port = parentPort;
if (port) {
  const post = (message: WorkerMessage) => port.postMessage(message);
  const capabilities = ((workerData as { capabilities?: ClientCapabilities } | null)?.capabilities ?? {}) as ClientCapabilities;
  const state: WorkerState = { capabilities, log: (line) => post({ log: line }) };
  port.on("message", ({ id, job }: WorkerRequest) => {
    runJob(job, state).then(
      (value) => post({ id, value }),
      (error: unknown) => post({ id, error: error instanceof Error ? `${error.name}: ${error.message}` : String(error) }),
    );
  });
  // Loaded: the budget of the first job starts now, not while the bundle was read.
  post({ ready: true });
}
