// The CLI's version, read from the package.json of the installed package at run time (the bundle
// lives in dist/, the sources in server/src/: both find it by walking up).

import { readFileSync } from "node:fs";
import { dirname, join } from "node:path";

export function readVersion(from: string = __dirname): string {
  let folder = from;
  for (;;) {
    try {
      const manifest = JSON.parse(readFileSync(join(folder, "package.json"), "utf8")) as { name?: string; version?: string };
      if (manifest.name === "stagecraft" && typeof manifest.version === "string") return manifest.version;
    } catch {
      // No (readable) package.json at this level: keep walking up.
    }
    const parent = dirname(folder);
    if (parent === folder) return "unknown";
    folder = parent;
  }
}
