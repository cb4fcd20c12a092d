// Build-context facts read from disk for the node server: the `.dockerignore` that applies to a
// Dockerfile, the entries at the context root and the build contexts compose/bake pass by name.
// The context root is the `build.context` of a compose service that builds this Dockerfile, else
// the Dockerfile's folder (what `docker build .` next to it uses).

import { readdir, readFile, stat } from "node:fs/promises";
import { basename, dirname, join } from "node:path";
import { fileURLToPath } from "node:url";
import type { BuildContextFacts } from "../model/context";
import { UNKNOWN_CONTEXT } from "../model/context";
import type { ServerHost } from "../lsp/host";
import { readComposeBuildContext } from "./compose-context";
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
  // A compose service that builds this Dockerfile names its real context (often the repository root).
  const composeContext = await readComposeBuildContext(file);
  const folder = composeContext ?? dirname(file);
  let entries: string[];
  try {
    const dirents = await readdir(folder, { withFileTypes: true });
    entries = dirents.map((d) => (d.isDirectory() ? `${d.name}/` : d.name)).sort();
  } catch {
    // The folder cannot be listed (deleted, no permission): nothing is known about the context.
    return UNKNOWN_CONTEXT;
  }
  // BuildKit prefers `<Dockerfile>.dockerignore` next to the Dockerfile over the context's `.dockerignore`.
  let dockerignore: string | null | undefined =
    (await readText(join(dirname(file), `${basename(file)}.dockerignore`))) ?? (await readText(join(folder, ".dockerignore")));
  // A Dockerfile in a subfolder with no ignore file of its own, while the repository root has one,
  // is usually built with the root as context (`docker build -f sub/Dockerfile .`): which ignore
  // file applies is unknown.
  if (dockerignore === null && composeContext === null) {
    const root = await repositoryRoot(folder);
    if (root !== null && root !== folder && (await readText(join(root, ".dockerignore"))) !== null) dockerignore = undefined;
  }
  return { dockerignore, rootEntries: entries, namedContexts: await readNamedContexts(dirname(file)) };
}

/** The nearest folder at or above `folder` holding `.git`; null outside a repository. */
async function repositoryRoot(folder: string): Promise<string | null> {
  for (let dir = folder, level = 0; level < 8; level++) {
    if (await isPresent(join(dir, ".git"))) return dir;
    const parent = dirname(dir);
    if (parent === dir) return null;
    dir = parent;
  }
  return null;
}

async function isPresent(path: string): Promise<boolean> {
  try {
    await stat(path);
    return true;
  } catch {
    // Absent: keep looking upwards.
    return false;
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
  registryAccess: (cacheDir) => ({ transport: nodeHttpTransport, store: cacheDir ? fileStore(cacheDir) : null }),
};
