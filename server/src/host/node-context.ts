// Build-context facts read from disk for the node server: the `.dockerignore` that applies to a
// Dockerfile, the entries at the context root and the build contexts compose/bake pass by name.
// The context root is the `build.context` of a compose service that builds this Dockerfile, else
// the Dockerfile's folder (what `docker build .` next to it uses).

import { readdir } from "node:fs/promises";
import { basename, dirname, join } from "node:path";
import { fileURLToPath } from "node:url";
import type { BuildContextFacts } from "../model/context";
import { CONTEXT_FILE_MAX_CHARS, CONTEXT_FILE_MAX_COUNT, isContextFileOfInterest, UNKNOWN_CONTEXT } from "../model/context";
import type { ServerHost } from "../lsp/host";
import { readBuildTargets } from "./build-targets";
import { readComposeBuildContext } from "./compose-context";
import { readNamedContexts } from "./named-contexts";
import { repositoryRoot } from "./paths";
import { readComposeSourceMount, readCopiedFiles, readGoSources, repositoryPath } from "./context-files";
import { readTextFile } from "./read-text";
import { fileStore } from "./registry-store";
import { nodeHttpTransport } from "./registry-transport";
import { ShellcheckRunner } from "./shellcheck";

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
  // The Dockerfile as saved: an unsaved edit that adds a COPY of an entry script is seen on save.
  const text = await readText(file);
  const [namedContexts, buildTargets, dockerfilePath, manifests, copied, composeSourceMount, goSources] = await Promise.all([
    readNamedContexts(dirname(file)),
    readBuildTargets(dirname(file)),
    repositoryPath(file),
    readContextFiles(folder, entries),
    text === null ? Promise.resolve({}) : readCopiedFiles(folder, text),
    readComposeSourceMount(file),
    readGoSources(folder, entries),
  ]);
  const files = { ...goSources, ...manifests, ...copied };
  return { dockerignore, rootEntries: entries, namedContexts, buildTargets, dockerfilePath, files, composeSourceMount };
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

/**
 * The first `max` bytes of a context file when it is a regular, readable UTF-8 file (a FIFO would
 * block, a device would never end), else null: the planner treats it as not found.
 */
async function readHead(path: string, max: number): Promise<string | null> {
  const read = await readTextFile(path, max, { truncate: true });
  return read.ok ? read.text : null;
}

async function readText(path: string): Promise<string | null> {
  // Absent (the usual case), unreadable or not a regular file (a FIFO would block): no ignore file applies from here.
  const read = await readTextFile(path);
  return read.ok ? read.text : null;
}

export const nodeHost: ServerHost = {
  name: "node",
  readBuildContext,
  registryAccess: (cacheDir) => ({ transport: nodeHttpTransport, store: cacheDir ? fileStore(cacheDir) : null }),
  shellcheck: (path, log) => new ShellcheckRunner(path, log),
};
