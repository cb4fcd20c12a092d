// The browser server's worker (its own bundle, dist/server/browser-syntax-worker.js), nested in the
// server's web worker: runs third-party analysis jobs (worker-jobs.ts) for budgeted-worker.ts, which
// abandons a job that exceeds its budget by terminating this worker. dom-worker.ts starts it from a
// `blob:` script that sets STAGECRAFT_WORKER and then loads this bundle with importScripts.

import { serveJobs, WorkerData, WorkerMessage, WorkerRequest } from "./worker-jobs";
import { STAGECRAFT_WORKER, type BlobPreamble } from "./dom-worker";

declare const self: DedicatedWorkerGlobalScope & { [STAGECRAFT_WORKER]?: BlobPreamble };

serveJobs(
  self[STAGECRAFT_WORKER]?.data as WorkerData | undefined,
  (message: WorkerMessage) => self.postMessage(message),
  (handler) => self.addEventListener("message", (event: MessageEvent<WorkerRequest>) => handler(event.data)),
);
