// The Node server's workers for budgeted-worker.ts: worker_threads running the worker script
// (dist/server/syntax-worker.js beside the server bundle).

import type * as WorkerThreads from "node:worker_threads";
import type { StartWorker, WorkerMessage } from "./worker-jobs";

export function nodeWorkers(script: string): StartWorker {
  return (data, events) => {
    // Loaded with the first worker, not with the server: most sessions start none (issue #16).
    // eslint-disable-next-line @typescript-eslint/no-require-imports -- a deferred load of a built-in
    const { Worker } = require("node:worker_threads") as typeof WorkerThreads;
    const worker = new Worker(script, { workerData: data });
    // A worker never keeps the server process alive on its own.
    worker.unref();
    worker.on("message", (message: WorkerMessage) => events.message(message));
    worker.on("error", (error) => events.lost(`failed: ${error.message}`));
    worker.on("exit", (code) => events.lost(`exited with code ${code}`));
    return { post: (request) => worker.postMessage(request), terminate: () => worker.terminate() };
  };
}
