// Code actions computed once per analysis, so once per document version and settings
// (lsp/code-actions.ts, lsp/convert.ts): the lightbulb asks at every cursor move, and fix-all costs
// an analysis of the fixed text, the conversion a run of the planner. Asked again for the same
// analysis, the same answer comes back; a new version's analysis gets its own.

import * as assert from "assert";
import { TextDocument } from "vscode-languageserver-textdocument";
import type { CodeAction, CodeActionParams } from "vscode-languageserver";
import { analyze, AnalyzeOptions } from "../../../server/src/engine";
import { readClientFeatures } from "../../../server/src/lsp/client-features";
import { computeCodeActions, fixAllAction } from "../../../server/src/lsp/code-actions";
import type { DocumentAnalysis } from "../../../server/src/lsp/documents";
import { createCommodityService } from "../../../server/src/lsp/language-service";
import { CONVERT_REFACTOR_KIND } from "../../../server/src/lsp/protocol";
import { DEFAULT_SETTINGS } from "../../../server/src/lsp/settings";
import { FULL_CAPABILITIES } from "../../support/lsp-client";

const URI = "file:///project/Dockerfile";
const client = readClientFeatures({
  ...FULL_CAPABILITIES,
  textDocument: { ...FULL_CAPABILITIES.textDocument, codeAction: { ...FULL_CAPABILITIES.textDocument?.codeAction, dataSupport: true } },
});
const service = createCommodityService({}, () => undefined);

/** The document and its analysis at `version`, as the document store makes them. */
function analysed(text: string, version: number): { document: TextDocument; analysis: DocumentAnalysis } {
  const options: AnalyzeOptions = { settings: {}, syntax: {} };
  const { model, findings, syntax } = analyze(text, options);
  return {
    document: TextDocument.create(URI, "dockerfile", version, text),
    analysis: { uri: URI, version, model, findings, syntax, settings: DEFAULT_SETTINGS, options },
  };
}

/** Two safe fixes: the casing of `as` and of `run`. */
const FIXABLE = "FROM alpine:3.20 as build\nRUN echo hi\nFROM alpine:3.20 as final\nrun echo there\nCOPY --from=build /x /x\n";
/** A single-stage build the planner converts (test/fixtures/convert/dotnet-publish). */
const CONVERTIBLE = [
  "FROM mcr.microsoft.com/dotnet/sdk:8.0",
  "WORKDIR /src",
  "COPY *.csproj ./",
  "RUN dotnet restore",
  "COPY . .",
  "RUN dotnet publish -c Release -o /app/publish",
  "WORKDIR /app/publish",
  'ENTRYPOINT ["dotnet", "Api.dll"]',
  "",
].join("\n");

describe("lsp: code actions once per version", () => {
  it("answers fix-all from the first computation for the same analysis, and anew for the next version", () => {
    const first = analysed(FIXABLE, 1);
    const once = fixAllAction(first.document, first.analysis, client);
    assert.ok(once?.edit, "no fix-all edit");
    // The very edit object: nothing was analysed again.
    assert.strictEqual(fixAllAction(first.document, first.analysis, client)?.edit, once.edit);

    const next = analysed(FIXABLE.replace("run echo there", "RUN echo there"), 2);
    const again = fixAllAction(next.document, next.analysis, client);
    assert.notStrictEqual(again?.edit, once.edit);
    // The new version has one safe fix fewer: its edit is its own.
    assert.notDeepStrictEqual(again?.edit, once.edit);
  });

  it("offers the conversion planned for this analysis, and the next version's own plan", async () => {
    const fromLine = (document: TextDocument, analysis: DocumentAnalysis): Promise<CodeAction[]> => {
      const at = { line: 0, character: 0 };
      const params: CodeActionParams = {
        textDocument: { uri: URI },
        range: { start: at, end: at },
        context: { diagnostics: [], only: [CONVERT_REFACTOR_KIND] },
      };
      return computeCodeActions(params, document, analysis, service, client);
    };
    const first = analysed(CONVERTIBLE, 1);
    const [planned] = await fromLine(first.document, first.analysis);
    assert.ok(planned?.edit, "no conversion offered");
    assert.deepStrictEqual(await fromLine(first.document, first.analysis), [planned]);

    const next = analysed(CONVERTIBLE.replace("Api.dll", "Web.dll"), 2);
    const [replanned] = await fromLine(next.document, next.analysis);
    assert.ok(JSON.stringify(replanned?.edit).includes("Web.dll"), JSON.stringify(replanned?.edit));
    assert.ok(!JSON.stringify(replanned?.edit).includes("Api.dll"));
  });
});
