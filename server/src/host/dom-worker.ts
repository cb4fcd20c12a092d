// The browser server's workers for budgeted-worker.ts: DOM Workers nested in the server's own web
// worker. The worker script may sit on another origin (VS Code for the web serves extensions from a
// CDN) and a worker's script must be same-origin, so each worker starts from a `blob:` script that
// loads it with importScripts, as VS Code's extension host starts the server itself. The blob also
// carries the worker's data (DOM workers have no `workerData`).

import type { StartWorker, WorkerData, WorkerMessage } from "./worker-jobs";

/** The global the blob sets before loading the worker script (browser-syntax-worker.ts reads it). */
export const STAGECRAFT_WORKER = "stagecraftWorker";

export interface BlobPreamble {
  /** The worker script's URL, so a script loaded by it can find its neighbours. */
  script: string;
  data: WorkerData;
}

/** True where this thread can start workers of its own (Chromium, Firefox, Safari 15.5+). */
export function canNestWorkers(): boolean {
  return typeof Worker === "function" && typeof Blob === "function" && typeof URL.createObjectURL === "function";
}

/** Starts DOM workers on the worker script at `scriptUrl` (an absolute URL). */
export function domWorkers(scriptUrl: string): StartWorker {
  // One blob per distinct data, kept while the server lives: restarts reuse it.
  const blobs = new Map<string, string>();
  const blobFor = (data: WorkerData) => {
    const preamble = JSON.stringify({ script: scriptUrl, data } satisfies BlobPreamble);
    let url = blobs.get(preamble);
    if (!url) {
      const source = `self.${STAGECRAFT_WORKER} = ${preamble};\nimportScripts(${JSON.stringify(scriptUrl)});\n`;
      url = URL.createObjectURL(new Blob([source], { type: "text/javascript" }));
      blobs.set(preamble, url);
    }
    return url;
  };
  return (data, events) => {
    const worker = new Worker(blobFor(data), { name: "stagecraft-syntax-worker" });
    worker.onmessage = (event: MessageEvent<WorkerMessage>) => events.message(event.data);
    // A script that fails to load or throws: the error stays here rather than reaching the server's global scope.
    worker.onerror = (event: ErrorEvent) => {
      event.preventDefault();
      events.lost(`failed: ${event.message || `could not load ${scriptUrl}`}`);
    };
    worker.onmessageerror = () => events.lost("failed: it sent a message that could not be read");
    return { post: (request) => worker.postMessage(request), terminate: () => worker.terminate() };
  };
}
