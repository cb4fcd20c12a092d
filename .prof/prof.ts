import { spawn } from "child_process";
import { readdirSync, readFileSync, mkdirSync } from "fs";
import { join } from "path";
import { pathToFileURL } from "url";
import { createMessageConnection, StreamMessageReader, StreamMessageWriter } from "vscode-languageserver/node";
import { buildServer, FULL_CAPABILITIES } from "/work/wt/lsp16/test/support/lsp-client";
const mode = process.argv[2] ?? "open";
(async () => {
  const server = await buildServer();
  const child = spawn(process.execPath, [...(process.env.FLAGS ? process.env.FLAGS.split(" ") : ["--cpu-prof", "--cpu-prof-dir=/tmp/lsp16-prof"]), process.env.SERVER ?? server, "--stdio"], { stdio: ["pipe", "pipe", "inherit"] });
  const c = createMessageConnection(new StreamMessageReader(child.stdout!), new StreamMessageWriter(child.stdin!));
  const waiters = new Map<string, () => void>();
  c.onNotification("textDocument/publishDiagnostics", (p: any) => { const w = waiters.get(p.uri + "@" + p.version); if (w) { waiters.delete(p.uri + "@" + p.version); w(); } });
  c.onRequest("workspace/configuration", (p: any) => p.items.map(() => ({ imageSize: { online: false }, shellcheck: { path: "" }, diagnostics: { delay: 0 } })));
  c.onRequest("client/registerCapability", () => null);
  c.listen();
  await c.sendRequest("initialize", { processId: process.pid, rootUri: null, capabilities: FULL_CAPABILITIES, initializationOptions: { isTrusted: false, diagnosticsDelay: 0 } });
  await c.sendNotification("initialized", {});
  const dir = "/work/wt/shared/corpus/real";
  const files = readdirSync(dir).filter((f) => f !== "MANIFEST.tsv").sort();
  const wait = (uri: string, v: number) => new Promise<void>((r) => waiters.set(uri + "@" + v, r));
  const t0 = performance.now();
  if (mode === "open") {
    for (const [i, f] of files.entries()) {
      const d = `/tmp/lsp16-prof/ws/${i}`; mkdirSync(d, { recursive: true });
      const uri = pathToFileURL(join(d, "Dockerfile")).toString();
      const w = wait(uri, 1);
      await c.sendNotification("textDocument/didOpen", { textDocument: { uri, languageId: "dockerfile", version: 1, text: readFileSync(join(dir, f), "utf8") } });
      await w;
      await c.sendNotification("textDocument/didClose", { textDocument: { uri } });
    }
  } else {
    const { GROWTH_INPUTS } = require("../scripts/bench-lsp");
    const text = mode === "typing" ? readFileSync(join(dir, "supabase__postgres__docker__orioledb__Dockerfile"), "utf8") + "RUN echo " : GROWTH_INPUTS.find((i: any) => i.name === mode).text(Number(process.argv[3])) + "RUN echo ";
    const line = text.split("\n").length - 1;
    const uri = "file:///tmp/lsp16-prof/ws/typing/Dockerfile"; mkdirSync("/tmp/lsp16-prof/ws/typing", { recursive: true });
    let w = wait(uri, 1);
    const to = performance.now();
    await c.sendNotification("textDocument/didOpen", { textDocument: { uri, languageId: "dockerfile", version: 1, text } }); await w;
    console.log("open ms", (performance.now() - to).toFixed(1));
    for (let k = 0; k < Number(process.env.EDITS ?? 100); k++) {
      const v = k + 2; w = wait(uri, v);
      const ch = 9 + k;
      await c.sendNotification("textDocument/didChange", { textDocument: { uri, version: v }, contentChanges: [{ range: { start: { line, character: ch }, end: { line, character: ch } }, text: "a" }] });
      await w;
    }
  }
  const st = readFileSync(`/proc/${child.pid}/status`, "utf8"); const f = readFileSync(`/proc/${child.pid}/stat`, "utf8").slice(readFileSync(`/proc/${child.pid}/stat`, "utf8").lastIndexOf(")") + 2).split(" ");
  console.log(mode, process.env.FLAGS ?? "", "total ms", (performance.now() - t0).toFixed(0), /VmHWM:\s+\d+ kB/.exec(st)?.[0], "cpu ms", (Number(f[11]) + Number(f[12])) * 10);
  await c.sendRequest("shutdown"); await c.sendNotification("exit");
  await new Promise((r) => child.once("exit", r));
  process.exit(0);
})();
