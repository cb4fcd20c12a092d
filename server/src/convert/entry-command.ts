// The CMD/ENTRYPOINT contract of a stage: which program runs with which arguments, whether that
// needs a shell, and how to write it again with the executable moved to where the artifact lands.

import type { Instruction, Stage } from "../model/types";

export interface EntryCommand {
  entrypoint: Instruction | null;
  cmd: Instruction | null;
  /**
   * The argv the container starts with (ENTRYPOINT then CMD, as Docker combines them), or null
   * when it only works through `/bin/sh -c` (variables, pipes, `&&`, globs).
   */
  argv: string[] | null;
}

/** Characters that make a shell-form command depend on the shell. */
const SHELL_SYNTAX = /[$;&|<>*?()`'"\\~]/;

/** Words of a shell-form CMD/ENTRYPOINT when it is one plain command, else null. */
function plainWords(instruction: Instruction): string[] | null {
  const raw = instruction.args.map((a) => a.value).join(" ");
  if (SHELL_SYNTAX.test(raw) || instruction.commands.length !== 1) return null;
  const command = instruction.commands[0];
  if (command.assignments.length > 0 || command.program === null) return null;
  const start = command.words.indexOf(command.program);
  const words = command.words.slice(start).map((w) => w.value);
  // `exec ./app` is the shell idiom for "replace the shell"; in exec form the word is not needed.
  return words[0] === "exec" ? words.slice(1) : words;
}

function wordsOf(instruction: Instruction | null): string[] | null {
  if (!instruction) return [];
  return instruction.isJsonForm ? instruction.args.map((a) => a.value) : plainWords(instruction);
}

/** The last ENTRYPOINT and CMD of a stage (earlier ones have no effect) and the argv they make. */
export function readEntryCommand(stage: Stage): EntryCommand {
  const last = (keyword: string) => [...stage.instructions].reverse().find((i) => i.keyword === keyword) ?? null;
  const entrypoint = last("ENTRYPOINT");
  const cmd = last("CMD");
  let argv: string[] | null;
  if (entrypoint) {
    const ep = wordsOf(entrypoint);
    // A shell-form ENTRYPOINT ignores CMD; an exec-form one appends it.
    const tail = entrypoint.isJsonForm ? wordsOf(cmd) : [];
    argv = ep === null || tail === null ? null : [...ep, ...tail];
  } else {
    argv = wordsOf(cmd);
  }
  return { entrypoint, cmd, argv };
}

/** True when neither CMD nor ENTRYPOINT is set: the image would run its base image's default. */
export function hasNoCommand(entry: EntryCommand): boolean {
  return entry.entrypoint === null && entry.cmd === null;
}

/** The program the container starts, or null when unknown (shell needed, or nothing set). */
export function executableOf(entry: EntryCommand): string | null {
  return entry.argv && entry.argv.length > 0 ? entry.argv[0] : null;
}

function execForm(keyword: string, words: readonly string[]): string {
  return `${keyword} ${JSON.stringify(words).replace(/","/g, '", "')}`;
}

/**
 * CMD/ENTRYPOINT lines in exec form with the executable replaced by `executable` (or kept when
 * null), preserving which instruction carries the program and which the arguments.
 */
export function rewriteEntry(entry: EntryCommand, executable: string | null): string[] {
  const argv = entry.argv ?? [];
  const replaced = executable === null ? argv : [executable, ...argv.slice(1)];
  if (entry.entrypoint) {
    const epLength = entry.entrypoint.isJsonForm ? entry.entrypoint.args.length : (wordsOf(entry.entrypoint) ?? []).length;
    const lines = [execForm("ENTRYPOINT", replaced.slice(0, epLength))];
    if (entry.cmd && entry.entrypoint.isJsonForm) lines.push(execForm("CMD", replaced.slice(epLength)));
    return lines;
  }
  return [execForm("CMD", replaced)];
}

/** True when the CMD/ENTRYPOINT lines as written need `/bin/sh` (shell form). */
export function usesShellForm(entry: EntryCommand): boolean {
  return (
    (entry.entrypoint !== null && !entry.entrypoint.isJsonForm) ||
    (entry.cmd !== null && !entry.cmd.isJsonForm && (entry.entrypoint === null || entry.entrypoint.isJsonForm))
  );
}
