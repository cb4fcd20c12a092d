// Build-context facts read from disk for the node server: the `.dockerignore` that applies to a
// Dockerfile, the entries at the context root and the build contexts compose/bake pass by name. The Dockerfile's folder is taken as the context
// root (what `docker build .` next to it uses).

import { open, readdir, readFile } from "node:fs/promises";
import { basename, dirname, join } from "node:path";
import { fileURLToPath } from "node:url";
import type { BuildContextFacts } from "../model/context";
import { CONTEXT_FILE_MAX_CHARS, CONTEXT_FILE_MAX_COUNT, isContextFileOfInterest, UNKNOWN_CONTEXT } from "../model/context";
import type { ServerHost } from "../lsp/host";
import { readNamedContexts } from "./named-contexts";
import { fileStore } from "./registry-store";
import { nodeHttpTransport } from "./registry-transport";

/** Facts for the Dockerfile at `uri`; unknown for non-file URIs or an unreadable folder. */
export async function readBuildContext(uri: string): Promise<BuildContextFacts> {
  if (!uri.startsWith("file:")) return UNKNOWN_CONTEXT;
  let file: string;
  try {
    file = fileURLToPath(uri);
  } catch {
    // A malformed file URI (e.g. a remote host) is treated like any other unreadable location.
    return UNKNOWN_CONTEXT;
  }
  const folder = dirname(file);
  let entries: string[];
  try {
    const dirents = await readdir(folder, { withFileTypes: true });
    entries = dirents.map((d) => (d.isDirectory() ? `${d.name}/` : d.name)).sort();
  } catch {
    // The folder cannot be listed (deleted, no permission): nothing is known about the context.
    return UNKNOWN_CONTEXT;
  }
  // BuildKit prefers `<Dockerfile>.dockerignore` next to the Dockerfile over the context's `.dockerignore`.
  const dockerignore = (await readText(join(folder, `${basename(file)}.dockerignore`))) ?? (await readText(join(folder, ".dockerignore")));
  return {
    dockerignore,
    rootEntries: entries,
    namedContexts: await readNamedContexts(folder),
    files: await readContextFiles(folder, entries),
  };
}

/** Folders never searched for manifests: dependencies, build output and VCS data. */
const SKIPPED_FOLDERS = new Set([".git/", "node_modules/", "target/", "bin/", "obj/", "dist/", "build/", "vendor/", ".venv/", "venv/", "__pycache__/"]);

/** Manifests and scripts the planner reads (root, then one folder down), clamped in count and size. */
async function readContextFiles(folder: string, rootEntries: readonly string[]): Promise<Record<string, string>> {
  const wanted = rootEntries.filter((e) => !e.endsWith("/") && isContextFileOfInterest(e));
  for (const dir of rootEntries) {
    if (!dir.endsWith("/") || SKIPPED_FOLDERS.has(dir) || wanted.length >= CONTEXT_FILE_MAX_COUNT) continue;
    try {
      const inner = await readdir(join(folder, dir), { withFileTypes: true });
      for (const d of inner.sort((a, b) => a.name.localeCompare(b.name))) if (d.isFile() && isContextFileOfInterest(d.name)) wanted.push(`${dir}${d.name}`);
    } catch {
      // An unreadable sub-folder only means fewer facts; the root files are still read.
    }
  }
  const files: Record<string, string> = {};
  for (const rel of wanted.slice(0, CONTEXT_FILE_MAX_COUNT)) {
    const text = await readHead(join(folder, rel), CONTEXT_FILE_MAX_CHARS);
    if (text !== null) files[rel] = text;
  }
  return files;
}

/** The first `max` characters (as UTF-8 bytes, at most) of a file, or null when unreadable. */
async function readHead(path: string, max: number): Promise<string | null> {
  try {
    const handle = await open(path, "r");
    try {
      const buffer = Buffer.alloc(max);
      const { bytesRead } = await handle.read(buffer, 0, max, 0);
      return buffer.subarray(0, bytesRead).toString("utf8");
    } finally {
      await handle.close();
    }
  } catch {
    // Unreadable (permissions, a broken link): the planner treats it as not found.
    return null;
  }
}

async function readText(path: string): Promise<string | null> {
  try {
    return await readFile(path, "utf8");
  } catch {
    // Absent (the usual case) or unreadable: both mean no ignore file applies from here.
    return null;
  }
}

export const nodeHost: ServerHost = {
  name: "node",
  readBuildContext,
  registryAccess: (cacheDir) => ({
    transport: nodeHttpTransport,
    store: cacheDir ? fileStore(cacheDir) : null,
  }),
};
