// An instruction's text as a message quotes it: on one line, continuation escapes and the line
// breaks after them replaced by a space, runs of blanks shown as one.

import type { DockerfileModel, Instruction } from "./types";
import { escapeRegExp } from "./text";

/** `COPY --chown=app \` / `    . /app` -> `COPY --chown=app . /app`, under either escape character. */
export function instructionOnOneLine(model: DockerfileModel, instruction: Instruction): string {
  const escape = escapeRegExp(model.escapeChar);
  return (
    model.lines
      .textIn(instruction.range)
      .replace(new RegExp(`\\s*${escape}[ \\t]*\\r?\\n\\s*`, "g"), " ")
      // Messages quote it: `COPY    . .` aligned in columns reads as `COPY . .`.
      .replace(/[ \t]{2,}/g, " ")
      .trim()
  );
}
