// Variables of a RUN before any FROM: a Dockerfile fragment, as hadolint's specs write them.

import { envDeclarations, variableFor } from "./environment";
import type { ShellCommand } from "./shell";
import type { DockerfileModel, Instruction } from "./types";

/**
 * A variable for a RUN before any FROM (a fragment, as in hadolint's specs): its own prefix, an
 * `export` earlier in the RUN, else the ENV/ARG lines above it.
 */
export function fragmentVariable(model: DockerfileModel, run: Instruction, command: ShellCommand, name: string): string | null | undefined {
  const own = command.assignments.find((a) => a.value.startsWith(`${name}=`));
  if (own) return own.value.slice(name.length + 1);
  let value: string | null | undefined;
  for (const c of run.commands) {
    if (c === command) break;
    if (c.name === "export") for (const a of c.args) if (a.value.startsWith(`${name}=`)) value = a.value.slice(name.length + 1);
  }
  if (value !== undefined) return value;
  for (const earlier of model.prelude) {
    if (earlier.ordinal >= run.ordinal) break;
    for (const decl of envDeclarations(model, earlier)) if (decl.name === name) value = decl.value;
  }
  return value;
}

/**
 * The value `name` has for `command` of `instruction` (a RUN, or an ONBUILD whose trigger is one):
 * in a stage, through the stage's environment (`variableFor`); before any FROM, through the
 * fragment's own (`fragmentVariable`).
 */
export function variableAtCommand(model: DockerfileModel, instruction: Instruction, command: ShellCommand, name: string): string | null | undefined {
  const run = instruction.trigger ?? instruction;
  return instruction.stage ? variableFor(model, instruction.stage, run, command, name) : fragmentVariable(model, run, command, name);
}
