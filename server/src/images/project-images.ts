// A stage whose base is the project's own image, built from another Dockerfile of the repository
// (BuildContextFacts.projectImages): what that Dockerfile installs is already in the base, so an
// install of the same manifests after the sources only tops it up.

import { dependencyInstall, type Ecosystem } from "../model/commands";
import { finalImageStages } from "../model/final-image";
import { parseDockerfile } from "../model/parse";
import { rootImageOf } from "./base-image";
import { parseImageReference, type ImageReference } from "./reference";
import { officialName } from "./tags";
import type { DockerfileModel, Stage } from "../model/types";
import type { ProjectImageFacts } from "../model/context";

/** Parsed sibling Dockerfiles, per facts entry: a model is not changed once parsed. */
const parsed = new WeakMap<ProjectImageFacts, DockerfileModel>();

/** `docker.io/library/node` for every spelling of an official image, `registry/repository` otherwise. */
function repositoryKey(ref: ImageReference): string {
  const official = officialName(ref);
  return official !== null ? `docker.io/library/${official}` : `${ref.registry}/${ref.repository}`;
}

/**
 * The project's Dockerfile that builds the image `stage`'s lineage starts from (same repository,
 * any tag), parsed; null when the base is no image the project builds, or its text was not read.
 */
export function projectBaseOf(model: DockerfileModel, stage: Stage): DockerfileModel | null {
  const base = rootImageOf(stage).image;
  if (base === null) return null;
  const key = repositoryKey(base);
  for (const facts of model.context.projectImages ?? []) {
    if (facts.text === null) continue;
    if (!facts.images.some((image) => repositoryOf(image) === key)) continue;
    let sibling = parsed.get(facts);
    if (sibling === undefined) {
      sibling = parseDockerfile(facts.text);
      parsed.set(facts, sibling);
    }
    return sibling;
  }
  return null;
}

function repositoryOf(image: string): string | null {
  const ref = parseImageReference(image);
  return ref === null ? null : repositoryKey(ref);
}

/**
 * True when `base` (a Dockerfile) installs `ecosystem`'s dependencies from the manifests the
 * list names (one of them, when both name any) in a stage of its final image: its image already
 * holds what such an install downloads.
 */
export function installsFromManifests(base: DockerfileModel, ecosystem: Ecosystem, manifests: readonly string[]): boolean {
  const names = new Set(manifests.map((m) => m.split("/").pop()));
  for (const stage of finalImageStages(base)) {
    for (const instruction of stage.instructions) {
      if (instruction.keyword !== "RUN") continue;
      for (const command of instruction.commands) {
        const install = dependencyInstall(command);
        if (install === null || install.ecosystem !== ecosystem || install.installsNamedPackages) continue;
        if (names.size === 0 || install.manifests.length === 0 || install.manifests.some((m) => names.has(m.split("/").pop()))) return true;
      }
    }
  }
  return false;
}
