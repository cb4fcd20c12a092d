// run-zypper-no-non-interactive: hadolint DL3034. zypper asks before it changes packages; a build
// has no one to answer, so the RUN stops at the prompt or fails instead of installing.

import { insertOptionAfter } from "../fixes/cache-cleanup";
import { allRunInstructions } from "../model/run-instructions";
import type { ShellCommand, Word } from "../model/shell";
import type { Rule } from "./types";

/** Subcommands (and their short aliases) that change packages and so ask first. */
const ASKS = new Set(["install", "in", "remove", "rm", "update", "up", "patch", "dist-upgrade", "dup", "source-install", "si"]);
/**
 * The global `-n`/`--non-interactive` and the subcommand's `-y`/`--no-confirm`, also in a cluster
 * of short options (`-qn`). After `install`, `-n` is `--name` and answers nothing; hadolint accepts
 * it anyway, and staying silent there is the safer error than a report on a working build.
 */
const ANSWERS = (value: string) => value === "--non-interactive" || value === "--no-confirm" || (/^-[a-zA-Z]+$/.test(value) && /[ny]/.test(value));

/** The subcommand word of a zypper command that would ask, or null. */
function askingSubcommand(command: ShellCommand): Word | null {
  if (command.name !== "zypper") return null;
  let subcommand: Word | null = null;
  for (const word of command.args) {
    if (word.value.startsWith("-")) {
      if (ANSWERS(word.value)) return null;
    } else subcommand ??= word;
  }
  return subcommand !== null && ASKS.has(subcommand.value) ? subcommand : null;
}

export const rule: Rule = {
  meta: {
    id: "run-zypper-no-non-interactive",
    family: "run",
    severity: "warning",
    description: "Pass -n to zypper so the build never waits for an answer.",
    fix: "safe",
    equivalents: { hadolint: ["DL3034"] },
    messages: {
      noNonInteractive: "'zypper {subcommand}' without -n can stop the build at a prompt; add -n (non-interactive).",
    },
  },
  check(model, report) {
    for (const run of allRunInstructions(model)) {
      for (const command of run.commands) {
        const subcommand = askingSubcommand(command);
        if (subcommand === null || command.program === null) continue;
        report({
          range: subcommand.range,
          messageId: "noNonInteractive",
          data: { subcommand: subcommand.value },
          // The global option goes before the subcommand, where every zypper command takes it.
          fix: { title: "Add -n", edits: insertOptionAfter(command.program, "-n"), isPreferred: true },
        });
      }
    }
  },
};
