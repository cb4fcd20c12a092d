// Which programs are shells. One list for every reader that asks whether a command hands a script
// to a shell (`bash ./setup.sh`, `["/bin/sh", "-c", "..."]`, `RUN <<EOF bash`, a start command
// that opens a shell), so that they agree on the same words.

/** The Bourne-family shells images run scripts with. */
const SHELL_NAMES = new Set(["sh", "bash", "ash", "dash", "zsh", "ksh", "mksh"]);

/** True when `name`, a program's base name (`bash`, not `/bin/bash`), is a shell. */
export function isShellName(name: string): boolean {
  return SHELL_NAMES.has(name);
}

/** True when `word`, a program as written (`/bin/bash`, `sh`), names a shell. */
export function isShellProgram(word: string): boolean {
  return SHELL_NAMES.has(word.slice(word.lastIndexOf("/") + 1));
}
