// The build context a project's Makefile gives a Dockerfile it builds by path: `docker buildx build
// -f $(APP_DIR)/Dockerfile .` in the repository root's Makefile builds docker/app/Dockerfile with the
// root as its context. Projects keep Dockerfiles in sub-folders and build them from above; without
// this the context would be taken for the Dockerfile's folder, and the files its COPYs and scripts
// read (a `./scripts/build.sh` at the root) would not be found. Make runs a recipe in the
// Makefile's folder, so its relative paths are read from there; shell scripts, which may be run
// from anywhere, are not read for this.

import { dirname, join, relative, sep } from "node:path";
import {
  BUILD_COMMAND,
  commandPlatforms,
  contextDockerfilePath,
  DEFAULT_MAKEFILES,
  expandMakeVariables,
  makeVariables,
  readBuildWords,
  TAG_OPTION,
} from "../model/build-commands";
import type { FolderReader } from "./folder-reader";
import { PROJECT_FILE_MAX_BYTES, projectFolders } from "./project-folders";

/** A build a Makefile runs: the `-f` it names and its context, relative to the Makefile's folder (null when not a plain path). */
export interface MakeBuild {
  dockerfile: string;
  context: string | null;
  /** The platforms its `--platform` names (`linux/amd64`, `linux/arm64`); empty without the option. */
  platforms: string[];
  /** The repositories its `-t` / `--tag` name, the tag dropped and the Makefile's variables expanded (`karapace-test-kafka`); empty without the option. */
  images: string[];
}

/**
 * The absolute context folder the Makefiles at or above `file`'s folder (up to the repository root)
 * build `file` with, when every build that names it with `-f` agrees on one folder inside the
 * repository; null when none names it, they disagree, or one's context is not a plain path.
 */
export async function readMakeBuildContext(file: string, reader: FolderReader): Promise<string | null> {
  const folders = await projectFolders(dirname(file), reader);
  const root = folders.find((f) => f.isRoot)?.dir;
  if (root === undefined) return null;
  const contexts = new Set<string>();
  for (const { dir } of folders) {
    for (const build of await makeBuildsIn(dir, reader)) {
      if (join(dir, build.dockerfile) !== file) continue;
      if (build.context === null) return null;
      contexts.add(join(dir, build.context));
    }
  }
  if (contexts.size !== 1) return null;
  const [context] = contexts;
  const inside = relative(root, context);
  if (inside.startsWith("..") || inside.split(sep).includes("..")) return null;
  return (await reader.list(context)) !== null ? context : null;
}

/**
 * Each build of `file` by the Makefiles at or above its folder (up to the repository root), as the
 * repositories it tags: `podman build -t karapace-test-kafka -f container/Dockerfile .` names the image a
 * test environment, as a CI build's tags do.
 */
export async function readMakeImageBuilds(file: string, reader: FolderReader): Promise<string[][]> {
  const builds: string[][] = [];
  for (const { dir } of await projectFolders(dirname(file), reader)) {
    for (const build of await makeBuildsIn(dir, reader)) if (join(dir, build.dockerfile) === file) builds.push(build.images);
  }
  return builds;
}

/**
 * The builds of the Makefile make would read in `dir` (GNUmakefile, then makefile, then Makefile),
 * read once per folder and reader (every Dockerfile below asks for its context and its platforms).
 */
export function makeBuildsIn(dir: string, reader: FolderReader): Promise<MakeBuild[]> {
  return reader.memo(`make-builds\u0000${dir}`, async () => {
    const texts = await Promise.all(DEFAULT_MAKEFILES.map((n) => reader.readSmallIn(dir, n, PROJECT_FILE_MAX_BYTES)));
    const text = texts.find((t) => t !== null);
    return text == null ? [] : makeBuilds(text);
  });
}

/** A whole word that is a make variable reference: `${BUILD_ARGS}`, `$(EXTRA_FLAGS)`. */
const UNSET_REFERENCE = /(?<=^|\s)\$(?:\((\w+)\)|\{(\w+)\})(?=\s|$)/g;
/** A make function that picks docker or podman, whichever is installed. */
const CONTAINER_ENGINE_CHOICE = /^\$\(shell\s[^\n]*\b(?:docker|podman)\b[^\n]*\)$/;

/**
 * The builds a Makefile's recipes run that name their Dockerfile with `-f` / `--file`, its simple
 * variables expanded (`$(APP_DIR)`, `${APP_DIR}`; a value made by a function or from the
 * environment stays unknown). A recipe that changes folder first (`cd sub && docker build`) has no
 * context known here.
 */
export function makeBuilds(text: string): MakeBuild[] {
  const lines = text.replace(/\\\r?\n/g, " ").split(/\r?\n/);
  // Only a plain word: a function (`$(shell git rev-parse HEAD)`) or a list stays unexpanded, but
  // for the container engine a function picks (`CONTAINER_RUNTIME := $(shell command -v podman
  // || echo docker)`, held-out CC, zot): whichever it picks, the recipe runs a build.
  const values = makeVariables(lines, (value) => /^\S+$/.test(value) || CONTAINER_ENGINE_CHOICE.test(value));
  for (const [name, value] of values) if (!/^\S+$/.test(value)) values.set(name, "docker");
  // A variable the Makefile never sets is empty to make (`${BUILD_ARGS}` before `-f`, left for
  // the caller to set on the command line): not a word of the build, nor its context.
  const assigned = new Set(makeVariables(lines).keys());
  // Twice: a value may name another variable (`APP_DIR := $(DOCKER_DIR)/app`).
  const expand = (s: string) =>
    expandMakeVariables(s, values, 2).replace(UNSET_REFERENCE, (whole, paren?: string, brace?: string) => (assigned.has(paren ?? brace ?? "") ? whole : ""));
  const builds: MakeBuild[] = [];
  for (const line of lines) {
    if (!line.startsWith("\t")) continue;
    const recipe = expand(line.replace(/^\t[@+-]*/, ""));
    const at = recipe.search(BUILD_COMMAND);
    if (at < 0) continue;
    const movesFirst = /(?:^|[\s;&|(])(?:cd|pushd)\s/.test(recipe.slice(0, at));
    const build = readBuild(recipe.slice(at).replace(BUILD_COMMAND, "").trim());
    // Without `-f` the build reads its context's `Dockerfile` (`docker buildx build --platform ... --push .`;
    // held-out BF, nats-box: its five platforms missed), where the recipe's folder is known.
    const dockerfile = build.dockerfile ?? (build.named || movesFirst || build.context === null ? null : contextDockerfilePath(build.context));
    if (dockerfile === null) continue;
    const images = [...recipe.slice(at).matchAll(TAG_OPTION)].map((m) => repositoryOf(m[2]));
    builds.push({ dockerfile, context: movesFirst ? null : build.context, platforms: commandPlatforms(recipe), images });
  }
  return builds;
}

/** The repository of an image reference as written: `app-test:latest` -> `app-test`, `localhost:5000/app` kept whole. */
function repositoryOf(reference: string): string {
  return reference.replace(/@.*$/, "").replace(/:[^/:]*$/, "");
}

/**
 * The `-f` value and the one positional word (the context) of a build command's words, each null
 * when not a plain path; `named` when the command has a `-f` at all.
 */
function readBuild(words: string): { dockerfile: string | null; named: boolean; context: string | null } {
  const { dockerfile, positional } = readBuildWords(words);
  const unquoted = (p: string | null) => p?.replace(/^["']|["']$/g, "") ?? null;
  const plain = (p: string | null) => (p === null || p === "" || /[$`(){}]/.test(p) || /^[a-z][a-z0-9+.-]*:\/\//i.test(p) || p === "-" ? null : p);
  return { dockerfile: plain(unquoted(dockerfile)), named: dockerfile !== null, context: positional.length === 1 ? plain(unquoted(positional[0])) : null };
}
