// Browser (web worker) entry: messages over the worker's port; no file access, so build-context
// facts stay unknown. dockerfile-utils validation and dockerfile-language-service's whole-document
// requests run in workers nested in this one, under the Node server's time budgets and policy
// (host/browser-off-thread.ts); where this thread cannot start workers, in this thread behind the
// input guards only. Everything else is in server.ts.

import { BrowserMessageReader, BrowserMessageWriter, createConnection } from "vscode-languageserver/browser";
import { browserOffThread } from "../host/browser-off-thread";
import { noFileHost } from "./host";
import { startServer } from "./server";

declare const self: DedicatedWorkerGlobalScope;

const connection = createConnection(new BrowserMessageReader(self), new BrowserMessageWriter(self));
startServer(connection, { ...noFileHost, offThread: (init) => browserOffThread(init) });
