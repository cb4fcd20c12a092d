// run-dnf-yum-no-yes: hadolint DL3030 (yum) and DL3038 (dnf). Without `-y` these ask for
// confirmation; a build has no one to answer, so the install aborts ("Operation aborted").

import { insertOptionAfter } from "../fixes/cache-cleanup";
import { allRunInstructions } from "../model/run-instructions";
import type { ShellCommand, Word } from "../model/shell";
import type { Rule } from "./types";

const MANAGERS = new Set(["yum", "dnf", "microdnf", "tdnf"]);
/** Subcommands that change packages and so ask first. */
const ASKS = new Set([
  "install",
  "reinstall",
  "remove",
  "erase",
  "update",
  "upgrade",
  "downgrade",
  "groupinstall",
  "localinstall",
  "autoremove",
  "distro-sync",
]);
/** `-y` may be combined with other short options (`-qy`); `--assumeyes` is the long form. */
const ASSUMES_YES = (value: string) => value === "--assumeyes" || value === "--assume-yes" || (/^-[a-zA-Z]+$/.test(value) && value.includes("y"));

/** The subcommand word of a yum/dnf command that would ask, or null. */
function askingSubcommand(command: ShellCommand): Word | null {
  if (!MANAGERS.has(command.name)) return null;
  // microdnf never prompts; it has no -y of its own to forget (it accepts and ignores -y).
  if (command.name === "microdnf") return null;
  let subcommand: Word | null = null;
  for (const word of command.args) {
    if (word.value.startsWith("-")) {
      if (ASSUMES_YES(word.value)) return null;
    } else subcommand ??= word;
  }
  return subcommand !== null && ASKS.has(subcommand.value) ? subcommand : null;
}

export const rule: Rule = {
  meta: {
    id: "run-dnf-yum-no-yes",
    family: "run",
    severity: "warning",
    description: "Pass -y to yum and dnf so the build never waits for an answer.",
    fix: "safe",
    equivalents: { hadolint: ["DL3030", "DL3038"] },
    messages: {
      noYes: "'{manager} {subcommand}' without -y aborts when it asks for confirmation; add -y.",
    },
  },
  check(model, report) {
    for (const run of allRunInstructions(model)) {
      for (const command of run.commands) {
        const subcommand = askingSubcommand(command);
        if (subcommand === null) continue;
        report({
          range: subcommand.range,
          messageId: "noYes",
          data: { manager: command.name, subcommand: subcommand.value },
          fix: { title: "Add -y", edits: insertOptionAfter(subcommand, "-y"), isPreferred: true },
        });
      }
    }
  },
};
