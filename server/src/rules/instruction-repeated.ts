// instruction-repeated: BuildKit's MultipleInstructionsDisallowed (hadolint DL4003, DL4004). Only the
// last CMD, ENTRYPOINT or HEALTHCHECK of a stage takes effect; earlier ones are dead code.

import { removeInstruction } from "../fixes/remove-instruction";
import type { Instruction } from "../model/types";
import type { Rule } from "./types";

const ONCE = new Set(["CMD", "ENTRYPOINT", "HEALTHCHECK"]);

export const rule: Rule = {
  meta: {
    id: "instruction-repeated",
    family: "instructions",
    severity: "warning",
    description: "Keep one CMD, ENTRYPOINT and HEALTHCHECK per stage; only the last one takes effect.",
    fix: "safe",
    equivalents: { buildkit: ["MultipleInstructionsDisallowed"], hadolint: ["DL3012", "DL4003", "DL4004"] },
    messages: {
      overridden: "This {keyword} is overridden by the one on line {line}, so it has no effect; remove it.",
    },
    supersedes: [{ check: "MULTIPLE_INSTRUCTIONS", when: "always" }],
  },
  check(model, report) {
    for (const stage of model.stages) {
      const last = new Map<string, Instruction>();
      for (const instruction of stage.instructions) if (ONCE.has(instruction.keyword)) last.set(instruction.keyword, instruction);
      for (const instruction of stage.instructions) {
        const winner = last.get(instruction.keyword);
        if (!winner || winner === instruction) continue;
        // The fix removes one instruction; with several overridden ones the next takes its line and
        // is reported there again, so a safe fix is offered only where one is overridden.
        const overridden = stage.instructions.filter((i) => i.keyword === instruction.keyword && i !== winner).length;
        report({
          range: instruction.keywordRange,
          messageId: "overridden",
          data: { keyword: instruction.keyword, line: winner.range.start.line + 1 },
          tags: ["unnecessary"],
          ...(overridden === 1 ? { fix: { title: `Remove the overridden ${instruction.keyword}`, edits: removeInstruction(instruction, model.lines) } } : {}),
        });
      }
    }
  },
};
