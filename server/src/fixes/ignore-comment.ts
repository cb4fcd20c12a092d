// Edits that silence one rule with a suppression comment: `# stagecraft-ignore <id>` above the
// instruction (extending an ignore comment already there), or `# stagecraft-ignore-file <id>` at
// the top, below the parser directives (which must stay first to keep their meaning).

import type { DockerfileModel } from "../model/types";
import type { TextEdit } from "../model/text";

const IGNORE_LINE = /^(\s*#\s*stagecraft-ignore)(\s+\S.*)?$/i;

export interface IgnoreCommentEdits {
  /** Silences the rule for the instruction covering the finding's line. */
  instruction: TextEdit;
  /** Silences the rule in the whole file. */
  file: TextEdit;
}

/** The two ways to suppress `ruleId` for a finding that starts on `line` (0-based). */
export function ignoreCommentEdits(model: DockerfileModel, ruleId: string, line: number): IgnoreCommentEdits {
  const instruction = model.instructions.find((i) => i.range.start.line <= line && line <= i.range.end.line);
  const targetLine = instruction ? instruction.range.start.line : line;
  const eol = model.lines.text.includes("\r\n") ? "\r\n" : "\n";
  const indent = /^\s*/.exec(model.lines.lineText(targetLine))?.[0] ?? "";

  const above = targetLine > 0 ? model.lines.lineText(targetLine - 1) : "";
  const existing = IGNORE_LINE.exec(above);
  // Extend the ignore comment already there instead of stacking a second one.
  const instructionEdit: TextEdit =
    existing && existing[2]
      ? insertAt(targetLine - 1, above.replace(/\s+$/, "").length, `,${ruleId}`)
      : insertAt(targetLine, 0, `${indent}# stagecraft-ignore ${ruleId}${eol}`);

  const lastDirective = model.directives[model.directives.length - 1];
  const fileLine = lastDirective ? lastDirective.range.start.line + 1 : 0;
  return { instruction: instructionEdit, file: insertAt(fileLine, 0, `# stagecraft-ignore-file ${ruleId}${eol}`) };
}

function insertAt(line: number, character: number, newText: string): TextEdit {
  const at = { line, character };
  return { range: { start: at, end: at }, newText };
}
