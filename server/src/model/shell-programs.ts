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

/**
 * The program a script's shebang line runs, as written (`#!/bin/bash -e`: `/bin/bash`), through
 * env (`#!/usr/bin/env bash`, `#!/usr/bin/env -S bash -e`: `bash`); null without a shebang.
 */
export function shebangProgram(text: string): string | null {
  if (!text.startsWith("#!")) return null;
  const end = text.indexOf("\n");
  const words = text
    .slice(2, end === -1 ? undefined : end)
    .trim()
    .split(/\s+/);
  const [interpreter = "", ...rest] = words;
  if (interpreter.slice(interpreter.lastIndexOf("/") + 1) !== "env") return interpreter === "" ? null : interpreter;
  // env's own options (`-S`, `-i`) come before the program.
  return rest.find((word) => !word.startsWith("-")) ?? null;
}

/** True when a script's shebang line runs a shell (`#!/bin/bash`, `#!/usr/bin/env sh`, `#!/usr/local/bin/bash`). */
export function startsShell(text: string): boolean {
  const program = shebangProgram(text);
  return program !== null && isShellProgram(program);
}
