// Fix-all: the safe fixes of an analysis that can be applied together. Each one is re-verified by
// checking the text with it and every fix accepted before it; a fix whose result shows an error
// the original did not is skipped. How a text is checked is the caller's: the engine's findings,
// plus a syntax validator where the adapter has one.

import type { BuildContextFacts } from "../model/context";
import { parseDockerfile } from "../model/parse";
import { applyEdits, comparePositions, Range, TextEdit } from "../model/text";
import { Finding, runRules, RuleSettings } from "../rules/run";
import type { Fix, Rule } from "../rules/types";

/** Error-severity problems of a text, counted by a key that leaves positions out (edits move them). */
export type ErrorCounts = ReadonlyMap<string, number>;

/** The errors of a candidate text; null when the text could not be checked, which counts against a fix. */
export type ErrorCheck = (text: string) => ErrorCounts | null;

export interface FixAllOptions {
  /** Whether fixes that create files (a `.dockerignore`) may be included. */
  canCreateFiles: boolean;
  /** Errors of the original text, the baseline a fix must not exceed. */
  baseline: ErrorCounts;
  errorsOf: ErrorCheck;
  /**
   * Time (as `now()` reads it) after which no further fix is checked: the fixes accepted so far
   * are returned, each still verified. Keeps a code-action answer within its budget on large files.
   */
  deadline?: number;
  now?: () => number;
}

/** The safe fixes of `findings` that can be applied to `text` together, in document order. */
export function compatibleSafeFixes(text: string, findings: readonly Finding[], options: FixAllOptions): Fix[] {
  const accepted: Fix[] = [];
  const acceptedEdits: TextEdit[] = [];
  for (const finding of findings) {
    for (const fix of finding.fixes) {
      if (options.deadline !== undefined && (options.now ?? Date.now)() > options.deadline) return accepted;
      if (fix.createFiles && fix.createFiles.length > 0 && !options.canCreateFiles) continue;
      if (fix.edits.some((edit) => acceptedEdits.some((other) => conflicts(edit.range, other.range)))) continue;
      let result: string;
      try {
        result = applyEdits(text, [...acceptedEdits, ...fix.edits]);
      } catch {
        // The fix's own edits overlap each other: not applicable mechanically, so not applied.
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

/** What the original was analysed with. */
export interface EngineSetup {
  context: BuildContextFacts;
  settings?: RuleSettings;
  /** Every rule by default. */
  rules?: readonly Rule[];
}

/**
 * An `ErrorCheck` that re-runs the engine under the original's context and settings, plus the
 * errors `syntaxErrorKeys` finds (null from it: the validator failed).
 */
export function engineErrorCheck(engine: EngineSetup, syntaxErrorKeys?: (text: string) => string[] | null): ErrorCheck {
  return (text) => {
    // A rule that throws is logged where the document itself is analysed; here it only loses its findings.
    const findings = runRules(parseDockerfile(text, engine.context), { settings: engine.settings, rules: engine.rules });
    const syntax = syntaxErrorKeys ? syntaxErrorKeys(text) : [];
    if (syntax === null) return null;
    return countErrors([...findingErrorKeys(findings), ...syntax]);
  };
}
