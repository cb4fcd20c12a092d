// Deletes a whole instruction (continuation lines included) with its line break.

import type { TextEdit } from "../model/text";
import type { Instruction } from "../model/types";

/** The edit that removes `instruction`'s lines from the file. */
export function removeInstruction(instruction: Instruction): TextEdit[] {
  const start = { line: instruction.range.start.line, character: 0 };
  const end = { line: instruction.range.end.line + 1, character: 0 };
  return [{ range: { start, end }, newText: "" }];
}
