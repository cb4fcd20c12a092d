// Severity settings: what a user may set per rule (`stagecraft.rules.<id>`, `.stagecraft.json`'s
// "rules") and per dockerfile-utils check (`stagecraft.syntax.<key>`, "syntax"). One vocabulary for
// both (`off|hint|info|warning|error`), read by the LSP settings, the CLI configuration and the
// runner; the values older syntax settings used (`ignore`, dockerfile-utils' numbers) still read.

import type { SeveritySetting } from "../rules/types";
import type { SyntaxSettingKey, SyntaxSeveritySetting } from "../syntax-checks";

/** Per-rule severity overrides: `{ "layer-consecutive-run": "off" }`; `default` (or absent) keeps the rule's own. */
export type RuleSettings = Readonly<Record<string, SeveritySetting | "default" | undefined>>;

/** Per-check severities of the settable dockerfile-utils checks; `warning` where unset. */
export type SyntaxSettings = Readonly<Partial<Record<SyntaxSettingKey, SyntaxSeveritySetting>>>;

export const SEVERITY_SETTINGS: readonly SeveritySetting[] = ["off", "hint", "info", "warning", "error"];

export const SYNTAX_SEVERITY_SETTINGS: readonly SyntaxSeveritySetting[] = SEVERITY_SETTINGS;

/** dockerfile-utils' `ValidationSeverity` numbers (IGNORE, WARNING, ERROR), which older settings held. */
const LEGACY_SYNTAX_NUMBERS: readonly SyntaxSeveritySetting[] = ["off", "warning", "error"];

export function isSeveritySetting(value: unknown): value is SeveritySetting {
  return typeof value === "string" && (SEVERITY_SETTINGS as readonly string[]).includes(value);
}

/** A syntax check's severity as written: the shared words, or the old `ignore` and 0/1/2; undefined otherwise. */
export function syntaxSeverityOf(value: unknown): SyntaxSeveritySetting | undefined {
  if (isSeveritySetting(value)) return value;
  if (value === "ignore") return "off";
  const number = typeof value === "number" ? value : typeof value === "string" && /^\d$/.test(value) ? Number(value) : NaN;
  return LEGACY_SYNTAX_NUMBERS[number];
}
