// One-shot build jobs: images whose start runs the project's build and stops once its output is in
// place (`git clone ... && ./rebar3 as prod tar && cp _build/prod/rel/*/*.tar.gz /output`, run with
// `docker run --rm -v ./output:/output`). Such an image is a build environment, not a service: the
// compilers and -dev packages it keeps are what its container runs.

import { buildStepOfWords } from "./build-steps";
import { baseName } from "./copy-paths";
import { perModel } from "./per-model";
import { isShellScriptAt, startInstructionsOf } from "./stage-purpose";
import { entryScriptFiles, programAt, simpleCommands } from "./start-steps";
import type { DockerfileModel, Instruction } from "./types";

/**
 * rebar3's tasks that build the project (`rebar3 as prod tar`, `rebar3 release`): Erlang is no
 * ecosystem of `buildStepOf`, whose RUN-step callers (the multi-stage planner among them) have no
 * Erlang recipe, so it is read here.
 */
const REBAR3_BUILD = /^(?:compile|release|tar|escriptize)$/;

/**
 * Programs that only handle the build's output or report on it (`cp` the tarball to a mounted
 * folder, `chown` it to the caller, `sha256sum` it): after the build they leave nothing running.
 */
const OUTPUT_HANDLING =
  /^(?:cp|mv|rsync|install|ln|tar|gzip|xz|zstd|bzip2|pigz|zip|chmod|chown|ls|find|du|mkdir|rm|touch|sync|strip|echo|printf|cat|cd|set|true|exit|sha\d*sum|md5sum)$/;

/** True when one simple command (its words) builds the project: a build step (`go build`, `mix release`, `make`), or rebar3's. */
function buildsProject(words: readonly string[]): boolean {
  const at = programAt(words);
  const program = words[at];
  if (program === undefined) return false;
  const name = baseName(program);
  const args = words.slice(at + 1);
  if (name === "rebar3") return args.some((w) => REBAR3_BUILD.test(w));
  return buildStepOfWords(name, args, program) !== null;
}

/** True when one simple command only handles files or prints (`cp out.tar.gz /output/`). */
function handlesOutput(words: readonly string[]): boolean {
  const program = words[programAt(words)];
  return program === undefined || OUTPUT_HANDLING.test(baseName(program));
}

/** An instruction's commands as words: a shell form's commands, or an exec form's strings (see `execCommands`). */
function commandsOf(instruction: Instruction | null): string[][] {
  if (instruction === null) return [];
  if (!instruction.isJsonForm) return instruction.commands.map((c) => c.words.map((w) => w.value));
  return execCommands(instruction.args.map((a) => a.value));
}

/** The commands of an exec-form start: its script after `sh -c`, or its strings as one command. */
function execCommands(words: readonly string[]): string[][] {
  const script = words.findIndex((_, i) => isShellScriptAt(words, i));
  return script >= 0 ? simpleCommands(words.slice(script).join(" ")) : [[...words]];
}

/**
 * The simple commands the final image's start runs, in order: its ENTRYPOINT's then its CMD's (an
 * exec-form CMD is the exec-form ENTRYPOINT's arguments: one command), each command that names an
 * entry script the host read followed by that script's commands.
 */
function startCommandsInOrder(model: DockerfileModel): string[][] {
  const final = model.finalStage;
  if (final === null) return [];
  const { entrypoint, cmd } = startInstructionsOf(final);
  const lists =
    entrypoint?.isJsonForm && cmd?.isJsonForm
      ? execCommands([...entrypoint.args, ...cmd.args].map((a) => a.value))
      : [...commandsOf(entrypoint), ...commandsOf(cmd)];
  const scripts = new Map(entryScriptFiles(model).map(([path, text]) => [baseName(path), text]));
  return lists.flatMap((words) => {
    const script = words.map(baseName).find((name) => scripts.has(name));
    return script === undefined ? [words] : [words, ...simpleCommands(scripts.get(script) as string)];
  });
}

/**
 * True when the final image's start (its command, or an entry script it names that the host read)
 * builds the project and then only handles the build's output: the last build step (`./rebar3 as
 * prod tar`, `cargo build --release`, `dotnet publish`, `npm run build`) is followed by nothing but
 * copying, packing or printing. A start that goes on to run a program (`npm run build && node
 * server.js`) is a service, and is not read as a build job.
 */
export const startsBuildJob: (model: DockerfileModel) => boolean = perModel((model) => {
  const commands = startCommandsInOrder(model);
  let last = -1;
  commands.forEach((words, i) => {
    if (buildsProject(words)) last = i;
  });
  return last >= 0 && commands.slice(last + 1).every(handlesOutput);
});
