// Small file-system questions the Node host asks in several places: does a path exist, and where is
// the repository root above a folder.

import { stat } from "node:fs/promises";
import { basename, dirname, join, resolve } from "node:path";
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

/**
 * The name a build that names no Dockerfile reads in `folder`: `Dockerfile`, or the lower-case
 * `dockerfile` when that is the folder's only one (the Docker CLI and BuildKit fall back to it, so
 * compose's `build: .` builds a project's lower-case `dockerfile`). Compared case by case: the
 * reader's own lookups ignore case.
 */
export function defaultDockerfileName(folder: string, reader: FolderReader): Promise<string> {
  return reader.memo(`default-dockerfile\u0000${folder}`, async () => {
    // Unreadable: the documented default.
    const files = new Set(((await reader.list(folder))?.entries ?? []).filter((e) => e.isFile).map((e) => e.name));
    return !files.has("Dockerfile") && files.has("dockerfile") ? "dockerfile" : "Dockerfile";
  });
}

/**
 * True when a build with context `contextDir` that names `named` (relative to the context; null
 * when it names none) reads `dockerfile`. `defaultName` is {@link defaultDockerfileName} of the
 * Dockerfile's own folder, the only folder where a build naming none can read it.
 */
export function buildReadsDockerfile(contextDir: string, named: string | null, dockerfile: string, defaultName = "Dockerfile"): boolean {
  const target = resolve(dockerfile);
  if (named !== null) return resolve(contextDir, named) === target;
  return resolve(contextDir) === dirname(target) && basename(target) === defaultName;
}
