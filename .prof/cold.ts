import { spawn } from "child_process";
import { createMessageConnection, StreamMessageReader, StreamMessageWriter } from "vscode-languageserver/node";
import { buildServer, FULL_CAPABILITIES } from "../test/support/lsp-client";
(async () => {
  const server = process.argv[2] ?? (await buildServer());
  const t0 = performance.now();
  const child = spawn(process.execPath, ["--cpu-prof", "--cpu-prof-dir=/tmp/lsp16-prof", server, "--stdio"], { stdio: ["pipe", "pipe", "inherit"] });
  const c = createMessageConnection(new StreamMessageReader(child.stdout!), new StreamMessageWriter(child.stdin!));
  c.onRequest("workspace/configuration", (p: any) => p.items.map(() => ({})));
  c.onRequest("client/registerCapability", () => null);
  c.listen();
  await c.sendRequest("initialize", { processId: process.pid, rootUri: null, capabilities: FULL_CAPABILITIES, initializationOptions: { isTrusted: false } });
  console.log("init ms", (performance.now() - t0).toFixed(0));
  await c.sendRequest("shutdown"); await c.sendNotification("exit");
  await new Promise((r) => child.once("exit", r));
  process.exit(0);
})();
