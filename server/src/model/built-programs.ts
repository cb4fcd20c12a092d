// Whether a path a `COPY --from` takes is a program a stage built or downloaded (`go build -o
// /out/server`, `curl -o /usr/local/bin/tool`, cargo's `target/release/<name>`), or a program an
// image installs in a bin folder: a file of some size, not a folder or a script the stage holds.

import { joinPath, unquoteWord } from "./copy-paths";
import { environmentViewAt } from "./environment";
import { lineage } from "./stage-graph";
import type { ShellCommand } from "./shell";
import type { DockerfileModel, Instruction, Stage } from "./types";
import { escapeRegExp } from "./text";
import { substituteVariables } from "./variables";
import { commandDirectory } from "./workdir";

/** The folders images install their programs in. */
const BIN_FOLDER = /^\/(?:usr\/(?:local\/)?)?s?bin\/[^/]+$/;
/** Options that name the file a command writes: `go build -o`, `gcc -o`, `curl -o`/`--output`, `wget -O`. */
const OUTPUT_OPTION = /^(?:-o|--output|-O|--output-document)$/;
const OUTPUT_OPTION_WITH_VALUE = /^(?:--output|--output-document)=(.+)$/;
/** Commands whose last operand is where they put a file. */
const PLACING_COMMANDS = new Set(["cp", "mv", "install", "ln"]);

/**
 * True when `source` (absolute, in the stage's file system) is a program: written by a RUN of
 * `stage` or a stage it builds on, as a command's output file or the target of a copy, or built by
 * cargo into its `target/<profile>/` folder; or, for a copy from an image (`stage` null), a file of
 * a bin folder.
 */
export function isBuiltProgram(model: DockerfileModel, stage: Stage | null, source: string): boolean {
  if (stage === null) return BIN_FOLDER.test(source);
  for (const s of lineage(stage)) {
    for (const run of s.instructions) {
      if (run.keyword !== "RUN") continue;
      for (const command of run.commands) if (writesProgram(model, s, run, command, source)) return true;
    }
  }
  return false;
}

function writesProgram(model: DockerfileModel, stage: Stage, run: Instruction, command: ShellCommand, source: string): boolean {
  const name = source.slice(source.lastIndexOf("/") + 1);
  if (command.name === "cargo" && command.args.some((w) => w.value === "build" || w.value === "install")) {
    return new RegExp(`/target/(?:[\\w.-]+/)?(?:release|debug)/${escapeRegExp(name)}$`).test(source);
  }
  const written: string[] = [];
  const words = command.args.map((w) => w.value);
  words.forEach((word, i) => {
    const inline = OUTPUT_OPTION_WITH_VALUE.exec(word);
    if (inline !== null) written.push(inline[1]);
    else if (OUTPUT_OPTION.test(word) && words[i + 1] !== undefined) written.push(words[i + 1]);
  });
  if (PLACING_COMMANDS.has(command.name)) {
    const operands = words.filter((w) => !w.startsWith("-"));
    const target = operands.at(-1);
    if (operands.length >= 2 && target !== undefined) written.push(target.endsWith("/") ? `${target}${name}` : target);
  }
  if (written.length === 0) return false;
  const directory = commandDirectory(model, stage, run, command) ?? "/";
  const scope = environmentViewAt(model, stage, run);
  return written.some((path) => {
    const value = substituteVariables(unquoteWord(path), scope);
    return value.unresolved.length === 0 && joinPath(directory, value.value) === source;
  });
}
