// The registry client against a real registry (Debian's docker-registry on loopback) and against
// misbehaving HTTP servers, through the node host's real transport.

import * as assert from "assert";
import { nodeHttpTransport } from "../../server/src/host/registry-transport";
import { parseImageReference } from "../../server/src/images/reference";
import { RegistryClient, RegistryClientOptions } from "../../server/src/images/registry/client";
import type { HttpRequest, LiveImageSize, PersistedStore, Result } from "../../server/src/images/registry/types";
import { DOCKER, OCI, pushAttestation, pushImage, pushManifest, requireRegistry, RunningRegistry, startHttpServer, startRegistry } from "./support";

/** The real transport, recording every request it makes. */
function recordingTransport(): { transport: RegistryClientOptions["transport"]; requests: HttpRequest[] } {
  const requests: HttpRequest[] = [];
  return {
    requests,
    transport: (request) => {
      requests.push(request);
      return nodeHttpTransport(request);
    },
  };
}

function memoryStore(): PersistedStore & { text: string | null } {
  const store = {
    text: null as string | null,
    load: () => Promise.resolve(store.text),
    save: (text: string) => {
      store.text = text;
      return Promise.resolve();
    },
  };
  return store;
}

function ref(text: string) {
  const parsed = parseImageReference(text);
  assert.ok(parsed, text);
  return parsed;
}

function sizes(result: Result<LiveImageSize>): [string, number][] {
  assert.ok(result.ok, result.ok ? "" : result.reason);
  return result.value.platforms.map((p) => [p.platform, p.bytes]);
}

function reasonOf(result: Result<unknown>): string {
  assert.ok(!result.ok, "expected a failure");
  return result.reason;
}

describe("registry: live lookups against a real registry", function () {
  this.timeout(60_000);
  let registry: RunningRegistry;
  let secured: RunningRegistry;
  const expected: Record<string, number> = {};

  before(async function () {
    requireRegistry(this);
    registry = await startRegistry();
    secured = await startRegistry({ basicAuthUser: "ci" });

    const single = await pushImage(registry, "app", "1", { os: "linux", architecture: "amd64" }, [1000, 2500, 12345]);
    expected.single = single.layerTotal;
    const dockerFormat = await pushImage(registry, "team/docker-app", "2.0", { os: "linux", architecture: "arm64", variant: "v8" }, [4096, 777], "docker");
    expected.dockerFormat = dockerFormat.layerTotal;

    const amd = await pushImage(registry, "multi", "amd64-only", { os: "linux", architecture: "amd64" }, [30_000, 5_000]);
    const arm = await pushImage(registry, "multi", "arm64-only", { os: "linux", architecture: "arm64", variant: "v8" }, [28_000, 4_000, 100]);
    const armv7 = await pushImage(registry, "multi", "armv7-only", { os: "linux", architecture: "arm", variant: "v7" }, [9_000]);
    expected.amd = amd.layerTotal;
    expected.arm = arm.layerTotal;
    const attestation = await pushAttestation(registry, "multi", amd.descriptor);
    // The attestation comes first, so a client that does not skip it would pick it.
    const manifests = [attestation, armv7.descriptor, amd.descriptor, arm.descriptor];
    await pushManifest(registry, "multi", "1", { schemaVersion: 2, mediaType: OCI.index, manifests }, OCI.index);
    await pushManifest(
      registry,
      "multi",
      "docker-list",
      { schemaVersion: 2, mediaType: DOCKER.list, manifests: [armv7.descriptor, amd.descriptor, arm.descriptor] },
      DOCKER.list,
    );
    await pushManifest(registry, "multi", "armv7", { schemaVersion: 2, mediaType: OCI.index, manifests: [armv7.descriptor] }, OCI.index);

    await pushImage(secured, "private", "1", { os: "linux", architecture: "amd64" }, [100]);
  });

  after(async () => {
    await registry?.stop();
    await secured?.stop();
  });

  it("sums the layers of a single-platform OCI image and names its platform from the config", async () => {
    const client = new RegistryClient({ transport: nodeHttpTransport });
    assert.deepStrictEqual(sizes(await client.imageSize(ref(`${registry.host}/app:1`))), [["linux/amd64", expected.single]]);
  });

  it("reads Docker v2 manifests too", async () => {
    const client = new RegistryClient({ transport: nodeHttpTransport });
    assert.deepStrictEqual(sizes(await client.imageSize(ref(`${registry.host}/team/docker-app:2.0`))), [["linux/arm64", expected.dockerFormat]]);
  });

  it("follows an OCI index to amd64 and arm64, skipping the attestation entry", async () => {
    const { transport, requests } = recordingTransport();
    const client = new RegistryClient({ transport });
    const result = await client.imageSize(ref(`${registry.host}/multi:1`));
    assert.deepStrictEqual(sizes(result), [
      ["linux/amd64", expected.amd],
      ["linux/arm64", expected.arm],
    ]);
    assert.ok(result.ok && result.value.via === "registry");
    assert.strictEqual(requests.length, 3, "the index and one manifest per wanted platform, nothing for the attestation");
    for (const accept of [
      "application/vnd.oci.image.index.v1+json",
      "application/vnd.docker.distribution.manifest.list.v2+json",
      "application/vnd.oci.image.manifest.v1+json",
      "application/vnd.docker.distribution.manifest.v2+json",
    ]) {
      assert.ok(requests[0].headers.Accept.includes(accept), `Accept lacks ${accept}`);
    }
  });

  it("follows a Docker manifest list the same way", async () => {
    const client = new RegistryClient({ transport: nodeHttpTransport });
    assert.deepStrictEqual(sizes(await client.imageSize(ref(`${registry.host}/multi:docker-list`))), [
      ["linux/amd64", expected.amd],
      ["linux/arm64", expected.arm],
    ]);
  });

  it("says which platforms exist when neither amd64 nor arm64 does", async () => {
    const client = new RegistryClient({ transport: nodeHttpTransport });
    assert.match(
      reasonOf(await client.imageSize(ref(`${registry.host}/multi:armv7`))),
      /publishes 'multi:armv7' for linux\/arm\/v7, not linux\/amd64 or linux\/arm64/,
    );
  });

  it("reports a missing tag in one line and caches the failure briefly", async () => {
    const { transport, requests } = recordingTransport();
    const client = new RegistryClient({ transport });
    const missing = ref(`${registry.host}/app:404`);
    assert.strictEqual(reasonOf(await client.imageSize(missing)), `${registry.host} has no 'app:404' (404)`);
    const before = requests.length;
    assert.match(reasonOf(await client.imageSize(missing)), /404/);
    assert.strictEqual(requests.length, before, "the negative answer came from the cache");
  });

  it("answers a repeated lookup from memory, and a new client from the persisted store", async () => {
    const store = memoryStore();
    const first = recordingTransport();
    const client = new RegistryClient({ transport: first.transport, store });
    const image = ref(`${registry.host}/multi:1`);
    const cold = await client.imageSize(image);
    const calls = first.requests.length;
    assert.deepStrictEqual(await client.imageSize(image), cold);
    assert.strictEqual(first.requests.length, calls);
    assert.ok(store.text && store.text.includes(`size ${registry.host}/multi:1`));

    const second = recordingTransport();
    const restarted = new RegistryClient({ transport: second.transport, store });
    assert.deepStrictEqual(await restarted.imageSize(image), cold);
    assert.strictEqual(second.requests.length, 0);
  });

  it("expires cached answers", async () => {
    let now = 1_000_000;
    const { transport, requests } = recordingTransport();
    const client = new RegistryClient({ transport, now: () => now });
    const image = ref(`${registry.host}/app:1`);
    await client.imageSize(image);
    const calls = requests.length;
    now += 25 * 3_600_000;
    await client.imageSize(image);
    assert.ok(requests.length > calls, "a day-old answer for a tag is fetched again");
  });

  it("lists tags", async () => {
    const client = new RegistryClient({ transport: nodeHttpTransport });
    const tags = await client.tags(ref(`${registry.host}/multi`));
    assert.ok(tags.ok);
    assert.deepStrictEqual([...tags.value.tags].sort(), ["1", "amd64-only", "arm64-only", "armv7", "armv7-only", "docker-list"]);
  });

  it("sends no credentials to a basic-auth registry and explains the refusal", async () => {
    const { transport, requests } = recordingTransport();
    const client = new RegistryClient({ transport });
    const reason = reasonOf(await client.imageSize(ref(`${secured.host}/private:1`)));
    assert.strictEqual(reason, `${secured.host} asks for a user name and password (HTTP Basic auth); Stagecraft never sends credentials`);
    assert.ok(requests.every((r) => !Object.keys(r.headers).some((h) => h.toLowerCase() === "authorization")));
  });

  it("gets an anonymous bearer token when challenged, and sends it only to the registry", async () => {
    const seen: { path: string; authorization: string | undefined }[] = [];
    const front = await startHttpServer(async (req, res) => {
      seen.push({ path: req.url ?? "", authorization: req.headers.authorization });
      if (req.url?.startsWith("/token")) {
        const url = new URL(req.url, "http://x");
        res.setHeader("Content-Type", "application/json");
        res.end(JSON.stringify({ token: `anon-${url.searchParams.get("scope")}`, expires_in: 300 }));
        return;
      }
      if (req.headers.authorization !== "Bearer anon-repository:multi:pull") {
        res.statusCode = 401;
        res.setHeader("WWW-Authenticate", `Bearer realm="http://${front.host}/token",service="front",scope="repository:multi:pull"`);
        res.end("{}");
        return;
      }
      // Authorised: relay to the real registry.
      const upstream = await fetch(`${registry.url}${req.url}`, { headers: { Accept: String(req.headers.accept) } });
      res.statusCode = upstream.status;
      res.setHeader("Content-Type", upstream.headers.get("content-type") ?? "application/json");
      res.end(Buffer.from(await upstream.arrayBuffer()));
    });
    try {
      const client = new RegistryClient({ transport: nodeHttpTransport });
      assert.deepStrictEqual(sizes(await client.imageSize(ref(`${front.host}/multi:1`))), [
        ["linux/amd64", expected.amd],
        ["linux/arm64", expected.arm],
      ]);
      const tokenRequests = seen.filter((s) => s.path.startsWith("/token"));
      assert.strictEqual(tokenRequests.length, 1, "the token is reused for the platform manifests");
      assert.strictEqual(tokenRequests[0].authorization, undefined, "the token request is anonymous");
      assert.match(tokenRequests[0].path, /service=front/);
    } finally {
      await front.stop();
    }
  });
});

describe("registry: misbehaving servers cost bounded time and memory", function () {
  this.timeout(30_000);

  it("garbage instead of JSON", async () => {
    const server = await startHttpServer((_req, res) => {
      res.setHeader("Content-Type", "text/html");
      res.end("<html>\u0000\u0001 not a registry at all</html>");
    });
    try {
      const client = new RegistryClient({ transport: nodeHttpTransport });
      assert.strictEqual(
        reasonOf(await client.imageSize(ref(`${server.host}/app:1`))),
        `${server.host} answered with something that is not JSON ('<html> not a registry at all</html>')`,
      );
    } finally {
      await server.stop();
    }
  });

  it("a body that never ends is cut at the size cap", async () => {
    let written = 0;
    const server = await startHttpServer((_req, res) => {
      res.setHeader("Content-Type", "application/json");
      const chunk = Buffer.alloc(64 * 1024, 0x20);
      const pump = () => {
        while (!res.destroyed && written < 512 * 1024 * 1024) {
          written += chunk.length;
          if (!res.write(chunk)) return res.once("drain", pump);
        }
        res.end();
      };
      res.on("close", () => undefined);
      pump();
    });
    try {
      const client = new RegistryClient({ transport: nodeHttpTransport, maxBytes: 1_000_000 });
      const started = Date.now();
      const reason = reasonOf(await client.imageSize(ref(`${server.host}/app:1`)));
      assert.strictEqual(reason, `${server.host}: response larger than 1 MB`);
      assert.ok(Date.now() - started < 5000, `took ${Date.now() - started} ms`);
      await new Promise((r) => setTimeout(r, 100));
      assert.ok(written < 64 * 1024 * 1024, `the server could push ${written} bytes`);
    } finally {
      await server.stop();
    }
  });

  it("a declared huge body is refused before it is read", async () => {
    const server = await startHttpServer((_req, res) => {
      res.writeHead(200, { "Content-Type": "application/json", "Content-Length": String(3_000_000_000) });
      res.write("{");
    });
    try {
      const client = new RegistryClient({ transport: nodeHttpTransport });
      assert.strictEqual(reasonOf(await client.imageSize(ref(`${server.host}/app:1`))), `${server.host}: response larger than 2 MB (declared 3000 MB)`);
    } finally {
      await server.stop();
    }
  });

  it("a server that never answers times out", async () => {
    const server = await startHttpServer(() => undefined);
    try {
      const client = new RegistryClient({ transport: nodeHttpTransport, timeoutMs: 500 });
      const started = Date.now();
      assert.strictEqual(reasonOf(await client.imageSize(ref(`${server.host}/app:1`))), `${server.host}: no complete answer within 0.5 s`);
      const elapsed = Date.now() - started;
      assert.ok(elapsed >= 450 && elapsed < 2000, `took ${elapsed} ms`);
    } finally {
      await server.stop();
    }
  });

  it("a server that trickles its body is held to the same deadline", async () => {
    const server = await startHttpServer((_req, res) => {
      res.writeHead(200, { "Content-Type": "application/json" });
      const timer = setInterval(() => (res.destroyed ? clearInterval(timer) : res.write(" ")), 50);
    });
    try {
      const client = new RegistryClient({ transport: nodeHttpTransport, timeoutMs: 700 });
      const started = Date.now();
      assert.match(reasonOf(await client.imageSize(ref(`${server.host}/app:1`))), /no complete answer within 0\.7 s/);
      assert.ok(Date.now() - started < 2000);
    } finally {
      await server.stop();
    }
  });

  it("a closed port is a one-line reason", async () => {
    const server = await startHttpServer(() => undefined);
    const host = server.host;
    await server.stop();
    const client = new RegistryClient({ transport: nodeHttpTransport });
    assert.strictEqual(reasonOf(await client.imageSize(ref(`${host}/app:1`))), `${host}: connection refused`);
  });

  it("a redirect to plain HTTP off this machine is refused", async () => {
    const server = await startHttpServer((_req, res) => {
      res.writeHead(307, { Location: "http://registry.example.com/v2/app/manifests/1" });
      res.end();
    });
    try {
      const client = new RegistryClient({ transport: nodeHttpTransport });
      assert.strictEqual(
        reasonOf(await client.imageSize(ref(`${server.host}/app:1`))),
        "refusing http://registry.example.com: only HTTPS, or plain HTTP to this machine",
      );
    } finally {
      await server.stop();
    }
  });

  it("keeps at most four requests in flight", async () => {
    let open = 0;
    let peak = 0;
    const server = await startHttpServer((_req, res) => {
      open++;
      peak = Math.max(peak, open);
      setTimeout(() => {
        open--;
        res.writeHead(404);
        res.end();
      }, 100);
    });
    try {
      const client = new RegistryClient({ transport: nodeHttpTransport });
      const results = await Promise.all(Array.from({ length: 12 }, (_, i) => client.imageSize(ref(`${server.host}/app:${i}`))));
      assert.ok(results.every((r) => !r.ok));
      assert.strictEqual(peak, 4);
    } finally {
      await server.stop();
    }
  });
});
