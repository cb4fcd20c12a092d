// Docker Hub's own API (hub.docker.com/v2): per-platform compressed sizes of a tag in one request,
// without fetching manifests (manifest GETs count against the anonymous pull rate limit), and tag
// lists filtered by name.

import { formatPlatform, ImageReference, parsePlatform } from "../reference";
import type { RegistrySession } from "./session";
import type { PlatformSize, Result } from "./types";

const HUB_API = "https://hub.docker.com/v2/repositories";
const HUB_HOST = "hub.docker.com";

interface HubImage {
  os?: unknown;
  architecture?: unknown;
  variant?: unknown;
  size?: unknown;
}

/** `library/node`: Docker Hub repositories always have a namespace and a name. */
function repositoryPath(ref: ImageReference): string {
  return ref.repository.split("/").map(encodeURIComponent).join("/");
}

/** Sizes of a Docker Hub tag for the wanted platforms. */
export async function fetchHubSizes(session: RegistrySession, ref: ImageReference, wanted: readonly string[]): Promise<Result<PlatformSize[]>> {
  const tag = ref.tag ?? "latest";
  const fetched = await session.getJson(`${HUB_API}/${repositoryPath(ref)}/tags/${encodeURIComponent(tag)}`, "application/json", HUB_HOST);
  if (!fetched.ok) return { ok: false, reason: fetched.status === 404 ? `Docker Hub has no '${ref.familiarName}:${tag}' (404)` : fetched.reason };
  const images = (fetched.json as { images?: unknown }).images;
  if (!Array.isArray(images)) return { ok: false, reason: "Docker Hub answered without an image list" };
  const sizes: PlatformSize[] = [];
  for (const image of images as HubImage[]) {
    if (typeof image?.os !== "string" || typeof image.architecture !== "string" || typeof image.size !== "number") continue;
    const parsed = parsePlatform([image.os, image.architecture, typeof image.variant === "string" ? image.variant : ""].filter((p) => p !== "").join("/"));
    const platform = parsed ? formatPlatform(parsed) : null;
    if (platform && wanted.includes(platform) && !sizes.some((s) => s.platform === platform)) sizes.push({ platform, bytes: image.size, layers: 0 });
  }
  if (sizes.length === 0) return { ok: false, reason: `Docker Hub lists no ${wanted.join(" or ")} image for '${ref.familiarName}:${tag}'` };
  return { ok: true, value: sizes.sort((a, b) => wanted.indexOf(a.platform) - wanted.indexOf(b.platform)) };
}

/** Tag names of a Docker Hub repository, most recently pushed first, optionally filtered by name. */
export async function fetchHubTags(session: RegistrySession, ref: ImageReference, nameFilter: string, limit: number): Promise<Result<string[]>> {
  const query = `page_size=${Math.min(limit, 100)}&ordering=last_updated${nameFilter ? `&name=${encodeURIComponent(nameFilter)}` : ""}`;
  const fetched = await session.getJson(`${HUB_API}/${repositoryPath(ref)}/tags?${query}`, "application/json", HUB_HOST);
  if (!fetched.ok) return fetched;
  const results = (fetched.json as { results?: unknown }).results;
  if (!Array.isArray(results)) return { ok: false, reason: "Docker Hub answered without a tag list" };
  return { ok: true, value: results.map((r: { name?: unknown }) => r?.name).filter((n): n is string => typeof n === "string") };
}
