// Whether the image uses an SSH client of its own: a RUN (or a context script it runs, a script of
// the start path, or a supervisor's start file or start hook the file copies in) calls ssh, scp,
// sftp or another program of openssh-client, or the file prepares an account's SSH folder
// (`mkdir -m 700 /opt/nagios/.ssh`, `COPY id_rsa /root/.ssh/`): the image expects the client there
// at run time (check_by_ssh, a backup over scp, rsync over SSH). Where the client arrives only as a
// recommendation (git's), `--no-install-recommends` would remove it.

import { someWord } from "./privilege-drop";
import { scriptRunBy } from "./run-scripts";
import { startPathScripts } from "./start-path-scripts";
import { serviceStartScripts } from "./start-steps";
import { escapeRegExp } from "./text";
import type { DockerfileModel, Stage } from "./types";

/** Programs of openssh-client, and wrappers that run it (`sshpass`, `autossh`). */
const SSH_PROGRAMS = new Set(["ssh", "scp", "sftp", "ssh-keyscan", "ssh-keygen", "ssh-add", "ssh-agent", "ssh-copy-id", "sshpass", "autossh"]);
/** An account's SSH folder as a path (`~/.ssh`, `${HOME}/.ssh/config`, `/root/.ssh/`). */
const SSH_FOLDER = /(?:^|[/~])\.ssh(?:\/|$)/;
/** A call of one of those programs in a script's text, or the SSH folder named there. */
const SSH_IN_SCRIPT = new RegExp(`(?:^|[\\s;&|(\`"'])(?:\\S*/)?(?:${[...SSH_PROGRAMS].map(escapeRegExp).join("|")})[ \\t]|[/~]\\.ssh\\b`);

/** True when `chain` (the stages of the final image) shows the image using an SSH client. */
export function usesSshClient(model: DockerfileModel, chain: readonly Stage[]): boolean {
  const stages = [...chain];
  if (someWord(stages, ["RUN", "COPY", "ADD", "ENV", "ARG", "VOLUME", "WORKDIR"], SSH_FOLDER)) return true;
  for (const stage of stages)
    for (const run of stage.instructions) {
      if (run.keyword !== "RUN") continue;
      for (const command of run.commands) {
        if (SSH_PROGRAMS.has(command.name)) return true;
        const script = scriptRunBy(model, stage, run, command);
        if (script !== null && scriptUsesSsh(script)) return true;
      }
    }
  return startPathScripts(model).some(([, text]) => scriptUsesSsh(text)) || serviceStartScripts(model).some(scriptUsesSsh);
}

/** True when a line of the script, not a comment, calls an SSH program or names the SSH folder. */
function scriptUsesSsh(text: string): boolean {
  return text.split(/\r?\n/).some((line) => !/^\s*#/.test(line) && SSH_IN_SCRIPT.test(line));
}
