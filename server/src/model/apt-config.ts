// Whether apt's own configuration turns recommends off before an install: apt reads
// /etc/apt/apt.conf and every file of /etc/apt/apt.conf.d/ on each run, so `APT::Install-Recommends
// "0"` written there (by a command of the same RUN before the install, an earlier RUN, or a file
// copied from the context) holds for every later install of the stage and the stages built on it.

import { contextCopy } from "./copies";
import { contextRelativePath, normalizePath, unquoteWord } from "./copy-paths";
import { lineage } from "./stage-graph";
import type { ShellCommand } from "./shell";
import type { DockerfileModel, Instruction } from "./types";

/** Any mention of the key: an earlier RUN that names it configures it (as the rule always read it). */
const KEY = /APT::Install-Recommends/i;
/** The key set to a value that turns recommends off (`APT::Install-Recommends "0";`, `"false"`). */
const KEY_OFF = /APT::Install-Recommends[\s=]*"?(?:0|false|no)\b/i;
/** apt's configuration files: the main file and the parts folder. */
export const APT_CONFIG_PATH = /^\/etc\/apt\/apt\.conf(?:$|\.d(?:\/|$))/;
/** Programs whose operands are the text they write (`echo`, `printf`) or that write stdin (`cat`, `tee`). */
const WRITERS = new Set(["echo", "printf", "cat", "tee"]);

/**
 * True when apt's configuration turns recommends off for command `index` of `run`: an earlier RUN
 * of its stage lineage names `APT::Install-Recommends`, a command of the same RUN before it writes
 * the key off into apt's configuration (`echo 'APT::Install-Recommends "0";' > /etc/apt/apt.conf.d/x`,
 * `printf ... | tee ...`, `cat <<EOF > ...`), or a COPY/ADD of the lineage brings a context file the
 * host read that sets it off into /etc/apt/apt.conf(.d).
 */
export function recommendsOffBefore(model: DockerfileModel, run: Instruction, index: number): boolean {
  for (const stage of run.stage ? lineage(run.stage) : [])
    for (const i of stage.instructions) {
      if (i.ordinal >= run.ordinal) break;
      if (i.keyword === "RUN" && KEY.test(model.lines.textIn(i.range))) return true;
      if (copiesConfigOff(model, i)) return true;
    }
  const commands = run.commands.slice(0, index);
  return commands.some((command, at) => writesConfigOff(run, command, commands[at + 1]));
}

/** True when `command` (followed by `next`) writes the key off into an apt configuration file. */
function writesConfigOff(run: Instruction, command: ShellCommand, next: ShellCommand | undefined): boolean {
  if (!WRITERS.has(command.name)) return false;
  const words = command.args.map((w) => w.value);
  const heredoc = words.map((w) => /^<<-?(.+)$/.exec(w)?.[1]).find((name) => name !== undefined);
  const body = heredoc === undefined ? "" : (run.heredocs.find((h) => h.name === unquoteWord(heredoc))?.content ?? "");
  if (!KEY_OFF.test(words.join(" ")) && !KEY_OFF.test(body)) return false;
  // The destination: a redirection (`> /etc/apt/apt.conf.d/x`), tee's operand, or a `| tee` after it.
  const targets = words.filter((w, i) => command.name === "tee" || /^\d?>>?$/.test(words[i - 1] ?? ""));
  if (next?.joinedBy === "|" && next.name === "tee") targets.push(...next.args.map((w) => w.value));
  return targets.some((t) => APT_CONFIG_PATH.test(normalizePath(t)));
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
