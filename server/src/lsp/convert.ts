// "Convert to multi-stage" over LSP: the `stagecraft.convertToMultiStage` command (answers a
// WorkspaceEdit, applies nothing) and the code actions that carry the same edit, titled with the
// estimated saving. The planner decides everything; this file only converts shapes.

import { CodeAction, CodeActionParams, Diagnostic, LSPErrorCodes, ResponseError, TextEdit, WorkspaceEdit } from "vscode-languageserver";
import { conversionTitle, convertToMultiStage, RUNTIME_FAMILIES, RuntimeFamily } from "../convert/index";
import type { DockerfileModel } from "../model/types";
import { allRules } from "../rules/index";
import type { ClientFeatures } from "./client-features";
import type { DocumentAnalysis, TextDocument } from "./documents";
import { CONVERT_QUICKFIX_KIND, CONVERT_REFACTOR_KIND, ConvertToMultiStageArguments, DIAGNOSTIC_SOURCE } from "./protocol";
import { workspaceEdit } from "./workspace-edit";

/**
 * The planner's answer per analysis (per document version and settings): the conversion is offered
 * at every cursor move on the final FROM line or on a problem it remedies.
 */
const conversions = new WeakMap<DocumentAnalysis, ReturnType<typeof convertToMultiStage>>();

/** Rules whose `meta.remedy` is this conversion: their diagnostics offer it as a quick fix. */
const REMEDY_RULES: ReadonlySet<string> = new Set(allRules.filter((rule) => rule.meta.remedy === "convert").map((rule) => rule.meta.id));

/** The whole document replaced by the converted text. */
function replaceAll(document: TextDocument, text: string, client: ClientFeatures): WorkspaceEdit {
  const end = document.positionAt(document.getText().length);
  return workspaceEdit(document, [TextEdit.replace({ start: { line: 0, character: 0 }, end }, text)], [], client) as WorkspaceEdit;
}

function runtimeOf(value: unknown, fallback: RuntimeFamily | undefined): RuntimeFamily | undefined {
  return (RUNTIME_FAMILIES as readonly unknown[]).includes(value) ? (value as RuntimeFamily) : fallback;
}

/** Reads `{ uri, runtime? }` (or the positional `uri, runtime` some clients send). */
export function readConvertArguments(args: readonly unknown[] | undefined): ConvertToMultiStageArguments | null {
  const first = args?.[0];
  if (typeof first === "string") return { uri: first, runtime: runtimeOf(args?.[1], undefined) };
  if (typeof first === "object" && first !== null && typeof (first as { uri?: unknown }).uri === "string") {
    const given = first as { uri: string; runtime?: unknown };
    return { uri: given.uri, runtime: runtimeOf(given.runtime, undefined) };
  }
  return null;
}

/** The command's answer: the edit, or a RequestFailed error carrying the planner's reason. */
export function executeConvert(document: TextDocument, analysis: DocumentAnalysis, runtime: RuntimeFamily | undefined, client: ClientFeatures): WorkspaceEdit {
  const result = convertToMultiStage(analysis.model, { runtime: runtime ?? analysis.settings.convertRuntime });
  if (!result.ok) throw new ResponseError(LSPErrorCodes.RequestFailed, `Cannot convert to multi-stage: ${result.reason}.`);
  return replaceAll(document, result.text, client);
}

function isOnFromLine(model: DockerfileModel, params: CodeActionParams): boolean {
  const stage = model.finalStage;
  if (!stage) return false;
  const { start, end } = stage.from.range;
  return params.range.start.line <= end.line && params.range.end.line >= start.line;
}

/**
 * The conversion as code actions: a quick fix on the diagnostics it remedies, else a refactoring
 * when the cursor is on the final stage's FROM line. Offered only when the planner succeeds.
 */
export function conversionActions(
  params: CodeActionParams,
  document: TextDocument,
  analysis: DocumentAnalysis,
  client: ClientFeatures,
  wants: (kind: string) => boolean,
): CodeAction[] {
  const remedied: Diagnostic[] = params.context.diagnostics.filter(
    (d) => d.source === DIAGNOSTIC_SOURCE && typeof d.code === "string" && REMEDY_RULES.has(d.code),
  );
  const asQuickFix = remedied.length > 0 && wants(CONVERT_QUICKFIX_KIND);
  const asRefactor = !asQuickFix && wants(CONVERT_REFACTOR_KIND) && isOnFromLine(analysis.model, params);
  if (!asQuickFix && !asRefactor) return [];
  let result = conversions.get(analysis);
  if (!result) conversions.set(analysis, (result = convertToMultiStage(analysis.model, { runtime: analysis.settings.convertRuntime })));
  if (!result.ok) return [];
  const action: CodeAction = {
    title: conversionTitle(result.summary),
    kind: asQuickFix ? CONVERT_QUICKFIX_KIND : CONVERT_REFACTOR_KIND,
    edit: replaceAll(document, result.text, client),
  };
  if (asQuickFix) action.diagnostics = remedied;
  return [action];
}
