// dockerfile-utils syntax problems as printed findings, so `stagecraft check` fails on a Dockerfile
// BuildKit would reject just as the editor shows it: the checks our rules make better are dropped.

import type { Finding } from "../rules/run";
import type { Severity } from "../rules/types";
import { isCoveredByFindings, SyntaxSettingKey, SyntaxSeveritySetting, syntaxSettings, SYNTAX_SOURCE } from "../syntax";
import { validateSyntax } from "../syntax-validation";
import type { CliFinding } from "./output";

/** LSP DiagnosticSeverity numbers, as dockerfile-utils reports them. */
const SEVERITY_NAMES: Record<number, Severity> = { 1: "error", 2: "warning", 3: "info", 4: "hint" };

export function syntaxFindings(
  text: string,
  chosen: Partial<Record<SyntaxSettingKey, SyntaxSeveritySetting>>,
  findings: readonly Finding[],
  file: string,
  onFailure: (reason: string) => void = () => undefined,
): CliFinding[] {
  const result = validateSyntax(text, syntaxSettings(chosen));
  // The validator failing costs this file its syntax findings, never the rules' or other files'.
  if (!result.ok) {
    onFailure(result.reason);
    return [];
  }
  return result.value
    .filter((problem) => !isCoveredByFindings(problem, findings))
    .map((problem) => ({
      file,
      range: problem.range,
      severity: SEVERITY_NAMES[problem.severity ?? 1] ?? "error",
      code: String(problem.code ?? ""),
      message: typeof problem.message === "string" ? problem.message : problem.message.value,
      source: SYNTAX_SOURCE,
    }));
}
