// The CLI process's entry (dist/cli.js, what `stagecraft` runs, and what its check workers run):
// V8's settings first, then the CLI itself (cli.ts, bundled as cli-main.js beside this file) through
// the compile cache (host/compile-cache.ts says why), shared with the language server's cache
// folder. This file stays small: everything in it is compiled at every start.

import { join } from "node:path";
import { isMainThread } from "node:worker_threads";
import { runBundle } from "./host/compile-cache";

/**
 * V8 settings for a run of the CLI (issue #16), set before the CLI is compiled and before any file
 * is checked, by the main thread; worker threads share them (V8's settings are the process's).
 * Optimize later: sixteen times V8's interrupt budget (Node 20's: 66 KiB of bytecode run). A run is
 * short and over a hundred rules each run on files of every shape, so by default V8 spent more CPU
 * compiling optimized code (on its background threads, then again after deoptimizing) than that
 * code saved: over the corpus, one Dockerfile per folder, 9.5 s of CPU per run became about 6 (four
 * times the budget, as the language server has it, gave most of that). setFlagsFromString logs a
 * flag its V8 does not know and sets the others; a command line that names it wins.
 */
const V8_SETTINGS: readonly string[] = ["--interrupt-budget=1081344"];

const setByCommandLine = process.execArgv.some((arg) => arg.startsWith("--interrupt-budget"));
const cli = runBundle(join(__dirname, "cli-main.js"), {
  v8Flags: isMainThread && !setByCommandLine ? V8_SETTINGS : [],
  // The check workers read the cache the main thread saves; their code is the same.
  save: isMainThread,
});
(cli as { startCli(entry: string): void }).startCli(__filename);
