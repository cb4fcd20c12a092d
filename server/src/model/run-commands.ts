// The shell commands of a stage's RUN instructions, in order, each with its instruction: the walk
// rules make to find installs, builds and cleanups. CMD/ENTRYPOINT commands are not RUN steps.

import type { ShellCommand } from "./shell";
import type { Instruction, Stage } from "./types";

export interface RunCommand {
  stage: Stage;
  /** The RUN instruction the command belongs to. */
  instruction: Instruction;
  command: ShellCommand;
}

/** The commands of every RUN instruction of `stages` (one stage, or a lineage), in order. */
export function runCommands(stages: Stage | readonly Stage[]): RunCommand[] {
  const out: RunCommand[] = [];
  for (const stage of Array.isArray(stages) ? stages : [stages as Stage]) {
    for (const instruction of stage.instructions) {
      if (instruction.keyword !== "RUN") continue;
      for (const command of instruction.commands) out.push({ stage, instruction, command });
    }
  }
  return out;
}

/**
 * True when the RUN `run` has commands and each runs one of `programs`, or no program at all (`X=1`,
 * a loop's `done`). A RUN the shell reader found no command in is not known to run only those.
 */
export function runsOnly(run: Instruction, programs: ReadonlySet<string>): boolean {
  return run.commands.length > 0 && run.commands.every((c) => c.name === "" || programs.has(c.name));
}
