// A bounded breadth-first search of a build context for the first file whose text shows something
// (a source reading the checkout's git metadata, an import the newer runtime rejects): few folders
// deep, a few hundred files at most, each read past the reader's cache.

import { join } from "node:path";
import type { FolderReader } from "./folder-reader";
import { readTextFile } from "./read-text";

/** Folders below the context root searched. */
const MAX_DEPTH = 3;
/** Files read at most, and bytes of each. */
const MAX_FILES = 300;
const MAX_FILE_BYTES = 64 * 1024;

/** What a search looks for: in which folders, in which files, and what their text shows. */
export interface FileSearch {
  descends: (folder: string) => boolean;
  reads: (file: string) => boolean;
  matches: (text: string) => boolean;
}

/** The context path of the first file (breadth first, in name order) `search` reads and matches; null when none. */
export async function firstFileReading(contextRoot: string, reader: FolderReader, search: FileSearch): Promise<string | null> {
  let folders = [""];
  let budget = MAX_FILES;
  for (let depth = 0; depth <= MAX_DEPTH && folders.length > 0 && budget > 0; depth++) {
    const next: string[] = [];
    for (const folder of folders) {
      const listing = await reader.list(folder === "" ? contextRoot : join(contextRoot, folder));
      if (listing === null) continue;
      const files: string[] = [];
      for (const entry of listing.entries) {
        const path = folder === "" ? entry.name : `${folder}/${entry.name}`;
        if (entry.isDirectory && search.descends(entry.name)) next.push(path);
        else if (entry.isFile && search.reads(entry.name) && files.length < budget) files.push(path);
      }
      budget -= files.length;
      // A folder's files read together: the first in name order that matches is named.
      // Read past the reader's cache: hundreds of sources kept for one answer would stay in memory.
      const reads = await Promise.all(files.map((path) => readTextFile(join(contextRoot, path), MAX_FILE_BYTES, { truncate: true })));
      const found = reads.findIndex((read) => read.ok && search.matches(read.text));
      if (found >= 0) return files[found];
    }
    folders = next;
  }
  return null;
}
