// Whether apt's own configuration turns recommends off before an install: apt reads
// /etc/apt/apt.conf and every file of /etc/apt/apt.conf.d/ on each run, so `APT::Install-Recommends
// "0"` written there (by a command of the same RUN before the install, an earlier RUN, or a file
// copied from the context) holds for every later install of the stage and the stages built on it.

import { contextCopy } from "./copies";
import { contextRelativePath, normalizePath, unquoteWord } from "./copy-paths";
import { fileWritesOf } from "./file-writes";
import { lineage } from "./stage-graph";
import type { DockerfileModel, Instruction } from "./types";

/** Any mention of the key: an earlier RUN that names it configures it (as the rule always read it). */
const KEY = /APT::Install-Recommends/i;
/** The key set to a value that turns recommends off (`APT::Install-Recommends "0";`, `"false"`). */
const KEY_OFF = /APT::Install-Recommends[\s=]*"?(?:0|false|no)\b/i;
/** apt's configuration files: the main file and the parts folder. */
export const APT_CONFIG_PATH = /^\/etc\/apt\/apt\.conf(?:$|\.d(?:\/|$))/;

/**
 * True when apt's configuration turns recommends off for command `index` of `run`: an earlier RUN
 * of its stage lineage names `APT::Install-Recommends`, a command of the same RUN before it writes
 * the key off into apt's configuration (`echo 'APT::Install-Recommends "0";' > /etc/apt/apt.conf.d/x`,
 * `printf ... | tee ...`, `cat <<EOF > ...`; model/file-writes.ts reads them), or a COPY/ADD of the
 * lineage brings a context file the host read that sets it off into /etc/apt/apt.conf(.d).
 */
export function recommendsOffBefore(model: DockerfileModel, run: Instruction, index: number): boolean {
  for (const stage of run.stage ? lineage(run.stage) : [])
    for (const i of stage.instructions) {
      if (i.ordinal >= run.ordinal) break;
      if (i.keyword === "RUN" && KEY.test(model.lines.textIn(i.range))) return true;
      if (copiesConfigOff(model, i)) return true;
    }
  const before = new Set(run.commands.slice(0, index));
  // Where the text is not shown (a program's output, an `echo -e` of an unknown shell), its words.
  return fileWritesOf(model, run, () => null).some(
    (w) => before.has(w.command) && APT_CONFIG_PATH.test(normalizePath(w.path)) && KEY_OFF.test(w.text ?? w.material),
  );
}

/** True when a COPY/ADD of context files into apt's configuration brings a file the host read that sets the key off. */
function copiesConfigOff(model: DockerfileModel, instruction: Instruction): boolean {
  const copy = contextCopy(instruction);
  if (copy === null || !APT_CONFIG_PATH.test(normalizePath(unquoteWord(copy.dest.value)))) return false;
  return copy.sources.some((source) => {
    const text = model.context.files?.[contextRelativePath(unquoteWord(source.value))];
    return text !== undefined && KEY_OFF.test(text);
  });
}
