// What the registry client needs from its host, and what it answers. The engine has no network or
// disk of its own: the node host injects an HTTP transport and a persisted store (server/src/host),
// the browser host injects nothing, so live lookups are simply unavailable there.

/** A GET the client wants made. The transport never adds credentials, cookies or proxies' auth. */
export interface HttpRequest {
  url: string;
  headers: Readonly<Record<string, string>>;
  /** Abort after this long (connect and body together). */
  timeoutMs: number;
  /** Abort when the body grows past this many bytes. */
  maxBytes: number;
}

export interface HttpResponse {
  status: number;
  /** Header names in lower case. */
  headers: Readonly<Record<string, string>>;
  body: string;
}

/**
 * Performs one request without following redirects. Rejects with an Error whose message is a short
 * reason (`timed out after 5 s`, `response larger than 2 MB`, `connection refused`).
 */
export type HttpTransport = (request: HttpRequest) => Promise<HttpResponse>;

/** Where the cache survives restarts: one text blob, read once and rewritten on change. */
export interface PersistedStore {
  load(): Promise<string | null>;
  save(text: string): Promise<void>;
}

export type Result<T> = { ok: true; value: T } | { ok: false; reason: string };

/** Compressed size of one platform's image: the sum of its layer sizes as the manifest lists them. */
export interface PlatformSize {
  /** `linux/amd64`, `linux/arm64`, `linux/arm/v7`. */
  platform: string;
  bytes: number;
  layers: number;
}

/** A live answer for one image reference. */
export interface LiveImageSize {
  /** Registry host as the user wrote it (`docker.io`, `127.0.0.1:5000`). */
  registry: string;
  /** Which API answered: the registry's distribution API or Docker Hub's tags API. */
  via: "registry" | "docker-hub";
  /** When the registry answered (ms since the epoch); cached answers keep their original time. */
  fetchedAt: number;
  platforms: PlatformSize[];
}

/** Tags of a repository as the registry lists them (possibly one page only). */
export interface LiveTagList {
  registry: string;
  fetchedAt: number;
  tags: string[];
}
