// `source.fixAll.stagecraft`: the engine's fix-all choice (fixes/fix-all.ts), with dockerfile-utils
// syntax errors counted alongside the findings, so no fix is applied that breaks the file.

import { DiagnosticSeverity } from "vscode-languageserver";
import { compatibleSafeFixes as chooseSafeFixes, countErrors, engineErrorCheck, exceeds, findingErrorKeys } from "../fixes/fix-all";
import { applyEdits, TextEdit } from "../model/text";
import type { Fix } from "../rules/types";
import { validateSyntax } from "../syntax-validation";
import type { DocumentAnalysis } from "./documents";

type SyntaxProblem = { severity?: DiagnosticSeverity; code?: number | string; message: string | { value: string } };

/** Time fix-all may spend verifying fixes for one code-action request, in milliseconds. */
const FIX_ALL_BUDGET_MS = 1000;

/** The safe fixes of an analysis that can be applied together, in document order. */
export function compatibleSafeFixes(analysis: DocumentAnalysis, canCreateFiles: boolean): Fix[] {
  const baseline = countErrors([...findingErrorKeys(analysis.findings), ...syntaxErrorKeys(analysis.syntax)]);
  const syntaxSettings = analysis.settings.syntax;
  const errorsOf = engineErrorCheck({ context: analysis.model.context, settings: analysis.settings.rules }, (text) => {
    const result = validateSyntax(text, { ...syntaxSettings });
    // A validator failure on the fixed text counts against the fix.
    return result.ok ? syntaxErrorKeys(result.value) : null;
  });
  // Each candidate costs an analysis and a validation of the whole text: on a large file with many
  // fixes that outgrows a code-action answer, so checking stops after a budget (fewer fixes, all safe).
  return chooseSafeFixes(analysis.model.text, analysis.findings, { canCreateFiles, baseline, errorsOf, deadline: Date.now() + FIX_ALL_BUDGET_MS });
}

/** Syntax errors keyed by code and message (positions move with edits, so they are left out). */
export function syntaxErrorKeys(syntax: readonly SyntaxProblem[]): string[] {
  return syntax
    .filter((d) => d.severity === DiagnosticSeverity.Error)
    .map((d) => `syntax:${String(d.code)}\u0000${typeof d.message === "string" ? d.message : d.message.value}`);
}

/**
 * The apply-analyse-parse check for edits Stagecraft did not make (dockerfile-language-service's
 * quick fixes): they apply, change the text, leave it without a new error (engine or syntax), and
 * the problem they fix (`code`, a dockerfile-utils code) is reported fewer times afterwards.
 */
export function isSoundCommodityFix(analysis: DocumentAnalysis, edits: readonly TextEdit[], code: number | string | undefined): boolean {
  const text = analysis.model.text;
  let fixed: string;
  try {
    fixed = applyEdits(text, edits);
  } catch {
    // Overlapping edits cannot be applied as one change.
    return false;
  }
  if (fixed === text) return false;
  const after = validateSyntax(fixed, { ...analysis.settings.syntax });
  if (!after.ok) return false;
  const baseline = countErrors([...findingErrorKeys(analysis.findings), ...syntaxErrorKeys(analysis.syntax)]);
  const errors = engineErrorCheck({ context: analysis.model.context, settings: analysis.settings.rules }, () => syntaxErrorKeys(after.value))(fixed);
  if (errors === null || exceeds(errors, baseline)) return false;
  const count = (problems: readonly { code?: number | string }[]) => problems.filter((p) => p.code === code).length;
  return count(after.value) < count(analysis.syntax);
}
