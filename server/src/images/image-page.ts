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
    case "us.gcr.io":
    case "eu.gcr.io":
    case "asia.gcr.io":
      // Distroless is documented on GitHub; other gcr.io repositories have a Cloud console page
      // (project, then location: `global` for gcr.io, else the host's region).
      if (ref.registry === "gcr.io" && repo.startsWith("distroless/")) return "https://github.com/GoogleContainerTools/distroless";
      return gcrConsolePage(ref.registry, repo);
    case "registry.k8s.io":
      // registry.k8s.io has no page per image; the registry's own address sends browsers to this one.
      return "https://github.com/kubernetes/registry.k8s.io";
    default:
      return null;
  }
}

/** `https://console.cloud.google.com/gcr/images/<project>/<location>/<image>`, or null without an image path. */
function gcrConsolePage(registry: string, repo: string): string | null {
  const slash = repo.indexOf("/");
  if (slash < 0) return null;
  const location = registry === "gcr.io" ? "global" : registry.slice(0, -".gcr.io".length);
  return `https://console.cloud.google.com/gcr/images/${repo.slice(0, slash)}/${location}/${repo.slice(slash + 1)}`;
}
