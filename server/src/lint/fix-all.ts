// Fix-all: the safe fixes of an analysis that can be applied together. The fixes whose edits do
// not overlap are applied together and the result is checked once (rules and syntax validation,
// under the original's options). Only when that result shows an error the original did not have
// is each fix re-verified on its own, with every fix accepted before it, and the culprits skipped.

import { Analysis as FullAnalysis, analyze, AnalyzeOptions } from "./analyze";
import type { Fix } from "../fixes/types";
import { applyEdits, comparePositions, Range, TextEdit } from "../model/text";
import type { Finding } from "./run";
import type { SyntaxProblem } from "./syntax";

/** What fix-all reads of an analysis. */
type Analysis = Pick<FullAnalysis, "model" | "findings" | "syntax">;

/** Error-severity problems of a text, counted by a key that leaves positions out (edits move them). */
export type ErrorCounts = ReadonlyMap<string, number>;

/** The errors of a candidate text; null when the text could not be checked, which counts against a fix. */
export type ErrorCheck = (text: string) => ErrorCounts | null;

/** When to stop checking: past `deadline` (as `now()` reads it) the fixes accepted so far are returned, each still verified. */
export interface FixAllBudget {
  deadline?: number;
  now?: () => number;
}

export interface FixAllOptions extends FixAllBudget {
  /** Whether fixes that create files (a `.dockerignore`) may be included. */
  canCreateFiles: boolean;
  /** What the original was analysed with (its model's build context is used for the candidates). */
  analyzeOptions?: AnalyzeOptions;
}

/** The safe fixes of `analysis` that can be applied together, in document order. */
export function compatibleSafeFixes(analysis: Analysis, options: FixAllOptions): Fix[] {
  return chooseSafeFixes(analysis.model.text, analysis.findings, {
    canCreateFiles: options.canCreateFiles,
    baseline: errorCounts(analysis),
    errorsOf: engineErrorCheck(candidateOptions(analysis, options.analyzeOptions)),
    deadline: options.deadline,
    now: options.now,
  });
}

/** The choice itself, for any way of counting a text's errors. */
export function chooseSafeFixes(
  text: string,
  findings: readonly Finding[],
  options: FixAllBudget & { canCreateFiles: boolean; baseline: ErrorCounts; errorsOf: ErrorCheck },
): Fix[] {
  const pastDeadline = () => options.deadline !== undefined && (options.now ?? Date.now)() > options.deadline;
  const together = applicableTogether(text, findings, options.canCreateFiles);
  if (together.fixes.length === 0 || pastDeadline()) return [];
  // One analysis for the usual case, where no fix breaks anything: 400 fixes cost one check, not 400.
  const errors = options.errorsOf(together.text);
  if (errors !== null && !exceeds(errors, options.baseline)) return together.fixes;
  return chooseOneByOne(text, findings, options, pastDeadline);
}

/** The fixes that apply together (in document order, no overlapping edits) and the text they make. */
function applicableTogether(text: string, findings: readonly Finding[], canCreateFiles: boolean): { fixes: Fix[]; text: string } {
  const fixes: Fix[] = [];
  const edits: TextEdit[] = [];
  let result = text;
  for (const finding of findings) {
    for (const fix of finding.fixes) {
      if (!isCandidate(fix, edits, canCreateFiles)) continue;
      try {
        result = applyEdits(text, [...edits, ...fix.edits]);
      } catch {
        // The fix's own edits overlap each other: not applicable mechanically, so not applied.
        continue;
      }
      fixes.push(fix);
      edits.push(...fix.edits);
    }
  }
  return { fixes, text: result };
}

function isCandidate(fix: Fix, acceptedEdits: readonly TextEdit[], canCreateFiles: boolean): boolean {
  if (fix.createFiles && fix.createFiles.length > 0 && !canCreateFiles) return false;
  return !fix.edits.some((edit) => acceptedEdits.some((other) => conflicts(edit.range, other.range)));
}

/** The slow path, when the fixes together break something: each fix checked with those accepted before it. */
function chooseOneByOne(
  text: string,
  findings: readonly Finding[],
  options: { canCreateFiles: boolean; baseline: ErrorCounts; errorsOf: ErrorCheck },
  pastDeadline: () => boolean,
): Fix[] {
  const accepted: Fix[] = [];
  const acceptedEdits: TextEdit[] = [];
  for (const finding of findings) {
    for (const fix of finding.fixes) {
      // Each candidate costs an analysis and a validation of the whole text: on a large file with
      // many fixes that outgrows a code-action answer, so checking stops at the deadline.
      if (pastDeadline()) return accepted;
      if (!isCandidate(fix, acceptedEdits, options.canCreateFiles)) continue;
      let result: string;
      try {
        result = applyEdits(text, [...acceptedEdits, ...fix.edits]);
      } catch {
        continue;
      }
      const errors = options.errorsOf(result);
      if (errors !== null && !exceeds(errors, options.baseline)) {
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

/** True when some kind of error occurs more often in `counts` than in `baseline`. */
export function exceeds(counts: ErrorCounts, baseline: ErrorCounts): boolean {
  for (const [key, count] of counts) if (count > (baseline.get(key) ?? 0)) return true;
  return false;
}

/** Counts keys. */
export function countErrors(keys: Iterable<string>): Map<string, number> {
  const counts = new Map<string, number>();
  for (const key of keys) counts.set(key, (counts.get(key) ?? 0) + 1);
  return counts;
}

/** The keys of the error-severity findings: rule and message. */
export function findingErrorKeys(findings: readonly Finding[]): string[] {
  return findings.filter((f) => f.severity === "error").map((f) => `${f.ruleId}\u0000${f.message}`);
}

/** Syntax errors keyed by code and message (positions move with edits, so they are left out). */
export function syntaxErrorKeys(syntax: readonly SyntaxProblem[]): string[] {
  return syntax.filter((p) => p.severity === "error").map((p) => `syntax:${String(p.code)}\u0000${p.message}`);
}

/** The errors of an analysis: error findings and syntax errors. */
export function errorCounts(analysis: Analysis): Map<string, number> {
  return countErrors([...findingErrorKeys(analysis.findings), ...syntaxErrorKeys(analysis.syntax)]);
}

/** The original's options for analysing a candidate text, under the original's build context. */
function candidateOptions(analysis: Analysis, options: AnalyzeOptions | undefined): AnalyzeOptions {
  return { ...options, context: analysis.model.context };
}

/**
 * The apply-analyse-parse check for edits Stagecraft did not make (dockerfile-language-service's
 * quick fixes): they apply, change the text, leave it without a new error (engine or syntax), and
 * the syntax problem they fix (`code`, a dockerfile-utils code) is reported fewer times afterwards.
 */
export function isSoundCommodityFix(
  analysis: Analysis,
  options: AnalyzeOptions | undefined,
  edits: readonly TextEdit[],
  code: number | string | undefined,
): boolean {
  const text = analysis.model.text;
  let fixed: string;
  try {
    fixed = applyEdits(text, edits);
  } catch {
    // Overlapping edits cannot be applied as one change.
    return false;
  }
  if (fixed === text) return false;
  let validatorFailed = false;
  const after = analyze(fixed, {
    ...candidateOptions(analysis, options),
    onRuleError: undefined,
    onSyntaxError: () => {
      validatorFailed = true;
    },
  });
  if (validatorFailed || exceeds(errorCounts(after), errorCounts(analysis))) return false;
  const count = (problems: readonly { code?: number | string }[]) => problems.filter((p) => p.code === code).length;
  return count(after.syntax) < count(analysis.syntax);
}

/**
 * An `ErrorCheck` that analyses a candidate under the original's options. A validator crash on the
 * candidate counts against the fix; a rule that throws is logged where the document itself is
 * analysed, so here it only loses its findings.
 */
export function engineErrorCheck(options: AnalyzeOptions): ErrorCheck {
  return (text) => {
    let validatorFailed = false;
    const analysis = analyze(text, {
      ...options,
      onRuleError: undefined,
      onSyntaxError: () => {
        validatorFailed = true;
      },
    });
    return validatorFailed ? null : errorCounts(analysis);
  };
}
