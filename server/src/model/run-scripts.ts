// The project's own scripts a RUN runs: `COPY build/fetch_binaries.sh /tmp/` then
// `RUN /tmp/fetch_binaries.sh` (or `RUN bash /tmp/setup.sh`). What such a step does is in the
// script, which the host read from the build context; rules that judge a RUN by its commands read
// it through here.

import { contextFiles } from "./context";
import { contextFileAt } from "./context-file-at";
import { contextCopy } from "./copies";
import { joinPath, unquoteWord } from "./copy-paths";
import type { ShellCommand, Word } from "./shell";
import { isShellName } from "./shell-programs";
import { lineage } from "./stage-graph";
import type { DockerfileModel, Instruction, Stage } from "./types";
import { commandDirectory } from "./workdir";

/**
 * The word naming the file a command starts: the script a shell is given as its first operand
 * (`bash ./setup.sh`), else the program itself (`./install.sh`, `pip`); undefined for `sh -c '...'`,
 * which runs no file, and for a shell given none.
 */
export function fileStartedBy(command: ShellCommand): Word | undefined {
  if (!isShellName(command.name)) return command.program ?? undefined;
  return command.args.some((a) => a.value === "-c") ? undefined : command.args.find((a) => !a.value.startsWith("-"));
}

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
  const started = fileStartedBy(command);
  if (started === undefined) return null;
  const target = started.value;
  const name = baseName(target);
  if (name === "" || target.includes("$")) return null;
  // No file the host read has that name (and it names no property every object has): no copy can
  // have brought it. Asked for every command of every RUN, most of which run no project script.
  if (!fileNames(files).has(name) && !(name in files)) return null;
  for (const s of lineage(stage)) {
    // Copies at or after `run` in its own stage come too late.
    const at = s.instructions.indexOf(run);
    for (const copy of contextCopiesOf(s)) {
      if (at >= 0 && copy.index >= at) break;
      const source = copy.sources.find((v) => v.name === name && files[v.path] !== undefined);
      if (source !== undefined) return files[source.path];
    }
  }
  return null;
}

/**
 * The text of the context script `command` runs, as {@link scriptRunBy} finds it, or else at the
 * path the command runs it from in the image when a folder or whole-context copy brought it there
 * (`COPY . .` then `RUN ./install.sh`); null when the host did not read it.
 */
export function scriptRunThroughCopies(model: DockerfileModel, stage: Stage, run: Instruction, command: ShellCommand): string | null {
  const named = scriptRunBy(model, stage, run, command);
  if (named !== null || command.program === null) return named;
  const target = unquoteWord(fileStartedBy(command)?.value ?? "");
  // A program found on PATH (`pip`) is no script of the context; `$SCRIPT` is not known.
  if (target === "" || target.includes("$") || (!target.includes("/") && !isShellName(command.name))) return null;
  const file = contextFileRunAt(model, stage, run, command, target);
  return file === null ? null : (contextFiles(model.context)[file] ?? null);
}

/**
 * The context path of the file `target` names (`./package.sh`, `/opt/app/setup.sh`) where `command`
 * of `run` runs it: from the root, or from the folder a `cd` or WORKDIR put the command in, through
 * the copies that brought the file there; null when the folder or the copy is not known.
 */
export function contextFileRunAt(model: DockerfileModel, stage: Stage, run: Instruction, command: ShellCommand, target: string): string | null {
  const folder = target.startsWith("/") ? "/" : commandDirectory(model, stage, run, command);
  return folder === null ? null : contextFileAt(model, stage, joinPath(folder, target));
}

/** The file names of the files the host read, per set of build-context files. */
const fileNamesRead = new WeakMap<Readonly<Record<string, string>>, Set<string>>();

function fileNames(files: Readonly<Record<string, string>>): Set<string> {
  let names = fileNamesRead.get(files);
  if (names === undefined) {
    names = new Set(Object.keys(files).map(baseName));
    fileNamesRead.set(files, names);
  }
  return names;
}

/** A stage's copies from the context: where each is among its instructions, and each source's path (`./` dropped) and file name. */
interface CopiedSources {
  index: number;
  sources: { path: string; name: string }[];
}

/** Per stage: read once, as every command of every RUN of the stage and of later stages asks. A copy reads no build-context facts. */
const copiesByStage = new WeakMap<Stage, CopiedSources[]>();

function contextCopiesOf(stage: Stage): CopiedSources[] {
  let copies = copiesByStage.get(stage);
  if (copies === undefined) {
    copies = [];
    for (const [index, instruction] of stage.instructions.entries()) {
      const copy = contextCopy(instruction);
      if (copy === null) continue;
      const paths = copy.sources.map((w) => w.value.replace(/^\.\//, ""));
      copies.push({ index, sources: paths.map((path) => ({ path, name: baseName(path) })) });
    }
    copiesByStage.set(stage, copies);
  }
  return copies;
}
