// `npm run test:desktop`: runs the workbench suite (test/vscode) in VS Code desktop through
// @vscode/test-electron, on the examples folder. test-electron downloads VS Code from
// update.code.visualstudio.com into .vscode-test/; where that is impossible (closed networks, this
// project's build machines) the run fails with a message saying so. `npm run test:web` runs the
// same suite without a download.
//
//   VSCODE_VERSION=1.91.1        version to download (default: the version the web run uses)
//   VSCODE_EXECUTABLE=/path/code  use an installed VS Code instead of downloading
//   --no-build                   reuse dist/ from an earlier build
//   TEST_DESKTOP_TIMEOUT         overall limit in seconds (default 600: the first run downloads ~100 MB)

import { join } from "node:path";
import { EXAMPLES, ROOT, buildExtension } from "./web-host.mjs";
import { bundleWorkbenchSuite } from "./workbench-suite.mjs";

const version = process.env.VSCODE_VERSION ?? "1.91.1";
const executable = process.env.VSCODE_EXECUTABLE;
const overallTimeoutSeconds = Number(process.env.TEST_DESKTOP_TIMEOUT ?? 600);
const SUITE_BUNDLE = join(ROOT, "out", "test-vscode-desktop", "index.js");

const overallTimer = setTimeout(() => {
  console.error(`test:desktop: no result after ${overallTimeoutSeconds} s; stopping.`);
  process.exit(1);
}, overallTimeoutSeconds * 1000);

if (!process.argv.includes("--no-build")) buildExtension();
await bundleWorkbenchSuite({ platform: "node", outfile: SUITE_BUNDLE });

const { downloadAndUnzipVSCode, runTests } = await import("@vscode/test-electron");

let vscodeExecutablePath = executable;
if (!vscodeExecutablePath) {
  try {
    vscodeExecutablePath = await downloadAndUnzipVSCode({ version, timeout: 15_000 });
  } catch (error) {
    console.error(`test:desktop: cannot get VS Code ${version} for the desktop run: ${describe(error)}
@vscode/test-electron downloads VS Code from update.code.visualstudio.com, and that download failed here.
Run the same suite in VS Code for the web instead (npm run test:web), or point VSCODE_EXECUTABLE at an installed VS Code.`);
    process.exit(1);
  }
}

try {
  const exitCode = await runTests({
    vscodeExecutablePath,
    extensionDevelopmentPath: ROOT,
    extensionTestsPath: SUITE_BUNDLE,
    // The examples workspace, and no other extension that could answer for Dockerfiles.
    launchArgs: [EXAMPLES, "--disable-extensions", "--skip-welcome", "--skip-release-notes"],
  });
  clearTimeout(overallTimer);
  console.log(exitCode === 0 ? "test:desktop: passed" : `test:desktop: FAILED (exit code ${exitCode})`);
  process.exit(exitCode === 0 ? 0 : 1);
} catch (error) {
  console.error(`test:desktop: FAILED: ${describe(error)}`);
  process.exit(1);
}

function describe(error) {
  return error instanceof Error ? error.message : String(error);
}
