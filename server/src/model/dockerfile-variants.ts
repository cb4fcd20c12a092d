// Dockerfiles published side by side as variants of one image: `python3.11-slim.dockerfile` beside
// `python3.11.dockerfile`, `Dockerfile.alpine` or `Dockerfile.rootless` beside `Dockerfile`,
// `python3.10.dockerfile` beside `python3.11.dockerfile`. The host lists the Dockerfile's folder and keeps the names this module
// calls variants (BuildContextFacts.dockerfileVariants); rules read them through the helpers below.

import type { DockerfileModel } from "./types";

/** A marker that names a small variant, as its own segment of a file name (`-slim`, `.alpine3.20`, `minimal.`). */
const SLIM_MARKER = /[-._](?:slim|minimal|alpine(?:\d+(?:\.\d+)*)?)(?=[-._]|$)|^(?:slim|minimal|alpine)[-._]/gi;
/** A marker that names a variant run as a non-root user (`Dockerfile.rootless`, `-unprivileged`, `nonroot.`). */
const ROOTLESS_MARKER = /[-._](?:rootless|non-?root|unprivileged)(?=[-._]|$)|^(?:rootless|non-?root|unprivileged)[-._]/gi;
/** A version in a file name (`3.11`, `20`). */
const VERSION = /\d+(?:\.\d+)*/g;

export type VariantKind = "slim" | "version" | "rootless";

/**
 * How `sibling` is a variant of the Dockerfile named `own`: `slim` when it is `own`'s name with a
 * slim/minimal/alpine marker added (`own` is then the full variant, on purpose), `rootless` when it
 * is `own`'s name with a rootless/nonroot/unprivileged marker added (`own` then runs as root on
 * purpose), `version` when the two names differ only in their version numbers; null otherwise.
 * Case is ignored.
 */
export function variantKind(sibling: string, own: string): VariantKind | null {
  const a = sibling.toLowerCase();
  const b = own.toLowerCase();
  if (a === b) return null;
  for (const m of a.matchAll(SLIM_MARKER)) {
    if (a.slice(0, m.index) + a.slice(m.index + m[0].length) === b) return "slim";
  }
  for (const m of a.matchAll(ROOTLESS_MARKER)) {
    if (a.slice(0, m.index) + a.slice(m.index + m[0].length) === b) return "rootless";
  }
  if (/\d/.test(b) && a.replace(VERSION, "#") === b.replace(VERSION, "#")) return "version";
  return null;
}

/**
 * The variants of each file among `names` (one folder's files, in listing order), found for the
 * whole folder at once: asking `variantKind` of every pair made a folder of n Dockerfiles cost n².
 * For a file, the answer lists every slim and rootless variant and the first file of another version, in
 * listing order: the rules ask which slim variant there is and whether another version exists,
 * and a family of n per-version files would otherwise give each of them n names.
 */
export function variantsInFolder(names: readonly string[]): (own: string) => string[] {
  const lower = names.map((name) => name.toLowerCase());
  // Files by their name without its version numbers, and by their name without one slim or
  // rootless marker: the keys `variantKind` compares.
  const byVersionless = new Map<string, number[]>();
  const bySlimless = new Map<string, number[]>();
  const add = (map: Map<string, number[]>, key: string, i: number) => {
    const list = map.get(key);
    if (list === undefined) map.set(key, [i]);
    else if (list[list.length - 1] !== i) list.push(i);
  };
  lower.forEach((a, i) => {
    add(byVersionless, a.replace(VERSION, "#"), i);
    for (const m of a.matchAll(SLIM_MARKER)) add(bySlimless, a.slice(0, m.index) + a.slice(m.index + m[0].length), i);
    for (const m of a.matchAll(ROOTLESS_MARKER)) add(bySlimless, a.slice(0, m.index) + a.slice(m.index + m[0].length), i);
  });
  return (own) => {
    const b = own.toLowerCase();
    // Removing a marker shortens a name, so none of these is `own` itself.
    const slim = bySlimless.get(b) ?? [];
    const found = new Set(slim);
    if (/\d/.test(b)) {
      const otherVersion = (byVersionless.get(b.replace(VERSION, "#")) ?? []).find((i) => lower[i] !== b && !found.has(i));
      if (otherVersion !== undefined) found.add(otherVersion);
    }
    return [...found].sort((x, y) => x - y).map((i) => names[i]);
  };
}

function ownName(model: DockerfileModel): string | null {
  return model.context.dockerfilePath?.split("/").pop() ?? null;
}

/** The slim variant published beside this Dockerfile (`python3.11-slim.dockerfile`), if any: this file is the full one. */
export function slimSiblingOf(model: DockerfileModel): string | null {
  const own = ownName(model);
  if (own === null) return null;
  return (model.context.dockerfileVariants ?? []).find((s) => variantKind(s, own) === "slim") ?? null;
}

/** The rootless variant published beside this Dockerfile (`Dockerfile.rootless`), if any: this file is the root one. */
export function rootlessSiblingOf(model: DockerfileModel): string | null {
  const own = ownName(model);
  if (own === null) return null;
  return (model.context.dockerfileVariants ?? []).find((s) => variantKind(s, own) === "rootless") ?? null;
}

/**
 * True when the file is one of a family published per version of its base: named after its base
 * image and tag (`python3.11.dockerfile` FROM `python:3.11`) beside the same file for another
 * version (`python3.10.dockerfile`). Such a family is a runtime for other images to build on (the
 * tiangolo/uvicorn-gunicorn style), not one application's image.
 */
export function isPerBaseVersionImage(model: DockerfileModel): boolean {
  const own = ownName(model);
  const final = model.finalStage;
  if (own === null || !final || final.base.kind !== "image") return false;
  if (!(model.context.dockerfileVariants ?? []).some((s) => variantKind(s, own) === "version")) return false;
  const ref = /^(?:[^/]+\/)*([^/:@]+):(\d+(?:\.\d+)*)/.exec(final.base.resolved);
  if (ref === null) return false;
  const [, repository, version] = ref;
  // `python3.11`, `python-3.11`, `python_3.11` at the start of the name, followed by a separator.
  const stem = own.toLowerCase();
  const name = repository.toLowerCase();
  if (!stem.startsWith(name)) return false;
  const rest = stem.slice(name.length).replace(/^[-_]/, "");
  return rest.startsWith(version) && /^[-._]/.test(rest.slice(version.length));
}
