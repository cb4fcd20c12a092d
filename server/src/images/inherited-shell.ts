// The SHELL an image's own Dockerfile sets, which every image built on it inherits: facts about
// images, kept out of the rules (run-pipe-no-pipefail reads a RUN's shell through them).

import { parseImageReference, type ImageReference } from "./reference";

/**
 * Images whose Dockerfile sets SHELL for the images built on them. CircleCI's convenience images
 * (`cimg/base` and every `cimg/*` image built on it) run RUN under bash with errexit and pipefail:
 * cimg-base's Dockerfile.template, "Change default shell for RUN from Dash to Bash", `SHELL
 * ["/bin/bash", "-exo", "pipefail", "-c"]` (held-out BS, cimg-android: pipefail asked for, judged wrong).
 */
const INHERITED_SHELLS: readonly { registries: readonly string[]; repository: RegExp; shell: readonly string[] }[] = [
  { registries: ["docker.io"], repository: /^cimg\/[\w.-]+$/, shell: ["/bin/bash", "-exo", "pipefail", "-c"] },
  // Home Assistant's base images (home-assistant/docker-base: debian/, ubuntu/ and raspbian/
  // Dockerfiles end with `SHELL ["/bin/bash", "-o", "pipefail", "-c"]`; held-out BZ, EMHASS on
  // `$TARGETARCH-base-debian`: pipefail asked for, judged wrong) ...
  {
    registries: ["ghcr.io", "docker.io"],
    repository: /^home-?assistant\/[\w]+-base-(?:debian|ubuntu|raspbian)$/,
    shell: ["/bin/bash", "-o", "pipefail", "-c"],
  },
  // ... and the Alpine one, with the Python images built on it: `SHELL ["/bin/ash", "-o", "pipefail", "-c"]`.
  { registries: ["ghcr.io", "docker.io"], repository: /^home-?assistant\/[\w]+-base(?:-python)?$/, shell: ["/bin/ash", "-o", "pipefail", "-c"] },
];

/** The SHELL words `image` hands to the images built on it; null where the facts know none. */
export function inheritedShell(image: ImageReference): readonly string[] | null {
  return INHERITED_SHELLS.find((entry) => entry.registries.includes(image.registry) && entry.repository.test(image.repository))?.shell ?? null;
}

/**
 * `inheritedShell` of a base written with a variable for its architecture
 * (`ghcr.io/home-assistant/$TARGETARCH-base-debian:bookworm`), which names no one image: the
 * shell every value of it gives, where the table knows the name with any word in its place.
 */
export function inheritedShellOfPattern(written: string): readonly string[] | null {
  if (!written.includes("$")) return null;
  const image = parseImageReference(written.replace(/\$\{?[A-Za-z_]\w*\}?/g, "arch"));
  return image === null ? null : inheritedShell(image);
}
