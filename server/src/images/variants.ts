// Smaller variants of a base image that really exist as tags (slim, alpine, alpine-slim, JRE),
// with the saving computed from the size facts. A tag is only suggested when the facts list it
// (canonical or alias): we never invent tags. Toolchain-only images (golang, rust, maven...) have
// no runtime variant here; that is final-stage-toolchain's and the converter's business. Images
// outside Docker Hub's official library (MCR, gcr.io) have no size facts and get no variants.

import { canonicalTag, isKnownTag, lookupTagSize, SizeLookup } from "./facts";
import type { ImageReference } from "./reference";
import { effectiveTag, officialName, parseTag } from "./tags";
import { toolchainOf } from "./toolchains";

export type VariantKind = "slim" | "alpine" | "alpine-slim" | "jre";

export interface ImageVariant {
  kind: VariantKind;
  /** The tag as it would be written (`24-slim`). */
  tag: string;
  /** `node:24-slim`. */
  image: string;
  size: SizeLookup;
  /** Bytes saved per platform (null when a size is unknown). */
  saving: { amd64: number; arm64: number | null };
  /** True when either size is an estimate, so the saving is one too. */
  isEstimate: boolean;
  /** What the switch may cost. */
  caveat: string;
}

const CAVEATS: Record<VariantKind, string> = {
  slim: "slim images lack compilers and some libraries",
  alpine: "Alpine uses musl libc, which can change behaviour",
  "alpine-slim": "alpine-slim drops the optional modules",
  jre: "a JRE has no compiler or JDK tools",
};

/** Ignore savings smaller than this: not worth a behaviour change. */
const MIN_SAVING_BYTES = 10_000_000;
const MIN_SAVING_RATIO = 0.15;

const CODENAMES = new Set(["bullseye", "bookworm", "trixie", "noble", "jammy", "resolute"]);

/** Candidate tags of each kind for a tag, most conservative spelling first. */
function candidateTags(name: string, tag: string): [VariantKind, string][] {
  // `latest` names the default variant; its siblings are the bare variant tags (`slim`, `alpine`).
  if (tag === "latest")
    return [
      ["slim", "slim"],
      ["alpine", "alpine"],
    ];
  const p = parseTag(tag);
  const words = p.words;
  const out: [VariantKind, string][] = [];
  const prefix = tag.slice(0, tag.length - words.join("-").length).replace(/-$/, "");
  const join = (...parts: string[]) => parts.filter((x) => x !== "").join("-");
  const has = (w: string) => words.some((x) => x === w || x.startsWith(w));
  const others = words.filter((w) => !CODENAMES.has(w));
  if (has("jdk") || ((name === "eclipse-temurin" || name === "openjdk") && !has("jre"))) {
    const jreWords = has("jdk") ? words.map((w) => (w === "jdk" ? "jre" : w.replace(/^jdk(\d+)$/, "jre$1"))) : ["jre", ...words];
    out.push(["jre", join(prefix, ...jreWords)]);
    if (!has("alpine")) out.push(["jre", join(prefix, ...jreWords.filter((w) => !CODENAMES.has(w)), "alpine")]);
  }
  if (!has("slim") && !has("alpine") && !has("jdk") && !has("jre")) {
    const codename = words.find((w) => CODENAMES.has(w));
    if (codename) {
      out.push(["slim", join(prefix, ...others, "slim", codename)], ["slim", join(prefix, ...others, codename, "slim")]);
    } else {
      out.push(["slim", join(prefix, ...words, "slim")]);
    }
    out.push(["alpine", join(prefix, ...others, "alpine")]);
    if (!prefix) out.push(["alpine", join(...others, "alpine")]);
  }
  if (has("alpine") && !has("slim")) out.push(["alpine-slim", join(tag, "slim")]);
  return out;
}

/**
 * Smaller variants of the image a reference names, best first (least behaviour change: slim,
 * then JRE, then alpine). Empty when none is known.
 */
export function smallerVariants(ref: ImageReference): ImageVariant[] {
  const name = officialName(ref);
  const tag = effectiveTag(ref);
  if (name === null || tag === null) return [];
  const toolchain = toolchainOf(ref);
  if (toolchain?.isToolchainOnly) return [];
  const current = lookupTagSize(name, tag);
  if (!current || canonicalTag(name, tag) === null) return [];
  const seen = new Set<string>([canonicalTag(name, tag) as string]);
  const out: ImageVariant[] = [];
  for (const [kind, candidate] of candidateTags(name, tag)) {
    if (!isKnownTag(name, candidate)) continue;
    const canonical = canonicalTag(name, candidate) as string;
    if (seen.has(canonical)) continue;
    seen.add(canonical);
    const size = lookupTagSize(name, candidate);
    if (!size) continue;
    const amd64 = current.amd64 - size.amd64;
    if (amd64 < MIN_SAVING_BYTES || amd64 < current.amd64 * MIN_SAVING_RATIO) continue;
    const arm64 = current.arm64 !== null && size.arm64 !== null ? current.arm64 - size.arm64 : null;
    out.push({
      kind,
      tag: candidate,
      image: `${name}:${candidate}`,
      size,
      saving: { amd64, arm64 },
      isEstimate: current.kind === "estimate" || size.kind === "estimate",
      caveat: CAVEATS[kind],
    });
  }
  const order: VariantKind[] = ["slim", "jre", "alpine-slim", "alpine"];
  return out.sort((a, b) => order.indexOf(a.kind) - order.indexOf(b.kind));
}
