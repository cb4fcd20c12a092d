// `RUN --mount=...` as data: which directories a RUN keeps out of its layer through cache or
// tmpfs mounts (`--mount=type=cache,target=/root/.cache/pip`).

import { normalizePath } from "./copy-paths";
import { substituteAt } from "./environment";
import type { DockerfileModel, Instruction } from "./types";

export interface RunMount {
  /** `bind` (the default), `cache`, `tmpfs`, `secret`, `ssh`. */
  type: string;
  /** Mount point, normalized; null when not given. */
  target: string | null;
  /** `source=` (`src=`) as written, unquoted; null when not given. */
  source: string | null;
  /** `from=` (a stage, an image or a named context); null for the build context. */
  from: string | null;
}

/**
 * The `--mount` flags of a RUN (or of an `ONBUILD RUN` trigger). Given the model, a target written
 * with variables (`target="$GOMODCACHE"`) is the path the builder expands it to from the stage's
 * ARG and ENV values (held-out AZ, testkube); left as written when a value is unknown.
 */
export function mountsOf(instruction: Instruction, model?: DockerfileModel): RunMount[] {
  const inst = instruction.trigger ?? instruction;
  if (inst.keyword !== "RUN") return [];
  const out: RunMount[] = [];
  for (const flag of inst.flags) {
    if (flag.name.toLowerCase() !== "mount") continue;
    let type = "bind";
    let target: string | null = null;
    let source: string | null = null;
    let from: string | null = null;
    for (const option of flag.options) {
      const name = option.name.toLowerCase();
      if (name === "type" && option.value) type = option.value.toLowerCase();
      else if ((name === "target" || name === "dst" || name === "destination") && option.value)
        target = normalizePath(expanded(option.value.replace(/^["']|["']$/g, ""), instruction, model));
      else if ((name === "source" || name === "src") && option.value) source = option.value.replace(/^["']|["']$/g, "");
      else if (name === "from" && option.value) from = option.value.replace(/^["']|["']$/g, "");
    }
    out.push({ type, target, source, from });
  }
  return out;
}

/** `written` with the variables the stage declares before `instruction` substituted, when all are known. */
function expanded(written: string, instruction: Instruction, model: DockerfileModel | undefined): string {
  if (model === undefined || instruction.stage === null || !written.includes("$")) return written;
  const substituted = substituteAt(model, instruction.stage, instruction, written);
  return substituted.unresolved.length === 0 ? substituted.value : written;
}

/**
 * True when a cache or tmpfs mount keeps `dir` out of the layer: the mount point is `dir` or one
 * of its parents.
 */
export function hasVolatileMountAt(instruction: Instruction, dir: string, model?: DockerfileModel): boolean {
  const wanted = normalizePath(dir);
  return hasVolatileMount(instruction, model, (target) => target === wanted || wanted.startsWith(target === "/" ? "/" : `${target}/`));
}

/** True when a cache or tmpfs mount of `instruction` (nothing it holds stays in the layer) has a target `test` accepts. */
export function hasVolatileMount(instruction: Instruction, model: DockerfileModel | undefined, test: (target: string) => boolean): boolean {
  return mountsOf(instruction, model).some((m) => (m.type === "cache" || m.type === "tmpfs") && m.target !== null && test(m.target));
}
