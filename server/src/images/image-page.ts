// Where an image is described for people: its Docker Hub page, or the page its registry (or
// vendor) publishes. Null for registries without a known public page (a private or local one).

import { DOCKER_HUB, ImageReference } from "./reference";
import { officialName } from "./tags";

/** The image's web page, or null when none is known. */
export function imagePageUrl(ref: ImageReference): string | null {
  const official = officialName(ref);
  if (official !== null) return `https://hub.docker.com/_/${official}`;
  const repo = ref.repository;
  switch (ref.registry) {
    case DOCKER_HUB:
      return `https://hub.docker.com/r/${repo}`;
    case "ghcr.io":
      // ghcr.io sends browsers on to the package's GitHub page.
      return `https://ghcr.io/${repo}`;
    case "quay.io":
      return `https://quay.io/repository/${repo}`;
    case "mcr.microsoft.com":
      return `https://mcr.microsoft.com/artifact/mar/${repo}`;
    case "public.ecr.aws":
      return `https://gallery.ecr.aws/${repo}`;
    case "gcr.io":
      return repo.startsWith("distroless/") ? "https://github.com/GoogleContainerTools/distroless" : null;
    default:
      return null;
  }
}
