// The shell that runs shell-form RUN instructions: the last SHELL instruction of the stage or of
// the stages it builds on, else the platform default (`/bin/sh -c`, `cmd /S /C` on Windows).
// Fixes that write shell syntax (`a && b`) need to know it is a POSIX shell or cmd.

import { lastOfKeyword, valueBefore } from "./stage-timeline";
import type { Instruction, Stage } from "./types";

/** The SHELL instruction in effect just before `before` (by its place in the file); null for the default shell. */
export function shellAt(stage: Stage, before: Instruction): Instruction | null {
  return valueBefore(shellsOf(stage), before);
}

const shellsOf = lastOfKeyword("SHELL", (shell) => shell);

/**
 * The program of the SHELL in effect just before `before` (an instruction of `stage`), such as
 * `powershell` or `/bin/bash`; null when no SHELL instruction applies (the default shell).
 */
export function shellProgramAt(stage: Stage, before: Instruction): string | null {
  return shellAt(stage, before)?.args[0].value ?? null;
}

/** True when `&&` chains commands in that shell: POSIX shells and cmd do, Windows PowerShell 5 does not. */
export function chainsWithAnd(program: string | null): boolean {
  if (program === null) return true;
  const name = program
    .replace(/^.*[\\/]/, "")
    .replace(/\.exe$/i, "")
    .toLowerCase();
  return name !== "powershell" && name !== "pwsh";
}
