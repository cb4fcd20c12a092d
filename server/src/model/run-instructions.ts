// Every RUN of the file in order, ONBUILD RUN triggers and RUNs before any FROM (fragments)
// included: the walk for rules about how commands are written, wherever they run.

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
