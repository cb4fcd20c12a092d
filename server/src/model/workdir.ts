// The working directory of a stage: WORKDIR instructions of the stage and of the stages it builds
// on, relative ones joined, build arguments and ENV values substituted. Unknown when the chain
// starts from an image (its config may set a WORKDIR) and no absolute WORKDIR follows.

import { joinPath, unquoteWord } from "./copy-paths";
import { ancestorsOf, mergedScopeWith } from "./stage-graph";
import type { ShellCommand } from "./shell";
import type { DockerfileModel, Instruction, Stage } from "./types";
import { substituteVariables } from "./variables";

/**
 * The WORKDIR in effect just before `before` (an instruction of `stage`), or at the end of the
 * stage when `before` is omitted; null when it cannot be known.
 */
export function workdirOf(model: DockerfileModel, stage: Stage, before?: Instruction): string | null {
  const chain = [...ancestorsOf(stage)].reverse();
  chain.push(stage);
  let current: string | null = chain[0].base.kind === "scratch" ? "/" : null;
  const env = new Map<string, string | null>();
  for (const s of chain) {
    const scope = mergedScopeWith(model, s, env);
    for (const instruction of s.instructions) {
      if (s === stage && instruction === before) return current;
      if (instruction.keyword === "ENV") readEnv(instruction, scope, env);
      if (instruction.keyword !== "WORKDIR" || instruction.args.length === 0) continue;
      const written = unquoteWord(instruction.args.map((a) => a.value).join(" "));
      const sub = substituteVariables(written, scope);
      if (sub.unresolved.length > 0) current = null;
      else if (sub.value.startsWith("/")) current = joinPath("/", sub.value);
      else current = current === null ? null : joinPath(current, sub.value);
    }
  }
  return current;
}

/** `ENV A=1 B="2"` or the legacy `ENV A 1`; values substituted with what is known so far. */
function readEnv(instruction: Instruction, scope: Map<string, string | null>, env: Map<string, string | null>): void {
  const args = instruction.args.map((a) => a.value);
  if (args.length === 0) return;
  const pairs: [string, string][] = args[0].includes("=")
    ? args.filter((a) => a.includes("=")).map((a) => [a.slice(0, a.indexOf("=")), a.slice(a.indexOf("=") + 1)])
    : [[args[0], args.slice(1).join(" ")]];
  for (const [name, raw] of pairs) {
    const sub = substituteVariables(unquoteWord(raw), scope);
    const value = sub.unresolved.length > 0 ? null : sub.value;
    scope.set(name, value);
    env.set(name, value);
  }
}

/**
 * The directory `command` (of `run`, a RUN of `stage`) runs in: the WORKDIR in effect, followed
 * through the `cd` commands before it in the same script (`cd assets && npm install`); null when
 * it cannot be known (an unknown WORKDIR, `cd $DIR`, `cd -`, `cd` to the home folder).
 */
export function commandDirectory(model: DockerfileModel, stage: Stage, run: Instruction, command: ShellCommand): string | null {
  let current = workdirOf(model, stage, run);
  const commands = run.commands;
  const at = commands.indexOf(command);
  if (at < 0) return current;
  // A `cd` in a subshell or a branch that closed before `command` no longer applies to it.
  let shallowest = command.depth;
  const applies = new Array<boolean>(at).fill(false);
  for (let i = at - 1; i >= 0; i--) {
    shallowest = Math.min(shallowest, commands[i].depth);
    applies[i] = commands[i].depth <= shallowest;
  }
  for (let i = 0; i < at; i++) {
    const c = commands[i];
    if (!applies[i] || c.name !== "cd") continue;
    const target = c.args.find((a) => !a.value.startsWith("-"));
    const path = target === undefined ? "" : unquoteWord(target.value);
    if (path === "" || path === "-" || path.startsWith("~") || /[$`*?]/.test(path)) return null;
    if (path.startsWith("/")) current = joinPath("/", path);
    else current = current === null ? null : joinPath(current, path);
  }
  return current;
}
