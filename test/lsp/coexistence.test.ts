// Coexistence with Docker's Dockerfile extensions, through the real server: what the client reports
// in initializationOptions.environment (and later in stagecraft/didChangeEnvironment) turns the
// commodity features off or on, hides the rules another extension reports, and is logged.

import * as assert from "assert";
import type { ClientCapabilities, CompletionItem, Hover, MarkupContent, PublishDiagnosticsParams, TextEdit } from "vscode-languageserver/node";
import { decideCoexistence, describeCoexistence } from "../../server/src/lsp/coexistence";
import { buildServer, FULL_CAPABILITIES, LspClient, positionOf, workspaceFolder } from "../support/lsp-client";

/** VS Code's capabilities for the switchable features: all of them may be registered later. */
const DYNAMIC: ClientCapabilities = {
  ...FULL_CAPABILITIES,
  textDocument: {
    ...FULL_CAPABILITIES.textDocument,
    formatting: { dynamicRegistration: true },
    rangeFormatting: { dynamicRegistration: true },
    onTypeFormatting: { dynamicRegistration: true },
    semanticTokens: { dynamicRegistration: true, requests: { full: true }, tokenTypes: [], tokenModifiers: [], formats: ["relative"] },
    documentLink: { dynamicRegistration: true },
    signatureHelp: { dynamicRegistration: true },
  },
};
const SWITCHABLE_METHODS = [
  "textDocument/documentLink",
  "textDocument/formatting",
  "textDocument/onTypeFormatting",
  "textDocument/rangeFormatting",
  "textDocument/semanticTokens",
  "textDocument/signatureHelp",
];

// `FROM ... as` is from-as-casing (BuildKit FromAsCasing); `run` is instruction-casing, which stands
// in for dockerfile-utils' casing check; the bad duration is a dockerfile-utils syntax problem only.
const TEXT = "FROM node:20-bookworm as build\nrun npm ci\nHEALTHCHECK --interval=abc CMD true\n";

const text = (hover: Hover | null) => (hover ? (hover.contents as MarkupContent).value : "");

describe("lsp: coexistence with Docker's Dockerfile extensions", function () {
  this.timeout(30000);
  const ws = workspaceFolder({});
  let counter = 0;
  before(() => buildServer());

  async function session(extensions: string[] | undefined, languageFeatures = "auto") {
    const environment = extensions ? { extensions, languageFeatures, version: "9.9.9" } : undefined;
    const client = await LspClient.start({ capabilities: DYNAMIC, initializationOptions: { environment } });
    const uri = ws.uri(`Dockerfile.${++counter}`);
    await client.open(uri, TEXT);
    const published = await client.waitForDiagnostics(uri, (p) => p.diagnostics.length > 0);
    return { client, uri, published };
  }
  const rules = (p: PublishDiagnosticsParams) => p.diagnostics.map((d) => `${d.source}:${String(d.code)}`);
  const registeredMethods = (client: LspClient) => [...new Set(client.registered.values())].filter((m) => SWITCHABLE_METHODS.includes(m)).sort();
  const waitUntil = async (what: string, probe: () => boolean) => {
    for (let i = 0; i < 100 && !probe(); i++) await new Promise((r) => setTimeout(r, 50));
    assert.ok(probe(), what);
  };

  it("keeps every feature when no Docker extension is installed", async () => {
    const { client, uri, published } = await session(["vscode.git"]);
    try {
      assert.ok(rules(published).includes("stagecraft:from-as-casing"), rules(published).join());
      assert.ok(rules(published).includes("stagecraft:instruction-casing"));
      assert.ok(
        published.diagnostics.some((d) => d.source === "dockerfile-utils"),
        "syntax validation runs",
      );
      await waitUntil("every switchable feature registered", () => registeredMethods(client).length === SWITCHABLE_METHODS.length);
      const keyword = await client.request<Hover | null>("textDocument/hover", { textDocument: { uri }, position: positionOf(TEXT, "HEALTHCHECK", 1) });
      assert.ok(text(keyword).length > 0, "instruction hover");
      assert.ok(
        client.logs.some((l) => /^Stagecraft 9\.9\.9, node server; settings: .*Dockerfile extensions detected: none; turned off: nothing/.test(l)),
        client.logs.join("\n"),
      );
    } finally {
      await client.stop();
    }
  });

  it("leaves to Docker DX what it does and keeps Stagecraft's own features", async () => {
    const { client, uri, published } = await session(["docker.docker", "vscode.git"]);
    try {
      const reported = rules(published);
      assert.ok(!reported.includes("stagecraft:from-as-casing"), `BuildKit's FromAsCasing is Docker DX's: ${reported.join()}`);
      assert.ok(!reported.includes("stagecraft:instruction-casing"), "dockerfile-utils' casing check is Docker DX's");
      assert.ok(!published.diagnostics.some((d) => d.source === "dockerfile-utils"), "no syntax validation");
      // Nothing switchable is registered, so VS Code lists one formatter, one set of links and tokens.
      await new Promise((r) => setTimeout(r, 300));
      assert.deepStrictEqual(registeredMethods(client), []);
      assert.strictEqual(client.initializeResult.capabilities.documentFormattingProvider, undefined);
      // Instruction docs and keyword completion are gone; the image-size hover and stage names stay.
      const keyword = await client.request<Hover | null>("textDocument/hover", { textDocument: { uri }, position: positionOf(TEXT, "HEALTHCHECK", 1) });
      assert.strictEqual(keyword, null);
      const image = await client.request<Hover | null>("textDocument/hover", { textDocument: { uri }, position: positionOf(TEXT, "node:20", 2) });
      assert.match(text(image), /MB/);
      const keywords = await client.request<CompletionItem[]>("textDocument/completion", { textDocument: { uri }, position: { line: 3, character: 0 } });
      assert.deepStrictEqual(keywords, []);
      const log = client.logs.find((l) => l.startsWith("Stagecraft 9.9.9"));
      assert.match(
        log ?? "",
        /detected: docker\.docker; turned off: syntax validation; instruction hovers, completion and signature help; formatting; semantic tokens; document links; \d+ rules another extension reports \(.*from-as-casing/,
      );
    } finally {
      await client.stop();
    }
  });

  it("keeps a hidden rule the user set a severity for", async () => {
    const client = await LspClient.start({ capabilities: DYNAMIC, initializationOptions: { environment: { extensions: ["docker.docker"] } } });
    try {
      client.settings = { rules: { "from-as-casing": "error" } };
      const uri = ws.uri(`Dockerfile.${++counter}`);
      await client.open(uri, TEXT);
      const published = await client.waitForDiagnostics(uri, (p) => p.diagnostics.length > 0);
      const codes = published.diagnostics.filter((d) => d.source === "stagecraft").map((d) => d.code);
      assert.ok(codes.includes("from-as-casing") && !codes.includes("instruction-casing"), codes.join());
    } finally {
      await client.stop();
    }
  });

  it("applies to clients that push their settings instead of answering workspace/configuration", async () => {
    const capabilities: ClientCapabilities = { ...DYNAMIC, workspace: { ...DYNAMIC.workspace, configuration: false } };
    const client = await LspClient.start({ capabilities, initializationOptions: { settings: {}, environment: { extensions: ["docker.docker"] } } });
    try {
      const uri = ws.uri(`Dockerfile.${++counter}`);
      await client.open(uri, TEXT);
      const published = await client.waitForDiagnostics(uri, (p) => p.diagnostics.length > 0);
      assert.ok(!rules(published).includes("stagecraft:from-as-casing"), rules(published).join());
      assert.ok(
        rules(published).some((r) => r.startsWith("stagecraft:")),
        "Stagecraft's own rules stay",
      );
      assert.ok(!published.diagnostics.some((d) => d.source === "dockerfile-utils"));
      assert.strictEqual(client.configurationRequests, 0);
    } finally {
      await client.stop();
    }
  });

  it("follows the client when an extension is installed or the setting changes", async () => {
    const { client, uri } = await session(["ms-azuretools.vscode-containers"]);
    try {
      const before = await client.request<TextEdit[] | null>("textDocument/formatting", { textDocument: { uri }, options: { tabSize: 4, insertSpaces: true } });
      assert.deepStrictEqual(before, [], "formatting answers nothing while it is off");
      await client.connection.sendNotification("stagecraft/didChangeEnvironment", { extensions: ["ms-azuretools.vscode-containers"], languageFeatures: "all" });
      await waitUntil("the switchable features registered", () => registeredMethods(client).length === SWITCHABLE_METHODS.length);
      await client.waitForDiagnostics(uri, (p) => p.diagnostics.some((d) => d.source === "dockerfile-utils"));
      await client.connection.sendNotification("stagecraft/didChangeEnvironment", {
        extensions: ["ms-azuretools.vscode-containers"],
        languageFeatures: "auto",
      });
      await waitUntil("the switchable features unregistered", () => registeredMethods(client).length === 0);
      assert.ok(
        client.logs.some((l) => /^Dockerfile extensions changed: languageFeatures=all; .*turned off: nothing/.test(l)),
        client.logs.join("\n"),
      );
    } finally {
      await client.stop();
    }
  });
});

describe("coexistence decisions", () => {
  it("hides BuildKit duplicates only beside Docker DX, and nothing for hadolint's extension", () => {
    const dx = decideCoexistence({ mode: "auto", extensions: ["docker.docker"] });
    assert.ok(dx.hiddenRules.has("from-as-casing") && dx.hiddenRules.has("var-undefined"));
    assert.ok(!dx.hiddenRules.has("copy-from-undefined"), "a rule that only overlaps dockerfile-utils' broader check stays");
    const containers = decideCoexistence({ mode: "auto", extensions: ["ms-azuretools.vscode-containers"] });
    assert.ok(!containers.hiddenRules.has("from-as-casing") && containers.hiddenRules.has("instruction-casing"));
    const hadolint = decideCoexistence({ mode: "auto", extensions: ["exiasr.hadolint"] });
    assert.deepStrictEqual([hadolint.off.size, hadolint.hiddenRules.size, hadolint.detected], [0, 0, ["exiasr.hadolint"]]);
  });

  it("forces either way with `all` and `stagecraft-only`", () => {
    const all = decideCoexistence({ mode: "all", extensions: ["docker.docker"] });
    assert.deepStrictEqual([all.off.size, all.hiddenRules.size], [0, 0]);
    const only = decideCoexistence({ mode: "stagecraft-only", extensions: [] });
    assert.strictEqual(only.off.size, 5);
    assert.match(describeCoexistence(only), /languageFeatures=stagecraft-only; Dockerfile extensions detected: none; turned off: syntax validation/);
  });
});
