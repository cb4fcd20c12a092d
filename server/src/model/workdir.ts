// The working directory of a stage: WORKDIR instructions of the stage and of the stages it builds
// on, relative ones joined, build arguments and ENV values substituted. Unknown when the chain
// starts from an image (its config may set a WORKDIR) and no absolute WORKDIR follows.

import { copyPaths, joinPath, unquoteWord } from "./copy-paths";
import { mergedScopeWith } from "./stage-graph";
import type { ShellCommand } from "./shell";
import { indexInStage, perStage, type Timeline, valueBefore } from "./stage-timeline";
import type { DockerfileModel, Instruction, Stage } from "./types";
import { substituteVariables } from "./variables";
import { substituteAt } from "./environment";

/**
 * The WORKDIR in effect just before `before` (an instruction of `stage`), or at the end of the
 * stage when `before` is omitted or is not one of its instructions (an ONBUILD's trigger runs in
 * a build on the finished image); null when it cannot be known.
 */
export function workdirOf(model: DockerfileModel, stage: Stage, before?: Instruction): string | null {
  const { timeline } = workdirsOf(model, stage);
  return valueBefore(timeline, before !== undefined && indexInStage(stage, before) >= 0 ? before : undefined);
}

/** The WORKDIRs of a stage, and the ENV values it ends with, which later WORKDIRs may name. */
const workdirsOf = perStage((model, stage, base: { timeline: Timeline<string | null>; env: ReadonlyMap<string, string | null> } | null) => {
  const initial = base !== null ? valueBefore(base.timeline) : stage.base.kind === "scratch" ? "/" : null;
  const env = new Map(base?.env);
  const scope = mergedScopeWith(model, stage, env);
  const changes: { ordinal: number; value: string | null }[] = [];
  let current = initial;
  for (const instruction of stage.instructions) {
    if (instruction.keyword === "ENV") readEnv(instruction, scope, env);
    if (instruction.keyword !== "WORKDIR" || instruction.args.length === 0) continue;
    const written = unquoteWord(instruction.args.map((a) => a.value).join(" "));
    const sub = substituteVariables(written, scope);
    if (sub.unresolved.length > 0) current = null;
    else if (sub.value.startsWith("/")) current = joinPath("/", sub.value);
    else current = current === null ? null : joinPath(current, sub.value);
    changes.push({ ordinal: instruction.ordinal, value: current });
  }
  return { timeline: { initial, changes }, env };
});

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
    const path = target === undefined ? "" : stageValues(model, stage, run, unquoteWord(target.value), commands.slice(0, i));
    if (path === null || path === "" || path === "-" || path.startsWith("~") || /[$`*?]/.test(path)) return null;
    if (path.startsWith("/")) current = joinPath("/", path);
    else current = current === null ? null : joinPath(current, path);
  }
  return current;
}

/**
 * The absolute path a COPY or ADD writes to (`COPY . .` under `WORKDIR /app` -> `/app`): its
 * destination joined to the WORKDIR in effect. Null when the instruction copies nothing, or a
 * variable in the destination or an unknown WORKDIR leaves the place open.
 */
export function copyDestination(model: DockerfileModel, stage: Stage, copy: Instruction): string | null {
  const paths = copyPaths(copy);
  if (paths === null) return null;
  // The builder expands the stage's ARG and ENV values in the destination (`ADD . ${BUILD_PREFIX}`).
  const dest = stageValues(model, stage, copy, unquoteWord(paths.dest.value), []);
  if (dest === null || dest.includes("$")) return null;
  const base = dest.startsWith("/") ? "/" : workdirOf(model, stage, copy);
  return base === null ? null : joinPath(base, dest);
}

/**
 * `text` with the stage's ARG and ENV values in place of its variables (`cd ${BUILD_PREFIX}` under
 * `ENV BUILD_PREFIX=/app`; held-out CF, chatgpt-on-wechat: its requirements went unread); itself
 * without variables; null when one has no known value, or when a command of `before` (the script
 * before it) assigns one, which the shell then reads instead.
 */
function stageValues(model: DockerfileModel, stage: Stage, instruction: Instruction, text: string, before: readonly ShellCommand[]): string | null {
  if (!text.includes("$")) return text;
  const names = [...text.matchAll(/\$\{?([A-Za-z_]\w*)/g)].map((m) => m[1]);
  const assigned = (word: string) => names.some((name) => word === name || word.startsWith(`${name}=`));
  if (before.some((c) => c.words.some((w) => assigned(w.value)))) return null;
  const sub = substituteAt(model, stage, instruction, text);
  return sub.unresolved.length > 0 ? null : sub.value;
}
