// The paths of a COPY or ADD: sources and destination with quotes removed, heredoc bodies left out,
// and the path arithmetic rules need to compare them (normalize, join, root).

import type { Instruction, Token } from "./types";

export interface CopyPaths {
  /** Source paths as the builder reads them (quotes removed); ranges are the words as written. */
  sources: Token[];
  dest: Token;
}

// Two dozen model helpers and rules ask for the same copy's paths, some once per command of every
// RUN after it: read once per instruction (and its arguments, which a model made by hand may change).
const pathsRead = new WeakMap<Instruction, { args: Instruction["args"]; paths: CopyPaths | null }>();

/** Sources and destination of a COPY/ADD (flags excluded); null when there are fewer than two. Callers share the answer and must not change it. */
export function copyPaths(instruction: Instruction): CopyPaths | null {
  if (instruction.keyword !== "COPY" && instruction.keyword !== "ADD") return null;
  const read = pathsRead.get(instruction);
  if (read !== undefined && read.args === instruction.args) return read.paths;
  const paths = readCopyPaths(instruction);
  pathsRead.set(instruction, { args: instruction.args, paths });
  return paths;
}

function readCopyPaths(instruction: Instruction): CopyPaths | null {
  // Heredoc bodies are parsed as arguments; only the words before the first body are paths.
  const bodyLine = instruction.heredocs.reduce((min, h) => (h.contentRange ? Math.min(min, h.contentRange.start.line) : min), Infinity);
  const words = instruction.args
    .filter((a) => a.range.start.line < bodyLine)
    .map((a) => ({ value: instruction.isJsonForm ? a.value : unquoteWord(a.value), range: a.range }));
  if (words.length < 2) return null;
  return { sources: words.slice(0, -1), dest: words[words.length - 1] };
}

/** True for a heredoc source (`<<EOF`, `<<-EOF`). */
export function isHeredocSource(path: string): boolean {
  return path.startsWith("<<");
}

/** `"a"` / `'a'` -> `a`. */
export function unquoteWord(value: string): string {
  if (value.length >= 2 && (value[0] === '"' || value[0] === "'") && value[value.length - 1] === value[0]) return value.slice(1, -1);
  return value;
}

/** The last part of a path or command word (`/usr/bin/gosu` -> `gosu`). */
export function baseName(path: string): string {
  return path.split("/").pop() ?? path;
}

/**
 * POSIX path normalization: collapses `//`, resolves `.` and `..`, drops the trailing slash.
 * Absolute paths stay absolute (`/..` is `/`); a relative path may normalize to `.`.
 */
export function normalizePath(path: string): string {
  const isAbsolute = path.startsWith("/");
  const out: string[] = [];
  for (const part of path.split("/")) {
    if (part === "" || part === ".") continue;
    if (part === ".." && out.length > 0 && out[out.length - 1] !== "..") out.pop();
    else if (part === ".." && isAbsolute) continue;
    else out.push(part);
  }
  const joined = out.join("/");
  return isAbsolute ? `/${joined}` : joined === "" ? "." : joined;
}

/**
 * A COPY source or bind-mount source as the path of a file in the build context: normalized and
 * without the leading `/` (the context root is `/` to BuildKit, `.` here, both spellings alike).
 */
export function contextRelativePath(path: string): string {
  const normalized = normalizePath(path);
  return normalized.startsWith("/") ? normalized.slice(1) || "." : normalized;
}

/** `base` joined with `path` (absolute `path` wins), normalized. */
export function joinPath(base: string, path: string): string {
  return normalizePath(path.startsWith("/") ? path : `${base}/${path}`);
}

/** True when `ancestor` is `path` or one of its parent directories (both absolute, normalized). */
export function isSameOrParentPath(ancestor: string, path: string): boolean {
  if (ancestor === path) return true;
  const prefix = ancestor === "/" ? "/" : `${ancestor}/`;
  return path.startsWith(prefix);
}
