// run-pipe-no-pipefail: hadolint DL4006. A RUN's exit status is the last command of a pipeline:
// `curl ... | tar x` succeeds when the download fails, and the build carries on broken.
// Silent when the SHELL sets `-o pipefail` (bash, zsh, ash, ksh), when the RUN sets it itself
// (`set -o pipefail` before the pipe), and under non-POSIX shells (PowerShell, cmd).

import { allRunInstructions } from "../model/run-instructions";
import { lineage } from "../model/stage-graph";
import type { Instruction } from "../model/types";
import type { Rule } from "./types";

const NON_POSIX = /(?:^|[\\/])(?:pwsh|powershell|cmd)(?:\.exe)?$/i;
const PIPEFAIL_SHELLS = /(?:^|\/)(?:bash|zsh|ash|ksh|mksh)$/;

/** The SHELL instruction's words in effect for `run`, or null for the default `/bin/sh -c`. */
function shellWords(run: Instruction): string[] | null {
  let words: string[] | null = null;
  for (const s of run.stage ? lineage(run.stage) : []) {
    for (const i of s.instructions) {
      if (s === run.stage && i.ordinal >= run.ordinal) break;
      if (i.keyword === "SHELL" && i.isJsonForm) words = i.args.map((a) => a.value);
    }
  }
  return words;
}

function setsPipefail(words: readonly string[]): boolean {
  return words.some((w, i) => w === "pipefail" && i > 0 && /^-[a-z]*o$/.test(words[i - 1]));
}

export const rule: Rule = {
  meta: {
    id: "run-pipe-no-pipefail",
    family: "run",
    severity: "warning",
    description: "Set -o pipefail before piping in RUN so a failing command fails the build.",
    fix: "none",
    equivalents: { hadolint: ["DL4006"] },
    messages: {
      pipefail: 'A failure before this pipe is ignored; set SHELL ["/bin/bash", "-o", "pipefail", "-c"] or \'set -o pipefail\'.',
    },
  },
  check(model, report) {
    for (const run of allRunInstructions(model)) {
      if (run.isJsonForm) continue;
      const shell = shellWords(run);
      if (shell && shell.length > 0 && NON_POSIX.test(shell[0])) continue;
      if (shell && PIPEFAIL_SHELLS.test(shell[0]) && setsPipefail(shell)) continue;
      let pipefail = false;
      for (const command of run.commands) {
        if (command.name === "set" && setsPipefail(command.args.map((w) => w.value))) pipefail = true;
        if (command.joinedBy !== "|" || pipefail) continue;
        // Not fixed: the right shell (bash is missing from alpine and distroless) is the author's choice.
        report({ range: command.range, messageId: "pipefail" });
        break;
      }
    }
  },
};
