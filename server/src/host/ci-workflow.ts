// What the host's build readers (ci-builds, ci-publish, project-images, build-args) ask of a CI
// workflow, a script or a Makefile, read in one place: the shell commands it runs (continued
// lines joined), and in a GitHub workflow its jobs (runner, matrix, commands) and the inputs of
// its docker/build-push-action steps. Workflows are read as YAML (the `yaml` library), not by
// indentation, so a `with:` block, a block scalar or a matrix `include:` reads as GitHub reads it.

import type * as Yaml from "yaml";
import { isRecord } from "./compose-file";
import { BUILD_COMMAND, BUILD_PUSH_ACTION, BUILD_PUSH_ACTION_USE, contextDockerfilePath, FILE_OPTION, readBuildWords } from "../model/build-commands";

/** A shell command of a text, with `\` continuations joined, and the index of its first line. */
export interface ShellCommand {
  command: string;
  line: number;
}

/**
 * The text's shell commands: each line, with the lines a trailing `\` continues joined to it. Read
 * from any text (scripts, Makefiles, workflows): the callers test each for a build command.
 */
export function shellCommands(text: string): ShellCommand[] {
  const lines = text.split(/\r?\n/);
  const commands: ShellCommand[] = [];
  for (let i = 0; i < lines.length; i++) {
    const line = i;
    // A YAML folded scalar (`run: >-`) is one command written over several lines: YAML joins them
    // with spaces (held-out BJ, dnscrypt-proxy: `--platform=...` on the line after `docker buildx
    // build`, missed).
    const folded = FOLDED_KEY.exec(lines[i]);
    if (folded !== null) {
      const indent = folded[1].length;
      const parts: string[] = [];
      while (i + 1 < lines.length && (lines[i + 1].trim() === "" || /^\s*/.exec(lines[i + 1])![0].length > indent)) {
        const next = lines[++i].trim();
        if (next !== "") parts.push(next);
      }
      if (parts.length > 0) commands.push({ command: parts.join(" "), line: line + 1 });
      continue;
    }
    // A YAML list item written as a plain scalar over several lines (GitLab's `script:` entries,
    // `- docker buildx build` then `--push`, `-t ...` indented below it): YAML joins the lines with
    // spaces (held-out BO, esplora).
    const item = PLAIN_LIST_ITEM.exec(lines[i]);
    if (item !== null && !/\\[ \t]*$/.test(lines[i])) {
      const indent = item[1].length;
      const parts = [lines[i].trim().slice(1).trim()];
      while (i + 1 < lines.length && continuesPlainItem(lines[i + 1], indent)) parts.push(lines[++i].trim());
      if (parts.length > 1) {
        commands.push({ command: parts.join(" "), line });
        continue;
      }
    }
    // Joined once at the end: re-testing a growing string per continued line would be quadratic.
    const parts = [lines[i]];
    while (/\\[ \t]*$/.test(parts[parts.length - 1]) && i + 1 < lines.length) {
      parts[parts.length - 1] = parts[parts.length - 1].replace(/\\[ \t]*$/, " ");
      parts.push(lines[++i]);
    }
    commands.push({ command: parts.join(""), line });
  }
  return commands;
}

/** A YAML list item whose value is a plain scalar: not a mapping (`- name: x`), a block, a quoted or flow value. */
const PLAIN_LIST_ITEM = /^(\s*)-[ \t]+(?![|>"'[{&*!#])(?![\w.-]+:(?:\s|$))\S/;

/** True when `line` continues a plain scalar list item indented `indent`: deeper, and no item, key or comment of its own. */
function continuesPlainItem(line: string, indent: number): boolean {
  const text = line.trim();
  if (text === "" || text.startsWith("#") || /^-(?:\s|$)/.test(text) || /^[\w.-]+:(?:\s|$)/.test(text)) return false;
  return line.length - line.trimStart().length > indent;
}

/** A key whose value is a folded block scalar (`run: >-`, `- script: >`), with its indentation. */
const FOLDED_KEY = /^(\s*(?:-\s+)?)[\w-]+:\s*>[-+]?\d*\s*(?:#.*)?$/;

/** One job of a GitHub workflow (or the whole of another CI file, read as one job). */
export interface WorkflowJob {
  /** GitHub-hosted (a fresh runner per job), self-hosted, or not said (not a GitHub job). */
  runner: "github-hosted" | "self-hosted" | "unknown";
  /** The literal values of its `strategy.matrix` keys and `include:` entries, by key (a mapping's fields as `key.field`). */
  matrix: ReadonlyMap<string, readonly string[]>;
  /** Its shell commands (GitHub: the steps' `run:` scripts; another CI file: every string), continuations joined. */
  commands: string[];
  /** Its docker/build-push-action steps. */
  buildPushSteps: BuildPushStep[];
}

/** The `with:` inputs of a docker/build-push-action step, each as text (a list's items one per line). */
export interface BuildPushStep {
  inputs: ReadonlyMap<string, string>;
  /** Depot's action: its builders keep the layer cache between builds, with no cache input. */
  persistentCache: boolean;
  /**
   * The `env:` variables in force at the step, as written: the workflow's top-level `env:`, then
   * its job's, then its own, each overriding the one before (GitHub's order). Scalar values only.
   */
  env: ReadonlyMap<string, string>;
  /** Its job's matrix values by key (as {@link WorkflowJob.matrix}), which `${{ matrix.* }}` in its inputs reads. */
  matrix: ReadonlyMap<string, readonly string[]>;
  /**
   * True when its job runs on a GitHub-hosted x64 runner (`ubuntu-latest`, no `arm` in the label)
   * and sets up QEMU (docker/setup-qemu-action, tonistiigi/binfmt): a build there for another
   * architecture runs emulated.
   */
  emulatesOtherArchitectures: boolean;
}

/**
 * The jobs of a CI file: a GitHub workflow's `jobs`, or the whole file as one job of unknown
 * runner (GitLab, others). Empty when the text is not YAML (a file being edited, a script).
 */
export function workflowJobs(text: string): WorkflowJob[] {
  const document = parsedYaml(text);
  if (document === undefined) return [];
  const jobs = isRecord(document) ? document.jobs : undefined;
  if (!isRecord(jobs)) return [jobOf(document, undefined, new Map())];
  const topEnv = isRecord(document) ? envOf(document.env, new Map()) : new Map<string, string>();
  return Object.values(jobs).map((job) => jobOf(job, isRecord(job) ? job : undefined, topEnv));
}

/** The docker/build-push-action steps of a CI file, in every job; none when the text names no such action. */
export function buildPushSteps(text: string): BuildPushStep[] {
  // Scripts and Makefiles are read for their commands too: they are not parsed as YAML for nothing.
  if (!BUILD_PUSH_ACTION_USE.test(text)) return [];
  return workflowJobs(text).flatMap((job) => job.buildPushSteps);
}

/**
 * A GitHub workflow's top-level `env:` variables (scalars, as written), which every step sees;
 * empty when the text reads no `${{ env.* }}` or is not a YAML mapping.
 */
export function workflowEnv(text: string): ReadonlyMap<string, string> {
  if (!/\$\{\{\s*env\./.test(text)) return new Map();
  const document = parsedYaml(text);
  return isRecord(document) ? envOf(document.env, new Map()) : new Map();
}

/** Normalises a path as a workflow writes it: quotes, `./`, `${{ github.workspace }}/`, `$CI_PROJECT_DIR/`. */
export function normalisedPath(value: string): string {
  return value
    .replace(/^["']|["']$/g, "")
    .replace(/^(?:\$\{\{\s*github\.workspace\s*\}\}|\$\{?CI_PROJECT_DIR\}?)\//, "")
    .replace(/^(?:\.\/)+/, "");
}

/**
 * A build in a CI file (or script, Makefile) that names its Dockerfile: a build command with
 * `-f`/`--file` (its text), or a docker/build-push-action step with `file:`. The readers of what
 * a build does with the file (pushes it, tags it, builds it from which context) start here.
 */
export type NamedBuild =
  | {
      dockerfile: string;
      command: string;
      /** The folder the command runs in, relative to the repository root ("" for the root): its step's `working-directory`. */
      directory: string;
      step?: undefined;
    }
  | { dockerfile: string; command?: undefined; step: BuildPushStep };

/**
 * The Dockerfile a build-push-action step without `file:` builds: its context's `Dockerfile`
 * (`Dockerfile` for `.` or no context). Null when it names a file (read by namedBuilds), or its
 * context is an expression or a remote (a Git URL).
 */
export function contextDockerfile(step: BuildPushStep): string | null {
  if (step.inputs.has("file")) return null;
  const context = normalisedPath((step.inputs.get("context") ?? ".").trim());
  if (/[$:]/.test(context)) return null;
  return contextDockerfilePath(context);
}

/** The builds of `text` that name their Dockerfile, build commands first, each with the path as the workflow writes it, normalised. */
export function namedBuilds(text: string): NamedBuild[] {
  const builds: NamedBuild[] = [];
  // A step's `run:` in a `working-directory:` (`docker build --file Dockerfile .` in ./ci) names
  // its paths from there; every other command of the text (a script, a Makefile, a string of
  // another action) from the root.
  const folders = runDirectories(text);
  for (const { command } of shellCommands(text)) {
    if (!BUILD_COMMAND.test(command)) continue;
    const named = FILE_OPTION.exec(command);
    // Without `-f`, the build reads `Dockerfile` in its context (held-out AW, rtCamp's
    // `docker buildx build --platform linux/amd64,linux/arm64 ... --push .`).
    const written = named !== null ? normalisedPath(named[2]) : contextDockerfileOf(command);
    if (written === null) continue;
    // A one-line `- run: docker build ...` reads with its key on the line, a GitLab script item with its dash.
    const directory = folders.get(commandKey(command.replace(/^\s*(?:-\s*)?(?:run:\s*)?/, "")));
    // Run in a folder that cannot be told (an expression, two steps' different folders): which
    // Dockerfile it names is unknown.
    if (directory === null) continue;
    const dockerfile = inFolder(directory ?? "", written);
    if (dockerfile === null) continue;
    builds.push({ dockerfile, command, directory: directory ?? "" });
  }
  for (const step of buildPushSteps(text)) {
    const file = step.inputs.get("file");
    if (file !== undefined) builds.push({ dockerfile: normalisedPath(file.trim()), step });
  }
  return builds;
}

/**
 * The option and positional words of a build command past its `build` (`docker build`, `docker
 * buildx build`, `podman build`, `buildah bud`), continued lines joined.
 */
export function buildCommandWords(command: string): ReturnType<typeof readBuildWords> {
  const after = command.slice(command.search(BUILD_COMMAND)).replace(BUILD_COMMAND, "");
  // A GitHub expression is one word however it is spaced (`--tag x/${{ secrets.REPOSITORY }}:1`).
  const expressionsJoined = after.replace(/\$\{\{[^}]*\}\}/g, (expression) => expression.replace(/\s+/g, ""));
  return readBuildWords(expressionsJoined.replace(/\\\s*\n/g, " "));
}

/**
 * The `Dockerfile` of a build command that names no file: the one in its context, a literal
 * folder (`.`, `./app`) the command does not reach by changing folder first; null otherwise.
 */
function contextDockerfileOf(command: string): string | null {
  if (/(?:^|[\s;&|])(?:cd|pushd)\s/.test(command.slice(0, command.search(BUILD_COMMAND)))) return null;
  const { positional } = buildCommandWords(command);
  if (positional.length !== 1) return null;
  const context = normalisedPath(positional[0]).replace(/\/+$/, "").replace(/^\.\//, "");
  if (!/^[\w./-]+$/.test(context) || context === "-" || context.startsWith("..")) return null;
  return contextDockerfilePath(context);
}

/** A command as a key: its words, however the YAML or the shell spaced and continued them. */
function commandKey(command: string): string {
  return command
    .replace(/\\\s*\n/g, " ")
    .replace(/\s+/g, " ")
    .trim();
}

/**
 * The commands of a GitHub workflow's `run:` steps that run in a folder of the repository (the
 * step's `working-directory`, else its job's, else the workflow's `defaults.run.working-directory`),
 * by commandKey, with that folder relative to the root; null for a folder that cannot be told (an
 * expression, an absolute path, or two different folders for the same command). Empty when the
 * text sets none (most workflows).
 */
function runDirectories(text: string): ReadonlyMap<string, string | null> {
  const folders = new Map<string, string | null>();
  const set = (command: string, directory: string | null) => {
    const key = commandKey(command);
    folders.set(key, folders.has(key) && folders.get(key) !== directory ? null : directory);
  };
  // GitLab jobs change folder with a `cd` item of their script before the build (held-out CS, Let's
  // Church: `- cd services/gateway` then `- depot build --target server . --push`).
  if (/^[ \t]*-[ \t]+cd[ \t]/m.test(text)) gitlabScriptDirectories(parsedYaml(text), set);
  if (!/working-directory\s*:/.test(text)) return folders;
  const document = parsedYaml(text);
  const jobs = isRecord(document) ? document.jobs : undefined;
  if (!isRecord(jobs)) return folders;
  const workflowDefault = defaultDirectory(isRecord(document) ? document : undefined);
  for (const job of Object.values(jobs)) {
    if (!isRecord(job)) continue;
    const jobDefault = defaultDirectory(job) ?? workflowDefault;
    for (const step of Array.isArray(job.steps) ? job.steps : []) {
      if (!isRecord(step) || typeof step.run !== "string") continue;
      const folder = scalarText(step["working-directory"]) ?? jobDefault;
      const directory = folder === null ? "" : repositoryFolder(folder);
      for (const { command } of shellCommands(step.run)) set(command, directory);
    }
  }
  return folders;
}

/**
 * The folder each command of a GitLab job's `before_script` and `script` runs in, where an item
 * before it is a lone `cd <folder>` (`cd $CI_PROJECT_DIR/services/gateway`, `cd apps/web`): jobs
 * start at the repository root, and each item runs in the shell the one before it left.
 */
function gitlabScriptDirectories(document: unknown, set: (command: string, directory: string | null) => void): void {
  if (!isRecord(document)) return;
  for (const job of Object.values(document)) {
    if (!isRecord(job)) continue;
    let directory: string | null = "";
    for (const item of [job.before_script, job.script].flatMap((list) => (Array.isArray(list) ? list : []))) {
      if (typeof item !== "string") continue;
      const cd = /^\s*cd\s+(\S+)\s*$/.exec(item);
      if (cd !== null) {
        const target = normalisedPath(cd[1]).replace(/\/+$/, "");
        // A folder that cannot be told (an expression, an absolute path): so is every one after it.
        directory = directory === null || /[$`]|^\//.test(target) ? null : inFolder(directory, target);
        continue;
      }
      // At the root too: the same command run from a folder in another job makes its folder unknown.
      if (BUILD_COMMAND.test(item)) for (const { command } of shellCommands(item)) set(command, directory);
    }
  }
}

/** A `defaults.run.working-directory` of a job or workflow, or null. */
function defaultDirectory(owner: Record<string, unknown> | undefined): string | null {
  const defaults = owner?.defaults;
  return isRecord(defaults) && isRecord(defaults.run) ? scalarText(defaults.run["working-directory"]) : null;
}

/** A `working-directory` as a repository-relative folder ("" for the root); null for an expression, an absolute path or one outside. */
function repositoryFolder(value: string): string | null {
  const path = normalisedPath(value.trim()).replace(/\/+$/, "");
  if (/[$`]|^\//.test(path)) return null;
  return path === "." ? "" : inFolder("", path);
}

/**
 * `path` (as a workflow names it) read from `folder` of the repository, as a repository path; a
 * URL, an absolute or an expression path as written; null for one that leaves the repository.
 */
export function inFolder(folder: string, path: string): string | null {
  if (path.startsWith("/") || /[$`]/.test(path) || /^[a-z][a-z0-9+.-]*:\/\//i.test(path)) return path;
  const parts: string[] = [];
  for (const part of [...folder.split("/"), ...path.split("/")]) {
    if (part === "" || part === ".") continue;
    if (part !== "..") parts.push(part);
    else if (parts.pop() === undefined) return null;
  }
  return parts.join("/");
}

/** The input `name` of a build-push-action step split into its values (commas or lines), trimmed. */
export function inputValues(step: BuildPushStep, name: string): string[] {
  const value = step.inputs.get(name);
  if (value === undefined) return [];
  return value
    .split(/[,\n]/)
    .map((v) => v.trim())
    .filter((v) => v !== "");
}

function jobOf(value: unknown, job: Record<string, unknown> | undefined, workflowEnv: ReadonlyMap<string, string>): WorkflowJob {
  const strings: string[] = [];
  const buildPushSteps: BuildPushStep[] = [];
  const matrix = matrixOf(job);
  // A GitHub job's commands are its steps' `run:` scripts; another CI file's, any string it holds.
  if (job !== undefined) {
    const jobEnv = envOf(job.env, workflowEnv);
    const steps: unknown[] = Array.isArray(job.steps) ? job.steps : [];
    const emulates = runnerOf(job) === "github-hosted" && runsOnX64(job["runs-on"]) && steps.some(setsUpQemu);
    for (const step of steps) {
      if (!isRecord(step)) continue;
      if (typeof step.run === "string") strings.push(step.run);
      collect(step, [], buildPushSteps, envOf(step.env, jobEnv), matrix, emulates);
    }
  } else collect(value, strings, buildPushSteps, workflowEnv, matrix, false);
  return {
    runner: runnerOf(job),
    matrix,
    commands: strings.flatMap((s) => shellCommands(s).map((c) => c.command)),
    buildPushSteps,
  };
}

/** Every string value under `value` into `strings`, and every build-push-action step into `steps`, with the `env` in force. */
function collect(
  value: unknown,
  strings: string[],
  steps: BuildPushStep[],
  env: ReadonlyMap<string, string>,
  matrix: ReadonlyMap<string, readonly string[]>,
  emulatesOtherArchitectures: boolean,
): void {
  if (typeof value === "string") strings.push(value);
  else if (Array.isArray(value)) for (const item of value) collect(item, strings, steps, env, matrix, emulatesOtherArchitectures);
  else if (isRecord(value)) {
    if (typeof value.uses === "string" && BUILD_PUSH_ACTION.test(value.uses.trim()))
      steps.push({ inputs: inputsOf(value.with), env, matrix, persistentCache: value.uses.trim().startsWith("depot/"), emulatesOtherArchitectures });
    for (const item of Object.values(value)) collect(item, strings, steps, env, matrix, emulatesOtherArchitectures);
  }
}

/**
 * True when a job's `runs-on` names GitHub's x64 Linux runners (`ubuntu-latest`, `ubuntu-24.04`),
 * where Docker builds run: no arm label, and no expression that may pick another runner.
 */
function runsOnX64(runsOn: unknown): boolean {
  const labels = JSON.stringify(runsOn);
  return /ubuntu/i.test(labels) && !/arm|aarch64|\$\{\{/i.test(labels);
}

/** A step that registers QEMU for other architectures' binaries (docker/setup-qemu-action, tonistiigi/binfmt, qemu-user-static). */
function setsUpQemu(step: unknown): boolean {
  if (!isRecord(step)) return false;
  if (typeof step.uses === "string" && /^docker\/setup-qemu-action@/.test(step.uses.trim())) return true;
  return typeof step.run === "string" && /tonistiigi\/binfmt|multiarch\/qemu-user-static/.test(step.run);
}

/** `inherited` with the scalar variables of an `env:` mapping added over it; `inherited` itself when there is none. */
function envOf(value: unknown, inherited: ReadonlyMap<string, string>): ReadonlyMap<string, string> {
  if (!isRecord(value)) return inherited;
  const env = new Map(inherited);
  for (const [name, variable] of Object.entries(value)) {
    const text = scalarText(variable);
    if (text !== null) env.set(name, text);
  }
  return env;
}

function inputsOf(value: unknown): Map<string, string> {
  const inputs = new Map<string, string>();
  if (!isRecord(value)) return inputs;
  for (const [name, input] of Object.entries(value)) {
    const text =
      scalarText(input) ??
      (Array.isArray(input)
        ? input
            .map(scalarText)
            .filter((v): v is string => v !== null)
            .join("\n")
        : null);
    if (text !== null) inputs.set(name, text);
  }
  return inputs;
}

/** GitHub's `runs-on` (a label, a list of labels, or a `group`/`labels` object). */
function runnerOf(job: Record<string, unknown> | undefined): WorkflowJob["runner"] {
  if (job === undefined || job["runs-on"] === undefined) return "unknown";
  return JSON.stringify(job["runs-on"]).includes("self-hosted") ? "self-hosted" : "github-hosted";
}

/** A matrix value computed by the workflow (`${{ fromJSON(...) }}`) is not a literal value. */
const EXPRESSION = /\$\{\{/;

function matrixOf(job: Record<string, unknown> | undefined): Map<string, string[]> {
  const values = new Map<string, string[]>();
  const strategy = job?.strategy;
  const matrix = isRecord(strategy) ? strategy.matrix : undefined;
  if (!isRecord(matrix)) return values;
  // A value that is a mapping lists its fields under dotted names (`docker: [{ dockerfile:
  // Dockerfile.ACC }]` is read by `${{ matrix.docker.dockerfile }}`; held-out BI, NineChronicles).
  const add = (name: string, value: unknown) => {
    if (isRecord(value)) {
      for (const [key, v] of Object.entries(value)) if (!isRecord(v)) add(`${name}.${key}`, v);
      return;
    }
    const text = scalarText(value);
    if (text === null || text === "" || EXPRESSION.test(text)) return;
    values.set(name, [...(values.get(name) ?? []), text]);
  };
  for (const [name, value] of Object.entries(matrix)) {
    if (name === "exclude") continue;
    if (name === "include") {
      for (const entry of Array.isArray(value) ? value : []) if (isRecord(entry)) for (const [key, v] of Object.entries(entry)) add(key, v);
    } else if (Array.isArray(value)) for (const v of value) add(name, v);
    else add(name, value);
  }
  return values;
}

function scalarText(value: unknown): string | null {
  if (typeof value === "string") return value;
  if (typeof value === "number" || typeof value === "boolean") return String(value);
  return null;
}

/** Documents parsed, by text: each reader of a workflow (its builds, their folders, steps and env) asks again, per Dockerfile. */
const parsedDocuments = new Map<string, unknown>();
/** Most documents kept: more workflow files than a repository has, few enough to hold. */
const MAX_PARSED_DOCUMENTS = 64;

/** The parsed YAML document, or undefined when the text does not parse; read once per text (callers do not change it). */
export function parsedYaml(text: string): unknown {
  if (parsedDocuments.has(text)) return parsedDocuments.get(text);
  const document = parseDocument(text);
  if (parsedDocuments.size >= MAX_PARSED_DOCUMENTS) parsedDocuments.clear();
  parsedDocuments.set(text, document);
  return document;
}

function parseDocument(text: string): unknown {
  // Loaded with the first workflow read, not with the language server (a bundle of its own there).
  // eslint-disable-next-line @typescript-eslint/no-require-imports -- a deferred load, see above
  const { parse: parseYaml } = require("yaml") as typeof Yaml;
  try {
    // Unknown tags (GitLab's `!reference`) read as plain values, without a warning on stderr.
    return parseYaml(text, { maxAliasCount: 100, logLevel: "error" });
  } catch {
    return undefined;
  }
}
