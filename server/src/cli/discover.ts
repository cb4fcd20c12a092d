// Finds the Dockerfiles to check: explicit files as given, folders searched recursively for the
// names editors and engines treat as Dockerfiles.

import { readdir, stat } from "node:fs/promises";
import { basename, join, resolve } from "node:path";
import { ioReason } from "../host/read-text";
import { isDockerfileName } from "../model/dockerfile-names";

/** Folders never searched: dependencies and version-control data hold no Dockerfiles of the project. */
const SKIPPED_FOLDERS = new Set(["node_modules", ".git"]);

/** An unreadable or missing path: exit code 2. */
export class InputError extends Error {}

/** What discovery found: Dockerfiles to check, and one message per path or folder it could not read. */
export interface Discovery {
  files: string[];
  errors: string[];
}

/** The file-system calls discovery makes (tests pass failing ones). */
export interface DiscoveryFs {
  stat: typeof stat;
  readdir: (folder: string) => Promise<{ name: string; isDirectory(): boolean; isFile(): boolean; isSymbolicLink(): boolean }[]>;
}

const NODE_FS: DiscoveryFs = { stat, readdir: (folder) => readdir(folder, { withFileTypes: true }) };

/**
 * Absolute paths of the Dockerfiles under `paths`, sorted and deduplicated. A file given explicitly
 * is checked whatever its name (reading it says whether it is a file). A path or folder that cannot
 * be read is reported in `errors` and the search goes on: one bad folder must not hide the rest.
 */
export async function findDockerfiles(paths: readonly string[], cwd = process.cwd(), fs: DiscoveryFs = NODE_FS): Promise<Discovery> {
  const found = new Set<string>();
  const errors: string[] = [];
  for (const given of paths) {
    const path = resolve(cwd, given);
    let info;
    try {
      info = await fs.stat(path);
    } catch (error) {
      errors.push(`cannot read '${given}': ${ioReason(error)}`);
      continue;
    }
    if (info.isDirectory()) await walk(path, found, errors, fs);
    else found.add(path);
  }
  return { files: [...found].sort(), errors };
}

async function walk(folder: string, found: Set<string>, errors: string[], fs: DiscoveryFs): Promise<void> {
  let entries;
  try {
    entries = await fs.readdir(folder);
  } catch (error) {
    errors.push(`cannot read folder '${folder}': ${ioReason(error)}`);
    return;
  }
  for (const entry of entries) {
    const path = join(folder, entry.name);
    // Symbolic links are not followed into folders (loops), but a linked Dockerfile is checked.
    if (entry.isDirectory()) {
      if (!SKIPPED_FOLDERS.has(entry.name)) await walk(path, found, errors, fs);
    } else if (isDockerfileName(basename(path))) {
      // A FIFO or device with a Dockerfile's name is kept: reading it says clearly why it is skipped.
      if (entry.isSymbolicLink() && !(await isFile(path, fs))) continue;
      found.add(path);
    }
  }
}

async function isFile(path: string, fs: DiscoveryFs): Promise<boolean> {
  try {
    return (await fs.stat(path)).isFile();
  } catch {
    // A dangling link or a link loop is not a Dockerfile to check.
    return false;
  }
}

/** A one-line reason for a file-system error. */
export const reason = ioReason;
