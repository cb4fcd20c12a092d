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

/** Shells a RUN hands a script file to (`bash build/fetch.sh`). */
const SCRIPT_SHELLS = new Set(["sh", "bash", "dash", "ash", "zsh"]);

/**
 * The context files the host read that a RUN of `stages` runs as a script, as [path, text]: the
 * command is the file (`/tmp/fetch_binaries.sh` for `build/fetch_binaries.sh`, matched by base name,
 * as the COPY that put it there may rename the folder) or a shell's first argument (`sh ./get.sh`).
 */
export function runContextScripts(files: Readonly<Record<string, string>> | undefined, stages: Stage | readonly Stage[]): [string, string][] {
  if (files === undefined) return [];
  const names = new Set<string>();
  for (const { command } of runCommands(stages)) {
    const script = SCRIPT_SHELLS.has(command.name) ? command.args.find((a) => !a.value.startsWith("-"))?.value : command.program?.value;
    const name = script?.split("/").pop();
    if (name && /\.(?:sh|bash)$/.test(name)) names.add(name);
  }
  return Object.entries(files).filter(([path]) => names.has(path.split("/").pop() ?? path));
}
