// Cache mounts for package managers: instead of deleting caches (which slows every rebuild), a
// builder stage can keep them in a BuildKit cache mount, out of the layer and warm across builds.

import { mountsOf } from "../model/mounts";
import type { TextEdit } from "../model/text";
import type { DockerfileModel, Instruction } from "../model/types";

export type CacheKind = "apt" | "apk" | "pip" | "yum" | "dnf" | "yarn" | "uv";

/** The `--mount` flags each package manager's cache needs. */
const MOUNTS: Record<CacheKind, string[]> = {
  // apt locks its directories: `sharing=locked` keeps parallel builds from corrupting them.
  apt: ["--mount=type=cache,target=/var/cache/apt,sharing=locked", "--mount=type=cache,target=/var/lib/apt,sharing=locked"],
  apk: ["--mount=type=cache,target=/var/cache/apk"],
  pip: ["--mount=type=cache,target=/root/.cache/pip"],
  yum: ["--mount=type=cache,target=/var/cache/yum"],
  dnf: ["--mount=type=cache,target=/var/cache/dnf"],
  yarn: ["--mount=type=cache,target=/usr/local/share/.cache/yarn"],
  uv: ["--mount=type=cache,target=/root/.cache/uv"],
};

/** The mount flags for a cache kind, as written after `RUN`. */
export function cacheMountFlags(kind: CacheKind): string[] {
  return [...MOUNTS[kind]];
}

/**
 * Adds cache mounts for `kind` right after the RUN keyword (before existing flags), skipping a
 * mount whose target the RUN already mounts. Null when the instruction is not a RUN or already
 * has every mount. Note for apt: Debian and Ubuntu images delete downloaded packages through
 * /etc/apt/apt.conf.d/docker-clean, so the archive cache only fills once that file is removed.
 */
export function addCacheMounts(model: DockerfileModel, instruction: Instruction, kind: CacheKind): TextEdit[] | null {
  const run = instruction.trigger ?? instruction;
  if (run.keyword !== "RUN") return null;
  // Targets as the builder expands them: `target=$PIP_CACHE_DIR` may be the folder a mount would add.
  const mounted = new Set(mountsOf(run, model).map((m) => m.target));
  const missing = MOUNTS[kind].filter((flag) => !mounted.has(/target=([^,]+)/.exec(flag)?.[1] ?? null));
  if (missing.length === 0) return null;
  const at = run.keywordRange.end;
  return [{ range: { start: at, end: at }, newText: ` ${missing.join(" ")}` }];
}
