// Where a Go program writes, read from the module's .go sources the
// host passes (root and one folder down, bounded): `os.OpenFile` with a write flag, `os.Create`,
// `os.WriteFile`, `os.Mkdir(All)` and log files (`lumberjack.Logger{Filename: ...}`) on a path
// written literally or through a string constant (absolute, or relative to the working directory). The original ran as root on a full image,
// so those folders existed and were writable; a non-root runtime on distroless must be given them.
// Paths built at run time (flags, environment variables) are not seen: the docs say so.

import type { BuildContextFacts } from "../../model/context";
import { contextFiles } from "../../model/context";

export interface GoWrite {
  /** The path written (a file), or the folder created (`os.MkdirAll`); relative to the working directory unless absolute. */
  path: string;
  kind: "file" | "folder";
  /** `main.go:18 os.OpenFile(logFilePath)`: where the sources show it. */
  evidence: string;
}

/** `name = "path"` in const/var declarations and `:=` assignments (one string literal, nothing after). */
const STRING_CONSTANT = /\b([A-Za-z_]\w*)(?:\s+string)?\s*:?=\s*(?:"([^"\n]*)"|`([^`\n]*)`)\s*(?:\/\/.*)?$/gm;
/** The calls that create or write a file (or a folder) at their first argument. */
const WRITE_CALL = /\b(?:(os|ioutil)\.(OpenFile|Create|WriteFile|Mkdir|MkdirAll)\(|(Filename)\s*:)\s*/g;
/** OpenFile flags that create or write. */
const WRITE_FLAGS = /\bos\.O_(?:CREATE|WRONLY|RDWR|APPEND|TRUNC)\b/;

function isGoSource(path: string): boolean {
  return path.endsWith(".go") && !path.endsWith("_test.go") && !path.startsWith("vendor/");
}

/** The string constants of all sources: a path written through a name declared in another file resolves too. */
function stringConstants(sources: readonly [string, string][]): Map<string, string> {
  const constants = new Map<string, string>();
  for (const [, text] of sources) {
    for (const match of text.matchAll(STRING_CONSTANT)) {
      const value = match[2] ?? match[3];
      // A name bound to two different paths is ambiguous: it is dropped.
      if (constants.has(match[1]) && constants.get(match[1]) !== value) constants.set(match[1], "");
      else constants.set(match[1], value);
    }
  }
  return constants;
}

/**
 * The absolute path of a call's first argument: a literal, a constant, or `filepath.Join(<dir>, ...)`
 * (then the folder, with `joined` true); null when it is built some other way.
 */
function firstArgumentPath(rest: string, constants: Map<string, string>): { path: string; joined: boolean; written: string } | null {
  const join = /^(?:filepath|path)\.Join\(\s*/.exec(rest);
  const argument = join ? rest.slice(join[0].length) : rest;
  const literal = /^(?:"([^"\n]*)"|`([^`\n]*)`)/.exec(argument);
  const name = literal ? null : /^([A-Za-z_]\w*)\s*[,)}\n]/.exec(argument);
  const value = literal ? (literal[1] ?? literal[2]) : name ? constants.get(name[1]) : undefined;
  // Not a path: empty, a format string, a URL, or the working directory itself.
  if (!value || /[%:]|^\.?\/?$/.test(value)) return null;
  const written = literal ? literal[0] : (name?.[1] ?? "");
  const path = value.startsWith("/") ? value.replace(/\/+$/, "") || "/" : value.replace(/^\.\//, "").replace(/\/+$/, "");
  return { path, joined: join !== null, written };
}

function dirname(path: string): string {
  return path.slice(0, path.lastIndexOf("/")) || "/";
}

/** Paths the program's Go sources write (absolute, or relative to where it starts), each once, in file order. */
export function goWrites(context: BuildContextFacts): GoWrite[] {
  const sources = Object.entries(contextFiles(context))
    .filter(([path]) => isGoSource(path))
    .sort(([a], [b]) => a.localeCompare(b));
  const constants = stringConstants(sources);
  const writes: GoWrite[] = [];
  for (const [file, text] of sources) {
    for (const call of text.matchAll(WRITE_CALL)) {
      const kind = call[2] ?? call[3];
      const rest = text.slice((call.index ?? 0) + call[0].length);
      const found = firstArgumentPath(rest, constants);
      if (found === null) continue;
      const line = text.slice(0, call.index).split("\n").length;
      // OpenFile only writes with a write flag, among its arguments.
      if (kind === "OpenFile" && !WRITE_FLAGS.test(callArguments(rest))) continue;
      const argument = found.joined ? `filepath.Join(${found.written}, ...)` : found.written;
      const written = kind === "Filename" ? `Filename: ${argument}` : `${call[1]}.${kind}(${argument})`;
      // `Filename:` names a log file (lumberjack) only on an absolute `.log` path; elsewhere it is any struct's field.
      if (kind === "Filename" && (!found.path.startsWith("/") || !found.path.endsWith(".log") || found.joined)) continue;
      const isFolder = found.joined || kind === "Mkdir" || kind === "MkdirAll";
      const write: GoWrite = { path: found.path, kind: isFolder ? "folder" : "file", evidence: `${file}:${line} ${written}` };
      if (write.path === "/" || write.path.startsWith("..")) continue;
      if (!writes.some((w) => w.path === write.path && w.kind === write.kind)) writes.push(write);
    }
  }
  return writes;
}

/** The text of a call's arguments, from just after its `(` to the matching `)` (bounded). */
function callArguments(rest: string): string {
  let depth = 1;
  for (let i = 0; i < Math.min(rest.length, 2000); i++) {
    if (rest[i] === "(") depth++;
    else if (rest[i] === ")" && --depth === 0) return rest.slice(0, i);
  }
  return rest.slice(0, 2000);
}

/** The folder a write needs to exist and be writable: the file's folder, or the folder itself. */
export function folderOf(write: GoWrite): string {
  return write.kind === "folder" ? write.path : write.path.includes("/") ? dirname(write.path) : ".";
}
