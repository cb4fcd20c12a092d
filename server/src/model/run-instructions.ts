// Every RUN of the file in order, ONBUILD RUN triggers and RUNs before any FROM (fragments)
// included: the walk for rules about how commands are written, wherever they run.

import type { ShellCommand } from "./shell";
import { lineage } from "./stage-graph";
import type { DockerfileModel, Instruction } from "./types";

/** RUN instructions and `ONBUILD RUN` triggers, in file order. */
export function allRunInstructions(model: DockerfileModel): Instruction[] {
  const out: Instruction[] = [];
  for (const instruction of model.instructions) {
    const run = instruction.keyword === "ONBUILD" ? instruction.trigger : instruction;
    if (run?.keyword === "RUN") out.push(run);
  }
  return out;
}

/**
 * The commands that run before command `index` of `run`: those of its stage lineage's earlier
 * RUNs, then the RUN's earlier commands, in order.
 */
export function* commandsBefore(run: Instruction, index: number): Generator<{ run: Instruction; command: ShellCommand }> {
  for (const s of run.stage ? lineage(run.stage) : [])
    for (const i of s.instructions) {
      if (i.ordinal >= run.ordinal) break;
      if (i.keyword === "RUN") for (const command of i.commands) yield { run: i, command };
    }
  for (const command of run.commands.slice(0, index)) yield { run, command };
}
