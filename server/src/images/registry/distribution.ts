// Image sizes and tag lists through the OCI distribution API (any registry): fetch the manifest
// with every manifest media type in Accept (a registry does not convert formats: without the OCI
// types it answers 404 for OCI content), follow an index to the wanted platforms' manifests, skip
// attestation entries, and sum the layer sizes. The sum is the compressed pull size, the same
// figure docker-library/repo-info reports as "Total Size" (the small config blob is not counted).

import { formatPlatform, ImageReference, parsePlatform } from "../reference";
import type { RegistrySession } from "./session";
import { excerpt, registryBaseUrl } from "./session";
import type { PlatformSize, Result } from "./types";

export const MEDIA_TYPES = {
  ociIndex: "application/vnd.oci.image.index.v1+json",
  dockerList: "application/vnd.docker.distribution.manifest.list.v2+json",
  ociManifest: "application/vnd.oci.image.manifest.v1+json",
  dockerManifest: "application/vnd.docker.distribution.manifest.v2+json",
} as const;

export const MANIFEST_ACCEPT = [MEDIA_TYPES.ociIndex, MEDIA_TYPES.dockerList, MEDIA_TYPES.ociManifest, MEDIA_TYPES.dockerManifest].join(", ");
const CONFIG_ACCEPT = "application/vnd.oci.image.config.v1+json, application/vnd.docker.container.image.v1+json, application/json";

interface Descriptor {
  mediaType?: unknown;
  digest?: unknown;
  size?: unknown;
  platform?: { os?: unknown; architecture?: unknown; variant?: unknown };
  annotations?: Record<string, unknown>;
}

interface ManifestDocument {
  mediaType?: unknown;
  schemaVersion?: unknown;
  manifests?: Descriptor[];
  layers?: Descriptor[];
  config?: Descriptor;
}

/** Index entries that describe attestations (BuildKit provenance/SBOM), not runnable images. */
export function isAttestation(entry: Descriptor): boolean {
  const platform = entry.platform;
  return entry.annotations?.["vnd.docker.reference.type"] === "attestation-manifest" || (platform?.os === "unknown" && platform?.architecture === "unknown");
}

function platformOf(entry: Descriptor): string | null {
  const p = entry.platform;
  if (!p || typeof p.os !== "string" || typeof p.architecture !== "string") return null;
  const parsed = parsePlatform([p.os, p.architecture, typeof p.variant === "string" ? p.variant : ""].filter((x) => x !== "").join("/"));
  return parsed ? formatPlatform(parsed) : null;
}

function contentType(headers: Readonly<Record<string, string>>): string {
  return (headers["content-type"] ?? "").split(";")[0].trim();
}

function isIndex(document: ManifestDocument, type: string): boolean {
  return (
    type === MEDIA_TYPES.ociIndex ||
    type === MEDIA_TYPES.dockerList ||
    document.mediaType === MEDIA_TYPES.ociIndex ||
    document.mediaType === MEDIA_TYPES.dockerList ||
    (Array.isArray(document.manifests) && !Array.isArray(document.layers))
  );
}

/** The summed layer sizes of one image manifest, or why they cannot be read. */
function layerTotal(document: ManifestDocument, host: string): Result<{ bytes: number; layers: number }> {
  if (document.schemaVersion === 1) return { ok: false, reason: `${host} sent a schema 1 manifest, which lists no layer sizes` };
  if (!Array.isArray(document.layers)) return { ok: false, reason: `${host} sent a manifest without a layer list` };
  let bytes = 0;
  for (const layer of document.layers) {
    if (typeof layer?.size !== "number" || !Number.isSafeInteger(layer.size) || layer.size < 0)
      return { ok: false, reason: `${host} sent a manifest with an invalid layer size` };
    bytes += layer.size;
  }
  return { ok: true, value: { bytes, layers: document.layers.length } };
}

/**
 * Compressed size per platform of `ref` (tag or digest) for the `wanted` platforms
 * (`linux/amd64`...). A single-platform image reports the one platform its config names.
 */
export async function fetchImageSizes(session: RegistrySession, ref: ImageReference, wanted: readonly string[]): Promise<Result<PlatformSize[]>> {
  const host = ref.registry;
  const base = `${registryBaseUrl(host)}/v2/${ref.repository}`;
  const reference = ref.digest ?? ref.tag ?? "latest";
  const top = await session.getJson(`${base}/manifests/${reference}`, MANIFEST_ACCEPT, host);
  if (!top.ok) return { ok: false, reason: top.status === 404 ? `${host} has no '${ref.repository}:${reference}' (404)` : top.reason };
  const document = top.json as ManifestDocument;
  if (typeof document !== "object" || document === null) return { ok: false, reason: `${host} sent a manifest that is not a JSON object` };

  if (!isIndex(document, contentType(top.response.headers))) {
    const total = layerTotal(document, host);
    if (!total.ok) return total;
    const platform = await configPlatform(session, base, document, host);
    return { ok: true, value: [{ platform: platform ?? "single platform (unnamed)", ...total.value }] };
  }

  const entries = (document.manifests ?? []).filter((m) => !isAttestation(m));
  const chosen = new Map<string, Descriptor>();
  for (const entry of entries) {
    const platform = platformOf(entry);
    if (platform && wanted.includes(platform) && !chosen.has(platform) && typeof entry.digest === "string") chosen.set(platform, entry);
  }
  if (chosen.size === 0) {
    const offered = [...new Set(entries.map(platformOf).filter((p): p is string => p !== null))];
    return {
      ok: false,
      reason: `${host} publishes '${ref.repository}:${reference}' for ${offered.length > 0 ? offered.join(", ") : "no platform"}, not ${wanted.join(" or ")}`,
    };
  }
  const sizes = await Promise.all(
    [...chosen].map(async ([platform, entry]): Promise<Result<PlatformSize>> => {
      const fetched = await session.getJson(`${base}/manifests/${entry.digest as string}`, MANIFEST_ACCEPT, host);
      if (!fetched.ok) return fetched;
      const total = layerTotal(fetched.json as ManifestDocument, host);
      return total.ok ? { ok: true, value: { platform, ...total.value } } : total;
    }),
  );
  const failed = sizes.find((s): s is { ok: false; reason: string } => !s.ok);
  if (failed) return failed;
  const value = sizes.map((s) => (s as { ok: true; value: PlatformSize }).value);
  return { ok: true, value: value.sort((a, b) => wanted.indexOf(a.platform) - wanted.indexOf(b.platform)) };
}

/** The platform a single-platform image's config names, or null when it cannot be read. */
async function configPlatform(session: RegistrySession, base: string, document: ManifestDocument, host: string): Promise<string | null> {
  const digest = document.config?.digest;
  if (typeof digest !== "string") return null;
  const fetched = await session.getJson(`${base}/blobs/${digest}`, CONFIG_ACCEPT, host);
  if (!fetched.ok) return null;
  const config = fetched.json as { os?: unknown; architecture?: unknown; variant?: unknown };
  return platformOf({ platform: config });
}

/** Tags of a repository (`/v2/<name>/tags/list`, first page). */
export async function fetchTags(session: RegistrySession, ref: ImageReference, limit: number): Promise<Result<string[]>> {
  const host = ref.registry;
  const fetched = await session.getJson(`${registryBaseUrl(host)}/v2/${ref.repository}/tags/list?n=${limit}`, "application/json", host);
  if (!fetched.ok) return fetched;
  const tags = (fetched.json as { tags?: unknown }).tags;
  if (tags === null) return { ok: true, value: [] };
  if (!Array.isArray(tags)) return { ok: false, reason: `${host} sent a tag list without tags ('${excerpt(fetched.response.body)}')` };
  return { ok: true, value: tags.filter((t): t is string => typeof t === "string").slice(0, limit) };
}
