// One cached look at the file system for the Node host's context facts. Every host module (compose
// context, named contexts, build targets, context files) walks the same folders up to the
// repository root; through one reader each folder is listed once, each file read once and each
// compose file parsed once, however many modules or Dockerfiles ask. A name the folder's listing
// lacks is answered without a system call, so the usual case (no compose or bake file) is cheap.
// The CLI keeps one for its whole run (a check is a snapshot), which makes checking a folder of n
// Dockerfiles linear in n. The language server keeps one for its whole life too, shared by every
// open document, and tells it which paths changed on disk (`forget`) as the editor reports them;
// there the caches are bounded (least recently used first out), as a session may open Dockerfiles
// in any number of projects and nothing else would ever let go of their folders.

import { readdirSync, statSync } from "node:fs";
import { readdir, stat } from "node:fs/promises";
import { basename, dirname, join } from "node:path";
import { LRUCache } from "lru-cache";
import { composeServiceMap, extendedFiles, withExtendsResolved } from "./compose-file";
import type { QuickDisk } from "./quick-disk";
import { readTextFile, readTextFileSync, TextRead } from "./read-text";

/** One entry of a folder, as `readdir` with file types gives it. */
export interface FolderEntry {
  name: string;
  isDirectory: boolean;
  isFile: boolean;
  isSymbolicLink: boolean;
}

/** A folder's entries in name order, and its names lower-cased (file systems may ignore case). */
export interface FolderListing {
  entries: readonly FolderEntry[];
  /** `name/` for folders, `name` otherwise, sorted: what the rules see as the context's root entries. */
  rootEntries: readonly string[];
  lowerNames: ReadonlySet<string>;
}

/** A path that changed on disk: its contents only, or its presence (created, deleted, renamed). */
export interface PathChange {
  path: string;
  /** True when the path appeared or disappeared, so its folder's listing changed too. */
  presence: boolean;
}

const ABSENT: TextRead = { ok: false, reason: "no such file or folder", code: "ENOENT" };

export interface FolderReaderOptions {
  /**
   * Blocking file-system calls: always (`true`), or while the disk answers quickly (a `QuickDisk`).
   * The CLI reads thousands of small files and has nothing to do meanwhile: there each asynchronous
   * call's trip through the thread pool costs more than the read. The language server blocks while
   * its disk is quick, so a slow disk stalls its requests at most once (quick-disk.ts).
   */
  sync?: boolean | QuickDisk;
  /**
   * At most this many folder listings kept, and proportionally many reads and derived facts, the
   * least recently used dropped first (the next question about them goes to the disk again).
   * Unbounded when omitted: a CLI run is one snapshot and reads each folder once.
   */
  maxFolders?: number;
}

/** The part of `Map` the caches use, which `LRUCache` offers too. */
interface Cache<K, V> {
  get(key: K): V | undefined;
  set(key: K, value: V): unknown;
  has(key: K): boolean;
  delete(key: K): boolean;
  keys(): IterableIterator<K> | Generator<K>;
  clear(): void;
}

/** A map, bounded to `max` entries when `max` is given. */
function cache<K extends string, V extends object>(max: number | undefined): Cache<K, V> {
  return max === undefined ? new Map<K, V>() : new LRUCache<K, V>({ max });
}

export class FolderReader {
  private readonly sync: boolean | QuickDisk;
  private readonly listings: Cache<string, Promise<FolderListing | null>>;
  /** Per path, the reads of it by limit and truncation. */
  private readonly texts: Cache<string, Map<string, Promise<TextRead>>>;
  /** Per path, the compose services parsed from it by limit. */
  private readonly services: Cache<string, Map<number, Promise<Record<string, unknown> | null>>>;
  private readonly derived: Cache<string, Promise<unknown>>;

  constructor(options: FolderReaderOptions = {}) {
    this.sync = options.sync ?? false;
    const folders = options.maxFolders;
    // Reading the 220 lint projects' contexts lists 3,252 folders, reads 2,871 files, parses 144
    // compose files and derives 5,762 facts: per folder about one read and two facts.
    this.listings = cache(folders);
    this.texts = cache(folders);
    this.services = cache(folders === undefined ? undefined : Math.ceil(folders / 8));
    this.derived = cache(folders === undefined ? undefined : folders * 2);
  }

  /** `call` when blocking calls are allowed now (timed against a QuickDisk); undefined otherwise. */
  private blocking<T>(call: () => T): { value: T } | undefined {
    if (this.sync === true) return { value: call() };
    if (this.sync === false || !this.sync.quick) return undefined;
    return { value: this.sync.timed(call) };
  }

  /** The entries of `folder`; null when it cannot be listed (absent, not a folder, no permission). */
  list(folder: string): Promise<FolderListing | null> {
    let pending = this.listings.get(folder);
    if (!pending) {
      const listed = this.blocking(() => listFolderSync(folder));
      pending = listed ? Promise.resolve(listed.value) : listFolder(folder);
      this.listings.set(folder, pending);
    }
    return pending;
  }

  /**
   * Keeps a listing of `folder` read elsewhere, with file types (the CLI's discovery lists every
   * folder it searches): `list` answers from it instead of reading the folder a second time.
   */
  remember(folder: string, dirents: readonly DirentLike[]): void {
    if (!this.listings.has(folder)) this.listings.set(folder, Promise.resolve(toListing(dirents)));
  }

  /**
   * False when the parent folder's listing shows `path` is absent; true when it is listed, or
   * when the parent cannot be listed (a folder may be searchable but not readable) and so only
   * opening the path can tell.
   */
  async mayExist(path: string): Promise<boolean> {
    const listing = await this.list(dirname(path));
    return listing === null || listing.lowerNames.has(basename(path).toLowerCase());
  }

  /** Whether `name` may be in `folder`: listed, or the folder cannot be listed (see mayExist). */
  async mayHave(folder: string, name: string): Promise<boolean> {
    const listing = await this.list(folder);
    return listing === null || listing.lowerNames.has(name.toLowerCase());
  }

  /** `readSmall` of `folder/name`; a name the listing lacks costs no path, key or system call. */
  async readSmallIn(folder: string, name: string, limit: number): Promise<string | null> {
    return (await this.mayHave(folder, name)) ? this.readSmall(join(folder, name), limit) : null;
  }

  /** `composeServices` of `folder/name`, as cheap as `readSmallIn` when it is absent. */
  async composeServicesIn(folder: string, name: string, limit: number): Promise<unknown[] | null> {
    return (await this.mayHave(folder, name)) ? this.composeServices(join(folder, name), limit) : null;
  }

  /**
   * The services of each compose file named in `names` (in that order) that `folder` holds, found
   * once per folder: the walks up from every Dockerfile ask each folder above it.
   */
  composeServicesOf(folder: string, names: readonly string[], limit: number): Promise<unknown[][]> {
    return this.memo(`compose-services\u0000${limit}\u0000${names.join("\u0000")}\u0000${folder}`, async () => {
      const found: unknown[][] = [];
      for (const name of names) {
        const services = await this.composeServicesIn(folder, name, limit);
        if (services !== null) found.push(services);
      }
      return found;
    });
  }

  /** True when `folder` holds `name` (file or folder). */
  async has(folder: string, name: string): Promise<boolean> {
    const listing = await this.list(folder);
    return listing !== null ? listing.lowerNames.has(name.toLowerCase()) : this.isPresent(join(folder, name));
  }

  /** True when `path` exists (file or folder). */
  async isPresent(path: string): Promise<boolean> {
    const listing = await this.list(dirname(path));
    if (listing !== null) return listing.lowerNames.has(basename(path).toLowerCase());
    try {
      if (!this.blocking(() => statSync(path))) await stat(path);
      return true;
    } catch {
      // Absent or unreadable: callers treat both as "not there".
      return false;
    }
  }

  /** `readTextFile(path, limit, options)`, read at most once per run of this reader. */
  read(path: string, limit?: number, options: { truncate?: boolean } = {}): Promise<TextRead> {
    const key = `${limit ?? ""}\u0000${options.truncate === true ? "t" : ""}`;
    let reads = this.texts.get(path);
    if (!reads) this.texts.set(path, (reads = new Map()));
    let pending = reads.get(key);
    if (!pending) {
      pending = this.mayExist(path).then((maybe) => {
        if (!maybe) return ABSENT;
        return this.blocking(() => readTextFileSync(path, limit, options))?.value ?? readTextFile(path, limit, options);
      });
      reads.set(key, pending);
    }
    return pending;
  }

  /**
   * `compute()` once per `key` for the life of this reader: facts derived from a folder alone (its
   * manifests) are shared by every Dockerfile in it, so a folder of n Dockerfiles costs n, not n².
   */
  memo<T>(key: string, compute: () => Promise<T>): Promise<T> {
    let pending = this.derived.get(key) as Promise<T> | undefined;
    if (!pending) {
      pending = compute();
      this.derived.set(key, pending);
    }
    return pending;
  }

  /** The text of a file of at most `limit` bytes, or null when absent, unreadable or larger. */
  async readSmall(path: string, limit: number): Promise<string | null> {
    const read = await this.read(path, limit);
    return read.ok ? read.text : null;
  }

  /**
   * The `services` of the compose file at `path` (at most `limit` bytes); null when none. Each file
   * is parsed once; a service that `extends` another (of this file or of one beside it) has that
   * one's settings under its own, merged on every call, so an edit of the base file is seen.
   */
  async composeServices(path: string, limit: number): Promise<unknown[] | null> {
    const services = await this.composeServiceMap(path, limit);
    if (services === null) return null;
    const files = extendedFiles(services);
    if (files.length === 0) return Object.values(services);
    const others = new Map<string, Record<string, unknown> | null>();
    for (const file of files) others.set(file, /[\\/]/.test(file) ? null : await this.composeServiceMap(join(dirname(path), file), limit));
    return Object.values(withExtendsResolved(services, (file) => others.get(file) ?? null));
  }

  /** The `services` of the compose file at `path` by name, parsed once; null when none. */
  private composeServiceMap(path: string, limit: number): Promise<Record<string, unknown> | null> {
    let parsed = this.services.get(path);
    if (!parsed) this.services.set(path, (parsed = new Map()));
    let pending = parsed.get(limit);
    if (!pending) {
      pending = this.readSmall(path, limit).then((text) => (text === null ? null : composeServiceMap(text)));
      parsed.set(limit, pending);
    }
    return pending;
  }

  /**
   * Drops what `changes` make stale: the contents read of each path; for a path that appeared or
   * disappeared, also its folder's listing and everything read at or below it (a folder moved away
   * takes its files along). Derived facts are all dropped: recomputing them from the reads kept is
   * cheap. True when anything cached was dropped, so facts read before may differ now.
   */
  forget(changes: readonly PathChange[]): boolean {
    const gone = new Set<string>();
    let dropped = false;
    for (const { path, presence } of changes) {
      dropped = this.texts.delete(path) || dropped;
      dropped = this.services.delete(path) || dropped;
      if (!presence) continue;
      dropped = this.listings.delete(dirname(path)) || dropped;
      gone.add(path);
    }
    if (gone.size > 0) {
      for (const kept of [this.listings, this.texts, this.services] as Cache<string, object>[]) {
        // Collected first: deleting while an LRUCache iterates its keys is not supported.
        for (const key of [...kept.keys()]) {
          if (isAtOrBelow(key, gone)) dropped = kept.delete(key) || dropped;
        }
      }
    }
    if (dropped) this.derived.clear();
    return dropped;
  }

  /** Drops everything read: the next questions go to the disk. */
  forgetAll(): void {
    this.listings.clear();
    this.texts.clear();
    this.services.clear();
    this.derived.clear();
  }
}

/** True when `path` is one of `roots` or lies below one of them. */
function isAtOrBelow(path: string, roots: ReadonlySet<string>): boolean {
  for (let current = path; ;) {
    if (roots.has(current)) return true;
    const parent = dirname(current);
    if (parent === current) return false;
    current = parent;
  }
}

async function listFolder(folder: string): Promise<FolderListing | null> {
  try {
    return toListing(await readdir(folder, { withFileTypes: true }));
  } catch {
    // Absent, not a folder or not readable: callers fall back to asking for each path.
    return null;
  }
}

function listFolderSync(folder: string): FolderListing | null {
  try {
    return toListing(readdirSync(folder, { withFileTypes: true }));
  } catch {
    // Absent, not a folder or not readable: callers fall back to asking for each path.
    return null;
  }
}

/** What `toListing` reads of a `Dirent`. */
export interface DirentLike {
  name: string;
  isDirectory(): boolean;
  isFile(): boolean;
  isSymbolicLink(): boolean;
}

function toListing(dirents: readonly DirentLike[]): FolderListing {
  const entries = dirents
    .map((d) => ({ name: d.name, isDirectory: d.isDirectory(), isFile: d.isFile(), isSymbolicLink: d.isSymbolicLink() }))
    .sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0));
  return {
    entries,
    rootEntries: entries.map((e) => (e.isDirectory ? `${e.name}/` : e.name)).sort(),
    lowerNames: new Set(entries.map((e) => e.name.toLowerCase())),
  };
}
