// One GET against a registry, the way an anonymous `docker pull` talks to it: try, and on a 401
// with a Bearer challenge fetch an anonymous token from the realm and try again. No credentials are
// ever sent; a Basic challenge is answered with a reason, not a password. Plain HTTP is used and
// accepted only for loopback hosts, as Docker allows. Every failure becomes a one-line reason.

import type { Limiter } from "./limiter";
import type { HttpResponse, HttpTransport } from "./types";
import { parseWwwAuthenticate } from "./www-authenticate";

export interface SessionOptions {
  transport: HttpTransport;
  limiter: Limiter;
  now: () => number;
  timeoutMs: number;
  maxBytes: number;
}

export type Fetched = { ok: true; response: HttpResponse; json: unknown } | { ok: false; reason: string; status?: number };

const MAX_REDIRECTS = 3;
const DEFAULT_TOKEN_SECONDS = 60;

/** `localhost`, 127.0.0.0/8 and ::1, with or without a port. */
export function isLoopbackHost(hostWithPort: string): boolean {
  const bracketed = /^\[([^\]]*)\](?::\d+)?$/.exec(hostWithPort);
  const host = (bracketed ? bracketed[1] : hostWithPort.replace(/:\d+$/, "")).toLowerCase();
  return host === "localhost" || host === "::1" || /^127(?:\.\d{1,3}){3}$/.test(host);
}

/** Base URL of a registry's API. Docker Hub's API host is not the name users write. */
export function registryBaseUrl(host: string): string {
  if (host === "docker.io") return "https://registry-1.docker.io";
  return `${isLoopbackHost(host) ? "http" : "https"}://${host}`;
}

/** Our transport policy: HTTPS everywhere, plain HTTP only on loopback. */
function isAllowedUrl(url: string): boolean {
  try {
    const parsed = new URL(url);
    if (parsed.username || parsed.password) return false;
    return parsed.protocol === "https:" || (parsed.protocol === "http:" && isLoopbackHost(parsed.host));
  } catch {
    // Not a URL at all (a malformed realm or Location header): refused like any other bad target.
    return false;
  }
}

export class RegistrySession {
  private readonly tokens = new Map<string, { token: string; expires: number }>();

  constructor(private readonly options: SessionOptions) {}

  /**
   * GETs `url` and parses JSON. `host` names the registry in reasons. A Bearer challenge names the
   * token service and scope; the token is fetched anonymously and cached.
   */
  async getJson(url: string, accept: string, host: string): Promise<Fetched> {
    const first = await this.request(url, { Accept: accept }, host);
    if (!first.ok) return first;
    let response = first.response;
    if (response.status === 401) {
      const challenges = parseWwwAuthenticate(response.headers["www-authenticate"] ?? "");
      const bearer = challenges.find((c) => c.scheme === "bearer");
      if (!bearer) {
        const basic = challenges.some((c) => c.scheme === "basic");
        return {
          ok: false,
          status: 401,
          reason: basic
            ? `${host} asks for a user name and password (HTTP Basic auth); Stagecraft never sends credentials`
            : `${host} refused anonymous access (401) and offered no token service`,
        };
      }
      const token = await this.token(bearer.params, host);
      if (!token.ok) return token;
      const retried = await this.request(url, { Accept: accept, Authorization: `Bearer ${token.token}` }, host);
      if (!retried.ok) return retried;
      response = retried.response;
      if (response.status === 401) return { ok: false, status: 401, reason: `${host} refused anonymous access: the image is private or needs a login` };
    }
    if (response.status === 403) return { ok: false, status: 403, reason: `${host} denied access (403)` };
    if (response.status === 404) return { ok: false, status: 404, reason: `${host} has no such image or tag (404)` };
    if (response.status === 429) return { ok: false, status: 429, reason: `${host} is rate-limiting anonymous requests (429); try again later` };
    if (response.status < 200 || response.status >= 300) return { ok: false, status: response.status, reason: `${host} answered HTTP ${response.status}` };
    try {
      return { ok: true, response, json: JSON.parse(response.body) as unknown };
    } catch {
      // The body is not ours to show in full: a short, printable excerpt explains enough.
      return { ok: false, reason: `${host} answered with something that is not JSON ('${excerpt(response.body)}')` };
    }
  }

  /** An anonymous token for a Bearer challenge, cached until it expires. */
  private async token(params: Record<string, string>, host: string): Promise<{ ok: true; token: string } | { ok: false; reason: string; status?: number }> {
    const realm = params.realm;
    if (!realm || !isAllowedUrl(realm)) return { ok: false, reason: `${host} points to a token service Stagecraft will not use ('${excerpt(realm ?? "")}')` };
    const url = new URL(realm);
    if (params.service) url.searchParams.set("service", params.service);
    if (params.scope) for (const scope of params.scope.split(" ")) url.searchParams.append("scope", scope);
    const key = url.toString();
    const cached = this.tokens.get(key);
    if (cached && cached.expires > this.options.now()) return { ok: true, token: cached.token };
    const fetched = await this.request(key, { Accept: "application/json" }, url.host);
    if (!fetched.ok) return fetched;
    const { status, body } = fetched.response;
    if (status === 401 || status === 403) return { ok: false, status, reason: `${host} refused an anonymous token: the image is private or needs a login` };
    if (status !== 200) return { ok: false, status, reason: `the token service of ${host} answered HTTP ${status}` };
    let data: { token?: unknown; access_token?: unknown; expires_in?: unknown };
    try {
      data = JSON.parse(body) as typeof data;
    } catch {
      // Reported as a reason below, like a token-less answer.
      data = {};
    }
    const token = typeof data.token === "string" ? data.token : typeof data.access_token === "string" ? data.access_token : null;
    if (!token) return { ok: false, reason: `the token service of ${host} gave no token` };
    const seconds = typeof data.expires_in === "number" && data.expires_in > 0 ? data.expires_in : DEFAULT_TOKEN_SECONDS;
    // Renew a little early so a token never expires between the check and the request.
    this.tokens.set(key, { token, expires: this.options.now() + Math.max(seconds - 10, 1) * 1000 });
    return { ok: true, token };
  }

  /** One GET through the limiter, following a few redirects under the same policy. */
  private async request(
    url: string,
    headers: Record<string, string>,
    host: string,
  ): Promise<{ ok: true; response: HttpResponse } | { ok: false; reason: string }> {
    let target = url;
    let sent = headers;
    for (let hop = 0; hop <= MAX_REDIRECTS; hop++) {
      if (!isAllowedUrl(target)) return { ok: false, reason: `refusing ${describeTarget(target)}: only HTTPS, or plain HTTP to this machine` };
      let response: HttpResponse;
      try {
        response = await this.options.limiter.run(() =>
          this.options.transport({ url: target, headers: sent, timeoutMs: this.options.timeoutMs, maxBytes: this.options.maxBytes }),
        );
      } catch (error) {
        return { ok: false, reason: `${host}: ${error instanceof Error ? error.message : String(error)}` };
      }
      const location = response.headers.location;
      if (![301, 302, 303, 307, 308].includes(response.status) || !location) return { ok: true, response };
      const next = new URL(location, target);
      // A token is for the registry that issued the challenge, never for a storage host it redirects to.
      if (next.origin !== new URL(target).origin) sent = Object.fromEntries(Object.entries(sent).filter(([name]) => name !== "Authorization"));
      target = next.toString();
    }
    return { ok: false, reason: `${host} redirected more than ${MAX_REDIRECTS} times` };
  }
}

function describeTarget(url: string): string {
  try {
    const parsed = new URL(url);
    return `${parsed.protocol}//${parsed.host}`;
  } catch {
    // Shown as written (shortened) when it does not even parse.
    return `'${excerpt(url)}'`;
  }
}

/** A short, single-line, printable excerpt of untrusted text. */
export function excerpt(text: string, max = 40): string {
  const printable = text
    .replace(/[^\x20-\x7e]+/g, " ")
    .replace(/\s+/g, " ")
    .trim();
  return printable.length > max ? `${printable.slice(0, max)}…` : printable;
}
