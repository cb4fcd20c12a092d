// Images published as a set for one multi-stage pattern: a builder image and the final image built
// on it (`ghcr.io/acme/rails-base-builder` and `ghcr.io/acme/rails-base-final`). Such a final image
// usually carries ONBUILD triggers that `COPY --from=<builder stage>` the build's output: BuildKit
// runs them in the stage built on it, so the builder stage is used although the file never names it.
// The triggers live in the remote image and cannot be read; the set is told by its names.

import type { ImageReference } from "./reference";
import { officialName } from "./tags";

/**
 * True when two images come from one publisher's set: neither is a Docker official image, both sit
 * in the same registry namespace (`ghcr.io/acme`), and either they are one repository under two tags
 * (`acme/rails:builder`, `acme/rails:final`) or their names share a leading part and differ in what
 * follows (`rails-base-builder` beside `rails-base-final`). Images of one vendor that merely share a
 * namespace (`mcr.microsoft.com/dotnet/sdk` and `.../dotnet/aspnet`) are no such pair.
 */
export function areImagesOfOneSet(a: ImageReference, b: ImageReference): boolean {
  if (officialName(a) !== null || officialName(b) !== null) return false;
  if (a.registry !== b.registry) return false;
  const [namespaceA, nameA] = splitRepository(a.repository);
  const [namespaceB, nameB] = splitRepository(b.repository);
  if (namespaceA === "" || namespaceA !== namespaceB) return false;
  if (nameA === nameB) return a.tag !== b.tag;
  const partsA = nameA.split(/[-_.]/);
  const partsB = nameB.split(/[-_.]/);
  return partsA.length > 1 && partsB.length > 1 && partsA[0] === partsB[0];
}

/** `acme/tools/rails-base-builder` as `acme/tools` and `rails-base-builder`; no namespace: "". */
function splitRepository(repository: string): [string, string] {
  const slash = repository.lastIndexOf("/");
  return slash < 0 ? ["", repository] : [repository.slice(0, slash), repository.slice(slash + 1)];
}
