// Severity settings: what a user may set per rule (`stagecraft.rules.<id>`, `.stagecraft.json`'s
// "rules") and per dockerfile-utils check (`stagecraft.syntax.<key>`, "syntax"). One list of valid
// values, read by the LSP settings, the CLI configuration and the runner.

import type { SeveritySetting } from "../rules/types";
import type { SyntaxSettingKey, SyntaxSeveritySetting } from "../syntax-checks";

/** Per-rule severity overrides: `{ "layer-consecutive-run": "off" }`; `default` (or absent) keeps the rule's own. */
export type RuleSettings = Readonly<Record<string, SeveritySetting | "default" | undefined>>;

/** Per-check severities of the settable dockerfile-utils checks; `warning` where unset. */
export type SyntaxSettings = Readonly<Partial<Record<SyntaxSettingKey, SyntaxSeveritySetting>>>;

export const SEVERITY_SETTINGS: readonly SeveritySetting[] = ["off", "hint", "info", "warning", "error"];

export const SYNTAX_SEVERITY_SETTINGS: readonly SyntaxSeveritySetting[] = ["ignore", "warning", "error"];

export function isSeveritySetting(value: unknown): value is SeveritySetting {
  return typeof value === "string" && (SEVERITY_SETTINGS as readonly string[]).includes(value);
}

export function isSyntaxSeveritySetting(value: unknown): value is SyntaxSeveritySetting {
  return typeof value === "string" && (SYNTAX_SEVERITY_SETTINGS as readonly string[]).includes(value);
}
