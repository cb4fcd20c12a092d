// The node host's persisted registry cache: one JSON file in a folder the client names (VS Code's
// global storage for the extension), written atomically so a crash never leaves half a file.

import { mkdir, readFile, rename, writeFile } from "node:fs/promises";
import { join } from "node:path";
import type { PersistedStore } from "../images/registry/types";

export const CACHE_FILE_NAME = "image-size-cache.json";

export function fileStore(folder: string): PersistedStore {
  const file = join(folder, CACHE_FILE_NAME);
  return {
    async load() {
      try {
        return await readFile(file, "utf8");
      } catch (error) {
        // No cache yet is the normal first run; other errors surface through the cache's onError.
        if ((error as NodeJS.ErrnoException).code === "ENOENT") return null;
        throw error;
      }
    },
    async save(text: string) {
      await mkdir(folder, { recursive: true });
      const temporary = `${file}.${process.pid}.tmp`;
      await writeFile(temporary, text, "utf8");
      await rename(temporary, file);
    },
  };
}
