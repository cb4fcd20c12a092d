// `source.fixAll.stagecraft`: every safe fix that does not overlap another, each one re-verified
// by re-analysing the result; a fix whose result shows an error the original did not is skipped.

import { validate } from "dockerfile-utils";
import { DiagnosticSeverity } from "vscode-languageserver";
import { parseDockerfile } from "../model/parse";
import { applyEdits, comparePositions, Range, TextEdit } from "../model/text";
import { Finding, runRules } from "../rules/run";
import type { Fix } from "../rules/types";
import type { DocumentAnalysis } from "./documents";

/** The safe fixes of an analysis that can be applied together, in document order. */
export function compatibleSafeFixes(analysis: DocumentAnalysis, canCreateFiles: boolean): Fix[] {
  const text = analysis.model.text;
  const baseline = errorCounts(analysis.findings, analysis.syntax);
  const accepted: Fix[] = [];
  const acceptedEdits: TextEdit[] = [];
  for (const finding of analysis.findings) {
    for (const fix of finding.fixes) {
      if (fix.createFiles && fix.createFiles.length > 0 && !canCreateFiles) continue;
      if (fix.edits.some((edit) => acceptedEdits.some((other) => conflicts(edit.range, other.range)))) continue;
      const edits = [...acceptedEdits, ...fix.edits];
      let result: string;
      try {
        result = applyEdits(text, edits);
      } catch {
        // The fix's own edits overlap each other: not applicable mechanically, so not applied.
        continue;
      }
      if (!introducesErrors(result, analysis, baseline)) {
        accepted.push(fix);
        acceptedEdits.push(...fix.edits);
      }
    }
  }
  return accepted;
}

/** Two edits conflict when they overlap or insert at the same place (their order would be a guess). */
function conflicts(a: Range, b: Range): boolean {
  return comparePositions(a.start, b.end) <= 0 && comparePositions(b.start, a.end) <= 0;
}

type Counts = Map<string, number>;
type SyntaxProblem = { severity?: DiagnosticSeverity; code?: number | string; message: string | { value: string } };

/** Errors by rule and message (positions move with edits, so they are left out). */
function errorCounts(findings: readonly Finding[], syntax: readonly SyntaxProblem[]): Counts {
  const counts: Counts = new Map();
  const bump = (key: string) => counts.set(key, (counts.get(key) ?? 0) + 1);
  for (const f of findings) if (f.severity === "error") bump(`${f.ruleId}\u0000${f.message}`);
  for (const d of syntax) if (d.severity === DiagnosticSeverity.Error) bump(`syntax:${String(d.code)}\u0000${typeof d.message === "string" ? d.message : d.message.value}`);
  return counts;
}

function introducesErrors(result: string, like: DocumentAnalysis, baseline: Counts): boolean {
  const findings = runRules(parseDockerfile(result, like.model.context), { settings: like.settings.rules });
  let syntax: SyntaxProblem[];
  try {
    syntax = validate(result, { ...like.settings.syntax });
  } catch {
    // A validator crash on the fixed text counts against the fix.
    return true;
  }
  for (const [key, count] of errorCounts(findings, syntax)) {
    if (count > (baseline.get(key) ?? 0)) return true;
  }
  return false;
}
