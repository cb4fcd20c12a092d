// The build-context rules through the real server: the node host reads the folder, the engine
// reports, and a fix that creates a file reaches the client as a CreateFile workspace edit.

import * as assert from "assert";
import type { CodeAction, CreateFile, Diagnostic, TextDocumentEdit } from "vscode-languageserver/node";
import { buildServer, FULL_CAPABILITIES, LspClient, workspaceFolder } from "../support/lsp-client";

const COPY_ALL = 'FROM node:20-alpine\nWORKDIR /app\nCOPY . .\nCMD ["node", "index.js"]\n';

describe("lsp: build-context rules", function () {
  this.timeout(30000);
  let client: LspClient | null = null;

  before(() => buildServer());
  afterEach(async () => {
    await client?.stop();
    client = null;
  });

  async function diagnosticsOf(uri: string, text: string, capabilities = FULL_CAPABILITIES): Promise<Diagnostic[]> {
    client = await LspClient.start({ capabilities });
    await client.open(uri, text);
    return (await client.waitForDiagnostics(uri)).diagnostics;
  }

  it("offers to create a .dockerignore next to the Dockerfile", async () => {
    const ws = workspaceFolder({ "index.js": "", "node_modules/": "", ".git/": "" });
    const uri = ws.uri("Dockerfile");
    const diagnostics = (await diagnosticsOf(uri, COPY_ALL)).filter((d) => d.code === "context-no-dockerignore");
    assert.strictEqual(diagnostics.length, 1);
    const actions = await (client as LspClient).request<CodeAction[]>("textDocument/codeAction", {
      textDocument: { uri },
      range: diagnostics[0].range,
      context: { diagnostics },
    });
    const create = actions.find((a) => a.title.startsWith("Create a .dockerignore"));
    assert.ok(create, JSON.stringify(actions.map((a) => a.title)));
    // A suggestion: offered, never preferred for fix-all.
    assert.strictEqual(create.isPreferred, false);
    const [createFile, content] = create.edit?.documentChanges ?? [];
    assert.deepStrictEqual(createFile, { kind: "create", uri: ws.uri(".dockerignore"), options: { ignoreIfExists: true } } satisfies CreateFile);
    const text = (content as TextDocumentEdit).edits.map((e) => ("newText" in e ? e.newText : "")).join("");
    assert.deepStrictEqual(
      text.split("\n").filter((l) => l !== "" && !l.startsWith("#")),
      [".git", "**/node_modules"],
    );
  });

  it("leaves the fix out for clients that cannot create files", async () => {
    const ws = workspaceFolder({ "index.js": "", "node_modules/": "" });
    const uri = ws.uri("Dockerfile");
    const noCreate = { ...FULL_CAPABILITIES, workspace: { ...FULL_CAPABILITIES.workspace, workspaceEdit: { documentChanges: true } } };
    const diagnostics = (await diagnosticsOf(uri, COPY_ALL, noCreate)).filter((d) => d.code === "context-no-dockerignore");
    assert.strictEqual(diagnostics.length, 1);
    const actions = await (client as LspClient).request<CodeAction[]>("textDocument/codeAction", {
      textDocument: { uri },
      range: diagnostics[0].range,
      context: { diagnostics },
    });
    assert.ok(!actions.some((a) => a.title.startsWith("Create a .dockerignore")), JSON.stringify(actions.map((a) => a.title)));
  });

  it("reports a COPY source the folder's .dockerignore excludes", async () => {
    const ws = workspaceFolder({ ".dockerignore": "config/\n", "config/": "" });
    const uri = ws.uri("Dockerfile");
    const diagnostics = await diagnosticsOf(uri, "FROM alpine:3.20\nCOPY config/app.yaml /etc/app/\n");
    const ignored = diagnostics.filter((d) => d.code === "copy-ignored-file");
    assert.strictEqual(ignored.length, 1, JSON.stringify(diagnostics));
    assert.deepStrictEqual(ignored[0].range, { start: { line: 1, character: 5 }, end: { line: 1, character: 20 } });
  });
});
