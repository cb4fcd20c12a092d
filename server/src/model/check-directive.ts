// BuildKit's `check` options: the `# check=skip=...;error=true;experimental=...` parser directive at
// the top of the file, and the same comment among the comments right before an instruction, which
// applies to that instruction only (BuildKit's linter.go: ParseLintOptions, WithMergedConfigFromComments).

import { commentsBetween } from "./comments";
import type { DockerfileModel, Instruction } from "./types";

export interface CheckOptions {
  skipAll: boolean;
  skip: ReadonlySet<string>;
  experimentalAll: boolean;
  experimental: ReadonlySet<string>;
  /** `error=true`: BuildKit fails the build on any check. */
  error: boolean;
}

export const NO_CHECK_OPTIONS: CheckOptions = { skipAll: false, skip: new Set(), experimentalAll: false, experimental: new Set(), error: false };

const names = (v: string) =>
  v
    .split(",")
    .map((s) => s.trim())
    .filter((s) => s !== "");

/** Parses a `check` value as BuildKit does; null when BuildKit would reject it (an unknown key, a part without `=`). */
export function parseCheckOptions(value: string): CheckOptions | null {
  const text = value.trim();
  if (text === "") return NO_CHECK_OPTIONS;
  const options = { skipAll: false, skip: new Set<string>(), experimentalAll: false, experimental: new Set<string>(), error: false };
  // Go's strings.SplitN(s, ";", 3): the third part keeps any further semicolons.
  const parts = text.split(";");
  const limited = parts.length > 3 ? [...parts.slice(0, 2), parts.slice(2).join(";")] : parts;
  for (const part of limited) {
    const eq = part.indexOf("=");
    if (eq < 0) return null;
    const key = part.slice(0, eq).trim();
    const v = part.slice(eq + 1).trim();
    if (key === "skip") {
      if (v === "all") options.skipAll = true;
      else for (const n of names(v)) options.skip.add(n);
    } else if (key === "experimental") {
      if (v === "all") options.experimentalAll = true;
      else for (const n of names(v)) options.experimental.add(n);
    } else if (key === "error") {
      const b = v.toLowerCase();
      if (["1", "t", "true"].includes(b)) options.error = true;
      else if (!["0", "f", "false"].includes(b)) return null;
    } else return null;
  }
  return options;
}

/** The options of the file's `# check=` parser directive. */
export function fileCheckOptions(model: DockerfileModel): CheckOptions {
  const directive = model.directives.find((d) => d.name.toLowerCase() === "check");
  return (directive && parseCheckOptions(directive.value)) ?? NO_CHECK_OPTIONS;
}

// BuildKit's directive syntax, applied to a comment's text (after `#`).
const CHECK_COMMENT = /^check\s*=(.*)$/i;

/**
 * The options of the first `check=` comment among the comments BuildKit attaches to `instruction`:
 * every comment since the previous instruction, reset by an empty `#`. Null when there is none.
 * BuildKit cuts the value at its first space, so `# check=skip=X // why` works.
 */
export function instructionCheckOptions(model: DockerfileModel, instruction: Instruction): CheckOptions | null {
  const previous = instruction.ordinal > 0 ? model.instructions[instruction.ordinal - 1] : undefined;
  const after = previous ? previous.range.end.line : -1;
  const comments = commentsBetween(model, after, instruction.range.start.line);
  // Asked for every instruction, and most have no comment above them.
  if (comments.length === 0) return null;
  // The block is the comments after the last empty `#` (parser directives, a file's first lines, are none of them).
  let blockStart = 0;
  for (let i = 0; i < comments.length; i++) if (comments[i].content === "" && !isDirectiveLine(model, comments[i].range.start.line)) blockStart = i + 1;
  for (let i = blockStart; i < comments.length; i++) {
    if (isDirectiveLine(model, comments[i].range.start.line)) continue;
    const match = CHECK_COMMENT.exec(comments[i].content);
    if (!match) continue;
    return parseCheckOptions(match[1].trim().split(" ")[0]);
  }
  return null;
}

/** Whether `line` holds a parser directive (a file has a few at most). */
function isDirectiveLine(model: DockerfileModel, line: number): boolean {
  return model.directives.some((d) => d.range.start.line === line);
}

/** Whether BuildKit would run check `name` here: experimental checks need opting in, others can be skipped. */
export function isCheckEnabled(options: readonly CheckOptions[], name: string, experimental = false): boolean {
  if (experimental) return options.some((o) => o.experimentalAll || o.experimental.has(name));
  return !options.some((o) => o.skipAll || o.skip.has(name));
}
