// instruction-empty-continuation: BuildKit's NoEmptyContinuation. An empty line inside an
// instruction continued with `\` is dropped today and will be an error in a future release.

import type { Range } from "../model/text";
import type { Rule } from "./types";

export const rule: Rule = {
  meta: {
    id: "instruction-empty-continuation",
    family: "instructions",
    severity: "warning",
    description: "Remove empty lines inside instructions continued over several lines.",
    fix: "safe",
    equivalents: { buildkit: ["NoEmptyContinuation"] },
    messages: {
      empty: "Empty continuation line before this line; remove it (it will be an error in a future release).",
    },
    supersedes: [{ check: "EMPTY_CONTINUATION_LINE", when: "always" }],
  },
  check(model, report) {
    for (const instruction of model.instructions) {
      const { start, end } = instruction.range;
      const inHeredoc = (line: number) =>
        instruction.heredocs.some((h) => h.contentRange && line >= h.contentRange.start.line && line <= h.contentRange.end.line + 1);
      let emptyFrom = -1;
      for (let line = start.line + 1; line <= end.line; line++) {
        if (inHeredoc(line)) break;
        const text = model.lines.lineText(line);
        if (text.trim() === "") {
          if (emptyFrom < 0) emptyFrom = line;
          continue;
        }
        if (emptyFrom >= 0) {
          // BuildKit reports the line the instruction resumes on.
          const range: Range = { start: { line, character: text.search(/\S/) }, end: { line, character: text.length } };
          report({
            range,
            messageId: "empty",
            fix: {
              title: "Remove the empty continuation line",
              edits: [{ range: { start: { line: emptyFrom, character: 0 }, end: { line, character: 0 } }, newText: "" }],
              isPreferred: true,
            },
          });
          emptyFrom = -1;
        }
      }
    }
  },
};
