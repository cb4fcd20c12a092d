// "Convert to multi-stage" against the real server: the executeCommand answer (a WorkspaceEdit the
// server does not apply), the refactoring on the FROM line titled with the saving, the quick fix on
// single-stage-build, the `stagecraft.convert.runtime` setting, and refusals.

import * as assert from "assert";
import { readFileSync } from "fs";
import { join } from "path";
import type { CodeAction, Diagnostic, TextDocumentEdit, WorkspaceEdit } from "vscode-languageserver/node";
import { convertToMultiStage } from "../../server/src/convert/index";
import { readBuildContext } from "../../server/src/host/node-context";
import { parseDockerfile } from "../../server/src/model/parse";
import { applyEdits } from "../../server/src/model/text";
import { buildServer, editsFor, LspClient, workspaceFolder } from "../support/lsp-client";

const GO = 'FROM golang:1.26\nWORKDIR /src\nCOPY . .\nRUN go build -o /bin/hello .\nEXPOSE 8080\nCMD ["/bin/hello"]\n';
const MULTI = 'FROM golang:1.26 AS build\nRUN go build -o /hello .\n\nFROM scratch\nCOPY --from=build /hello /hello\nCMD ["/hello"]\n';

describe("lsp: convert to multi-stage", function () {
  this.timeout(30000);
  let client: LspClient;
  const ws = workspaceFolder({ ".dockerignore": ".git\n" });

  before(() => buildServer());
  beforeEach(async () => {
    client = await LspClient.start();
  });
  afterEach(async () => {
    await client.stop();
  });

  async function open(name: string, text: string): Promise<{ uri: string; diagnostics: Diagnostic[] }> {
    const uri = ws.uri(name);
    await client.open(uri, text);
    return { uri, diagnostics: (await client.waitForDiagnostics(uri)).diagnostics };
  }

  it("announces the command and the refactoring kind", () => {
    const caps = client.initializeResult.capabilities;
    assert.deepStrictEqual(caps.executeCommandProvider?.commands, ["stagecraft.convertToMultiStage"]);
    const kinds = typeof caps.codeActionProvider === "object" ? caps.codeActionProvider.codeActionKinds : [];
    assert.ok(kinds?.includes("refactor.rewrite"), JSON.stringify(kinds));
  });

  it("answers executeCommand with a WorkspaceEdit and leaves the document alone", async () => {
    const { uri } = await open("Dockerfile.command", GO);
    const edit = await client.request<WorkspaceEdit>("workspace/executeCommand", { command: "stagecraft.convertToMultiStage", arguments: [{ uri }] });
    // The server reads the workspace as the build context; the planner is asked with the same facts.
    const expected = convertToMultiStage(parseDockerfile(GO, await readBuildContext(uri)));
    assert.ok(expected.ok);
    assert.strictEqual(applyEdits(GO, editsFor(edit, uri)), expected.text);
    // Versioned against the open document, so a stale edit is rejected by the client.
    assert.deepStrictEqual((edit.documentChanges?.[0] as TextDocumentEdit).textDocument, { uri, version: 1 });
  });

  it("uses the runtime given in the arguments", async () => {
    const { uri } = await open("Dockerfile.runtime-arg", GO);
    const edit = await client.request<WorkspaceEdit>("workspace/executeCommand", {
      command: "stagecraft.convertToMultiStage",
      arguments: [{ uri, runtime: "scratch" }],
    });
    assert.match(applyEdits(GO, editsFor(edit, uri)), /\nFROM scratch AS runtime\n/);
  });

  it("follows the stagecraft.convert.runtime setting", async () => {
    client.settings = { convert: { runtime: "alpine" } };
    const { uri } = await open("Dockerfile.runtime-setting", GO);
    const edit = await client.request<WorkspaceEdit>("workspace/executeCommand", { command: "stagecraft.convertToMultiStage", arguments: [uri] });
    assert.match(applyEdits(GO, editsFor(edit, uri)), /\nFROM alpine:3\.\d+ AS runtime\n/);
  });

  it("answers a refusal as an error whose message is the reason", async () => {
    const { uri } = await open("Dockerfile.multi", MULTI);
    await assert.rejects(client.request("workspace/executeCommand", { command: "stagecraft.convertToMultiStage", arguments: [{ uri }] }), (error: Error) =>
      /Cannot convert to multi-stage: the file is already multi-stage/.test(error.message),
    );
  });

  it("offers a refactor.rewrite action on the FROM line, titled with the saving", async () => {
    const { uri } = await open("Dockerfile.refactor", GO);
    const actions = await client.request<CodeAction[]>("textDocument/codeAction", {
      textDocument: { uri },
      range: { start: { line: 0, character: 6 }, end: { line: 0, character: 6 } },
      context: { diagnostics: [], only: ["refactor"] },
    });
    assert.strictEqual(actions.length, 1, JSON.stringify(actions.map((a) => a.title)));
    const [action] = actions;
    assert.match(action.title, /^Convert to multi-stage \(≈ −\d+ MB\)$/);
    assert.strictEqual(action.kind, "refactor.rewrite.stagecraft.convert");
    assert.strictEqual(parseDockerfile(applyEdits(GO, editsFor(action.edit, uri))).stages.length, 2);
  });

  it("offers nothing on other lines, and nothing for a file it cannot convert", async () => {
    const { uri } = await open("Dockerfile.elsewhere", GO);
    const elsewhere = await client.request<CodeAction[]>("textDocument/codeAction", {
      textDocument: { uri },
      range: { start: { line: 3, character: 0 }, end: { line: 3, character: 0 } },
      context: { diagnostics: [], only: ["refactor"] },
    });
    assert.deepStrictEqual(elsewhere, []);
    const multi = await open("Dockerfile.multi-action", MULTI);
    const none = await client.request<CodeAction[]>("textDocument/codeAction", {
      textDocument: { uri: multi.uri },
      range: { start: { line: 3, character: 0 }, end: { line: 3, character: 0 } },
      context: { diagnostics: [], only: ["refactor"] },
    });
    assert.deepStrictEqual(none, []);
  });

  it("attaches the conversion to the single-stage-build diagnostic", async () => {
    const { uri, diagnostics } = await open("Dockerfile.quickfix", GO);
    const remedied = diagnostics.filter((d) => d.code === "single-stage-build");
    assert.strictEqual(remedied.length, 1, JSON.stringify(diagnostics.map((d) => d.code)));
    const actions = await client.request<CodeAction[]>("textDocument/codeAction", {
      textDocument: { uri },
      range: remedied[0].range,
      context: { diagnostics: remedied },
    });
    const convert = actions.find((a) => a.title.startsWith("Convert to multi-stage"));
    assert.ok(convert, JSON.stringify(actions.map((a) => a.title)));
    assert.strictEqual(convert.kind, "quickfix.stagecraft.convert");
    assert.deepStrictEqual(convert.diagnostics, remedied);
    // The remedy leads; the ignore comments come after it.
    const titles = actions.map((a) => a.title);
    assert.ok(titles.indexOf(convert.title) < titles.findIndex((t) => t.startsWith("Ignore")), JSON.stringify(titles));
    // Applying it removes the diagnostic it remedies.
    const converted = applyEdits(GO, editsFor(convert.edit, uri));
    await client.change(uri, 2, [{ text: converted }]);
    const after = await client.waitForDiagnostics(uri, (p) => p.version === 2);
    assert.ok(!after.diagnostics.some((d) => d.code === "single-stage-build" || d.severity === 1), JSON.stringify(after.diagnostics.map((d) => d.code)));
  });

  it("attaches the conversion of the final stage to the final-stage-toolchain diagnostic", async () => {
    const text = readFileSync(join(__dirname, "..", "fixtures", "convert", "multi-stage-final-toolchain", "Dockerfile"), "utf8");
    const { uri, diagnostics } = await open("Dockerfile.toolchain", text);
    const remedied = diagnostics.filter((d) => d.code === "final-stage-toolchain");
    assert.strictEqual(remedied.length, 1, JSON.stringify(diagnostics.map((d) => d.code)));
    const actions = await client.request<CodeAction[]>("textDocument/codeAction", {
      textDocument: { uri },
      range: remedied[0].range,
      context: { diagnostics: remedied, only: ["quickfix"] },
    });
    const convert = actions.find((a) => a.kind === "quickfix.stagecraft.convert");
    assert.ok(convert, JSON.stringify(actions.map((a) => a.title)));
    assert.match(convert.title, /^Convert to multi-stage \(≈ −\d+ MB\)$/);
    const converted = applyEdits(text, editsFor(convert.edit, uri));
    const expected = convertToMultiStage(parseDockerfile(text, await readBuildContext(uri)));
    assert.ok(expected.ok);
    assert.strictEqual(converted, expected.text);
  });

  it("rejects unknown commands and closed documents", async () => {
    await assert.rejects(client.request("workspace/executeCommand", { command: "stagecraft.nope", arguments: [] }));
    await assert.rejects(
      client.request("workspace/executeCommand", { command: "stagecraft.convertToMultiStage", arguments: [{ uri: ws.uri("Closed.Dockerfile") }] }),
      /not open/,
    );
  });
});
