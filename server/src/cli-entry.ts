// The CLI process's entry (dist/cli.js, what `stagecraft` runs, and what its check workers run):
// V8's settings first, then the CLI itself (cli.ts, bundled as cli-main.js beside this file) through
// the compile cache (host/compile-cache.ts says why), shared with the language server's cache
// folder. This file stays small: everything in it is compiled at every start.

import { join } from "node:path";
import { setFlagsFromString } from "node:v8";
import { isMainThread } from "node:worker_threads";
import { processCompileCacheDirectory, requireWithCompileCache } from "./host/compile-cache";

/**
 * V8 settings for a run of the CLI (issue #16), set before the CLI is compiled (a code cache made
 * under other flags is refused) and before any file is checked; worker threads share them (V8's
 * settings are the process's). Optimize later: sixteen times V8's interrupt budget (Node 20's: 66
 * KiB of bytecode run). A run is short and over a hundred rules each run on files of every shape, so
 * by default V8 spent more CPU compiling optimized code (on its background threads, then again
 * after deoptimizing) than that code saved: over the corpus, one Dockerfile per folder, 9.5 s of CPU
 * per run became about 6 (four times the budget, as the language server has it, gave most of that).
 * setFlagsFromString logs a flag its V8 does not know and sets the others; a command line that
 * names it wins.
 */
const V8_SETTINGS: readonly string[] = ["--interrupt-budget=1081344"];

/** A run long enough to reach this saves the cache then; most runs end sooner and save at exit. */
const SAVE_CACHE_AFTER_MS = 10_000;

function useV8Settings(): void {
  if (process.execArgv.some((arg) => arg.startsWith("--interrupt-budget"))) return;
  setFlagsFromString(V8_SETTINGS.join(" "));
}

if (isMainThread) useV8Settings();
const cli = requireWithCompileCache(join(__dirname, "cli-main.js"), {
  directory: processCompileCacheDirectory(),
  saveAfterMs: SAVE_CACHE_AFTER_MS,
  // The check workers read the cache the main thread saves; their code is the same.
  save: isMainThread,
});
(cli.exports as { startCli(entry: string): void }).startCli(__filename);
