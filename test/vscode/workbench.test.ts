// The extension in a real workbench, driven through the VS Code API on the examples workspace:
// activation, diagnostics, quick fixes, conversion, hovers, completion, rename, symbols, settings.

import * as assert from "assert";
import * as vscode from "vscode";
import {
  EXTENSION_ID,
  SOURCE,
  disableAutoSave,
  exampleUri,
  hoverText,
  openExample,
  positionOf,
  restoreExamples,
  ruleOf,
  stagecraftDiagnostics,
  waitFor,
  waitForDiagnostic,
  waitForNoDiagnostic,
} from "./support";

/** The user-facing command: previews the server's edit as a diff, applies it when accepted. */
const CONVERT_COMMAND = "stagecraft.convert";
/** Generous for a cold web worker, far below the runner's overall limit. */
const TEST_TIMEOUT_MS = 20_000;

describe("Stagecraft in the workbench", function () {
  this.timeout(TEST_TIMEOUT_MS);

  let restoreAutoSave: () => Thenable<void>;
  before(async () => {
    restoreAutoSave = await disableAutoSave();
  });
  after(() => restoreAutoSave());
  afterEach(() => restoreExamples());

  it("activates on a Dockerfile and registers its commands", async () => {
    const extension = vscode.extensions.getExtension(EXTENSION_ID);
    assert.ok(extension, `extension ${EXTENSION_ID} is not installed in the workbench`);
    await openExample("multi-stage/Dockerfile");
    await waitFor("the extension to activate", () => extension.isActive);
    const commands = await vscode.commands.getCommands(true);
    for (const command of ["stagecraft.restartServer", "stagecraft.showOutput"]) {
      assert.ok(commands.includes(command), `command ${command} is not registered`);
    }
  });

  describe("diagnostics on the examples", () => {
    const expected: Record<string, string[]> = {
      "stages/Dockerfile": ["stage-name-casing", "from-as-casing", "stage-index-reference", "stage-unused"],
      "references/Dockerfile": ["copy-from-undefined", "copy-from-later-stage", "copy-from-root", "copy-from-whole-workdir"],
      "base-images/Dockerfile": ["base-image-untagged", "base-image-latest", "base-image-deprecated", "static-binary-cgo"],
      "final-stage/Dockerfile": ["final-stage-toolchain", "final-stage-root"],
      "final-stage/runtime.Dockerfile": ["final-stage-heavy-base", "final-stage-build-tools", "final-stage-dev-dependencies"],
      "layers/Dockerfile": [
        "layer-apt-update-alone",
        "layer-source-before-deps",
        "layer-packages-after-source",
        "layer-consecutive-run",
        "layer-package-cache",
      ],
      "convert/go/Dockerfile": ["single-stage-build"],
    };
    for (const [file, rules] of Object.entries(expected)) {
      it(`${file}: ${rules.join(", ")}`, async () => {
        const document = await openExample(file);
        for (const rule of rules) await waitForDiagnostic(document.uri, rule);
      });
    }

    it("ranges a misspelled --from on the name and suggests the stage it meant", async () => {
      const document = await openExample("references/Dockerfile");
      const diagnostic = await waitForDiagnostic(document.uri, "copy-from-undefined");
      assert.strictEqual(document.getText(diagnostic.range), "biulder");
      assert.strictEqual(diagnostic.severity, vscode.DiagnosticSeverity.Error);
      assert.match(diagnostic.message, /did you mean 'builder'\?/);
      const code = diagnostic.code as { value: string; target: vscode.Uri };
      assert.match(code.target.toString(), /docs\/rules\/copy-from-undefined\.md$/);
    });

    it("reports nothing above a hint on the clean multi-stage example", async () => {
      const document = await openExample("multi-stage/Dockerfile");
      // A clean file publishes nothing to wait for: a probe stage with an untagged base is added and
      // undone, so the diagnostics judged below are those of the file as it is.
      const editor = vscode.window.activeTextEditor!;
      await editor.edit((b) => b.insert(new vscode.Position(document.lineCount, 0), "FROM ubuntu AS probe\n"));
      await waitForDiagnostic(document.uri, "base-image-untagged");
      await vscode.commands.executeCommand("undo");
      await waitForNoDiagnostic(document.uri, "base-image-untagged");
      const serious = stagecraftDiagnostics(document.uri).filter((d) => d.severity <= vscode.DiagnosticSeverity.Warning);
      assert.deepStrictEqual(
        serious.map((d) => `${ruleOf(d)}: ${d.message}`),
        [],
      );
    });
  });

  describe("editing features", () => {
    it("applies the 'did you mean' quick fix through the code action provider", async () => {
      const document = await openExample("references/Dockerfile");
      const diagnostic = await waitForDiagnostic(document.uri, "copy-from-undefined");
      const actions = await vscode.commands.executeCommand<vscode.CodeAction[]>(
        "vscode.executeCodeActionProvider",
        document.uri,
        diagnostic.range,
        vscode.CodeActionKind.QuickFix.value,
      );
      const fix = actions.find((a) => a.edit && /builder/.test(a.title));
      assert.ok(fix?.edit, `no quick fix names 'builder'; offered: ${actions.map((a) => a.title).join(" | ")}`);
      assert.ok(await vscode.workspace.applyEdit(fix.edit), "the workbench refused the quick fix's edit");
      assert.match(document.getText(), /COPY --from=builder \/app\/dist \.\/dist/);
      await waitForNoDiagnostic(document.uri, "copy-from-undefined");
    });

    it("converts a single-stage Dockerfile to multi-stage with the command", async () => {
      const commands = await vscode.commands.getCommands(true);
      assert.ok(commands.includes(CONVERT_COMMAND), `command '${CONVERT_COMMAND}' (Stagecraft: Convert to multi-stage) is not registered by the extension`);
      const document = await openExample("convert/go/Dockerfile");
      await waitForDiagnostic(document.uri, "single-stage-build");
      const before = document.getText();
      // `apply: true` accepts the diff preview, which a person would confirm with "Apply".
      const applied = await vscode.commands.executeCommand<boolean>(CONVERT_COMMAND, { uri: document.uri.toString(), apply: true });
      assert.strictEqual(applied, true, "the command reports the conversion as not applied");
      const after = document.getText();
      assert.notStrictEqual(after, before, "the document did not change");
      const froms = after.match(/^FROM\s.*$/gim) ?? [];
      assert.ok(froms.length >= 2, `expected a builder and a runtime stage, got:\n${after}`);
      assert.match(froms[0] ?? "", /golang:1\.26-bookworm AS \S+/i, "the builder stage does not keep the original toolchain image");
      assert.match(after, /COPY --from=\S+ \S*api\b/, `the runtime stage does not copy the built binary from the builder:\n${after}`);
      assert.match(after, /^(?:CMD|ENTRYPOINT) .*\bapi\b/m, `the start command was lost:\n${after}`);
      await waitForNoDiagnostic(document.uri, "single-stage-build");
      await vscode.window.showTextDocument(document);
      await vscode.commands.executeCommand("undo");
      assert.strictEqual(document.getText(), before, "one undo does not restore the original");
    });

    it("offers Convert to multi-stage in the lightbulb, routed through the previewing command", async () => {
      const document = await openExample("convert/go/Dockerfile");
      const diagnostic = await waitForDiagnostic(document.uri, "single-stage-build");
      const actions = await vscode.commands.executeCommand<vscode.CodeAction[]>("vscode.executeCodeActionProvider", document.uri, diagnostic.range);
      const convert = actions.find((a) => /Convert to multi-stage/i.test(a.title));
      assert.ok(convert, `no Convert to multi-stage action; offered: ${actions.map((a) => a.title).join(" | ")}`);
      // Applying the raw edit would skip the diff preview the user is promised.
      assert.strictEqual(convert.edit, undefined, "the action applies its edit without the preview");
      assert.strictEqual(convert.command?.command, CONVERT_COMMAND);
    });

    /** Runs Convert on a Dockerfile opened in a preview tab and answers the Refactor Preview with `answer`. */
    async function convertThroughRefactorPreview(answer: "refactorPreview.apply" | "refactorPreview.discard") {
      const document = await vscode.workspace.openTextDocument(exampleUri("convert/go/Dockerfile"));
      await openExample("convert/go/Dockerfile"); // remembers the original text for restoreExamples
      await vscode.commands.executeCommand("workbench.action.closeAllEditors");
      // A single click in the Explorer opens a preview tab (italic title), which the next editor replaces.
      await vscode.window.showTextDocument(document, { preview: true });
      const tabOf = () =>
        vscode.window.tabGroups.all
          .flatMap((g) => g.tabs)
          .find((t) => t.input instanceof vscode.TabInputText && t.input.uri.toString() === document.uri.toString());
      assert.strictEqual(tabOf()?.isPreview, true, "the test could not open the Dockerfile in a preview tab");
      await waitForDiagnostic(document.uri, "single-stage-build");
      const before = document.getText();
      let settled = false;
      const converting = Promise.resolve(vscode.commands.executeCommand<boolean>(CONVERT_COMMAND, { uri: document.uri.toString() })).finally(
        () => (settled = true),
      );
      // The preview is not modal: the document stays as it was until the answer, which a person gives
      // in the Refactor Preview panel (these are its Apply and Discard buttons' commands).
      await new Promise((resolve) => setTimeout(resolve, 2000));
      assert.strictEqual(document.getText(), before, "the conversion was applied before anyone confirmed it");
      assert.strictEqual(settled, false, "Convert finished without waiting for the Refactor Preview");
      if (answer === "refactorPreview.apply") {
        // The change needs confirmation, so it starts unticked: tick it (the panel has the focus), as a person would.
        await vscode.commands.executeCommand("list.focusFirst");
        await vscode.commands.executeCommand("refactorPreview.toggleCheckedState");
      }
      await waitFor(`the Refactor Preview to take '${answer}'`, async () => {
        if (!settled) await vscode.commands.executeCommand(answer);
        await new Promise((resolve) => setTimeout(resolve, 200));
        return settled;
      });
      return { document, before, applied: await converting, tab: tabOf() };
    }

    it("previews Convert in the Refactor Preview and keeps a preview tab open after Apply", async () => {
      const { document, before, applied, tab } = await convertThroughRefactorPreview("refactorPreview.apply");
      assert.strictEqual(applied, true);
      assert.notStrictEqual(document.getText(), before);
      assert.ok((document.getText().match(/^FROM\s/gim) ?? []).length >= 2, document.getText());
      assert.ok(tab, "the Dockerfile's tab is gone after Apply");
      assert.strictEqual(vscode.window.activeTextEditor?.document.uri.toString(), document.uri.toString(), "the Dockerfile is not back in front");
    });

    it("keeps the Dockerfile unchanged and its preview tab open after Discard", async () => {
      const { document, before, applied, tab } = await convertThroughRefactorPreview("refactorPreview.discard");
      assert.strictEqual(applied, false);
      assert.strictEqual(document.getText(), before);
      assert.ok(tab, "the Dockerfile's tab is gone after Discard");
    });

    it("offers Fix all in the lightbulb (a quick fix, not only a source action) when several problems are fixable", async () => {
      const text = "FROM golang:1.22 AS builder\nRUN go build -o /app .\n\nFROM alpine:3.20\nCOPY --from=buidler /app /app\nCOPY --from=buidlr /etc/x /etc/x\n";
      const document = await vscode.workspace.openTextDocument({ language: "dockerfile", content: text });
      await vscode.window.showTextDocument(document);
      const typo = await waitForDiagnostic(document.uri, "copy-from-undefined");
      const actions = await vscode.commands.executeCommand<vscode.CodeAction[]>("vscode.executeCodeActionProvider", document.uri, typo.range);
      // The lightbulb lists every action but source actions: a quick-fix kind is what puts Fix all there.
      const fixAll = actions.filter((a) => /^Fix all/.test(a.title) && a.kind && vscode.CodeActionKind.QuickFix.contains(a.kind));
      assert.strictEqual(fixAll.length, 1, actions.map((a) => `${a.title} (${a.kind?.value})`).join(" | "));
      assert.ok(fixAll[0].edit && (await vscode.workspace.applyEdit(fixAll[0].edit)));
      assert.strictEqual(document.getText(), text.replace("buidler", "builder").replace("buidlr", "builder"));
      await vscode.commands.executeCommand("workbench.action.revertAndCloseActiveEditor");
    });

    it("types `FROM node:` and more in a new Dockerfile (test-web fails the run on any workbench warning or error)", async () => {
      const document = await vscode.workspace.openTextDocument({ language: "dockerfile", content: "" });
      await vscode.window.showTextDocument(document);
      for (const text of ["FROM node:", "20-alpine AS build\n", "RUN npm ci\n", "FROM build\nCOPY --from="]) {
        for (const ch of text) {
          await vscode.commands.executeCommand("type", { text: ch });
          // About a typist's pace: completion, semantic tokens and diagnostics run in between.
          await new Promise((resolve) => setTimeout(resolve, 40));
        }
        // A pause after each chunk, as a typist looks at the completion list: the editor asks for
        // semantic tokens and draws them then (`FROM node:` once drew a zero-length token).
        await new Promise((resolve) => setTimeout(resolve, 1200));
      }
      await new Promise((resolve) => setTimeout(resolve, 1000));
      assert.match(document.getText(), /^FROM node:/);
      await vscode.commands.executeCommand("workbench.action.revertAndCloseActiveEditor");
    });

    for (const ecosystem of ["node", "python", "rust", "java", "dotnet"]) {
      it(`converts the ${ecosystem} example to a builder and a runtime stage`, async () => {
        const document = await openExample(`convert/${ecosystem}/Dockerfile`);
        const applied = await vscode.commands.executeCommand<boolean>(CONVERT_COMMAND, { uri: document.uri.toString(), apply: true });
        assert.strictEqual(applied, true, `the ${ecosystem} example was not converted`);
        const stages = document.getText().match(/^FROM\s/gim) ?? [];
        assert.ok(stages.length >= 2, `expected a builder and a runtime stage, got:\n${document.getText()}`);
        assert.match(document.getText(), /^COPY --from=/m, `the runtime stage copies nothing from the builder:\n${document.getText()}`);
      });
    }

    it("shows the compressed size of a base image on hover", async () => {
      const document = await openExample("hovers/Dockerfile");
      const position = positionOf(document, "FROM node:22", "FROM n".length);
      const hovers = await vscode.commands.executeCommand<vscode.Hover[]>("vscode.executeHoverProvider", document.uri, position);
      const text = hoverText(hovers);
      assert.match(text, /\d+(?:\.\d+)?\s?MB/, `the hover on node:22 gives no size:\n${text}`);
    });

    it("describes the stage a --from= names on hover", async () => {
      const document = await openExample("hovers/Dockerfile");
      const position = positionOf(document, "--from=web ", "--from=w".length);
      const hovers = await vscode.commands.executeCommand<vscode.Hover[]>("vscode.executeHoverProvider", document.uri, position);
      const text = hoverText(hovers);
      assert.match(text, /web/, `the hover does not name the stage:\n${text}`);
      assert.match(text, /node:\$\{NODE_VERSION\}-bookworm|node:24-bookworm/, `the hover does not give the stage's base:\n${text}`);
    });

    it("completes stage names after --from=", async () => {
      const document = await openExample("multi-stage/Dockerfile");
      const editor = await vscode.window.showTextDocument(document);
      const line = positionOf(document, "EXPOSE 8080").line;
      await editor.edit((edit) => edit.insert(new vscode.Position(line, 0), "COPY --from=\n"));
      const list = await vscode.commands.executeCommand<vscode.CompletionList>(
        "vscode.executeCompletionItemProvider",
        document.uri,
        new vscode.Position(line, "COPY --from=".length),
      );
      const labels = list.items.map((item) => (typeof item.label === "string" ? item.label : item.label.label));
      for (const stage of ["modules", "build", "test"])
        assert.ok(labels.includes(stage), `'${stage}' is not offered after --from=; offered: ${labels.join(", ")}`);
    });

    it("renames a stage and every reference to it", async () => {
      const document = await openExample("multi-stage/Dockerfile");
      const position = positionOf(document, "AS build", "AS ".length);
      const edit = await vscode.commands.executeCommand<vscode.WorkspaceEdit>("vscode.executeDocumentRenameProvider", document.uri, position, "compile");
      assert.ok(edit && edit.size > 0, "rename produced no edit");
      assert.ok(await vscode.workspace.applyEdit(edit));
      const text = document.getText();
      assert.match(text, /FROM modules AS compile\n/);
      assert.match(text, /COPY --from=compile \/out\/server \/server/);
      assert.doesNotMatch(text, /--from=build\b|AS build\b/);
    });

    it("groups document symbols by stage", async () => {
      const document = await openExample("multi-stage/Dockerfile");
      const symbols = await waitFor("document symbols", () =>
        vscode.commands
          .executeCommand<vscode.DocumentSymbol[]>("vscode.executeDocumentSymbolProvider", document.uri)
          .then((s) => (s && s.length > 0 ? s : undefined)),
      );
      const names = symbols.map((s) => s.name);
      for (const stage of ["modules", "build", "test"]) assert.ok(names.includes(stage), `no symbol for stage '${stage}'; top level: ${names.join(", ")}`);
      const build = symbols.find((s) => s.name === "build") as vscode.DocumentSymbol;
      assert.deepStrictEqual(
        build.children.map((c) => c.name),
        ["FROM", "COPY", "RUN"],
      );
      assert.ok(names.indexOf("modules") < names.indexOf("build"), "stages are not in file order");
    });

    it("drops a rule's diagnostics when its setting is 'off' and brings them back when reset", async () => {
      const document = await openExample("base-images/Dockerfile");
      await waitForDiagnostic(document.uri, "base-image-untagged");
      const rules = vscode.workspace.getConfiguration("stagecraft.rules");
      try {
        await rules.update("base-image-untagged", "off", vscode.ConfigurationTarget.Global);
        await waitForNoDiagnostic(document.uri, "base-image-untagged");
        // Only that rule goes: the others on the file stay.
        assert.ok(stagecraftDiagnostics(document.uri).some((d) => ruleOf(d) === "base-image-latest"));
      } finally {
        await rules.update("base-image-untagged", undefined, vscode.ConfigurationTarget.Global);
      }
      await waitForDiagnostic(document.uri, "base-image-untagged");
    });

    it("publishes diagnostics under the 'stagecraft' source only for Dockerfiles", async () => {
      const readme = await vscode.workspace.openTextDocument(exampleUri("README.md"));
      await vscode.window.showTextDocument(readme);
      const document = await openExample("stages/Dockerfile");
      await waitForDiagnostic(document.uri, "stage-name-casing");
      assert.deepStrictEqual(
        vscode.languages.getDiagnostics(readme.uri).filter((d) => d.source === SOURCE),
        [],
      );
    });
  });
});
