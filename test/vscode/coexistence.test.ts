// Stagecraft beside Docker's Dockerfile extensions: the "beside Docker's extensions" run of
// `npm run test:web` loads stand-ins carrying the ids of Container Tools, Docker, Docker DX and
// hadolint's extension (test/vscode/stub-extension), each registering an instruction hover, keyword
// completion, a formatter and diagnostics. With `stagecraft.languageFeatures` at its default
// (`auto`), every one of those appears once, from its stand-in only, and Stagecraft's own features
// stay; `all` brings Stagecraft's copies back, which proves the counts can fail.

import * as assert from "assert";
import * as vscode from "vscode";
import { hoverText, positionOf, SOURCE, waitFor } from "./support";

const STUB_IDS = ["docker.docker", "exiasr.hadolint", "ms-azuretools.vscode-containers", "ms-azuretools.vscode-docker"];
/** dockerfile-utils' diagnostics, which Stagecraft publishes unless another extension validates the syntax. */
const SYNTAX_SOURCE = "dockerfile-utils";

// `as` is BuildKit's FromAsCasing (Stagecraft's from-as-casing); the bad duration is a syntax problem;
// the misspelled stage and the indented RUN are for Stagecraft's own rule and the formatter.
const TEXT =
  "FROM golang:1.22 AS builder\nRUN go build -o /app .\n\nFROM node:20-bookworm as build\n  RUN npm ci\nHEALTHCHECK --interval=abc CMD true\nCOPY --from=biulder /app /app\n";

async function setMode(mode: "auto" | "all" | undefined): Promise<void> {
  await vscode.workspace.getConfiguration("stagecraft").update("languageFeatures", mode, vscode.ConfigurationTarget.Global);
}

describe("Stagecraft beside Docker's Dockerfile extensions", function () {
  this.timeout(30_000);
  let document: vscode.TextDocument;

  before(async () => {
    for (const id of STUB_IDS) assert.ok(vscode.extensions.getExtension(id), `the stand-in for ${id} is not loaded`);
    document = await vscode.workspace.openTextDocument({ language: "dockerfile", content: TEXT });
    await vscode.window.showTextDocument(document);
    await vscode.extensions.getExtension("stagecraft.stagecraft")?.activate();
    await Promise.all(STUB_IDS.map((id) => vscode.extensions.getExtension(id)?.activate()));
  });
  after(async () => {
    await setMode(undefined);
    await vscode.commands.executeCommand("workbench.action.revertAndCloseActiveEditor");
  });

  const diagnostics = () => vscode.languages.getDiagnostics(document.uri);
  const count = (source: string, code?: string) =>
    diagnostics().filter((d) => d.source === source && (code === undefined || String(typeof d.code === "object" ? d.code.value : d.code) === code)).length;
  const hovers = (needle: string, offset: number) =>
    vscode.commands.executeCommand<vscode.Hover[]>("vscode.executeHoverProvider", document.uri, positionOf(document, needle, offset));
  const fromItems = async () => {
    const list = await vscode.commands.executeCommand<vscode.CompletionList>("vscode.executeCompletionItemProvider", document.uri, new vscode.Position(2, 0));
    // The stand-ins offer `FROM`; dockerfile-language-service's item is `FROM baseImage`.
    return list.items.filter((i) => /^FROM\b/.test(typeof i.label === "string" ? i.label : i.label.label));
  };
  const formatEdits = async () =>
    (await vscode.commands.executeCommand<vscode.TextEdit[] | undefined>("vscode.executeFormatDocumentProvider", document.uri, {
      tabSize: 4,
      insertSpaces: true,
    })) ?? [];

  describe("with languageFeatures = auto (the default)", () => {
    before(async () => {
      await setMode(undefined);
      // Stagecraft's own rule is there, so its analysis of this version has been published.
      await waitFor("Stagecraft's copy-from-undefined", () => count(SOURCE, "copy-from-undefined") === 1, 15_000);
    });

    it("shows each problem once: the extensions' syntax and BuildKit problems, Stagecraft's own rules", () => {
      for (const id of STUB_IDS) assert.strictEqual(count(id), id === "docker.docker" ? 2 : 1, `${id}'s problems`);
      assert.strictEqual(count(SYNTAX_SOURCE), 0, "Stagecraft repeats the syntax validation");
      assert.strictEqual(count(SOURCE, "from-as-casing"), 0, "Stagecraft repeats BuildKit's FromAsCasing, which Docker DX reports");
      assert.strictEqual(count("docker.docker", "FromAsCasing"), 1);
      assert.strictEqual(count(SOURCE, "copy-from-undefined"), 1);
    });

    it("shows each instruction hover once and keeps Stagecraft's image-size hover", async () => {
      const instruction = await hovers("HEALTHCHECK", 2);
      assert.deepStrictEqual(instruction.map((h) => hoverText([h]).split(":")[0]).sort(), STUB_IDS, hoverText(instruction));
      const image = await hovers("node:20-bookworm", 2);
      assert.strictEqual(image.length, 1, hoverText(image));
      assert.match(hoverText(image), /Compressed pull size[\s\S]*MB/);
    });

    it("lists each keyword completion once and keeps Stagecraft's stage names", async () => {
      const items = await fromItems();
      assert.deepStrictEqual(items.map((i) => i.detail).sort(), STUB_IDS, items.map((i) => i.label).join());
      const stages = await vscode.commands.executeCommand<vscode.CompletionList>(
        "vscode.executeCompletionItemProvider",
        document.uri,
        positionOf(document, "--from=biulder", "--from=".length),
      );
      assert.ok(
        stages.items.some((i) => i.label === "builder"),
        "Stagecraft's stage-name completion is gone",
      );
    });

    it("leaves formatting, links and semantic tokens to the other extensions", async () => {
      assert.deepStrictEqual(await formatEdits(), [], "a Stagecraft formatter answered beside the extensions' ones");
      for (const id of STUB_IDS)
        assert.ok((await vscode.commands.executeCommand<{ formatting: number }>(`${id}.stubCalls`)).formatting > 0, `${id}'s formatter`);
      assert.deepStrictEqual(await vscode.commands.executeCommand("vscode.executeLinkProvider", document.uri), []);
      assert.strictEqual(await vscode.commands.executeCommand("vscode.provideDocumentSemanticTokensLegend", document.uri), undefined);
    });

    it("keeps Stagecraft's quick fixes, Fix all and Convert", async () => {
      const typo = diagnostics().find((d) => d.source === SOURCE && String(typeof d.code === "object" ? d.code.value : d.code) === "copy-from-undefined");
      assert.ok(typo);
      const actions = await vscode.commands.executeCommand<vscode.CodeAction[]>("vscode.executeCodeActionProvider", document.uri, typo.range);
      const titles = actions.map((a) => a.title);
      assert.ok(
        titles.some((t) => /'builder'/.test(t)),
        titles.join(" | "),
      );
      assert.ok(titles.some((t) => /Convert to multi-stage/.test(t)) || titles.some((t) => /^Fix all/.test(t)), titles.join(" | "));
    });
  });

  describe("with languageFeatures = all", () => {
    before(async () => {
      await setMode("all");
      await waitFor("Stagecraft's syntax validation", () => count(SYNTAX_SOURCE) === 1, 15_000);
    });

    it("brings back every Stagecraft copy beside the extensions' ones", async () => {
      assert.strictEqual(count(SOURCE, "from-as-casing"), 1);
      const instruction = await hovers("HEALTHCHECK", 2);
      assert.strictEqual(instruction.length, STUB_IDS.length + 1, hoverText(instruction));
      const items = await fromItems();
      assert.strictEqual(items.length, STUB_IDS.length + 1, items.map((i) => i.detail).join());
      assert.ok((await formatEdits()).length > 0, "Stagecraft's formatter is not back");
      await waitFor("Stagecraft's semantic tokens", () => vscode.commands.executeCommand("vscode.provideDocumentSemanticTokensLegend", document.uri));
    });
  });
});
