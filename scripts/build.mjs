// Bundles the extension client, the language server (node + web worker) and the CLI with esbuild.
// `node scripts/build.mjs` builds minified bundles without source maps (what ships);
// `--dev` keeps them readable with external source maps; `--watch` implies `--dev` and rebuilds on change.
// Run `node scripts/generate-rule-index.mjs` first (the `build` npm script does).

import * as esbuild from "esbuild";
import { existsSync, rmSync, statSync } from "node:fs";
import { dirname, join, relative } from "node:path";
import { fileURLToPath } from "node:url";
import { SERVER_CHUNK_FILES, serverChunks } from "./server-chunks.mjs";

const root = join(dirname(fileURLToPath(import.meta.url)), "..");
const watch = process.argv.includes("--watch");
const dev = watch || process.argv.includes("--dev");

/** Entry points: source -> bundle, with the platform each runs on. */
const bundles = [
  { entry: "client/src/extension.ts", outfile: "dist/client/extension.js", platform: "node", format: "cjs", external: ["vscode"] },
  { entry: "client/src/browser.ts", outfile: "dist/client/browser.js", platform: "browser", format: "cjs", external: ["vscode"] },
  // The server process's entry: V8 settings, then node-server.js through the compile cache.
  { entry: "server/src/lsp/node-entry.ts", outfile: "dist/server/node.js", platform: "node", format: "cjs" },
  { entry: "server/src/lsp/node.ts", outfile: "dist/server/node-server.js", platform: "node", format: "cjs", chunks: true },
  // dockerfile-utils validation and dockerfile-language-service requests under a time budget, loaded by node.js from beside it.
  { entry: "server/src/host/syntax-worker.ts", outfile: "dist/server/syntax-worker.js", platform: "node", format: "cjs" },
  // The server's chunks (server-chunks.mjs), loaded by node.js from beside it.
  ...SERVER_CHUNK_FILES.map(({ entry, file, copy }) => ({ entry, outfile: `dist/server/${file}`, platform: "node", format: "cjs", copy })),
  {
    entry: "server/src/lsp/browser.ts",
    outfile: "dist/server/browser.js",
    platform: "browser",
    format: "iife",
    // dockerfile-language-service requires Node's `https` at load time; the worker gets a stand-in.
    alias: { https: "./server/src/host/browser-https.ts" },
    // dockerfile-ast uses the global `Buffer` when parsing; a web worker has none.
    inject: ["./server/src/host/browser-buffer.ts"],
  },
  // The same under a time budget in the browser: a worker nested in browser.js's, whose URL the web client sends.
  {
    entry: "server/src/host/browser-syntax-worker.ts",
    outfile: "dist/server/browser-syntax-worker.js",
    platform: "browser",
    format: "iife",
    alias: { https: "./server/src/host/browser-https.ts" },
    inject: ["./server/src/host/browser-buffer.ts"],
  },
  // The CLI's entry: V8 settings, then cli-main.js through the compile cache.
  { entry: "server/src/cli-entry.ts", outfile: "dist/cli.js", platform: "node", format: "cjs" },
  { entry: "server/src/cli.ts", outfile: "dist/cli-main.js", platform: "node", format: "cjs" },
];

const missing = bundles.filter((b) => !existsSync(join(root, b.entry)));
if (missing.length > 0) {
  console.error(`build: missing entry point${missing.length > 1 ? "s" : ""}: ${missing.map((b) => b.entry).join(", ")}`);
  process.exit(1);
}

/** @returns {import("esbuild").BuildOptions} */
function optionsFor(bundle) {
  const isBrowser = bundle.platform === "browser";
  return {
    absWorkingDir: root,
    entryPoints: [bundle.entry],
    outfile: bundle.outfile,
    bundle: true,
    platform: bundle.platform,
    format: bundle.format,
    target: isBrowser ? "es2022" : "node20",
    external: bundle.external ?? [],
    alias: bundle.alias ?? {},
    inject: bundle.inject ?? [],
    plugins: bundle.chunks ? [serverChunks] : [],
    loader: bundle.copy ? { ".json": "copy" } : {},
    minify: !dev,
    sourcemap: dev ? "external" : false,
    // Browser bundles: libraries that test NODE_ENV must not reach for a `process` global.
    define: isBrowser ? { "process.env.NODE_ENV": JSON.stringify(dev ? "development" : "production") } : {},
    // vscode-languageserver/browser and friends ship a "browser" field; prefer it in the web builds.
    mainFields: isBrowser ? ["browser", "module", "main"] : ["module", "main"],
    logLevel: "warning",
  };
}

function formatSize(bytes) {
  return bytes >= 1024 * 1024 ? `${(bytes / 1024 / 1024).toFixed(2)} MB` : `${(bytes / 1024).toFixed(1)} kB`;
}

function printSizes() {
  for (const b of bundles) {
    const file = join(root, b.outfile);
    if (existsSync(file)) console.log(`  ${relative(root, file).padEnd(38)} ${formatSize(statSync(file).size).padStart(10)}`);
  }
}

if (watch) {
  const contexts = await Promise.all(
    bundles.map((b) =>
      esbuild.context({
        ...optionsFor(b),
        plugins: [
          ...optionsFor(b).plugins,
          { name: "report", setup: (build) => build.onEnd((r) => r.errors.length === 0 && console.log(`built ${b.outfile}`)) },
        ],
      }),
    ),
  );
  await Promise.all(contexts.map((c) => c.watch()));
  console.log("build: watching for changes (Ctrl+C to stop)");
} else {
  // Start clean: a production build must not ship source maps left by a --dev build.
  rmSync(join(root, "dist"), { recursive: true, force: true });
  try {
    await Promise.all(bundles.map((b) => esbuild.build(optionsFor(b))));
  } catch {
    // esbuild has already printed the errors with their locations.
    console.error("build: failed");
    process.exit(1);
  }
  console.log(`build: ${dev ? "development" : "production"} bundles`);
  printSizes();
}
