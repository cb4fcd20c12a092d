// The Node server's syntax-validation worker (its own bundle, dist/server/syntax-worker.js): runs
// the guarded dockerfile-utils validator for host/budgeted-validator.ts, which abandons a run that
// exceeds its budget by terminating this thread. Imports the validator only, not the engine.

import { parentPort } from "node:worker_threads";
import { validateSyntax } from "../lint/syntax-validation";
import type { SyntaxRequest, SyntaxResponse } from "./budgeted-validator";

const port = parentPort;
if (port) {
  port.on("message", (request: SyntaxRequest) => {
    const response: SyntaxResponse = { id: request.id, result: validateSyntax(request.text, request.settings, request.parsed) };
    port.postMessage(response);
  });
  // Loaded: the budget of the first validation starts now, not while the bundle was read.
  port.postMessage({ ready: true });
}
