// Small file-system questions the Node host asks in several places: does a path exist, and where is
// the repository root above a folder.

import { stat } from "node:fs/promises";
import { dirname, join } from "node:path";
import type { FolderReader } from "./folder-reader";

/** How far up a repository root is looked for. */
export const MAX_REPOSITORY_LEVELS = 8;

/** True when `path` exists (file or folder); false when absent or unreadable. */
export async function isPresent(path: string): Promise<boolean> {
  try {
    await stat(path);
    return true;
  } catch {
    // Absent or unreadable: callers treat both as "not there".
    return false;
  }
}

/**
 * The nearest folder at or above `folder` holding `.git`; null outside a repository. Through a
 * reader, found once per folder for the reader's life (the context facts ask it several times).
 */
export function repositoryRoot(folder: string, reader?: FolderReader): Promise<string | null> {
  return reader ? reader.memo(`repository-root\u0000${folder}`, () => findRepositoryRoot(folder, reader)) : findRepositoryRoot(folder);
}

async function findRepositoryRoot(folder: string, reader?: FolderReader): Promise<string | null> {
  for (let dir = folder, level = 0; level < MAX_REPOSITORY_LEVELS; level++) {
    if (await (reader ? reader.has(dir, ".git") : isPresent(join(dir, ".git")))) return dir;
    const parent = dirname(dir);
    if (parent === dir) return null;
    dir = parent;
  }
  return null;
}
