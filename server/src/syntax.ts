// Syntax validation by dockerfile-utils, shared by the adapters (the LSP shows it, the CLI reports
// it): its settings, and which of its checks a Stagecraft rule makes better (those are dropped).

import { ValidationCode, ValidationSeverity, ValidatorSettings } from "dockerfile-utils";
import { rangesOverlap, Range } from "./model/text";
import { allRules } from "./rules/index";
import type { Finding } from "./rules/run";
import { SYNTAX_SETTING_KEYS, SyntaxSettingKey, SyntaxSeveritySetting } from "./syntax-checks";

export { SYNTAX_SOURCE, SYNTAX_SETTING_KEYS, type SyntaxSettingKey, type SyntaxSeveritySetting } from "./syntax-checks";

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
const COVERED_SYNTAX_CHECKS: ReadonlyMap<number, { ruleId: string; when: "always" | "overlap" }> = new Map([
  [ValidationCode.DUPLICATE_BUILD_STAGE_NAME, { ruleId: "stage-name-duplicate", when: "always" as const }],
  [ValidationCode.INVALID_BUILD_STAGE_NAME, { ruleId: "stage-name-invalid", when: "always" as const }],
  [ValidationCode.FLAG_INVALID_FROM_VALUE, { ruleId: "copy-from-undefined", when: "overlap" as const }],
]);

const INSTALLED_RULES = new Set(allRules.map((rule) => rule.meta.id));

/** Whether a syntax problem is one a Stagecraft finding of the same document already reports. */
export function isCoveredByFindings(problem: { code?: number | string; range: Range }, findings: readonly Finding[]): boolean {
  const covered = typeof problem.code === "number" ? COVERED_SYNTAX_CHECKS.get(problem.code) : undefined;
  if (!covered || !INSTALLED_RULES.has(covered.ruleId)) return false;
  if (covered.when === "always") return true;
  return findings.some((f) => f.ruleId === covered.ruleId && rangesOverlap(f.range, problem.range));
}
