// Which file names are Dockerfiles: the names editors and engines treat as such. The CLI searches
// folders with it, the host reads a Dockerfile's neighbours with it.

/** Companion files that share a Dockerfile's prefix but are not Dockerfiles (`Dockerfile.dockerignore`). */
const NOT_DOCKERFILES = /\.(dockerignore|md)$/i;

/**
 * Whether a file name is a Dockerfile: `Dockerfile`, `Dockerfile.*`, `Dockerfile-*` (hadolint's
 * `Dockerfile-for-app-service`), `*.Dockerfile`, `Containerfile`, `Containerfile.*`,
 * `*.Containerfile`, in any case (`*.dockerfile`), like the language contribution.
 */
export function isDockerfileName(name: string): boolean {
  if (NOT_DOCKERFILES.test(name)) return false;
  return /^(?:dockerfile(?:[.-].+)?|containerfile(?:\..+)?)$/i.test(name) || /^.+\.(?:dockerfile|containerfile)$/i.test(name);
}
