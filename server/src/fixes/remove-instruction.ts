// Deletes a whole instruction (continuation lines included) with its line break.

import type { LineIndex, TextEdit } from "../model/text";
import type { Instruction } from "../model/types";

/** The edit that removes `instruction`'s lines from the file. */
export function removeInstruction(instruction: Instruction, lines: LineIndex): TextEdit[] {
  const start = { line: instruction.range.start.line, character: 0 };
  const end = lines.startOfLineAfter(instruction.range.end.line);
  return [{ range: { start, end }, newText: "" }];
}
