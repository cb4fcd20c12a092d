// Helpers the recipes share: path arithmetic against the working directory, flag values of build
// commands, and the copy line of a binary artifact with its CMD adjustment.

import { joinPath } from "../../model/copy-paths";
import type { ShellCommand, Word } from "../../model/shell";
import type { Instruction } from "../../model/types";
import { EntryCommand, executableOf, rewriteEntry, usesShellForm } from "../entry-command";
import type { RuntimeImage } from "../runtime-base";
import type { CommandChange, RecipeAnswer, RecipePlan } from "../types";

export function resolvePath(workdir: string, path: string): string {
  return path.startsWith("/") ? joinPath("/", path) : joinPath(workdir, path);
}

export function basename(path: string): string {
  const trimmed = path.replace(/\/+$/, "");
  return trimmed.slice(trimmed.lastIndexOf("/") + 1);
}

export function dirname(path: string): string {
  const i = path.replace(/\/+$/, "").lastIndexOf("/");
  return i <= 0 ? "/" : path.slice(0, i);
}

/** The value of `-o x`, `-o=x`, `--output x` or `--output=x`, with the word(s) holding it. */
export function flagValue(command: ShellCommand, names: readonly string[]): { value: string; words: Word[] } | null {
  const args = command.args;
  for (let i = 0; i < args.length; i++) {
    const word = args[i].value;
    for (const name of names) {
      if (word === name && args[i + 1]) return { value: args[i + 1].value, words: [args[i], args[i + 1]] };
      if (word.startsWith(`${name}=`)) return { value: word.slice(name.length + 1), words: [args[i]] };
    }
  }
  return null;
}

/** True when a `cd` runs before the command in the same RUN (relative paths then mean something else). */
export function changesDirectoryBefore(instruction: Instruction, command: ShellCommand): boolean {
  const index = instruction.commands.indexOf(command);
  return instruction.commands.slice(0, index).some((c) => c.name === "cd" || c.name === "pushd");
}

export const refuse = (reason: string): RecipeAnswer => ({ ok: false, reason });

/**
 * The runtime command for an artifact that lands at `runtimePath`: a bare program name becomes
 * that absolute path, and a shell-form command becomes exec form on images without a shell.
 */
export function artifactCommand(entry: EntryCommand, runtime: RuntimeImage, runtimePath: string | null): RecipePlan["command"] {
  const executable = executableOf(entry);
  const moved = executable !== null && runtimePath !== null && !executable.includes("/") ? runtimePath : null;
  if (moved !== null) return { lines: rewriteEntry(entry, moved), change: "adjusted" as CommandChange };
  if (!runtime.hasShell && usesShellForm(entry)) return { lines: rewriteEntry(entry, null), change: "adjusted" };
  return null;
}

/** Words of HEALTHCHECK and CMD/ENTRYPOINT lines: programs the runtime image must still have. */
export function usedPrograms(instructions: readonly Instruction[]): Set<string> {
  const words = new Set<string>();
  for (const i of instructions) {
    if (i.keyword !== "HEALTHCHECK" && i.keyword !== "CMD" && i.keyword !== "ENTRYPOINT") continue;
    for (const a of i.args) for (const w of a.value.split(/[\s"',[\]]+/)) if (w !== "") words.add(basename(w));
  }
  return words;
}

/** A HEALTHCHECK that runs a command (not NONE) needs a shell or the program it names. */
export function healthcheckNeedsShell(instructions: readonly Instruction[]): boolean {
  return instructions.some((i) => i.keyword === "HEALTHCHECK" && !/^\s*NONE\b/i.test(i.args.map((a) => a.value).join(" ")));
}
