// Image references parsed the way Docker does (distribution/reference ParseNormalizedNamed):
// registry host detection, docker.io and library/ defaults, tag and digest, and the platform of
// `FROM --platform=...` (containerd's platform normalisation). Build-argument substitution is the
// model's (`substituteVariables`); `resolveImageReference` applies it before parsing.

import { PLATFORM_ARGS, removeQuotes, substituteVariables, VariableScope } from "../model/variables";
import { lookupTable } from "../model/lookup-table";

export interface ImageReference {
  /** As written (after build-argument substitution, when parsed through `resolveImageReference`). */
  raw: string;
  /** Registry host with port as written (`docker.io` when none is written). */
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

export type ReferenceParse = { ok: true; reference: ImageReference } | { ok: false; reason: string };

/** Docker's default registry and the legacy name it rewrites to it. */
export const DOCKER_HUB = "docker.io";
const LEGACY_DOCKER_HUB = "index.docker.io";
const NAME_TOTAL_LENGTH_MAX = 255;

const PATH_COMPONENT = /^[a-z0-9]+(?:(?:[._]|__|-+)[a-z0-9]+)*$/;
const DOMAIN_COMPONENT = "(?:[a-zA-Z0-9]|[a-zA-Z0-9][a-zA-Z0-9-]*[a-zA-Z0-9])";
const DOMAIN_AND_PORT = new RegExp(`^(?:${DOMAIN_COMPONENT}(?:\\.${DOMAIN_COMPONENT})*|\\[[a-fA-F0-9:]+\\])(?::[0-9]+)?$`);
const TAG = /^[\w][\w.-]{0,127}$/;
const DIGEST = /^([A-Za-z][A-Za-z0-9]*(?:[-_+.][A-Za-z][A-Za-z0-9]*)*):([0-9a-fA-F]{32,})$/;
/** Hex lengths of the digest algorithms Docker accepts (opencontainers/go-digest). */
const DIGEST_HEX_LENGTH: Readonly<Record<string, number>> = lookupTable({ sha256: 64, sha384: 96, sha512: 128 });
const IMAGE_ID = /^[a-f0-9]{64}$/;

/** Parses `[host[:port]/]path[:tag][@digest]` with Docker's defaults, or says why it is not a reference. */
export function parseImageReferenceDetailed(raw: string): ReferenceParse {
  const text = raw.trim();
  const fail = (reason: string): ReferenceParse => ({ ok: false, reason });
  if (text === "") return fail("the image reference is empty");
  if (/\s/.test(text)) return fail(`'${text}' contains white space`);
  if (IMAGE_ID.test(text)) return fail(`'${text}' is a 64-character hexadecimal image ID, not a repository name`);

  let rest = text;
  let digest: string | null = null;
  const at = rest.indexOf("@");
  if (at >= 0) {
    digest = rest.slice(at + 1);
    rest = rest.slice(0, at);
    const digestError = checkDigest(digest);
    if (digestError) return fail(digestError);
  }
  // The host is split off first: in `localhost:5000/app` the colon belongs to the port.
  const { registry, remainder } = splitDomain(rest);
  let path = remainder;
  let tag: string | null = null;
  const colon = path.indexOf(":");
  if (colon >= 0) {
    tag = path.slice(colon + 1);
    path = path.slice(0, colon);
    if (!TAG.test(tag)) return fail(`'${tag}' is not a valid tag (letters, digits, '_', '.' and '-', at most 128, not starting with '.' or '-')`);
  }
  if (registry !== DOCKER_HUB && !DOMAIN_AND_PORT.test(registry)) return fail(`'${registry}' is not a valid registry host`);
  if (path !== path.toLowerCase()) return fail(`repository name '${path}' must be lower case`);
  if (path === "" || !path.split("/").every((c) => PATH_COMPONENT.test(c))) return fail(`'${text}' is not a valid image reference`);
  const repository = registry === DOCKER_HUB && !path.includes("/") ? `library/${path}` : path;
  if (`${registry === DOCKER_HUB ? "" : `${registry}/`}${repository}`.length > NAME_TOTAL_LENGTH_MAX) {
    return fail(`the repository name is longer than ${NAME_TOTAL_LENGTH_MAX} characters`);
  }
  const isOfficial = registry === DOCKER_HUB && repository.startsWith("library/") && repository.split("/").length === 2;
  const familiarName = registry !== DOCKER_HUB ? `${registry}/${repository}` : isOfficial ? repository.slice("library/".length) : repository;
  return { ok: true, reference: { raw, registry, repository, familiarName, tag, digest, isOfficial } };
}

/** Parses `[host[:port]/]path[:tag][@digest]`; null when it is not a valid reference. */
export function parseImageReference(raw: string): ImageReference | null {
  const parsed = parseImageReferenceDetailed(raw);
  return parsed.ok ? parsed.reference : null;
}

/** docker/distribution's splitDockerDomain: the first component is a host only if it looks like one. */
function splitDomain(name: string): { registry: string; remainder: string } {
  const slash = name.indexOf("/");
  const first = slash >= 0 ? name.slice(0, slash) : "";
  const isHost = slash >= 0 && (/[.:]/.test(first) || first === "localhost" || first !== first.toLowerCase());
  if (!isHost) return { registry: DOCKER_HUB, remainder: name };
  return { registry: first === LEGACY_DOCKER_HUB ? DOCKER_HUB : first, remainder: name.slice(slash + 1) };
}

function checkDigest(digest: string): string | null {
  const match = DIGEST.exec(digest);
  if (!match) return `'${digest}' is not a valid digest (algorithm:hex)`;
  const expected = DIGEST_HEX_LENGTH[match[1]];
  if (expected === undefined) return `digest algorithm '${match[1]}' is not supported (sha256, sha384, sha512)`;
  if (match[2].length !== expected || match[2] !== match[2].toLowerCase()) return `a ${match[1]} digest has ${expected} lower-case hex digits`;
  return null;
}

/** The fully qualified form Docker prints: `docker.io/library/node:24`. */
export function canonicalReference(ref: ImageReference): string {
  return `${ref.registry}/${ref.repository}${ref.tag !== null ? `:${ref.tag}` : ""}${ref.digest !== null ? `@${ref.digest}` : ""}`;
}

/** The short form Docker prints: `node:24`, `bitnami/redis:7`, `ghcr.io/o/app:1`. */
export function familiarReference(ref: ImageReference): string {
  return `${ref.familiarName}${ref.tag !== null ? `:${ref.tag}` : ""}${ref.digest !== null ? `@${ref.digest}` : ""}`;
}

export type ResolvedReference = { ok: true; reference: ImageReference; written: string } | { ok: false; reason: string; written: string; unresolved: string[] };

/**
 * Substitutes build arguments (`FROM node:${NODE}-alpine` with `ARG NODE=24`) and parses the
 * result. FROM sees global ARGs only; `COPY --from` sees the stage's scope too: the caller passes
 * the scope that applies.
 */
export function resolveImageReference(written: string, scope: VariableScope): ResolvedReference {
  const substituted = substituteVariables(removeQuotes(written), scope);
  if (substituted.unresolved.length > 0) {
    const unique = [...new Set(substituted.unresolved)];
    const names = unique.map((n) => `'${n}'`).join(", ");
    const reason = unique.every((n) => PLATFORM_ARGS.has(n))
      ? `${names} ${unique.length > 1 ? "are" : "is"} set by BuildKit for each platform at build time`
      : `build argument ${names} has no default, so the image is only known at build time`;
    return { ok: false, written, unresolved: substituted.unresolved, reason };
  }
  const parsed = parseImageReferenceDetailed(substituted.value);
  return parsed.ok ? { ok: true, reference: parsed.reference, written } : { ok: false, reason: parsed.reason, written, unresolved: [] };
}

/** An OCI platform (`linux/arm64`, `linux/arm/v7`). */
export interface Platform {
  os: string;
  architecture: string;
  variant: string | null;
}

const ARCH_ALIASES: Readonly<Record<string, [string, string | null]>> = lookupTable({
  i386: ["386", null],
  x86_64: ["amd64", null],
  "x86-64": ["amd64", null],
  aarch64: ["arm64", null],
  armhf: ["arm", "v7"],
  armel: ["arm", "v6"],
});
/**
 * The names an architecture goes by in file names and download URLs (`amd64`, `x86_64`, `x64`), for
 * telling an artefact built for one architecture; the canonical name first.
 */
export function architectureNames(architecture: string): string[] {
  const aliases = Object.entries(ARCH_ALIASES)
    .filter(([, [canonical]]) => canonical === architecture)
    .map(([alias]) => alias);
  return [architecture, ...aliases, ...(architecture === "amd64" ? ["x64"] : [])];
}
const KNOWN_ARCHITECTURES = new Set(["386", "amd64", "arm", "arm64", "ppc64le", "s390x", "riscv64", "mips64le", "loong64", ...Object.keys(ARCH_ALIASES)]);

/**
 * Parses a `--platform` value as containerd does: `os[/arch[/variant]]`, or a bare architecture
 * (meaning linux); aliases normalised (`aarch64` -> `arm64`, `x86_64` -> `amd64`; `arm64/v8` and
 * `amd64/v1` are the plain architectures). Null when malformed.
 */
export function parsePlatform(text: string): Platform | null {
  const parts = text.trim().toLowerCase().split("/");
  if (parts.some((p) => !/^[a-z0-9_.-]+$/.test(p)) || parts.length > 3) return null;
  let [os, architecture, variant] = parts.length === 1 && KNOWN_ARCHITECTURES.has(parts[0]) ? ["linux", parts[0], undefined] : parts;
  if (os === "macos") os = "darwin";
  if (architecture === undefined) return { os, architecture: "", variant: null };
  let normalizedVariant: string | null = variant ?? null;
  const alias = ARCH_ALIASES[architecture];
  if (alias) [architecture, normalizedVariant] = [alias[0], variant ?? alias[1]];
  if (architecture === "arm64" && normalizedVariant !== null && /^v?8(?:\.0)?$/.test(normalizedVariant)) normalizedVariant = null;
  if (architecture === "amd64" && normalizedVariant !== null && /^v?1$/.test(normalizedVariant)) normalizedVariant = null;
  if (architecture === "arm" && normalizedVariant !== null && /^\d$/.test(normalizedVariant)) normalizedVariant = `v${normalizedVariant}`;
  return { os, architecture, variant: normalizedVariant };
}

/** `linux/arm64`, `linux/arm/v7`. */
export function formatPlatform(platform: Platform): string {
  return [platform.os, platform.architecture, platform.variant].filter((p) => p !== null && p !== "").join("/");
}
