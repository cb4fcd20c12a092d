// How `stagecraft check` prints findings: compact text lines (coloured on a terminal) or a JSON
// array with 0-based LSP-style ranges.

import type { Range, TextEdit } from "../model/text";
import type { Severity } from "../rules/types";

/** One printed finding; `file` is the path as shown to the user. */
export interface CliFinding {
  file: string;
  range: Range;
  severity: Severity;
  code: string;
  message: string;
  source: string;
  /** The finding's safe fixes that only edit the file (SARIF reports them). */
  fixes?: { title: string; edits: readonly TextEdit[] }[];
}

/**
 * Colour decision: `--no-color` and NO_COLOR turn it off, FORCE_COLOR (other than 0/false) turns
 * it on, otherwise colour when stdout is a terminal. See https://no-color.org.
 */
export function useColor(flag: boolean | undefined, env: NodeJS.ProcessEnv, isTTY: boolean): boolean {
  if (flag === false) return false;
  if (env.NO_COLOR !== undefined && env.NO_COLOR !== "") return false;
  const force = env.FORCE_COLOR;
  if (force !== undefined) return force !== "0" && force.toLowerCase() !== "false";
  return isTTY;
}

const SEVERITY_COLOR: Record<Severity, number> = { error: 31, warning: 33, info: 36, hint: 90 };

function paint(enabled: boolean, code: number, text: string): string {
  return enabled ? `\u001b[${code}m${text}\u001b[0m` : text;
}

/** `path:line:col severity message [code]`, 1-based like compilers, then a one-line summary. */
export function formatText(findings: readonly CliFinding[], color: boolean): string {
  const lines = findings.map((f) => {
    const where = `${f.file}:${f.range.start.line + 1}:${f.range.start.character + 1}`;
    // Our rule ids speak for themselves; another tool's numeric codes need its name.
    const code = f.source === "stagecraft" ? f.code : `${f.source} ${f.code}`;
    return `${paint(color, 1, printable(where))} ${paint(color, SEVERITY_COLOR[f.severity], f.severity)} ${printable(f.message)} ${paint(color, 90, `[${code}]`)}`;
  });
  if (findings.length > 0) lines.push("", summary(findings));
  return lines.length > 0 ? `${lines.join("\n")}\n` : "";
}

/**
 * Messages quote the file, which may hold anything: control characters are shown as `\xNN` so a
 * hostile file cannot move the cursor or recolour the terminal.
 */
export function printable(text: string): string {
  // eslint-disable-next-line no-control-regex -- matching control characters is the point: they are shown escaped.
  return text.replace(/[\u0000-\u001f\u007f-\u009f]/g, (c) => `\\x${c.charCodeAt(0).toString(16).padStart(2, "0")}`);
}

function summary(findings: readonly CliFinding[]): string {
  const counts = new Map<Severity, number>();
  for (const f of findings) counts.set(f.severity, (counts.get(f.severity) ?? 0) + 1);
  const files = new Set(findings.map((f) => f.file)).size;
  const parts = (["error", "warning", "info", "hint"] as const)
    .filter((s) => counts.has(s))
    .map((s) => `${counts.get(s)} ${s}${counts.get(s) === 1 || s === "info" ? "" : "s"}`);
  return `${findings.length} problem${findings.length === 1 ? "" : "s"} (${parts.join(", ")}) in ${files} file${files === 1 ? "" : "s"}`;
}

export function formatJson(findings: readonly CliFinding[]): string {
  const plain = findings.map((f) => ({
    file: f.file,
    range: { start: { line: f.range.start.line, character: f.range.start.character }, end: { line: f.range.end.line, character: f.range.end.character } },
    severity: f.severity,
    code: f.code,
    message: f.message,
    source: f.source,
  }));
  return `${JSON.stringify(plain, null, 2)}\n`;
}
