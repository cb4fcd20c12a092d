// The node entry's transports: --socket (the server connects to the client's loopback port),
// --node-ipc, and a usage error without any transport.

import * as assert from "assert";
import { fork, spawn, spawnSync } from "child_process";
import { AddressInfo, createServer, Socket } from "net";
import {
  createMessageConnection,
  InitializeResult,
  IPCMessageReader,
  IPCMessageWriter,
  MessageConnection,
  SocketMessageReader,
  SocketMessageWriter,
} from "vscode-languageserver/node";
import { buildServer } from "../support/lsp-client";

async function initialize(connection: MessageConnection): Promise<InitializeResult> {
  connection.onRequest("workspace/configuration", (params: { items: unknown[] }) => params.items.map(() => ({})));
  connection.onRequest("client/registerCapability", () => null);
  connection.listen();
  const result = await connection.sendRequest<InitializeResult>("initialize", { processId: process.pid, rootUri: null, capabilities: {} });
  await connection.sendNotification("initialized", {});
  return result;
}

async function hoverWorks(connection: MessageConnection): Promise<void> {
  const uri = "untitled:Dockerfile";
  await connection.sendNotification("textDocument/didOpen", { textDocument: { uri, languageId: "dockerfile", version: 1, text: "FROM alpine:3.20\n" } });
  const hover = await connection.sendRequest<{ contents: unknown } | null>("textDocument/hover", {
    textDocument: { uri },
    position: { line: 0, character: 1 },
  });
  assert.ok(hover?.contents);
}

/** A whole session over `connection`: initialize, a hover, shutdown and exit with status 0. */
async function serveOneSession(connection: MessageConnection, exited: Promise<number | null>): Promise<InitializeResult> {
  const result = await initialize(connection);
  await hoverWorks(connection);
  await connection.sendRequest("shutdown");
  await connection.sendNotification("exit");
  assert.strictEqual(await exited, 0);
  connection.dispose();
  return result;
}

describe("lsp: transports", function () {
  this.timeout(30000);
  let server: string;

  before(async () => {
    server = await buildServer();
  });

  it("connects over --socket to a loopback port", async () => {
    const listener = createServer();
    const accepted = new Promise<Socket>((resolve) => listener.once("connection", resolve));
    await new Promise<void>((resolve) => listener.listen(0, "127.0.0.1", resolve));
    const port = (listener.address() as AddressInfo).port;
    const child = spawn(process.execPath, [server, `--socket=${port}`], { stdio: "ignore" });
    const exited = new Promise<number | null>((resolve) => child.once("exit", resolve));
    try {
      const socket = await accepted;
      const connection = createMessageConnection(new SocketMessageReader(socket), new SocketMessageWriter(socket));
      const result = await serveOneSession(connection, exited);
      assert.ok(result.capabilities.hoverProvider);
    } finally {
      child.kill();
      listener.close();
    }
  });

  it("talks over --node-ipc", async () => {
    const child = fork(server, ["--node-ipc"], { stdio: ["ignore", "ignore", "ignore", "ipc"] });
    const exited = new Promise<number | null>((resolve) => child.once("exit", resolve));
    try {
      const connection = createMessageConnection(new IPCMessageReader(child), new IPCMessageWriter(child));
      const result = await serveOneSession(connection, exited);
      assert.ok(result.capabilities.completionProvider);
    } finally {
      child.kill();
    }
  });

  it("prints usage and exits non-zero without a transport", () => {
    const run = spawnSync(process.execPath, [server], { encoding: "utf8", timeout: 10000 });
    assert.strictEqual(run.status, 2);
    assert.match(run.stderr, /--stdio/);
  });
});
