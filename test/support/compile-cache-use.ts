// Whether a program kept its compile cache (host/compile-cache.ts) and used it: shared by the suites
// that run the shipped CLI and language server.

import * as assert from "assert";
import { readdirSync, statSync, utimesSync } from "fs";
import { join } from "path";

/**
 * Checks that the first run saved one cache for `bundle` in `folder`, then makes the next run
 * (`next`) and checks that it used that cache: touched it (compile-cache.ts prunes by that) and
 * did not write it again (a new cache is renamed into place: another inode).
 */
export async function assertNextRunUsesCache(folder: string, bundle: string, next: () => unknown): Promise<void> {
  const saved = readdirSync(folder);
  assert.strictEqual(saved.length, 1, saved.join(", "));
  assert.ok(saved[0].startsWith(`${bundle}-`) && /^[0-9a-f]{32}\.v8cache$/.test(saved[0].slice(bundle.length + 1)), saved[0]);
  const file = join(folder, saved[0]);
  const longAgo = new Date(Date.now() - 24 * 60 * 60 * 1000);
  utimesSync(file, longAgo, longAgo);
  const inode = statSync(file).ino;
  await next();
  const after = statSync(file);
  assert.ok(after.ino === inode && after.mtimeMs > longAgo.getTime() + 60_000, `the next run of ${bundle} used its cache`);
}
