// The working directory of a stage: WORKDIR instructions of the stage and of the stages it builds
// on, relative ones joined, build arguments and ENV values substituted. Unknown when the chain
// starts from an image (its config may set a WORKDIR) and no absolute WORKDIR follows.

import { joinPath, unquoteWord } from "./copy-paths";
import { ancestorsOf, mergedScope } from "./stage-graph";
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
    const scope = new Map(mergedScope(model, s));
    for (const [name, value] of env) scope.set(name, value);
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
