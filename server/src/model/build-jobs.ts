// One-shot build jobs: images whose start runs the project's build and stops once its output is in
// place (`git clone ... && ./rebar3 as prod tar && cp _build/prod/rel/*/*.tar.gz /output`, run with
// `docker run --rm -v ./output:/output`). Such an image is a build environment, not a service: the
// compilers and -dev packages it keeps are what its container runs.

import { buildStepOfWords } from "./build-steps";
import { baseName } from "./copy-paths";
import { perModel } from "./per-model";
import { programAt } from "./command-program";
import { composedStartPath } from "./start-steps";
import { simpleCommands } from "./script-words";
import type { DockerfileModel } from "./types";

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
function buildsProject(words: readonly string[], wrappers: ReadonlySet<string>): boolean {
  const at = programAt(words, wrappers);
  const program = words[at];
  if (program === undefined) return false;
  const name = baseName(program);
  const args = words.slice(at + 1);
  if (name === "rebar3") return args.some((w) => REBAR3_BUILD.test(w));
  return buildStepOfWords(name, args, program) !== null;
}

/** True when one simple command only handles files or prints (`cp out.tar.gz /output/`). */
function handlesOutput(words: readonly string[], wrappers: ReadonlySet<string>): boolean {
  const program = words[programAt(words, wrappers)];
  return program === undefined || OUTPUT_HANDLING.test(baseName(program));
}

/**
 * True when the final image's start builds the project and then only handles the build's output:
 * the last build step (`./rebar3 as prod tar`, `cargo build --release`, `dotnet publish`, `npm run
 * build`) is followed by nothing but copying, packing or printing. The start is what
 * `composedStartPath` reads, in order: ENTRYPOINT and CMD put together as Docker does (a CMD under a
 * shell-form ENTRYPOINT, or given as arguments to a server, does not run), the entry scripts, what
 * they source and the functions they call there. A start that goes on to run a program (`npm run
 * build && node server.js`) is a service, and is not read as a build job.
 */
export const startsBuildJob: (model: DockerfileModel) => boolean = perModel((model) => {
  const { scripts, wrappers } = composedStartPath(model);
  const commands = scripts.flatMap(simpleCommands);
  let last = -1;
  commands.forEach((words, i) => {
    if (buildsProject(words, wrappers)) last = i;
  });
  return last >= 0 && commands.slice(last + 1).every((words) => handlesOutput(words, wrappers));
});
