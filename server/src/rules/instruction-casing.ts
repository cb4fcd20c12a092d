// instruction-casing: BuildKit's ConsistentInstructionCasing. Instructions may be written in lower
// or upper case, but one file should use one; mixed case (`From`) reads as a typo.

import { replaceToken } from "../fixes/replace-token";
import type { Rule } from "./types";

export const rule: Rule = {
  meta: {
    id: "instruction-casing",
    family: "instructions",
    severity: "warning",
    description: "Write every instruction in the same case, as most of the file does.",
    fix: "safe",
    equivalents: { buildkit: ["ConsistentInstructionCasing"] },
    messages: {
      casing: "Instruction '{keyword}' should be {casing} like most instructions of this file; write '{expected}'.",
    },
    // dockerfile-utils asks for upper case everywhere; BuildKit accepts a consistently lower-case file.
    supersedes: [{ check: "CASING_INSTRUCTION", when: "always" }],
  },
  check(model, report) {
    // BuildKit counts the instructions of stages (FROM included), not the global ARGs before them.
    const instructions = model.stages.flatMap((s) => [s.from, ...s.instructions]);
    const written = instructions.map((i) => ({ instruction: i, text: model.lines.textIn(i.keywordRange) }));
    let lower = 0;
    let upper = 0;
    for (const { text } of written) {
      if (text === text.toLowerCase()) lower++;
      else if (text === text.toUpperCase()) upper++;
    }
    const isMajorityLower = lower > upper;
    for (const { instruction, text } of written) {
      const expected = isMajorityLower ? text.toLowerCase() : text.toUpperCase();
      if (text === expected) continue;
      report({
        range: instruction.keywordRange,
        messageId: "casing",
        data: { keyword: text, casing: isMajorityLower ? "lower case" : "upper case", expected },
        fix: { title: `Write '${expected}'`, edits: replaceToken(instruction.keywordRange, expected), isPreferred: true },
      });
    }
  },
};
