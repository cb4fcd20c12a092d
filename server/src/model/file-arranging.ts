// Commands that only arrange files already in place (owners, modes, folders, links, moves,
// copies), and those that also write into files the text they are given: a RUN made of them
// builds, installs and fetches nothing, and reads no variable its words do not name.

import { runsOnly } from "./run-commands";
import type { Instruction } from "./types";

/** Programs that only arrange files already in place: owners, modes, folders, links, moves, copies, removals. */
export const FILE_ARRANGING_PROGRAMS: ReadonlySet<string> = new Set(["chown", "chmod", "chgrp", "mkdir", "ln", "rm", "touch", "mv", "cp", "true"]);

/** Those, and programs that write the text their words or a file give into files (`cat addendum.py >> config.py`, `echo x > f`). */
export const FILE_WRITING_PROGRAMS: ReadonlySet<string> = new Set([...FILE_ARRANGING_PROGRAMS, "cat", "echo", "printf", "tee"]);

/** True when every command of the RUN `run` only arranges files (`chown -R app /srv && chmod 755 /srv/run.sh`). */
export function onlyArrangesFiles(run: Instruction): boolean {
  return runsOnly(run, FILE_ARRANGING_PROGRAMS);
}
