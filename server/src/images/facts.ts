// Built-in image size facts: compressed pull sizes of Docker Official Images per platform, from
// data/image-sizes.generated.json (made by scripts/generate-image-facts.mjs). A listed tag (or one
// of its aliases) is a fact; an unlisted tag of a known image gets an estimate from its nearest
// relative, always labelled with the tag it was estimated from. Nothing is guessed silently.

import table from "./data/image-sizes.generated.json";
import { asLookupTable } from "../model/lookup-table";
import type { ImageReference } from "./reference";
import { DEBIAN_CODENAMES, effectiveTag, officialName, parseTag, ParsedTag, UBUNTU_CODENAMES, versionDistance } from "./tags";

/** [amd64, arm64 | null, builtAround | null, arm64Missing?] */
type Row = [number, number | null, string | null, string?];

interface ImageTable {
  tags: Record<string, Row>;
  aliases: Record<string, string>;
}

interface FactsTable {
  provenance: { source: string; aliasSource: string; snapshotDate: string; sizeSemantics: string; generated: string };
  images: Record<string, ImageTable>;
  approximate: Record<string, { bytes: number; basis: string; source: string }>;
}

const facts = lookupFacts(table as unknown as FactsTable);

/** The facts with every table keyed by words of a file (image names, tags) answering only its own entries. */
function lookupFacts(read: FactsTable): FactsTable {
  for (const image of Object.values(read.images)) {
    asLookupTable(image.tags);
    asLookupTable(image.aliases);
  }
  asLookupTable(read.images);
  asLookupTable(read.approximate);
  return read;
}

/** Where the built-in figures come from and when they were true. */
export const FACTS_PROVENANCE = facts.provenance;

export interface SizeFact {
  kind: "fact";
  /** Compressed bytes for linux/amd64. */
  amd64: number;
  /** Compressed bytes for linux/arm64, or null when not known (`arm64Missing` says why). */
  arm64: number | null;
  arm64Missing?: "no-build" | "not-read";
  /** The canonical tag the figure was read for (`24` for `node:lts`). */
  tag: string;
  /** Human-readable origin with its date. */
  source: string;
  builtAround: string | null;
}

export interface SizeEstimate {
  kind: "estimate";
  /** The image the figure is borrowed from (`node:22-alpine`), or the document it comes from. */
  basis: string;
  amd64: number;
  arm64: number | null;
}

export type SizeLookup = SizeFact | SizeEstimate;

/** The official image's table, or undefined when the facts do not cover it. */
function imageTable(name: string): ImageTable | undefined {
  return Object.prototype.hasOwnProperty.call(facts.images, name) ? facts.images[name] : undefined;
}

/** The canonical tag a tag stands for in the facts (`lts` -> `24`), or null when unlisted. */
export function canonicalTag(name: string, tag: string): string | null {
  const image = imageTable(name);
  if (!image) return null;
  if (Object.prototype.hasOwnProperty.call(image.tags, tag)) return tag;
  const alias = image.aliases[tag];
  return alias !== undefined && Object.prototype.hasOwnProperty.call(image.tags, alias) ? alias : null;
}

/** True when the facts know `name:tag` as a published tag (canonical or alias). */
export function isKnownTag(name: string, tag: string): boolean {
  return canonicalTag(name, tag) !== null;
}

/** True when the facts cover this official image at all. */
export function isKnownImage(name: string): boolean {
  return imageTable(name) !== undefined;
}

/** Every tag name the facts list for an image: canonical tags and aliases. */
export function tagNames(name: string): string[] {
  const image = imageTable(name);
  return image ? [...Object.keys(image.tags), ...Object.keys(image.aliases)] : [];
}

function factFor(name: string, canonical: string): SizeFact {
  const [amd64, arm64, built, missing] = (imageTable(name) as ImageTable).tags[canonical];
  const fact: SizeFact = {
    kind: "fact",
    amd64,
    arm64,
    tag: canonical,
    source: `docker-library/repo-info${built ? `, built around ${built}` : ""}`,
    builtAround: built,
  };
  if (arm64 === null) fact.arm64Missing = missing === "no-build" ? "no-build" : "not-read";
  return fact;
}

/** Size of a Docker Hub official image tag, by name and tag. */
export function lookupTagSize(name: string, tag: string): SizeLookup | null {
  if (name === "scratch") return { kind: "fact", amd64: 0, arm64: 0, tag: "latest", source: "scratch is empty by definition", builtAround: null };
  if (!imageTable(name)) return null;
  const canonical = canonicalTag(name, tag);
  if (canonical) return factFor(name, canonical);
  const basisTag = nearestTag(name, tag);
  if (basisTag === null) return null;
  const fact = factFor(name, canonicalTag(name, basisTag) as string);
  return { kind: "estimate", basis: `${name}:${basisTag}`, amd64: fact.amd64, arm64: fact.arm64 };
}

/**
 * Size of the image a reference names: a fact when the tag is listed, an estimate from the same
 * family otherwise, null when the image is not covered (or only a digest is given).
 */
export function lookupImageSize(ref: ImageReference): SizeLookup | null {
  const name = officialName(ref);
  const tag = effectiveTag(ref);
  if (name !== null) return tag === null ? null : lookupTagSize(name, tag);
  return approximateSize(ref);
}

/** Distroless images: the project README gives an approximate figure for `static` only. */
function approximateSize(ref: ImageReference): SizeEstimate | null {
  if (ref.registry !== "gcr.io" || !/^distroless\/static(?:-debian\d+)?$/.test(ref.repository)) return null;
  const [repo, info] = Object.entries(facts.approximate).find(([r]) => r.startsWith("gcr.io/distroless/static")) ?? [];
  if (!repo || !info) return null;
  return { kind: "estimate", basis: `${repo} (${info.basis})`, amd64: info.bytes, arm64: info.bytes };
}

/** A pure Debian/Ubuntu codename tag (`buster`, `focal-slim`) read as its version number. */
function withCodenameVersion(name: string, parsed: ParsedTag): ParsedTag {
  if (parsed.version.length > 0 || parsed.words.length === 0) return parsed;
  const names = name === "debian" ? DEBIAN_CODENAMES : name === "ubuntu" ? UBUNTU_CODENAMES : null;
  const number = names?.[parsed.words[0]];
  if (number === undefined) return parsed;
  const rest = parsed.words.slice(1).filter((w) => !/^\d{8}/.test(w));
  return { ...parsed, version: String(number).split(".").map(Number), variant: rest.join("-"), flavour: rest.join("-") };
}

/**
 * The listed tag nearest to an unlisted one: same variant words first (`-alpine`, `-slim`), then
 * the same variant ignoring the distribution codename, then the nearest version (newer on ties).
 * Pre-release tags are only used for pre-release tags.
 */
export function nearestTag(name: string, tag: string): string | null {
  const target = withCodenameVersion(name, parseTag(tag));
  const candidates = parsedTagsOf(name).filter(
    (c) => c.isPrerelease === target.isPrerelease && !/^(?:latest|edge|rolling|devel|current|lts|stable|mainline)\b/.test(c.tag),
  );
  const tiers: ((c: ParsedTag) => boolean)[] = [(c) => c.variant === target.variant, (c) => c.flavour === target.flavour];
  for (const inTier of tiers) {
    const pool = candidates.filter(inTier).filter((c) => target.version.length > 0 === c.version.length > 0);
    if (pool.length === 0) continue;
    if (target.version.length === 0) return pool[0].tag;
    pool.sort((a, b) => {
      const d = versionDistance(a.version, target.version) - versionDistance(b.version, target.version);
      if (d !== 0) return d;
      // Newer first on ties, then the plainer tag (`1.98` before `1.98.0`), then the shorter name.
      const newer = versionDistance(b.version, [0]) - versionDistance(a.version, [0]);
      if (newer !== 0) return newer;
      return a.version.length - b.version.length || a.tag.length - b.tag.length;
    });
    return pool[0].tag;
  }
  return null;
}

const parsedTagsMemo = new Map<string, readonly ParsedTag[]>();

/** Every tag the facts list for an image, parsed (codenames read as versions); read only. */
function parsedTagsOf(name: string): readonly ParsedTag[] {
  // The facts never change at run time, and an unlisted tag is looked up by every size question:
  // the hundreds of tags of an image are parsed once, not once per question.
  let parsed = parsedTagsMemo.get(name);
  if (!parsed) {
    parsed = tagNames(name).map((t) => withCodenameVersion(name, parseTag(t)));
    parsedTagsMemo.set(name, parsed);
  }
  return parsed;
}

const newestVersionsMemo = new Map<string, number[][]>();

/** The newest major.minor of an image that the facts list with a given variant (`golang`, ""). */
export function newestVersions(name: string, variant = ""): number[][] {
  // The facts never change at run time, and lifecycle checks ask once per FROM.
  const key = `${name}\u0000${variant}`;
  let memo = newestVersionsMemo.get(key);
  if (!memo) {
    memo = computeNewestVersions(name, variant);
    newestVersionsMemo.set(key, memo);
  }
  // Copies, so a caller that sorts or edits its answer cannot change the next caller's.
  return memo.map((v) => [...v]);
}

function computeNewestVersions(name: string, variant: string): number[][] {
  const seen = new Map<string, number[]>();
  for (const t of tagNames(name)) {
    const p = parseTag(t);
    if (p.isPrerelease || p.version.length < 2 || p.variant !== variant) continue;
    const key = p.version.slice(0, 2).join(".");
    seen.set(key, p.version.slice(0, 2));
  }
  return [...seen.values()].sort((a, b) => b[0] - a[0] || b[1] - a[1]);
}

const CHANNEL_TAGS = /^(?:latest|mainline|stable|current|lts|rolling|edge|devel)$/;

/**
 * A pinned tag for what a floating tag (`latest`, `lts`) meant when the facts were taken:
 * `node:latest` -> `26`, `nginx:latest` -> `1.31`. Null when the facts do not know.
 */
export function pinnedTagFor(name: string, tag: string): string | null {
  const canonical = canonicalTag(name, tag);
  if (canonical === null) return null;
  const aliases = Object.entries((imageTable(name) as ImageTable).aliases)
    .filter(([, target]) => target === canonical)
    .map(([alias]) => alias);
  // A major of an image that has only ever had that one (`rust:1`, `alpine:3`, `maven:3`) moves
  // with every release, as `latest` does: its minor line is the pin.
  if (/^\d+$/.test(canonical) && newestVersions(name).every((v) => String(v[0]) === canonical)) {
    return aliases.find((a) => a.startsWith(`${canonical}.`) && /^\d+\.\d+$/.test(a)) ?? canonical;
  }
  if (!CHANNEL_TAGS.test(canonical)) return canonical;
  return aliases.find((a) => /^\d+\.\d+$/.test(a)) ?? aliases.find((a) => /^\d+$/.test(a)) ?? null;
}
