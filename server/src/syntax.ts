// Syntax validation by dockerfile-utils, shared by the adapters (the LSP shows it, the CLI reports
// it): its settings, and which of its checks a Stagecraft rule makes better (those are dropped).

import { validate, ValidationCode, ValidationSeverity, ValidatorSettings } from "dockerfile-utils";
import { rangesOverlap, Range } from "./model/text";
import { allRules } from "./rules/index";
import type { Finding } from "./rules/run";
import { SYNTAX_SETTING_KEYS, syntaxCodeName, SyntaxSettingKey, SyntaxSeveritySetting, SYNTAX_SOURCE } from "./syntax-checks";

export {
  SYNTAX_SOURCE,
  SYNTAX_SETTING_KEYS,
  syntaxCodeName,
  syntaxCodeNumber,
  syntaxSettingKeyOf,
  type SyntaxSettingKey,
  type SyntaxSeveritySetting,
} from "./syntax-checks";

const SYNTAX_SEVERITIES: Record<SyntaxSeveritySetting, ValidationSeverity> = {
  ignore: ValidationSeverity.IGNORE,
  warning: ValidationSeverity.WARNING,
  error: ValidationSeverity.ERROR,
};

export function isSyntaxSeveritySetting(value: unknown): value is SyntaxSeveritySetting {
  return typeof value === "string" && value in SYNTAX_SEVERITIES;
}

/**
 * Validator settings with every key set (dockerfile-utils replaces its defaults with whatever
 * object it gets): warning unless `given` says otherwise.
 */
export function syntaxSettings(given: Partial<Record<SyntaxSettingKey, SyntaxSeveritySetting>> = {}): ValidatorSettings {
  const settings: ValidatorSettings = {};
  for (const key of SYNTAX_SETTING_KEYS) settings[key] = SYNTAX_SEVERITIES[given[key] ?? "warning"];
  return settings;
}

/**
 * dockerfile-utils checks that a Stagecraft rule makes with a better message and a fix. `always`:
 * dropped whenever the rule is installed (turning our rule off must not bring theirs back);
 * `overlap`: dropped only where the rule reported the same token, since theirs is broader.
 */
const COVERED_SYNTAX_CHECKS: ReadonlyMap<string, { ruleId: string; when: "always" | "overlap" }> = new Map([
  [syntaxCodeName(ValidationCode.DUPLICATE_BUILD_STAGE_NAME), { ruleId: "stage-name-duplicate", when: "always" as const }],
  [syntaxCodeName(ValidationCode.INVALID_BUILD_STAGE_NAME), { ruleId: "stage-name-invalid", when: "always" as const }],
  [syntaxCodeName(ValidationCode.FLAG_INVALID_FROM_VALUE), { ruleId: "copy-from-undefined", when: "overlap" as const }],
]);

const INSTALLED_RULES = new Set(allRules.map((rule) => rule.meta.id));

/** Whether a syntax problem is one a Stagecraft finding of the same document already reports. */
export function isCoveredByFindings(problem: { code?: number | string; range: Range }, findings: readonly Finding[]): boolean {
  const covered = problem.code === undefined ? undefined : COVERED_SYNTAX_CHECKS.get(syntaxCodeName(problem.code));
  if (!covered || !INSTALLED_RULES.has(covered.ruleId)) return false;
  if (covered.when === "always") return true;
  return findings.some((f) => f.ruleId === covered.ruleId && rangesOverlap(f.range, problem.range));
}

/** A dockerfile-utils problem with its code replaced by the stable name (`deprecatedMaintainer`). */
export interface SyntaxProblem {
  range: Range;
  /** LSP DiagnosticSeverity number (1 error ... 4 hint). */
  severity?: 1 | 2 | 3 | 4;
  code: string;
  message: string;
  source: string;
  tags?: (1 | 2)[];
}

/**
 * dockerfile-utils validation as every adapter shows it: codes named, and the problems it gets
 * wrong on real files dropped at the cause (see `isFalseProblem`). Throws what the validator throws.
 */
export function validateSyntax(text: string, settings: ValidatorSettings): SyntaxProblem[] {
  const lines = text.split(/\r?\n/);
  return validate(text, { ...settings })
    .filter((problem) => !isFalseProblem(problem.code, lines[problem.range.start.line] ?? "", textIn(lines, problem.range)))
    .map((problem) => ({
      range: problem.range,
      severity: problem.severity as SyntaxProblem["severity"],
      code: syntaxCodeName(problem.code),
      message: typeof problem.message === "string" ? problem.message : problem.message.value,
      source: SYNTAX_SOURCE,
      tags: problem.tags as SyntaxProblem["tags"],
    }));
}

/**
 * Problems dockerfile-utils reports that BuildKit does not:
 * - a multi-source COPY/ADD to `.` or `..` (or `dir/.`): BuildKit treats those as directories,
 *   only a file-like destination needs the trailing slash;
 * - an empty base name on a FROM holding a template placeholder such as Maven's
 *   `${docker.base.image}` (a dot cannot be in a build argument name): the file is filtered into a
 *   real Dockerfile before any build sees it.
 */
function isFalseProblem(code: number | string | undefined, line: string, flagged: string): boolean {
  if (code === ValidationCode.INVALID_DESTINATION) return /(?:^|\/)\.\.?\/?$/.test(flagged.trim().replace(/^["']|["']$/g, ""));
  if (code === ValidationCode.BASE_NAME_EMPTY) return /\$\{[A-Za-z_][\w-]*\.[\w.-]*\}|@[\w.-]+@/.test(line);
  return false;
}

function textIn(lines: readonly string[], range: Range): string {
  if (range.start.line !== range.end.line) return "";
  return (lines[range.start.line] ?? "").slice(range.start.character, range.end.character);
}
