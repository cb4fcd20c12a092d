// The comments a reader sees as belonging to an instruction: the block of comment lines right above
// it (no blank line between) and a comment on its own line.

import type { DockerfileModel, Instruction } from "./types";

/** The text of the comment block directly above `instruction`, nearest last. */
export function commentsAbove(model: DockerfileModel, instruction: Instruction): string[] {
  const byLine = new Map(model.comments.map((c) => [c.range.start.line, c.content]));
  const block: string[] = [];
  for (let line = instruction.range.start.line - 1; byLine.has(line); line--) block.unshift(byLine.get(line) ?? "");
  return block;
}
