// Where a RUN's shell expands given variables. Build arguments reach a RUN only as its environment:
// a name the stage never declared (a platform argument, an ARG before the first FROM) is empty
// there. Read from the script as the shell reads it: outside single quotes, not escaped, not in a
// comment, not `$$`; an exec form's strings only where a shell reads them (`["sh", "-c", "..."]`).

import { envDeclarations } from "./environment";
import { shellSourcesOf } from "./parse";
import { shellAt } from "./run-shell";
import { documentOffset, toLogical, type LogicalText } from "./shell";
import { escapeRegExp, type Range } from "./text";
import type { DockerfileModel, Instruction, Stage } from "./types";
import { variableUses } from "./variable-uses";

/** A use of a variable in a RUN's script. */
export interface RunExpansion {
  name: string;
  range: Range;
  /** `${NAME:-...}`, `${NAME-...}`, `${NAME:+...}`, ...: the script says what happens when it is unset. */
  hasOperator: boolean;
  /** The use as written (`${TARGETARCH:-$(uname -m)}`). */
  text: string;
}

/**
 * The uses of `names` a RUN's shell expands, less the names the RUN sets itself. `mayMention`
 * tells whether the document text between two offsets names one at all (a prefilter: most RUNs
 * do not, and reading a script costs more than a search).
 */
export function runExpansions(
  model: DockerfileModel,
  instruction: Instruction,
  names: ReadonlySet<string>,
  mayMention: (start: number, end: number) => boolean,
): RunExpansion[] {
  if (instruction.isJsonForm) {
    // No shell reads an exec form's strings; `["sh", "-c", "<script>"]` was read as its script.
    return instruction.commands.flatMap((command) =>
      command.words.flatMap((word) => {
        if (word.json === true || !mayMention(model.lines.offsetAt(word.range.start), model.lines.offsetAt(word.range.end))) return [];
        const text = model.lines.textIn(word.range);
        return variableUses({ value: text, range: word.range }, "\\")
          .filter((use) => names.has(use.name))
          .map((use) => ({ ...use, text: model.lines.textIn(use.range) }));
      }),
    );
  }
  const uses: RunExpansion[] = [];
  for (const source of shellSourcesOf(instruction, model.lines)) {
    if (!mayMention(source.start, source.end)) continue;
    const script = toLogical(model.text, source, model.escapeChar);
    for (const use of expandedIn(model, script, names)) if (!scriptSets(script.chars, use.name)) uses.push(use);
  }
  return uses;
}

/**
 * A prefilter for {@link runExpansions}: whether the document names one of the variables a
 * pattern matches (`\$\{?(?:TARGETARCH|...)\b`) between two offsets, from the offsets of all its
 * matches found once per model: asking from each RUN's start would scan on to the next match,
 * anywhere in the file, for every RUN.
 */
export function mentionsBetween(offsets: readonly number[], start: number, end: number): boolean {
  // The first offset at or after `start`.
  let low = 0;
  let high = offsets.length;
  while (low < high) {
    const middle = (low + high) >> 1;
    if (offsets[middle] < start) low = middle + 1;
    else high = middle;
  }
  return low < offsets.length && offsets[low] < end;
}

/** The offsets of every `$NAME` / `${NAME` of `names` in the document. */
export function mentionOffsets(model: DockerfileModel, names: Iterable<string>): number[] {
  const alternatives = [...names].map(escapeRegExp);
  if (alternatives.length === 0) return [];
  const pattern = new RegExp(`\\$\\{?(?:${alternatives.join("|")})\\b`, "g");
  return [...model.text.matchAll(pattern)].map((m) => m.index ?? 0);
}

/**
 * Where a shell script expands one of `names`: outside single quotes, not escaped, not in a
 * comment, not `$$` (the shell's process id). A `'` inside double quotes is a character.
 */
function expandedIn(model: DockerfileModel, script: LogicalText, names: ReadonlySet<string>): RunExpansion[] {
  const s = script.chars;
  const out: RunExpansion[] = [];
  let inDouble = false;
  // A command substitution starts quoting afresh (`"$(sed 's/$X//' f)"` quotes $X); each open one
  // remembers whether it sits inside double quotes.
  const substitutions: boolean[] = [];
  for (let i = 0; i < s.length; i++) {
    const c = s[i];
    if (c === "\\") {
      i++;
    } else if (c === "'" && !inDouble) {
      const close = s.indexOf("'", i + 1);
      i = close < 0 ? s.length : close;
    } else if (c === '"') {
      inDouble = !inDouble;
    } else if (c === "#" && !inDouble && (i === 0 || /[\s;&|()]/.test(s[i - 1]))) {
      const newline = s.indexOf("\n", i);
      i = newline < 0 ? s.length : newline;
    } else if (c === ")" && !inDouble && substitutions.length > 0) {
      inDouble = substitutions.pop() as boolean;
    } else if (c === "$") {
      if (s[i + 1] === "$") {
        i++;
        continue;
      }
      if (s[i + 1] === "(" && s[i + 2] !== "(") {
        substitutions.push(inDouble);
        inDouble = false;
        i++;
        continue;
      }
      const rest = s.slice(i + 1, i + 200);
      const braced = /^\{([A-Za-z_]\w*)\b([^}]*)\}/.exec(rest);
      const plain = braced ? null : /^[A-Za-z_]\w*/.exec(rest);
      const name = braced ? braced[1] : plain?.[0];
      if (name === undefined) continue;
      const length = 1 + (braced ? braced[0].length : name.length);
      if (names.has(name)) {
        const start = model.lines.positionAt(documentOffset(script, i));
        const end = model.lines.positionAt(documentOffset(script, i + length - 1) + 1);
        out.push({ name, range: { start, end }, hasOperator: braced !== null && /^:?[-+=?]/.test(braced[2]), text: s.slice(i, i + length) });
      }
      i += length - 1;
    }
  }
  return out;
}

/**
 * Whether a script sets `name` itself (`export TARGETARCH=...`, `TARGETARCH=$(uname -m)`,
 * `for TARGETARCH in`, `read TARGETARCH`), its comments left out. `TARGETARCH=$TARGETARCH` is no
 * setting: it passes the empty value on.
 */
function scriptSets(script: string, variable: string): boolean {
  const name = escapeRegExp(variable);
  const code = script.replace(/(^|[\s;&|()])#[^\n]*/g, "$1").replace(new RegExp(`\\b${name}="?\\$\\{?${name}\\b\\}?"?`, "g"), "");
  // A script that reads settings from a file or a program's output (`. ./platform.sh`, `eval "$(...)"`) may set it.
  if (/(?:^|[\s;&|(])(?:\.|source)\s+["']?[\w./~$]|\beval\b/.test(code)) return true;
  return new RegExp(
    `(?:^|[\\s;&|(])${name}=|\\b(?:export|declare|local|readonly|typeset)\\s+(?:-\\w+\\s+)*${name}\\b|\\bread\\b[^;&|\\n]*\\s${name}\\b|\\bfor\\s+${name}\\b`,
  ).test(code);
}

/** Whether an ARG later in the stage declares `name`: the author knows the argument and placed it. */
export function argDeclaredAfter(model: DockerfileModel, stage: Stage, after: Instruction, name: string): boolean {
  return stage.instructions.some((i) => i.keyword === "ARG" && i.ordinal > after.ordinal && envDeclarations(model, i).some((d) => d.name === name));
}

/** Shells that read `$NAME` as the environment's variable. */
const POSIX_SHELLS = new Set(["sh", "bash", "ash", "dash", "zsh", "ksh", "mksh", "busybox"]);

/** Whether the SHELL in effect at `instruction` (run-shell.ts) is a POSIX shell; the default one is. */
export function posixShellAt(stage: Stage, instruction: Instruction): boolean {
  const shell = shellAt(stage, instruction);
  if (shell === null) return true;
  // `["/usr/bin/env", "bash", "-c"]` runs bash.
  const words = shell.args.map((a) => a.value.split("/").pop() ?? "");
  const program = words[0] === "env" ? words.slice(1).find((w) => !w.startsWith("-")) : words[0];
  return program !== undefined && POSIX_SHELLS.has(program);
}
