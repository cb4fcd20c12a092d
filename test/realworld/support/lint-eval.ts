// Compares what `stagecraft check` reports on the real-project lint cases with the labels an
// independent reviewer wrote in test/realworld/lint/<case>.json (format: test/realworld/README.md).

import { syntaxCodeName } from "../../../server/src/syntax-checks";
import { execFileSync } from "node:child_process";
import { existsSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { join, resolve } from "node:path";
import { ValidationCode } from "dockerfile-utils";
import { allRules } from "../../../server/src/rules/index";
import { CaseInfo, layOut, listCases } from "./cases";

export type Verdict = "right" | "wrong" | "debatable";

export interface LabelledFinding {
  rule: string;
  line: number;
  /** 1-based column, where one line holds several findings of the rule and the label judges one of them. */
  column?: number;
  verdict: Verdict;
  reason: string;
}

export interface LabelledMiss {
  rule: string;
  line: number;
  reason: string;
}

export interface CaseLabels {
  case: string;
  findings: LabelledFinding[];
  misses: LabelledMiss[];
}

/** One finding as the eval sees it: the rule (`dockerfile-utils:<code>` for syntax checks), 1-based line. */
export interface ReportedFinding {
  rule: string;
  line: number;
  /** 1-based column of the finding's start. */
  column?: number;
  severity: string;
  message: string;
}

export const LABELS_DIR = resolve(__dirname, "../lint");
const CLI = resolve(__dirname, "../../../dist/cli.js");

export function readLabels(name: string, labelsDir = LABELS_DIR): CaseLabels | undefined {
  const file = join(labelsDir, `${name}.json`);
  return existsSync(file) ? (JSON.parse(readFileSync(file, "utf8")) as CaseLabels) : undefined;
}

/**
 * Runs the built CLI once over every case (laid out with its `.git` folders) and groups by case;
 * `rules` (severity settings, as in `.stagecraft.json`) apply to every case when given.
 */
export function reportAll(cases: readonly CaseInfo[], rules?: Readonly<Record<string, string>>): Map<string, ReportedFinding[]> {
  if (!existsSync(CLI)) throw new Error(`${CLI} is missing: run 'npm run build' first`);
  // With no paths the CLI would check the working directory (its default, "."): nothing to run.
  if (cases.length === 0) return new Map();
  const { root, pathOf } = layOut(cases);
  try {
    // The CLI reads the nearest `.stagecraft.json` above each file: the layout's root is above all.
    if (rules !== undefined) writeFileSync(join(root, ".stagecraft.json"), JSON.stringify({ rules }));
    const byPath = new Map(cases.map((c) => [pathOf(c), c.name]));
    let stdout: string;
    try {
      stdout = execFileSync(process.execPath, [CLI, "check", "--format", "json", "--severity", "hint", ...byPath.keys()], {
        encoding: "utf8",
        maxBuffer: 256 * 1024 * 1024,
        stdio: ["ignore", "pipe", "inherit"],
      });
    } catch (error) {
      // Exit code 1 means "findings": the report is still on stdout.
      const failed = error as { status?: number; stdout?: string };
      if (failed.status !== 1 || failed.stdout === undefined) throw error;
      stdout = failed.stdout;
    }
    const result = new Map<string, ReportedFinding[]>(cases.map((c) => [c.name, []]));
    for (const f of JSON.parse(stdout) as Array<{
      file: string;
      range: { start: { line: number; character: number } };
      severity: string;
      code: string;
      message: string;
      source: string;
    }>) {
      const name = byPath.get(resolve(f.file));
      if (name === undefined) throw new Error(`finding on an unknown file: ${f.file}`);
      const rule = f.source === "stagecraft" ? f.code : `${f.source}:${f.code}`;
      result.get(name)!.push({ rule, line: f.range.start.line + 1, column: f.range.start.character + 1, severity: f.severity, message: f.message });
    }
    return result;
  } finally {
    rmSync(root, { recursive: true, force: true });
  }
}

export interface CaseComparison {
  name: string;
  labelled: boolean;
  /** Reported findings with the reviewer's verdict, or undefined when no label covers them. */
  judged: Array<ReportedFinding & { verdict?: Verdict; reason?: string }>;
  /** Findings labelled right that are no longer reported. */
  lostRight: LabelledFinding[];
  /** Labelled misses that are still not reported (same rule, same line). */
  stillMissed: LabelledMiss[];
  /** Labelled misses that are now reported. */
  nowCaught: LabelledMiss[];
}

/** Labels written before syntax problems had names say `dockerfile-utils:45`; findings now say `dockerfile-utils:deprecatedMaintainer`. */
const labelRule = (rule: string) => rule.replace(/^(dockerfile-utils:)(\d+)$/, (_m, source: string, code: string) => `${source}${syntaxCodeName(code)}`);
const key = (rule: string, line: number) => `${labelRule(rule)}@${line}`;

/**
 * Labels written for a dockerfile-utils check (`dockerfile-utils:45`) also judge the rule that now
 * reports the same problem in its place (its meta `supersedes` names the check): the finding moved,
 * it did not disappear.
 */
const LABEL_ALIASES: ReadonlyMap<string, readonly string[]> = new Map([
  ...allRules.map((r): [string, string[]] => [
    r.meta.id,
    (r.meta.supersedes ?? []).map((s) => `dockerfile-utils:${(ValidationCode as unknown as Record<string, number>)[s.check]}`),
  ]),
  // The no-USER case left final-stage-root for the opt-in final-stage-no-user (issue #11): labels
  // written before judge the same finding.
  ["final-stage-no-user", ["final-stage-root"]],
]);

export function compare(name: string, reported: readonly ReportedFinding[], labels: CaseLabels | undefined): CaseComparison {
  if (labels === undefined) return { name, labelled: false, judged: reported.map((r) => ({ ...r })), lostRight: [], stillMissed: [], nowCaught: [] };
  const pool = new Map<string, LabelledFinding[]>();
  for (const l of labels.findings) pool.set(key(l.rule, l.line), [...(pool.get(key(l.rule, l.line)) ?? []), l]);
  const judged = reported.map((r) => {
    const label = [r.rule, ...(LABEL_ALIASES.get(r.rule) ?? [])].map((rule) => takeLabel(pool.get(key(rule, r.line)), r.column)).find((l) => l !== undefined);
    return label ? { ...r, verdict: label.verdict, reason: label.reason } : { ...r };
  });
  const lostRight = [...pool.values()].flat().filter((l) => l.verdict === "right");
  const reportedKeys = new Set(reported.flatMap((r) => [r.rule, ...(LABEL_ALIASES.get(r.rule) ?? [])].map((rule) => key(rule, r.line))));
  const stillMissed = labels.misses.filter((m) => !reportedKeys.has(key(m.rule, m.line)));
  const nowCaught = labels.misses.filter((m) => reportedKeys.has(key(m.rule, m.line)));
  return { name, labelled: true, judged, lostRight, stillMissed, nowCaught };
}

export interface RuleTally {
  right: number;
  wrong: number;
  debatable: number;
  unlabelled: number;
}

export function tally(comparisons: readonly CaseComparison[]): Map<string, RuleTally> {
  const byRule = new Map<string, RuleTally>();
  for (const c of comparisons) {
    if (!c.labelled) continue;
    for (const f of c.judged) {
      const t = byRule.get(f.rule) ?? { right: 0, wrong: 0, debatable: 0, unlabelled: 0 };
      t[f.verdict ?? "unlabelled"]++;
      byRule.set(f.rule, t);
    }
  }
  return byRule;
}

export function precision(t: Pick<RuleTally, "right" | "wrong">): number {
  return t.right + t.wrong === 0 ? 1 : t.right / (t.right + t.wrong);
}

/**
 * Evaluates the labelled lint cases: by default `../shared/corpus/projects/lint` against
 * test/realworld/lint; a held-out set passes its own case folder and labels folder.
 */
export function evaluateAll(casesRoot?: string, labelsDir = LABELS_DIR, rules?: Readonly<Record<string, string>>): CaseComparison[] {
  const cases = listCases("lint", casesRoot);
  const reported = reportAll(cases, rules);
  return cases.map((c) => compare(c.name, reported.get(c.name) ?? [], readLabels(c.name, labelsDir)));
}

/**
 * The label of one line and rule that judges the finding at `column`: the one written for that
 * column, else the first written for none, else the first; taken out of `labels`.
 */
function takeLabel(labels: LabelledFinding[] | undefined, column: number | undefined): LabelledFinding | undefined {
  if (labels === undefined || labels.length === 0) return undefined;
  const exact = labels.findIndex((l) => l.column !== undefined && l.column === column);
  const unplaced = labels.findIndex((l) => l.column === undefined);
  const index = exact >= 0 ? exact : unplaced >= 0 ? unplaced : 0;
  return labels.splice(index, 1)[0];
}
