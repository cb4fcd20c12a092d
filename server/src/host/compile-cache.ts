// Loads a CommonJS bundle through a V8 code cache kept in a folder of the user's (issue #16: cold
// start). V8 takes about 50 ms to compile the server's 1 MB bundle at each start; given the bytecode
// an earlier start saved, about 14, and the functions that earlier start ran (the rules, the parser)
// need no compiling when the first file opens either. Node 22's module.enableCompileCache does the
// same for plain modules; VS Code runs the server on the Node of its Electron, which may be 20.
//
// Care taken:
// - V8 checks a cache's version, flags and source length, but not its payload (the checksum is
//   verified only in debug builds): a damaged payload with a sound header crashes the process (a
//   fatal error in V8's deserializer, measured on Node 20). So every file starts with a hash of its
//   payload, checked before V8 sees it, and is written whole (fsync, then rename) or not at all.
// - V8 checks the source only by its length, so the file's name carries a hash of the source (and
//   of V8's version, the architecture and the command line's flags): a changed bundle never meets
//   an old cache, and two ways of starting Node do not keep replacing each other's cache.
// - The folder is the user's own cache folder, never a shared temporary one nor a relative path
//   (which would be the workspace the server analyses): a cache is code.
// - Nothing here may stop the program: a cache that cannot be read, is damaged, is refused or
//   cannot be written leaves the bundle compiled as `require` would.
// - A vm.Script has no loader for `import()` (Node gives one only to modules it loads itself), so a
//   bundle loaded here loads its chunks with `require`; the `require` it is given loads them
//   through the cache as well.

import { createHash } from "node:crypto";
import {
  closeSync,
  existsSync,
  fsyncSync,
  mkdirSync,
  openSync,
  readdirSync,
  readFileSync,
  renameSync,
  statSync,
  unlinkSync,
  utimesSync,
  writeFileSync,
} from "node:fs";
import Module, { createRequire } from "node:module";
import { homedir } from "node:os";
import { basename, dirname, join, posix, win32 } from "node:path";
import type * as V8 from "node:v8";
import { Script } from "node:vm";

/** What became of the cache at this load. */
export type CompileCacheOutcome =
  /** V8 took the saved bytecode. */
  | "used"
  /** There was none for this bundle, V8 and flags: one is saved later. */
  | "missing"
  /** The saved one was damaged (its hash did not match) or V8 refused it: it is replaced later. */
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

/** Cache files unused for this long are removed when another is saved (one per bundle, V8 and flags each). */
const UNUSED_CACHE_MAX_AGE_MS = 30 * 24 * 60 * 60 * 1000;
/** Our files alone (a cache and its partial writes): the folder may be shared by a setting. */
const OWN_FILE = /^[\w.-]+-[0-9a-f]{32}\.v8cache(?:\.\d+\.partial)?$/;
/** A cache file: this magic, the SHA-256 of the payload, the payload (V8's cached data). */
const MAGIC = Buffer.from("stagecraft-v8cache-1\n");
const HASH_BYTES = 32;

/** A new cache is saved this long after start, so that it holds the code the first files ran (the rules, the parser), or at exit if that comes first. */
const SAVE_CACHE_AFTER_MS = 10_000;

/**
 * What an entry script does (lsp/node-entry.ts, cli-entry.ts): sets the V8 flags `v8Flags`, then runs
 * `bundle` through the compile cache in this process's cache folder, and returns its exports. The
 * flags come first: V8 refuses a cache made under other flags, and reads some of them when a
 * function first runs. `save: false` for a worker thread running the bundle its main thread saves.
 */
export function runBundle(bundle: string, { v8Flags, save = true }: { v8Flags: readonly string[]; save?: boolean }): unknown {
  // node:v8 is loaded only when there is a flag to set (a command line naming them all spares it).
  // eslint-disable-next-line @typescript-eslint/no-require-imports -- see above
  if (v8Flags.length > 0) (require("node:v8") as typeof V8).setFlagsFromString(v8Flags.join(" "));
  return requireWithCompileCache(bundle, { directory: processCompileCacheDirectory(), saveAfterMs: SAVE_CACHE_AFTER_MS, save }).exports;
}

/** Runs the CommonJS file `file` as `require` would, through the code cache; returns its exports and what became of the cache. */
export function requireWithCompileCache(file: string, options: CompileCacheOptions): { exports: unknown; cache: CompileCacheOutcome } {
  return loadThroughCache(file, options, new Map());
}

/** requireWithCompileCache, with the modules this load has started so far (a bundle and its chunks), by file. */
function loadThroughCache(file: string, options: CompileCacheOptions, loaded: Map<string, Module>): { exports: unknown; cache: CompileCacheOutcome } {
  if (options.directory === undefined) return { exports: createRequire(__filename)(file) as unknown, cache: "off" };
  const bytes = readFileSync(file);
  const source = bytes.toString("utf8");
  // Hashing the bytes rather than the string spares encoding the string again.
  const cacheFile = join(options.directory, cacheFileName(file, bytes));
  const saved = readCache(cacheFile);
  const cachedData = saved === "damaged" ? undefined : saved;
  // The wrapper Node puts around a CommonJS module, on a line of its own that lineOffset takes back,
  // so that the source's lines and columns (stack traces, source maps) are its own.
  const script = new Script(`(function (exports, require, module, __filename, __dirname) {\n${source}\n})`, { filename: file, lineOffset: -1, cachedData });
  const cache: CompileCacheOutcome = saved === undefined ? "missing" : saved === "damaged" || script.cachedDataRejected === true ? "rejected" : "used";
  if (cache === "used") markUsed(cacheFile);
  else if (options.save !== false) saveLater(script, cacheFile, options);
  const module = new Module(file);
  module.filename = file;
  // Known before it runs, as require's cache knows it: a chunk that requires it back gets its
  // exports so far; a module that throws is forgotten, so a later require runs it again.
  loaded.set(file, module);
  try {
    const run = script.runInThisContext() as (exports: unknown, require: NodeJS.Require, module: Module, filename: string, dirname: string) => void;
    run.call(module.exports, module.exports, requireWithChunks(file, options, loaded), module, file, dirname(file));
  } catch (error) {
    loaded.delete(file);
    throw error;
  }
  module.loaded = true;
  return { exports: module.exports, cache };
}

/** A chunk of a bundle (scripts/server-chunks.mjs): a script beside it, named as `./<name>.js`. */
const CHUNK = /^\.\/[\w.-]+\.js$/;

/**
 * The `require` a bundle loaded here gets: its chunks (the bundled language service, yaml) go
 * through the compile cache too, each loaded once per load of the bundle, so the first hover or
 * compose file does not compile a 290 kB script from scratch (the first hover of a session 17.5
 * -> 9.4 ms); anything else, and a chunk that is not there, is Node's own `require`.
 */
function requireWithChunks(file: string, options: CompileCacheOptions, loaded: Map<string, Module>): NodeJS.Require {
  const plain = createRequire(file);
  const require = (id: string): unknown => {
    if (!CHUNK.test(id)) return plain(id);
    const chunk = join(dirname(file), id);
    const known = loaded.get(chunk);
    if (known) return known.exports;
    // Missing: it fails as require fails (MODULE_NOT_FOUND), not with the cache's read error.
    if (!existsSync(chunk)) return plain(id);
    return loadThroughCache(chunk, options, loaded).exports;
  };
  return Object.assign(require, plain);
}

/**
 * `<bundle name>-<hash>.v8cache`, the hash of the source, V8's version, the architecture and the
 * command line's flags (V8 refuses a cache made under other flags; without them in the name, two
 * ways of starting the same bundle would replace each other's cache at every start).
 */
export function cacheFileName(file: string, source: string | Buffer): string {
  const key = createHash("sha256")
    .update(source)
    .update(`\0${process.versions.v8}\0${process.arch}\0${process.execArgv.join("\0")}\0${process.env.NODE_OPTIONS ?? ""}`)
    .digest("hex")
    .slice(0, 32);
  return `${basename(file, ".js")}-${key}.v8cache`;
}

/**
 * The folder for the compile caches of the language server and the CLI:
 * `STAGECRAFT_COMPILE_CACHE` when set (empty or `off` turns it off), else a `stagecraft` folder in
 * the user's cache folder (`%LOCALAPPDATA%` on Windows, `~/Library/Caches` on macOS,
 * `$XDG_CACHE_HOME` or `~/.cache` elsewhere). Undefined without a home folder, and for a relative
 * path: it would name a folder of whatever project the process runs in.
 */
export function compileCacheDirectory(env: NodeJS.ProcessEnv, platform: NodeJS.Platform, home: string): string | undefined {
  const isAbsolute = platform === "win32" ? win32.isAbsolute : posix.isAbsolute;
  const absolute = (path: string | undefined) => (path !== undefined && path !== "" && isAbsolute(path) ? path : undefined);
  const setting = env.STAGECRAFT_COMPILE_CACHE;
  if (setting !== undefined) return setting.trim() === "" || setting.trim().toLowerCase() === "off" ? undefined : absolute(setting);
  const folder = ["stagecraft", "compile-cache"];
  const join_ = platform === "win32" ? win32.join : posix.join;
  const userHome = absolute(home);
  if (platform === "win32") {
    const local = absolute(env.LOCALAPPDATA) ?? (userHome === undefined ? undefined : join_(userHome, "AppData", "Local"));
    return local === undefined ? undefined : join_(local, ...folder);
  }
  if (userHome === undefined) return undefined;
  if (platform === "darwin") return join_(userHome, "Library", "Caches", ...folder);
  return join_(absolute(env.XDG_CACHE_HOME) ?? join_(userHome, ".cache"), ...folder);
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

/** The payload of a sound cache file; "damaged" when its hash does not match; undefined when there is none. */
function readCache(cacheFile: string): Buffer | "damaged" | undefined {
  let file: Buffer;
  try {
    file = readFileSync(cacheFile);
  } catch {
    return undefined;
  }
  const header = MAGIC.length + HASH_BYTES;
  if (file.length <= header || !file.subarray(0, MAGIC.length).equals(MAGIC)) return "damaged";
  const payload = file.subarray(header);
  return createHash("sha256").update(payload).digest().equals(file.subarray(MAGIC.length, header)) ? payload : "damaged";
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

/** Saves the cache after `saveAfterMs` or at exit, whichever comes first; each trigger removes the other. */
function saveLater(script: Script, cacheFile: string, options: CompileCacheOptions): void {
  const save = () => {
    process.removeListener("exit", save);
    clearTimeout(timer);
    try {
      writeCache(script, cacheFile);
      options.onSaved?.();
    } catch (error) {
      options.onSaved?.(error instanceof Error ? error : new Error(String(error)));
    }
    pruneUnused(dirname(cacheFile), cacheFile);
  };
  const timer = setTimeout(save, options.saveAfterMs);
  // Neither keeps the process alive: a server told to exit exits, and saves on its way out.
  timer.unref();
  process.once("exit", save);
}

/**
 * Writes beside the cache, flushes and renames, so that a process starting meanwhile (or after a
 * crash or a power cut) reads a whole cache or none. The folder is made first: where it cannot be,
 * V8 is not asked to serialise the bundle for nothing.
 */
function writeCache(script: Script, cacheFile: string): void {
  mkdirSync(dirname(cacheFile), { recursive: true, mode: 0o700 });
  const payload = script.createCachedData();
  const partial = `${cacheFile}.${process.pid}.partial`;
  try {
    const fd = openSync(partial, "w", 0o600);
    try {
      writeFileSync(fd, Buffer.concat([MAGIC, createHash("sha256").update(payload).digest(), payload]));
      fsyncSync(fd);
    } finally {
      closeSync(fd);
    }
    renameSync(partial, cacheFile);
  } catch (error) {
    // Nothing half-written left behind (a full disk, a rename refused).
    try {
      unlinkSync(partial);
    } catch {
      // Never created.
    }
    throw error;
  }
}

/** Removes our files in this folder that no start has used for a month (older builds, older V8s, abandoned partial writes). */
function pruneUnused(folder: string, kept: string): void {
  const cutoff = Date.now() - UNUSED_CACHE_MAX_AGE_MS;
  let names: string[];
  try {
    names = readdirSync(folder);
  } catch {
    return;
  }
  for (const name of names) {
    const path = join(folder, name);
    if (path === kept || !OWN_FILE.test(name)) continue;
    try {
      if (statSync(path).mtimeMs < cutoff) unlinkSync(path);
    } catch {
      // Removed by another process meanwhile.
    }
  }
}
