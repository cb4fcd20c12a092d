// A real registry for the live-lookup tests: Debian's `docker-registry` (distribution 2.8) started on
// a free loopback port with a temp config and storage, images pushed through its HTTP API (blobs
// and manifests written directly, so no container engine is needed), plus a misbehaving HTTP server.

import { ChildProcess, execFileSync, spawn, spawnSync } from "child_process";
import { createHash } from "crypto";
import { mkdtempSync, rmSync, writeFileSync } from "fs";
import * as http from "http";
import { AddressInfo, createServer } from "net";
import { tmpdir } from "os";
import { join } from "path";

export const REGISTRY_BINARY = "docker-registry";

/** True when the registry binary is installed (scripts/ci-install-registry-deps.sh installs it). */
export function hasRegistryBinary(): boolean {
  return spawnSync("sh", ["-c", `command -v ${REGISTRY_BINARY}`]).status === 0;
}

/** Skips the suite with a clear message when the registry is not installed. */
export function requireRegistry(context: Mocha.Context): void {
  if (!hasRegistryBinary()) {
    console.log(`    (skipped: '${REGISTRY_BINARY}' is not installed; run scripts/ci-install-registry-deps.sh as root)`);
    context.skip();
  }
}

async function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.once("error", reject);
    server.listen(0, "127.0.0.1", () => {
      const { port } = server.address() as AddressInfo;
      server.close(() => resolve(port));
    });
  });
}

export interface RunningRegistry {
  host: string;
  url: string;
  stop(): Promise<void>;
  /** Authorization header for pushes to a basic-auth registry. */
  pushAuth: Record<string, string>;
}

export interface RegistryOptions {
  /** Require HTTP Basic auth with this user (password `secret`). */
  basicAuthUser?: string;
}

export async function startRegistry(options: RegistryOptions = {}): Promise<RunningRegistry> {
  const dir = mkdtempSync(join(tmpdir(), "stagecraft-registry-"));
  const port = await freePort();
  const lines = [
    "version: 0.1",
    "log:",
    "  level: error",
    "storage:",
    "  filesystem:",
    `    rootdirectory: ${join(dir, "data")}`,
    "http:",
    `  addr: 127.0.0.1:${port}`,
  ];
  let pushAuth: Record<string, string> = {};
  if (options.basicAuthUser) {
    const htpasswd = execFileSync("htpasswd", ["-Bbn", options.basicAuthUser, "secret"]).toString();
    writeFileSync(join(dir, "htpasswd"), htpasswd);
    lines.push("auth:", "  htpasswd:", "    realm: stagecraft-test", `    path: ${join(dir, "htpasswd")}`);
    pushAuth = { Authorization: `Basic ${Buffer.from(`${options.basicAuthUser}:secret`).toString("base64")}` };
  }
  writeFileSync(join(dir, "config.yml"), `${lines.join("\n")}\n`);
  const child: ChildProcess = spawn(REGISTRY_BINARY, ["serve", join(dir, "config.yml")], { stdio: ["ignore", "ignore", "pipe"] });
  let stderr = "";
  child.stderr?.on("data", (c: Buffer) => (stderr += c.toString()));
  const url = `http://127.0.0.1:${port}`;
  const deadline = Date.now() + 10_000;
  for (;;) {
    try {
      const res = await fetch(`${url}/v2/`);
      if (res.status === 200 || res.status === 401) break;
    } catch {
      // Not listening yet; retried until the deadline.
    }
    if (child.exitCode !== null || Date.now() > deadline) {
      child.kill();
      throw new Error(`docker-registry did not start: ${stderr}`);
    }
    await new Promise((r) => setTimeout(r, 50));
  }
  return {
    host: `127.0.0.1:${port}`,
    url,
    pushAuth,
    async stop() {
      if (child.exitCode === null) {
        const exited = new Promise((r) => child.once("exit", r));
        child.kill();
        await exited;
      }
      rmSync(dir, { recursive: true, force: true });
    },
  };
}

export interface Descriptor {
  mediaType: string;
  digest: string;
  size: number;
  platform?: { os: string; architecture: string; variant?: string };
  annotations?: Record<string, string>;
}

function digestOf(data: Buffer): string {
  return `sha256:${createHash("sha256").update(data).digest("hex")}`;
}

/** Uploads a blob (monolithic upload) and returns its descriptor. */
export async function pushBlob(registry: RunningRegistry, repository: string, data: Buffer, mediaType: string): Promise<Descriptor> {
  const digest = digestOf(data);
  const start = await fetch(`${registry.url}/v2/${repository}/blobs/uploads/`, { method: "POST", headers: registry.pushAuth });
  if (start.status !== 202) throw new Error(`upload start: ${start.status} ${await start.text()}`);
  const location = new URL(start.headers.get("location") as string, registry.url);
  location.searchParams.set("digest", digest);
  const put = await fetch(location, { method: "PUT", headers: { ...registry.pushAuth, "Content-Type": "application/octet-stream" }, body: data });
  if (put.status !== 201) throw new Error(`upload: ${put.status} ${await put.text()}`);
  return { mediaType, digest, size: data.length };
}

/** Puts a manifest under `reference` (tag or digest) and returns its descriptor. */
export async function pushManifest(registry: RunningRegistry, repository: string, reference: string, manifest: object, mediaType: string): Promise<Descriptor> {
  const body = Buffer.from(JSON.stringify(manifest));
  const res = await fetch(`${registry.url}/v2/${repository}/manifests/${reference}`, {
    method: "PUT",
    headers: { ...registry.pushAuth, "Content-Type": mediaType },
    body,
  });
  if (res.status !== 201) throw new Error(`manifest ${repository}:${reference}: ${res.status} ${await res.text()}`);
  return { mediaType, digest: digestOf(body), size: body.length };
}

/** Random bytes standing in for a gzip layer (the registry only checks digests). */
export function layerBytes(size: number, seed: string): Buffer {
  const out = Buffer.alloc(size);
  let block = createHash("sha256").update(seed).digest();
  for (let i = 0; i < size; i += block.length) {
    block.copy(out, i, 0, Math.min(block.length, size - i));
    block = createHash("sha256").update(block).digest();
  }
  return out;
}

export const OCI = {
  index: "application/vnd.oci.image.index.v1+json",
  manifest: "application/vnd.oci.image.manifest.v1+json",
  config: "application/vnd.oci.image.config.v1+json",
  layer: "application/vnd.oci.image.layer.v1.tar+gzip",
};
export const DOCKER = {
  list: "application/vnd.docker.distribution.manifest.list.v2+json",
  manifest: "application/vnd.docker.distribution.manifest.v2+json",
  config: "application/vnd.docker.container.image.v1+json",
  layer: "application/vnd.docker.image.rootfs.diff.tar.gzip",
};

/** Pushes one image (config + layers) for a platform; returns its manifest descriptor and layer total. */
export async function pushImage(
  registry: RunningRegistry,
  repository: string,
  reference: string,
  platform: { os: string; architecture: string; variant?: string },
  layerSizes: number[],
  format: "oci" | "docker" = "oci",
): Promise<{ descriptor: Descriptor; layerTotal: number }> {
  const types =
    format === "oci"
      ? { manifest: OCI.manifest, config: OCI.config, layer: OCI.layer }
      : { manifest: DOCKER.manifest, config: DOCKER.config, layer: DOCKER.layer };
  const config = await pushBlob(
    registry,
    repository,
    Buffer.from(JSON.stringify({ ...platform, rootfs: { type: "layers", diff_ids: [] }, config: {} })),
    types.config,
  );
  const layers: Descriptor[] = [];
  for (const [i, size] of layerSizes.entries())
    layers.push(await pushBlob(registry, repository, layerBytes(size, `${repository}-${reference}-${platform.architecture}-${i}`), types.layer));
  const manifest = { schemaVersion: 2, mediaType: types.manifest, config, layers };
  const descriptor = await pushManifest(registry, repository, reference, manifest, types.manifest);
  return { descriptor: { ...descriptor, platform }, layerTotal: layerSizes.reduce((a, b) => a + b, 0) };
}

/** A BuildKit-style attestation manifest for `subject` (platform unknown/unknown). */
export async function pushAttestation(registry: RunningRegistry, repository: string, subject: Descriptor): Promise<Descriptor> {
  const statement = await pushBlob(
    registry,
    repository,
    Buffer.from(JSON.stringify({ _type: "https://in-toto.io/Statement/v0.1", predicateType: "https://slsa.dev/provenance/v0.2" })),
    "application/vnd.in-toto+json",
  );
  const config = await pushBlob(
    registry,
    repository,
    Buffer.from(JSON.stringify({ architecture: "unknown", os: "unknown", config: {}, rootfs: { type: "layers", diff_ids: [] } })),
    OCI.config,
  );
  const manifest = {
    schemaVersion: 2,
    mediaType: OCI.manifest,
    config,
    layers: [{ ...statement, annotations: { "in-toto.io/predicate-type": "https://slsa.dev/provenance/v0.2" } }],
  };
  // Pushed by digest, untagged, as BuildKit does.
  const descriptor = await pushManifest(registry, repository, digestOf(Buffer.from(JSON.stringify(manifest))), manifest, OCI.manifest);
  return {
    ...descriptor,
    platform: { os: "unknown", architecture: "unknown" },
    annotations: { "vnd.docker.reference.type": "attestation-manifest", "vnd.docker.reference.digest": subject.digest },
  };
}

export interface MisbehavingServer {
  host: string;
  stop(): Promise<void>;
}

/** A loopback HTTP server that answers every request with `handler`. */
export async function startHttpServer(handler: http.RequestListener): Promise<MisbehavingServer> {
  const sockets = new Set<import("net").Socket>();
  const server = http.createServer(handler);
  server.on("connection", (s) => {
    sockets.add(s);
    s.on("close", () => sockets.delete(s));
  });
  await new Promise<void>((r) => server.listen(0, "127.0.0.1", r));
  const { port } = server.address() as AddressInfo;
  return {
    host: `127.0.0.1:${port}`,
    stop: () =>
      new Promise<void>((r) => {
        for (const s of sockets) s.destroy();
        server.close(() => r());
      }),
  };
}
