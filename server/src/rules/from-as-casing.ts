// from-as-casing: `FROM x as y` / `from x AS y`. BuildKit's FromAsCasing: when the FROM keyword is
// all upper or all lower case, the AS keyword must be written the same way. A mixed-case FROM
// (`From`) is ConsistentInstructionCasing's concern, so AS is not judged against it.

import type { Rule } from "./types";

export const rule: Rule = {
  meta: {
    id: "from-as-casing",
    family: "stages",
    severity: "warning",
    description: "Write the AS keyword in the same case as FROM.",
    fix: "safe",
    equivalents: { buildkit: ["FromAsCasing"] },
    messages: {
      mismatch: "Keyword '{as}' does not match the casing of '{from}'; write '{expected}'.",
    },
  },
  check(model, report) {
    for (const stage of model.stages) {
      const as = stage.asKeyword;
      if (!as) continue;
      const from = model.lines.textIn(stage.from.keywordRange);
      const expected = from === from.toUpperCase() ? "AS" : from === from.toLowerCase() ? "as" : null;
      if (expected === null || as.value === expected) continue;
      report({
        range: as.range,
        messageId: "mismatch",
        data: { as: as.value, from, expected },
        fix: { title: `Write '${expected}'`, edits: [{ range: as.range, newText: expected }], isPreferred: true },
      });
    }
  },
};
