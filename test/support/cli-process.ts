// The CLI as users run it: server/src/cli.ts bundled with the build script's options, started in a
// child process. Shared by the CLI suites so they all run what ships, the same way.

import { spawnSync } from "child_process";
import { dirname, join, resolve } from "path";

export const REPO = resolve(__dirname, "..", "..");
/** Where `npm run build` writes the CLI bundle. */
export const CLI_BUNDLE = join(REPO, "dist", "cli.js");

/**
 * Bundles the CLI as scripts/build.mjs does (minified, as it ships, unless told otherwise): its
 * entry to `outfile`, the CLI itself to cli-main.js beside it.
 */
export async function bundleCli(outfile: string = CLI_BUNDLE, minify = true): Promise<void> {
  // eslint-disable-next-line @typescript-eslint/no-require-imports
  const esbuild = require("esbuild") as typeof import("esbuild");
  const options = { bundle: true, platform: "node", format: "cjs", target: "node20", minify, logLevel: "silent" } as const;
  await Promise.all([
    esbuild.build({ ...options, entryPoints: [join(REPO, "server", "src", "cli-entry.ts")], outfile }),
    esbuild.build({ ...options, entryPoints: [join(REPO, "server", "src", "cli.ts")], outfile: join(dirname(outfile), "cli-main.js") }),
  ]);
}

export interface CliResult {
  /** Exit code; null when the process was killed (by `timeoutMs`). */
  code: number | null;
  stdout: string;
  stderr: string;
  /** Wall time of the whole process. */
  ms: number;
}

export interface CliOptions {
  cwd?: string;
  /** Added to the environment, which starts without NO_COLOR and FORCE_COLOR so each test says what it wants. */
  env?: Record<string, string>;
  /** Kill the process after this long. */
  timeoutMs?: number;
  /** Another bundle than dist/cli.js. */
  bundle?: string;
}

/** Runs the CLI bundle with `args` and waits for it. */
export function runCli(args: string[], options: CliOptions = {}): CliResult {
  const env = { ...process.env };
  delete env.NO_COLOR;
  delete env.FORCE_COLOR;
  const started = Date.now();
  const r = spawnSync(process.execPath, [options.bundle ?? CLI_BUNDLE, ...args], {
    cwd: options.cwd ?? REPO,
    env: { ...env, ...options.env },
    encoding: "utf8",
    timeout: options.timeoutMs,
  });
  return { code: r.status, stdout: r.stdout, stderr: r.stderr, ms: Date.now() - started };
}
