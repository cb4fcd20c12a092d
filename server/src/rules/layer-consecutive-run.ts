// layer-consecutive-run: two single-command RUNs in a row add two layers to the final image where
// one would do, and what the first writes cannot be removed by the second. Follows hadolint
// DL3059: RUNs that chain several commands were split on purpose (usually for the build cache),
// and RUNs with different flags (mounts, network) cannot be merged.

import { haveSameFlags, mergeIntoPreviousRun } from "../fixes/run-merge";
import { systemPackageCommand } from "../model/commands";
import { finalImageStages } from "../model/final-image";
import { developmentPurpose } from "../model/stage-purpose";
import type { DockerfileModel, Instruction } from "../model/types";
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
      consecutive: "This RUN directly follows the RUN on line {line}; merge them into one RUN with '&&'.",
    },
  },
  check(model, report) {
    const finals = finalImageStages(model);
    // Stages that are only copied from never ship their layers; instructions before any FROM are
    // checked like hadolint does for fragments.
    const sequences: Instruction[][] = [model.prelude, ...model.stages.filter((s) => finals.has(s)).map((s) => s.instructions)];
    // In development, CI and build-environment images a layer more or less does not matter; only a
    // bare package-index update split from its install is worth merging there.
    const isDevelopment = developmentPurpose(model) !== null;
    for (const instructions of sequences) {
      for (let i = 1; i < instructions.length; i++) {
        const previous = instructions[i - 1];
        const current = instructions[i];
        if (!isSingleCommandRun(current) || !isSingleCommandRun(previous)) continue;
        if (!haveSameFlags(model, previous, current)) continue;
        // '&&' is not an operator of PowerShell (5) or a safe join under every SHELL: never advise it there.
        if (hasNonPosixShell(instructions, i)) continue;
        if (isDevelopment && !isIndexUpdate(previous)) continue;
        if (isSplitOnPurpose(model, instructions, i)) continue;
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

/** True when a SHELL before `index` in the stage switches to PowerShell or cmd. */
function hasNonPosixShell(instructions: Instruction[], index: number): boolean {
  const shell = instructions
    .slice(0, index)
    .filter((i) => i.keyword === "SHELL")
    .pop();
  return shell !== undefined && /^(?:.*[\\/])?(?:powershell|pwsh|cmd)(?:\.exe)?$/i.test(shell.args[0]?.value ?? "");
}

/** `apt-get update` or `apk update` alone: merging it with the install that follows is a correctness fix. */
function isIndexUpdate(instruction: Instruction): boolean {
  return instruction.commands.some((c) => systemPackageCommand(c)?.action === "update");
}

/** True when a comment above the run of RUNs says they are split on purpose ("Split into separate RUN commands ..."). */
function isSplitOnPurpose(model: DockerfileModel, instructions: Instruction[], index: number): boolean {
  const current = instructions[index];
  let first = index - 1;
  while (first > 0 && isSingleCommandRun(instructions[first - 1])) first--;
  const from = first > 0 ? instructions[first - 1].range.end.line : -1;
  return model.comments.some(
    (c) => c.range.start.line > from && c.range.start.line < current.range.start.line && /\b(?:split|separate(?:ly)?|own (?:RUN|layer)s?)\b/i.test(c.content),
  );
}
