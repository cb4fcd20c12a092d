// What the container does when it starts, read from its command (ENTRYPOINT and CMD put together as
// Docker does), the entry scripts the host read from the build context and the scripts those source
// (the functions they call there): some images compile or install dependencies at every start (a
// development image running `mix setup`, an entry script running `npm install` or the project's
// `npm run build`, a library function it calls running `bundle install` for the user's plugins), so
// the compilers, headers and build tools they keep are needed at run time, not leftovers of the
// build.

import { runsBuildScript } from "./build-steps";
import { programAt } from "./command-program";
import { baseName } from "./copy-paths";
import { envDeclarations } from "./environment";
import { instructionOnOneLine } from "./instruction-text";
import { perModel } from "./per-model";
import { shellFunctions } from "./shell-functions";
import { sourcedScripts, sourcedScriptSources } from "./sourced-scripts";
import { composeStartCommand, startCommand, startCommandOf, startInstructionsOf, withoutInitWrapper } from "./stage-purpose";
import { ancestorsOf, lineage } from "./stage-graph";
import type { DockerfileModel, Instruction, Stage } from "./types";
import { contextFiles } from "./context";
import { entryScriptHandover } from "./entry-handover";
import { simpleCommands } from "./script-words";
import { filesNamedBy } from "./entry-scripts";
import { startPathScripts } from "./start-path-scripts";

/**
 * Steps that compile or install dependencies (and so may need a compiler and headers): Elixir's
 * mix tasks, the JavaScript, Ruby, Python and PHP installers, `go run`/`go build`,
 * `cargo run`/`cargo build` and `make`.
 */
const BUILDING_STEP = new Map<string, RegExp>([
  ["mix", /^(?:compile|setup|deps\.get|deps\.compile)$/],
  ["npm", /^(?:install|i|ci)$/],
  ["yarn", /^(?:install)$/],
  ["pnpm", /^(?:install|i)$/],
  ["bundle", /^(?:install)$/],
  ["pip", /^(?:install)$/],
  ["composer", /^(?:install)$/],
  ["go", /^(?:run|build)$/],
  ["cargo", /^(?:run|build)$/],
]);

/** Options that take the folder to work in as the next word. */
const FOLDER_OPTION = /^(?:--prefix|-C|--cwd|--dir|--working-dir|-d)$/;

/**
 * True when one simple command (its words) compiles or installs dependencies, or runs the
 * project's build script; `wrappers` are the script's functions that run their arguments.
 */
export function isBuildingStep(words: readonly string[], wrappers: ReadonlySet<string> = new Set()): boolean {
  const start = programAt(words, wrappers);
  const program = baseName(words[start] ?? "");
  if (program === "make") return true;
  // `python -m pip install ...` is pip's install.
  const pipModule = PYTHON.test(program) && words[start + 1] === "-m" && /^pip3?(?:\.\d+)?$/.test(words[start + 2] ?? "");
  const name = pipModule || /^pip3?(?:\.\d+)?$/.test(program) ? "pip" : program;
  // The words that are not options, nor the folder an option names; the first is the subcommand
  // (`npm --prefix app install`, `yarn --cwd web install`).
  const rest = words.slice(start + (pipModule ? 3 : 1));
  const positionals = rest.filter((w, i) => !w.startsWith("-") && !(i > 0 && FOLDER_OPTION.test(rest[i - 1])));
  // The project's own build script (`npm run build`, run to bake run-time settings into a bundle)
  // needs the bundler and the rest of the build's toolchain when the container starts.
  if (runsBuildScript(name, positionals)) return true;
  const step = BUILDING_STEP.get(name);
  return step !== undefined && positionals.length > 0 && step.test(positionals[0]);
}

const PYTHON = /^python(?:3(?:\.\d+)?)?$/;
/** A plugin's installer (`extensions/x/install.py`, run by the web UIs that host extensions). */
const INSTALLER = /(?:^|\/)install\.py$/;
const SETUP_BUILD = /^(?:install|develop|build|build_ext)$/;

/**
 * The script a `python` command runs (its first word that is not an option), or null. With
 * `setup.py` the command must build or install (`python setup.py install`).
 */
function pythonScript(words: readonly string[], wrappers: ReadonlySet<string>): string | null {
  const start = programAt(words, wrappers);
  if (!PYTHON.test(baseName(words[start] ?? ""))) return null;
  const at = words.findIndex((w, i) => i > start && !w.startsWith("-"));
  return at < 0 ? null : words[at];
}

/**
 * True when a shell script's text runs a compiling or installing step (comments and quotes loosely
 * skipped), or runs plugins' installers at start: `python install.py`, `python setup.py install`,
 * or `python "$script"` in a script that lists plugins' `install.py` files (extensions installed by their
 * own installer, which pip-installs and may compile).
 */
function scriptBuilds(script: string, wrappers: ReadonlySet<string> = new Set()): boolean {
  const commands = simpleCommands(script);
  if (commands.some((words) => isBuildingStep(words, wrappers))) return true;
  const listsInstallers = commands.some((words) => words.some((w) => /\/install\.py\)?$/.test(w)));
  return commands.some((words) => {
    const target = pythonScript(words, wrappers);
    if (target === null) return false;
    if (INSTALLER.test(target)) return true;
    if (/(?:^|\/)setup\.py$/.test(target)) return SETUP_BUILD.test(words[words.indexOf(target) + 1] ?? "");
    return listsInstallers && /^\$\{?\w+\}?$/.test(target);
  });
}

/**
 * True when the final image's command, or an entry script it names that the host read from the
 * build context (or a function it calls from a script it sources, or a script it runs), compiles
 * or installs dependencies when the container starts.
 */
export function buildsAtStart(model: DockerfileModel): boolean {
  const { scripts, wrappers } = startPath(model);
  if (scripts.some((script) => scriptBuilds(script, wrappers))) return true;
  // The scripts the start runs in turn (`/app/functions/update-redbot.sh` from a sourced loop,
  // which pip-installs the bot and its native dependencies at every start).
  if (startPathScripts(model).some(([, text]) => scriptBuilds(text))) return true;
  const services = serviceStartScripts(model);
  const serviceWrappers = wrapperFunctions(definedFunctions(services));
  return services.some((script) => scriptBuilds(script, serviceWrappers));
}

/**
 * The stages of the images the project builds with `--target` from the final stage's ancestors
 * whose start (command, or an entry script the host read) compiles or installs dependencies: a
 * published image under a test layer that starts something else (`FROM app AS app-tests` with
 * `ENTRYPOINT ["bats"]`). What those stages keep is needed when that image runs, whatever the
 * final stage starts, so a build stage would not shed it.
 */
export const stagesOfTargetsBuildingAtStart: (model: DockerfileModel) => ReadonlySet<Stage> = perModel((model) => {
  const out = new Set<Stage>();
  const final = model.finalStage;
  const targets = new Set((model.context.buildTargets ?? []).map((t) => t.toLowerCase()));
  if (final === null || targets.size === 0) return out;
  for (const stage of ancestorsOf(final)) {
    if (stage.name === null || !targets.has(stage.name.toLowerCase())) continue;
    const command = startCommandOf(stage);
    if (command === null) continue;
    const { scripts, wrappers } = startPathOf(model, stage, command);
    if (!scripts.some((script) => scriptBuilds(script, wrappers))) continue;
    for (const s of lineage(stage)) out.add(s);
  }
  return out;
});

/**
 * A process supervisor's start files: s6 and runit service `run` files, s6-rc oneshots' `up` files
 * and the scripts they call, `cont-init.d` scripts; and the hook folders an entry point runs every
 * file of at start (`docker-entrypoint.d`, the nginx images'; `entrypoint-pre.d`, lancache's
 * base; `my_init.d`, phusion's), where a base image's entry script, which the file does not show,
 * runs them.
 */
const SERVICE_START_FILE =
  /(?:^|\/)(?:s6-rc\.d|services\.d|service|sv)\/[^/]+\/(?:run|up)$|(?:^|\/)s6-overlay\/scripts\/[^/]+$|(?:^|\/)(?:cont-init|docker-entrypoint|entrypoint(?:-pre|-post)?|my_init)\.d\/[^/]+$/;

/** True for a context path that is a supervisor's start file or a start hook ({@link SERVICE_START_FILE}); the host reads these in copied folders. */
export function isServiceStartFile(path: string): boolean {
  return SERVICE_START_FILE.test(path);
}

/**
 * The texts of the supervisor start files the host read inside the folders the file copies (it
 * reads them nowhere else, so they are in the image): s6-overlay runs them at every start (an
 * oneshot's `npm --prefix /data install` of the user's plugins).
 */
export function serviceStartScripts(model: DockerfileModel): string[] {
  return Object.entries(contextFiles(model.context))
    .filter(([path]) => path.includes("/") && SERVICE_START_FILE.test(path))
    .map(([, text]) => text);
}

/** What a container runs at start: the scripts (or the parts of them) it runs, and their functions that run their arguments. */
export interface StartPath {
  scripts: string[];
  wrappers: ReadonlySet<string>;
}

/**
 * The final image's start path, read from its start command, or, where the file sets none, from
 * the command the compose services that build it start it with (`entrypoint: "bash -c
 * ./entrypoint.sh"`; held-out CT, Sequencescape: its entry script's `bundle install` and `bin/vite`
 * at every start went unread); none without either.
 */
const startPath: (model: DockerfileModel) => StartPath = perModel((model) => {
  const final = model.finalStage;
  if (final === null) return { scripts: [], wrappers: new Set() };
  const command = startCommand(model) ?? composeStartCommand(model, final);
  return command === null ? { scripts: [], wrappers: new Set() } : startPathOf(model, final, command);
});

/**
 * What the final image's container runs when it starts, ENTRYPOINT and CMD put together as Docker
 * does ({@link startRunOf}); nothing without a start command. Read where a CMD that is not run
 * must not count (a one-shot build job, a preload): the rules that ask whether the start builds or
 * installs (startPath) still read the command as a whole, since an entry script that hands its
 * arguments on in a way not read here (`exec tini -- "$@"`, `runuser`, a `case` branch) does run a
 * shell-form CMD.
 */
export const composedStartPath: (model: DockerfileModel) => StartPath = perModel((model) => {
  const final = model.finalStage;
  return final === null ? { scripts: [], wrappers: new Set() } : startRunOf(model, final);
});

/**
 * The scripts the container runs at start: its command as one line (the script a shell form, or
 * `sh -c`, runs), the entry scripts it names that the host read from the build context, and of
 * the scripts those source, what runs outside functions and the functions the start calls.
 */
function startScripts(model: DockerfileModel): string[] {
  return startPath(model).scripts;
}

/**
 * What `command` runs in `stage`'s image: itself as one line (the string after `sh -c` when it
 * runs a shell), the entry scripts it names and, of the scripts those source (a library of
 * functions), the top level and the bodies of the functions called on the way; and the functions
 * defined in all of them that run their arguments. The scripts come in that order.
 */
function startPathOf(model: DockerfileModel, stage: Stage, command: readonly string[]): StartPath {
  // `sh -c "mix setup && mix phx.server"`: the string after -c is a script of its own.
  const dashC = command.findIndex((w, i) => w === "-c" && i > 0 && /^(?:ba|da|a|z)?sh$/.test(baseName(command[i - 1])));
  const entries = filesNamedBy(model, command).map(([, text]) => text);
  const libraries = sourcedScripts(model, stage, entries).map(([, text]) => shellFunctions(text));
  const scripts = [dashC >= 0 ? command.slice(dashC + 1).join(" ") : command.join(" "), ...entries, ...libraries.map((l) => l.topLevel)];
  // A library defines more than the start runs (backups, upgrades): only the functions called,
  // from the start's scripts or from functions called before, are part of it.
  const uncalled = new Map(libraries.flatMap((l) => [...l.bodies]));
  let callers = [...scripts];
  while (callers.length > 0 && uncalled.size > 0) {
    const words = new Set(callers.flatMap(simpleCommands).flat());
    const called = [...uncalled].filter(([name]) => words.has(name));
    for (const [name] of called) uncalled.delete(name);
    callers = called.map(([, body]) => body);
    scripts.push(...callers);
  }
  return { scripts, wrappers: wrapperFunctions(new Map([...definedFunctions(entries), ...libraries.flatMap((l) => [...l.bodies])])) };
}

/**
 * What the container of `stage`'s image runs when it starts, with ENTRYPOINT and CMD put together
 * as Docker does, each part read as {@link startPathOf} reads a command, in the order they run:
 * - a shell-form ENTRYPOINT runs alone, as `/bin/sh -c "<entrypoint>"`: Docker ignores CMD;
 * - an exec-form ENTRYPOINT gets CMD as its arguments (a shell-form CMD as `/bin/sh -c "<cmd>"`),
 *   which run only where it hands them on (see {@link handsOnArguments}); otherwise they are the
 *   program's arguments (`ENTRYPOINT ["dotnet"]` with `CMD ["publish"]` runs `dotnet publish`);
 * - a CMD alone runs itself, a shell form as `/bin/sh -c "<cmd>"`.
 */
function startRunOf(model: DockerfileModel, stage: Stage): StartPath {
  const { entrypoint, cmd } = startInstructionsOf(stage);
  const parts: string[][] = [];
  if (entrypoint !== null && !entrypoint.isJsonForm) parts.push(shellFormWords(model, entrypoint));
  else if (entrypoint !== null) {
    const words = entrypoint.args.map((a) => a.value);
    if (cmd === null) parts.push(words);
    else if (handsOnArguments(model, words)) parts.push(words, cmd.isJsonForm ? cmd.args.map((a) => a.value) : shellFormWords(model, cmd));
    // A shell-form CMD given to a program that does not run it is words the program reads, not a script.
    else parts.push(cmd.isJsonForm ? [...words, ...cmd.args.map((a) => a.value)] : words);
  } else if (cmd !== null) parts.push(cmd.isJsonForm ? cmd.args.map((a) => a.value) : shellFormWords(model, cmd));
  const paths = parts.map((command) => startPathOf(model, stage, command));
  return { scripts: paths.flatMap((p) => p.scripts), wrappers: new Set(paths.flatMap((p) => [...p.wrappers])) };
}

/**
 * A shell-form ENTRYPOINT or CMD as the container runs it, `/bin/sh -c "<text>"`, with the text
 * split into words so that {@link startPathOf} finds the entry scripts it names.
 */
function shellFormWords(model: DockerfileModel, instruction: Instruction): string[] {
  const text = instructionOnOneLine(model, instruction).slice(instruction.keyword.length).trim();
  return ["/bin/sh", "-c", ...text.split(/\s+/).filter((w) => w !== "")];
}

/**
 * True when an exec-form ENTRYPOINT runs the CMD it is given: an init that runs its arguments
 * (`["tini", "--"]`), or an entry script the host read that ends by handing over to them (`exec
 * "$@"`, see {@link entryScriptHandover}).
 */
function handsOnArguments(model: DockerfileModel, entrypoint: readonly string[]): boolean {
  const command = withoutInitWrapper(entrypoint);
  return command.length === 0 || entryScriptHandover(model, command) !== null;
}

/** The functions `scripts` define, by name, with their bodies. */
function definedFunctions(scripts: readonly string[]): Map<string, string> {
  return new Map(scripts.flatMap((text) => [...shellFunctions(text).bodies]));
}

/** A command that is the function's arguments: `"$@"`, `${@}`. */
const ARGUMENTS = /^\$(?:@|\{@\})$/;

/**
 * The functions of `functions` that run their arguments as a command, maybe through sudo or
 * another such function (`exec_as_app() { sudo -HEu app "$@"; }`): what they are given runs.
 */
function wrapperFunctions(functions: ReadonlyMap<string, string>): Set<string> {
  const wrappers = new Set<string>();
  for (let grew = true; grew;) {
    grew = false;
    for (const [name, body] of functions) {
      if (wrappers.has(name) || !simpleCommands(body).some((words) => ARGUMENTS.test(words[programAt(words, wrappers)] ?? ""))) continue;
      wrappers.add(name);
      grew = true;
    }
  }
  return wrappers;
}

/**
 * Every context path the final image's entry scripts source (`source ${ASSETS}/functions`), and
 * the sourced scripts the host read source in turn, read or not: what the host should read.
 */
export function startSourcedSources(model: DockerfileModel): string[] {
  const command = startCommand(model);
  const final = model.finalStage;
  if (command === null || final === null) return [];
  return sourcedScriptSources(
    model,
    final,
    filesNamedBy(model, command).map(([, text]) => text),
  );
}

/**
 * The simple commands (as words) the container runs at start: those of its command, of the entry
 * scripts it names that the host read and of what runs of the scripts those source.
 */
export const commandsRunAtStart: (model: DockerfileModel) => readonly string[][] = perModel((model) => startScripts(model).flatMap(simpleCommands));

/**
 * The programs the container runs at start, by base name: the first word of each simple command of
 * its command and entry scripts, and of each command substitution in them
 * (`JEMALLOC_PATH="$(pkg-config --variable=libdir jemalloc)/libjemalloc.so"` runs `pkg-config`).
 */
export const programsRunAtStart: (model: DockerfileModel) => ReadonlySet<string> = perModel((model) => {
  const out = new Set<string>();
  for (const script of startScripts(model)) {
    for (const words of simpleCommands(script)) {
      // Past leading assignments and an `exec` (`exec fluentd -c ...` starts fluentd).
      const rest = words.filter((w) => !/^\w+=/.test(w));
      const first = rest[0] === "exec" ? rest[1] : rest[0];
      if (first !== undefined && !first.includes("$")) out.add(baseName(first));
      for (const w of words) for (const m of w.matchAll(/\$\(\s*([\w./+-]+)/g)) out.add(baseName(m[1]));
    }
  }
  return out;
});

/** `uv run` options that keep the dev group out of the sync it does first, or skip that sync. */
const UV_RUN_WITHOUT_DEV = /^(?:--no-dev|--no-default-groups|--only-group(?:=.*)?|--no-sync|--no-project)$/;
/** Environment variables that do the same for every uv command (UV_NO_DEV since uv 0.8.7). */
const UV_ENV_WITHOUT_DEV = new Set(["UV_NO_DEV", "UV_NO_SYNC", "UV_NO_DEFAULT_GROUPS"]);
const TRUTHY = /^(?:1|true|yes|on)$/i;

/**
 * True when the container runs `uv run` at start (its command or an entry script) in a way that
 * first syncs the project's default dependency groups, the dev group included: `uv run` installs
 * what the environment lacks before running, so a `uv sync --no-dev` at build time alone would have
 * every new container install the dev group. False when the `uv run` says `--no-dev` (or skips the
 * sync) or the final image's ENV sets UV_NO_DEV or UV_NO_SYNC.
 */
export function startSyncsUvDevGroup(model: DockerfileModel): boolean {
  const final = model.finalStage;
  if (final === null) return false;
  const envSkips = lineage(final).some((stage) =>
    stage.instructions.some(
      (i) => i.keyword === "ENV" && envDeclarations(model, i).some((d) => UV_ENV_WITHOUT_DEV.has(d.name) && d.value !== null && TRUTHY.test(d.value)),
    ),
  );
  if (envSkips) return false;
  return startScripts(model).some((script) =>
    simpleCommands(script).some((words) => {
      const uv = words.findIndex((w) => baseName(w) === "uv");
      if (uv < 0 || words[uv + 1] !== "run") return false;
      return !words.slice(uv + 2).some((w) => UV_RUN_WITHOUT_DEV.test(w));
    }),
  );
}
