// The server as it ships (dist/server, minified, its chunks in files of their own beside it), not the
// tests' bundle: a chunk that loads but exports nothing only shows in the shipped build (the apt
// Recommends table once did, and run-apt-get-recommends failed on every file in the editor while the
// CLI and the tests' bundle were right).

import * as assert from "assert";
import { execFileSync } from "child_process";
import { existsSync, mkdtempSync, readdirSync, readFileSync, rmSync } from "fs";
import { tmpdir } from "os";
import { join, resolve } from "path";
import { pathToFileURL } from "url";
import { assertNextRunUsesCache } from "../support/compile-cache-use";
import { LspClient, workspaceFolder } from "../support/lsp-client";

const REPO = resolve(__dirname, "..", "..");
const SHIPPED = join(REPO, "dist", "server", "node.js");

describe("lsp: the shipped server (dist/server)", function () {
  this.timeout(120000);

  before(function () {
    // `npm test` builds first; run alone, this builds what ships.
    if (!existsSync(SHIPPED)) execFileSync(process.execPath, [join(REPO, "scripts", "build.mjs")], { cwd: REPO, stdio: "ignore" });
  });

  it("has every chunk beside it, each exporting what the server reads from it", async () => {
    const { SERVER_CHUNK_FILES } = (await import(pathToFileURL(join(REPO, "scripts", "server-chunks.mjs")).href)) as {
      SERVER_CHUNK_FILES: { file: string; exports: string[] }[];
    };
    for (const { file, exports } of SERVER_CHUNK_FILES) {
      const path = join(REPO, "dist", "server", file);
      assert.ok(existsSync(path), `dist/server/${file} is missing`);
      // eslint-disable-next-line @typescript-eslint/no-require-imports
      const loaded = require(path) as Record<string, unknown>;
      for (const name of exports) assert.ok(loaded[name] !== undefined && loaded[name] !== null, `dist/server/${file} does not export '${name}'`);
    }
  });

  it("loads its chunks with require, never import(), which a bundle run from the compile cache cannot use", () => {
    const server = readFileSync(join(REPO, "dist", "server", "node-server.js"), "utf8");
    const dynamicImports = server.match(/\bimport\(\s*["'`][^"'`]*["'`]\s*\)/g) ?? [];
    assert.deepStrictEqual(dynamicImports, []);
  });

  it("saves its compiled code once, and starts from it the next time", async () => {
    const cache = mkdtempSync(join(tmpdir(), "stagecraft-shipped-cache-"));
    try {
      const env = { STAGECRAFT_COMPILE_CACHE: cache };
      await (await LspClient.start({ serverPath: SHIPPED, env })).stop();
      let again!: LspClient;
      await assertNextRunUsesCache(cache, "node-server", async () => {
        again = await LspClient.start({ serverPath: SHIPPED, env });
        await again.stop();
      });
      assert.strictEqual(again.stderr, "");
    } finally {
      rmSync(cache, { recursive: true, force: true });
    }
  });

  it("ships bundles of ASCII alone, which V8 keeps as one byte per character", () => {
    // One non-ASCII character (an en dash in a regular expression once) makes V8 hold the whole
    // source as two bytes per character, and scan it slower at every start.
    for (const file of [...readdirSync(join(REPO, "dist", "server")).map((name) => join("server", name)), "cli.js", "cli-main.js"].filter((f) =>
      f.endsWith(".js"),
    )) {
      const bytes = readFileSync(join(REPO, "dist", file));
      const first = bytes.findIndex((byte) => byte > 0x7f);
      assert.strictEqual(first, -1, `dist/${file} has a non-ASCII byte at ${first}: ${bytes.subarray(Math.max(0, first - 40), first + 10).toString()}`);
    }
  });

  it("reports findings that need the apt table and a compose file, with no rule failing", async () => {
    const ws = workspaceFolder({ "compose.yaml": "services:\n  tools:\n    build:\n      context: .\n      target: tools\n" });
    const client = await LspClient.start({ serverPath: SHIPPED, workspaceFolders: [ws.uri("")] });
    try {
      client.settings = { imageSize: { online: false }, shellcheck: { path: "" } };
      const uri = ws.uri("Dockerfile");
      const text =
        "FROM debian:bookworm AS tools\nRUN echo tools\n\nFROM debian:bookworm-slim\nRUN apt-get update && apt-get install -y curl && rm -rf /var/lib/apt/lists/*\n";
      await client.open(uri, text);
      const published = await client.waitForDiagnostics(uri, () => true, 20000);
      const messages = published.diagnostics.map((d) => `${String(d.code)}: ${d.message}`);
      // The table names what the flag keeps out (curl recommends ca-certificates, which the app may need).
      assert.ok(
        messages.some((m) => m.startsWith("run-apt-get-recommends:") && m.includes("ca-certificates")),
        messages.join("\n"),
      );
      // compose.yaml builds `tools` with --target: not an unused stage.
      assert.ok(!messages.some((m) => m.startsWith("stage-unused:")), messages.join("\n"));
      const failures = [...client.logs, client.stderr].filter((line) => /failed/.test(line));
      assert.deepStrictEqual(failures, []);
    } finally {
      await client.stop();
    }
  });
});
