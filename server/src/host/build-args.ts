// Build arguments a project passes to its builds, read from the files that run them: compose
// `build.args` of the services that build this Dockerfile, bake `args`, `--build-arg NAME` in
// scripts, Makefiles and CI workflows, and `NAME=value` lines of CI files (build-push-action's
// `build-args:`), in the Dockerfile's folder and the folders above it, up to the repository root.
// Collected generously: a name counts as passed wherever it appears as one, for any Dockerfile.

import { dirname, resolve } from "node:path";
import type { BuildArgFacts } from "../model/context";
import { hclMapKeys } from "./bake-files";
import { scriptTextsIn } from "./build-targets";
import { field, isRecord } from "./compose-file";
import { FolderReader } from "./folder-reader";
import { COMPOSE_FILES, PROJECT_FILE_MAX_BYTES as MAX_FILE_BYTES, ProjectFolder, projectFolderKey, projectFolders } from "./project-folders";
import { buildPushSteps, shellCommands } from "./ci-workflow";
import { buildReadsDockerfile, defaultDockerfileName } from "./paths";
import { BUILD_COMMAND, buildPushStepPushes, PUSHING_BUILD } from "../model/build-commands";

const BAKE_FILES = ["docker-bake.hcl", "docker-bake.override.hcl", "docker-bake.json"];

/** The compose services in reach that build `dockerfile` (absolute path), and every build-argument name passed. */
export async function readBuildArgs(dockerfile: string, reader = new FolderReader()): Promise<BuildArgFacts> {
  const passed = new Set<string>();
  const published = new Set<string>();
  let composeBuilds = 0;
  const composeValues: Record<string, string[]> = {};
  const defaultName = await defaultDockerfileName(dirname(dockerfile), reader);
  for (const project of await projectFolders(dirname(dockerfile), reader)) {
    // What a folder's build files pass is the same for every Dockerfile below it: read once.
    const found = await reader.memo(projectFolderKey("build-args", project), () => buildArgsIn(project, reader));
    for (const arg of found.passed) passed.add(arg);
    for (const arg of found.published) published.add(arg);
    for (const build of found.composeBuilds) {
      if (!buildsFile(build, project.dir, dockerfile, defaultName)) continue;
      composeBuilds++;
      for (const [name, value] of Object.entries(composeArgValues(build))) if (!(composeValues[name] ??= []).includes(value)) composeValues[name].push(value);
    }
  }
  const facts: BuildArgFacts = { composeBuilds, passed: [...passed].sort(), published: [...published].sort() };
  return Object.keys(composeValues).length > 0 ? { ...facts, composeValues } : facts;
}

/** What one project folder's build files pass. */
interface FolderBuildArgs {
  /** Build-argument names passed by any build. */
  passed: string[];
  /** Those passed by a build that publishes its image. */
  published: string[];
  /** The `build` of each compose service: whether it builds a given Dockerfile is asked per Dockerfile. */
  composeBuilds: unknown[];
}

/** The build arguments one project folder's build files pass, and the `build` of each of its compose services. */
async function buildArgsIn({ dir, isRoot }: ProjectFolder, reader: FolderReader): Promise<FolderBuildArgs> {
  const passed: string[] = [];
  const published: string[] = [];
  const composeBuilds: unknown[] = [];
  for (const name of COMPOSE_FILES) {
    const services = await reader.composeServicesIn(dir, name, MAX_FILE_BYTES);
    for (const service of services ?? []) {
      const build = field(service, "build");
      if (build === undefined) continue;
      for (const arg of composeArgs(build)) passed.push(arg);
      composeBuilds.push(build);
    }
  }
  for (const name of BAKE_FILES) for (const arg of bakeArgs(await reader.readSmallIn(dir, name, MAX_FILE_BYTES))) passed.push(arg);
  for (const text of await scriptTextsIn(dir, isRoot, reader)) {
    for (const arg of scriptArgs(text)) passed.push(arg);
    for (const arg of publishedArgs(text)) published.push(arg);
  }
  return { passed, published, composeBuilds };
}

/** True when a compose `build` (a context string or a mapping) resolves to `dockerfile`. */
function buildsFile(build: unknown, composeDir: string, dockerfile: string, defaultName: string): boolean {
  const context = typeof build === "string" ? build : field(build, "context");
  const file = field(build, "dockerfile");
  const contextPath = typeof context === "string" ? context : ".";
  if (/^[a-z][a-z0-9+.-]*:\/\//i.test(contextPath) || contextPath.includes("$")) return false;
  const contextDir = resolve(composeDir, contextPath);
  return buildReadsDockerfile(contextDir, typeof file === "string" && !file.includes("$") ? file : null, dockerfile, defaultName);
}

/** The names of compose `build.args`, as a mapping or a list of `NAME=value` / `NAME`. */
export function composeArgs(build: unknown): string[] {
  return composeArgEntries(build).map(([name]) => name);
}

/**
 * The literal values of compose `build.args` (`JUPYTERHUB_VERSION: latest`, `- TAG=1.2`): not a
 * name without a value (taken from the environment) nor a value compose interpolates (`${TAG}`).
 */
export function composeArgValues(build: unknown): Record<string, string> {
  const values: Record<string, string> = {};
  for (const [name, value] of composeArgEntries(build)) {
    const text = typeof value === "number" ? String(value) : typeof value === "string" ? value.trim() : null;
    if (text !== null && text !== "" && !text.includes("$") && /^[A-Za-z_]\w*$/.test(name)) values[name] = text;
  }
  return values;
}

/** Compose `build.args` as name and value: a mapping's entries, or a list's `NAME=value` split at the first `=` (a bare `NAME` has no value). */
function composeArgEntries(build: unknown): [string, unknown][] {
  const args = field(build, "args");
  if (isRecord(args)) return Object.entries(args);
  if (!Array.isArray(args)) return [];
  return args
    .filter((a): a is string => typeof a === "string")
    .map((a) => {
      const equals = a.indexOf("=");
      return equals < 0 ? [a.trim(), undefined] : [a.slice(0, equals).trim(), a.slice(equals + 1)];
    });
}

/** The names assigned in bake `args = { NAME = ... }` blocks (HCL) or `"args": { "NAME": ... }` (JSON). */
export function bakeArgs(text: string | null): string[] {
  if (text === null) return [];
  return hclMapKeys(text, "args").filter((name) => /^[A-Za-z_]\w*$/.test(name));
}

/** `build-args: NAME=value` (build-push-action's input holding one argument on its own line). */
const INLINE_BUILD_ARG = /^[\t ]*build-args:[\t ]*["']?([A-Za-z_]\w*)=/gm;

/**
 * `--build-arg NAME[=value]` in scripts, and `NAME=value` at the start of a line or list item of CI
 * files (build-push-action's `build-args:` block). A build argument passed through a variable
 * (`--build-arg "$arg"`) may be any: `*`.
 */
export function scriptArgs(text: string): string[] {
  const out = [...text.matchAll(/--build-arg(?:=|\s+)["']?([A-Za-z_]\w*)/g)].map((m) => m[1]);
  if (/--build-arg(?:=|\s+)["']?\$/.test(text)) out.push("*");
  out.push(...[...text.matchAll(/^[\t ]*(?:-[\t ]+)?["']?([A-Za-z_]\w*)=/gm)].map((m) => m[1]));
  // A single argument on the key's own line: `build-args: ALREADY_BUILT=1`.
  out.push(...[...text.matchAll(INLINE_BUILD_ARG)].map((m) => m[1]));
  return out;
}

/**
 * The build-argument names a build that publishes its image passes: `--build-arg NAME` on a build
 * command that pushes, and the `build-args:` of a build-push-action step with `push:` on. A local
 * or test build (`--load`, no push) does not count: the variant it builds is not the one users
 * pull. A `docker push` elsewhere in the file is not tied to a build: a deploy script holds test
 * builds and release pushes side by side.
 */
export function publishedArgs(text: string): string[] {
  const out: string[] = [];
  for (const { command } of shellCommands(text)) {
    if (BUILD_COMMAND.test(command) && PUSHING_BUILD.test(command)) {
      out.push(...[...command.matchAll(/--build-arg(?:=|\s+)["']?([A-Za-z_]\w*)/g)].map((m) => m[1]));
    }
  }
  for (const step of buildPushSteps(text)) {
    if (!buildPushStepPushes(step.inputs)) continue;
    // `build-args: ${{ matrix.v.build_args }}`: each of the job's values for that key (held-out BX,
    // MultiQC: `INSTALL_PANDOC=true` for the pdf- images it pushes).
    const written = step.inputs.get("build-args") ?? "";
    const args = written.replace(MATRIX_VALUE, (_, key: string) => (step.matrix.get(key) ?? []).join("\n"));
    for (const arg of args.split("\n")) {
      const name = /^\s*(?:-\s+)?["']?([A-Za-z_]\w*)=/.exec(arg);
      if (name !== null) out.push(name[1]);
    }
  }
  out.push(...publishDockerActionArgs(text));
  return out;
}

/** `${{ matrix.<key> }}` in an input. */
const MATRIX_VALUE = /\$\{\{\s*matrix\.([\w.-]+)\s*\}\}/g;

/**
 * The build arguments elgohr/Publish-Docker-Github-Action passes: its `buildargs:` input names
 * environment variables, comma-separated, and the action pushes unless `no_push` is true (held-out
 * BS, querybook: `buildargs: EXTRA_PIP_INSTALLS` for the images it publishes).
 */
function publishDockerActionArgs(text: string): string[] {
  if (!/elgohr\/Publish-Docker-Github-Action/.test(text) || /^\s*no_push:\s*["']?true\b/m.test(text)) return [];
  return [...text.matchAll(/^\s*buildargs:\s*["']?([\w, ]+)/gm)]
    .flatMap((m) => m[1].split(",").map((name) => name.trim()))
    .filter((name) => /^[A-Za-z_]\w*$/.test(name));
}
