// run-cd-instead-of-workdir: hadolint DL3003. `cd` lasts only for its RUN; a directory the rest of
// the stage works in is WORKDIR's job, which also creates it and documents it.

import { allRunInstructions } from "../model/run-instructions";
import type { Rule } from "./types";

export const rule: Rule = {
  meta: {
    id: "run-cd-instead-of-workdir",
    family: "run",
    severity: "info",
    description: "Use WORKDIR to switch directories instead of starting RUN with cd.",
    fix: "none",
    equivalents: { hadolint: ["DL3003"] },
    messages: {
      cd: "'cd {dir}' lasts only for this RUN; use WORKDIR {dir} to set the directory for what follows.",
    },
  },
  check(model, report) {
    for (const run of allRunInstructions(model)) {
      for (const command of run.commands) {
        if (command.name !== "cd" || !command.program || command.args.length === 0) continue;
        // Not fixed: the commands before or after the cd may rely on the old directory.
        report({ range: { start: command.program.range.start, end: command.args[0].range.end }, messageId: "cd", data: { dir: command.args[0].value } });
      }
    }
  },
};
