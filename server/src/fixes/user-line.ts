// Inserts a `USER <name>` line before a stage's start command (or after its last instruction when
// it has none): the suggestion of final-stage-root when a non-root user is known.

import type { DockerfileModel, Instruction, Stage } from "../model/types";
import type { Fix } from "./types";

/** A `USER user` line before `stage`'s last CMD or ENTRYPOINT, or after its last instruction; null for an empty stage. */
export function addUserLine(model: DockerfileModel, stage: Stage, user: string): Fix | null {
  const start = [...stage.instructions].reverse().find((i) => i.keyword === "CMD" || i.keyword === "ENTRYPOINT");
  const anchor: Instruction | undefined = start ?? stage.instructions[stage.instructions.length - 1];
  if (!anchor) return null;
  // After the last instruction of a file without a final newline there is no next line: the USER
  // line then goes at the end of that instruction's last line, behind a newline of its own.
  const atEnd = !start && anchor.range.end.line + 1 >= model.lines.lineCount;
  const position = start
    ? { line: start.range.start.line, character: 0 }
    : atEnd
      ? model.lines.startOfLineAfter(anchor.range.end.line)
      : { line: anchor.range.end.line + 1, character: 0 };
  const newText = atEnd ? `\nUSER ${user}\n` : `USER ${user}\n`;
  return { title: `Add 'USER ${user}'`, edits: [{ range: { start: position, end: position }, newText }] };
}
