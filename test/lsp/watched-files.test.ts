// The build context through the editor's file events: the server reads the folders around the open
// Dockerfiles once, shared by all of them, and the `workspace/didChangeWatchedFiles` events keep
// that look true. A change re-analyses the documents whose facts it changes; no stale fact survives.

import * as assert from "assert";
import { mkdirSync, rmSync, writeFileSync } from "fs";
import { join } from "path";
import { pathToFileURL } from "url";
import { FileChangeType, type Diagnostic } from "vscode-languageserver/node";
import { buildServer, LspClient, workspaceFolder } from "../support/lsp-client";

const COPY_ALL = 'FROM node:20-alpine\nWORKDIR /app\nCOPY . .\nCMD ["node", "index.js"]\n';
const COPY_SCRIPT = 'FROM alpine:3.20\nCOPY run.sh /run.sh\nCMD ["/run.sh"]\n';
const NO_IGNORE_FILE = "context-no-dockerignore";
const IGNORED_COPY = "copy-ignored-file";

describe("lsp: build context kept true by file events", function () {
  this.timeout(30000);
  let client: LspClient | null = null;

  before(() => buildServer());
  afterEach(async () => {
    await client?.stop();
    client = null;
  });

  /** A server with `dir` as its workspace folder, once its file watcher is registered. */
  async function startIn(dir: string): Promise<LspClient> {
    const started = await LspClient.start({ workspaceFolders: [pathToFileURL(dir).toString()] });
    client = started;
    const deadline = Date.now() + 5000;
    while (![...started.registered.values()].includes("workspace/didChangeWatchedFiles")) {
      if (Date.now() > deadline) throw new Error("the server registered no file watcher");
      await new Promise((r) => setTimeout(r, 10));
    }
    return started;
  }

  /** Sends the event, as VS Code does after the file system changed, and waits for the next diagnostics of `uri`. */
  async function afterEvent(c: LspClient, uri: string, changes: { path: string; type: FileChangeType }[]): Promise<Diagnostic[]> {
    c.published.length = 0;
    await c.connection.sendNotification("workspace/didChangeWatchedFiles", {
      changes: changes.map((e) => ({ uri: pathToFileURL(e.path).toString(), type: e.type })),
    });
    return (await c.waitForDiagnostics(uri)).diagnostics;
  }

  const codes = (diagnostics: Diagnostic[]) => diagnostics.map((d) => d.code);

  it("a created, changed and deleted .dockerignore re-analyses the open Dockerfile with each new fact", async () => {
    const ws = workspaceFolder({ "index.js": "", "node_modules/": "", ".git/": "" });
    const c = await startIn(ws.dir);
    const uri = ws.uri("Dockerfile");
    await c.open(uri, COPY_ALL);
    assert.ok(codes((await c.waitForDiagnostics(uri)).diagnostics).includes(NO_IGNORE_FILE));

    const ignoreFile = join(ws.dir, ".dockerignore");
    writeFileSync(ignoreFile, ".git\nnode_modules\n");
    assert.ok(!codes(await afterEvent(c, uri, [{ path: ignoreFile, type: FileChangeType.Created }])).includes(NO_IGNORE_FILE));

    // Its contents changed: node_modules goes through again.
    writeFileSync(ignoreFile, ".git\n");
    const changed = await afterEvent(c, uri, [{ path: ignoreFile, type: FileChangeType.Changed }]);
    assert.ok(
      changed.some((d) => d.code === NO_IGNORE_FILE && String(d.message).includes("node_modules")),
      JSON.stringify(changed),
    );

    rmSync(ignoreFile);
    const deleted = await afterEvent(c, uri, [{ path: ignoreFile, type: FileChangeType.Deleted }]);
    assert.ok(
      deleted.some((d) => d.code === NO_IGNORE_FILE && String(d.message).includes("add a .dockerignore")),
      JSON.stringify(deleted),
    );
  });

  it("a document opened after a change reads the new facts, not those read for another document", async () => {
    const ws = workspaceFolder({ "run.sh": "#!/bin/sh\n" });
    const c = await startIn(ws.dir);
    const first = ws.uri("Dockerfile");
    await c.open(first, COPY_SCRIPT);
    assert.ok(!codes((await c.waitForDiagnostics(first)).diagnostics).includes(IGNORED_COPY));

    const ignoreFile = join(ws.dir, ".dockerignore");
    writeFileSync(ignoreFile, "*.sh\n");
    assert.ok(codes(await afterEvent(c, first, [{ path: ignoreFile, type: FileChangeType.Created }])).includes(IGNORED_COPY));
    const second = ws.uri("Dockerfile.dev");
    await c.open(second, COPY_SCRIPT);
    assert.ok(codes((await c.waitForDiagnostics(second)).diagnostics).includes(IGNORED_COPY));
  });

  it("a folder deleted with the files in it: nothing read inside it survives", async () => {
    const ws = workspaceFolder({ ".git/": "", "docker/": "", "docker/.dockerignore": "*.sh\n", "docker/run.sh": "#!/bin/sh\n" });
    const c = await startIn(ws.dir);
    const uri = ws.uri("docker/Dockerfile");
    await c.open(uri, COPY_SCRIPT);
    assert.ok(codes((await c.waitForDiagnostics(uri)).diagnostics).includes(IGNORED_COPY));
    // Recreated without its ignore file; the editor reports the folder alone, as for a move.
    const folder = join(ws.dir, "docker");
    rmSync(folder, { recursive: true });
    mkdirSync(folder);
    writeFileSync(join(folder, "run.sh"), "#!/bin/sh\n");
    const after = await afterEvent(c, uri, [
      { path: folder, type: FileChangeType.Deleted },
      { path: folder, type: FileChangeType.Created },
    ]);
    assert.ok(!codes(after).includes(IGNORED_COPY), JSON.stringify(after));
  });

  it("a change to a file no fact was read from analyses nothing again", async () => {
    const ws = workspaceFolder({ "src/": "", "src/main.c": "int main;\n", "index.js": "" });
    const c = await startIn(ws.dir);
    const uri = ws.uri("Dockerfile");
    await c.open(uri, COPY_ALL);
    await c.waitForDiagnostics(uri);
    c.published.length = 0;
    writeFileSync(join(ws.dir, "src", "main.c"), "int main(void) { return 0; }\n");
    await c.connection.sendNotification("workspace/didChangeWatchedFiles", {
      changes: [{ uri: pathToFileURL(join(ws.dir, "src", "main.c")).toString(), type: FileChangeType.Changed }],
    });
    // A request answered after the notification was handled; then time for a publication to arrive.
    await c.request("textDocument/documentSymbol", { textDocument: { uri } });
    await new Promise((r) => setTimeout(r, 200));
    assert.deepStrictEqual(c.publishedFor(uri), []);
  });

  it("a Dockerfile outside the workspace folders is read afresh when it opens", async () => {
    const ws = workspaceFolder({});
    const outside = workspaceFolder({ "run.sh": "#!/bin/sh\n" });
    const c = await startIn(ws.dir);
    const first = outside.uri("Dockerfile");
    await c.open(first, COPY_SCRIPT);
    assert.ok(!codes((await c.waitForDiagnostics(first)).diagnostics).includes(IGNORED_COPY));
    // No event comes for it: the editor does not watch there.
    writeFileSync(join(outside.dir, ".dockerignore"), "*.sh\n");
    const second = outside.uri("Dockerfile.dev");
    await c.open(second, COPY_SCRIPT);
    assert.ok(codes((await c.waitForDiagnostics(second)).diagnostics).includes(IGNORED_COPY));
  });
});
