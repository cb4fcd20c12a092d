// The real server over stdio: capabilities, diagnostics (Stagecraft and dockerfile-utils),
// incremental sync, stale versions, settings and configuration changes.

import * as assert from "assert";
import { pathToFileURL } from "url";
import { Diagnostic, DiagnosticSeverity, PublishDiagnosticsParams, TextDocumentSyncKind } from "vscode-languageserver/node";
import { allRules } from "../../server/src/rules/index";
import { buildServer, LspClient, textAt, workspaceFolder } from "../support/lsp-client";

const isInstalled = (id: string) => allRules.some((r) => r.meta.id === id);
const codes = (p: PublishDiagnosticsParams, source = "stagecraft") => p.diagnostics.filter((d) => d.source === source).map((d) => d.code);
const find = (p: PublishDiagnosticsParams, code: string | number): Diagnostic | undefined => p.diagnostics.find((d) => d.code === code);

describe("lsp: diagnostics", function () {
  this.timeout(30000);
  let client: LspClient;
  const ws = workspaceFolder({ ".dockerignore": ".git\nnode_modules\n" });

  before(() => buildServer());
  beforeEach(async () => {
    client = await LspClient.start();
  });
  afterEach(async () => {
    await client.stop();
  });

  it("announces incremental sync and the feature providers", () => {
    const caps = client.initializeResult.capabilities;
    const sync = caps.textDocumentSync as { change: number; openClose: boolean };
    assert.strictEqual(sync.change, TextDocumentSyncKind.Incremental);
    assert.strictEqual(sync.openClose, true);
    assert.deepStrictEqual((caps.codeActionProvider as { codeActionKinds: string[] }).codeActionKinds, [
      "quickfix",
      "refactor.rewrite",
      "source.fixAll.stagecraft",
    ]);
    for (const key of [
      "completionProvider",
      "hoverProvider",
      "signatureHelpProvider",
      "documentSymbolProvider",
      "definitionProvider",
      "referencesProvider",
      "documentHighlightProvider",
      "renameProvider",
      "foldingRangeProvider",
      "documentFormattingProvider",
      "documentRangeFormattingProvider",
      "documentOnTypeFormattingProvider",
      "semanticTokensProvider",
      "documentLinkProvider",
    ] as const) {
      assert.ok(caps[key], `missing ${key}`);
    }
    assert.deepStrictEqual(caps.renameProvider, { prepareProvider: true });
    assert.strictEqual(client.initializeResult.serverInfo?.name, "stagecraft");
  });

  it("reports copy-from-undefined on exactly the misspelled stage name, with its docs link", async () => {
    const uri = ws.uri("Dockerfile.copy");
    const text = "FROM golang:1.22 AS builder\nRUN go build -o /app .\n\nFROM alpine:3.20\nCOPY --from=buidler /app /app\n";
    await client.open(uri, text);
    const published = await client.waitForDiagnostics(uri);
    const diagnostic = find(published, "copy-from-undefined");
    assert.ok(diagnostic, `no copy-from-undefined in ${JSON.stringify(published.diagnostics)}`);
    assert.strictEqual(textAt(text, diagnostic.range), "buidler");
    assert.deepStrictEqual(diagnostic.range, { start: { line: 4, character: 12 }, end: { line: 4, character: 19 } });
    assert.strictEqual(diagnostic.source, "stagecraft");
    assert.strictEqual(diagnostic.severity, DiagnosticSeverity.Error);
    assert.match(diagnostic.codeDescription?.href ?? "", /\/docs\/rules\/copy-from-undefined\.md$/);
    assert.match(String(diagnostic.message), /builder/);
  });

  it("maps severity, code and docs link of a finding", async () => {
    const uri = ws.uri("Dockerfile.untagged");
    await client.open(uri, "FROM node\nRUN true\n");
    const published = await client.waitForDiagnostics(uri);
    const diagnostic = find(published, "base-image-untagged");
    assert.ok(diagnostic);
    assert.strictEqual(diagnostic.severity, DiagnosticSeverity.Warning);
    assert.deepStrictEqual(diagnostic.range, { start: { line: 0, character: 5 }, end: { line: 0, character: 9 } });
    assert.match(diagnostic.codeDescription?.href ?? "", /base-image-untagged\.md$/);
    assert.strictEqual(published.version, 1);
  });

  it("updates diagnostics after an incremental change, for the new version", async () => {
    const uri = ws.uri("Dockerfile.incremental");
    await client.open(uri, "FROM node\nRUN true\n");
    await client.waitForDiagnostics(uri, (p) => codes(p).includes("base-image-untagged"));
    // Append a tag to the image: `FROM node` -> `FROM node:20`.
    await client.change(uri, 2, [{ range: { start: { line: 0, character: 9 }, end: { line: 0, character: 9 } }, text: ":20" }]);
    const after = await client.waitForDiagnostics(uri, (p) => p.version === 2);
    assert.ok(!codes(after).includes("base-image-untagged"), JSON.stringify(after.diagnostics));
    // And a second edit on another line brings a new finding at the right place.
    await client.change(uri, 3, [{ range: { start: { line: 2, character: 0 }, end: { line: 2, character: 0 } }, text: "FROM python\n" }]);
    const third = await client.waitForDiagnostics(uri, (p) => p.version === 3);
    const diagnostic = find(third, "base-image-untagged");
    assert.ok(diagnostic);
    assert.strictEqual(diagnostic.range.start.line, 2);
  });

  it("never publishes a superseded version while typing fast", async () => {
    const uri = ws.uri("Dockerfile.typing");
    await client.open(uri, "FROM node:20\n");
    await client.waitForDiagnostics(uri, (p) => p.version === 1);
    let line = "";
    for (let version = 2; version <= 20; version++) {
      const ch = "abcdefghijklmnopqrstuvwxyz"[version];
      await client.change(uri, version, [
        { range: { start: { line: 1, character: line.length }, end: { line: 1, character: line.length } }, text: version === 2 ? `RUN ${ch}` : ch },
      ]);
      line += version === 2 ? `RUN ${ch}` : ch;
    }
    await client.waitForDiagnostics(uri, (p) => p.version === 20);
    await new Promise((r) => setTimeout(r, 300));
    const versions = client.publishedFor(uri).map((p) => p.version);
    assert.deepStrictEqual(versions, [1, 20]);
  });

  it("reads the debounce from workspace/configuration and applies a change without a restart", async () => {
    // Started with 0 in initializationOptions: the per-document setting wins over it.
    await client.stop();
    client = await LspClient.start({ initializationOptions: { diagnosticsDelay: 0 } });
    client.settings = { diagnostics: { delay: 4000 } };
    const uri = ws.uri("Dockerfile.delay");
    const started = Date.now();
    await client.open(uri, "FROM node\n");
    // Opening analyses at once, whatever the delay.
    await client.waitForDiagnostics(uri, (p) => p.version === 1, 3000);
    assert.ok(Date.now() - started < 3000);
    await client.change(uri, 2, [{ range: { start: { line: 0, character: 9 }, end: { line: 0, character: 9 } }, text: ":20" }]);
    await assert.rejects(
      client.waitForDiagnostics(uri, (p) => p.version === 2, 1500),
      /no matching diagnostics/,
    );
    // The user lowers the delay: the next edit is analysed without waiting 4 s.
    client.settings = { diagnostics: { delay: 0 } };
    await client.connection.sendNotification("workspace/didChangeConfiguration", { settings: null });
    await client.change(uri, 3, [{ range: { start: { line: 0, character: 12 }, end: { line: 0, character: 12 } }, text: "-slim" }]);
    const typed = Date.now();
    await client.waitForDiagnostics(uri, (p) => p.version === 3, 3000);
    assert.ok(Date.now() - typed < 3000);
  });

  it("drops an analysis whose document changed while its settings were being fetched", async () => {
    await client.stop();
    client = await LspClient.start({ initializationOptions: { diagnosticsDelay: 0 } });
    client.configurationDelay = 400;
    const uri = ws.uri("Dockerfile.slowsettings");
    await client.open(uri, "FROM node\n");
    await client.change(uri, 2, [{ range: { start: { line: 0, character: 9 }, end: { line: 0, character: 9 } }, text: ":20" }]);
    await client.change(uri, 3, [{ range: { start: { line: 0, character: 5 }, end: { line: 0, character: 12 } }, text: "python" }]);
    const published = await client.waitForDiagnostics(uri, (p) => p.version === 3);
    assert.ok(codes(published).includes("base-image-untagged"));
    await new Promise((r) => setTimeout(r, 200));
    assert.deepStrictEqual(
      client.publishedFor(uri).map((p) => p.version),
      [3],
    );
    assert.ok(client.configurationRequests >= 1);
  });

  it("analyses a document of another workspace folder under its own settings, published once", async () => {
    // The server starts each new document under the settings the previous one got, while the
    // client answers; answered with other settings, that head start must leave no trace.
    await client.stop();
    const other = workspaceFolder();
    client = await LspClient.start({
      initializationOptions: { diagnosticsDelay: 0 },
      workspaceFolders: [pathToFileURL(ws.dir).href, pathToFileURL(other.dir).href],
    });
    const text = "FROM node\nCMD ['a']\n";
    client.settings = { rules: { "base-image-untagged": "off" }, syntax: { instructionJSONInSingleQuotes: "ignore" } };
    const first = ws.uri("Dockerfile.likely-first");
    await client.open(first, text);
    const quiet = await client.waitForDiagnostics(first, (p) => p.version === 1);
    assert.ok(!codes(quiet).includes("base-image-untagged"), JSON.stringify(quiet.diagnostics));
    assert.ok(!quiet.diagnostics.some((d) => d.code === "instructionJSONInSingleQuotes"), JSON.stringify(quiet.diagnostics));

    client.settings = { rules: { "base-image-untagged": "error" }, syntax: { instructionJSONInSingleQuotes: "error" } };
    client.configurationDelay = 300;
    const second = other.uri("Dockerfile.likely-second");
    await client.open(second, text);
    const own = await client.waitForDiagnostics(second, (p) => p.version === 1);
    assert.strictEqual(find(own, "base-image-untagged")?.severity, DiagnosticSeverity.Error, JSON.stringify(own.diagnostics));
    assert.strictEqual(find(own, "instructionJSONInSingleQuotes")?.severity, DiagnosticSeverity.Error, JSON.stringify(own.diagnostics));
    await new Promise((r) => setTimeout(r, 200));
    assert.strictEqual(client.publishedFor(second).length, 1);
  });

  it("publishes a document of a folder whose settings are known without waiting for its own, corrected if they differ", async () => {
    // An editor answers the same settings for every file of a workspace folder, so the second file
    // needs no round trip; a client that answers otherwise gets the file's own settings right after.
    await client.stop();
    client = await LspClient.start({ initializationOptions: { diagnosticsDelay: 0 }, workspaceFolders: [pathToFileURL(ws.dir).href] });
    const text = "FROM node\n";
    const first = ws.uri("Dockerfile.folder-first");
    await client.open(first, text);
    assert.ok(codes(await client.waitForDiagnostics(first, (p) => p.version === 1)).includes("base-image-untagged"));

    client.configurationDelay = 1000;
    const second = ws.uri("Dockerfile.folder-second");
    const opened = Date.now();
    await client.open(second, text);
    const known = await client.waitForDiagnostics(second, (p) => p.version === 1);
    assert.ok(Date.now() - opened < 1000, "published before the client answered");
    assert.ok(codes(known).includes("base-image-untagged"), JSON.stringify(known.diagnostics));
    await new Promise((r) => setTimeout(r, 1200));
    assert.strictEqual(client.publishedFor(second).length, 1, "its own settings, answered since, were its folder's: nothing to correct");

    client.configurationDelay = 300;
    client.settings = { rules: { "base-image-untagged": "off" } };
    const third = ws.uri("Dockerfile.folder-third");
    await client.open(third, text);
    const assumed = await client.waitForDiagnostics(third, (p) => p.version === 1);
    assert.ok(codes(assumed).includes("base-image-untagged"), "first under the folder's settings");
    const corrected = await client.waitForDiagnostics(third, (p) => client.publishedFor(third).indexOf(p) === 1, 5000);
    assert.ok(!codes(corrected).includes("base-image-untagged"), JSON.stringify(corrected.diagnostics));
    assert.strictEqual(corrected.version, 1);
  });

  it("turns a rule off through workspace/configuration and re-validates on didChangeConfiguration", async () => {
    const uri = ws.uri("Dockerfile.settings");
    await client.open(uri, "FROM node\n");
    await client.waitForDiagnostics(uri, (p) => codes(p).includes("base-image-untagged"));
    const before = client.published.length;
    client.settings = { rules: { "base-image-untagged": "off" } };
    await client.connection.sendNotification("workspace/didChangeConfiguration", { settings: null });
    const after = await client.waitForDiagnostics(uri, (p) => client.published.indexOf(p) >= before);
    assert.ok(!codes(after).includes("base-image-untagged"), JSON.stringify(after.diagnostics));
    assert.strictEqual(after.version, 1);

    // A severity override is applied too.
    const mark = client.published.length;
    client.settings = { rules: { "base-image-untagged": "error" } };
    await client.connection.sendNotification("workspace/didChangeConfiguration", { settings: null });
    const raised = await client.waitForDiagnostics(uri, (p) => client.published.indexOf(p) >= mark);
    assert.strictEqual(find(raised, "base-image-untagged")?.severity, DiagnosticSeverity.Error);
  });

  it("uses initializationOptions settings when the client cannot answer workspace/configuration", async () => {
    await client.stop();
    client = await LspClient.start({ capabilities: {}, initializationOptions: { settings: { rules: { "base-image-untagged": "info" } } } });
    const uri = ws.uri("Dockerfile.push");
    await client.open(uri, "FROM node\n");
    const published = await client.waitForDiagnostics(uri);
    assert.strictEqual(find(published, "base-image-untagged")?.severity, DiagnosticSeverity.Information);
    assert.strictEqual(client.configurationRequests, 0);
    // Push-style clients send the section with the notification.
    const mark = client.published.length;
    await client.connection.sendNotification("workspace/didChangeConfiguration", { settings: { stagecraft: { rules: { "base-image-untagged": "off" } } } });
    const after = await client.waitForDiagnostics(uri, (p) => client.published.indexOf(p) >= mark);
    assert.ok(!codes(after).includes("base-image-untagged"));
  });

  it("surfaces dockerfile-utils diagnostics with their own source, tunable per check", async () => {
    const uri = ws.uri("Dockerfile.syntax");
    // Instruction casing and relative WORKDIR are rules now (instruction-casing, instruction-workdir-relative).
    await client.open(uri, "# ESCAPE=\\\nFROM alpine:3.20\nCMD ['a']\n");
    const published = await client.waitForDiagnostics(uri);
    const syntax = published.diagnostics.filter((d) => d.source === "dockerfile-utils");
    assert.ok(
      syntax.some((d) => d.message.toString().includes("lowercase")),
      JSON.stringify(published.diagnostics),
    );
    // Stable names, not dockerfile-utils' numbers.
    assert.ok(
      syntax.some((d) => d.code === "directiveCasing"),
      JSON.stringify(syntax),
    );
    assert.ok(syntax.every((d) => typeof d.code === "string" && /^[a-z][A-Za-z]+$/.test(d.code)));

    const mark = client.published.length;
    client.settings = { syntax: { directiveCasing: "ignore", instructionJSONInSingleQuotes: "error" } };
    await client.connection.sendNotification("workspace/didChangeConfiguration", { settings: null });
    const after = await client.waitForDiagnostics(uri, (p) => client.published.indexOf(p) >= mark);
    const tuned = after.diagnostics.filter((d) => d.source === "dockerfile-utils");
    assert.ok(!tuned.some((d) => d.message.toString().includes("lowercase")), JSON.stringify(tuned));
    const quotes = tuned.find((d) => d.range.start.line === 2);
    assert.strictEqual(quotes?.severity, DiagnosticSeverity.Error);
  });

  it("does not report a duplicate stage name twice (dockerfile-utils and Stagecraft)", async () => {
    const uri = ws.uri("Dockerfile.duplicate");
    await client.open(uri, "FROM alpine:3.20 AS build\nRUN true\nFROM alpine:3.20 AS build\nRUN true\n");
    const published = await client.waitForDiagnostics(uri);
    const theirs = published.diagnostics.filter((d) => d.source === "dockerfile-utils" && d.code === 10);
    const ours = published.diagnostics.filter((d) => d.code === "stage-name-duplicate");
    if (isInstalled("stage-name-duplicate")) {
      assert.strictEqual(theirs.length, 0, "dockerfile-utils duplicate kept although stage-name-duplicate reports it");
      assert.ok(ours.length > 0);
    } else {
      assert.strictEqual(theirs.length, 2, "without the Stagecraft rule, dockerfile-utils' check must stay");
    }
  });

  it("clears diagnostics when the document closes", async () => {
    const uri = ws.uri("Dockerfile.close");
    await client.open(uri, "FROM node\n");
    await client.waitForDiagnostics(uri, (p) => p.diagnostics.length > 0);
    await client.close(uri);
    const cleared = await client.waitForDiagnostics(uri, (p) => p.diagnostics.length === 0);
    assert.strictEqual(cleared.version, undefined);
  });
});
