// Whether pip's configuration files turn its wheel cache off for a `pip install`. pip reads
// /etc/xdg/pip/pip.conf and /etc/pip.conf, the user's ~/.pip/pip.conf and ~/.config/pip/pip.conf,
// and the file PIP_CONFIG_FILE names; `no-cache-dir` set in `[global]` or `[install]` of any of
// them turns the cache off whatever its value, as PIP_NO_CACHE_DIR does (both go through pip's
// `_handle_no_cache_dir`). The build writes those files with echo/printf/heredocs
// (model/file-writes.ts), `pip config set`, or a COPY of a context file the host read.

import { contextCopy } from "./copies";
import { baseName, contextRelativePath, copyPaths, joinPath, normalizePath, unquoteWord } from "./copy-paths";
import { variableFor } from "./environment";
import { foldersBefore } from "./existing-folders";
import { type EchoShell, fileWritesOf } from "./file-writes";
import type { ShellCommand } from "./shell";
import { perModel } from "./per-model";
import { lineage } from "./stage-graph";
import type { DockerfileModel, Instruction, Stage } from "./types";
import { commandDirectory, workdirOf } from "./workdir";

/**
 * The values pip reads as a boolean (its `strtobool`); for `no-cache-dir` every one turns the cache
 * off, false ones included. Any other value is an error, and an empty one is skipped.
 */
const PIP_BOOLEANS = new Set(["1", "true", "on", "yes", "y", "t", "0", "false", "off", "no", "n", "f"]);

/** A configuration file as configparser reads it: section -> pip's key -> value. */
type PipConfig = Map<string, Map<string, string>>;

/** What the build has left at each tracked path: the file's settings, or null where they are not known. */
type Files = Map<string, PipConfig | null>;

/** The shell that runs a RUN, which decides what its `echo` writes (images/default-shell.ts `runShell`). */
export type ShellOf = (stage: Stage, run: Instruction) => EchoShell;

/** Commands that leave the files they name as they were (`tee` writes them: read as a write). */
const LEAVES_FILES = new Set([
  "cat",
  "tee",
  "mkdir",
  "touch",
  "grep",
  "head",
  "tail",
  "ls",
  "stat",
  "test",
  "[",
  "chmod",
  "chown",
  "chgrp",
  "echo",
  "printf",
  "diff",
  "wc",
]);

/**
 * True when the configuration pip reads at `command` (a `pip install` of `instruction`, a RUN or
 * ONBUILD RUN) sets `no-cache-dir`, and nothing on the command line or in the environment chooses a
 * cache folder after it (`--cache-dir`, PIP_CACHE_DIR).
 */
export function pipConfigTurnsCacheOff(model: DockerfileModel, instruction: Instruction, command: ShellCommand, shellOf: ShellOf): boolean {
  const stage = instruction.stage;
  const run = instruction.trigger ?? instruction;
  if (stage === null || !mayConfigurePip(model)) return false;
  // The walk to the install reads each earlier step of the lineage with helpers that look back
  // themselves: on a lineage longer than any real Dockerfile's, the configuration is not read and
  // the finding stays (a 44,000-instruction file took 10 s instead of 0.6).
  if (lineageLength(stage) > MAX_LINEAGE_READ) return false;
  if (command.args.some((a) => a.value === "--cache-dir" || a.value.startsWith("--cache-dir="))) return false;
  if (variableFor(model, stage, run, command, "PIP_CACHE_DIR") !== undefined) return false;
  const read = filesPipReads(model, stage, run, command);
  if (read.length === 0) return false;
  const files = filesAt(model, stage, instruction, command, new Set(read), shellOf);
  return read.some((path) => setsNoCacheDir(files.get(path) ?? null));
}

/** Instructions of a lineage beyond which pip's configuration is not read (see pipConfigTurnsCacheOff). */
const MAX_LINEAGE_READ = 1000;

const lineageLengths = new WeakMap<Stage, number>();
/** How many instructions the stage and the stages it builds on hold. */
function lineageLength(stage: Stage): number {
  let length = lineageLengths.get(stage);
  if (length === undefined) {
    length = lineage(stage).reduce((sum, s) => sum + s.instructions.length, 0);
    lineageLengths.set(stage, length);
  }
  return length;
}

/**
 * Whether the file may write pip's configuration at all: it names a pip.conf or PIP_CONFIG_FILE, or
 * runs `pip config`. Most files do not, and are spared a walk of their RUNs for every pip install.
 */
const mayConfigurePip = perModel(
  (model) =>
    model.text.includes("pip.conf") ||
    model.text.includes("PIP_CONFIG_FILE") ||
    model.instructions.some((i) => (i.trigger ?? i).commands.some((c) => pipConfigChange(c) !== null)),
);

/** The configuration files pip reads at `command`, as absolute paths (pip's `iter_config_files`). */
function filesPipReads(model: DockerfileModel, stage: Stage, run: Instruction, command: ShellCommand): string[] {
  const variable = (name: string) => variableFor(model, stage, run, command, name);
  const configFile = variable("PIP_CONFIG_FILE");
  // PIP_CONFIG_FILE=/dev/null: pip loads no configuration file at all.
  if (configFile === "/dev/null") return [];
  const paths = ["/etc/pip.conf"];
  const systemDirs = variable("XDG_CONFIG_DIRS");
  if (systemDirs === undefined) paths.push("/etc/xdg/pip/pip.conf");
  else if (systemDirs !== null) for (const dir of systemDirs.split(":")) if (dir.startsWith("/")) paths.push(normalizePath(`${dir}/pip/pip.conf`));
  if (typeof configFile === "string") {
    const path = resolvePath(model, stage, run, command, configFile);
    if (path !== null) paths.push(path);
  }
  // pip skips the user's files with `--isolated`, and when PIP_CONFIG_FILE names a file that
  // exists (which the build may have made): they count only when it is not set.
  if (configFile === undefined && !command.args.some((a) => a.value === "--isolated")) {
    for (const path of ["~/.pip/pip.conf", userConfigFile(variable)]) {
      const resolved = resolvePath(model, stage, run, command, path);
      if (resolved !== null) paths.push(resolved);
    }
  }
  return paths;
}

/** The user's file pip reads last and `pip config set` writes: under XDG_CONFIG_HOME when it is set. */
function userConfigFile(variable: (name: string) => string | null | undefined): string {
  return variable("XDG_CONFIG_HOME") !== undefined ? "$XDG_CONFIG_HOME/pip/pip.conf" : "~/.config/pip/pip.conf";
}

/**
 * How far a walk of a stage's lineage has come for one set of tracked paths: the rule asks for the
 * pip installs of a stage in document order, so each goes on from where the last one stopped
 * instead of walking every RUN before it again.
 */
interface Walk {
  steps: (readonly [Stage, Instruction])[];
  next: number;
  files: Files;
}

const walks = perModel(() => new Map<string, Walk>());

/**
 * What the build has left at each tracked path when `command` starts: every RUN and COPY/ADD of the
 * stage's lineage before it, then the commands of its own RUN before it. Files the base image
 * brings are not known.
 */
function filesAt(model: DockerfileModel, stage: Stage, instruction: Instruction, command: ShellCommand, tracked: Set<string>, shellOf: ShellOf): Files {
  const key = `${stage.index}\n${[...tracked].join("\n")}`;
  let walk = walks(model).get(key);
  const steps = walk?.steps ?? lineage(stage).flatMap((s) => s.instructions.map((i) => [s, i] as const));
  const at = steps.findIndex(([, i]) => i === instruction);
  if (walk === undefined || walk.next > at) {
    walk = { steps, next: 0, files: new Map() };
    walks(model).set(key, walk);
  }
  for (; walk.next < at; walk.next++) {
    const [s, i] = steps[walk.next];
    if (i.keyword === "RUN") readRun(model, s, i, null, tracked, walk.files, shellOf);
    else if (i.keyword === "COPY" || i.keyword === "ADD") readCopy(model, s, i, tracked, walk.files);
  }
  // The install's own RUN up to it, on a copy: the walk stops before that RUN.
  const files = new Map(walk.files);
  readRun(model, stage, instruction.trigger ?? instruction, command, tracked, files, shellOf);
  return files;
}

/** Follows the commands of `run` (up to `until`) that write, change or remove a tracked file. */
function readRun(
  model: DockerfileModel,
  stage: Stage,
  run: Instruction,
  until: ShellCommand | null,
  tracked: Set<string>,
  files: Files,
  shellOf: ShellOf,
): void {
  const writes = fileWritesOf(model, run, () => shellOf(stage, run));
  const parts = new Set([...tracked].flatMap((path) => path.split("/")));
  for (const command of run.commands) {
    if (command === until) return;
    const resolve = (path: string) => resolvePath(model, stage, run, command, path);
    // A command inside `if`/`case`, or after `||`, may not run: what it writes is not known.
    const isSure = command.depth === 0 && command.joinedBy !== "||";
    for (const write of writes) {
      if (write.command !== command) continue;
      const path = resolve(write.path);
      if (path === null || !tracked.has(path)) continue;
      if (!isSure || write.text === null) files.set(path, null);
      else if (!write.append || !files.has(path)) files.set(path, readPipConfig(write.text));
      else files.set(path, appendTo(files.get(path) ?? null, write.text));
    }
    const pip = pipConfigChange(command);
    if (pip !== null) {
      const path = pip.global ? "/etc/pip.conf" : resolve(userConfigFile((name) => variableFor(model, stage, run, command, name)));
      if (path !== null && tracked.has(path)) files.set(path, isSure ? pip.apply(files.has(path) ? (files.get(path) ?? null) : new Map()) : null);
      continue;
    }
    if (LEAVES_FILES.has(command.name)) continue;
    // Any other command naming a tracked file, or a folder holding one (`sed -i`, `rm -rf ~/.config`,
    // `mv`, `cp`), may change or remove it.
    for (const arg of command.args) {
      const named = arg.value.startsWith("-") || !mayName(arg.value, parts) ? null : resolve(unquoteWord(arg.value));
      if (named !== null) forget(named, tracked, files);
    }
  }
}

/**
 * `pip config [--global|--user] set section.key value`, `unset` or `edit`, run by pip or
 * `python -m pip`: the file it writes (/etc/pip.conf with --global, else the user's) and how it
 * changes it (`set` writes the key even into a file not known here; `unset` and `edit` leave one
 * not known); null for another command. `--site` writes into the environment's prefix (a
 * virtualenv), which pip reads only there: left alone.
 */
function pipConfigChange(command: ShellCommand): { global: boolean; apply: (before: PipConfig | null) => PipConfig | null } | null {
  const args = command.args.map((a) => a.value);
  const PIP = /^pip\d*(?:\.\d+)?$/;
  const pipArgs = PIP.test(command.name)
    ? args
    : /^python\d*(?:\.\d+)?$/.test(command.name) && args[0] === "-m" && PIP.test(args[1] ?? "")
      ? args.slice(2)
      : null;
  const words = pipArgs?.filter((a) => !a.startsWith("-")) ?? [];
  if (pipArgs === null || words[0] !== "config" || pipArgs.includes("--site")) return null;
  // `get`, `list`, `debug` only read.
  if (words[1] !== "set" && words[1] !== "unset" && words[1] !== "edit") return null;
  const key = /^([^.]+)\.(.+)$/.exec(words[2] ?? "");
  const value = words[3];
  const apply = (before: PipConfig | null): PipConfig | null => {
    if (words[1] !== "set" || key === null || value === undefined) return null;
    const after = copyConfig(before ?? new Map());
    const section = after.get(key[1]) ?? new Map<string, string>();
    section.set(pipKey(key[2]), value);
    after.set(key[1], section);
    return after;
  };
  return { global: pipArgs.includes("--global"), apply };
}

/**
 * Follows a COPY/ADD: a context file the host read (or a heredoc) put at a tracked path is read;
 * anything else that may land on one (a folder, a wildcard, another stage's files) makes it unknown.
 */
function readCopy(model: DockerfileModel, stage: Stage, copy: Instruction, tracked: Set<string>, files: Files): void {
  const paths = copyPaths(copy);
  if (paths === null) return;
  const destWord = paths.dest.value;
  const workdir = destWord.startsWith("/") ? "/" : workdirOf(model, stage, copy);
  if (workdir === null || destWord.includes("$")) return;
  const dest = joinPath(workdir, destWord);
  if (![...tracked].some((file) => isAtOrUnder(file, dest))) return;
  // A destination that is a folder (`COPY pip.conf /etc/`, `/etc`) receives each source under its own name.
  const isFolder = destWord.endsWith("/") || paths.sources.length > 1 || dest === "/etc" || foldersBefore(model, stage, copy).has(dest);
  const heredoc = copy.heredocs.length === 1 && !isFolder ? copy.heredocs[0].content : undefined;
  const fromContext = contextCopy(copy) !== null;
  for (const source of paths.sources) {
    const text = heredoc !== undefined ? `${heredoc}\n` : fromContext ? model.context.files?.[contextRelativePath(source.value)] : undefined;
    const target = isFolder ? joinPath(dest, baseName(source.value)) : dest;
    // Not read (a folder, a wildcard, another stage's path): it may bring any file under `dest`.
    if (text === undefined) forget(dest, tracked, files);
    else if (tracked.has(target)) files.set(target, readPipConfig(text));
  }
}

/** True for `file` itself or a file inside the folder `path`. */
function isAtOrUnder(file: string, path: string): boolean {
  return file === path || file.startsWith(path === "/" ? "/" : `${path}/`);
}

/** Marks the tracked files at or under `path` as not known. */
function forget(path: string, tracked: Set<string>, files: Files): void {
  for (const file of tracked) if (isAtOrUnder(file, path)) files.set(file, null);
}

/**
 * True when `word` may name a tracked file or a folder holding one: its last part is a part of a
 * tracked path, a home folder or the root (a cheap test before resolving it).
 */
function mayName(word: string, parts: ReadonlySet<string>): boolean {
  const last = unquoteWord(word).replace(/\/+$/, "").split("/").pop() ?? "";
  return last === "" || last === "~" || last.startsWith("$") || parts.has(last);
}

/** `path` as an absolute, normalized path at `command`: `~` and `$HOME` read as the user's home, other variables from the environment. */
function resolvePath(model: DockerfileModel, stage: Stage, run: Instruction, command: ShellCommand, path: string): string | null {
  if (path.includes("`") || path.includes("$(")) return null;
  let resolved = path;
  if (/^(?:~|\$HOME|\$\{HOME\})(?:\/|$)/.test(resolved)) {
    const home = homeAt(model, stage, run, command);
    if (home === null) return null;
    resolved = resolved.replace(/^(?:~|\$HOME|\$\{HOME\})/, home);
  }
  let isKnown = true;
  resolved = resolved.replace(/\$(?:\{(\w+)\}|(\w+))/g, (_whole, braced?: string, bare?: string) => {
    const value = variableFor(model, stage, run, command, braced ?? bare ?? "");
    if (typeof value !== "string") isKnown = false;
    return value ?? "";
  });
  if (!isKnown) return null;
  if (resolved.startsWith("/")) return normalizePath(resolved);
  const cwd = commandDirectory(model, stage, run, command);
  return cwd === null ? null : joinPath(cwd, resolved);
}

/**
 * The home folder at `command`: HOME when the environment sets it, `/root` for root (no USER, or
 * USER root or 0), else a stand-in named for the user (`/~app`): the same user has the same home.
 */
function homeAt(model: DockerfileModel, stage: Stage, run: Instruction, command: ShellCommand): string | null {
  const home = variableFor(model, stage, run, command, "HOME");
  if (home !== undefined) return typeof home === "string" && home.startsWith("/") ? normalizePath(home) : null;
  let user: string | null = null;
  for (const s of lineage(stage))
    for (const i of s.instructions) {
      if (s === stage && i.ordinal >= run.ordinal) break;
      if (i.keyword === "USER" && i.args.length > 0) user = i.args[0].value.split(":")[0];
    }
  return user === null || user === "root" || user === "0" ? "/root" : `/~${user}`;
}

/** True when the file sets `no-cache-dir` (any spelling pip accepts) to a value pip reads, in `[global]` or `[install]`. */
function setsNoCacheDir(config: PipConfig | null): boolean {
  if (config === null) return false;
  return ["global", "install"].some((section) => PIP_BOOLEANS.has(config.get(section)?.get("no-cache-dir")?.toLowerCase() ?? ""));
}

/** pip's spelling of a key: lower case, `_` as `-`, no leading `--` (`--no_cache_dir` -> `no-cache-dir`). */
function pipKey(key: string): string {
  return key.toLowerCase().replace(/_/g, "-").replace(/^--/, "");
}

function copyConfig(config: PipConfig): PipConfig {
  return new Map([...config].map(([section, keys]) => [section, new Map(keys)]));
}

/**
 * `text` appended (`>>`, `tee -a`) to a file: its first lines continue the file's last section
 * (pip reads the file as a whole); null when the file or the result is not known.
 */
function appendTo(before: PipConfig | null, text: string): PipConfig | null {
  const last = before === null ? undefined : [...before.keys()].pop();
  if (before === null || last === undefined) return before === null ? null : readPipConfig(text);
  const after = readPipConfig(`[${last}]\n${text}`);
  if (after === null) return null;
  const merged = copyConfig(before);
  for (const [section, keys] of after) {
    // configparser refuses a section twice in a file (pip stops with an error): not read.
    if (section !== last && merged.has(section)) return null;
    const target = merged.get(section) ?? new Map<string, string>();
    for (const [key, value] of keys) target.set(key, value);
    merged.set(section, target);
  }
  return merged;
}

/**
 * A pip configuration file as Python's configparser reads it for pip (RawConfigParser): `[section]`
 * lines, `key = value` or `key: value`, `#` and `;` comment lines, indented lines continuing the
 * value above them, empty values skipped. Null where configparser refuses the file (an option
 * before any section, a line with no `=` or `:`, a section twice): pip then stops with an error.
 */
function readPipConfig(text: string): PipConfig | null {
  const config: PipConfig = new Map();
  let section: Map<string, string> | null = null;
  let lastKey: string | null = null;
  let lastIndent = 0;
  for (const line of text.split(/\r?\n/)) {
    const trimmed = line.trim();
    const indent = line.length - line.trimStart().length;
    if (trimmed === "") lastKey = null;
    if (trimmed === "" || trimmed.startsWith("#") || trimmed.startsWith(";")) continue;
    if (section !== null && lastKey !== null && indent > lastIndent) {
      section.set(lastKey, `${section.get(lastKey)}\n${trimmed}`);
      continue;
    }
    const header = /^\[(.+)\]/.exec(trimmed);
    if (header !== null) {
      if (config.has(header[1])) return null;
      section = new Map();
      config.set(header[1], section);
      lastKey = null;
      continue;
    }
    // The first `=` or `:` ends the key.
    const delimiter = trimmed.search(/[=:]/);
    const key = trimmed.slice(0, Math.max(delimiter, 0)).trim();
    if (section === null || key === "") return null;
    lastKey = pipKey(key);
    lastIndent = indent;
    section.set(lastKey, trimmed.slice(delimiter + 1).trim());
  }
  return config;
}
