// Build-context facts read from disk for the node server: the `.dockerignore` that applies to a
// Dockerfile, the entries at the context root and the build contexts compose/bake pass by name. The Dockerfile's folder is taken as the context
// root (what `docker build .` next to it uses).

import { readdir, readFile } from "node:fs/promises";
import { basename, dirname, join } from "node:path";
import { fileURLToPath } from "node:url";
import type { BuildContextFacts } from "../model/context";
import { UNKNOWN_CONTEXT } from "../model/context";
import type { ServerHost } from "../lsp/host";
import { readBuildTargets } from "./build-targets";
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
  const [namedContexts, buildTargets] = await Promise.all([readNamedContexts(folder), readBuildTargets(folder)]);
  return { dockerignore, rootEntries: entries, namedContexts, buildTargets };
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
