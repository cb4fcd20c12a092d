// Hovers over LSP on images in a real loopback registry: exact sizes from the registry, the source
// line, the persisted cache, trust, and a registry that demands a password.

import * as assert from "assert";
import { existsSync, mkdtempSync, readFileSync, rmSync } from "fs";
import { tmpdir } from "os";
import { join } from "path";
import type { CompletionItem, Hover, InlayHint, MarkupContent } from "vscode-languageserver/node";
import { CACHE_FILE_NAME } from "../../server/src/host/registry-store";
import { formatSize } from "../../server/src/images/format-size";
import { buildServer, LspClient, positionOf, workspaceFolder } from "../support/lsp-client";
import { DOCKER, pushAttestation, pushImage, pushManifest, requireRegistry, RunningRegistry, startRegistry } from "./support";
import { escapeRegExp } from "../../server/src/model/text";

const ONLINE = { imageSize: { online: true, exactBytes: true } };
const exact = (bytes: number) => `${bytes.toLocaleString("en-US")} bytes`;

describe("registry: hovers over LSP on a loopback registry", function () {
  this.timeout(60_000);
  let registry: RunningRegistry;
  let secured: RunningRegistry;
  let client: LspClient;
  let cacheDir: string;
  const ws = workspaceFolder({});
  let counter = 0;
  let single = 0;
  let amd = 0;
  let arm = 0;

  before(async function () {
    requireRegistry(this);
    [registry, secured] = await Promise.all([startRegistry(), startRegistry({ basicAuthUser: "ci" })]);
    single = (await pushImage(registry, "app", "1", { os: "linux", architecture: "amd64" }, [31_337, 2_048_000])).layerTotal;
    const a = await pushImage(registry, "multi", "amd", { os: "linux", architecture: "amd64" }, [40_000, 1_234]);
    const b = await pushImage(registry, "multi", "arm", { os: "linux", architecture: "arm64", variant: "v8" }, [39_000]);
    [amd, arm] = [a.layerTotal, b.layerTotal];
    const attestation = await pushAttestation(registry, "multi", a.descriptor);
    await pushManifest(registry, "multi", "2", { schemaVersion: 2, mediaType: DOCKER.list, manifests: [a.descriptor, b.descriptor, attestation] }, DOCKER.list);
    await pushImage(secured, "private", "1", { os: "linux", architecture: "amd64" }, [10]);
    await buildServer();
    cacheDir = mkdtempSync(join(tmpdir(), "stagecraft-cache-"));
    client = await LspClient.start({ initializationOptions: { isTrusted: true, cacheDir } });
    client.settings = ONLINE;
  });

  after(async () => {
    await client?.stop();
    await registry?.stop();
    await secured?.stop();
    if (cacheDir) rmSync(cacheDir, { recursive: true, force: true });
  });

  async function hoverWith(lsp: LspClient, text: string, needle: string): Promise<string> {
    const uri = ws.uri(`Dockerfile.${++counter}`);
    await lsp.open(uri, text);
    const result = await lsp.request<Hover | null>("textDocument/hover", { textDocument: { uri }, position: positionOf(text, needle, 1) });
    assert.ok(result, `no hover on '${needle}'`);
    return (result.contents as MarkupContent).value;
  }

  it("FROM 127.0.0.1:<port>/app:1 shows the registry's exact size and where it came from", async () => {
    const value = await hoverWith(client, `FROM ${registry.host}/app:1\n`, "127");
    assert.ok(value.includes(`| linux/amd64 | ${formatSize(single)} (${exact(single)}) |`), value);
    assert.match(value, new RegExp(`\\*Source: live from ${escapeRegExp(registry.host)} at \\d{4}-\\d{2}-\\d{2} \\d{2}:\\d{2} UTC\\.\\*`));
  });

  it("a multi-platform list: both platforms to the byte, the attestation ignored", async () => {
    const value = await hoverWith(client, `ARG REGISTRY=${registry.host}\nFROM \${REGISTRY}/multi:2\n`, "${REGISTRY}");
    assert.ok(value.includes(`| linux/amd64 | ${formatSize(amd)} (${exact(amd)}) |`), value);
    assert.ok(value.includes(`| linux/arm64 | ${formatSize(arm)} (${exact(arm)}) |`), value);
    assert.doesNotMatch(value, /unknown/);
  });

  it("keeps the answer in the cache folder the client names", async () => {
    const file = join(cacheDir, CACHE_FILE_NAME);
    assert.ok(existsSync(file), "cache file written");
    const cached = JSON.parse(readFileSync(file, "utf8")) as { entries: Record<string, { result: { ok: boolean } }> };
    assert.ok(cached.entries[`size ${registry.host}/app:1`]?.result.ok);
  });

  it("a registry that wants a password: the hover explains, no credentials sent", async () => {
    const value = await hoverWith(client, `FROM ${secured.host}/private:1\n`, "127");
    assert.ok(
      value.includes(`no size: live lookup failed: ${secured.host} asks for a user name and password (HTTP Basic auth); Stagecraft never sends credentials`),
      value,
    );
  });

  it("completes tags from the registry when live lookups are on", async () => {
    const text = `FROM ${registry.host}/multi:\n`;
    const uri = ws.uri(`Dockerfile.${++counter}`);
    await client.open(uri, text);
    const items = await client.request<CompletionItem[]>("textDocument/completion", {
      textDocument: { uri },
      position: { line: 0, character: text.length - 1 },
    });
    assert.deepStrictEqual(items.map((i) => i.label).sort(), ["2", "amd", "arm"]);
    assert.strictEqual(items[0].detail, `listed by ${registry.host}`);
  });

  it("stays offline until the workspace is trusted, then looks up", async () => {
    const untrusted = await LspClient.start({ initializationOptions: { isTrusted: false } });
    try {
      untrusted.settings = ONLINE;
      const text = `FROM ${registry.host}/app:1\n`;
      assert.match(await hoverWith(untrusted, text, "127"), /live lookups are off: the workspace is not trusted/i);
      await untrusted.connection.sendNotification("stagecraft/didGrantWorkspaceTrust", { isTrusted: true });
      assert.ok((await hoverWith(untrusted, text, "127")).includes(exact(single)));
    } finally {
      await untrusted.stop();
    }
  });

  it("size inlay hints look up what is not cached, then ask the editor to refresh", async () => {
    const text = `FROM ${registry.host}/multi:amd\n`;
    const uri = ws.uri(`Dockerfile.${++counter}`);
    const hinting = await LspClient.start({ initializationOptions: { isTrusted: true } });
    try {
      hinting.settings = { imageSize: { online: true, inlayHints: true } };
      await hinting.open(uri, text);
      const range = { start: { line: 0, character: 0 }, end: { line: 1, character: 0 } };
      const before = hinting.inlayHintRefreshes;
      // Never waits for the registry: nothing is known yet, so no hint.
      assert.deepStrictEqual(await hinting.request<InlayHint[]>("textDocument/inlayHint", { textDocument: { uri }, range }), []);
      await hinting.waitForInlayHintRefresh(before);
      const hints = await hinting.request<InlayHint[]>("textDocument/inlayHint", { textDocument: { uri }, range });
      assert.deepStrictEqual(
        hints.map((h) => h.label),
        [formatSize(amd)],
      );
      assert.match(JSON.stringify(hints[0].tooltip), /live from the registry/);
    } finally {
      await hinting.stop();
    }
  });

  it("honours stagecraft.imageSize.online = false", async () => {
    client.settings = { imageSize: { online: false } };
    await client.connection.sendNotification("workspace/didChangeConfiguration", { settings: {} });
    try {
      assert.match(await hoverWith(client, `FROM ${registry.host}/app:2\n`, "127"), /live lookups are off: stagecraft\.imageSize\.online is false/i);
    } finally {
      client.settings = ONLINE;
      await client.connection.sendNotification("workspace/didChangeConfiguration", { settings: {} });
    }
  });
});
