// Image-hover benchmark: (1) hover latency from the built-in facts, in the engine and over LSP
// through the real server (p50/p95); (2) a live lookup against a real loopback registry, cold
// (new client: token-free manifest fetches) versus cached (memory) versus a restart with the
// persisted cache. Run: npm run bench:hover. Part 2 is skipped when docker-registry is absent.

import { mkdtempSync, rmSync } from "fs";
import { tmpdir } from "os";
import { join } from "path";
import { performance } from "perf_hooks";
import { fileStore } from "../server/src/host/registry-store";
import { nodeHttpTransport } from "../server/src/host/registry-transport";
import { hoverContentAt } from "../server/src/images/hover-content";
import type { LiveAccess } from "../server/src/images/image-size";
import { parseImageReference } from "../server/src/images/reference";
import { RegistryClient } from "../server/src/images/registry/client";
import { renderHover } from "../server/src/lsp/hover";
import { UNKNOWN_CONTEXT } from "../server/src/model/context";
import { parseDockerfile } from "../server/src/model/parse";
import { buildServer, LspClient, positionOf, workspaceFolder } from "../test/support/lsp-client";
import { hasRegistryBinary, pushImage, pushManifest, startRegistry } from "../test/registry/support";

const OFFLINE: LiveAccess = { isOn: false, reason: "benchmark" };
const DOCKERFILE = [
  "ARG NODE=24",
  "FROM node:${NODE} AS deps",
  "RUN npm ci",
  "FROM golang:1.26-alpine AS build",
  "RUN go build",
  "FROM python:3.12-slim",
  "COPY --from=build /app /app",
  "COPY --from=deps /node_modules /node_modules",
  "FROM node:23-alpine",
  "",
].join("\n");
const TARGETS = ["node:${NODE}", "golang:", "python:", "=build", "=deps", "node:23"];

function percentile(samples: number[], p: number): number {
  const sorted = [...samples].sort((a, b) => a - b);
  return sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))];
}

const ms = (v: number) => `${v.toFixed(v < 1 ? 3 : 1)} ms`;

async function engineHover(iterations: number): Promise<number[]> {
  const model = parseDockerfile(DOCKERFILE, UNKNOWN_CONTEXT);
  const samples: number[] = [];
  for (let i = 0; i < iterations; i++) {
    const position = positionOf(DOCKERFILE, TARGETS[i % TARGETS.length], 1);
    const start = performance.now();
    const content = await hoverContentAt(model, position, OFFLINE);
    if (!content) throw new Error(`no hover at ${JSON.stringify(position)}`);
    renderHover(content, { markdown: true, exactBytes: false });
    samples.push(performance.now() - start);
  }
  return samples;
}

async function lspHover(iterations: number): Promise<number[]> {
  await buildServer();
  const client = await LspClient.start();
  client.settings = { imageSize: { online: false } };
  const uri = workspaceFolder({}).uri("Dockerfile");
  await client.open(uri, DOCKERFILE);
  const samples: number[] = [];
  try {
    for (let i = 0; i < iterations; i++) {
      const position = positionOf(DOCKERFILE, TARGETS[i % TARGETS.length], 1);
      const start = performance.now();
      await client.request("textDocument/hover", { textDocument: { uri }, position });
      samples.push(performance.now() - start);
    }
  } finally {
    await client.stop();
  }
  return samples;
}

async function liveLookups(rounds: number): Promise<void> {
  if (!hasRegistryBinary()) {
    console.log("live lookups: skipped (docker-registry is not installed; scripts/ci-install-registry-deps.sh)");
    return;
  }
  const registry = await startRegistry();
  const cacheDir = mkdtempSync(join(tmpdir(), "stagecraft-bench-cache-"));
  try {
    const amd = await pushImage(registry, "bench", "amd", { os: "linux", architecture: "amd64" }, [50_000, 20_000]);
    const arm = await pushImage(registry, "bench", "arm", { os: "linux", architecture: "arm64" }, [48_000]);
    await pushManifest(
      registry,
      "bench",
      "1",
      { schemaVersion: 2, mediaType: "application/vnd.oci.image.index.v1+json", manifests: [amd.descriptor, arm.descriptor] },
      "application/vnd.oci.image.index.v1+json",
    );
    const ref = parseImageReference(`${registry.host}/bench:1`);
    if (!ref) throw new Error("bad reference");
    const cold: number[] = [];
    const cached: number[] = [];
    const restarted: number[] = [];
    for (let i = 0; i < rounds; i++) {
      const store = fileStore(join(cacheDir, String(i)));
      const client = new RegistryClient({ transport: nodeHttpTransport, store });
      let start = performance.now();
      const first = await client.imageSize(ref);
      cold.push(performance.now() - start);
      if (!first.ok) throw new Error(first.reason);
      start = performance.now();
      await client.imageSize(ref);
      cached.push(performance.now() - start);
      const fresh = new RegistryClient({ transport: nodeHttpTransport, store: fileStore(join(cacheDir, String(i))) });
      start = performance.now();
      await fresh.imageSize(ref);
      restarted.push(performance.now() - start);
    }
    console.log(`live lookup, index + 2 platform manifests on a loopback docker-registry (${rounds} rounds):`);
    console.log(`  cold (3 requests)         p50 ${ms(percentile(cold, 50))}  p95 ${ms(percentile(cold, 95))}`);
    console.log(`  cached in memory          p50 ${ms(percentile(cached, 50))}  p95 ${ms(percentile(cached, 95))}`);
    console.log(`  after restart (disk cache) p50 ${ms(percentile(restarted, 50))}  p95 ${ms(percentile(restarted, 95))}`);
  } finally {
    await registry.stop();
    rmSync(cacheDir, { recursive: true, force: true });
  }
}

async function main(): Promise<void> {
  await engineHover(300); // warm-up: JIT and the facts table's first use
  const engine = await engineHover(3000);
  console.log(
    `hover from facts, engine (hoverContentAt + render, ${engine.length} hovers): p50 ${ms(percentile(engine, 50))}  p95 ${ms(percentile(engine, 95))}  max ${ms(Math.max(...engine))}`,
  );
  const lsp = await lspHover(600);
  const steady = lsp.slice(60);
  console.log(
    `hover from facts, over LSP stdio (real server, ${steady.length} requests after 60 warm-up): p50 ${ms(percentile(steady, 50))}  p95 ${ms(percentile(steady, 95))}  max ${ms(Math.max(...steady))}`,
  );
  await liveLookups(30);
}

main().then(
  () => process.exit(0),
  (error: unknown) => {
    console.error(error);
    process.exit(1);
  },
);
