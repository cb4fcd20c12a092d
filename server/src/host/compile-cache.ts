// Loads a CommonJS bundle through a V8 code cache kept in a folder of the user's (issue #16: cold
// start). V8 takes about 50 ms to compile the server's 1 MB bundle at each start; given the bytecode
// an earlier start saved, about 14, and the functions that earlier start ran (the rules, the parser)
// need no compiling when the first file opens either. Node 22's module.enableCompileCache does the
// same for plain modules; VS Code runs the server on the Node of its Electron, which may be 20.
//
// Care taken:
// - V8 checks a cache against its own version and flags and its payload's checksum, but the source
//   only by its length, so the file's name carries a hash of the source (and of V8's version and the
//   architecture): a changed bundle never meets an old cache.
// - The folder is the user's own cache folder, never a shared temporary one: a cache is code.
// - A bundle run from it cannot use `import()`: the script V8 makes from a cache has lost the
//   loader Node gives it (Node 20), so the server loads its chunks with `require`.
// - Nothing here may stop the server: a cache that cannot be read, is refused or cannot be written
//   leaves the bundle compiled as `require` would.

import { createHash } from "node:crypto";
import { mkdirSync, readdirSync, readFileSync, renameSync, statSync, unlinkSync, utimesSync, writeFileSync } from "node:fs";
import Module, { createRequire } from "node:module";
import { homedir } from "node:os";
import { basename, dirname, join } from "node:path";
import { Script } from "node:vm";

/** What became of the cache at this load. */
export type CompileCacheOutcome =
  /** V8 took the saved bytecode. */
  | "used"
  /** There was none for this bundle, V8 and flags: one is saved later. */
  | "missing"
  /** V8 refused the saved one (a corrupt file, or the same name from another build of V8): it is replaced later. */
  | "rejected"
  /** No cache folder: loaded as `require` would. */
  | "off";

export interface CompileCacheOptions {
  /** Folder of the cache files (created when first saved); undefined turns the cache off. */
  directory: string | undefined;
  /**
   * Milliseconds after loading at which a new cache is saved, so that it holds the functions run by
   * then; it is saved at exit if that comes first.
   */
  saveAfterMs: number;
  /** False: use a cache, never save one (a worker thread running the bundle its main thread saves); true by default. */
  save?: boolean;
  /** Told when a new cache is saved, or could not be (tests). */
  onSaved?: (error?: Error) => void;
}

/** Cache files unused for this long are removed when another is saved (one per bundle and V8 each). */
const UNUSED_CACHE_MAX_AGE_MS = 30 * 24 * 60 * 60 * 1000;
const CACHE_EXTENSION = ".v8cache";

/** Runs the CommonJS file `file` as `require` would, through the code cache; returns its exports and what became of the cache. */
export function requireWithCompileCache(file: string, options: CompileCacheOptions): { exports: unknown; cache: CompileCacheOutcome } {
  if (options.directory === undefined) return { exports: createRequire(__filename)(file) as unknown, cache: "off" };
  const bytes = readFileSync(file);
  const source = bytes.toString("utf8");
  // Hashing the bytes rather than the string spares encoding the string again.
  const cacheFile = join(options.directory, cacheFileName(file, bytes));
  const cachedData = readCache(cacheFile);
  // The wrapper Node puts around a CommonJS module, on the source's first line so that lines keep their numbers.
  const script = new Script(`(function (exports, require, module, __filename, __dirname) { ${source}\n})`, { filename: file, cachedData });
  const cache: CompileCacheOutcome = cachedData === undefined ? "missing" : script.cachedDataRejected === true ? "rejected" : "used";
  if (cache === "used") markUsed(cacheFile);
  else if (options.save !== false) saveLater(script, cacheFile, options);
  const module = new Module(file);
  module.filename = file;
  const run = script.runInThisContext() as (exports: unknown, require: NodeJS.Require, module: Module, filename: string, dirname: string) => void;
  run.call(module.exports, module.exports, createRequire(file), module, file, dirname(file));
  module.loaded = true;
  return { exports: module.exports, cache };
}

/**
 * `<bundle name>-<hash of the source, V8's version and the architecture>.v8cache`. V8's flags are not
 * in the name: V8 refuses a cache made under other flags by itself, and it is then replaced.
 */
export function cacheFileName(file: string, source: string | Buffer): string {
  const key = createHash("sha256").update(source).update(`\0${process.versions.v8}\0${process.arch}`).digest("hex").slice(0, 32);
  return `${basename(file, ".js")}-${key}${CACHE_EXTENSION}`;
}

/**
 * The folder for the server's compile cache: `STAGECRAFT_COMPILE_CACHE` when set (empty or `off`
 * turns it off), else a `stagecraft` folder in the user's cache folder (`%LOCALAPPDATA%` on
 * Windows, `~/Library/Caches` on macOS, `$XDG_CACHE_HOME` or `~/.cache` elsewhere); undefined
 * without a home folder.
 */
export function compileCacheDirectory(env: NodeJS.ProcessEnv, platform: NodeJS.Platform, home: string): string | undefined {
  const setting = env.STAGECRAFT_COMPILE_CACHE;
  if (setting !== undefined) return setting.trim() === "" || setting.trim().toLowerCase() === "off" ? undefined : setting;
  const folder = ["stagecraft", "compile-cache"];
  if (platform === "win32") {
    const local = env.LOCALAPPDATA ?? (home === "" ? undefined : join(home, "AppData", "Local"));
    return local === undefined ? undefined : join(local, ...folder);
  }
  if (home === "") return undefined;
  if (platform === "darwin") return join(home, "Library", "Caches", ...folder);
  // The XDG spec ignores a relative XDG_CACHE_HOME.
  const xdg = env.XDG_CACHE_HOME;
  return join(xdg !== undefined && xdg.startsWith("/") ? xdg : join(home, ".cache"), ...folder);
}

/** compileCacheDirectory for this process (its environment, platform and user). */
export function processCompileCacheDirectory(): string | undefined {
  let home = "";
  try {
    home = homedir();
  } catch {
    // No home folder to be told (a user without one): no cache.
  }
  return compileCacheDirectory(process.env, process.platform, home);
}

function readCache(cacheFile: string): Buffer | undefined {
  try {
    return readFileSync(cacheFile);
  } catch {
    return undefined;
  }
}

/** Touches a used cache, so that pruning tells the caches in use from the left-over ones. */
function markUsed(cacheFile: string): void {
  try {
    const now = new Date();
    utimesSync(cacheFile, now, now);
  } catch {
    // A read-only cache folder still serves its caches.
  }
}

function saveLater(script: Script, cacheFile: string, options: CompileCacheOptions): void {
  let saved = false;
  const save = () => {
    if (saved) return;
    saved = true;
    process.removeListener("exit", save);
    clearTimeout(timer);
    try {
      writeCache(script.createCachedData(), cacheFile);
      options.onSaved?.();
    } catch (error) {
      options.onSaved?.(error instanceof Error ? error : new Error(String(error)));
    }
  };
  const timer = setTimeout(save, options.saveAfterMs);
  // Neither keeps the process alive: a server told to exit exits, and saves on its way out.
  timer.unref();
  process.once("exit", save);
}

/** Writes beside the cache and renames, so that a server starting meanwhile reads a whole cache or none. */
function writeCache(data: Buffer, cacheFile: string): void {
  const folder = dirname(cacheFile);
  mkdirSync(folder, { recursive: true, mode: 0o700 });
  const partial = `${cacheFile}.${process.pid}.partial`;
  writeFileSync(partial, data, { mode: 0o600 });
  renameSync(partial, cacheFile);
  pruneUnused(folder, cacheFile);
}

/** Removes the caches of this folder no start has used for a month (older builds, older V8s). */
function pruneUnused(folder: string, kept: string): void {
  const cutoff = Date.now() - UNUSED_CACHE_MAX_AGE_MS;
  for (const name of readdirSync(folder)) {
    const path = join(folder, name);
    if (path === kept || !(name.endsWith(CACHE_EXTENSION) || name.endsWith(".partial"))) continue;
    try {
      if (statSync(path).mtimeMs < cutoff) unlinkSync(path);
    } catch {
      // Removed by another server meanwhile.
    }
  }
}
