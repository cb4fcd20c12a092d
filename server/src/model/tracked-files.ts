// What the build leaves at a few paths before an instruction (a tool's configuration files): the
// text RUNs write there through the shell (model/file-writes.ts) or a tool's own command, and what
// a COPY of a context file the host read or a heredoc COPY puts there. A write that may not happen,
// a later command naming the file or its folder, or a copy that may bring anything there makes the
// file unknown; what the base image brings is not known either.
// The rule asks at every install of a file, so the walk of a stage goes on from where the last
// question left it, and a stage starts from what the stage it builds on ends with.

import { contextCopy } from "./copies";
import { baseName, contextRelativePath, copyPaths, joinPath, normalizePath, unquoteWord } from "./copy-paths";
import { variableFor } from "./environment";
import { foldersBefore } from "./existing-folders";
import { type EchoShell, fileWritesOf } from "./file-writes";
import type { ShellCommand } from "./shell";
import { perModel } from "./per-model";
import { indexInStage, readForward } from "./stage-timeline";
import type { DockerfileModel, Instruction, Stage } from "./types";
import { userAt } from "./user";
import { commandDirectory, workdirOf } from "./workdir";

/** A file the build wrote: its text (an append adds to it, as the shell does). */
export interface WrittenFile {
  readonly text: string;
}

/** What the build has left at each tracked path: the file it wrote, or null where that is not known. */
export type TrackedFiles = Map<string, WrittenFile | null>;

/** The shell that runs a RUN, which decides what its `echo` writes (images/default-shell.ts `runShell`). */
export type ShellOf = (stage: Stage, run: Instruction) => EchoShell;

/** A tool's own command that rewrites a file (`pip config set`): the path as written, and the file after it. */
export interface OwnWrite {
  path: string;
  /** The file after the command, from the file before (undefined when the build wrote none). */
  apply: (before: WrittenFile | null | undefined) => WrittenFile | null;
}

/** How one tool's files are followed: a name for the walks kept, the RUN's shell, and the tool's own writes. */
export interface FileReader {
  name: string;
  shellOf: ShellOf;
  ownWriteOf: (command: ShellCommand, variable: (name: string) => string | null | undefined) => OwnWrite | null;
}

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
 * What the build has left at each of `paths` (absolute) when `command` starts: every RUN and
 * COPY/ADD of the lineage of `stage` before `instruction` (a RUN or ONBUILD of it), then the
 * commands of its own RUN before `command`.
 */
export function filesBefore(
  model: DockerfileModel,
  stage: Stage,
  instruction: Instruction,
  command: ShellCommand,
  paths: readonly string[],
  reader: FileReader,
): ReadonlyMap<string, WrittenFile | null> {
  const tracked = trackedOf(model, paths, reader);
  const at = indexInStage(stage, instruction);
  const key = `${stage.index}\n${tracked.key}`;
  let walk = walks(model).get(key);
  if (walk === undefined || walk.next > at) {
    walk = { next: 0, files: new Map(stage.base.stage === null ? [] : filesAtEndOf(model, stage.base.stage, tracked, reader)) };
    walks(model).set(key, walk);
  }
  for (; walk.next < at; walk.next++) readInstruction(model, stage, stage.instructions[walk.next], tracked, reader, walk.files);
  // The install's own RUN up to it, on a copy: the walk stops before that RUN.
  const files = new Map(walk.files);
  readRun(model, stage, instruction.trigger ?? instruction, command, tracked, reader, files);
  return files;
}

/** The paths a walk follows, and the names and parts of them a word must hold to be one. */
interface Tracked {
  paths: ReadonlySet<string>;
  /** The file names (`pip.conf`): a write elsewhere is not resolved. */
  names: ReadonlySet<string>;
  /** Every part of the paths (`etc`, `.config`): a command naming none of them leaves the files alone. */
  parts: ReadonlySet<string>;
  key: string;
}

/** The tracked paths of each question, made once per set of paths: every install asks with the same few. */
function trackedOf(model: DockerfileModel, read: readonly string[], reader: FileReader): Tracked {
  const key = [reader.name, ...read].join("\n");
  const known = trackedByKey(model);
  const tracked = known.get(key);
  if (tracked !== undefined) return tracked;
  const paths = new Set(read);
  const made = { paths, names: new Set([...paths].map(baseName)), parts: new Set([...paths].flatMap((path) => path.split("/"))), key };
  known.set(key, made);
  return made;
}

const trackedByKey = perModel(() => new Map<string, Tracked>());

/**
 * How far the walk of a stage's instructions has come for one set of tracked paths: the rule asks
 * at the installs of a stage in document order, so each goes on from where the last one stopped
 * instead of reading every instruction before it again.
 */
interface Walk {
  /** The index in the stage's instructions of the next one to read. */
  next: number;
  files: TrackedFiles;
}

const walks = perModel(() => new Map<string, Walk>());

/** What the build has left at the tracked paths when a stage ends, per set of paths and stage. */
const stageEnds = perModel(() => new Map<string, Map<Stage, ReadonlyMap<string, WrittenFile | null>>>());

/** What the build has left at the tracked paths at the end of `stage`, read once per stage from the end of the stage it builds on. */
function filesAtEndOf(model: DockerfileModel, stage: Stage, tracked: Tracked, reader: FileReader): ReadonlyMap<string, WrittenFile | null> {
  const ends = stageEnds(model);
  let done = ends.get(tracked.key);
  if (done === undefined) {
    done = new Map();
    ends.set(tracked.key, done);
  }
  return readForward(done, stage, (s, base: ReadonlyMap<string, WrittenFile | null> | null) => {
    const files = new Map(base);
    for (const instruction of s.instructions) readInstruction(model, s, instruction, tracked, reader, files);
    return files;
  });
}

function readInstruction(model: DockerfileModel, stage: Stage, instruction: Instruction, tracked: Tracked, reader: FileReader, files: TrackedFiles): void {
  if (instruction.keyword === "RUN") readRun(model, stage, instruction, null, tracked, reader, files);
  else if (instruction.keyword === "COPY" || instruction.keyword === "ADD") readCopy(model, stage, instruction, tracked, files);
}

/** Follows the commands of `run` (up to `until`) that write, change or remove a tracked file. */
function readRun(
  model: DockerfileModel,
  stage: Stage,
  run: Instruction,
  until: ShellCommand | null,
  tracked: Tracked,
  reader: FileReader,
  files: TrackedFiles,
): void {
  const writes = fileWritesOf(model, run, () => reader.shellOf(stage, run));
  // Writes come in the order of their commands.
  let next = 0;
  for (const command of run.commands) {
    if (command === until) return;
    const resolve = (path: string) => resolvePath(model, stage, run, command, path);
    // A command inside `if`/`case`, or after `||`, may not run: what it writes is not known.
    const isSure = command.depth === 0 && command.joinedBy !== "||";
    for (; next < writes.length && writes[next].command === command; next++) {
      const write = writes[next];
      const path = mayBeTrackedFile(write.path, tracked.names) ? resolve(write.path) : null;
      if (path === null || !tracked.paths.has(path)) continue;
      const before = files.get(path);
      if (!isSure || write.text === null) files.set(path, null);
      else if (!write.append || before === undefined) files.set(path, { text: write.text });
      else files.set(path, before === null ? null : { text: before.text + write.text });
    }
    const own = reader.ownWriteOf(command, (name) => variableFor(model, stage, run, command, name));
    if (own !== null) {
      const path = resolve(own.path);
      if (path !== null && tracked.paths.has(path)) files.set(path, isSure ? own.apply(files.get(path)) : null);
      continue;
    }
    if (LEAVES_FILES.has(command.name)) continue;
    // Any other command naming a tracked file, or a folder holding one (`sed -i`, `rm -rf ~/.config`,
    // `mv`, `cp`), may change or remove it.
    for (const arg of command.args) {
      const named = arg.value.startsWith("-") || !mayName(arg.value, tracked.parts) ? null : resolve(unquoteWord(arg.value));
      if (named !== null) forget(named, tracked, files);
    }
  }
}

/**
 * Follows a COPY/ADD: a context file the host read (or a heredoc) put at a tracked path is read;
 * anything else that may land on one (a folder, a wildcard, another stage's files) makes it unknown.
 */
function readCopy(model: DockerfileModel, stage: Stage, copy: Instruction, tracked: Tracked, files: TrackedFiles): void {
  const paths = copyPaths(copy);
  if (paths === null) return;
  const destWord = paths.dest.value;
  // Only a destination ending in a part of a tracked path (or `.`, `..`) may be or hold a tracked file.
  const last = destWord.replace(/\/+$/, "").split("/").pop() ?? "";
  if (last !== "." && last !== ".." && !mayName(destWord, tracked.parts)) return;
  const workdir = destWord.startsWith("/") ? "/" : workdirOf(model, stage, copy);
  if (workdir === null || destWord.includes("$")) return;
  const dest = joinPath(workdir, destWord);
  if (![...tracked.paths].some((file) => isAtOrUnder(file, dest))) return;
  // A destination that is a folder (`COPY pip.conf /etc/`, `/etc`) receives each source under its own name.
  const isFolder = destWord.endsWith("/") || paths.sources.length > 1 || dest === "/etc" || foldersBefore(model, stage, copy).has(dest);
  const heredoc = copy.heredocs.length === 1 && !isFolder ? copy.heredocs[0].content : undefined;
  const fromContext = contextCopy(copy) !== null;
  for (const source of paths.sources) {
    const text = heredoc !== undefined ? `${heredoc}\n` : fromContext ? model.context.files?.[contextRelativePath(source.value)] : undefined;
    const target = isFolder ? joinPath(dest, baseName(source.value)) : dest;
    // Not read (a folder, a wildcard, another stage's path): it may bring any file under `dest`.
    if (text === undefined) forget(dest, tracked, files);
    else if (tracked.paths.has(target)) files.set(target, { text });
  }
}

/** True for `file` itself or a file inside the folder `path`. */
function isAtOrUnder(file: string, path: string): boolean {
  return file === path || file.startsWith(path === "/" ? "/" : `${path}/`);
}

/** Marks the tracked files at or under `path` as not known. */
function forget(path: string, tracked: Tracked, files: TrackedFiles): void {
  for (const file of tracked.paths) if (isAtOrUnder(file, path)) files.set(file, null);
}

/**
 * True when `word` may name a tracked file or a folder holding one: its last part is a part of a
 * tracked path, a home folder or the root (a cheap test before resolving it).
 */
function mayName(word: string, parts: ReadonlySet<string>): boolean {
  const last = unquoteWord(word).replace(/\/+$/, "").split("/").pop() ?? "";
  return last === "" || last === "~" || last.startsWith("$") || parts.has(last);
}

/**
 * True when a path written to may be a tracked file: its last part is a tracked file's name, or one
 * that resolving may turn into one (a variable, `~`, `.` or `..`): a cheap test before resolving it.
 */
function mayBeTrackedFile(path: string, names: ReadonlySet<string>): boolean {
  const last = path.replace(/\/+$/, "").split("/").pop() ?? "";
  return names.has(last) || last.includes("$") || last === "" || last === "~" || last === "." || last === "..";
}

/** `path` as an absolute, normalized path at `command`: `~` and `$HOME` read as the user's home, other variables from the environment. */
export function resolvePath(model: DockerfileModel, stage: Stage, run: Instruction, command: ShellCommand, path: string): string | null {
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
  const user = userAt(stage, run)?.split(":")[0] ?? null;
  return user === null || user === "root" || user === "0" ? "/root" : `/~${user}`;
}
