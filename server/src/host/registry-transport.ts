// The node host's HTTP transport for registry lookups: one GET, no redirects followed (the client
// decides), no proxies, no cookies, no credentials; a deadline over connect and body together, and a
// cap on the body so a misbehaving server cannot hold the hover or fill memory.

import type * as Http from "node:http";
import type * as Https from "node:https";
import type { HttpRequest, HttpResponse, HttpTransport } from "../images/registry/types";

const FRIENDLY_CODES: Readonly<Record<string, string>> = {
  ECONNREFUSED: "connection refused",
  ECONNRESET: "connection reset",
  ENOTFOUND: "host not found",
  EAI_AGAIN: "host name lookup failed",
  EHOSTUNREACH: "host unreachable",
  ENETUNREACH: "network unreachable",
  EPROTO: "TLS handshake failed",
  HPE_INVALID_CONSTANT: "the server does not speak HTTP",
  HPE_INVALID_STATUS: "the server does not speak HTTP",
  HPE_INVALID_HEADER_TOKEN: "the server sent a malformed HTTP header",
};

function describeError(error: NodeJS.ErrnoException): string {
  const code = error.code ?? "";
  if (FRIENDLY_CODES[code]) return FRIENDLY_CODES[code];
  if (/CERT|SSL|TLS/.test(code)) return `TLS certificate problem (${code})`;
  if (code.startsWith("HPE_")) return "the server sent a malformed HTTP response";
  return error.message.split("\n")[0];
}

function formatLimit(bytes: number): string {
  return bytes >= 1_000_000 ? `${Math.round(bytes / 100_000) / 10} MB` : `${Math.round(bytes / 1000)} kB`;
}

/**
 * The GET of `protocol`'s module, loaded with the first lookup: a server that looks nothing up
 * (offline, an untrusted workspace) does not load TLS when it starts (issue #16).
 */
function getFor(protocol: string): typeof Https.get | typeof Http.get | null {
  /* eslint-disable @typescript-eslint/no-require-imports -- deferred loads of built-ins */
  if (protocol === "https:") return (require("node:https") as typeof Https).get;
  if (protocol === "http:") return (require("node:http") as typeof Http).get;
  /* eslint-enable @typescript-eslint/no-require-imports */
  return null;
}

/** GET with a deadline and a body cap; rejects with a one-line reason. */
export const nodeHttpTransport: HttpTransport = (request: HttpRequest) =>
  new Promise<HttpResponse>((resolve, reject) => {
    let url: URL;
    try {
      url = new URL(request.url);
    } catch {
      reject(new Error("invalid URL"));
      return;
    }
    const get = getFor(url.protocol);
    if (!get) {
      reject(new Error(`unsupported protocol ${url.protocol}`));
      return;
    }
    let settled = false;
    const finish = (error: Error | null, response?: HttpResponse) => {
      if (settled) return;
      settled = true;
      clearTimeout(deadline);
      if (error) reject(error);
      else resolve(response as HttpResponse);
    };
    // agent: false gives every request its own socket, so a stalled server cannot hold others back.
    const req = get(
      url,
      {
        headers: { "User-Agent": "stagecraft", ...request.headers },
        agent: false,
      },
      (res) => {
        const declared = Number(res.headers["content-length"]);
        if (Number.isFinite(declared) && declared > request.maxBytes) {
          req.destroy();
          finish(new Error(`response larger than ${formatLimit(request.maxBytes)} (declared ${formatLimit(declared)})`));
          return;
        }
        const chunks: Buffer[] = [];
        let received = 0;
        res.on("data", (chunk: Buffer) => {
          received += chunk.length;
          if (received > request.maxBytes) {
            req.destroy();
            finish(new Error(`response larger than ${formatLimit(request.maxBytes)}`));
            return;
          }
          chunks.push(chunk);
        });
        res.on("end", () => {
          const headers: Record<string, string> = {};
          for (const [name, value] of Object.entries(res.headers)) {
            if (value !== undefined) headers[name.toLowerCase()] = Array.isArray(value) ? value.join(", ") : value;
          }
          finish(null, {
            status: res.statusCode ?? 0,
            headers,
            body: Buffer.concat(chunks).toString("utf8"),
          });
        });
        res.on("error", (error: NodeJS.ErrnoException) => finish(new Error(describeError(error))));
      },
    );
    req.on("error", (error: NodeJS.ErrnoException) => finish(new Error(describeError(error))));
    const deadline = setTimeout(() => {
      req.destroy();
      finish(new Error(`no complete answer within ${request.timeoutMs / 1000} s`));
    }, request.timeoutMs);
  });
