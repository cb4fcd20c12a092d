// The project's own scripts a RUN runs: `COPY build/fetch_binaries.sh /tmp/` then
// `RUN /tmp/fetch_binaries.sh` (or `RUN bash /tmp/setup.sh`). What such a step does is in the
// script, which the host read from the build context; rules that judge a RUN by its commands read
// it through here.

import { contextCopy } from "./copies";
import type { ShellCommand } from "./shell";
import { lineage } from "./stage-graph";
import type { DockerfileModel, Instruction, Stage } from "./types";

/** Shells that run the script named as their first argument (`bash ./setup.sh`). */
const SHELLS = /^(?:ba|da|a|z)?sh$/;

/** The last path segment of a word, quotes removed. */
function baseName(word: string): string {
  return (
    word
      .replace(/^["']|["']$/g, "")
      .split("/")
      .pop() ?? ""
  );
}

/**
 * The text of the context script `command` (a command of `run`, in `stage`) runs, when a COPY or
 * ADD of the stage's lineage before `run` brought a file of that name from the context and the
 * host read it (`context.files`); null otherwise, and for `sh -c '...'`, which runs no file.
 */
export function scriptRunBy(model: DockerfileModel, stage: Stage, run: Instruction, command: ShellCommand): string | null {
  const files = model.context.files;
  if (files === undefined || command.program === null) return null;
  let target = command.program.value;
  if (SHELLS.test(command.name)) {
    const first = command.args.find((a) => !a.value.startsWith("-"));
    if (first === undefined || command.args.some((a) => a.value === "-c")) return null;
    target = first.value;
  }
  const name = baseName(target);
  if (name === "" || target.includes("$")) return null;
  for (const s of lineage(stage)) {
    for (const instruction of s.instructions) {
      if (instruction === run) break;
      const copy = contextCopy(instruction);
      if (copy === null) continue;
      const source = copy.sources.map((w) => w.value.replace(/^\.\//, "")).find((v) => baseName(v) === name && files[v] !== undefined);
      if (source !== undefined) return files[source];
    }
  }
  return null;
}
