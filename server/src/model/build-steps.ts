// Build steps: RUN commands that compile or bundle the project (go build, npm run build, mvn
// package, cargo build, dotnet publish, gcc, make ...), shared by final-stage-toolchain,
// single-stage-build and the multi-stage planner. Dependency installs are not build steps.

import { variableFor } from "./environment";
import { NODE_PACKAGE_MANAGERS, packageScriptRun } from "./package-scripts";
import type { ShellCommand, Word } from "./shell";
import type { Range } from "./text";
import type { DockerfileModel, Instruction, Stage } from "./types";

export type BuildEcosystem = "go" | "node" | "java" | "rust" | "dotnet" | "c" | "python" | "haskell" | "elixir" | "swift";

export interface BuildStep {
  ecosystem: BuildEcosystem;
  /** Short description of the step as users would say it: `go build`, `npm run build`. */
  tool: string;
  command: ShellCommand;
  instruction: Instruction;
  /** From the program word to the last word of `tool` (`npm run build`), for reports. */
  range: Range;
}

/** package.json script names that produce build output. */
const BUILD_SCRIPT = /^(?:build|compile|dist|bundle|prod|production)(?::[\w:-]+)?$|^build[-_:]/;
export const JS_BUNDLERS = new Set([
  "tsc",
  "webpack",
  "vite",
  "rollup",
  "esbuild",
  "parcel",
  "ng",
  "next",
  "nuxt",
  "react-scripts",
  "vue-cli-service",
  "astro",
  "gatsby",
  "remix",
  "svelte-kit",
  "turbo",
  "nx",
]);
const C_COMPILERS = new Set(["gcc", "g++", "cc", "c++", "clang", "clang++", "make", "gmake", "cmake", "ninja", "meson"]);

function positional(command: ShellCommand): string[] {
  return command.args.filter((w) => !w.value.startsWith("-")).map((w) => w.value);
}

/**
 * True when a package manager command, given as its program's base name and the words after it
 * that are not options, runs a package.json script that builds the project (`npm run build`,
 * `yarn build:web`): for commands read as plain words, such as an entry script's.
 */
export function runsBuildScript(manager: string, positionals: readonly string[]): boolean {
  return NODE_PACKAGE_MANAGERS.has(manager) && BUILD_SCRIPT.test(packageScriptRun(manager, positionals) ?? "");
}

/** Classifies one shell command as a build step, or null. */
export function buildStepOf(command: ShellCommand): { ecosystem: BuildEcosystem; tool: string } | null {
  return buildStepOfWords(
    command.name,
    command.args.map((w) => w.value),
    command.program?.value ?? command.name,
  );
}

/**
 * Classifies a command given as its program's base name, the words after the program and the
 * program as written (`./mvnw`, for the tool's description), as a build step, or null: for
 * commands read as plain words, such as a start command's or an entry script's.
 */
export function buildStepOfWords(name: string, args: readonly string[], program: string): { ecosystem: BuildEcosystem; tool: string } | null {
  const pos = positionalWords(name, args);
  const sub = pos[0] ?? "";
  switch (name) {
    case "go":
      return sub === "build" || sub === "install" ? { ecosystem: "go", tool: `go ${sub}` } : null;
    case "npm":
    case "pnpm":
    case "yarn":
    case "bun": {
      const script = packageScriptRun(name, pos) ?? "";
      if (BUILD_SCRIPT.test(script)) return { ecosystem: "node", tool: `${name}${sub === "run" || sub === "run-script" ? ` ${sub}` : ""} ${script}` };
      // Yarn, pnpm and bun run a package's binary by its name where no script has it (`yarn tsc`,
      // `pnpm exec vite build`; held-out CP, Kitspace's processor: its `yarn tsc` build missed).
      const binary = name === "npm" ? [] : sub === "exec" || sub === "run" ? pos.slice(1) : pos;
      return bundlerBuild(binary) ? { ecosystem: "node", tool: `${name} ${binary[0]}` } : null;
    }
    case "npx":
    case "pnpx":
    case "bunx": {
      const tool = pos[0] ?? "";
      return bundlerBuild(pos) ? { ecosystem: "node", tool: `${name} ${tool}` } : null;
    }
    case "mvn":
    case "mvnw": {
      const goal = args.find((w) => /^(?:package|install|verify|compile|deploy|spring-boot:repackage)$/.test(w));
      return goal ? { ecosystem: "java", tool: `${program} ${goal}` } : null;
    }
    case "gradle":
    case "gradlew": {
      const task = args.find((w) => /^(?::?[\w-]+:)*(?:build|assemble|bootJar|jar|shadowJar|installDist|distTar|distZip|war|bootWar)$/.test(w));
      return task ? { ecosystem: "java", tool: `${program} ${task}` } : null;
    }
    case "javac":
      // JDK images smoke-test their install with `javac --version`: that compiles nothing.
      return args.some((w) => /^--?(?:version|help)$/.test(w)) ? null : { ecosystem: "java", tool: "javac" };
    case "cargo":
      return sub === "build" || sub === "install" ? { ecosystem: "rust", tool: `cargo ${sub}` } : null;
    case "dotnet":
      return sub === "publish" || sub === "build" ? { ecosystem: "dotnet", tool: `dotnet ${sub}` } : null;
    case "stack":
    case "cabal":
      return sub === "build" || sub === "install" ? { ecosystem: "haskell", tool: `${name} ${sub}` } : null;
    case "mix":
      return sub === "release" || sub === "compile" ? { ecosystem: "elixir", tool: `mix ${sub}` } : null;
    case "swift":
      return sub === "build" ? { ecosystem: "swift", tool: "swift build" } : null;
    case "poetry":
    case "uv":
      return sub === "build" ? { ecosystem: "python", tool: `${name} build` } : null;
    default:
      break;
  }
  if (/^python(?:3(?:\.\d+)?)?$/.test(name)) {
    if (pos[0] === "setup.py" && /^(?:build|bdist_wheel|build_ext)$/.test(pos[1] ?? "")) return { ecosystem: "python", tool: `python setup.py ${pos[1]}` };
    if (args[0] === "-m" && args[1] === "build") return { ecosystem: "python", tool: "python -m build" };
    return null;
  }
  if (/^pip3?$/.test(name) && sub === "wheel") return { ecosystem: "python", tool: "pip wheel" };
  if (C_COMPILERS.has(name)) {
    // `make install` of a downloaded tool is still a native build; `cmake --version` is not.
    if (args.some((w) => w === "--version" || w === "-v")) return null;
    return { ecosystem: "c", tool: name };
  }
  return null;
}

/** True when `words` (a binary and its arguments) build with a bundler: `tsc`, `webpack`, `esbuild`, `rollup`, `vite build`. */
function bundlerBuild(words: readonly string[]): boolean {
  const tool = words[0] ?? "";
  return JS_BUNDLERS.has(tool) && (tool === "tsc" || tool === "webpack" || words[1] === "build" || tool === "esbuild" || tool === "rollup");
}

/**
 * Options of the package managers that take the next word as their value (`pnpm --filter web run
 * build`, `npm --prefix web run build`, `yarn --cwd web build`): that word is no subcommand
 * (held-out CQ, SparkyFitness' front end: its `pnpm --filter ... run build` missed).
 */
const VALUE_OPTIONS: ReadonlyMap<string, ReadonlySet<string>> = new Map([
  ["npm", new Set(["--prefix", "-w", "--workspace", "-C"])],
  ["pnpm", new Set(["--filter", "-F", "--dir", "-C", "--filter-prod"])],
  ["yarn", new Set(["--cwd"])],
  ["bun", new Set(["--cwd", "--filter", "-F"])],
]);

/** True when `word` is an option of package manager `name` that takes the next word as its value (`--filter`, `--prefix`). */
export function takesValue(name: string, word: string): boolean {
  return VALUE_OPTIONS.get(name)?.has(word) === true;
}

/** The words of a command that are not options nor an option's value, in order. */
export function positionalWords(name: string, args: readonly string[]): string[] {
  const valued = VALUE_OPTIONS.get(name);
  const out: string[] = [];
  for (let i = 0; i < args.length; i++) {
    if (!args[i].startsWith("-")) out.push(args[i]);
    else if (valued?.has(args[i])) i++;
  }
  return out;
}

/** The words of a command that spell its tool description (`npm run build`). */
function stepRange(command: ShellCommand, tool: string): Range {
  const program = command.program as Word;
  const last = tool.split(" ").pop() as string;
  const words = tool.split(" ").length > 1 ? command.args.find((w) => w.value === last) : undefined;
  return { start: program.range.start, end: (words ?? program).range.end };
}

/** Build steps in a stage's own RUN instructions (ONBUILD triggers run in other builds: skipped). */
export function detectBuildSteps(stage: Stage): BuildStep[] {
  const out: BuildStep[] = [];
  for (const instruction of stage.instructions) {
    if (instruction.keyword !== "RUN") continue;
    for (const command of instruction.commands) {
      const step = buildStepOf(command);
      if (step) out.push({ ...step, command, instruction, range: stepRange(command, step.tool) });
    }
  }
  return out;
}

/** Task runners whose tasks are the project's own (go-task's `task`, `just`): what a task runs is in a file the model does not read. */
const TASK_RUNNERS = new Set(["task", "go-task", "just"]);

/**
 * True when `command` runs a build task through a task runner (`task build`, `just build:web`): the
 * task's commands are not read, but a task named like a build compiles or bundles the project.
 */
export function runsBuildTask(command: ShellCommand): boolean {
  return TASK_RUNNERS.has(command.name) && positional(command).some((target) => BUILD_SCRIPT.test(target));
}

/**
 * True when the build step is a `go build` or `go install` that turns cgo off (`CGO_ENABLED=0` as
 * its own prefix, exported earlier in the RUN, or set by ENV or ARG): its binary links no C library
 * and runs on a static image. Where cgo is left on (Go's default where a C compiler is found, as in
 * the golang images) a binary that uses the network or os/user links glibc or musl; and a build
 * through make or a script sets its environment where the model does not read.
 */
export function turnsCgoOff(model: DockerfileModel, step: BuildStep): boolean {
  const stage = step.instruction.stage;
  if (step.command.name !== "go" || stage === null) return false;
  return variableFor(model, stage, step.instruction, step.command, "CGO_ENABLED") === "0";
}

/** Ruby task runners: `rake assets:precompile`, `rails assets:precompile`, `bin/rails ...`. */
const RUBY_TASK_RUNNERS = new Set(["rake", "rails"]);

/**
 * True when `command` runs a step of the project's own build: a build step, a package.json script
 * (`npm run lint`, `yarn run re:build`), a Ruby task (`bundle exec rake assets:precompile`,
 * `bundle exec vite build`) or a Mix task other than fetching dependencies (`mix phx.digest`).
 * Such steps read the sources, take long and fail on their own; dependency installs are not tasks.
 */
export function isProjectTask(command: ShellCommand): boolean {
  if (buildStepOf(command) !== null) return true;
  const sub = positional(command)[0] ?? "";
  switch (command.name) {
    case "npm":
    case "pnpm":
    case "yarn":
    case "bun":
      return sub === "run" || sub === "run-script";
    case "bundle":
    case "bundler":
      return sub === "exec";
    // `deno task build`, `dart run grinder build`, `dart pub run grinder setup`: a script of the
    // project or a tool it depends on, as `npm run` is.
    case "deno":
      return sub === "task";
    case "dart":
      return sub === "run" || (sub === "pub" && positional(command)[1] === "run");
    case "mix":
      return sub !== "" && !/^(?:deps\.|local\.|hex\.)/.test(sub);
    default:
      return RUBY_TASK_RUNNERS.has(command.name);
  }
}
