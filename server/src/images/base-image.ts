// The parsed image a stage is built on, read once per stage instead of in every rule: the
// reference its FROM names with build arguments substituted, and the image its lineage starts from.

import { rootStageOf } from "../model/stage-graph";
import type { Stage } from "../model/types";
import { ImageReference, parseImageReference } from "./reference";
import { isWindowsImage } from "./default-user";
import { imageEnvironment, type ImageEnvironment } from "./image-env";
import { officialName } from "./tags";

const parsed = new WeakMap<Stage, ImageReference | null>();

/**
 * The image `FROM` names, parsed: null for a stage base, `scratch`, a base whose variables have no
 * default, or text that is no image reference. Models are immutable, so the answer is cached.
 */
export function baseImageOf(stage: Stage): ImageReference | null {
  let ref = parsed.get(stage);
  if (ref === undefined) {
    ref = stage.base.kind === "image" && stage.base.unresolved.length === 0 ? parseImageReference(stage.base.resolved) : null;
    parsed.set(stage, ref);
  }
  return ref;
}

/**
 * The image with unresolved variables read as placeholders (`golang:${GO}-alpine` as
 * `golang:x-alpine`): enough to know the repository when the tag is unknown. Null for non-images.
 */
export function baseRepositoryOf(stage: Stage): ImageReference | null {
  if (stage.base.kind !== "image") return null;
  return stage.base.unresolved.length === 0 ? baseImageOf(stage) : parseImageReference(stage.base.resolved.replace(/\$\{?\w+\}?/g, "x"));
}

/**
 * The name the image facts know the image `stage`'s lineage starts from by: the official name
 * (`golang` for `registry.hub.docker.com/library/golang:1.23` and the mirrors), else the familiar
 * one; null for scratch, a stage or an unreadable reference.
 */
export function rootImageName(stage: Stage): string | null {
  const image = baseRepositoryOf(rootStageOf(stage));
  return image ? (officialName(image) ?? image.familiarName) : null;
}

/** The image `stage`'s lineage starts from, as its FROM resolves, when it is a Windows image (servercore, nanoserver, .NET Framework); else null. */
export function windowsRootImage(stage: Stage): string | null {
  const root = rootStageOf(stage);
  return root.base.kind === "image" && isWindowsImage(root.base.resolved) ? root.base.resolved : null;
}

/** The stage `stage`'s lineage starts from, and the image that stage names (see `baseImageOf`). */
export function rootImageOf(stage: Stage): { stage: Stage; image: ImageReference | null } {
  const root = rootStageOf(stage);
  return { stage: root, image: baseImageOf(root) };
}

/**
 * The sentence a finding on one base appends when later stages build on the same image (one
 * problem, one finding: they get a hint pointing back): "" when there are none.
 */
export function alsoTheBaseOf(lines: readonly number[]): string {
  return lines.length > 0 ? ` Also the base of line${lines.length > 1 ? "s" : ""} ${lines.join(", ")}.` : "";
}

/**
 * `stages` grouped by the image they build on, each group in file order (one problem, one finding:
 * the first stage carries the finding and names the others' lines, the others get a hint pointing
 * back). `keyOf` says which stages share an image; by default the image their FROM resolves to.
 */
export function groupBySameBase(stages: readonly Stage[], keyOf: (stage: Stage) => string = (stage) => stage.base.resolved): Stage[][] {
  const groups = new Map<string, Stage[]>();
  for (const stage of stages) {
    const key = keyOf(stage);
    const group = groups.get(key);
    if (group) group.push(stage);
    else groups.set(key, [stage]);
  }
  return [...groups.values()];
}

/**
 * True when the image's name in the stage's FROM (not only its tag or registry) is a build
 * argument: `FROM ${BASE_IMAGE}`, `FROM nvidia/${CUDA_IMAGE}`; not `FROM node:${NODE_VERSION}`
 * nor a mirror, `FROM ${REGISTRY}/debian:12`.
 */
export function chosenByArgument(stage: Stage): boolean {
  if (stage.base.kind !== "image") return false;
  // `${BASE:-debian:12}` holds a slash and colons of its own: each variable counts as one `$x`.
  const written = stage.base.token.value.replace(/@.*$/, "").replace(/\$\{[^}]*\}/g, "$x");
  const name = written.slice(written.lastIndexOf("/") + 1);
  return name.split(":")[0].includes("$");
}

/**
 * The environment the stage's root image sets, as far as the image facts know it; an image chosen
 * by argument (`FROM ${BASE}`) may be any image, so its environment is never complete.
 */
export function rootEnvironment(stage: Stage): ImageEnvironment {
  const root = rootImageOf(stage);
  const known = imageEnvironment(rootImageName(stage), root.stage.base.kind === "scratch");
  return chosenByArgument(root.stage) ? { names: known.names, complete: false, searchPathsKnown: false } : known;
}
