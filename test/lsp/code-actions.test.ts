// Code actions from the real server: quick fixes from findings, fix-all, ignore comments and the
// commodity quick fixes for dockerfile-utils diagnostics.

import * as assert from "assert";
import type { CodeAction, Diagnostic, TextDocumentEdit } from "vscode-languageserver/node";
import { applyEdits } from "../../server/src/model/text";
import { buildServer, editsFor, FULL_CAPABILITIES, LspClient, workspaceFolder } from "../support/lsp-client";

const TYPO = "FROM golang:1.22 AS builder\nRUN go build -o /app .\n\nFROM alpine:3.20\nCOPY --from=buidler /app /app\n";

describe("lsp: code actions", function () {
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

  async function diagnosticsOf(uri: string, text: string): Promise<Diagnostic[]> {
    await client.open(uri, text);
    return (await client.waitForDiagnostics(uri)).diagnostics;
  }

  function actions(uri: string, diagnostics: Diagnostic[], only?: string[]): Promise<CodeAction[]> {
    const range = diagnostics[0]?.range ?? { start: { line: 0, character: 0 }, end: { line: 0, character: 0 } };
    return client.request<CodeAction[]>("textDocument/codeAction", { textDocument: { uri }, range, context: { diagnostics, only } });
  }

  it("offers the finding's fix as the preferred quick fix for its diagnostic", async () => {
    const uri = ws.uri("Dockerfile.quickfix");
    const diagnostics = (await diagnosticsOf(uri, TYPO)).filter((d) => d.code === "copy-from-undefined");
    assert.strictEqual(diagnostics.length, 1, "copy-from-undefined must fire on the typo");
    const offered = await actions(uri, diagnostics);
    const fix = offered.find((a) => a.title === "Replace 'buidler' with 'builder'");
    assert.ok(fix, JSON.stringify(offered.map((a) => a.title)));
    assert.strictEqual(fix.kind, "quickfix");
    assert.strictEqual(fix.isPreferred, true);
    assert.deepStrictEqual(fix.diagnostics, diagnostics);
    // The client announced documentChanges: the edit is versioned against the open document.
    const change = fix.edit?.documentChanges?.[0] as TextDocumentEdit;
    assert.deepStrictEqual(change.textDocument, { uri, version: 1 });
    assert.strictEqual(applyEdits(TYPO, editsFor(fix.edit, uri)), TYPO.replace("buidler", "builder"));
  });

  it("uses plain `changes` for clients without documentChanges", async () => {
    await client.stop();
    client = await LspClient.start({ capabilities: { ...FULL_CAPABILITIES, workspace: { configuration: true } } });
    const uri = ws.uri("Dockerfile.plain");
    const diagnostics = (await diagnosticsOf(uri, TYPO)).filter((d) => d.code === "copy-from-undefined");
    const fix = (await actions(uri, diagnostics)).find((a) => a.isPreferred);
    assert.ok(fix?.edit?.changes?.[uri], JSON.stringify(fix));
    assert.strictEqual(applyEdits(TYPO, fix.edit.changes[uri]), TYPO.replace("buidler", "builder"));
  });

  it("offers an ignore comment above the instruction for every Stagecraft diagnostic", async () => {
    const uri = ws.uri("Dockerfile.ignore");
    const text = "FROM alpine:3.20\nRUN true\n  FROM node\nRUN true\n";
    const diagnostics = (await diagnosticsOf(uri, text)).filter((d) => d.code === "base-image-untagged");
    assert.strictEqual(diagnostics.length, 1);
    const offered = await actions(uri, diagnostics);
    const ignore = offered.find((a) => a.title === "Ignore 'base-image-untagged' for this instruction");
    assert.ok(ignore, JSON.stringify(offered.map((a) => a.title)));
    assert.strictEqual(ignore.isPreferred, false);
    const ignored = applyEdits(text, editsFor(ignore.edit, uri));
    assert.strictEqual(ignored, "FROM alpine:3.20\nRUN true\n  # stagecraft-ignore base-image-untagged\n  FROM node\nRUN true\n");
    // Applying it silences the diagnostic.
    await client.change(uri, 2, [{ text: ignored }]);
    const after = await client.waitForDiagnostics(uri, (p) => p.version === 2);
    assert.ok(!after.diagnostics.some((d) => d.code === "base-image-untagged"), JSON.stringify(after.diagnostics));

    const file = offered.find((a) => a.title === "Ignore 'base-image-untagged' in this file");
    assert.ok(file);
    assert.strictEqual(applyEdits(text, editsFor(file.edit, uri)), `# stagecraft-ignore-file base-image-untagged\n${text}`);
  });

  it("extends an existing ignore comment instead of stacking another", async () => {
    const uri = ws.uri("Dockerfile.extend");
    const text = "# stagecraft-ignore base-image-latest\nFROM node\n";
    const diagnostics = (await diagnosticsOf(uri, text)).filter((d) => d.code === "base-image-untagged");
    const ignore = (await actions(uri, diagnostics)).find((a) => a.title.endsWith("for this instruction"));
    assert.strictEqual(applyEdits(text, editsFor(ignore?.edit, uri)), "# stagecraft-ignore base-image-latest,base-image-untagged\nFROM node\n");
  });

  it("fix-all applies every safe fix that still leaves a valid file", async () => {
    const uri = ws.uri("Dockerfile.fixall");
    const text = "FROM golang:1.22 AS builder\nRUN go build -o /app .\n\nFROM alpine:3.20\nCOPY --from=buidler /app /app\nCOPY --from=buidlr /etc/x /etc/x\n";
    await diagnosticsOf(uri, text);
    const offered = await actions(uri, [], ["source.fixAll"]);
    assert.strictEqual(offered.length, 1, JSON.stringify(offered));
    const [fixAll] = offered;
    assert.strictEqual(fixAll.kind, "source.fixAll.stagecraft");
    const fixed = applyEdits(text, editsFor(fixAll.edit, uri));
    assert.strictEqual(fixed, text.replace("buidler", "builder").replace("buidlr", "builder"));
    // Asking for quick fixes only does not include it.
    const quick = await actions(uri, [], ["quickfix"]);
    assert.ok(!quick.some((a) => a.kind === "source.fixAll.stagecraft"));
  });

  it("offers fix-all in the lightbulb (as a quick fix) on a Stagecraft problem when more than one is fixable", async () => {
    const uri = ws.uri("Dockerfile.fixall-lightbulb");
    const text = "FROM golang:1.22 AS builder\nRUN go build -o /app .\n\nFROM alpine:3.20\nCOPY --from=buidler /app /app\nCOPY --from=buidlr /etc/x /etc/x\n";
    const diagnostics = (await diagnosticsOf(uri, text)).filter((d) => d.source === "stagecraft");
    const onFirst = diagnostics.filter((d) => d.range.start.line === 4);
    assert.ok(onFirst.length > 0, JSON.stringify(diagnostics));
    // The lightbulb asks without `only`; the editor drops source actions from it, so a quick fix must carry fix-all.
    const lightbulb = await actions(uri, onFirst);
    const fixAll = lightbulb.filter((a) => a.kind === "quickfix.stagecraft.fixAll");
    assert.strictEqual(fixAll.length, 1, JSON.stringify(lightbulb.map((a) => a.title)));
    assert.strictEqual(fixAll[0].title, "Fix all 2 safe Stagecraft problems");
    assert.strictEqual(applyEdits(text, editsFor(fixAll[0].edit, uri)), text.replace("buidler", "builder").replace("buidlr", "builder"));
    // Off a problem, and with one fixable problem only, the lightbulb keeps to the problem's own fixes.
    assert.ok(!(await actions(uri, [])).some((a) => a.kind === "quickfix.stagecraft.fixAll"));
    const single = ws.uri("Dockerfile.fixall-single");
    const singleText = "FROM golang:1.22 AS builder\nRUN go build -o /app .\n\nFROM alpine:3.20\nCOPY --from=buidler /app /app\n";
    const singleDiagnostics = (await diagnosticsOf(single, singleText)).filter((d) => d.source === "stagecraft" && d.range.start.line === 4);
    assert.ok(!(await actions(single, singleDiagnostics)).some((a) => a.kind === "quickfix.stagecraft.fixAll"));
  });

  it("offers no fix-all when nothing is safely fixable", async () => {
    const uri = ws.uri("Dockerfile.nothing");
    await diagnosticsOf(uri, "FROM alpine:3.20\nRUN true\n");
    assert.deepStrictEqual(await actions(uri, [], ["source.fixAll.stagecraft"]), []);
  });

  it("keeps dockerfile-language-service's quick fixes for dockerfile-utils diagnostics", async () => {
    const uri = ws.uri("Dockerfile.casing");
    const text = "# ESCAPE=\\\nFROM alpine:3.20\nRUN true\n";
    const diagnostics = (await diagnosticsOf(uri, text)).filter((d) => d.source === "dockerfile-utils");
    assert.ok(diagnostics.length > 0);
    const offered = await actions(uri, diagnostics);
    const lower = offered.find((a) => /lowercase/i.test(a.title));
    assert.ok(lower, JSON.stringify(offered.map((a) => a.title)));
    assert.strictEqual(lower.kind, "quickfix");
    assert.strictEqual(applyEdits(text, editsFor(lower.edit, uri)), "# escape=\\\nFROM alpine:3.20\nRUN true\n");
  });

  it("offers a dockerfile-language-service quick fix only when it passes the apply-analyse-parse check", async () => {
    // Issue #15: "Convert to --from" on `--frombuild` wrote `--from` without the stage name.
    const uri = ws.uri("Dockerfile.frombuild");
    const text = "FROM alpine:3.20 AS build\nRUN touch /out\nFROM alpine:3.20\nCOPY --frombuild /out /out\n";
    const diagnostics = (await diagnosticsOf(uri, text)).filter((d) => d.source === "dockerfile-utils");
    assert.ok(diagnostics.length > 0);
    const offered = await actions(uri, diagnostics);
    assert.deepStrictEqual(
      offered.filter((a) => /^Convert to/.test(a.title)).map((a) => a.title),
      [],
    );
  });

  it("answers for diagnostics of an older version without throwing", async () => {
    const uri = ws.uri("Dockerfile.stale");
    const diagnostics = await diagnosticsOf(uri, TYPO);
    await client.change(uri, 2, [{ text: "FROM alpine:3.20\n" }]);
    const offered = await actions(uri, diagnostics);
    // The finding no longer exists, so no fix is offered for it; ignore comments stay harmless.
    assert.ok(!offered.some((a) => a.title.startsWith("Replace")));
  });

  describe("fix-all in the lightbulb (no `only`)", () => {
    const text = "FROM golang:1.22 AS builder\nRUN go build -o /app .\n\nFROM alpine:3.20\nCOPY --from=buidler /app /app\nCOPY --from=buidlr /etc/x /etc/x\n";
    const RESOLVING = {
      ...FULL_CAPABILITIES,
      textDocument: {
        ...FULL_CAPABILITIES.textDocument,
        codeAction: { ...FULL_CAPABILITIES.textDocument?.codeAction, dataSupport: true, resolveSupport: { properties: ["edit"] } },
      },
    };

    it("is left out for clients that cannot resolve code actions", async () => {
      const uri = ws.uri("Dockerfile.lightbulb");
      await diagnosticsOf(uri, text);
      const offered = await actions(uri, []);
      assert.ok(!offered.some((a) => a.kind === "source.fixAll.stagecraft"), JSON.stringify(offered.map((a) => a.title)));
    });

    it("is offered without its edit to resolving clients, and resolved to the checked edit when picked", async () => {
      await client.stop();
      client = await LspClient.start({ capabilities: RESOLVING });
      const uri = ws.uri("Dockerfile.resolve");
      await diagnosticsOf(uri, text);
      const fixAll = (await actions(uri, [])).find((a) => a.kind === "source.fixAll.stagecraft");
      assert.ok(fixAll && fixAll.edit === undefined && fixAll.data, JSON.stringify(fixAll));
      const resolved = await client.request<CodeAction>("codeAction/resolve", fixAll);
      assert.strictEqual(applyEdits(text, editsFor(resolved.edit, uri)), text.replace("buidler", "builder").replace("buidlr", "builder"));
      // Asked for by kind (on save), it comes with its edit at once.
      const onSave = await actions(uri, [], ["source.fixAll"]);
      assert.ok(onSave[0]?.edit, JSON.stringify(onSave));
    });

    it("refuses to resolve an offer made on an older version", async () => {
      await client.stop();
      client = await LspClient.start({ capabilities: RESOLVING });
      const uri = ws.uri("Dockerfile.resolve-stale");
      await diagnosticsOf(uri, text);
      const fixAll = (await actions(uri, [])).find((a) => a.kind === "source.fixAll.stagecraft");
      assert.ok(fixAll);
      await client.change(uri, 2, [{ text: `${text}RUN true\n` }]);
      await assert.rejects(client.request<CodeAction>("codeAction/resolve", fixAll), /changed/);
    });

    it("is not offered when no finding has a safe fix", async () => {
      await client.stop();
      client = await LspClient.start({ capabilities: RESOLVING });
      const uri = ws.uri("Dockerfile.resolve-nothing");
      await diagnosticsOf(uri, "FROM alpine:3.20\nRUN true\n");
      assert.ok(!(await actions(uri, [])).some((a) => a.kind === "source.fixAll.stagecraft"));
    });
  });
});
