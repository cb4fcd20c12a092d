// Finds the Dockerfiles to check: explicit files as given, folders searched recursively for the
// names editors and engines treat as Dockerfiles.

import { readdir, stat } from "node:fs/promises";
import { basename, join, resolve } from "node:path";

/** Folders never searched: dependencies and version-control data hold no Dockerfiles of the project. */
const SKIPPED_FOLDERS = new Set(["node_modules", ".git"]);

/** Companion files that share a Dockerfile's prefix but are not Dockerfiles (`Dockerfile.dockerignore`). */
const NOT_DOCKERFILES = /\.(dockerignore|md)$/i;

/**
 * Whether a file name is a Dockerfile: `Dockerfile`, `Containerfile`, `*.Dockerfile`, `Dockerfile.*`,
 * `*.containerfile`, `Containerfile.*` (case-insensitive, like the language contribution).
 */
export function isDockerfileName(name: string): boolean {
  if (NOT_DOCKERFILES.test(name)) return false;
  return /^(?:dockerfile|containerfile)(?:\..+)?$/i.test(name) || /^.+\.(?:dockerfile|containerfile)$/i.test(name);
}

/** An unreadable or missing path: exit code 2. */
export class InputError extends Error {}

/**
 * Absolute paths of the Dockerfiles under `paths`, sorted and deduplicated. A file given explicitly
 * is checked whatever its name; a missing path throws InputError.
 */
export async function findDockerfiles(paths: readonly string[], cwd = process.cwd()): Promise<string[]> {
  const found = new Set<string>();
  for (const given of paths) {
    const path = resolve(cwd, given);
    let info;
    try {
      info = await stat(path);
    } catch (error) {
      throw new InputError(`cannot read '${given}': ${reason(error)}`);
    }
    if (info.isDirectory()) await walk(path, found);
    else found.add(path);
  }
  return [...found].sort();
}

async function walk(folder: string, found: Set<string>): Promise<void> {
  let entries;
  try {
    entries = await readdir(folder, { withFileTypes: true });
  } catch (error) {
    throw new InputError(`cannot read folder '${folder}': ${reason(error)}`);
  }
  for (const entry of entries) {
    const path = join(folder, entry.name);
    // Symbolic links are not followed into folders (loops), but a linked Dockerfile is checked.
    if (entry.isDirectory()) {
      if (!SKIPPED_FOLDERS.has(entry.name)) await walk(path, found);
    } else if ((entry.isFile() || entry.isSymbolicLink()) && isDockerfileName(basename(path))) {
      if (entry.isSymbolicLink() && !(await isFile(path))) continue;
      found.add(path);
    }
  }
}

async function isFile(path: string): Promise<boolean> {
  try {
    return (await stat(path)).isFile();
  } catch {
    // A dangling link is not a Dockerfile to check.
    return false;
  }
}

export function reason(error: unknown): string {
  const code = (error as NodeJS.ErrnoException | undefined)?.code;
  if (code === "ENOENT") return "no such file or folder";
  if (code === "EACCES" || code === "EPERM") return "permission denied";
  return error instanceof Error ? error.message : String(error);
}
