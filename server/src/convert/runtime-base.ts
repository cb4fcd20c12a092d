// Runtime base images the recipes can ship on, what each one offers (shell, package manager,
// non-root user), and their sizes from the image facts. Tags are only written when the facts know
// them, or when they follow a pattern the image publishes for every version (`<version>-slim`).

import { canonicalTag, isKnownTag, lookupImageSize, newestVersions, SizeLookup, tagNames } from "../images/facts";
import { DISTROLESS_DEBIAN } from "../images/lifecycle";
import { parseImageReference } from "../images/reference";
import { DEBIAN_CODENAMES, effectiveTag, officialName, parseTag } from "../images/tags";

export type RuntimeKind = "distroless" | "alpine" | "debian" | "scratch" | "web-server";

export interface RuntimeImage {
  /** The image as written in the runtime stage's FROM. */
  image: string;
  kind: RuntimeKind;
  /** `/bin/sh` exists, so shell-form commands and RUN work. */
  hasShell: boolean;
  packageManager: "apt" | "apk" | null;
  /** A non-root user the image ships with (`node`, `nonroot`), or null. */
  nonRootUser: string | null;
  /** True when the image's own config already runs as `nonRootUser` (distroless `:nonroot`). */
  runsAsNonRoot: boolean;
}

/** Debian codenames of stable releases, newest last: a binary built on one runs on the same or newer. */
const DEBIAN_STABLE = ["bullseye", "bookworm", "trixie"];
const NEWEST_DEBIAN = "trixie";

/** Size of an image from the facts (fact or labelled estimate); null when unknown. */
export function imageSize(image: string): SizeLookup | null {
  const ref = parseImageReference(image);
  return ref ? lookupImageSize(ref) : null;
}

/**
 * The Debian codename a builder image is built on: from its tag, else from the aliases the facts
 * list for the same tag (`rust:1` is `1-trixie`); null when not Debian or unknown.
 */
export function debianCodenameOf(image: string): string | null {
  const ref = parseImageReference(image);
  if (!ref) return null;
  const tag = effectiveTag(ref) ?? "latest";
  const inTag = parseTag(tag).words.find((w) => w in DEBIAN_CODENAMES);
  if (inTag) return inTag;
  const name = officialName(ref);
  const canonical = name ? canonicalTag(name, tag) : null;
  if (!name) return null;
  if (!canonical) return codenameByVersion(name, tag);
  for (const alias of tagNames(name)) {
    if (canonicalTag(name, alias) !== canonical) continue;
    const word = parseTag(alias).words.find((w) => w in DEBIAN_CODENAMES);
    if (word) return word;
  }
  return null;
}

/**
 * Debian release an official toolchain image was built on, for version tags the facts no longer
 * list: the image of a version follows the Debian stable of the time it was last rebuilt
 * (`rust:1.76` is bookworm, `golang:1.24.2` bookworm, `rust:1.89` trixie). First version on each.
 */
const DEFAULT_RELEASES: Readonly<Record<string, readonly [number[], string][]>> = {
  rust: [
    [[1, 89], "trixie"],
    [[1, 70], "bookworm"],
    [[1, 54], "bullseye"],
  ],
  golang: [
    [[1, 25], "trixie"],
    [[1, 24, 6], "trixie"],
    [[1, 20, 5], "bookworm"],
    [[1, 17], "bullseye"],
  ],
};

function atLeast(version: readonly number[], first: readonly number[]): boolean {
  for (let i = 0; i < first.length; i++) {
    const v = version[i] ?? 0;
    if (v !== first[i]) return v > first[i];
  }
  return true;
}

function codenameByVersion(name: string, tag: string): string | null {
  const table = DEFAULT_RELEASES[name];
  const parsed = parseTag(tag);
  // Only a plain version (`1.76`, `1.80.1`): variants name their own base.
  if (!table || parsed.version.length === 0 || parsed.variant !== "") return null;
  return table.find(([first]) => atLeast(parsed.version, first))?.[1] ?? null;
}

/** True when the builder image is Alpine-based (musl): its binaries need an Alpine runtime. */
export function isAlpineImage(image: string): boolean {
  const ref = parseImageReference(image);
  const tag = ref ? (effectiveTag(ref) ?? "") : "";
  return parseTag(tag).variant.split("-").includes("alpine") || (ref !== null && officialName(ref) === "alpine");
}

/**
 * The codename to ship a glibc binary on: the builder's when it is a stable release we know,
 * else the newest (glibc is backward compatible, so newer never breaks a binary built older).
 */
export function runtimeCodename(builderImage: string): string {
  const codename = debianCodenameOf(builderImage);
  return codename && DEBIAN_STABLE.includes(codename) ? codename : NEWEST_DEBIAN;
}

/** `alpine:3.24`: the newest Alpine branch the facts list. */
export function alpineImage(): RuntimeImage {
  const newest = newestVersions("alpine")[0];
  const tag = newest ? newest.join(".") : "3";
  return { image: `alpine:${tag}`, kind: "alpine", hasShell: true, packageManager: "apk", nonRootUser: null, runsAsNonRoot: false };
}

export function debianSlimImage(codename: string): RuntimeImage {
  const tag = isKnownTag("debian", `${codename}-slim`) ? `${codename}-slim` : "stable-slim";
  return { image: `debian:${tag}`, kind: "debian", hasShell: true, packageManager: "apt", nonRootUser: null, runsAsNonRoot: false };
}

export const SCRATCH: RuntimeImage = { image: "scratch", kind: "scratch", hasShell: false, packageManager: null, nonRootUser: null, runsAsNonRoot: false };

/**
 * A distroless image (`static`, `cc`, `base`), `:nonroot` so it runs as uid 65532, of the Debian
 * release distroless builds now (debian13): older ones get no updates (base-image-deprecated
 * reports them), and newer glibc runs what an older one built. A glibc binary built on a release
 * before bookworm stays on the builder's release: it links OpenSSL 1.1 (`libssl.so.1.1`), which
 * bookworm and later no longer ship.
 */
export function distrolessImage(flavour: string, codename?: string): RuntimeImage {
  const builderRelease = codename === undefined ? undefined : DEBIAN_CODENAMES[codename];
  const release = flavour !== "static" && builderRelease !== undefined && builderRelease < 12 ? builderRelease : DISTROLESS_DEBIAN;
  return {
    image: `gcr.io/distroless/${flavour}-debian${release}:nonroot`,
    kind: "distroless",
    hasShell: false,
    packageManager: null,
    nonRootUser: "nonroot",
    runsAsNonRoot: true,
  };
}

/**
 * The slim or Alpine sibling of an official language image tag (`python:3.12` -> `python:3.12-slim`,
 * `node:22-bookworm` -> `node:22-bookworm-slim`), keeping the version and the Debian codename.
 */
export function officialVariant(name: string, tag: string, variant: "slim" | "alpine"): string {
  const parsed = parseTag(tag);
  const words = parsed.variant.split("-").filter((w) => w !== "");
  if (words.includes(variant)) return `${name}:${tag}`;
  const version = parsed.version.length > 0 ? tag.slice(0, tag.length - (parsed.words.join("-").length + (parsed.words.length > 0 ? 1 : 0))) : "";
  const codename = parsed.words.find((w) => w in DEBIAN_CODENAMES);
  const prefix = version !== "" ? version : tag === "latest" ? "" : tag;
  const join = (...parts: string[]) => parts.filter((p) => p !== "").join("-");
  const candidates =
    variant === "alpine"
      ? [join(prefix, "alpine")]
      : codename
        ? name === "python"
          ? [join(prefix, "slim", codename), join(prefix, codename, "slim")]
          : [join(prefix, codename, "slim"), join(prefix, "slim", codename)]
        : [join(prefix, "slim")];
  // Unknown to the facts (an older version): the spelling the image family publishes.
  return `${name}:${candidates.find((c) => isKnownTag(name, c)) ?? candidates[0]}`;
}
