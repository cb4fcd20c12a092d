// Bundles the workbench suite (test/vscode) into one CommonJS file for VS Code's extension host:
// `browser` for the web worker host (test:web), `node` for the desktop host (test:desktop).

import * as esbuild from "esbuild";
import { join } from "node:path";
import { ROOT } from "./web-host.mjs";

/**
 * @param {{ platform: "browser" | "node", outfile: string, entry?: string }} options  outfile must lie
 *   inside the extension development folder: the web host serves tests only from there. `entry`:
 *   another entry point with a `run()` (default test/vscode/index.ts, the suite).
 */
export async function bundleWorkbenchSuite({ platform, outfile, entry = "test/vscode/index.ts" }) {
  const isBrowser = platform === "browser";
  try {
    await esbuild.build({
      absWorkingDir: ROOT,
      entryPoints: [entry],
      outfile,
      bundle: true,
      platform,
      format: "cjs",
      target: isBrowser ? "es2022" : "node20",
      external: ["vscode"],
      mainFields: isBrowser ? ["browser", "module", "main"] : ["module", "main"],
      // No Node in a web worker: `assert` resolves to the npm package, which needs a `process`.
      inject: isBrowser ? [join(ROOT, "test", "vscode", "process-shim.js")] : [],
      define: isBrowser ? { global: "globalThis" } : {},
      sourcemap: "inline",
      logLevel: "warning",
    });
  } catch {
    console.error("The workbench suite (test/vscode) did not bundle; see the errors above.");
    process.exit(1);
  }
}
