// Answers of registries, kept in memory and, through the host's PersistedStore, across restarts.
// Failures are cached too (negative caching) but briefly, so a typo or a registry outage does not
// send a request per hover, and a fixed tag shows up within minutes.

import type { PersistedStore, Result } from "./types";

interface Entry {
  /** ms since the epoch after which the entry is ignored. */
  expires: number;
  result: Result<unknown>;
}

interface Persisted {
  version: 1;
  entries: Record<string, Entry>;
}

export interface CacheOptions {
  store: PersistedStore | null;
  now: () => number;
  /** At most this many entries are kept; the ones expiring first are dropped. */
  maxEntries?: number;
  /** Called when the persisted file cannot be read or written (the cache keeps working in memory). */
  onError?: (message: string) => void;
}

const DEFAULT_MAX_ENTRIES = 500;

export class RegistryCache {
  private readonly entries = new Map<string, Entry>();
  private loaded: Promise<void> | null = null;
  private saving: Promise<void> = Promise.resolve();
  private isDirty = false;

  constructor(private readonly options: CacheOptions) {}

  /** The cached answer for `key`, or undefined when absent or expired. Loads the store once. */
  async get<T>(key: string): Promise<Result<T> | undefined> {
    await this.load();
    return this.peek<T>(key);
  }

  /** Like `get`, without touching the store: for callers that must not wait (inlay hints). */
  peek<T>(key: string): Result<T> | undefined {
    const entry = this.entries.get(key);
    if (!entry) return undefined;
    if (entry.expires <= this.options.now()) {
      this.entries.delete(key);
      return undefined;
    }
    return entry.result as Result<T>;
  }

  async set(key: string, result: Result<unknown>, ttlMs: number): Promise<void> {
    await this.load();
    this.entries.set(key, { expires: this.options.now() + ttlMs, result });
    this.trim();
    this.isDirty = true;
    await this.persist();
  }

  private load(): Promise<void> {
    if (!this.loaded) this.loaded = this.readStore();
    return this.loaded;
  }

  private async readStore(): Promise<void> {
    const store = this.options.store;
    if (!store) return;
    let text: string | null;
    try {
      text = await store.load();
    } catch (error) {
      this.options.onError?.(`reading the image-size cache failed: ${String(error)}`);
      return;
    }
    if (text === null) return;
    try {
      const data = JSON.parse(text) as Persisted;
      if (data?.version !== 1 || typeof data.entries !== "object" || data.entries === null) return;
      const now = this.options.now();
      for (const [key, entry] of Object.entries(data.entries)) {
        if (isEntry(entry) && entry.expires > now && !this.entries.has(key)) this.entries.set(key, entry);
      }
    } catch (error) {
      // A corrupt cache file is replaced on the next write; nothing in it is worth failing over.
      this.options.onError?.(`the image-size cache is unreadable and will be rewritten: ${String(error)}`);
    }
  }

  /** Writes are chained, so two answers arriving together never interleave in the file. */
  private persist(): Promise<void> {
    const store = this.options.store;
    if (!store) return Promise.resolve();
    this.saving = this.saving.then(async () => {
      if (!this.isDirty) return;
      this.isDirty = false;
      const now = this.options.now();
      const entries: Record<string, Entry> = {};
      for (const [key, entry] of this.entries) if (entry.expires > now) entries[key] = entry;
      try {
        await store.save(JSON.stringify({ version: 1, entries } satisfies Persisted));
      } catch (error) {
        this.options.onError?.(`writing the image-size cache failed: ${String(error)}`);
      }
    });
    return this.saving;
  }

  private trim(): void {
    const max = this.options.maxEntries ?? DEFAULT_MAX_ENTRIES;
    if (this.entries.size <= max) return;
    const byExpiry = [...this.entries].sort(([, a], [, b]) => a.expires - b.expires);
    for (const [key] of byExpiry.slice(0, this.entries.size - max)) this.entries.delete(key);
  }
}

function isEntry(value: unknown): value is Entry {
  if (typeof value !== "object" || value === null) return false;
  const entry = value as Entry;
  return typeof entry.expires === "number" && typeof entry.result === "object" && entry.result !== null && typeof entry.result.ok === "boolean";
}
