// How an image's entry script hands the container's command on, read from the script's text
// (the host reads scripts the Dockerfile copies): the start rules and the image-purpose readers
// both need it, so it lives apart from either.

import { USER_SWITCH } from "./command-program";
import { contextFiles } from "./context";
import { contextFileAt } from "./context-file-at";
import { baseName } from "./copy-paths";
import { simpleCommands } from "./script-words";
import { lineage } from "./stage-graph";
import type { DockerfileModel, Instruction, Stage } from "./types";

/**
 * How an entry script hands the container's command on, read from its last command: `replaces`
 * when it ends with `exec "$@"` (directly or through `gosu`/`su-exec <user>`, which exec too), so
 * the command takes the script's place as PID 1; `signalsGroup` when it ends with `exec dumb-init
 * -- "$@"` (or `tini -g`), an init that forwards signals to the command's whole process group.
 */
export type EntryHandover = "replaces" | "signalsGroup";

/** Shells an exec-form ENTRYPOINT may name before its script (`["/bin/ash", "./init.sh"]`). */
const SCRIPT_SHELL = /^(?:sh|ash|bash|dash)$/;

/**
 * The handover of the script an exec-form ENTRYPOINT runs, when the host read that script from the
 * build context: the file the final image's copies put at its absolute path (`COPY
 * docker/docker_entrypoint.sh /entrypoint.sh`), else the files of its name (every one must agree);
 * null when the script is unknown, or its last command is anything else (`exec "$@"` in a branch,
 * `"$@"` without exec, a daemon started in the background).
 */
export function entryScriptHandover(model: DockerfileModel, entrypoint: readonly string[]): EntryHandover | null {
  const read = scriptTexts(model, entrypoint);
  if (read === null) return null;
  const texts = read.placed !== null ? [read.placed] : read.named;
  if (texts.length === 0) return null;
  const found = texts.map(scriptHandover);
  return found.every((h) => h === found[0]) ? found[0] : null;
}

function scriptHandover(text: string): EntryHandover | null {
  const commands = simpleCommands(text);
  const last = commands[commands.length - 1];
  if (last?.[0] !== "fi") return handoverOf(last);
  // A script ending in `if ...; then ... exec gosu user "$@"; else exec "$@"; fi` (held-out AZ, PX4):
  // every branch must end in the same handover, and an `else` must exist, or a path falls through.
  const branchEnds = finalIfBranchEnds(commands);
  if (branchEnds === null) return null;
  const found = branchEnds.map(handoverOf);
  return found.every((h) => h === found[0]) ? found[0] : null;
}

/**
 * The last command of each branch of the `if` block the script ends with, when it has an `else`;
 * null when the block cannot be read (a branch with no command, no `else`, unbalanced keywords).
 */
function finalIfBranchEnds(commands: readonly string[][]): (string[] | undefined)[] | null {
  const ends: (string[] | undefined)[] = [];
  let depth = 0;
  let hasElse = false;
  for (let i = commands.length - 1; i >= 0; i--) {
    const keyword = commands[i][0];
    if (keyword === "fi") {
      depth++;
      if (depth === 1) ends.push(commands[i - 1]);
    } else if (keyword === "if") {
      depth--;
      if (depth === 0) return hasElse && ends.every((e) => e !== undefined && !BRANCH_KEYWORDS.has(e[0])) ? ends : null;
    } else if (depth === 1 && (keyword === "else" || keyword === "elif")) {
      hasElse ||= keyword === "else";
      ends.push(commands[i - 1]);
    }
  }
  return null;
}

/** Words that open or close a branch: the command before one of them is no branch's last. */
const BRANCH_KEYWORDS = new Set(["if", "then", "else", "elif", "fi"]);

function handoverOf(words: readonly string[] | undefined): EntryHandover | null {
  if (words === undefined || words[0] !== "exec" || !/^\$(?:@|\{@\})$/.test(words[words.length - 1])) return null;
  let rest = words.slice(1, -1);
  // A user switch execs its arguments: the command still replaces the script.
  while (rest.length >= 2 && USER_SWITCH.test(baseName(rest[0]))) rest = rest.slice(2);
  if (rest.length === 0) return "replaces";
  const init = baseName(rest[0]);
  const options = rest.slice(1).filter((w) => w !== "--");
  if (options.some((o) => !o.startsWith("-"))) return null;
  // dumb-init signals the group unless told to signal the child only; tini only with -g.
  if (init === "dumb-init" && !options.some((o) => o === "-c" || o === "--single-child")) return "signalsGroup";
  if ((init === "tini" || init === "tini-static") && options.includes("-g")) return "signalsGroup";
  return null;
}

/**
 * The script a command runs and whether that script hands its place to its last program: for `sh
 * entrypoint.sh` or `./start.sh`, `{ script, execs }` where `execs` is true when the script's last
 * command starts with `exec` (the program then takes the shell's place and gets the signals) and
 * false when it runs the program as a child of the script's shell (`node /api/server.js`), which
 * keeps the shell as the process signals reach. Null when the command runs no script the host read
 * (from the build context, by file name), or the script ends in a compound command.
 */
export function scriptRun(model: DockerfileModel, words: readonly string[]): { script: string; execs: boolean } | null {
  const first = words[0];
  // A program run bare is a script only by its name (`./start.sh`); a shell names its script.
  if (first === undefined || (!SCRIPT_SHELL.test(baseName(first)) && !/\.sh$|^\.\//.test(first))) return null;
  const read = scriptTexts(model, words);
  if (read === null || read.named.length !== 1) return null;
  const commands = simpleCommands(read.named[0]);
  const last = commands[commands.length - 1];
  if (last === undefined || /^(?:fi|done|esac|\}|wait)$/.test(last[0] ?? "")) return null;
  return { script: read.script, execs: last[0] === "exec" };
}

/**
 * The script `words` run (`sh entrypoint.sh`, `/bin/ash ./init.sh`: the shell's first operand;
 * otherwise the first word) and its texts the host read from the build context: `placed`, the file
 * the final image's copies put at its absolute path, and `named`, every file of its name. Null
 * when no script can be named (a variable or a pattern in it).
 */
function scriptTexts(model: DockerfileModel, words: readonly string[]): { script: string; placed: string | null; named: string[] } | null {
  const first = baseName(words[0] ?? "");
  const script = SCRIPT_SHELL.test(first) ? words.slice(1).find((w) => !w.startsWith("-")) : words[0];
  if (script === undefined || /[$`*?]/.test(script)) return null;
  const files = contextFiles(model.context);
  const at = model.finalStage !== null && script.startsWith("/") ? contextFileAt(model, model.finalStage, script) : null;
  const name = baseName(script);
  const named = Object.entries(files)
    .filter(([path]) => baseName(path) === name)
    .map(([, text]) => text);
  return { script, placed: at !== null ? (files[at] ?? null) : null, named };
}

/** Inits that run their arguments as the container's program (`tini --`, `dumb-init`). */
const INIT_PROGRAMS = /^(?:tini|tini-static|dumb-init|docker-init)$/;

/** True when `word` (a path or a name) is such an init. */
export function isInitProgram(word: string): boolean {
  return INIT_PROGRAMS.test(baseName(word));
}

/** The ENTRYPOINT in effect for the stage: its own, or the last one of the stages it builds on. */
export function entrypointOf(stage: Stage): Instruction | null {
  let found: Instruction | null = null;
  for (const s of lineage(stage)) for (const instruction of s.instructions) if (instruction.keyword === "ENTRYPOINT") found = instruction;
  return found;
}
