// What a useradd or adduser command does about the new account's home folder: whether it makes
// one, and which folder an option names. One reading for the places that ask (a created user's
// home for its caches, whether the user has a home at all, the folders a user is given).

import { optionValue } from "./command-options";
import type { ShellCommand } from "./shell";

/** useradd's and adduser's options that name the home folder (`-h` is BusyBox adduser's). */
const HOME_OPTIONS = ["-d", "--home-dir", "--home", "-h"];

export interface AccountHome {
  /** useradd with `-m`/`--create-home`; adduser unless told not to (`--no-create-home`, BusyBox's `-H`) or a Debian `--system` account with no home named. */
  makesHome: boolean;
  /** The folder an option names, as written; null when none does. */
  folder: string | null;
}

/** The home folder handling of a useradd or adduser `command`. */
export function accountHomeOf(command: ShellCommand): AccountHome {
  const words = command.args.map((w) => w.value);
  const cluster = (flag: string) => words.some((w) => /^-[a-zA-Z]+$/.test(w) && w.includes(flag));
  const folder = optionValue(words, HOME_OPTIONS);
  const makesHome =
    command.name === "useradd"
      ? words.includes("--create-home") || cluster("m")
      : !words.includes("--no-create-home") && !cluster("H") && !(words.includes("--system") && folder === null);
  return { makesHome, folder };
}
