// The Node server's worker thread (its own bundle, dist/server/syntax-worker.js): runs third-party
// analysis jobs (worker-jobs.ts) for budgeted-worker.ts, which abandons a job that exceeds its
// budget by terminating this thread. Imports the validator and the bundled service, not the engine.
// The browser's counterpart is browser-syntax-worker.ts.

import { parentPort, workerData } from "node:worker_threads";
import { serveJobs, WorkerData, WorkerRequest } from "./worker-jobs";

const port = parentPort;
if (port) {
  serveJobs(
    workerData as WorkerData | null,
    (message) => port.postMessage(message),
    (handler) => port.on("message", (request: WorkerRequest) => handler(request)),
  );
}
