// Whether the project's CI builds a Dockerfile only on fresh runners with no layer cache: every
// build of it in a GitHub workflow has no `cache-from`/`cache-to` (or passes `--no-cache`). Such a
// build reuses no layer, so the order of its layers saves nothing there (issue #11).

import { workflowsOf } from "./ci-publish";
import { FolderReader } from "./folder-reader";
import { workflowJobs } from "./ci-workflow";
import { BUILD_COMMAND, FILE_OPTION } from "../model/build-commands";
import { escapeRegExp } from "../model/text";

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
 * reuse a layer cache. A job that is not GitHub's, or runs on a self-hosted runner (whose daemon
 * keeps its layers) in a workflow that does not prune the builder cache, counts every build as
 * cached. A path written with a matrix expression (`${{ matrix.dockerfile }}`,
 * `Dockerfile.${{ matrix.image }}`) is read as each value the job's matrix lists for it
 * (`dockerfile: [Dockerfile, Dockerfile.arm]`, or an `include:` entry's `dockerfile: 'Dockerfile'`);
 * any other expression, or a matrix value the workflow computes (`fromJSON(...)`), is not read as
 * this file.
 */
export function workflowBuildCaches(text: string, path: string): boolean[] {
  // A workflow that prunes the builder's cache (`docker builder prune -f` before the build) keeps
  // no layer even on its own runner.
  const prunes = /\bdocker\s+(?:buildx|builder)\s+prune\b/.test(text);
  const builds: boolean[] = [];
  for (const job of workflowJobs(text)) {
    const isFresh = job.runner === "github-hosted" || (job.runner === "self-hosted" && prunes);
    for (const command of job.commands) {
      if (!BUILD_COMMAND.test(command)) continue;
      const names = withMatrixValues(command, job.matrix).some((candidate) => {
        const named = FILE_OPTION.exec(candidate);
        // No -f: the context's own Dockerfile, read only for the repository root (`docker build .`).
        const file = named !== null ? normalisedPath(named[2]) : /\s\.\/?\s*$/.test(candidate) ? "Dockerfile" : null;
        return file === path;
      });
      if (names) builds.push(!isFresh || (CACHE_OPTION.test(command) && !/--no-cache\b/.test(command)));
    }
    for (const step of job.buildPushSteps) {
      const file = step.inputs.get("file")?.trim() ?? null;
      const context = step.inputs.get("context")?.trim() ?? ".";
      // The action's default file is the context's Dockerfile.
      const candidates = withMatrixValues(file ?? context, job.matrix).map((value) => {
        const named = normalisedPath(value);
        if (file !== null) return named;
        return named === "." || named === "" ? "Dockerfile" : `${named.replace(/\/+$/, "")}/Dockerfile`;
      });
      if (!candidates.includes(path)) continue;
      const cache = step.inputs.has("cache-from") || step.inputs.has("cache-to");
      const noCache = /true/.test(step.inputs.get("no-cache") ?? "");
      builds.push(!isFresh || step.persistentCache || (cache && !noCache));
    }
  }
  return builds;
}

/** `${{ matrix.name }}` (or `matrix.name.field`) in a workflow value. */
const MATRIX_EXPRESSIONS = /\$\{\{\s*matrix\.([\w-]+(?:\.[\w-]+)*)\s*\}\}/g;
/** At most this many expansions of one value: a matrix larger than that is not enumerated. */
const MAX_EXPANSIONS = 64;

/**
 * The value with each `${{ matrix.name }}` replaced by every value the job's matrix lists for that
 * name (all combinations). A name the matrix lists no literal value for stays as written, so the
 * value names no file.
 */
function withMatrixValues(value: string, matrix: ReadonlyMap<string, readonly string[]>): string[] {
  let results = [value];
  const names = new Set([...value.matchAll(MATRIX_EXPRESSIONS)].map((m) => m[1]));
  for (const name of names) {
    const values = matrix.get(name);
    if (values === undefined || values.length === 0) continue;
    const pattern = new RegExp(`\\$\\{\\{\\s*matrix\\.${escapeRegExp(name)}\\s*\\}\\}`, "g");
    results = results.flatMap((result) => values.map((v) => result.replace(pattern, () => v)));
    if (results.length > MAX_EXPANSIONS) return [value];
  }
  return results;
}
