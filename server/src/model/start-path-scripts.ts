// The scripts a container runs when it starts, as far as the host read them from the build
// context: the entry scripts the start command names, found by file name or through the COPY that
// puts them at the path it names (`COPY --from=build /common/docker-entrypoint.sh /entrypoint.sh`,
// the build stage having copied `./common/`), and the scripts those run in turn
// (`/entrypoint_web.sh "$@"` in a role switch), or every script of a folder they run (`for f in
// /docker-entrypoint.d/*.sh; do "$f"; done`, `run-parts /etc/entrypoint.d`), read where the file
// copies that folder from. What they start decides whether the image leaves root.

import { contextFileAt, contextSourcesAt } from "./context-file-at";
import { baseName, joinPath, normalizePath } from "./copy-paths";
import { compileGlob } from "./glob";
import { perModel } from "./per-model";
import { lineDirectories, scriptLines } from "./script-directories";
import { startCommand } from "./stage-purpose";
import { commandWords, entryScriptFiles } from "./entry-scripts";
import { escapeRegExp } from "./text";
import type { DockerfileModel, Stage } from "./types";
import { workdirOf } from "./workdir";
import { contextFiles } from "./context";

/** How many rounds of scripts calling scripts are followed. */
const MAX_ROUNDS = 3;
/** A script run as a command: a path (`/startup/check.sh`) or a `.sh` name, after `exec`, `source`, `.`, `sh` or `bash`. */
const RUNS_SCRIPT = /^\s*(?:(?:exec|source|\.|(?:ba|da)?sh)\s+)?(\/[\w./-]+|[\w./-]+\.sh)(?=\s|$|;)/;

/** A script of the start path the host read, and the folder it starts in (null when unknown). */
export interface StartPathScript {
  /** Its path in the build context. */
  readonly path: string;
  readonly text: string;
  /**
   * The folder it starts in: the image's working directory for an entry script, the folder its
   * caller was in when it ran it (`cd /srv/app` then `/srv/app/make-keys.sh`) for another.
   */
  readonly directory: string | null;
}

/**
 * The start path's scripts the host read, as [context path, text]: entry scripts, then the scripts
 * they run. Read once per model: three checks of the root rules ask.
 */
export const startPathScripts: (model: DockerfileModel) => readonly [string, string][] = perModel((model) =>
  startPathScriptsIn(model).map(({ path, text }): [string, string] => [path, text]),
);

/** The start path's scripts the host read, with the folder each starts in: entry scripts, then the scripts they run. */
export const startPathScriptsIn: (model: DockerfileModel) => readonly StartPathScript[] = perModel(readStartPathScripts);

function readStartPathScripts(model: DockerfileModel): StartPathScript[] {
  const files = contextFiles(model.context);
  const final = model.finalStage;
  const workdir = final ? workdirOf(model, final) : null;
  const found = new Map<string, StartPathScript>();
  const add = (path: string, directory: string | null): boolean => {
    if (found.has(path)) return false;
    found.set(path, { path, text: files[path], directory });
    return true;
  };
  for (const [path] of entryScriptFiles(model)) add(path, workdir);
  if (final) {
    for (const at of startCommandPaths(model, final)) {
      const path = contextFileAt(model, final, at);
      if (path !== null) add(path, workdir);
    }
  }
  let frontier = [...found.values()];
  for (let round = 0; round < MAX_ROUNDS && frontier.length > 0; round++) {
    const next: StartPathScript[] = [];
    for (const caller of frontier) {
      const lines = scriptLines(caller.text);
      const directories = lineDirectories(lines, caller.directory);
      lines.forEach((line, k) => {
        const called = RUNS_SCRIPT.exec(line)?.[1];
        if (called === undefined) return;
        const copied = final && called.startsWith("/") ? contextFileAt(model, final, normalizePath(called)) : null;
        const paths = copied !== null ? [copied] : Object.keys(files).filter((p) => baseName(p) === baseName(called) && /\.(?:sh|bash)$/.test(p));
        for (const path of paths) if (add(path, directories[k])) next.push(found.get(path) as StartPathScript);
      });
      // The folder a loop or `run-parts` runs its scripts in is not followed.
      for (const path of final ? folderRunScripts(model, final, caller.text) : []) if (add(path, null)) next.push(found.get(path) as StartPathScript);
    }
    frontier = next;
  }
  return [...found.values()];
}

/**
 * The context paths of the scripts the start path's scripts the host read run by their path in the
 * image (`/app/functions/update-redbot.sh` in a loop an entry script sources, brought by `COPY
 * root/ /`), read or not: for the host to read in rounds, each read script naming the next.
 */
export function calledScriptSources(model: DockerfileModel): string[] {
  const final = model.finalStage;
  if (!final) return [];
  const places = startPathScriptsIn(model).flatMap(({ text }) =>
    scriptLines(text).flatMap((line) => {
      const called = RUNS_SCRIPT.exec(line)?.[1];
      return called !== undefined && called.startsWith("/") ? [{ stage: final, path: normalizePath(called) }] : [];
    }),
  );
  return contextSourcesAt(model, places);
}

/**
 * The context paths the start command's scripts may come from, for the host to read: also through
 * a build stage that copied the whole context (`COPY . .` in `build`, then `COPY --from=build
 * /usr/src/docker/entrypoint.sh /sbin/entrypoint.sh`), which the host does not walk.
 */
export function startCommandSources(model: DockerfileModel): string[] {
  const final = model.finalStage;
  if (!final) return [];
  return contextSourcesAt(
    model,
    startCommandPaths(model, final).map((path) => ({ stage: final, path })),
  );
}

/** A start word naming a file by a relative path (`./deploy/docker/entrypoint.sh`, `bin/start`, `start.sh`), not an option or URL. */
const RELATIVE_FILE = /^[\w.-]+\/[\w./-]*$|^[\w.-]+\.(?:sh|bash)$/;

/**
 * Where in the final image the start command's files are: absolute words as they are, and words
 * naming a file relative to the working directory the container starts in (`ENTRYPOINT
 * ["./deploy/docker/entrypoint.sh"]` after `WORKDIR /srv/app`) joined to it.
 */
function startCommandPaths(model: DockerfileModel, final: Stage): string[] {
  const paths: string[] = [];
  let workdir: string | null | undefined;
  for (const word of commandWords(startCommand(model) ?? [])) {
    if (word.startsWith("/")) {
      paths.push(normalizePath(word));
      continue;
    }
    if (!RELATIVE_FILE.test(word) || word.includes("..")) continue;
    if (workdir === undefined) workdir = workdirOf(model, final);
    if (workdir !== null) paths.push(joinPath(workdir, word));
  }
  return paths;
}

/** A folder of the image whose scripts a start script runs, and which of its files (by name) it runs. */
interface FolderRun {
  /** Absolute, normalized. */
  folder: string;
  /** Which file names are run. */
  names: (name: string) => boolean;
  /** Whether files in sub-folders are run too (`find`). */
  deep: boolean;
}

/** `for f in /docker-entrypoint.d/*.sh`: the loop's variable, the folder and the name pattern. */
const FOR_FOLDER = /\bfor\s+([A-Za-z_]\w*)\s+in\s+["']?(\/[\w./-]*?)\/?["']?\/(\*[^\s;"']*)["']?\s*(?:;|$)/gm;
/** `run-parts [options] /etc/entrypoint.d`: every file of the folder, as run-parts picks them. */
const RUN_PARTS = /\brun-parts((?:\s+-[^\s;&|]+)*)\s+["']?(\/[\w./-]+?)\/?["']?(?=\s|$|;|&|\|)/gm;
/** `find /docker-entrypoint.d -name '*.sh' ... -exec {} \;` (or `-exec sh {}`, `| while read -r f`): the found files run. */
const FIND_FOLDER = /\bfind\s+(?:-\w+\s+)*["']?(\/[\w./-]+?)\/?["']?\s([^\n]*)/g;

/**
 * The files of the build context that a start script runs through a folder of the image: the folder
 * (`/docker-entrypoint.d`) is mapped to where the file copies it from (`COPY docker-entrypoint.d
 * /docker-entrypoint.d`), and the files the host read there whose names the loop, `run-parts` or
 * `find` picks. A folder the file does not copy (one the operator mounts) brings nothing.
 */
function folderRunScripts(model: DockerfileModel, final: Stage, text: string): string[] {
  const files = Object.keys(contextFiles(model.context));
  const found: string[] = [];
  for (const run of folderRuns(text)) {
    const sources = contextSourcesAt(model, [{ stage: final, path: run.folder }]);
    for (const source of sources) {
      for (const path of files) {
        if (!path.startsWith(`${source}/`)) continue;
        const rest = path.slice(source.length + 1);
        if ((run.deep || !rest.includes("/")) && run.names(baseName(rest)) && !found.includes(path)) found.push(path);
      }
    }
  }
  return found;
}

/** The folders a script runs the files of: a `for` loop that runs its variable, `run-parts`, a `find` that runs what it finds. */
function folderRuns(text: string): FolderRun[] {
  const script = text.replace(/\\\r?\n/g, " ");
  const runs: FolderRun[] = [];
  for (const match of script.matchAll(FOR_FOLDER)) {
    const [, variable, folder, pattern] = match;
    const glob = compileGlob(pattern);
    if (glob !== null && runsVariable(script, variable)) runs.push({ folder: normalizePath(folder), names: (n) => glob.test(n), deep: false });
  }
  for (const match of script.matchAll(RUN_PARTS)) {
    const [, options, folder] = match;
    // run-parts skips names with a dot (`10-setup.sh`) unless told to take LSB names or a pattern.
    const anyName = /--(?:lsbsysinit|regex)\b/.test(options);
    runs.push({ folder: normalizePath(folder), names: (n) => anyName || /^[\w-]+$/.test(n), deep: false });
  }
  for (const match of script.matchAll(FIND_FOLDER)) {
    const [, folder, rest] = match;
    const piped = /\|\s*(?:sort\b[^|]*\|\s*)?while\s+read\s+(?:-\w+\s+)*([A-Za-z_]\w*)/.exec(rest)?.[1];
    const execs = /-exec(?:dir)?\s+(?:(?:ba|da)?sh\s+)?["']?\{\}/.test(rest);
    if (!execs && (piped === undefined || !runsVariable(script, piped))) continue;
    const name = /-i?name\s+["']?([^\s"']+)/.exec(rest)?.[1];
    const glob = name === undefined ? null : compileGlob(name);
    runs.push({ folder: normalizePath(folder), names: (n) => glob === null || glob.test(n), deep: true });
  }
  return runs;
}

/** True when the script runs the file a variable names: `"$f"`, `. "$f"`, `source $f`, `bash "${f}"`, `exec "$f"`. */
function runsVariable(script: string, variable: string): boolean {
  return new RegExp(
    `(?:^|[;&|)]|\\b(?:then|do|else)\\b)\\s*(?:(?:exec|source|\\.|(?:ba|da)?sh)\\s+)?["']?\\$\\{?${escapeRegExp(variable)}\\}?["']?(?=\\s|$|;)`,
    "m",
  ).test(script);
}
