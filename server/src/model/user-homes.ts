// The home folder of a user the file creates (`useradd --create-home app`, `adduser app`): where
// tools run as that user keep their caches (`~/.cache/pypoetry`).

import { accountHomeOf } from "./account-home";
import { createdLogin } from "./image-data";
import type { Stage } from "./types";

/**
 * The home folder `login` is created with in `chain` (the stage's lineage): the one an option names
 * (`-d /srv/app`), else `/home/<login>`; null when the file does not create the user, the command
 * makes no home (`useradd` without `-m`/`--create-home`, `adduser --no-create-home` or BusyBox's
 * `-H`, Debian's `adduser --system` without `--home`), or the folder is a variable.
 */
export function createdUserHome(chain: readonly Stage[], login: string): string | null {
  for (const stage of chain) {
    for (const instruction of stage.instructions) {
      for (const command of instruction.commands) {
        if ((command.name !== "useradd" && command.name !== "adduser") || createdLogin(command) !== login) continue;
        const { makesHome, folder } = accountHomeOf(command);
        if (!makesHome || (folder !== null && (folder.includes("$") || !folder.startsWith("/")))) return null;
        return folder !== null ? folder.replace(/\/+$/, "") : `/home/${login}`;
      }
    }
  }
  return null;
}
