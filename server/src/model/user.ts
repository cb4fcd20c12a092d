// The USER in effect at an instruction: the last USER of the stage or of the stages it builds on.
// Rules ask at each install (whose home pip writes to, whether a cache mount is root's), so the
// answer comes from a per-stage timeline, not a walk of the lineage per question.

import { lastOfKeyword, valueBefore } from "./stage-timeline";
import type { Instruction, Stage } from "./types";

/**
 * The argument of the USER in effect just before `before` (by its place in the file) as written
 * (`app`, `1000:1000`, `$USER`); null when no USER of the lineage applies, which is the image's own.
 */
export function userAt(stage: Stage, before: Instruction): string | null {
  return valueBefore(usersOf(stage), before);
}

const usersOf = lastOfKeyword("USER", (user) => user.args[0].value);
