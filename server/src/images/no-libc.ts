// Images that carry no C library (only CA certificates, tzdata and a passwd file): a binary must be
// statically linked to run on them, as on `scratch`.

import type { ImageReference } from "./reference";

const NO_LIBC_REPOSITORIES = /^(?:gcr\.io\/distroless\/static(?:-debian\d+)?|cgr\.dev\/chainguard\/static|chainguard\/static)$/;

/** True for distroless static and Chainguard static, whatever the tag. */
export function hasNoLibc(ref: ImageReference): boolean {
  const name = ref.registry === "docker.io" ? ref.repository : `${ref.registry}/${ref.repository}`;
  return NO_LIBC_REPOSITORIES.test(name);
}
