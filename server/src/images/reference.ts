// Image references parsed the way Docker does (distribution/reference): registry host detection,
// docker.io and library/ defaults, tag and digest.

export interface ImageReference {
  /** As written. */
  raw: string;
  /** Registry host (`docker.io` when none is written). */
  registry: string;
  /** Repository path without registry (`library/node`, `bitnami/redis`). */
  repository: string;
  /** Short name as users write it for Docker Hub (`node`, `bitnami/redis`); full path elsewhere. */
  familiarName: string;
  tag: string | null;
  digest: string | null;
  /** True for images of Docker Hub's library/ namespace (the official images). */
  isOfficial: boolean;
}

const DIGEST = /^[A-Za-z][A-Za-z0-9]*(?:[-_+.][A-Za-z][A-Za-z0-9]*)*:[0-9a-fA-F]{32,}$/;
const TAG = /^[\w][\w.-]{0,127}$/;
const PATH_COMPONENT = /^[a-z0-9]+(?:(?:[._]|__|-+)[a-z0-9]+)*$/;

/** Parses `[host[:port]/]path[:tag][@digest]`; null when it is not a valid reference. */
export function parseImageReference(raw: string): ImageReference | null {
  let rest = raw.trim();
  if (rest === "" || /\s/.test(rest)) return null;
  let digest: string | null = null;
  const at = rest.indexOf("@");
  if (at >= 0) {
    digest = rest.slice(at + 1);
    rest = rest.slice(0, at);
    if (!DIGEST.test(digest)) return null;
  }
  let tag: string | null = null;
  const lastColon = rest.lastIndexOf(":");
  if (lastColon > rest.lastIndexOf("/")) {
    tag = rest.slice(lastColon + 1);
    rest = rest.slice(0, lastColon);
    if (!TAG.test(tag)) return null;
  }
  const slash = rest.indexOf("/");
  let registry = "docker.io";
  let path = rest;
  if (slash >= 0) {
    const first = rest.slice(0, slash);
    if (first.includes(".") || first.includes(":") || first === "localhost" || first !== first.toLowerCase()) {
      registry = first;
      path = rest.slice(slash + 1);
    }
  }
  if (registry === "index.docker.io" || registry === "registry-1.docker.io") registry = "docker.io";
  if (path === "" || !path.split("/").every((c) => PATH_COMPONENT.test(c))) return null;
  const isHub = registry === "docker.io";
  const repository = isHub && !path.includes("/") ? `library/${path}` : path;
  const familiarName = isHub && repository.startsWith("library/") ? repository.slice("library/".length) : isHub ? repository : `${registry}/${repository}`;
  return { raw, registry, repository, familiarName, tag, digest, isOfficial: isHub && repository.startsWith("library/") };
}
