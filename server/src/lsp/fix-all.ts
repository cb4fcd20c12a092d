// `source.fixAll.stagecraft`: the engine's fix-all choice (fixes/fix-all.ts), with dockerfile-utils
// syntax errors counted alongside the findings, so no fix is applied that breaks the file.

import { DiagnosticSeverity } from "vscode-languageserver";
import { compatibleSafeFixes as chooseSafeFixes, countErrors, engineErrorCheck, findingErrorKeys } from "../fixes/fix-all";
import type { Fix } from "../rules/types";
import { validateSyntax } from "../syntax";
import type { DocumentAnalysis } from "./documents";

type SyntaxProblem = { severity?: DiagnosticSeverity; code?: number | string; message: string | { value: string } };

/** The safe fixes of an analysis that can be applied together, in document order. */
export function compatibleSafeFixes(analysis: DocumentAnalysis, canCreateFiles: boolean): Fix[] {
  const baseline = countErrors([...findingErrorKeys(analysis.findings), ...syntaxErrorKeys(analysis.syntax)]);
  const syntaxSettings = analysis.settings.syntax;
  const errorsOf = engineErrorCheck({ context: analysis.model.context, settings: analysis.settings.rules }, (text) => {
    try {
      return syntaxErrorKeys(validateSyntax(text, syntaxSettings));
    } catch {
      // A validator crash on the fixed text counts against the fix.
      return null;
    }
  });
  return chooseSafeFixes(analysis.model.text, analysis.findings, { canCreateFiles, baseline, errorsOf });
}

/** Syntax errors keyed by code and message (positions move with edits, so they are left out). */
export function syntaxErrorKeys(syntax: readonly SyntaxProblem[]): string[] {
  return syntax
    .filter((d) => d.severity === DiagnosticSeverity.Error)
    .map((d) => `syntax:${String(d.code)}\u0000${typeof d.message === "string" ? d.message : d.message.value}`);
}
