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

/**
 * The folder `folder` and those above it, nearest first, up to and including the repository root
 * (`isRoot`), at most six; without a repository, up to the file system's root.
 */
export async function* projectFolders(folder: string, reader: FolderReader): AsyncGenerator<{ dir: string; isRoot: boolean }> {
  let dir = folder;
  for (let level = 0; level < MAX_LEVELS; level++) {
    const isRoot = await reader.has(dir, ".git");
    yield { dir, isRoot };
    const parent = dirname(dir);
    if (isRoot || parent === dir) return;
    dir = parent;
  }
}
