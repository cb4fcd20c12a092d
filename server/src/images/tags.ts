// How image tags are built: a version, then variant words (`3.12-slim-bookworm`, `21-jre-alpine`,
// `1.22.3-alpine3.19`). Facts, variants and lifecycle data all read tags through this one reader.

import { DOCKER_HUB, type ImageReference } from "./reference";
import { lookupTable } from "../model/lookup-table";

export interface ParsedTag {
  tag: string;
  /** Leading version numbers (`3.12.1` -> [3, 12, 1]); empty when the tag starts with a word. */
  version: number[];
  /** Variant words after the version, lower case (`["slim", "bookworm"]`). */
  words: string[];
  /** Variant words with Alpine branch numbers dropped (`alpine3.19` -> `alpine`). */
  variant: string;
  /** `variant` without Debian/Ubuntu codenames: what is left after the distribution is ignored. */
  flavour: string;
  /** Release candidates, early access and development snapshots. */
  isPrerelease: boolean;
}

/** Debian and Ubuntu codenames with their version numbers, oldest first. */
export const DEBIAN_CODENAMES: Readonly<Record<string, number>> = lookupTable({
  jessie: 8,
  stretch: 9,
  buster: 10,
  bullseye: 11,
  bookworm: 12,
  trixie: 13,
  forky: 14,
});
// Interim releases too (`ubuntu:mantic` is 23.10): the official image published them while supported.
export const UBUNTU_CODENAMES: Readonly<Record<string, number>> = lookupTable({
  trusty: 14.04,
  xenial: 16.04,
  yakkety: 16.1,
  zesty: 17.04,
  artful: 17.1,
  bionic: 18.04,
  cosmic: 18.1,
  disco: 19.04,
  eoan: 19.1,
  focal: 20.04,
  groovy: 20.1,
  hirsute: 21.04,
  impish: 21.1,
  jammy: 22.04,
  kinetic: 22.1,
  lunar: 23.04,
  mantic: 23.1,
  noble: 24.04,
  oracular: 24.1,
  plucky: 25.04,
  questing: 25.1,
  resolute: 26.04,
});
/**
 * Node.js LTS codenames with the major line each names (`node:jod-alpine` is `node:22-alpine`).
 * A line gets its codename when it enters LTS; add the next one then.
 */
const NODE_CODENAMES: ReadonlyMap<string, number> = new Map([
  ["argon", 4],
  ["boron", 6],
  ["carbon", 8],
  ["dubnium", 10],
  ["erbium", 12],
  ["fermium", 14],
  ["gallium", 16],
  ["hydrogen", 18],
  ["iron", 20],
  ["jod", 22],
  ["krypton", 24],
]);

/**
 * The Node.js major line a `node` tag names by its LTS codename, in any word of the tag
 * (`iron`, `jod-alpine`, `lts-iron`, `hydrogen-bookworm-slim`); null when it names none.
 */
export function nodeLineOfCodename(tag: string): number | null {
  for (const word of tag.toLowerCase().split(/[-_.]/)) {
    const line = NODE_CODENAMES.get(word);
    if (line !== undefined) return line;
  }
  return null;
}
/**
 * The Ubuntu release a tag starts with, as its version number (`noble`, `24.04`, `jammy-20240125`,
 * `ubuntu-22.04`, `ubuntu20.04`); null when it names none.
 */
export function ubuntuVersionOf(tag: string): number | null {
  const release = /^(?:ubuntu-?)?(\d\d\.\d\d|[a-z]+)(?:$|[-._])/.exec(tag.toLowerCase())?.[1];
  if (release === undefined) return null;
  return /^\d/.test(release) ? Number(release) : (UBUNTU_CODENAMES[release] ?? null);
}

const DISTRO_WORDS = new Set([...Object.keys(DEBIAN_CODENAMES), ...Object.keys(UBUNTU_CODENAMES), "sid"]);
const PRERELEASE = /^(?:rc\d*|ea|tip|beta\d*|alpha\d*|\d+rc\d+|dev)$/;

export function parseTag(tag: string): ParsedTag {
  const lower = tag.toLowerCase();
  const match = /^v?(\d+(?:\.\d+)*)/.exec(lower);
  const version = match ? match[1].split(".").map(Number) : [];
  // Build suffixes of version numbers (`21.0.12_8`, `8u502-b07`, `3.15.0rc1`) belong to the version.
  let rest = match ? lower.slice(match[0].length).replace(/^(?:_\d+|u\d+(?:-b\d+)?|rc\d+)/, "") : lower;
  rest = rest.replace(/^[-_.]/, "");
  const words = rest === "" ? [] : rest.split("-");
  const normalized: string[] = [];
  for (let i = 0; i < words.length; i++) {
    const w = words[i];
    if (/^alpine\d/.test(w)) normalized.push("alpine");
    else if (/^\d+(?:\.\d+)*$/.test(w) && normalized[normalized.length - 1] === "alpine")
      continue; // `alpine-3.24`
    else if (/^\d{8}(?:\.\d+)?$/.test(w))
      continue; // date stamps (`bookworm-20260803`)
    else normalized.push(w);
  }
  const isPrerelease = words.some((w) => PRERELEASE.test(w)) || /\d(?:rc|a|b)\d+/.test(lower);
  return {
    tag,
    version,
    words,
    variant: normalized.join("-"),
    flavour: normalized.filter((w) => !DISTRO_WORDS.has(w)).join("-"),
    isPrerelease,
  };
}

/**
 * A single number to compare versions by distance: major, minor and patch weighted so that one
 * major step outweighs any minor difference.
 */
export function versionDistance(a: readonly number[], b: readonly number[]): number {
  let d = 0;
  for (let i = 0; i < 3; i++) d += Math.abs((a[i] ?? 0) - (b[i] ?? 0)) * 1000 ** (2 - i);
  return d;
}

/**
 * Registries that serve Docker Hub's official images under another name: the AWS and Google
 * mirrors, and Docker Hub itself spelled by its registry hosts (`registry.hub.docker.com/library/golang`,
 * `registry-1.docker.io/library/node`), which Docker does not rewrite to `docker.io` as it does
 * `index.docker.io` but which serve the same images.
 */
const OFFICIAL_MIRRORS: readonly string[] = [
  "public.ecr.aws/docker/library/",
  "mirror.gcr.io/library/",
  "mirror.gcr.io/",
  "registry.hub.docker.com/library/",
  "registry-1.docker.io/library/",
];

/**
 * Docker Hub namespaces that publish the official images built for one architecture
 * (`amd64/rust:alpine`, `arm64v8/node:22`): the same images, names and tags as the library's
 * (docker-library/official-images, "Architectures other than amd64").
 */
const ARCHITECTURE_NAMESPACES: ReadonlySet<string> = new Set([
  "amd64",
  "arm32v5",
  "arm32v6",
  "arm32v7",
  "arm64v8",
  "i386",
  "mips64le",
  "ppc64le",
  "riscv64",
  "s390x",
  "windows-amd64",
]);

/**
 * The official-image name (`node`) of a reference, also when pulled through a known mirror of
 * Docker Hub's library or from one of its per-architecture namespaces; null for other images.
 */
export function officialName(ref: ImageReference): string | null {
  if (ref.isOfficial) return ref.familiarName;
  const full = `${ref.registry}/${ref.repository}`;
  if (ref.registry === DOCKER_HUB) {
    const [namespace, name, ...rest] = ref.repository.split("/");
    if (rest.length === 0 && name !== undefined && ARCHITECTURE_NAMESPACES.has(namespace)) return name;
  }
  for (const prefix of OFFICIAL_MIRRORS) {
    if (full.startsWith(prefix) && !full.slice(prefix.length).includes("/")) return full.slice(prefix.length);
  }
  return null;
}

/**
 * The repository's name for facts keyed by Docker Hub path (`library/postgres`, `bitnami/redis`),
 * an official image under any of its spellings included; `host/path` for other registries.
 */
export function hubName(ref: ImageReference): string {
  const official = officialName(ref);
  if (official !== null) return `library/${official}`;
  return ref.registry === DOCKER_HUB ? ref.repository : `${ref.registry}/${ref.repository}`;
}

/** The tag Docker pulls: the written tag, or `latest` when there is neither tag nor digest. */
export function effectiveTag(ref: ImageReference): string | null {
  if (ref.tag !== null) return ref.tag;
  return ref.digest === null ? "latest" : null;
}
