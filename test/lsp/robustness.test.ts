// The server survives hostile input and keeps answering: binary-ish text, a 1 MB file, an empty
// file, requests for unknown documents and out-of-range positions.

import * as assert from "assert";
import type { DocumentSymbol, Hover } from "vscode-languageserver/node";
import { buildServer, LspClient, workspaceFolder } from "../support/lsp-client";

describe("lsp: robustness", function () {
  this.timeout(60000);
  let client: LspClient;
  const ws = workspaceFolder({});

  before(async () => {
    await buildServer();
    client = await LspClient.start();
  });
  after(async () => {
    await client.stop();
  });

  /** Every feature request on `uri` answers (with anything) instead of failing or hanging. */
  async function exercise(uri: string, position = { line: 0, character: 3 }): Promise<void> {
    const doc = { textDocument: { uri } };
    const at = { ...doc, position };
    await Promise.all([
      client.request("textDocument/hover", at),
      client.request("textDocument/completion", at),
      client.request("textDocument/documentSymbol", doc),
      client.request("textDocument/foldingRange", doc),
      client.request("textDocument/semanticTokens/full", doc),
      client.request("textDocument/documentLink", doc),
      client.request("textDocument/definition", at),
      client.request("textDocument/references", { ...at, context: { includeDeclaration: true } }),
      client.request("textDocument/documentHighlight", at),
      client.request("textDocument/prepareRename", at),
      client.request("textDocument/signatureHelp", at),
      client.request("textDocument/formatting", { ...doc, options: { tabSize: 2, insertSpaces: true } }),
      client.request("textDocument/codeAction", { ...doc, range: { start: position, end: position }, context: { diagnostics: [] } }),
    ]);
  }

  async function assertStillWorks(): Promise<void> {
    const uri = ws.uri(`Dockerfile.check${Date.now()}`);
    await client.open(uri, "FROM alpine:3.20\nWORKDIR /app\n");
    await client.waitForDiagnostics(uri);
    const hover = await client.request<Hover>("textDocument/hover", { textDocument: { uri }, position: { line: 1, character: 2 } });
    assert.ok(hover, "server stopped answering");
    assert.ok(client.isAlive, client.stderr);
  }

  it("survives binary-ish text", async () => {
    let junk = "";
    for (let i = 0; i < 20000; i++) junk += String.fromCharCode((i * 7919) % 65536);
    const text = `FROM \u0000\uffff AS \ud800\n${junk}\nRUN --mount=from=\u0000 \\\n\u0007\nCOPY --from=\n`;
    const uri = ws.uri("Dockerfile.binary");
    await client.open(uri, text);
    await client.waitForDiagnostics(uri);
    await exercise(uri);
    await exercise(uri, { line: 1, character: 5000 });
    await assertStillWorks();
  });

  it("survives a 1 MB file", async () => {
    const stage = "FROM golang:1.22 AS builder\nRUN go build ./... && \\\n    echo done\nCOPY --from=builder /a /b\n";
    const text = stage.repeat(Math.ceil(1_000_000 / stage.length));
    const uri = ws.uri("Dockerfile.huge");
    await client.open(uri, text);
    const published = await client.waitForDiagnostics(uri, () => true, 45000);
    assert.strictEqual(published.version, 1);
    const symbols = await client.request<DocumentSymbol[]>("textDocument/documentSymbol", { textDocument: { uri } });
    assert.ok(symbols.length > 1000);
    await client.close(uri);
    await assertStillWorks();
  });

  it("survives an empty file and edits into and out of it", async () => {
    const uri = ws.uri("Dockerfile.empty");
    await client.open(uri, "");
    const published = await client.waitForDiagnostics(uri);
    assert.strictEqual(published.version, 1);
    await exercise(uri);
    await client.change(uri, 2, [{ text: "FROM" }]);
    await client.change(uri, 3, [{ range: { start: { line: 0, character: 0 }, end: { line: 0, character: 4 } }, text: "" }]);
    await client.waitForDiagnostics(uri, (p) => p.version === 3);
    await assertStillWorks();
  });

  it("answers requests on unknown documents and out-of-range positions", async () => {
    await exercise("file:///nowhere/Dockerfile");
    const uri = ws.uri("Dockerfile.range");
    await client.open(uri, "FROM alpine:3.20\n");
    await exercise(uri, { line: 99, character: 99 });
    await assertStillWorks();
  });

  it("ignores malformed settings", async () => {
    const uri = ws.uri("Dockerfile.badsettings");
    client.settings = { rules: ["nonsense"], syntax: { instructionCasing: 42 } };
    await client.connection.sendNotification("workspace/didChangeConfiguration", { settings: null });
    await client.open(uri, "from node\n");
    const published = await client.waitForDiagnostics(uri);
    assert.ok(published.diagnostics.some((d) => d.code === "base-image-untagged"));
    client.settings = {};
    await assertStillWorks();
  });
});
