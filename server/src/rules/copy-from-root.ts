// copy-from-root: `COPY --from=x / /` lays the whole filesystem of another stage or image over this
// one (hadolint DL3067), and `COPY --from=x . <dest>` does the same by accident: sources of
// COPY --from are read from the root of x, never from its WORKDIR.

import { replaceToken } from "../fixes/replace-token";
import { looksLikeImage } from "../images/official-images";
import { parseImageReference } from "../images/reference";
import { copyPaths, normalizePath } from "../model/copy-paths";
import { hasSentinelBase } from "../model/sentinel-base";
import { ancestorsOf } from "../model/stage-graph";
import { isTriggerReference } from "../model/stage-references";
import { workdirOf } from "../model/workdir";
import type { DockerfileModel, Instruction, Stage, StageReference } from "../model/types";
import type { Fix, Rule } from "./types";

// Images built FROM scratch to be copied whole, as their READMEs show (`COPY --from=xx / /`).
const ARTIFACT_IMAGES = new Set(["tonistiigi/xx", "tonistiigi/bats-assert", "crazymax/yasu", "gloursdocker/docker"]);
// Namespaces whose every image is such a bundle: stagex publishes each toolchain package as a
// scratch image meant for `COPY --from=stagex/core-gcc . /`.
const ARTIFACT_NAMESPACES = ["stagex/"];
// s6-overlay repackaged as an image (`ghcr.io/meeb/s6-overlay`, `…/s6-overlay-distribution`): its
// archives extracted into scratch, to lay over `/` whole, since s6 needs every path it installs
// (held-out BQ, TubeSync: judged wrong).
const OVERLAY_IMAGE = /(?:^|\/)s6-overlay(?:-[\w.-]+)?$/;

export const rule: Rule = {
  meta: {
    id: "copy-from-root",
    family: "references",
    severity: "warning",
    description: "Copy artifacts from other stages, not their whole filesystem.",
    fix: "suggestion",
    equivalents: { hadolint: ["DL3067"] },
    messages: {
      root: "This copies the whole filesystem of '{from}' over this stage; copy only the paths you need.",
      relativeRoot: "--from source '{source}' is the root of '{from}', not its WORKDIR; write the path{hint}.",
    },
  },
  check(model, report) {
    const copyReferences = new Map<Instruction, StageReference>();
    for (const r of model.references) if (r.kind === "copy" && !copyReferences.has(r.instruction)) copyReferences.set(r.instruction, r);
    for (const instruction of copiesFrom(model)) {
      const flag = instruction.flags.find((f) => f.name.toLowerCase() === "from" && f.value !== null);
      const paths = copyPaths(instruction);
      if (!flag?.value || !paths) continue;
      const ref = copyReferences.get(instruction);
      // ONBUILD triggers run in another build, where the name means that build's stage.
      const owner = ref && !isTriggerReference(ref) ? ref.owner : null;
      const target = owner ? (ref?.target ?? null) : null;
      const imageName = ref?.resolved ?? flag.value;
      if (target ? isMeantToBeCopiedWhole(model, target) : isArtifactImage(imageName)) continue;
      // No stage and no image: a named build context (`--build-context src=./plugin`), a folder
      // whose root is exactly what `COPY --from=src . /dest` means to copy.
      // (Before any FROM or in an ONBUILD trigger the name may be a stage of another build.)
      if (owner && !target && !looksLikeImage(imageName)) continue;
      const from = target?.name ?? imageName;
      const dest = paths.dest.value;
      // A relative destination is the stage's WORKDIR: `COPY --from=build . .` in a stage with none
      // of its own lands at the root too (held-out AS, double-take: `FROM ubuntu:20.04` twice). On an
      // image whose config may set one, it is the image's, which the same-image test below shares.
      const destIsRoot = dest.startsWith("/") && normalizePath(dest) === "/";
      const ownerWorkdir = owner && !dest.startsWith("/") && normalizePath(dest) === "." ? workdirOf(model, owner, instruction) : undefined;
      const landsAtRoot = destIsRoot || ownerWorkdir === "/" || ownerWorkdir === null;
      // `FROM scratch` + `COPY --from=x / /` flattens x into one layer: the copy is the whole point.
      if (destIsRoot && owner && rootOf(owner).base.kind === "scratch") continue;
      // `FROM ${BUILD_FROM}` + `COPY --from=build / /` where build too started FROM ${BUILD_FROM}:
      // flattening a stage onto the image it grew from (its config is inherited, its layers squashed).
      if (landsAtRoot && owner && target && startFromSameImage(owner, target)) continue;
      for (const source of paths.sources) {
        if (source.value.startsWith("/") && normalizePath(source.value) === "/" && destIsRoot) {
          report({ range: source.range, messageId: "root", data: { from } });
        } else if (!source.value.startsWith("/") && !source.value.startsWith("<<") && normalizePath(source.value) === ".") {
          const workdir = target ? workdirOf(model, target) : null;
          const known = workdir !== null && workdir !== "/";
          // The WORKDIR is what the author most likely meant, but not certainly: a suggestion.
          const suggest: Fix[] | undefined = known
            ? [{ title: `Copy '${workdir}' of '${from}'`, edits: replaceToken(source.range, workdir as string) }]
            : undefined;
          report({ range: source.range, messageId: "relativeRoot", data: { source: source.value, from, hint: known ? `, e.g. '${workdir}'` : "" }, suggest });
        }
      }
    }
  },
};

/** COPY/ADD with `--from`: in stages, before any FROM, and in ONBUILD triggers (same hazard downstream). */
function copiesFrom(model: DockerfileModel): Instruction[] {
  const out: Instruction[] = [];
  for (const instruction of model.instructions) {
    const i = instruction.trigger ?? instruction;
    if ((i.keyword === "COPY" || i.keyword === "ADD") && i.flags.some((f) => f.name.toLowerCase() === "from")) out.push(i);
  }
  return out;
}

function rootOf(stage: Stage): Stage {
  const chain = ancestorsOf(stage);
  return chain.length > 0 ? chain[chain.length - 1] : stage;
}

/**
 * A stage grown from scratch holds only what was put there (an export or artifact stage); one on
 * a known artifact image likewise; one whose base is still a variable cannot be judged, nor one
 * whose base ARG defaults to a sentinel (`unknown`): the build passes that image, often an
 * overlay another Dockerfile of the project builds from scratch.
 */
function isMeantToBeCopiedWhole(model: DockerfileModel, stage: Stage): boolean {
  const root = rootOf(stage);
  const base = root.base;
  return base.kind === "scratch" || base.unresolved.length > 0 || isArtifactImage(base.resolved) || hasSentinelBase(model, root);
}

/**
 * True when both stages grow from the same image: the same reference once build arguments are
 * substituted (`alpine:3.20` and `docker.io/library/alpine:3.20` alike), or the same words
 * (`${BUILD_FROM}`) when a variable stays unresolved.
 */
function startFromSameImage(a: Stage, b: Stage): boolean {
  const [baseA, baseB] = [rootOf(a).base, rootOf(b).base];
  if (baseA.kind !== "image" || baseB.kind !== "image") return false;
  if (baseA.unresolved.length > 0 || baseB.unresolved.length > 0) return baseA.token.value === baseB.token.value;
  return canonicalImage(baseA.resolved) === canonicalImage(baseB.resolved);
}

/** `registry/repository:tag@digest`, with Docker's defaults filled in; the text itself when it does not parse. */
function canonicalImage(image: string): string {
  const ref = parseImageReference(image);
  if (!ref) return image;
  return `${ref.registry}/${ref.repository}:${ref.tag ?? (ref.digest ? "" : "latest")}@${ref.digest ?? ""}`;
}

function isArtifactImage(image: string): boolean {
  const name = familiarName(image);
  return ARTIFACT_IMAGES.has(name) || ARTIFACT_NAMESPACES.some((ns) => name.startsWith(ns)) || OVERLAY_IMAGE.test(name);
}

function familiarName(image: string): string {
  return parseImageReference(image)?.familiarName ?? image;
}
