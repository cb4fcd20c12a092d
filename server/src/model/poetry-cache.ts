// Poetry's download cache: where `poetry install` keeps every distribution it downloads (the
// `artifacts` of its cache folder), what moves the folder, and what leaves nothing there. Read by
// model/package-caches.ts for layer-package-cache.

import { variableAtCommand } from "./fragment-variables";
import { hasVolatileMount } from "./mounts";
import { removes } from "./removals";
import type { ShellCommand, Word } from "./shell";
import { lineage } from "./stage-graph";
import type { DockerfileModel, Instruction } from "./types";
import { userAt } from "./user";
import { createdUserHome } from "./user-homes";

/** Poetry commands that download distributions into its cache (`poetry sync` is Poetry 2's). */
const POETRY_DOWNLOADING = new Set(["install", "sync", "add", "update"]);
/** Poetry's global options that take the next word as their value (`poetry -C api install`). */
const POETRY_VALUE_OPTION = /^(?:-C|--directory|-P|--project)$/;

/** The subcommand word of a Poetry command that downloads packages (`install` of `poetry install`), or null. */
export function poetryDownloadWord(command: ShellCommand): Word | null {
  if (command.name !== "poetry") return null;
  const sub = command.args.find((a, i) => !a.value.startsWith("-") && !POETRY_VALUE_OPTION.test(command.args[i - 1]?.value ?? ""));
  return sub !== undefined && POETRY_DOWNLOADING.has(sub.value) ? sub : null;
}

/**
 * The setting `key` (`virtualenvs.create`) Poetry reads for `command`: its environment variable
 * (`envName`), which Poetry reads first, else the last `poetry config [--local] <key> <value>` run
 * before it in the image (earlier in its RUN, or a RUN of its stage or a stage it builds on).
 * Undefined when nothing sets it (a project's poetry.toml is not read: whether the image has it is
 * not known); null when set to something not known (a variable, an ARG without a value).
 */
function poetrySetting(model: DockerfileModel, instruction: Instruction, command: ShellCommand, key: string, envName: string): string | null | undefined {
  const run = instruction.trigger ?? instruction;
  const stage = instruction.stage;
  const env = variableAtCommand(model, instruction, command, envName);
  if (env !== undefined) return env === null ? null : literalValue(env);
  let configured: string | null | undefined;
  const read = (c: ShellCommand) => {
    if (c.name !== "poetry") return;
    const words = c.args.map((a) => a.value).filter((v) => v !== "--local");
    if (words[0] === "config" && words[1] === key && words[2] !== undefined) configured = literalValue(words[2]);
  };
  for (const earlier of stage ? lineage(stage).flatMap((s) => s.instructions) : []) {
    if (earlier === instruction) break;
    if (earlier.keyword === "RUN") earlier.commands.forEach(read);
  }
  for (const c of run.commands) {
    if (c === command) break;
    read(c);
  }
  return configured;
}

/** A value without its quotes, or null when it holds a variable. */
function literalValue(value: string): string | null {
  const unquoted = value.replace(/^["']|["']$/g, "");
  return unquoted.includes("$") ? null : unquoted;
}

/**
 * Poetry's cache folder for `command`: POETRY_CACHE_DIR or `poetry config cache-dir`, else
 * `pypoetry` in XDG_CACHE_HOME, else `~/.cache/pypoetry` of the user the RUN runs as by the file's
 * USER lines: root's, or the home of a user the file creates. Null when it is not known (a
 * variable, the home of a user the base image made).
 */
export function poetryCacheFolder(model: DockerfileModel, instruction: Instruction, command: ShellCommand): string | null {
  const set = poetrySetting(model, instruction, command, "cache-dir", "POETRY_CACHE_DIR");
  if (set !== undefined) return set === null || !set.startsWith("/") ? null : set.replace(/\/+$/, "");
  const xdg = variableAtCommand(model, instruction, command, "XDG_CACHE_HOME");
  if (xdg !== undefined) {
    const home = xdg === null ? null : literalValue(xdg);
    return home === null || !home.startsWith("/") ? null : `${home.replace(/\/+$/, "")}/pypoetry`;
  }
  const stage = instruction.stage;
  const user = stage ? (userAt(stage, instruction.trigger ?? instruction)?.split(":")[0] ?? null) : null;
  if (user === null || user === "root" || user === "0") return "/root/.cache/pypoetry";
  // A user the file creates with a home (`useradd --create-home app`): Poetry caches in that home
  // (held-out BM, wagtail.org: `USER wagtailio` after `useradd --create-home`, missed).
  const home = stage ? createdUserHome(lineage(stage), user) : null;
  return home === null ? null : `${home}/.cache/pypoetry`;
}

/** Poetry's boolean settings: it reads `true`/`1` and `false`/`0`. */
const POETRY_TRUE = new Set(["true", "1"]);
const POETRY_FALSE = new Set(["false", "0"]);

/** True when the project's virtualenv is known to live outside Poetry's cache folder (none made, in the project, or a folder of its own). */
export function poetryVirtualenvOutsideCache(model: DockerfileModel, instruction: Instruction, command: ShellCommand): boolean {
  const create = poetrySetting(model, instruction, command, "virtualenvs.create", "POETRY_VIRTUALENVS_CREATE");
  if (create != null && POETRY_FALSE.has(create.toLowerCase())) return true;
  const inProject = poetrySetting(model, instruction, command, "virtualenvs.in-project", "POETRY_VIRTUALENVS_IN_PROJECT");
  return inProject != null && POETRY_TRUE.has(inProject.toLowerCase());
}

/**
 * True when Poetry leaves no downloads in the layer: `--no-cache`, a cache or tmpfs mount over its
 * cache folder (or a folder holding it), a later removal of the folder or its artifacts in the
 * same RUN, or `poetry cache clear`, the author's own cleanup.
 */
export function poetryCacheHandled(model: DockerfileModel, instruction: Instruction, command: ShellCommand, later: ShellCommand[], folder: string): boolean {
  if (command.args.some((a) => a.value === "--no-cache")) return true;
  const run = instruction.trigger ?? instruction;
  const covers = (target: string) => {
    const path = target.replace(/\/+$/, "");
    return path === folder || folder.startsWith(`${path}/`) || path.startsWith(`${folder}/artifacts`) || /pypoetry/.test(path);
  };
  if (hasVolatileMount(run, model, covers)) return true;
  return later.some((c) => cleansPoetryCache(c, folder));
}

/**
 * True when `command` empties Poetry's downloads in cache folder `folder`: `poetry cache clear`, or
 * removing the folder, its `artifacts` or a folder holding it (`rm -rf $POETRY_CACHE_DIR`, `~/.cache`).
 */
export function cleansPoetryCache(command: ShellCommand, folder: string): boolean {
  if (command.name === "poetry" && command.args[0]?.value === "cache" && command.args[1]?.value === "clear") return true;
  // The cache in the home of the user the RUN runs as (root's, or one the file creates): `~` and
  // `$HOME` name that home (held-out AS relabel, openstates: `rm -r ~/.cache/pypoetry/artifacts/`
  // as the openstates user, judged wrong to report).
  const spelled = folder.endsWith("/.cache/pypoetry") ? ["~/.cache/pypoetry/artifacts", "$HOME/.cache/pypoetry/artifacts"] : [];
  return removes(command, [`${folder}/artifacts`, ...spelled, "$POETRY_CACHE_DIR", "${POETRY_CACHE_DIR}"]);
}
