// Images published as a set for one multi-stage pattern: a builder image and the final image built
// on it (`ghcr.io/acme/rails-base-builder` and `ghcr.io/acme/rails-base-final`). Such a final image
// usually carries ONBUILD triggers that `COPY --from=<builder stage>` the build's output: BuildKit
// runs them in the stage built on it, so the builder stage is used although the file never names it.
// The triggers live in the remote image and cannot be read; the set is told by its names.

import type { ImageReference } from "./reference";
import { officialName } from "./tags";

/** A word naming a builder image: `rails-base-builder`, `app:3-build`, `node-onbuild`. */
const BUILDER_WORD = /^(?:build|builder|builds|compile|compiler|onbuild)$/i;

/**
 * True when `builder` is the builder image of a set `final` belongs to: neither is a Docker official
 * image, both sit in the same registry namespace (`ghcr.io/acme`), and either they are one repository
 * under two tags (`acme/rails:3-builder`, `acme/rails:3-final`) or their names share a leading part
 * and differ in what follows (`rails-base-builder` beside `rails-base-final`) — and what sets
 * `builder` apart names a builder (`builder`, `build`, `compile`, `onbuild`). Images of one vendor
 * that merely share a namespace (`mcr.microsoft.com/dotnet/sdk` and `.../dotnet/aspnet`), or two
 * images of one project (`acme/web-api` beside `acme/web-worker`), are no such pair.
 */
export function isBuilderOfSet(builder: ImageReference, final: ImageReference): boolean {
  if (officialName(builder) !== null || officialName(final) !== null) return false;
  if (builder.registry !== final.registry) return false;
  const [namespaceA, nameA] = splitRepository(builder.repository);
  const [namespaceB, nameB] = splitRepository(final.repository);
  if (namespaceA === "" || namespaceA !== namespaceB) return false;
  if (nameA === nameB) return builder.tag !== final.tag && namesBuilder(builder.tag ?? "", final.tag ?? "");
  const partsA = nameA.split(/[-_.]/);
  const partsB = nameB.split(/[-_.]/);
  return partsA.length > 1 && partsB.length > 1 && partsA[0] === partsB[0] && namesBuilder(nameA, nameB);
}

/** True when a word of `own` that `other` lacks names a builder. */
function namesBuilder(own: string, other: string): boolean {
  const others = new Set(other.toLowerCase().split(/[-_.:]/));
  return own
    .toLowerCase()
    .split(/[-_.:]/)
    .some((word) => BUILDER_WORD.test(word) && !others.has(word));
}

/** `acme/tools/rails-base-builder` as `acme/tools` and `rails-base-builder`; no namespace: "". */
function splitRepository(repository: string): [string, string] {
  const slash = repository.lastIndexOf("/");
  return slash < 0 ? ["", repository] : [repository.slice(0, slash), repository.slice(slash + 1)];
}
