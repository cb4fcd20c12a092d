import * as assert from "assert";
import { parseImageReference } from "../../../server/src/images/reference";
import { RegistryCache } from "../../../server/src/images/registry/cache";
import { RegistryClient } from "../../../server/src/images/registry/client";
import { isLoopbackHost, registryBaseUrl } from "../../../server/src/images/registry/session";
import type { HttpRequest, HttpResponse, PersistedStore } from "../../../server/src/images/registry/types";
import { parseWwwAuthenticate } from "../../../server/src/images/registry/www-authenticate";

type Route = (request: HttpRequest) => { status?: number; headers?: Record<string, string | undefined>; body?: string; json?: unknown };

/** A transport answering from routes keyed by URL prefix, recording every request. */
function fakeTransport(routes: Record<string, Route>) {
  const requests: HttpRequest[] = [];
  const transport = (request: HttpRequest): Promise<HttpResponse> => {
    requests.push(request);
    const prefix = Object.keys(routes).find((p) => request.url.startsWith(p));
    if (!prefix) return Promise.reject(new Error("host not found"));
    const answer = routes[prefix](request);
    const headers = Object.fromEntries(Object.entries(answer.headers ?? {}).filter((e): e is [string, string] => e[1] !== undefined));
    return Promise.resolve({ status: answer.status ?? 200, headers, body: answer.json !== undefined ? JSON.stringify(answer.json) : (answer.body ?? "") });
  };
  return { transport, requests };
}

function ref(text: string) {
  const parsed = parseImageReference(text);
  assert.ok(parsed);
  return parsed;
}

describe("images/registry: the live-lookup client without a network", () => {
  describe("WWW-Authenticate", () => {
    it("reads a Docker Hub bearer challenge", () => {
      assert.deepStrictEqual(
        parseWwwAuthenticate('Bearer realm="https://auth.docker.io/token",service="registry.docker.io",scope="repository:library/node:pull"'),
        [{ scheme: "bearer", params: { realm: "https://auth.docker.io/token", service: "registry.docker.io", scope: "repository:library/node:pull" } }],
      );
    });

    it("reads several challenges, unquoted values, escapes and odd spacing", () => {
      const parsed = parseWwwAuthenticate('Basic realm="Registry \\"Realm\\"", Bearer  realm=https://t.example/token , service=x,error="insufficient_scope"');
      assert.deepStrictEqual(parsed, [
        { scheme: "basic", params: { realm: 'Registry "Realm"' } },
        { scheme: "bearer", params: { realm: "https://t.example/token", service: "x", error: "insufficient_scope" } },
      ]);
    });

    it("never throws on garbage", () => {
      for (const junk of ["", "   ", '"', "=", 'Bearer realm="unterminated', ",,,", "Negotiate abc=="])
        assert.doesNotThrow(() => parseWwwAuthenticate(junk), junk);
      assert.deepStrictEqual(
        parseWwwAuthenticate("Negotiate abc==").map((c) => c.scheme),
        ["negotiate"],
      );
    });
  });

  describe("transport policy", () => {
    it("uses plain HTTP for loopback registries only", () => {
      assert.strictEqual(registryBaseUrl("127.0.0.1:5000"), "http://127.0.0.1:5000");
      assert.strictEqual(registryBaseUrl("localhost"), "http://localhost");
      assert.strictEqual(registryBaseUrl("[::1]:5000"), "http://[::1]:5000");
      assert.strictEqual(registryBaseUrl("registry.example.com:5000"), "https://registry.example.com:5000");
      assert.strictEqual(registryBaseUrl("docker.io"), "https://registry-1.docker.io");
      assert.ok(isLoopbackHost("127.1.2.3"));
      assert.ok(!isLoopbackHost("127.0.0.1.nip.io"));
      assert.ok(!isLoopbackHost("10.0.0.1:5000"));
    });

    it("refuses a token realm over plain HTTP off this machine", async () => {
      const { transport, requests } = fakeTransport({
        "https://registry.example.com/": () => ({ status: 401, headers: { "www-authenticate": 'Bearer realm="http://auth.example.com/token"' } }),
      });
      const result = await new RegistryClient({ transport }).imageSize(ref("registry.example.com/app:1"));
      assert.deepStrictEqual(result, {
        ok: false,
        reason: "registry.example.com points to a token service Stagecraft will not use ('http://auth.example.com/token')",
      });
      assert.strictEqual(requests.length, 1);
    });

    it("drops the token when a registry redirects to another host", async () => {
      const { transport, requests } = fakeTransport({
        "https://auth.example.com/token": () => ({ json: { token: "t" } }),
        "https://registry.example.com/": (r) =>
          r.headers.Authorization
            ? { status: 307, headers: { location: "https://storage.example.net/m" } }
            : { status: 401, headers: { "www-authenticate": 'Bearer realm="https://auth.example.com/token",service="s"' } },
        "https://storage.example.net/": () => ({ json: { schemaVersion: 2, layers: [{ size: 5 }] } }),
      });
      const result = await new RegistryClient({ transport }).imageSize(ref("registry.example.com/app@sha256:" + "a".repeat(64)));
      assert.ok(result.ok && result.value.platforms[0].bytes === 5);
      const storage = requests.find((r) => r.url.startsWith("https://storage.example.net/"));
      assert.ok(storage && !("Authorization" in storage.headers));
    });
  });

  describe("Docker Hub", () => {
    it("asks the Hub tags API for a tag: one request, both platforms, attestations left out", async () => {
      const { transport, requests } = fakeTransport({
        "https://hub.docker.com/v2/repositories/library/node/tags/24": () => ({
          json: {
            images: [
              { os: "unknown", architecture: "unknown", size: 1 },
              { os: "linux", architecture: "arm", variant: "v7", size: 7 },
              { os: "linux", architecture: "arm64", variant: "v8", size: 400 },
              { os: "linux", architecture: "amd64", size: 409 },
            ],
          },
        }),
      });
      const result = await new RegistryClient({ transport }).imageSize(ref("node:24"));
      assert.ok(result.ok);
      assert.deepStrictEqual(
        [result.value.via, result.value.platforms.map((p) => [p.platform, p.bytes])],
        [
          "docker-hub",
          [
            ["linux/amd64", 409],
            ["linux/arm64", 400],
          ],
        ],
      );
      assert.strictEqual(requests.length, 1);
    });

    it("uses the registry API with an anonymous token for a digest", async () => {
      const digest = "sha256:" + "b".repeat(64);
      const { transport, requests } = fakeTransport({
        "https://auth.docker.io/token": () => ({ json: { token: "anon", expires_in: 300 } }),
        "https://registry-1.docker.io/v2/library/node/manifests/": (r) =>
          r.headers.Authorization === "Bearer anon"
            ? {
                headers: { "content-type": "application/vnd.docker.distribution.manifest.v2+json" },
                json: { schemaVersion: 2, config: { digest: "sha256:c" }, layers: [{ size: 10 }, { size: 20 }] },
              }
            : {
                status: 401,
                headers: {
                  "www-authenticate": 'Bearer realm="https://auth.docker.io/token",service="registry.docker.io",scope="repository:library/node:pull"',
                },
              },
        "https://registry-1.docker.io/v2/library/node/blobs/": () => ({ json: { os: "linux", architecture: "amd64" } }),
      });
      const result = await new RegistryClient({ transport }).imageSize(ref(`node@${digest}`));
      assert.ok(result.ok);
      assert.deepStrictEqual(
        result.value.platforms.map((p) => [p.platform, p.bytes]),
        [["linux/amd64", 30]],
      );
      const token = requests.find((r) => r.url.startsWith("https://auth.docker.io/"));
      assert.strictEqual(token?.url, "https://auth.docker.io/token?service=registry.docker.io&scope=repository%3Alibrary%2Fnode%3Apull");
      assert.ok(!("Authorization" in (token?.headers ?? {})));
    });

    it("explains rate limiting", async () => {
      const { transport } = fakeTransport({ "https://hub.docker.com/": () => ({ status: 429 }) });
      const result = await new RegistryClient({ transport }).imageSize(ref("node:99"));
      assert.deepStrictEqual(result, { ok: false, reason: "hub.docker.com is rate-limiting anonymous requests (429); try again later" });
    });
  });

  describe("answers never throw", () => {
    it("turns a transport failure, a schema 1 manifest and bad layer sizes into reasons", async () => {
      const failing = await new RegistryClient({ transport: () => Promise.reject(new Error("connection refused")) }).imageSize(ref("localhost:1/app:1"));
      assert.deepStrictEqual(failing, { ok: false, reason: "localhost:1: connection refused" });
      const schema1 = fakeTransport({ "http://localhost:2/": () => ({ json: { schemaVersion: 1, fsLayers: [] } }) });
      const result1 = await new RegistryClient({ transport: schema1.transport }).imageSize(ref("localhost:2/app:1"));
      assert.ok(!result1.ok && /schema 1 manifest/.test(result1.reason));
      const negative = fakeTransport({ "http://localhost:3/": () => ({ json: { schemaVersion: 2, layers: [{ size: -1 }] } }) });
      const result2 = await new RegistryClient({ transport: negative.transport }).imageSize(ref("localhost:3/app:1"));
      assert.ok(!result2.ok && /invalid layer size/.test(result2.reason));
    });

    it("shares one request between concurrent lookups of the same image", async () => {
      const { transport, requests } = fakeTransport({ "http://localhost:4/": () => ({ json: { schemaVersion: 2, layers: [{ size: 1 }] } }) });
      const client = new RegistryClient({ transport });
      await Promise.all([client.imageSize(ref("localhost:4/app:1")), client.imageSize(ref("localhost:4/app:1"))]);
      assert.strictEqual(requests.filter((r) => r.url.includes("/manifests/")).length, 1);
    });
  });

  describe("cache", () => {
    function store(initial: string | null): PersistedStore & { text: string | null; saves: number } {
      const s = {
        text: initial,
        saves: 0,
        load: () => Promise.resolve(s.text),
        save: (text: string) => {
          s.text = text;
          s.saves++;
          return Promise.resolve();
        },
      };
      return s;
    }

    it("replaces a corrupt persisted file and reports it once", async () => {
      const errors: string[] = [];
      const persisted = store("{not json");
      const cache = new RegistryCache({ store: persisted, now: () => 0, onError: (m) => errors.push(m) });
      assert.strictEqual(await cache.get("k"), undefined);
      await cache.set("k", { ok: true, value: 1 }, 1000);
      assert.strictEqual(errors.length, 1);
      assert.deepStrictEqual(JSON.parse(persisted.text as string), { version: 1, entries: { k: { expires: 1000, result: { ok: true, value: 1 } } } });
    });

    it("ignores expired entries and keeps at most maxEntries", async () => {
      let now = 0;
      const cache = new RegistryCache({ store: null, now: () => now, maxEntries: 2 });
      await cache.set("a", { ok: true, value: "a" }, 10);
      await cache.set("b", { ok: true, value: "b" }, 20);
      await cache.set("c", { ok: true, value: "c" }, 30);
      assert.strictEqual(cache.peek("a"), undefined, "the entry expiring first was dropped");
      now = 25;
      assert.strictEqual(cache.peek("b"), undefined, "expired");
      assert.deepStrictEqual(cache.peek("c"), { ok: true, value: "c" });
    });

    it("keeps working in memory when the store fails", async () => {
      const errors: string[] = [];
      const broken: PersistedStore = { load: () => Promise.reject(new Error("EACCES")), save: () => Promise.reject(new Error("ENOSPC")) };
      const cache = new RegistryCache({ store: broken, now: () => 0, onError: (m) => errors.push(m) });
      await cache.set("k", { ok: false, reason: "r" }, 100);
      assert.deepStrictEqual(await cache.get("k"), { ok: false, reason: "r" });
      assert.deepStrictEqual(errors, ["reading the image-size cache failed: Error: EACCES", "writing the image-size cache failed: Error: ENOSPC"]);
    });
  });
});
