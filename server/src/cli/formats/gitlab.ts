// GitLab code-quality report (a JSON array of Code Climate issues) for merge-request widgets.
// https://docs.gitlab.com/ci/testing/code_quality/#code-quality-report-format

import { createHash } from "node:crypto";
import type { CliFinding } from "../output";

const SEVERITY = {
  error: "major",
  warning: "minor",
  info: "info",
  hint: "info",
} as const;

export function formatGitlab(findings: readonly CliFinding[]): string {
  const seen = new Map<string, number>();
  const issues = findings.map((f) => {
    const checkName = f.source === "stagecraft" ? f.code : `${f.source}:${f.code}`;
    // The fingerprint must be stable across runs and unique per issue: the same finding on the same
    // line in the same file keeps its fingerprint, a repeat gets an ordinal.
    const base = `${f.file}\u0000${checkName}\u0000${f.range.start.line}\u0000${f.range.start.character}\u0000${f.message}`;
    const ordinal = seen.get(base) ?? 0;
    seen.set(base, ordinal + 1);
    return {
      description: f.message,
      check_name: checkName,
      fingerprint: createHash("sha256").update(`${base}\u0000${ordinal}`).digest("hex"),
      severity: SEVERITY[f.severity],
      location: {
        path: f.file,
        lines: { begin: f.range.start.line + 1, end: f.range.end.line + 1 },
      },
    };
  });
  return `${JSON.stringify(issues, null, 2)}\n`;
}
