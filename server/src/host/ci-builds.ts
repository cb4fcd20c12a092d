// Whether the project's CI builds a Dockerfile only on fresh runners with no layer cache: every
// build of it in a GitHub workflow has no `cache-from`/`cache-to` (or passes `--no-cache`). Such a
// build reuses no layer, so the order of its layers saves nothing there (issue #11).

import { workflowsOf } from "./ci-publish";
import { FolderReader } from "./folder-reader";
import { BUILD_COMMAND, BUILD_PUSH_ACTION, FILE_OPTION } from "../model/build-commands";

/** A build that reads or writes a layer cache outside the runner (`--cache-from`, `--cache-to`). */
const CACHE_OPTION = /--cache-(?:from|to)\b/;

/**
 * True when a GitHub workflow of the repository holding `file` builds it, and none of its builds
 * reuses a layer cache. False when no workflow builds it by a path we can read, or one keeps a cache.
 */
export async function readCiBuildsWithoutCache(file: string, reader = new FolderReader()): Promise<boolean> {
  const workflows = await workflowsOf(file, reader);
  if (workflows === null) return false;
  const builds = workflows.texts.flatMap((text) => workflowBuildCaches(text, workflows.path));
  return builds.length > 0 && builds.every((cached) => !cached);
}

/** Normalises a Dockerfile path as a workflow writes it: quotes, `./`, `${{ github.workspace }}/`. */
function normalisedPath(value: string): string {
  return value
    .replace(/^["']|["']$/g, "")
    .replace(/^\$\{\{\s*github\.workspace\s*\}\}\//, "")
    .replace(/^(?:\.\/)+/, "");
}

/**
 * For each build of the Dockerfile at repository path `path` in the workflow `text`: whether it may
 * reuse a layer cache. A workflow that is not GitHub's, or runs on self-hosted runners (whose
 * daemon keeps its layers) without pruning the builder cache, counts every build as cached; a path written as an expression
 * (`${{ matrix.file }}`) is not read as this file.
 */
export function workflowBuildCaches(text: string, path: string): boolean[] {
  // A workflow that prunes the builder's cache (`docker builder prune -f` before the build) keeps
  // no layer even on its own runner.
  const isFresh = (/^\s*runs-on:/m.test(text) && !/self-hosted/.test(text)) || /\bdocker\s+(?:buildx|builder)\s+prune\b/.test(text);
  const builds: boolean[] = [];
  const commands = text.replace(/\\[ \t]*\r?\n/g, " ").split(/\r?\n/);
  for (const command of commands) {
    if (!BUILD_COMMAND.test(command)) continue;
    const named = FILE_OPTION.exec(command);
    // No -f: the context's own Dockerfile, read only for the repository root (`docker build .`).
    const file = named !== null ? normalisedPath(named[2]) : /\s\.\/?\s*$/.test(command) ? "Dockerfile" : null;
    if (file !== path) continue;
    builds.push(!isFresh || (CACHE_OPTION.test(command) && !/--no-cache\b/.test(command)));
  }
  const lines = text.split(/\r?\n/);
  for (let i = 0; i < lines.length; i++) {
    if (!BUILD_PUSH_ACTION.test(lines[i])) continue;
    let file: string | null = null;
    let context = ".";
    let cache = false;
    let noCache = false;
    for (let j = i + 1; j < lines.length && !/\buses:/.test(lines[j]) && !/^\s*-\s+name:/.test(lines[j]); j++) {
      const value = /^\s*([a-z-]+):(.*)$/.exec(lines[j]);
      if (value === null) continue;
      const text = value[2].trim();
      if (value[1] === "file") file = normalisedPath(text);
      if (value[1] === "context") context = normalisedPath(text);
      if (value[1] === "cache-from" || value[1] === "cache-to") cache = true;
      if (value[1] === "no-cache" && /true/.test(text)) noCache = true;
    }
    // The action's default file is the context's Dockerfile.
    const built = file ?? (context === "." || context === "" ? "Dockerfile" : `${context.replace(/\/+$/, "")}/Dockerfile`);
    if (built !== path) continue;
    builds.push(!isFresh || (cache && !noCache));
  }
  return builds;
}
