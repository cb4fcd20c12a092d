// run-sudo: hadolint DL3004. RUN runs as the current USER; sudo adds a setuid binary and
// unpredictable TTY and signal behaviour. Switch with USER root, or use gosu/su-exec at run time.

import { allRunInstructions } from "../model/run-instructions";
import type { Rule } from "./types";

export const rule: Rule = {
  meta: {
    id: "run-sudo",
    family: "run",
    severity: "warning",
    description: "Do not use sudo in RUN; switch with USER instead.",
    fix: "none",
    equivalents: { hadolint: ["DL3004"] },
    messages: {
      sudo: "Do not use sudo in RUN; use USER root for the commands that need it.",
    },
  },
  check(model, report) {
    for (const run of allRunInstructions(model)) {
      for (const command of run.commands) {
        const end = command.program ? command.words.indexOf(command.program) : command.words.length;
        // Only sudo as a wrapper of the command: `apt-get install sudo` installs it, which is fine.
        const sudo = command.words.slice(0, end < 0 ? command.words.length : end).find((w) => w.value === "sudo" || w.value.endsWith("/sudo"));
        // One finding per RUN: the remedy (a USER switch around the RUN) is one change for all of them.
        if (sudo) {
          report({ range: sudo.range, messageId: "sudo" });
          break;
        }
      }
    }
  },
};
