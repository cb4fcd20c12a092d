// What a COPY or ADD takes from the build context: its sources and destination, whether it copies
// the whole context (`COPY . .`), and whether an earlier copy already brought in a given file
// (a manifest such as `package.json`), with Docker's wildcard semantics.

import { copyPaths, isHeredocSource, normalizePath } from "./copy-paths";
import { compileGlob, Glob } from "./glob";
import type { Instruction, Stage, Token } from "./types";

/** A COPY/ADD that reads the build context. */
export interface ContextCopy {
  instruction: Instruction;
  /** Source paths (quotes removed), heredoc and URL sources left out. */
  sources: Token[];
  dest: Token;
}

const REMOTE = /^(?:[a-z][a-z0-9+.-]*:\/\/|git@)/i;

/**
 * Sources and destination of a COPY/ADD that reads the build context (JSON form included); null
 * for `--from` copies, heredoc copies, and copies with fewer than two arguments.
 */
export function contextCopy(instruction: Instruction): ContextCopy | null {
  if (instruction.keyword !== "COPY" && instruction.keyword !== "ADD") return null;
  const read = copiesRead.get(instruction);
  if (read !== undefined && read.args === instruction.args && read.flags === instruction.flags) return read.copy;
  const copy = readContextCopy(instruction);
  copiesRead.set(instruction, { args: instruction.args, flags: instruction.flags, copy });
  return copy;
}

// Asked by a dozen helpers and rules for every COPY, some once per command of every RUN after it:
// read once per instruction (and its arguments and flags, which a model made by hand may change).
const copiesRead = new WeakMap<Instruction, { args: Instruction["args"]; flags: Instruction["flags"]; copy: ContextCopy | null }>();

function readContextCopy(instruction: Instruction): ContextCopy | null {
  // An `ONBUILD COPY` runs in a downstream build, so it is not passed through: callers that
  // care hand in `instruction.trigger` themselves.
  const inst = instruction;
  if (inst.flags.some((f) => f.name.toLowerCase() === "from")) return null;
  if (inst.heredocs.length > 0) return null;
  const paths = copyPaths(inst);
  if (!paths) return null;
  // ADD also fetches URLs and git repositories: those are not context files.
  const sources = paths.sources.filter((s) => !isHeredocSource(s.value) && !REMOTE.test(s.value));
  if (sources.length === 0) return null;
  return { instruction: inst, sources, dest: paths.dest };
}

/** True for a source that names the whole context: `.`, `./`, `/`, `*`, `./*`, and `..` (BuildKit keeps sources inside the context). */
export function isWholeContextSource(path: string): boolean {
  if (path === "") return false;
  if (/^(?:\.\/)*\*+$/.test(path)) return true;
  const normalized = normalizePath(path);
  return normalized === "." || normalized === "/" || /^\.\.(?:\/\.\.)*$/.test(normalized);
}

/** The source token of a COPY/ADD that copies the whole build context, or null. */
export function broadContextSource(instruction: Instruction): Token | null {
  const copy = contextCopy(instruction);
  return copy?.sources.find((s) => isWholeContextSource(s.value)) ?? null;
}

/** True for a COPY/ADD without `--from` whose sources include the whole context (`COPY . .`). */
export function isBroadContextCopy(instruction: Instruction): boolean {
  return broadContextSource(instruction) !== null;
}

/** True when a path holds shell-style wildcards (`*`, `?`, `[...]`). */
export function hasWildcard(path: string): boolean {
  return /[*?[]/.test(path);
}

/**
 * Go `filepath.Match` semantics, which COPY uses for its sources: `*` and `?` never cross `/`,
 * `[...]` is a class (`[^...]` or `[!...]` negated), `\\` escapes. A pattern Go rejects (`[z-a]`)
 * matches nothing. Linear matching (model/glob.ts): the pattern comes from the Dockerfile.
 */
export function copyGlob(pattern: string): Glob {
  return compileGlob(pattern, { bangNegates: true, unclosedClass: "literal" }) ?? NEVER;
}

const NEVER: Glob = { steps: [], crossesSlash: false, test: () => false };

function basename(path: string): string {
  const trimmed = path.replace(/\/+$/, "");
  return trimmed.slice(trimmed.lastIndexOf("/") + 1);
}

/**
 * True when a copy source brings in `file` (a manifest name like `package.json`, possibly a
 * pattern like `*.csproj`, or a relative path like `requirements/prod.txt`): the source names it,
 * or is a wildcard that matches it (`package*.json`, `go.*`). Directory sources do not count: we
 * cannot see what they hold.
 */
export function sourceCopiesFile(source: string, file: string): boolean {
  const src = normalizePath(source);
  const wanted = normalizePath(file);
  if (src === wanted) return true;
  const srcName = basename(src);
  const fileName = basename(wanted);
  // A bare manifest name is looked for wherever the source puts it (`COPY app/package.json app/`).
  const fileIsBare = !wanted.includes("/");
  const target = fileIsBare ? srcName : src;
  const wantedPath = fileIsBare ? fileName : wanted;
  if (target === wantedPath) return true;
  if (hasWildcard(source) && copyGlob(target).test(wantedPath)) return true;
  if (hasWildcard(file) && copyGlob(wantedPath).test(target)) return true;
  return false;
}

/** True when a COPY/ADD of `stage` before `before` copied `file` (glob-aware, see sourceCopiesFile). */
export function hasCopiedFileBefore(stage: Stage, before: Instruction, file: string): boolean {
  for (const instruction of stage.instructions) {
    if (instruction.ordinal >= before.ordinal) break;
    const copy = contextCopy(instruction);
    if (!copy) continue;
    if (copy.sources.some((s) => !isWholeContextSource(s.value) && sourceCopiesFile(s.value, file))) return true;
  }
  return false;
}
