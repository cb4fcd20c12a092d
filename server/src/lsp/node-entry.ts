// The server process's entry (dist/server/node.js, what editors start): V8's settings first, then
// the server itself (node.ts, bundled as node-server.js beside this file) through the compile cache
// (host/compile-cache.ts says why). This file stays small: everything in it is compiled at every start.

import { join } from "node:path";
import type * as V8 from "node:v8";
import { processCompileCacheDirectory, requireWithCompileCache } from "../host/compile-cache";
import { V8_SETTINGS } from "./protocol";

/** A new cache is saved once the first files have been analysed, so that it holds the rules' code too. */
const SAVE_CACHE_AFTER_MS = 10_000;

/**
 * The V8 settings the command line lacks (protocol.ts says why), set before the server is compiled:
 * V8 reads them when a function first runs and at each full collection, and a code cache made
 * under other flags is refused. setFlagsFromString logs a flag its V8 does not know and sets the
 * others; a command line that names them spares loading node:v8.
 */
function useV8Settings(): void {
  const missing = V8_SETTINGS.filter((flag) => !process.execArgv.includes(flag));
  if (missing.length === 0) return;
  // eslint-disable-next-line @typescript-eslint/no-require-imports -- loaded only when needed, see above
  (require("node:v8") as typeof V8).setFlagsFromString(missing.join(" "));
}

useV8Settings();
requireWithCompileCache(join(__dirname, "node-server.js"), {
  directory: processCompileCacheDirectory(),
  saveAfterMs: SAVE_CACHE_AFTER_MS,
});
