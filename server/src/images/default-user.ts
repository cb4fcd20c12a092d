// Which user an image runs as when a Dockerfile sets no USER: facts about images, kept out of the
// rules. Official images run as root by default (their non-root users, such as node's `node`, must
// be chosen with USER); the images listed here choose a non-root user themselves.

import { parseImageReference } from "./reference";
import { officialName } from "./tags";

export type DefaultUser = "root" | "non-root" | "windows" | "unknown";

/** Repositories whose images set a non-root USER themselves (whatever the tag). */
const NON_ROOT_REPOSITORIES =
  /^(?:nginxinc\/nginx-unprivileged|bitnami\/.+|jenkins\/jenkins|grafana\/grafana|grafana\/k6|prom\/.+|library\/sonarqube|(?:quay\.io\/)?jupyter\/.+)$/;

/** The default user of `image` (a resolved reference), as far as the facts know. */
export function defaultUserOf(image: string): DefaultUser {
  if (isWindowsImage(image)) return "windows";
  const ref = parseImageReference(image);
  if (!ref) return "unknown";
  const name = ref.registry === "docker.io" ? ref.repository : `${ref.registry}/${ref.repository}`;
  const tag = ref.tag ?? "latest";
  // `nonroot`, `debug-nonroot`, and their per-architecture forms such as `nonroot-amd64`.
  if (/^gcr\.io\/distroless\//.test(name)) return /(?:^|-)nonroot(?:$|-)/.test(tag) ? "non-root" : "root";
  if (/^cgr\.dev\/chainguard\//.test(name) || /^chainguard\//.test(name)) return /-dev$/.test(tag) ? "root" : "non-root";
  if (/^mcr\.microsoft\.com\/dotnet\//.test(name)) return /chiseled|distroless/.test(tag) ? "non-root" : "root";
  if (NON_ROOT_REPOSITORIES.test(name)) return "non-root";
  return officialName(ref) !== null ? "root" : "unknown";
}

/** Windows images have no root: users are ContainerAdministrator/ContainerUser, another model. */
function isWindowsImage(image: string): boolean {
  return /^mcr\.microsoft\.com\/(?:windows|dotnet\/framework)\b/.test(image) || /windowsservercore|nanoserver|-ltsc\d{4}/.test(image);
}
