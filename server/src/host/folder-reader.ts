// One cached look at the file system for the Node host's context facts. Every host module (compose
// context, named contexts, build targets, context files) walks the same folders up to the
// repository root; through one reader each folder is listed once, each file read once and each
// compose file parsed once, however many modules or Dockerfiles ask. A name the folder's listing
// lacks is answered without a system call, so the usual case (no compose or bake file) is cheap.
// The LSP host makes a reader per request (files change between requests); the CLI keeps one for
// its whole run (a check is a snapshot), which makes checking a folder of n Dockerfiles linear in n.

import { Dirent, readdirSync, statSync } from "node:fs";
import { readdir, stat } from "node:fs/promises";
import { basename, dirname, join } from "node:path";
import { composeServices } from "./compose-file";
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

const ABSENT: TextRead = { ok: false, reason: "no such file or folder", code: "ENOENT" };

export interface FolderReaderOptions {
  /**
   * Blocking file-system calls. The CLI reads thousands of small files and has nothing to do
   * meanwhile: there each asynchronous call's trip through the thread pool costs more than the
   * read. The language server keeps the default, so a slow disk never stalls its requests.
   */
  sync?: boolean;
}

export class FolderReader {
  private readonly sync: boolean;
  private readonly listings = new Map<string, Promise<FolderListing | null>>();
  private readonly texts = new Map<string, Promise<TextRead>>();
  private readonly services = new Map<string, Promise<unknown[] | null>>();
  private readonly derived = new Map<string, Promise<unknown>>();

  constructor(options: FolderReaderOptions = {}) {
    this.sync = options.sync === true;
  }

  /** The entries of `folder`; null when it cannot be listed (absent, not a folder, no permission). */
  list(folder: string): Promise<FolderListing | null> {
    let pending = this.listings.get(folder);
    if (!pending) {
      pending = this.sync ? Promise.resolve(listFolderSync(folder)) : listFolder(folder);
      this.listings.set(folder, pending);
    }
    return pending;
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
      if (this.sync) statSync(path);
      else await stat(path);
      return true;
    } catch {
      // Absent or unreadable: callers treat both as "not there".
      return false;
    }
  }

  /** `readTextFile(path, limit, options)`, read at most once per run of this reader. */
  read(path: string, limit?: number, options: { truncate?: boolean } = {}): Promise<TextRead> {
    const key = `${limit ?? ""}\u0000${options.truncate === true ? "t" : ""}\u0000${path}`;
    let pending = this.texts.get(key);
    if (!pending) {
      pending = this.mayExist(path).then((maybe) =>
        !maybe ? ABSENT : this.sync ? readTextFileSync(path, limit, options) : readTextFile(path, limit, options),
      );
      this.texts.set(key, pending);
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

  /** The `services` of the compose file at `path` (at most `limit` bytes), parsed once; null when none. */
  composeServices(path: string, limit: number): Promise<unknown[] | null> {
    const key = `${limit}\u0000${path}`;
    let pending = this.services.get(key);
    if (!pending) {
      pending = this.readSmall(path, limit).then((text) => (text === null ? null : composeServices(text)));
      this.services.set(key, pending);
    }
    return pending;
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

function toListing(dirents: readonly Dirent[]): FolderListing {
  const entries = dirents
    .map((d) => ({ name: d.name, isDirectory: d.isDirectory(), isFile: d.isFile(), isSymbolicLink: d.isSymbolicLink() }))
    .sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0));
  return {
    entries,
    rootEntries: entries.map((e) => (e.isDirectory ? `${e.name}/` : e.name)).sort(),
    lowerNames: new Set(entries.map((e) => e.name.toLowerCase())),
  };
}
