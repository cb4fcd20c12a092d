// The original text the writer carries over: instructions as written (with optional word edits),
// the comment lines that belong to them, and the file header (parser directives, top comments).

import { LineIndex, TextEdit, applyEdits } from "../model/text";
import type { DockerfileModel, Instruction } from "../model/types";

/** An instruction's own text, continuation lines and heredoc bodies included, edits applied. */
export function instructionText(model: DockerfileModel, instruction: Instruction, edits: readonly TextEdit[] = []): string {
  const start = model.lines.offsetAt(instruction.range.start);
  const text = model.lines.textIn(instruction.range);
  if (edits.length === 0) return text;
  // Re-base document positions onto the instruction's own text.
  const local = new LineIndex(text);
  const shifted = edits.map((e) => ({
    newText: e.newText,
    range: { start: local.positionAt(model.lines.offsetAt(e.range.start) - start), end: local.positionAt(model.lines.offsetAt(e.range.end) - start) },
  }));
  return applyEdits(text, shifted);
}

/** Comment lines directly above an instruction, back to the previous instruction (blank lines dropped). */
export function leadingComments(model: DockerfileModel, instruction: Instruction): string[] {
  const previous = model.instructions[instruction.ordinal - 1];
  const firstLine = previous ? previous.range.end.line + 1 : headerEnd(model);
  return model.comments
    .filter((c) => c.range.start.line >= firstLine && c.range.start.line < instruction.range.start.line)
    .map((c) => model.lines.lineText(c.range.start.line).trim());
}

/**
 * True when a blank line separates an instruction (with its comment lines) from the instruction
 * before it: the original's grouping, which the builder stage keeps.
 */
export function hasBlankLineBefore(model: DockerfileModel, instruction: Instruction): boolean {
  const previous = model.instructions[instruction.ordinal - 1];
  if (!previous) return false;
  const comments = model.comments.filter((c) => c.range.start.line > previous.range.end.line && c.range.start.line < instruction.range.start.line);
  const firstLine = comments.length > 0 ? Math.min(...comments.map((c) => c.range.start.line)) : instruction.range.start.line;
  for (let line = previous.range.end.line + 1; line < firstLine; line++) if (model.lines.lineText(line).trim() === "") return true;
  return false;
}

/** Lines of the file header: parser directives and the comment block right below them. */
export function headerLines(model: DockerfileModel): string[] {
  const end = headerEnd(model);
  const out: string[] = [];
  for (let line = 0; line < end; line++) out.push(model.lines.lineText(line));
  return out;
}

/**
 * The header ends at the first blank line after the directives (a comment block separated from
 * the first instruction by a blank line describes the file, not that instruction).
 */
function headerEnd(model: DockerfileModel): number {
  const first = model.instructions[0];
  const limit = first ? first.range.start.line : model.lines.lineCount;
  let line = model.directives.length;
  let lastBlank = -1;
  for (let l = line; l < limit; l++) if (model.lines.lineText(l).trim() === "") lastBlank = l;
  line = lastBlank >= 0 ? lastBlank : model.directives.length;
  return line;
}

/** Comment lines after the last instruction (trailing notes), kept at the end of the file. */
export function trailingComments(model: DockerfileModel): string[] {
  const last = model.instructions[model.instructions.length - 1];
  if (!last) return [];
  return model.comments.filter((c) => c.range.start.line > last.range.end.line).map((c) => model.lines.lineText(c.range.start.line).trim());
}
