// instruction-description-format: BuildKit's experimental InvalidDefinitionDescription. A comment
// right above ARG or a named FROM is read as its description (`# <name> <description>`) by tools
// that document build arguments and targets. Experimental in BuildKit, so it runs only where the
// file opts in with `# check=experimental=InvalidDefinitionDescription` (or `all`).

import { commentsBetween } from "../model/comments";
import { fileCheckOptions, instructionCheckOptions, isCheckEnabled } from "../model/check-directive";
import { readArgDeclarations } from "../model/parse";
import type { DockerfileModel, Instruction } from "../model/types";
import type { Rule } from "./types";

const NAME = "InvalidDefinitionDescription";

/** The comment lines BuildKit attaches to `instruction` (since the previous one, reset by a bare `#`). */
function attachedComments(model: DockerfileModel, instruction: Instruction): string[] {
  const previous = instruction.ordinal > 0 ? model.instructions[instruction.ordinal - 1] : undefined;
  const after = previous ? previous.range.end.line : -1;
  const directiveLines = new Set(model.directives.map((d) => d.range.start.line));
  let block: string[] = [];
  for (const c of commentsBetween(model, after, instruction.range.start.line)) {
    if (directiveLines.has(c.range.start.line)) continue;
    block = c.content === "" ? [] : [...block, c.content];
  }
  return block;
}

export const rule: Rule = {
  meta: {
    id: "instruction-description-format",
    family: "instructions",
    severity: "warning",
    description: "Start the comment above an ARG or named stage with its name, or separate them.",
    fix: "none",
    equivalents: { buildkit: [NAME] },
    messages: {
      format: "Comment for {keyword} should follow the format '# {name} <description>'; or add an empty '#' line.",
    },
  },
  check(model, report) {
    const file = fileCheckOptions(model);
    for (const instruction of model.instructions) {
      const isArg = instruction.keyword === "ARG";
      const stage = instruction.keyword === "FROM" && instruction.stage?.from === instruction ? instruction.stage : undefined;
      if (!isArg && !stage?.name) continue;
      const local = instructionCheckOptions(model, instruction);
      if (!isCheckEnabled(local ? [file, local] : [file], NAME, true)) continue;
      const comments = attachedComments(model, instruction);
      if (comments.length === 0) continue;
      const keys = isArg ? readArgDeclarations(instruction).map((d) => d.name) : [stage?.name as string];
      if (keys.length === 0 || keys.includes(comments[comments.length - 1].split(" ")[0])) continue;
      report({
        range: instruction.keywordRange,
        messageId: "format",
        data: { keyword: instruction.keyword, name: keys.length > 1 ? "<arg_key>" : keys[0] },
      });
    }
  },
};
