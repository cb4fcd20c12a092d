// layer-consecutive-run: two single-command RUNs in a row add two layers to the final image where
// one would do, and what the first writes cannot be removed by the second. Follows hadolint
// DL3059: RUNs that chain several commands were split on purpose (usually for the build cache),
// and RUNs with different flags (mounts, network) cannot be merged.

import { haveSameFlags, mergeIntoPreviousRun } from "../fixes/run-merge";
import { finalImageStages } from "../model/final-image";
import type { Instruction } from "../model/types";
import type { Rule } from "./types";

export const rule: Rule = {
  meta: {
    id: "layer-consecutive-run",
    family: "layers",
    severity: "info",
    description: "Merge consecutive single-command RUN instructions of the final image.",
    fix: "safe",
    equivalents: { hadolint: ["DL3059"] },
    messages: {
      consecutive:
        "This RUN directly follows the RUN on line {line}: each adds a layer to the final image, and files one writes cannot be removed by the other; merge them into one RUN with '&&'.",
    },
  },
  check(model, report) {
    const finals = finalImageStages(model);
    // Stages that are only copied from never ship their layers; instructions before any FROM are
    // checked like hadolint does for fragments.
    const sequences: Instruction[][] = [model.prelude, ...model.stages.filter((s) => finals.has(s)).map((s) => s.instructions)];
    for (const instructions of sequences) {
      for (let i = 1; i < instructions.length; i++) {
        const previous = instructions[i - 1];
        const current = instructions[i];
        if (!isSingleCommandRun(current) || !isSingleCommandRun(previous)) continue;
        if (!haveSameFlags(model, previous, current)) continue;
        const edits = mergeIntoPreviousRun(model, previous, current);
        report({
          range: current.keywordRange,
          messageId: "consecutive",
          data: { line: previous.range.start.line + 1 },
          fix: edits ? { title: `Merge into the RUN on line ${previous.range.start.line + 1}`, edits } : undefined,
        });
      }
    }
  },
};

/** A RUN running one simple command (exec form counts as one); ONBUILD triggers are not RUNs here. */
function isSingleCommandRun(instruction: Instruction): boolean {
  if (instruction.keyword !== "RUN") return false;
  if (instruction.isJsonForm) return true;
  return instruction.commands.filter((c) => c.program !== null).length <= 1;
}
