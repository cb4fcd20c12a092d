// Live image facts from registries: sizes per platform and tag lists, cached (memory + the host's
// persisted store, with expiry; failures cached briefly), deduplicated while in flight, bounded in
// concurrency, time and response size. Never throws: every answer is a Result with a reason.

import { canonicalReference, DOCKER_HUB, ImageReference } from "../reference";
import { RegistryCache } from "./cache";
import { fetchHubSizes, fetchHubTags } from "./docker-hub";
import { fetchImageSizes, fetchTags } from "./distribution";
import { Limiter } from "./limiter";
import { RegistrySession } from "./session";
import type { HttpTransport, LiveImageSize, LiveTagList, PersistedStore, Result } from "./types";

export interface RegistryClientOptions {
  transport: HttpTransport;
  store?: PersistedStore | null;
  now?: () => number;
  maxInFlight?: number;
  timeoutMs?: number;
  maxBytes?: number;
  onError?: (message: string) => void;
}

/** Platforms a size answer covers, in display order. */
export const SIZE_PLATFORMS: readonly string[] = ["linux/amd64", "linux/arm64"];

const HOUR = 3_600_000;
/** A tag can be re-pushed: its size is rechecked after a day. A digest never changes. */
const TAG_TTL = 24 * HOUR;
const DIGEST_TTL = 30 * 24 * HOUR;
const TAG_LIST_TTL = 6 * HOUR;
/** Failures (not found, denied, timeouts) are retried after a few minutes. */
const FAILURE_TTL = 5 * 60_000;
const TAG_LIST_LIMIT = 1000;

export const REGISTRY_DEFAULTS = { maxInFlight: 4, timeoutMs: 5000, maxBytes: 2_000_000 } as const;

export class RegistryClient {
  private readonly session: RegistrySession;
  private readonly cache: RegistryCache;
  private readonly pending = new Map<string, Promise<Result<unknown>>>();
  private readonly now: () => number;
  readonly limiter: Limiter;

  constructor(options: RegistryClientOptions) {
    this.now = options.now ?? Date.now;
    this.limiter = new Limiter(options.maxInFlight ?? REGISTRY_DEFAULTS.maxInFlight);
    this.session = new RegistrySession({
      transport: options.transport,
      limiter: this.limiter,
      now: this.now,
      timeoutMs: options.timeoutMs ?? REGISTRY_DEFAULTS.timeoutMs,
      maxBytes: options.maxBytes ?? REGISTRY_DEFAULTS.maxBytes,
    });
    this.cache = new RegistryCache({ store: options.store ?? null, now: this.now, onError: options.onError });
  }

  /** Compressed size per platform (linux/amd64, linux/arm64) of the image a reference names. */
  imageSize(ref: ImageReference): Promise<Result<LiveImageSize>> {
    const key = `size ${canonicalReference(ref)}`;
    return this.cached(key, ref.digest !== null ? DIGEST_TTL : TAG_TTL, async () => {
      // Docker Hub's tags API answers for both platforms in one request and is not a pull.
      const useHub = ref.registry === DOCKER_HUB && ref.digest === null;
      const sizes = useHub ? await fetchHubSizes(this.session, ref, SIZE_PLATFORMS) : await fetchImageSizes(this.session, ref, SIZE_PLATFORMS);
      if (!sizes.ok) return sizes;
      return { ok: true, value: { registry: ref.registry, via: useHub ? "docker-hub" : "registry", fetchedAt: this.now(), platforms: sizes.value } };
    });
  }

  /** A size already known (cached in memory), without any request: for inlay hints. */
  peekImageSize(ref: ImageReference): Result<LiveImageSize> | undefined {
    return this.cache.peek<LiveImageSize>(`size ${canonicalReference(ref)}`);
  }

  /** Tags of the repository a reference names; on Docker Hub filtered by `prefix` server-side. */
  tags(ref: ImageReference, prefix = ""): Promise<Result<LiveTagList>> {
    const isHub = ref.registry === DOCKER_HUB;
    const key = `tags ${ref.registry}/${ref.repository}${isHub ? ` ${prefix}` : ""}`;
    return this.cached(key, TAG_LIST_TTL, async () => {
      const tags = isHub ? await fetchHubTags(this.session, ref, prefix, 100) : await fetchTags(this.session, ref, TAG_LIST_LIMIT);
      return tags.ok ? { ok: true, value: { registry: ref.registry, fetchedAt: this.now(), tags: tags.value } } : tags;
    });
  }

  private cached<T>(key: string, ttl: number, load: () => Promise<Result<T>>): Promise<Result<T>> {
    const running = this.pending.get(key);
    if (running) return running as Promise<Result<T>>;
    const task = (async (): Promise<Result<T>> => {
      const hit = await this.cache.get<T>(key);
      if (hit) return hit;
      let result: Result<T>;
      try {
        result = await load();
      } catch (error) {
        // A bug in response handling must cost one hover, not the server.
        result = { ok: false, reason: `unexpected error: ${error instanceof Error ? error.message : String(error)}` };
      }
      await this.cache.set(key, result, result.ok ? ttl : FAILURE_TTL);
      return result;
    })().finally(() => this.pending.delete(key));
    this.pending.set(key, task);
    return task;
  }
}
