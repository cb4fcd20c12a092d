// Browser (web worker) entry: messages over the worker's port; no file access, so build-context
// facts stay unknown. Everything else is in server.ts.

import { BrowserMessageReader, BrowserMessageWriter, createConnection } from "vscode-languageserver/browser";
import { noFileHost } from "./host";
import { startServer } from "./server";

declare const self: DedicatedWorkerGlobalScope;

const connection = createConnection(new BrowserMessageReader(self), new BrowserMessageWriter(self));
startServer(connection, noFileHost);
