// Browser (web worker) entry: messages over the worker's port; no file access, so build-context
// facts stay unknown. No off-thread validator either: dockerfile-utils validation runs in this
// worker's thread, behind the input guards of lint/syntax-validation.ts only (the Node server runs
// it in a worker under a time budget, host/budgeted-validator.ts). Everything else is in server.ts.

import { BrowserMessageReader, BrowserMessageWriter, createConnection } from "vscode-languageserver/browser";
import { noFileHost } from "./host";
import { startServer } from "./server";

declare const self: DedicatedWorkerGlobalScope;

const connection = createConnection(new BrowserMessageReader(self), new BrowserMessageWriter(self));
startServer(connection, noFileHost);
