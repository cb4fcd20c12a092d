// The requirements of a setuptools project that the image's pip installs from its folder (`pip
// install .`, `pip install -e /$PROJECT_DIR/[streaming]`): setup.py's `install_requires` and the
// lists of the extras the install names, as requirement strings. The releases they pin cap the
// Python a base-image remedy may name, as a requirement file's do (model/language-pins.ts; held-out
// CA, ethereum-etl: `grpcio==1.46.3` in the `streaming` extra, no wheel past CPython 3.10). Only
// literal lists are read; a list built in code is not.

import { pipArguments } from "./commands";
import { contextFileAt } from "./context-file-at";
import { contextFiles } from "./context";
import { joinPath } from "./copy-paths";
import { perModel } from "./per-model";
import { requirementPlace } from "./pip-requirement-files";
import type { DockerfileModel } from "./types";

/** A setup.py the image's pip installs the project of, and the requirements that install brings. */
export interface InstalledSetupPy {
  /** Its context path. */
  file: string;
  /** `install_requires`, then the named extras' lists, as written (`grpcio==1.46.3`). */
  requirements: readonly string[];
}

/** pip install's options that take a value as the next word (the value is no project to install). */
const VALUE_OPTIONS = new Set([
  "-r",
  "--requirement",
  "-c",
  "--constraint",
  "-i",
  "--index-url",
  "--extra-index-url",
  "-f",
  "--find-links",
  "-t",
  "--target",
  "--prefix",
  "--root",
  "--src",
  "--trusted-host",
  "--platform",
  "--python-version",
  "--implementation",
  "--abi",
  "--progress-bar",
  "--cache-dir",
  "--upgrade-strategy",
  "-C",
  "--config-settings",
  "--global-option",
  "--log",
  "--proxy",
  "--retries",
  "--timeout",
  "--exists-action",
  "--no-binary",
  "--only-binary",
  "--report",
  "--python",
]);

/** A local project operand (`.`, `./app`, `/srv/app/`), with the extras it names (`[streaming,dev]`). */
const LOCAL_PROJECT = /^((?:\.{1,2}|\/|\$)[^[\]\s]*?)\/?(?:\[([\w\s,.-]*)\])?$/;

/** The setup.py files of the projects the file's `pip install` commands install from a folder, with what each install brings. */
export const installedSetupPys: (model: DockerfileModel) => readonly InstalledSetupPy[] = perModel((model) => {
  const files = contextFiles(model.context);
  const found: InstalledSetupPy[] = [];
  for (const stage of model.stages) {
    for (const run of stage.instructions) {
      if (run.keyword !== "RUN") continue;
      for (const command of run.commands) {
        for (const { folder, extras } of localProjects(pipInstallOperands(command))) {
          const place = requirementPlace(model, stage, run, command, folder);
          const file = place === null ? null : contextFileAt(model, stage, joinPath(place.path, "setup.py"));
          const text = file === null ? undefined : files[file];
          if (file === null || text === undefined) continue;
          found.push({ file, requirements: setupPyRequirements(text, extras) });
        }
      }
    }
  }
  return found;
});

/** The operands of a `pip install` (also `python -m pip`, `uv pip`): what it installs, editable ones included. */
function pipInstallOperands(command: Parameters<typeof pipArguments>[0]): string[] {
  const args = pipArguments(command)?.map((w) => w.value);
  if (!args) return [];
  const at = args.findIndex((w) => !w.startsWith("-"));
  if (at < 0 || args[at] !== "install") return [];
  const operands: string[] = [];
  for (let i = at + 1; i < args.length; i++) {
    const word = args[i];
    if (word === "-e" || word === "--editable") {
      if (args[i + 1] !== undefined) operands.push(args[++i]);
    } else if (word.startsWith("--editable=")) operands.push(word.slice("--editable=".length));
    else if (VALUE_OPTIONS.has(word)) i++;
    else if (!word.startsWith("-")) operands.push(word);
  }
  return operands;
}

function localProjects(operands: readonly string[]): { folder: string; extras: string[] }[] {
  return operands.flatMap((operand) => {
    const m = LOCAL_PROJECT.exec(operand.replace(/^["']|["']$/g, ""));
    if (!m) return [];
    const extras = (m[2] ?? "")
      .split(",")
      .map((e) => e.trim().toLowerCase())
      .filter((e) => e !== "");
    return [{ folder: m[1] === "" ? "/" : m[1], extras }];
  });
}

/** setup.py's literal `install_requires` list and those of the named `extras`, as written. */
export function setupPyRequirements(text: string, extras: readonly string[]): string[] {
  const code = withoutComments(text);
  const out = quotedIn(listAfter(code, /\binstall_requires\s*=\s*\[/));
  const table = /\bextras_require\s*=\s*\{/.exec(code);
  if (table !== null) {
    const rest = code.slice(table.index + table[0].length, closingBrace(code, table.index + table[0].length));
    const wanted = new Set(extras.map(extraName));
    for (const entry of rest.matchAll(/(["'])([\w.-]+)\1\s*:\s*\[/g)) {
      if (!wanted.has(extraName(entry[2]))) continue;
      const start = (entry.index ?? 0) + entry[0].length;
      out.push(...quotedIn(rest.slice(start, closingBracket(rest, start))));
    }
  }
  return out;
}

/** An extra's name as pip compares them (PEP 685): lower case, runs of `-`, `_` and `.` as one `-`. */
function extraName(name: string): string {
  return name.toLowerCase().replace(/[-_.]+/g, "-");
}

/** Where the table starting at `start` closes (the first `}` outside quotes), or the text's end. */
function closingBrace(code: string, start: number): number {
  return closing(code, start, "}");
}

/** The text of a list whose opening `[` `opening` ends with, up to its `]`; "" when there is none. */
function listAfter(code: string, opening: RegExp): string {
  const m = opening.exec(code);
  if (m === null) return "";
  const start = m.index + m[0].length;
  return code.slice(start, closingBracket(code, start));
}

/** Where the list starting at `start` closes (the first `]` outside quotes), or the text's end. */
function closingBracket(code: string, start: number): number {
  return closing(code, start, "]");
}

/** The first `end` at or after `start` outside quotes, or the text's end. */
function closing(code: string, start: number, end: "]" | "}"): number {
  let quote: string | null = null;
  for (let i = start; i < code.length; i++) {
    const c = code[i];
    if (quote !== null) {
      if (c === quote) quote = null;
    } else if (c === '"' || c === "'") quote = c;
    else if (c === end) return i;
  }
  return code.length;
}

function quotedIn(list: string): string[] {
  return [...list.matchAll(/(["'])([^"'\n]+)\1/g)].map((m) => m[2].trim());
}

/** The text without `#` comments (outside quotes on their line): a comment may quote a module name. */
function withoutComments(text: string): string {
  return text
    .split(/\r?\n/)
    .map((line) => {
      let quote: string | null = null;
      for (let i = 0; i < line.length; i++) {
        const c = line[i];
        if (quote !== null) {
          if (c === quote) quote = null;
        } else if (c === '"' || c === "'") quote = c;
        else if (c === "#") return line.slice(0, i);
      }
      return line;
    })
    .join("\n");
}
