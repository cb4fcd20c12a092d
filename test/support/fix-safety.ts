// Proof that safe fixes are safe, run over fixtures (test/unit/fixes/fix-safety.test.ts) and the
// real-world corpus (`npm run corpus`): each safe fix alone, then fix-all, applied to the text and
// re-analysed through the engine. A fix
// must change the text only inside its edit ranges, leave a text that parses and analyses without
// a rule failing, make its own finding go away, and bring no new error. Suggestions are held to
// the first two.

import { analyze, AnalyzeOptions, Finding, RuleSettings, SyntaxSettings } from "../../server/src/engine";
import type { FileCreation, Fix } from "../../server/src/fixes/types";
import { chooseSafeFixes, countErrors, engineErrorCheck, exceeds, findingErrorKeys, syntaxErrorKeys } from "../../server/src/lint/fix-all";
import type { BuildContextFacts } from "../../server/src/model/context";
import { UNKNOWN_CONTEXT } from "../../server/src/model/context";
import { applyEdits, LineIndex, Position, Range, TextEdit } from "../../server/src/model/text";
import type { Rule } from "../../server/src/rules/types";

export type FixSafetyProblem =
  /** An edit names a line or column the text does not have. */
  | "edit-out-of-range"
  /** Two edits of the fix overlap, so their result depends on the order they are applied in. */
  | "edits-overlap"
  /** Applying the fix leaves the text as it was. */
  | "no-change"
  /** Text outside the edit ranges differs after applying the fix. */
  | "outside-edits-changed"
  /** Parsing or a rule threw on the fixed text. */
  | "analysis-failed"
  /** The syntax validator reports an error the original did not have. */
  | "syntax-error"
  /** The fixed finding is still reported at the same place. */
  | "still-reported"
  /** An error-severity finding appears that the original did not have. */
  | "new-error";

export interface FixSafetyViolation {
  kind: "fix" | "suggestion" | "fix-all";
  /** `fix-all` for the combined fix. */
  ruleId: string;
  messageId: string;
  fixTitle: string;
  /** 1-based line of the finding (of the first edit for fix-all). */
  line: number;
  problem: FixSafetyProblem;
  detail: string;
}

export interface FixSafetyReport {
  /** Safe fixes checked one by one. */
  fixesChecked: number;
  /** Suggestions checked one by one (only that they apply cleanly and leave a text that parses). */
  suggestionsChecked: number;
  /** Fixes fix-all chose to apply together. */
  fixAllFixes: number;
  violations: FixSafetyViolation[];
}

export interface FixSafetyOptions {
  context?: BuildContextFacts;
  settings?: RuleSettings;
  /** Every rule by default. */
  rules?: readonly Rule[];
  /** dockerfile-utils severities; `false` leaves syntax validation out of the check. */
  syntax?: SyntaxSettings | false;
}

/** Checks every safe fix and suggestion of `text`'s findings, and fix-all, under the given context and settings. */
export function checkFixSafety(text: string, options: FixSafetyOptions = {}): FixSafetyReport {
  const context = options.context ?? UNKNOWN_CONTEXT;
  const engine: AnalyzeOptions = { context, settings: options.settings, rules: options.rules, syntax: options.syntax };
  const original = analyseStrictly(text, engine);
  const report: FixSafetyReport = { fixesChecked: 0, suggestionsChecked: 0, fixAllFixes: 0, violations: [] };
  if ("failure" in original) return report;
  const baselineSyntax = original.syntaxErrors ?? [];
  // Per fix, errors are compared by rule and message kind: a message quoting the fixed token (a
  // renamed stage in stage-name-duplicate's) is the same error, not a new one.
  const baseline = countErrors(errorKinds(original.findings));
  const syntaxBaseline = countErrors(baselineSyntax);

  /** What every offered edit must do: apply cleanly, and leave a text that analyses and parses. */
  const applyAndAnalyse = (offered: Fix, violation: (problem: FixSafetyProblem, detail: string) => void) => {
    const fixed = checkEdits(text, offered.edits, violation, (offered.createFiles ?? []).length > 0);
    if (fixed === null) return null;
    const after = analyseStrictly(fixed, { ...engine, context: contextAfter(context, offered.createFiles) });
    if ("failure" in after) {
      violation("analysis-failed", after.failure);
      return null;
    }
    checkSyntax(after, syntaxBaseline, violation);
    return { fixed, after };
  };

  for (const finding of original.findings) {
    for (const fix of finding.fixes) {
      report.fixesChecked++;
      const violation = (problem: FixSafetyProblem, detail: string) =>
        report.violations.push({
          kind: "fix",
          ruleId: finding.ruleId,
          messageId: finding.messageId,
          fixTitle: fix.title,
          line: finding.range.start.line + 1,
          problem,
          detail,
        });
      const applied = applyAndAnalyse(fix, violation);
      if (applied === null) continue;
      const { fixed, after } = applied;
      const moved = mapRange(text, fix.edits, finding.range);
      const fixedLines = new LineIndex(fixed);
      const same = after.findings.find((f) => {
        const start = fixedLines.offsetAt(f.range.start);
        return f.ruleId === finding.ruleId && f.messageId === finding.messageId && start >= moved.start && start <= moved.end;
      });
      if (same) violation("still-reported", `still reported on line ${same.range.start.line + 1}: ${same.message}`);
      const newErrors = newErrorMessages(after.findings, baseline);
      if (newErrors.length > 0) violation("new-error", newErrors.join("; "));
    }
  }

  // Suggestions may change meaning, so they need not remove their finding nor avoid every new
  // error; like every edit offered, they must still apply cleanly and leave a text that parses.
  for (const finding of original.findings) {
    for (const suggestion of finding.suggestions) {
      report.suggestionsChecked++;
      const violation = (problem: FixSafetyProblem, detail: string) =>
        report.violations.push({
          kind: "suggestion",
          ruleId: finding.ruleId,
          messageId: finding.messageId,
          fixTitle: suggestion.title,
          line: finding.range.start.line + 1,
          problem,
          detail,
        });
      applyAndAnalyse(suggestion, violation);
    }
  }

  const fixAll = chooseSafeFixes(text, original.findings, {
    canCreateFiles: true,
    baseline: countErrors([...findingErrorKeys(original.findings), ...baselineSyntax]),
    errorsOf: engineErrorCheck(engine),
  });
  report.fixAllFixes = fixAll.length;
  if (fixAll.length > 0) {
    const edits = fixAll.flatMap((f) => f.edits);
    const firstLine = edits.length > 0 ? Math.min(...edits.map((e) => e.range.start.line)) + 1 : 1;
    const violation = (problem: FixSafetyProblem, detail: string) =>
      report.violations.push({
        kind: "fix-all",
        ruleId: "fix-all",
        messageId: "",
        fixTitle: `${fixAll.length} fixes together`,
        line: firstLine,
        problem,
        detail,
      });
    const fixed = checkEdits(
      text,
      edits,
      violation,
      fixAll.some((f) => (f.createFiles ?? []).length > 0),
    );
    if (fixed !== null) {
      const after = analyseStrictly(fixed, {
        ...engine,
        context: contextAfter(
          context,
          fixAll.flatMap((f) => f.createFiles ?? []),
        ),
      });
      if ("failure" in after) violation("analysis-failed", after.failure);
      else {
        checkSyntax(after, syntaxBaseline, violation);
        const newErrors = newErrorMessages(after.findings, baseline);
        if (newErrors.length > 0) violation("new-error", newErrors.join("; "));
      }
    }
  }
  return report;
}

/** Rule and messageId of each error-severity finding. */
function errorKinds(findings: readonly Finding[]): string[] {
  return findings.filter((f) => f.severity === "error").map(errorKind);
}

function errorKind(finding: Finding): string {
  return `${finding.ruleId}\u0000${finding.messageId}`;
}

/** The errors, as `line: rule: message`, of each kind that occurs more often than in the baseline. */
function newErrorMessages(findings: readonly Finding[], baseline: ReadonlyMap<string, number>): string[] {
  const grown = new Set(increasedKeys(countErrors(errorKinds(findings)), baseline));
  return findings.filter((f) => f.severity === "error" && grown.has(errorKind(f))).map((f) => `${f.range.start.line + 1}: ${f.ruleId}: ${f.message}`);
}

type Report = (problem: FixSafetyProblem, detail: string) => void;

interface StrictAnalysis {
  findings: Finding[];
  /** Syntax errors keyed as fix-all keys them; null when the validator threw. */
  syntaxErrors: string[] | null;
}

/** Analyses through the engine; a parser or rule exception is a failure, not a silent gap. */
function analyseStrictly(text: string, engine: AnalyzeOptions): StrictAnalysis | { failure: string } {
  const failures: string[] = [];
  let validatorFailed = false;
  try {
    const analysis = analyze(text, {
      ...engine,
      onRuleError: (id, error) => failures.push(`rule '${id}' threw: ${describeError(error)}`),
      onSyntaxError: () => {
        validatorFailed = true;
      },
    });
    if (failures.length > 0) return { failure: failures.join("; ") };
    return { findings: analysis.findings, syntaxErrors: validatorFailed ? null : syntaxErrorKeys(analysis.syntax) };
  } catch (error) {
    return { failure: `parsing threw: ${describeError(error)}` };
  }
}

/**
 * Validates the edits against the text, applies them and proves, independently of `applyEdits`,
 * that every character outside the edit ranges is still there in order. Null when the fix cannot
 * be applied.
 */
function checkEdits(text: string, edits: readonly TextEdit[], violation: Report, createsFiles = false): string | null {
  const lines = new LineIndex(text);
  for (const edit of edits) {
    for (const p of [edit.range.start, edit.range.end]) {
      if (!isInside(lines, p)) {
        violation("edit-out-of-range", `position ${p.line + 1}:${p.character + 1} is outside the text`);
        return null;
      }
    }
  }
  const spans = edits
    .map((e) => ({ start: lines.offsetAt(e.range.start), end: lines.offsetAt(e.range.end), text: e.newText }))
    .sort((a, b) => a.start - b.start || a.end - b.end);
  for (let i = 1; i < spans.length; i++) {
    if (spans[i].start < spans[i - 1].end) {
      violation("edits-overlap", `edits at offsets ${spans[i - 1].start}-${spans[i - 1].end} and ${spans[i].start}-${spans[i].end} overlap`);
      return null;
    }
  }
  const fixed = applyEdits(text, edits);
  // A fix that only creates a file (a `.dockerignore`) leaves the Dockerfile as it is, rightly.
  if (fixed === text && !createsFiles) {
    violation("no-change", "applying the fix leaves the text unchanged and creates no file");
    return null;
  }
  let from = 0;
  let at = 0;
  for (const span of [...spans, { start: text.length, end: text.length, text: "" }]) {
    const kept = text.slice(from, span.start);
    if (fixed.slice(at, at + kept.length) !== kept) {
      violation("outside-edits-changed", `text between offsets ${from} and ${span.start} changed`);
      return null;
    }
    at += kept.length + span.text.length;
    from = span.end;
  }
  if (at !== fixed.length) {
    violation("outside-edits-changed", `the fixed text is ${fixed.length - at} characters longer than its edits explain`);
    return null;
  }
  return fixed;
}

function isInside(lines: LineIndex, p: Position): boolean {
  return p.line >= 0 && p.line < lines.lineCount && p.character >= 0 && p.character <= lines.lineText(p.line).length;
}

function checkSyntax(after: StrictAnalysis, baseline: ReadonlyMap<string, number>, violation: Report): void {
  const keys = after.syntaxErrors;
  if (keys === null) violation("syntax-error", "the syntax validator failed on the fixed text");
  else if (exceeds(countErrors(keys), baseline))
    violation(
      "syntax-error",
      increasedKeys(countErrors(keys), baseline)
        .map((k) => k.replace("\u0000", ": "))
        .join("; "),
    );
}

/** Keys that occur more often than in the baseline. */
function increasedKeys(counts: ReadonlyMap<string, number>, baseline: ReadonlyMap<string, number>): string[] {
  return [...counts].filter(([key, n]) => n > (baseline.get(key) ?? 0)).map(([key]) => key);
}

/**
 * Where a range of the original lies in the fixed text, as offsets. Text inside an edit maps to
 * the edit's replacement; an insertion right at the range's start or end is taken into the range.
 */
function mapRange(text: string, edits: readonly TextEdit[], range: Range): { start: number; end: number } {
  const lines = new LineIndex(text);
  const spans = edits
    .map((e) => ({ start: lines.offsetAt(e.range.start), end: lines.offsetAt(e.range.end), length: e.newText.length }))
    .sort((a, b) => a.start - b.start || a.end - b.end);
  const map = (offset: number, side: "start" | "end") => {
    let shift = 0;
    for (const span of spans) {
      if (span.start === offset && span.end === offset) return side === "start" ? offset + shift : offset + shift + span.length;
      if (span.end <= offset) {
        shift += span.length - (span.end - span.start);
        continue;
      }
      if (span.start < offset) return side === "start" ? span.start + shift : span.start + shift + span.length;
      break;
    }
    return offset + shift;
  };
  return { start: map(lines.offsetAt(range.start), "start"), end: map(lines.offsetAt(range.end), "end") };
}

/** The build context once the fix's files exist: a created `.dockerignore` is read as the context's. */
function contextAfter(context: BuildContextFacts, created: readonly FileCreation[] | undefined): BuildContextFacts {
  if (!created || created.length === 0) return context;
  const next: BuildContextFacts = { ...context };
  for (const file of created) {
    if (file.path === ".dockerignore") next.dockerignore = file.text;
    if (next.rootEntries && !file.path.includes("/")) next.rootEntries = [...next.rootEntries, file.path];
  }
  return next;
}

function describeError(error: unknown): string {
  return error instanceof Error ? error.message : String(error);
}
