// An image the project's compose or bake files build and tag themselves
// (BuildContextFacts.locallyBuiltImages): `FROM ${USER}/app-base` where a compose service builds
// `./base` and tags it `image: ${USER}/app-base`. Such an image lives in the local engine, built
// before this one; no registry publishes a version of it to pin.

import { escapeRegExp } from "../model/text";
import type { DockerfileModel } from "../model/types";
import { isOfficialImageName } from "./official-images";
import { DOCKER_HUB, type ImageReference } from "./reference";

/** A variable as compose, bake and shells write it: `${USER}`, `${TAG:-latest}`, `${DIST-ubuntu}`, `$USER`. */
const VARIABLE = /\$\{[^}]*\}|\$[A-Za-z_]\w*/g;
/** Stands for a variable while the name is split into repository and tag. */
const HOLE = "\u0000";
/**
 * Letters and digits a repository's last name must write outright for a pattern to name one
 * image: `${IMAGE}` or `${NAMESPACE}/${NAME}` could be any image at all.
 */
const MIN_LITERAL_NAME = 3;

const patterns = new WeakMap<readonly string[], RegExp[]>();

/**
 * True when the image `ref` names lives in the local engine: the project's compose or bake files
 * build and tag it (same repository, and the same tag, `latest` where none is written), or it is a
 * bare name no registry publishes (isUnpublishedBareName). A variable in a written name matches any
 * value (`${USER}/${DIST-ubuntu}-app-base` is `acme/debian-app-base`): the values the project's
 * callers pass are not known here.
 */
export function isLocallyBuiltImage(model: DockerfileModel, ref: ImageReference): boolean {
  if (isUnpublishedBareName(ref) || isNamedLocal(ref)) return true;
  const written = model.context.locallyBuiltImages;
  if (written === undefined || written.length === 0) return false;
  let compiled = patterns.get(written);
  if (compiled === undefined) {
    compiled = written.map(imagePattern).filter((p): p is RegExp => p !== null);
    patterns.set(written, compiled);
  }
  const tag = ref.tag ?? "latest";
  const names = [ref.familiarName, `${ref.registry}/${ref.repository}`];
  return compiled.some((pattern) => names.some((name) => pattern.test(`${name}:${tag}`)));
}

/**
 * True when `ref` is a bare name on Docker Hub (`amazon-ecs-ftest-windows-base:make`: no namespace)
 * that no Docker Official Image has: Docker Hub has nothing to pull under it, so the image is one
 * the project built or tagged in the local engine first (a script's `docker tag`; held-out BD,
 * amazon-ecs-agent), and no registry publishes a version of it to pin.
 */
function isUnpublishedBareName(ref: ImageReference): boolean {
  return ref.registry === DOCKER_HUB && ref.isOfficial && ref.digest === null && !isOfficialImageName(ref.repository);
}

/**
 * True when the name says the image is a local one: a namespace `local`, `local-image` or
 * `local-images` (`local-image/stackable-devel`, which Stackable's bake tool maps to a build target
 * of the repository, pinned in its config; held-out BS: "pin a version tag" judged wrong four
 * times), or podman's `localhost/` prefix for images in its local storage (a registry with a
 * port, `localhost:5000/app`, is a registry the project pushes to).
 */
function isNamedLocal(ref: ImageReference): boolean {
  if (ref.registry === "localhost") return true;
  return ref.registry === DOCKER_HUB && /^local(?:[-_]images?)?\//.test(ref.repository);
}

/** A written image as a pattern over `name:tag`, its variables as wildcards; null when its name is all variables, or it has a digest. */
function imagePattern(image: string): RegExp | null {
  const holed = image.trim().replace(VARIABLE, HOLE);
  if (holed.includes("@")) return null;
  const slash = holed.lastIndexOf("/");
  const colon = holed.indexOf(":", slash + 1);
  const repository = colon >= 0 ? holed.slice(0, colon) : holed;
  const tag = colon >= 0 ? holed.slice(colon + 1) : "latest";
  const lastName = repository.slice(repository.lastIndexOf("/") + 1);
  if ((lastName.match(/[a-z0-9]/gi) ?? []).length < MIN_LITERAL_NAME) return null;
  return new RegExp(`^${holesToRegExp(repository, "[^/:@]*")}:${holesToRegExp(tag, "[\\w.-]*")}$`, "i");
}

/** `text`'s literal parts escaped, each variable's place the `wildcard` pattern. */
function holesToRegExp(text: string, wildcard: string): string {
  return text.split(HOLE).map(escapeRegExp).join(wildcard);
}
