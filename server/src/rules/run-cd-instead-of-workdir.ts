// run-cd-instead-of-workdir: hadolint DL3003, narrowed to the `cd` that is certainly a mistake. A
// `cd` lasts only for its RUN, so one that nothing in the RUN uses (the RUN is only `cd`, or the
// `cd` is its last top-level command) is lost: the author expected it to persist. So is a RUN
// that starts by repeating the `cd` of the RUN just before it: one WORKDIR would serve both. A `cd` that
// serves its own RUN (a source tree built and deleted there, inside `( … )` or an `if`) is the
// normal way to write it and is left alone; WORKDIR would leak into every later instruction.

import type { ShellCommand } from "../model/shell";
import { allRunInstructions } from "../model/run-instructions";
import type { DockerfileModel, Instruction } from "../model/types";
import { joinPath } from "../model/copy-paths";
import { workdirOf } from "../model/workdir";
import type { Rule } from "./types";

export const rule: Rule = {
  meta: {
    id: "run-cd-instead-of-workdir",
    family: "run",
    severity: "info",
    description: "Use WORKDIR for a directory later instructions need; a cd at the end of a RUN is lost.",
    fix: "none",
    equivalents: { hadolint: ["DL3003"] },
    messages: {
      cdLost: "'cd {dir}' is lost when this RUN ends; use WORKDIR {dir} if later instructions need it.",
      cdUseless: "'cd {dir}' is lost when this RUN ends and does nothing; remove it.",
      cdRepeated: "'cd {dir}' repeats the previous RUN's cd; one WORKDIR would serve both RUNs.",
    },
  },
  check(model, report) {
    for (const run of allRunInstructions(model)) {
      const commands = run.commands;
      if (commands.length === 0) continue;
      const onlyCd = commands.every((c) => c.name === "cd");
      const last = commands[commands.length - 1];
      // A last `cd` back to the folder the RUN started in (`cd build && make && cd /app` under
      // WORKDIR /app, in a `&&` chain or a heredoc script alike) returns rather than moves: later
      // instructions already start there, so there is nothing a WORKDIR would keep.
      const targets = onlyCd ? commands : isLostCd(last) && !returnsToWorkdir(model, run, last) ? [last] : [];
      const repeated = repeatedCd(run);
      if (repeated?.program && !targets.includes(repeated)) {
        const dir = repeated.args[0];
        report({ range: { start: repeated.program.range.start, end: dir.range.end }, messageId: "cdRepeated", data: { dir: dir.value } });
      }
      for (const command of targets) {
        if (command.depth > 0 || !command.program || command.args.length !== 1) continue;
        const dir = command.args[0];
        if (dir.value.startsWith("-")) continue;
        // Not fixed: whether later instructions need the directory is the author's call.
        const range = { start: command.program.range.start, end: dir.range.end };
        report({ range, messageId: isWorkdirPath(dir.value) ? "cdLost" : "cdUseless", data: { dir: dir.value } });
      }
    }
  },
};

/** True when `cd` (the last command of `run`) enters the WORKDIR the RUN started in, as far as it is known. */
function returnsToWorkdir(model: DockerfileModel, run: Instruction, cd: ShellCommand): boolean {
  // An ONBUILD trigger runs in a downstream build, whose WORKDIR this file does not show.
  if (run.stage === null || !run.stage.instructions.includes(run)) return false;
  const workdir = workdirOf(model, run.stage, run);
  return workdir !== null && joinPath("/", cd.args[0].value) === workdir;
}

/**
 * The first command of `run` when it is a `cd` to the literal directory a top-level `cd` of the
 * instruction just before it (a RUN of the same stage) also entered.
 */
function repeatedCd(run: Instruction): ShellCommand | null {
  const first = run.commands[0];
  if (first.name !== "cd" || first.depth > 0 || first.args.length !== 1) return null;
  const dir = first.args[0].value;
  if (/^\/*$|^\.\.?\/?$|^-|[$`*?[\]{}~]/.test(dir)) return null;
  const siblings = run.stage?.instructions ?? [];
  const previous = siblings[siblings.indexOf(run) - 1];
  if (previous?.keyword !== "RUN") return null;
  // Relative cds into two or more folders (`cd apps/api`, then `cd apps/client`): each starts from
  // the stage's WORKDIR, but WORKDIRs written the same way would nest (apps/api/apps/client), so no
  // WORKDIR replaces them as written; the repetition is only text.
  if (!dir.startsWith("/") && leadingRelativeCds(siblings).size > 1) return null;
  return previous.commands.some((c) => c.name === "cd" && c.depth === 0 && c.args.length === 1 && c.args[0].value === dir) ? first : null;
}

/** The relative folders the RUNs of a stage start by entering (`RUN cd apps/api && …`), `./` dropped. */
function leadingRelativeCds(instructions: readonly Instruction[]): Set<string> {
  const dirs = new Set<string>();
  for (const i of instructions) {
    const first = i.keyword === "RUN" ? i.commands[0] : undefined;
    if (first?.name !== "cd" || first.depth > 0 || first.args.length !== 1) continue;
    const dir = first.args[0].value;
    if (!dir.startsWith("/") && !dir.startsWith("-")) dirs.add(dir.replace(/^(?:\.\/)+/, "").replace(/\/+$/, ""));
  }
  return dirs;
}

/**
 * A RUN's last command is a `cd` whose loss matters only when it names a real directory to keep:
 * an absolute literal path. `cd ..`, `cd /` or `cd $HOME` at the end usually leave a tree before
 * it is deleted (or are noise), and the joiner must not make it conditional (`|| cd …`) or piped.
 */
function isLostCd(command: ShellCommand): boolean {
  if (command.name !== "cd" || command.args.length !== 1) return false;
  if (command.joinedBy !== null && !["&&", ";", "\n"].includes(command.joinedBy)) return false;
  return isWorkdirPath(command.args[0].value);
}

/** An absolute, literal path other than `/` that WORKDIR can take as written: no variable, glob or `..`. */
function isWorkdirPath(dir: string): boolean {
  if (!dir.startsWith("/") || /^\/+$/.test(dir)) return false;
  if (/[$`*?[\]{}~]/.test(dir)) return false;
  return !dir.split("/").some((part) => part === ".." || part === ".");
}
