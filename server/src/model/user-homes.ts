// The home folder of a user the file creates (`useradd --create-home app`, `adduser app`): where
// tools run as that user keep their caches (`~/.cache/pypoetry`).

import { optionValue } from "./command-options";
import { createdLogin } from "./image-data";
import type { Stage } from "./types";

/** useradd's and adduser's options that name the home folder. */
const HOME_OPTIONS = ["-d", "--home-dir", "--home", "-h"];

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
        const words = command.args.map((w) => w.value);
        const cluster = (flag: string) => words.some((w) => /^-[a-zA-Z]+$/.test(w) && w.includes(flag));
        const home = optionValue(words, HOME_OPTIONS);
        const makesHome =
          command.name === "useradd"
            ? words.includes("--create-home") || cluster("m")
            : !words.includes("--no-create-home") && !cluster("H") && !(words.includes("--system") && home === null);
        if (!makesHome || (home !== null && (home.includes("$") || !home.startsWith("/")))) return null;
        return home !== null ? home.replace(/\/+$/, "") : `/home/${login}`;
      }
    }
  }
  return null;
}
