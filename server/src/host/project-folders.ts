// Where a project keeps the files that run its image builds: compose and bake files, scripts,
// Makefiles and CI workflows, in the Dockerfile's folder or a few folders above it, up to the
// repository root (the folder that holds `.git`).

import { dirname } from "node:path";
import type { FolderReader } from "./folder-reader";

/** Compose files by the names `docker compose` looks for. */
export const COMPOSE_FILES = ["compose.yaml", "compose.yml", "docker-compose.yaml", "docker-compose.yml"];
/** Larger files are not project configuration; reading them would only cost time. */
export const PROJECT_FILE_MAX_BYTES = 1 << 20;
/** Compose and bake files sit at the project root, rarely more than a few folders up. */
const MAX_LEVELS = 6;

/** One folder where a project may keep its build files; `isRoot` when it is the repository root. */
export interface ProjectFolder {
  dir: string;
  isRoot: boolean;
}

/**
 * The folder `folder` and those above it, nearest first, up to and including the repository root
 * (`isRoot`), at most six; without a repository, up to the file system's root. Found once per
 * folder for the life of `reader`: each Dockerfile asks it three times.
 */
export function projectFolders(folder: string, reader: FolderReader): Promise<readonly ProjectFolder[]> {
  return reader.memo(`project-folders\u0000${folder}`, async () => {
    const folders: ProjectFolder[] = [];
    let dir = folder;
    for (let level = 0; level < MAX_LEVELS; level++) {
      const isRoot = await reader.has(dir, ".git");
      folders.push({ dir, isRoot });
      const parent = dirname(dir);
      if (isRoot || parent === dir) break;
      dir = parent;
    }
    return folders;
  });
}

/**
 * The reader's memo key for the facts `kind` of one project folder. `isRoot` is part of it: what a
 * folder holds depends on it (the root adds its CI workflows), and a lookup begun before the reader
 * forgot a changed `.git` must not file its answer under the folder's new state.
 */
export function projectFolderKey(kind: string, { dir, isRoot }: ProjectFolder): string {
  return `${kind}\u0000${isRoot ? "root" : ""}\u0000${dir}`;
}

/**
 * The union of `found(folder)` over the project folders of `folder`, sorted; what each folder holds
 * is found once per `reader` under `kind`, so the folders above many Dockerfiles are read once.
 */
export async function foundInProjectFolders(
  folder: string,
  kind: string,
  reader: FolderReader,
  found: (folder: ProjectFolder) => Promise<readonly string[]>,
): Promise<string[]> {
  const names = new Set<string>();
  for (const project of await projectFolders(folder, reader)) {
    for (const name of await reader.memo(projectFolderKey(kind, project), () => found(project))) names.add(name);
  }
  return [...names].sort();
}
