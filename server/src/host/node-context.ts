// Build-context facts read from disk for the node server: the `.dockerignore` that applies to a
// Dockerfile, the entries at the context root and the build contexts compose/bake pass by name.
// The context root is the `build.context` of a compose service that builds this Dockerfile, else
// the context a CI workflow builds it with (ci-context.ts), else the one a Makefile's recipe
// builds it with (make-build-context.ts), else the folder its root-relative COPY sources show (copy-source-context.ts), else the Dockerfile's
// folder (what `docker build .` next to it uses).

import { readDocumentedLocalBuild } from "./documented-builds";
import { readOutputCopiedOut } from "./copied-out-builds";
import { readTemplatePlaceholders } from "./template-placeholders";
import { basename, dirname, join } from "node:path";
import { fileURLToPath } from "node:url";
import type { BuildContextFacts } from "../model/context";
import type { DockerfileModel } from "../model/types";
import { parseDockerfile } from "../model/parse";
import { variantsInFolder } from "../model/dockerfile-variants";
import { isDockerfileName } from "../model/dockerfile-names";
import { lookupTable } from "../model/lookup-table";
import { CONTEXT_FILE_MAX_CHARS, CONTEXT_FILE_MAX_COUNT, isContextFileOfInterest, UNKNOWN_CONTEXT } from "../model/context";
import type { OpenDocument, ServerHost } from "../lsp/host";
import { withContext } from "../model/with-context";
import { readBuildArgs } from "./build-args";
import { readBuildPlatforms } from "./build-platforms";
import { readBuildTargets } from "./build-targets";
import { readCiBuildsWithoutCache } from "./ci-builds";
import { readCiKanikoBuild, readPublishedByCi, readPublishedTargets } from "./ci-publish";
import { readCiBuildContext } from "./ci-context";
import { readComposeBuildContext } from "./compose-context";
import { readMakeBuildContext, readMakeImageBuilds } from "./make-build-context";
import { readCopySourceContext } from "./copy-source-context";
import { readComposeServices } from "./compose-services";
import { readGitArchiveBuilds } from "./git-archive-builds";
import { FolderListing, FolderReader } from "./folder-reader";
import { QuickDisk, SLOW_DISK_CALL_MS } from "./quick-disk";
import { readLocallyBuiltImages } from "./local-images";
import { readNamedContexts } from "./named-contexts";
import { publishedImagesOf, readCiImageBuilds, readProjectImages } from "./project-images";
import { repositoryRoot } from "./paths";
import { readGithubRepository } from "./github-repository";
import { readGitReadingSource } from "./git-reading-sources";
import { readImportAssertionSource } from "./import-assertions";
import { copiedContextPaths, readComposeSourceMount, readCopiedFiles, readGoSources, repositoryPath } from "./context-files";
import { fileStore } from "./registry-store";
import { nodeHttpTransport } from "./registry-transport";
import { ShellcheckRunner } from "./shellcheck";

/**
 * Facts for the Dockerfile at `uri`; unknown for non-file URIs or an unreadable folder. A `reader`
 * shared across calls answers from what it has already read (the CLI's one snapshot of the disk);
 * by default each call reads afresh. `saved` is the Dockerfile as on disk, parsed, when the caller
 * has it (the CLI), so it is neither read nor parsed again here.
 */
export async function readBuildContext(uri: string, reader = new FolderReader(), saved?: DockerfileModel, open?: OpenDocument): Promise<BuildContextFacts> {
  const file = filePath(uri);
  // Not a file, or a malformed file URI (e.g. a remote host): like any other unreadable location.
  if (file === null) return UNKNOWN_CONTEXT;
  // The Dockerfile as saved: an unsaved edit that adds a COPY of an entry script is seen on save.
  // Parsed once here for every reader below, each of which would parse the text again; when the
  // editor holds the same text, its parse serves (a file just opened), under no context facts, as
  // the readers are given elsewhere.
  const written = saved ?? (await readText(file, reader));
  const text = typeof written === "string" ? (open?.text === written ? withContext(open.model(), UNKNOWN_CONTEXT) : parseDockerfile(written)) : written;
  // A compose service or a CI build that builds this Dockerfile names its real context (often the
  // repository root); else the sources the file copies may show it (`COPY ./docker/entrypoint.sh` from a
  // Dockerfile in docker/ is built from the root).
  const builtContext = (await readComposeBuildContext(file, reader)) ?? (await readCiBuildContext(file, reader)) ?? (await readMakeBuildContext(file, reader));
  const knownContext = builtContext ?? (text !== null ? await readCopySourceContext(file, text, reader) : null);
  const folder = knownContext ?? dirname(file);
  const listing = await reader.list(folder);
  // The folder cannot be listed (deleted, no permission): nothing is known about the context.
  if (listing === null) return UNKNOWN_CONTEXT;
  // Shared by every Dockerfile of the folder; nothing downstream changes it.
  const entries = listing.rootEntries as string[];
  // BuildKit prefers `<Dockerfile>.dockerignore` next to the Dockerfile over the context's `.dockerignore`.
  let dockerignore: string | null | undefined =
    (await readText(join(dirname(file), `${basename(file)}.dockerignore`), reader)) ?? (await readText(join(folder, ".dockerignore"), reader));
  // A Dockerfile in a subfolder with no ignore file of its own, while the repository root has one,
  // is usually built with the root as context (`docker build -f sub/Dockerfile .`): which ignore
  // file applies is unknown.
  if (dockerignore === null && knownContext === null) {
    const root = await repositoryRoot(folder, reader);
    if (root !== null && root !== folder && (await readText(join(root, ".dockerignore"), reader)) !== null) dockerignore = undefined;
  }
  const [
    namedContexts,
    buildTargets,
    buildArgs,
    dockerfilePath,
    manifests,
    copied,
    composeSourceMount,
    goSources,
    copiedFromRoot,
    publishedByCi,
    publishedTargets,
    ciKanikoBuild,
    ciBuildsWithoutCache,
    documentedLocalBuild,
    outputCopiedOut,
    templatePlaceholders,
    dockerfileVariants,
    siblingDockerfiles,
    composeServices,
    projectImages,
    ciImageBuilds,
    makeImageBuilds,
    locallyBuiltImages,
    gitArchiveBuilds,
    buildPlatforms,
    githubRepository,
    gitReadingSource,
    importAssertionSource,
  ] = await Promise.all([
    readNamedContexts(dirname(file), reader),
    readBuildTargets(dirname(file), reader),
    readBuildArgs(file, reader),
    repositoryPath(file, reader),
    reader.memo(`context-files\u0000${folder}`, () => readContextFiles(folder, listing, reader)),
    text === null ? Promise.resolve({}) : readCopiedFiles(folder, text, reader, entries),
    readComposeSourceMount(file, reader),
    reader.memo(`go-sources\u0000${folder}`, () => readGoSources(folder, entries, reader)),
    // `docker build -f sub/Dockerfile .` from the repository root: the entry scripts and configs the
    // file copies by a root-relative path (`COPY tools/docker/entrypoint.sh ...`) are not in its
    // folder but at the root. Read from there too; the folder's own copies win.
    text !== null && knownContext === null ? readCopiedFromRepositoryRoot(folder, text, reader, entries) : Promise.resolve({}),
    readPublishedByCi(file, reader),
    readPublishedTargets(file, reader),
    readCiKanikoBuild(file, reader),
    readCiBuildsWithoutCache(file, reader),
    readDocumentedLocalBuild(file, reader),
    readOutputCopiedOut(file, reader),
    readTemplatePlaceholders(file, reader),
    readDockerfileVariants(file, reader),
    readSiblingDockerfiles(file, reader),
    readComposeServices(file, reader),
    readProjectImages(file, reader),
    readCiImageBuilds(file, reader),
    readMakeImageBuilds(file, reader),
    readLocallyBuiltImages(dirname(file), reader),
    readGitArchiveBuilds(dirname(file), reader),
    readBuildPlatforms(file, reader),
    readCheckoutRepository(folder, reader),
    readGitReadingSource(folder, entries, text, dockerignore, reader),
    readImportAssertionSource(folder, text, reader),
  ]);
  // A git archive is the context only where no build names the file with a folder (compose, CI).
  const contextFromGitArchive = gitArchiveBuilds.includes(file) && builtContext === null && !composeServices.some((service) => service.builds);
  // Without a prototype: a file a command names `constructor` must not find Object's member.
  const files = lookupTable<string>({ ...goSources, ...manifests, ...copiedFromRoot, ...copied });
  const publishedImages = publishedImagesOf(ciImageBuilds);
  return {
    dockerignore,
    rootEntries: entries,
    namedContexts,
    buildTargets,
    buildArgs,
    dockerfilePath,
    files,
    composeSourceMount: composeSourceMount.whole,
    ...(contextFromGitArchive ? { contextFromGitArchive } : {}),
    ...(composeSourceMount.targets.length > 0 ? { composeSourceMountTargets: composeSourceMount.targets } : {}),
    publishedByCi,
    ...(publishedTargets.length > 0 ? { publishedTargets } : {}),
    ...(ciKanikoBuild ? { ciKanikoBuild } : {}),
    ciBuildsWithoutCache,
    ...(documentedLocalBuild ? { documentedLocalBuild } : {}),
    ...(outputCopiedOut ? { outputCopiedOut } : {}),
    ...(templatePlaceholders.length > 0 ? { templatePlaceholders } : {}),
    ...(buildPlatforms.length > 0 ? { buildPlatforms } : {}),
    ...(githubRepository !== null ? { githubRepository } : {}),
    ...(gitReadingSource !== null ? { gitReadingSource } : {}),
    ...(importAssertionSource !== null ? { importAssertionSource } : {}),
    dockerfileVariants,
    ...(siblingDockerfiles.length > 0 ? { siblingDockerfiles } : {}),
    composeServices,
    projectImages,
    publishedImages,
    ciImageBuilds,
    makeImageBuilds,
    locallyBuiltImages,
  };
}

/** The Dockerfiles beside `file` that are variants of it (a slim sibling, the same file for another version). */
async function readDockerfileVariants(file: string, reader: FolderReader): Promise<string[]> {
  // The context root may be elsewhere (compose): the variants are the Dockerfile's own neighbours.
  // Indexed once per folder, for every Dockerfile in it.
  const folder = dirname(file);
  const variantsOf = await reader.memo(`dockerfile-variants\u0000${folder}`, async () => {
    const listing = await reader.list(folder);
    return variantsInFolder((listing?.entries ?? []).filter((e) => e.isFile).map((e) => e.name));
  });
  return variantsOf(basename(file));
}

/** The other Dockerfiles in `file`'s folder, by name (listed once per folder). */
async function readSiblingDockerfiles(file: string, reader: FolderReader): Promise<string[]> {
  const folder = dirname(file);
  const names = await reader.memo(`dockerfiles\u0000${folder}`, async () => {
    const listing = await reader.list(folder);
    return (listing?.entries ?? []).filter((e) => e.isFile && isDockerfileName(e.name)).map((e) => e.name);
  });
  const own = basename(file);
  return names.filter((name) => name !== own);
}

/** The files `text` copies, read against the repository root above `folder` (none when `folder` is the root). */
async function readCopiedFromRepositoryRoot(
  folder: string,
  text: string | DockerfileModel,
  reader: FolderReader,
  folderEntries: readonly string[],
): Promise<Record<string, string>> {
  const root = await repositoryRoot(folder, reader);
  if (root === null || root === folder) return {};
  // Only paths into sub-folders: a bare name (`package.json`, `start.sh`) is the folder's own file.
  const read = await readCopiedFiles(root, text, reader);
  const files = Object.fromEntries(Object.entries(read).filter(([path]) => path.includes("/")));
  // Unless the folder lacks it: a manifest copied by a bare name (`COPY pyproject.toml ./`) that
  // only the root holds is the root's, since a build with the folder as context would fail.
  const bare = copiedContextPaths(text).filter((p) => !p.includes("/") && isContextFileOfInterest(p) && !folderEntries.includes(p));
  const texts = await Promise.all(bare.map((name) => readHead(join(root, name), CONTEXT_FILE_MAX_CHARS, reader)));
  bare.forEach((name, i) => {
    const found = texts[i];
    if (found !== null) files[name] = found;
  });
  return files;
}

/** Folders never searched for manifests: dependencies, build output and VCS data. */
const SKIPPED_FOLDERS = new Set([".git/", "node_modules/", "target/", "bin/", "obj/", "dist/", "build/", "vendor/", ".venv/", "venv/", "__pycache__/"]);

/** Manifests and scripts the planner reads (root, then one folder down), clamped in count and size. */
async function readContextFiles(folder: string, listing: FolderListing, reader: FolderReader): Promise<Record<string, string>> {
  const rootEntries = listing.rootEntries;
  const wanted = rootEntries.filter((e) => !e.endsWith("/") && isContextFileOfInterest(e));
  for (const dir of rootEntries) {
    if (!dir.endsWith("/") || SKIPPED_FOLDERS.has(dir) || wanted.length >= CONTEXT_FILE_MAX_COUNT) continue;
    // An unreadable sub-folder only means fewer facts; the root files are still read.
    const inner = await reader.list(join(folder, dir));
    const names = (inner?.entries ?? []).filter((d) => d.isFile && isContextFileOfInterest(d.name)).map((d) => d.name);
    for (const name of names.sort((a, b) => a.localeCompare(b))) wanted.push(`${dir}${name}`);
  }
  // Keyed by paths of the project: no path may read as an Object.prototype member (lookup-table.ts).
  const files = Object.create(null) as Record<string, string>;
  const chosen = wanted.slice(0, CONTEXT_FILE_MAX_COUNT);
  const texts = await Promise.all(chosen.map((rel) => readHead(join(folder, rel), CONTEXT_FILE_MAX_CHARS, reader)));
  chosen.forEach((rel, i) => {
    const text = texts[i];
    if (text !== null) files[rel] = text;
  });
  return files;
}

/** `owner/name` of the GitHub repository the checkout holding `folder` was cloned from; null without one. */
async function readCheckoutRepository(folder: string, reader: FolderReader): Promise<string | null> {
  const root = await repositoryRoot(folder, reader);
  const repository = root === null ? null : await readGithubRepository(root, reader);
  return repository === null ? null : `${repository.owner}/${repository.name}`;
}

/**
 * The first `max` bytes of a context file when it is a regular, readable UTF-8 file (a FIFO would
 * block, a device would never end), else null: the planner treats it as not found.
 */
async function readHead(path: string, max: number, reader: FolderReader): Promise<string | null> {
  const read = await reader.read(path, max, { truncate: true });
  return read.ok ? read.text : null;
}

async function readText(path: string, reader: FolderReader): Promise<string | null> {
  // Absent (the usual case), unreadable or not a regular file (a FIFO would block): no ignore file applies from here.
  const read = await reader.read(path);
  return read.ok ? read.text : null;
}

/**
 * Folders the shared reader keeps, least recently used out first: a project's context lists about
 * 15 (the 220 lint projects: 3,252), so this holds the last 60 or so projects a session opened
 * Dockerfiles in. Beyond that the oldest are read from disk again when asked.
 */
const SHARED_READER_FOLDERS = 1000;

/**
 * The node server's host. One reader, shared by every open document, answers what was read before
 * (the folders above a Dockerfile, its neighbours' manifests) without touching the disk again; the
 * server keeps it true by passing on the editor's file events (`forgetFiles`). A document the
 * editor does not watch (outside the workspace) is read afresh with a reader of its own. `log`
 * hears when a slow disk turns blocking reads off.
 */
export function createNodeHost(log: (message: string) => void = () => undefined): ServerHost {
  // Blocking reads while the disk is quick: the context is on the way to an opened file's first diagnostics.
  const disk = new QuickDisk(SLOW_DISK_CALL_MS, (ms) =>
    log(`stagecraft: a file-system call took ${Math.round(ms)} ms; build contexts are read without blocking from now on`),
  );
  const shared = new FolderReader({ sync: disk, maxFolders: SHARED_READER_FOLDERS });
  return {
    name: "node",
    readBuildContext: (uri, options) => readBuildContext(uri, options?.watched === true ? shared : new FolderReader({ sync: disk }), undefined, options?.open),
    forgetFiles: (changes) => {
      if (changes === undefined) {
        shared.forgetAll();
        return true;
      }
      const paths = changes.flatMap(({ uri, presence }) => {
        const path = filePath(uri);
        return path === null ? [] : [{ path, presence }];
      });
      return shared.forget(paths);
    },
    registryAccess: (cacheDir) => ({ transport: nodeHttpTransport, store: cacheDir ? fileStore(cacheDir) : null }),
    shellcheck: (path, log) => new ShellcheckRunner(path, log),
  };
}

/** The file-system path of a `file:` URI; null for other schemes or a malformed one (a remote host): nothing was read there. */
function filePath(uri: string): string | null {
  if (!uri.startsWith("file:")) return null;
  try {
    return fileURLToPath(uri);
  } catch {
    return null;
  }
}
