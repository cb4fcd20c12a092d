// Builds whose context is a git archive piped to the builder: `git archive HEAD | docker build -t
// app -` (a Makefile's `docker` target). The archive holds the committed files of the folder the
// command runs in and nothing else: no .git, no node_modules or build output that is not
// committed, so there is nothing a .dockerignore would keep out of it.

import { join } from "node:path";
import { readBuildWords } from "../model/build-commands";
import type { FolderReader } from "./folder-reader";
import { scriptTextsIn } from "./build-targets";
import { foundInProjectFolders } from "./project-folders";

/** `git archive ... | docker build ...`: the archive command's options, then the build's words up to the end of the command. */
const ARCHIVE_PIPED_BUILD = /\bgit\s+archive\b([^|\n]*)\|\s*(?:sudo\s+)?(?:docker|podman)\s+(?:buildx\s+)?build\b([^\n|;&)]*)/g;

/**
 * The Dockerfiles (absolute paths) that the build scripts in reach of `folder` (it and the folders
 * above it, up to the repository root: Makefiles, shell scripts, CI workflows) build from a git
 * archive, sorted.
 */
export function readGitArchiveBuilds(folder: string, reader: FolderReader): Promise<string[]> {
  return foundInProjectFolders(folder, "git-archive-builds", reader, async ({ dir, isRoot }) =>
    (await scriptTextsIn(dir, isRoot, reader)).flatMap((text) => archiveBuiltDockerfiles(text).map((path) => join(dir, path))),
  );
}

/**
 * The Dockerfiles, relative to the folder the command runs in, that `text` builds from a git
 * archive of that folder: `Dockerfile`, or the `-f` / `--file` the build names. Not an archive
 * that moves its files under a `--prefix`, nor one the build does not read as its context (`-`).
 */
export function archiveBuiltDockerfiles(text: string): string[] {
  const joined = text.replace(/\\\r?\n/g, " ");
  const found: string[] = [];
  for (const [, archive, build] of joined.matchAll(ARCHIVE_PIPED_BUILD)) {
    if (/(?:^|\s)--prefix\b/.test(archive)) continue;
    const { dockerfile, positional } = readBuildWords(build.trim());
    const unquoted = (word: string) => word.replace(/^["']|["']$/g, "");
    const file = dockerfile === null ? "Dockerfile" : unquoted(dockerfile);
    if (positional.map(unquoted).includes("-") && file !== "-") found.push(file.replace(/^\.\//, ""));
  }
  return found;
}
