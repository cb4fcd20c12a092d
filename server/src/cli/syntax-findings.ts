// dockerfile-utils syntax problems as printed findings, so `stagecraft check` fails on a Dockerfile
// BuildKit would reject just as the editor shows it: the checks our rules make better are dropped.

import type { Finding } from "../rules/run";
import type { Severity } from "../rules/types";
import { isCoveredByFindings, SyntaxSettingKey, SyntaxSeveritySetting, syntaxSettings, SYNTAX_SOURCE, validateSyntax } from "../syntax";
import type { CliFinding } from "./output";

/** LSP DiagnosticSeverity numbers, as dockerfile-utils reports them. */
const SEVERITY_NAMES: Record<number, Severity> = { 1: "error", 2: "warning", 3: "info", 4: "hint" };

export function syntaxFindings(
  text: string,
  chosen: Partial<Record<SyntaxSettingKey, SyntaxSeveritySetting>>,
  findings: readonly Finding[],
  file: string,
): CliFinding[] {
  return validateSyntax(text, syntaxSettings(chosen))
    .filter((problem) => !isCoveredByFindings(problem, findings))
    .map((problem) => ({
      file,
      range: problem.range,
      severity: SEVERITY_NAMES[problem.severity ?? 1] ?? "error",
      code: problem.code,
      message: problem.message,
      source: SYNTAX_SOURCE,
    }));
}
