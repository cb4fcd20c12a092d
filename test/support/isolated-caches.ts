// Loaded by mocha before any test (.mocharc.json): the programs the tests start (the CLI, the
// language server, the evals' CLI runs) keep their compile cache (host/compile-cache.ts) in a folder
// of this test run's own, removed at its end, never in the user's cache folder.

import { mkdtempSync, rmSync } from "fs";
import { tmpdir } from "os";
import { join } from "path";

if (process.env.STAGECRAFT_COMPILE_CACHE === undefined) {
  const folder = mkdtempSync(join(tmpdir(), "stagecraft-test-compile-cache-"));
  process.env.STAGECRAFT_COMPILE_CACHE = folder;
  process.once("exit", () => rmSync(folder, { recursive: true, force: true }));
}
