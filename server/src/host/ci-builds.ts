// Whether the project's CI builds a Dockerfile only on fresh runners with no layer cache: every
// build of it in a GitHub workflow has no `cache-from`/`cache-to` (or passes `--no-cache`). Such a
// build reuses no layer, so the order of its layers saves nothing there (issue #11).

import { workflowsOf } from "./ci-publish";
import { FolderReader } from "./folder-reader";
import { BUILD_COMMAND, BUILD_PUSH_ACTION, FILE_OPTION } from "../model/build-commands";
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
 * reuse a layer cache. A workflow that is not GitHub's, or runs on self-hosted runners (whose
 * daemon keeps its layers) without pruning the builder cache, counts every build as cached. A path
 * written with a matrix expression (`${{ matrix.dockerfile }}`, `Dockerfile.${{ matrix.image }}`)
 * is read as each value the job's matrix lists for it (`dockerfile: [Dockerfile, Dockerfile.arm]`, or
 * an `include:` entry's `dockerfile: 'Dockerfile'`); any other expression, or a matrix value the
 * workflow computes (`fromJSON(...)`), is not read as this file.
 */
export function workflowBuildCaches(text: string, path: string): boolean[] {
  const lines = text.split(/\r?\n/);
  // A workflow that prunes the builder's cache (`docker builder prune -f` before the build) keeps
  // no layer even on its own runner.
  const isFresh = (/^\s*runs-on:/m.test(text) && !/self-hosted/.test(text)) || /\bdocker\s+(?:buildx|builder)\s+prune\b/.test(text);
  const builds: boolean[] = [];
  for (const { command, line } of joinedCommands(lines)) {
    if (!BUILD_COMMAND.test(command)) continue;
    const expanded = withMatrixValues(command, matrixOfJobAt(lines, line));
    const names = expanded.some((candidate) => {
      const named = FILE_OPTION.exec(candidate);
      // No -f: the context's own Dockerfile, read only for the repository root (`docker build .`).
      const file = named !== null ? normalisedPath(named[2]) : /\s\.\/?\s*$/.test(candidate) ? "Dockerfile" : null;
      return file === path;
    });
    if (!names) continue;
    builds.push(!isFresh || (CACHE_OPTION.test(command) && !/--no-cache\b/.test(command)));
  }
  for (let i = 0; i < lines.length; i++) {
    if (!BUILD_PUSH_ACTION.test(lines[i])) continue;
    let file: string | null = null;
    let context = ".";
    const matrix = matrixOfJobAt(lines, i);
    let cache = false;
    let noCache = false;
    for (let j = i + 1; j < lines.length && !/\buses:/.test(lines[j]) && !/^\s*-\s+name:/.test(lines[j]); j++) {
      const value = /^\s*([a-z-]+):(.*)$/.exec(lines[j]);
      if (value === null) continue;
      const text = value[2].trim();
      if (value[1] === "file") file = text;
      if (value[1] === "context") context = text;
      if (value[1] === "cache-from" || value[1] === "cache-to") cache = true;
      if (value[1] === "no-cache" && /true/.test(text)) noCache = true;
    }
    // The action's default file is the context's Dockerfile.
    const candidates = withMatrixValues(file ?? context, matrix).map((value) => {
      const named = normalisedPath(value);
      if (file !== null) return named;
      return named === "." || named === "" ? "Dockerfile" : `${named.replace(/\/+$/, "")}/Dockerfile`;
    });
    if (!candidates.includes(path)) continue;
    builds.push(!isFresh || (cache && !noCache));
  }
  return builds;
}

/** `${{ matrix.name }}` in a workflow value. */
const MATRIX_EXPRESSIONS = /\$\{\{\s*matrix\.([\w-]+)\s*\}\}/g;
/** At most this many expansions of one value: a matrix larger than that is not enumerated. */
const MAX_EXPANSIONS = 64;

/**
 * The value with each `${{ matrix.name }}` replaced by every value the job's matrix lists for that
 * name (all combinations). A name the matrix lists no literal value for stays as written, so the
 * value names no file.
 */
function withMatrixValues(value: string, matrix: Map<string, string[]>): string[] {
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

/** The workflow's lines with backslash continuations joined, each with the index of its first line. */
function joinedCommands(lines: readonly string[]): { command: string; line: number }[] {
  const commands: { command: string; line: number }[] = [];
  for (let i = 0; i < lines.length; i++) {
    const line = i;
    let command = lines[i];
    while (/\\[ \t]*$/.test(command) && i + 1 < lines.length) command = command.replace(/\\[ \t]*$/, " ") + lines[++i];
    commands.push({ command, line });
  }
  return commands;
}

const indentOf = (line: string): number => /^\s*/.exec(line)?.[0].length ?? 0;
const isContent = (line: string): boolean => line.trim() !== "" && !line.trim().startsWith("#");

/**
 * The literal values of the matrix of the job holding line `at`: its `strategy.matrix` keys with a
 * scalar (`image: full`), a flow list (`image: [full, slim]`) or a block list, and the keys of its
 * `include:` entries. Values written as expressions (`fromJSON(...)`) are left out.
 */
function matrixOfJobAt(lines: readonly string[], at: number): Map<string, string[]> {
  const values = new Map<string, string[]>();
  const jobs = lines.findIndex((line) => /^jobs:\s*(?:#.*)?$/.test(line));
  if (jobs < 0 || jobs > at) return values;
  const first = lines.findIndex((line, i) => i > jobs && isContent(line));
  if (first < 0) return values;
  const jobIndent = indentOf(lines[first]);
  const isJobKey = (line: string) => isContent(line) && indentOf(line) === jobIndent && /^\s*[\w.-]+:\s*(?:#.*)?$/.test(line);
  let start = at;
  while (start > jobs && !isJobKey(lines[start])) start--;
  let end = at + 1;
  while (end < lines.length && !isJobKey(lines[end]) && !(isContent(lines[end]) && indentOf(lines[end]) < jobIndent)) end++;
  const matrixLine = lines.findIndex((line, i) => i > start && i < end && /^\s*matrix:\s*(?:#.*)?$/.test(line));
  if (matrixLine < 0) return values;
  const matrixIndent = indentOf(lines[matrixLine]);
  const add = (name: string, value: string) => {
    const v = value
      .replace(/\s+#.*$/, "")
      .trim()
      .replace(/^["']|["']$/g, "");
    if (v === "" || v.includes("${{")) return;
    values.set(name, [...(values.get(name) ?? []), v]);
  };
  let listKey: { name: string; indent: number } | null = null;
  for (let i = matrixLine + 1; i < end; i++) {
    const line = lines[i];
    if (!isContent(line)) continue;
    if (indentOf(line) <= matrixIndent) break;
    const item = /^(\s*)-\s+([^:\s][^:]*)$/.exec(line);
    if (listKey !== null && item !== null && item[1].length >= listKey.indent) {
      add(listKey.name, item[2]);
      continue;
    }
    listKey = null;
    const entry = /^(\s*)(?:-\s+)?([\w-]+):(.*)$/.exec(line);
    if (entry === null) continue;
    const [, , name, rest] = entry;
    const value = rest.replace(/\s+#.*$/, "").trim();
    if (value === "") listKey = { name, indent: indentOf(line) };
    else if (value.startsWith("[")) for (const v of value.replace(/^\[|\]$/g, "").split(",")) add(name, v);
    else add(name, value);
  }
  return values;
}
