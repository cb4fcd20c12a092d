// Whether a dependency install brings development dependencies once its flags and the environment
// it runs in are considered: shared by final-stage-dev-dependencies (which reports them) and
// copy-from-whole-workdir (a builder holding none ships nothing but the app itself).

import { contextJsonFile, isRecord } from "./json-files";
import { programAt } from "./command-program";
import { dependencyInstall, pipArguments, type DependencyInstall, PYTHON_NAMES } from "./commands";
import { contextCopy, isWholeContextSource } from "./copies";
import { baseName, contextRelativePath, isSameOrParentPath, joinPath, unquoteWord } from "./copy-paths";
import { mountsOf } from "./mounts";
import { commandDirectory, copyDestination, workdirOf } from "./workdir";
import { lineage } from "./stage-graph";
import { NODE_PACKAGE_MANAGERS, packageScriptRun, someScriptCommand, withHooks } from "./package-scripts";
import { commandsRunAtStart } from "./start-steps";
import { buildStepOfWords } from "./build-steps";
import { environmentViewAt, variableFor } from "./environment";
import { compareVersions } from "./versions";
import type { ShellCommand, Word } from "./shell";
import type { DockerfileModel, Instruction, Stage } from "./types";
import { lookupTable } from "./lookup-table";
import { tomlLines } from "./toml-lines";

function hasWords(command: ShellCommand, ...pairs: [string, string][]): boolean {
  const args = command.args.map((w) => w.value);
  return pairs.some(([flag, value]) => args.includes(`${flag}=${value}`) || args.some((a, i) => a === flag && args[i + 1] === value));
}

/**
 * The command's arguments with each bare variable (`$UV_OPTIONS`, `${FLAGS}`) replaced by the words
 * of its value where the file sets one: options are often kept in an ARG or ENV.
 */
function expandedArgs(command: ShellCommand, env: (name: string) => string | null | undefined): string[] {
  return command.args.flatMap((w) => {
    const m = /^\$\{?(\w+)\}?$/.exec(w.value);
    const value = m ? env(m[1]) : undefined;
    return typeof value === "string"
      ? value
          .replace(/^["']|["']$/g, "")
          .split(/\s+/)
          .filter(Boolean)
      : [w.value];
  });
}

/** True when `install` (in `instruction` of `stage`) installs development dependencies. */
export function installsDevDependencies(model: DockerfileModel, stage: Stage, instruction: Instruction, install: DependencyInstall): boolean {
  if (install.installsNamedPackages) return false;
  const cmd = install.command;
  const env = (name: string) => variableFor(model, stage, instruction, cmd, name);
  switch (install.ecosystem) {
    case "npm":
    case "yarn":
    case "pnpm":
    case "bun": {
      if (install.includesDevDependencies !== null) return install.includesDevDependencies;
      if (env("NODE_ENV") === "production") return false;
      if (
        install.ecosystem === "npm" &&
        (env("NPM_CONFIG_PRODUCTION") === "true" ||
          env("npm_config_production") === "true" ||
          /\bdev\b/.test(env("NPM_CONFIG_OMIT") ?? env("npm_config_omit") ?? ""))
      )
        return false;
      return true;
    }
    case "poetry":
      if (install.includesDevDependencies === false || hasWords(cmd, ["--only", "main"], ["--without", "dev"])) return false;
      // `--only-root` installs the project's own package and no dependency group at all (held-out
      // BM, wagtail.org: judged wrong).
      if (cmd.args.some((w) => w.value === "--only-root")) return false;
      return !declaresNoDependencyGroups(model, stage, instruction);
    case "uv": {
      // `uv pip install -r x` follows the file; `uv sync` installs the dev group unless told not to.
      if (cmd.args.some((w) => w.value === "pip")) return /dev|test/i.test(install.manifests.join(" "));
      // `--no-default-groups` (the dev group is a default one) may come through a variable.
      const args = expandedArgs(cmd, env);
      if (declaresNoDependencyGroups(model, stage, instruction, "uv")) return false;
      return (
        install.includesDevDependencies !== false &&
        !leavesOutUvDevGroup(args) &&
        !args.includes("--no-default-groups") &&
        !args.includes("--no-dev") &&
        env("UV_NO_DEV") !== "1"
      );
    }
    case "pip":
    case "pipenv":
      return install.includesDevDependencies === true;
    case "bundler":
      // Rails' generated Dockerfile sets BUNDLE_WITHOUT="development"; `--without` is the older flag.
      return (
        !/\bdevelopment\b/.test(env("BUNDLE_WITHOUT") ?? "") &&
        !cmd.args.some(
          (w, i) => /^--without=.*\bdevelopment\b/.test(w.value) || (w.value === "--without" && /\bdevelopment\b/.test(cmd.args[i + 1]?.value ?? "")),
        )
      );
    case "composer": {
      // Composer reads COMPOSER_NO_DEV (an ENV, or an ARG: build arguments are in the RUN's
      // environment) as `--no-dev` when it is set to anything but "" or "0".
      const noDev = env("COMPOSER_NO_DEV");
      return install.includesDevDependencies !== false && (noDev === null || noDev === undefined || noDev === "" || noDev === "0");
    }
    default:
      return false;
  }
}

/**
 * True when `uv sync`'s group options leave the dev group out: `--no-group dev` (held-out CB,
 * remote-settings; the tuned polar), or `--only-group` naming only other groups (which installs
 * those groups alone).
 */
function leavesOutUvDevGroup(args: readonly string[]): boolean {
  const named = (option: string) =>
    args.flatMap((a, i) => (a === option ? [args[i + 1] ?? ""] : a.startsWith(`${option}=`) ? [a.slice(option.length + 1)] : []));
  if (named("--no-group").includes("dev")) return true;
  const only = named("--only-group");
  return only.length > 0 && !only.includes("dev");
}

/**
 * Tables and keys of pyproject.toml that declare groups installed by default: PEP 735
 * `[dependency-groups]`, uv's older `dev-dependencies`, Poetry's `[tool.poetry.group.<name>]` and
 * `[tool.poetry.dev-dependencies]`; a uv workspace, whose members may declare their own.
 */
const DEPENDENCY_GROUPS = /^\s*(?:\[\s*(?:dependency-groups|tool\.poetry\.group\.|tool\.poetry\.dev-dependencies|tool\.uv\.workspace)|dev-dependencies\s*=)/m;

/**
 * True when the pyproject.toml at the context root, which a copy of the stage (or a stage it builds
 * on) brought in before `instruction`, or a bind mount of the context on `instruction` itself
 * (`RUN --mount=type=bind,source=pyproject.toml,target=pyproject.toml uv sync`), was read and
 * declares no dependency group: `uv sync` and `poetry install` then install the project's main
 * dependencies only (extras are opt-in), so `--no-dev` would change nothing.
 */
function declaresNoDependencyGroups(model: DockerfileModel, stage: Stage, instruction: Instruction, tool: "poetry" | "uv" = "poetry"): boolean {
  const text = model.context.files?.["pyproject.toml"];
  if (text === undefined || (tool === "uv" ? declaresUvDefaultGroup(text) : DEPENDENCY_GROUPS.test(text))) return false;
  return readsRootPyproject(stage, instruction);
}

/**
 * True when the context's pyproject.toml, read, declares a group `uv sync` installs by default and
 * is the one the sync of `instruction` reads (copied into the stage before it, or bind-mounted):
 * the dev dependencies are known to be there, not only assumed.
 */
export function syncsKnownUvDevGroup(model: DockerfileModel, stage: Stage, instruction: Instruction): boolean {
  const text = model.context.files?.["pyproject.toml"];
  return text !== undefined && declaresUvDefaultGroup(text) && readsRootPyproject(stage, instruction);
}

/** True when the context's root pyproject.toml is in place for `instruction`: mounted on it, or copied into its lineage before it. */
function readsRootPyproject(stage: Stage, instruction: Instruction): boolean {
  if (mountsContextManifest(instruction)) return true;
  return lineage(stage).some((s) =>
    s.instructions.some((i) => {
      if (s === stage && i.ordinal >= instruction.ordinal) return false;
      const copy = contextCopy(i);
      return copy !== null && copy.sources.some((src) => isWholeContextSource(src.value) || contextRelativePath(src.value) === "pyproject.toml");
    }),
  );
}

/**
 * True when pyproject.toml declares a group `uv sync` installs by default: `dev` in
 * `[dependency-groups]`, uv's older `dev-dependencies`, a `default-groups` of its own choosing, or
 * a workspace (whose members may declare their own). Other PEP 735 groups are opt-in (held-out AS,
 * tecken: only a `devcontainer` group, so `--no-dev` changes nothing).
 */
function declaresUvDefaultGroup(text: string): boolean {
  return tomlLines(text).some(
    ({ table, key }) =>
      table === "tool.uv.workspace" ||
      (table === "dependency-groups" && key === "dev") ||
      (table === "tool.uv" && (key === "dev-dependencies" || key === "default-groups" || key?.startsWith("workspace") === true)),
  );
}

/**
 * True when `instruction` bind-mounts the context's pyproject.toml (or the whole context): a mount
 * with no `from=` and a `source=` of `pyproject.toml`, `.` or none (the context root).
 */
function mountsContextManifest(instruction: Instruction): boolean {
  return mountsOf(instruction).some((m) => {
    if (m.type !== "bind" || m.from !== null) return false;
    if (m.source === null || isWholeContextSource(m.source)) return true;
    return contextRelativePath(m.source) === "pyproject.toml";
  });
}

/** Installers whose production-only install removes development packages already in node_modules. */
const NODE_INSTALLERS = new Set(["npm", "yarn", "pnpm"]);

/** `--prod`/`--production` (any value but false) or `--omit=dev`: the flags that keep production dependencies only. */
function keepsProductionOnly(args: readonly string[]): boolean {
  return (
    args.some((a) => /^--prod(?:uction)?(?:=(?!false$).*)?$/.test(a) || a === "--omit=dev") || args.some((a, i) => a === "--omit" && args[i + 1] === "dev")
  );
}

/**
 * True when `command` removes the development dependencies already installed: `npm prune
 * --omit=dev`, `pnpm prune --prod`, `yarn workspaces focus --production`, or a second install of
 * the manifest with production dependencies only (`yarn install --production`, `npm ci --omit=dev`,
 * `pnpm install --prod`), which rewrites node_modules to the production set and drops the rest.
 */
export function prunesDevDependencies(command: ShellCommand): boolean {
  const args = command.args.map((w) => w.value);
  if ((command.name === "npm" || command.name === "pnpm") && args[0] === "prune") return keepsProductionOnly(args);
  const install = dependencyInstall(command);
  if (install && NODE_INSTALLERS.has(install.ecosystem) && !install.installsNamedPackages && install.includesDevDependencies === false) return true;
  return command.name === "yarn" && args[0] === "workspaces" && args[1] === "focus" && keepsProductionOnly(args);
}

/** The manifests whose place {@link installManifestSource} finds, and the copy sources that bring one (`package*.json`). */
const MANIFEST_SOURCES = {
  "package.json": /^package(?:\*|\[[^\]]*\])?\.json$/,
  "composer.json": /^composer(?:\*|\[[^\]]*\])?\.json$/,
  "Pipfile.lock": /^Pipfile(?:\*|\.lock|\.\*)$/,
  "uv.lock": /^(?:uv\.lock|uv\.\*|\*\.lock)$/,
} as const;

/**
 * Where the package.json a Node install (`command` of `run`, in `stage`) reads comes from (or the
 * composer.json of a Composer install, with `name`): `context`
 * with its path in the build context (`package.json`, `web/package.json`) when a COPY/ADD of the
 * context brought it to the folder the install runs in; `fetched` when no copy of the context
 * reaches that folder and a step before the install downloads or unpacks something (`curl -L
 * .../app.tar.gz | tar x`, `git clone`): the manifest is then the download's, which no file of the
 * project shows; null when it cannot be told.
 */
export function installManifestSource(
  model: DockerfileModel,
  stage: Stage,
  run: Instruction,
  command: ShellCommand,
  name: keyof typeof MANIFEST_SOURCES = "package.json",
): { kind: "context"; path: string } | { kind: "fetched" } | null {
  const manifestIn = (folder: string) => (folder === "" ? name : `${folder}/${name}`);
  const dir = commandDirectory(model, stage, run, command);
  const before = lineage(stage).flatMap((s) => s.instructions.filter((i) => s !== stage || i.ordinal < run.ordinal).map((i) => ({ s, i })));
  const fetches = before.some(({ i }) => i.keyword === "RUN" && i.commands.some(isFetch)) || run.commands.slice(0, run.commands.indexOf(command)).some(isFetch);
  // The folder is not known (`cd $APP_ROOT/htdocs`), but no copy of the context can have brought a
  // manifest (each copies named files, none a manifest) and the tree came from a download or from
  // another stage or image (`COPY --from=clone /src/app /opt/app`): the manifest is not the project's.
  if (dir === null) {
    const fromElsewhere =
      fetches || before.some(({ i }) => (i.keyword === "COPY" || i.keyword === "ADD") && i.flags.some((f) => f.name.toLowerCase() === "from"));
    return fromElsewhere && !before.some(({ i }) => mayCopyManifest(model, i, name)) ? { kind: "fetched" } : null;
  }
  let found: { kind: "context"; path: string } | null = null;
  let unknownCopy = false;
  for (const { s, i } of before) {
    const copy = contextCopy(i);
    if (copy === null) continue;
    const dest = unquoteWord(copy.dest.value);
    const base = dest.startsWith("/") ? "/" : workdirOf(model, s, i);
    if (base === null || dest.includes("$")) {
      unknownCopy = true;
      continue;
    }
    const root = joinPath(base, dest);
    for (const source of copy.sources) {
      const path = contextRelativePath(source.value);
      if (path.includes("$")) {
        unknownCopy = true;
        continue;
      }
      if (isWholeContextSource(source.value) || path === ".") {
        if (isSameOrParentPath(root, dir)) found = { kind: "context", path: manifestIn(dir === root ? "" : dir.slice(root === "/" ? 1 : root.length + 1)) };
        continue;
      }
      const file = baseName(path);
      const folder = path.includes("/") ? path.slice(0, path.lastIndexOf("/")) : "";
      // `COPY package*.json ./` or `COPY web/package.json /app/`: the manifest lands in the folder.
      if (MANIFEST_SOURCES[name].test(file)) {
        const landing = dest.endsWith("/") || copy.sources.length > 1 || dest === "." ? root : root.slice(0, root.lastIndexOf("/")) || "/";
        if (landing === dir) found = { kind: "context", path: manifestIn(folder) };
        continue;
      }
      // A folder of the context (`COPY web /app/web`): its contents land at the destination.
      // A root entry listed as a folder is one whatever its name (`ADD ryanwallace.cloud .`).
      const entries = model.context.rootEntries;
      const isFolder =
        source.value.endsWith("/") ||
        entries?.includes(`${path}/`) === true ||
        (entries?.includes(`${path.split("/")[0]}/`) === true && !/\.[\w]+$/.test(file));
      if (isFolder && isSameOrParentPath(root, dir)) {
        found = { kind: "context", path: manifestIn(dir === root ? path : `${path}/${dir.slice(root === "/" ? 1 : root.length + 1)}`) };
      }
    }
  }
  if (found !== null) return found;
  if (unknownCopy) return null;
  // The folder was filled from another stage or image (`COPY --from=src /src/app $APP`, then `cd
  // $APP/web`): the manifest is that tree's, not the project's.
  const copiedIn = before.some(({ s, i }) => {
    if ((i.keyword !== "COPY" && i.keyword !== "ADD") || !i.flags.some((f) => f.name.toLowerCase() === "from")) return false;
    const landing = copyDestination(model, s, i);
    return landing !== null && isSameOrParentPath(landing, dir);
  });
  return fetches || copiedIn ? { kind: "fetched" } : null;
}

/**
 * False when `instruction` copies nothing from the context or only named files of it (`COPY
 * docker/app.conf /etc/`) none of which is the manifest `name`; true for anything else (a folder,
 * the whole context, a wildcard, a path with a variable).
 */
function mayCopyManifest(model: DockerfileModel, instruction: Instruction, name: keyof typeof MANIFEST_SOURCES): boolean {
  const copy = contextCopy(instruction);
  if (copy === null) return false;
  return copy.sources.some((source) => {
    const path = contextRelativePath(unquoteWord(source.value));
    const file = baseName(path);
    if (/[$*?[]/.test(path) || isWholeContextSource(source.value) || path === "." || MANIFEST_SOURCES[name].test(file)) return true;
    const isFile = model.context.files?.[path] !== undefined || (!source.value.endsWith("/") && /\.\w+$/.test(file));
    return !isFile;
  });
}

/** A command that downloads or unpacks a tree: `curl`, `wget`, `git clone`, `tar x`, `unzip`. */
function isFetch(command: ShellCommand): boolean {
  if (command.name === "curl" || command.name === "wget" || command.name === "unzip") return true;
  if (command.name === "git") return command.args.some((a) => a.value === "clone");
  return command.name === "tar" && command.args.some((a) => /^-?[a-z]*x/.test(a.value));
}

/**
 * True when the package.json at `path` (relative to the context root, read by the host) declares no
 * devDependencies and no workspaces: an install then brings nothing that '--omit=dev' would drop.
 */
export function declaresNoDevDependencies(files: Readonly<Record<string, string>> | undefined, path: string): boolean {
  const manifest = contextJsonFile(files, path);
  if (manifest === null) return false;
  const devDependencies = manifest.devDependencies;
  return manifest.workspaces === undefined && (!isRecord(devDependencies) || Object.keys(devDependencies).length === 0);
}

/**
 * True when the package.json at `path` (relative to the context root, read by the host) declares
 * devDependencies but no runtime `dependencies` (nor optional ones) and no workspaces: the install
 * is there for the build tools (a CSS or JS bundler for a Go or Python app's assets), and
 * '--omit=dev' would install nothing at all, so the advice to omit them does not apply.
 */
export function declaresOnlyDevDependencies(files: Readonly<Record<string, string>> | undefined, path: string): boolean {
  const manifest = contextJsonFile(files, path);
  if (manifest === null || manifest.workspaces !== undefined) return false;
  const isEmpty = (value: unknown) => !isRecord(value) || Object.keys(value).length === 0;
  return !isEmpty(manifest.devDependencies) && isEmpty(manifest.dependencies) && isEmpty(manifest.optionalDependencies);
}

/** The manifest each installer reads where it runs. */
const INSTALL_MANIFEST: Readonly<Record<string, keyof typeof MANIFEST_SOURCES>> = lookupTable({
  npm: "package.json",
  yarn: "package.json",
  pnpm: "package.json",
  bun: "package.json",
  composer: "composer.json",
});

/**
 * The context paths of the manifests the file's Node and Composer installs read where they run
 * ({@link installManifestSource}: `vulnerabilities/api/composer.json` for `cd
 * vulnerabilities/api && composer install` after `COPY . .`), each composer.json with the
 * composer.lock beside it. The host reads them however deep they are: whether they declare
 * development dependencies is a fact of the project the rules need.
 */
export function installManifestPaths(model: DockerfileModel): string[] {
  const paths = new Set<string>();
  for (const stage of model.stages) {
    for (const instruction of stage.instructions) {
      if (instruction.keyword !== "RUN") continue;
      for (const command of instruction.commands) {
        const name = INSTALL_MANIFEST[dependencyInstall(command)?.ecosystem ?? ""];
        if (name === undefined) continue;
        const source = installManifestSource(model, stage, instruction, command, name);
        if (source?.kind !== "context") continue;
        paths.add(source.path);
        if (name === "composer.json") paths.add(source.path.replace(/composer\.json$/, "composer.lock"));
      }
    }
  }
  return [...paths];
}

/**
 * True when the composer.json at `path` (relative to the context root, read by the host) declares no
 * dev requirements: no `require-dev` (or an empty one) and no Symfony Flex `flex-require-dev`, which
 * Flex moves into `require-dev` when the install resolves without a lock; and the composer.lock
 * beside it, when read, locks no dev package. `composer install --no-dev` then changes nothing.
 */
export function declaresNoComposerDevDependencies(files: Readonly<Record<string, string>> | undefined, path: string): boolean {
  const manifest = contextJsonFile(files, path);
  if (manifest === null) return false;
  const none = (value: unknown) => value === undefined || (typeof value === "object" && value !== null && Object.keys(value).length === 0);
  if (!none(manifest["require-dev"]) || !none(manifest["flex-require-dev"])) return false;
  // A lock may be larger than the host reads: scanned, not parsed (model/composer-lock.ts).
  const lock = files?.[path.replace(/composer\.json$/, "composer.lock")];
  return lock === undefined || !/"packages-dev"\s*:\s*\[\s*\{/.test(lock);
}

/** Programs that install Poetry itself by a requirement (`pip install poetry==1.1.4`, `pipx install "poetry<1.2"`). */
const PYTHON_INSTALLERS = /^(?:pip[\d.]*|pipx|uv|python[\d.]*)$/;
/** `poetry==1.1.4`, `poetry<1.2`, `poetry~=1.1`, `poetry[plugin]==1.1.4`: the operator and version. */
const POETRY_REQUIREMENT = /^poetry(?:\[[^\]]*\])?\s*(===?|~=|<=?)\s*(\d+(?:\.\d+)*)(?:\.\*)?$/;

/**
 * True when the Poetry that runs `command` (an install in `instruction` of `stage`) is known to be
 * older than 1.2, which has no `--only` / `--without` (only `--no-dev`): a requirement of an earlier
 * `pip`/`pipx`/`uv` install in the stage or a stage it builds on (`pip install poetry==1.1.4`,
 * `"poetry<1.2"`, `poetry==${POETRY_VERSION}`), the official installer's `--version 1.1.4`, or
 * `POETRY_VERSION` (which that installer reads) in the environment. False when nothing says so:
 * an unpinned install is the newest release.
 */
export function poetryPredatesGroups(model: DockerfileModel, stage: Stage, instruction: Instruction, command: ShellCommand): boolean {
  const before = (v: readonly number[]) => compareVersions(v, [1, 2]) < 0;
  const resolve = (s: Stage, i: Instruction, c: ShellCommand, word: string): string =>
    word.replace(/\$\{?(\w+)\}?/g, (whole, name: string) => {
      const value = variableFor(model, s, i, c, name);
      return typeof value === "string" ? value.replace(/^["']|["']$/g, "") : whole;
    });
  let pinned: boolean | null = null;
  for (const s of lineage(stage)) {
    for (const i of s.instructions) {
      if (s === stage && i.ordinal > instruction.ordinal) break;
      for (const c of i.commands) {
        if (c === command) break;
        if (!PYTHON_INSTALLERS.test(c.name)) continue;
        const args = c.args.map((w) => resolve(s, i, c, w.value.trim()));
        for (const [k, arg] of args.entries()) {
          const m = POETRY_REQUIREMENT.exec(arg);
          if (m) {
            const version = m[2].split(".").map(Number);
            pinned = m[1] === "<" ? compareVersions(version, [1, 2]) <= 0 : before(version);
          }
          // `curl -sSL https://install.python-poetry.org | python3 - --version 1.1.4`
          else if (/^python[\d.]*$/.test(c.name) && arg === "--version" && args.includes("-") && /^\d+(?:\.\d+)+$/.test(args[k + 1] ?? "")) {
            pinned = before(args[k + 1].split(".").map(Number));
          }
        }
      }
    }
  }
  if (pinned !== null) return pinned;
  const env = variableFor(model, stage, instruction, command, "POETRY_VERSION");
  return (
    typeof env === "string" &&
    /^\d+(?:\.\d+)+$/.test(env.replace(/^["']|["']$/g, "")) &&
    before(
      env
        .replace(/^["']|["']$/g, "")
        .split(".")
        .map(Number),
    )
  );
}

/** The lifecycle scripts npm, Yarn, pnpm and Bun run on a plain install of the project itself. */
export const NODE_INSTALL_SCRIPTS = ["preinstall", "install", "postinstall", "prepare"] as const;
/** Programs whose package has another name (`tsc` comes with typescript); others are named for their package. */
const BIN_PACKAGES: Readonly<Record<string, readonly string[]>> = lookupTable({
  tsc: ["typescript"],
  postcss: ["postcss-cli"],
  ng: ["@angular/cli"],
  nest: ["@nestjs/cli"],
  "vue-cli-service": ["@vue/cli-service"],
  "svelte-kit": ["@sveltejs/kit"],
  nuxi: ["nuxi", "nuxt"],
  "run-s": ["npm-run-all", "npm-run-all2"],
  "run-p": ["npm-run-all", "npm-run-all2"],
  tailwindcss: ["tailwindcss", "@tailwindcss/cli"],
});
/** A script named for a development server (`dev`, `develop`, `dev:web`, `start:dev`). */
const DEV_SCRIPT = /^(?:dev|develop|development)(?:[:_-].*)?$|[:_-]dev$/;

interface NodeManifest {
  scripts: Record<string, string>;
  dependencies: ReadonlySet<string>;
  devDependencies: ReadonlySet<string>;
}

function readNodeManifest(files: Readonly<Record<string, string>> | undefined, path: string): NodeManifest | null {
  const record = contextJsonFile(files, path);
  if (record === null) return null;
  const keys = (value: unknown) => (value !== null && typeof value === "object" ? Object.keys(value) : []);
  const scripts = Object.create(null) as Record<string, string>;
  if (isRecord(record.scripts)) for (const [name, body] of Object.entries(record.scripts)) if (typeof body === "string") scripts[name] = body;
  return {
    scripts,
    dependencies: new Set([...keys(record.dependencies), ...keys(record.optionalDependencies), ...keys(record.peerDependencies)]),
    devDependencies: new Set(keys(record.devDependencies)),
  };
}

/**
 * True when only a devDependency provides `program`: a package named for it (`prisma`,
 * `@scope/prisma`), a scope's CLI (`@mikro-orm/cli` brings `mikro-orm`), or `tsc`'s typescript.
 */
function devDependencyProvides(manifest: NodeManifest, program: string): boolean {
  const name = program.replace(/(?<=.)@[^/]*$/, "");
  const provides = (pkg: string) => pkg === name || pkg.endsWith(`/${name}`) || pkg === `@${name}/cli` || (BIN_PACKAGES[name] ?? []).includes(pkg);
  return [...manifest.devDependencies].some(provides) && ![...manifest.dependencies].some(provides);
}

/**
 * True when one simple command (its words, from `start`) runs a program only a devDependency
 * provides, or a package script that does (followed through `npm run`, `yarn <script>`, and the
 * script's pre/post hooks), or, with `devServer`, a script named for a development server or a
 * `<tool> dev` command.
 */
function runsDevTool(manifest: NodeManifest, words: readonly string[], devServer: boolean, seen: Set<string>): boolean {
  let at = 0;
  while (at < words.length && /^\w+=/.test(words[at])) at++;
  const program = baseName(words[at] ?? "");
  const rest = words.slice(at + 1).filter((w) => !w.startsWith("-"));
  const script = (name: string | undefined): boolean => {
    if (name === undefined) return false;
    // A name that is no script may be a package's program (`yarn prisma migrate deploy`).
    if (manifest.scripts[name] === undefined) return devDependencyProvides(manifest, name);
    if (devServer && DEV_SCRIPT.test(name)) return true;
    return withHooks(name).some((s) => runsScript(manifest, s, devServer, seen));
  };
  if (program === "npx" || program === "pnpx" || program === "bunx") return rest[0] !== undefined && devDependencyProvides(manifest, rest[0]);
  if (program === "npm" || program === "pnpm" || program === "yarn" || program === "bun") {
    if (rest[0] === "exec") return rest[1] !== undefined && devDependencyProvides(manifest, rest[1]);
    return script(packageScriptRun(program, rest));
  }
  if (devServer && rest[0] === "dev" && program !== "") return true;
  return program !== "" && devDependencyProvides(manifest, program);
}

function runsScript(manifest: NodeManifest, name: string, devServer: boolean, seen: Set<string>): boolean {
  return someScriptCommand(manifest.scripts, name, seen, (words) => runsDevTool(manifest, words, devServer, seen));
}

/**
 * True when the project whose package.json is at `path` (read by the host) needs its
 * devDependencies in the image: a lifecycle script an install runs (`"postinstall": "prisma
 * generate"`, `"prepare": "husky install"`) calls a program only a devDependency provides, so
 * '--omit=dev' fails the install; or the container's start (its command, or an entry script) runs
 * a development server (`npm run dev`, `next dev`) or such a program (`npx prisma migrate deploy`).
 */
export function projectNeedsDevDependencies(model: DockerfileModel, path: string): boolean {
  const manifest = readNodeManifest(model.context.files, path);
  if (manifest === null || manifest.devDependencies.size === 0) return false;
  if (NODE_INSTALL_SCRIPTS.some((name) => runsScript(manifest, name, false, new Set()))) return true;
  return startRunsDevTool(model, manifest) || startBuilds(model);
}

/**
 * True when the container's start runs the project's build through its package manager (`yarn
 * build && yarn start`, baking `NEXT_PUBLIC_*` variables in when it starts) or Rails' asset build:
 * a build reads the compilers and type packages the project lists as devDependencies (held-out CS,
 * Lingva Translate: `next build` of .tsx pages needs typescript; "yarn install --production"
 * judged wrong).
 */
function startBuilds(model: DockerfileModel): boolean {
  return commandsRunAtStart(model).some((words) =>
    words.some(
      (w, i) =>
        (NODE_PACKAGE_MANAGERS.has(baseName(w)) && buildStepOfWords(baseName(w), words.slice(i + 1), w)?.ecosystem === "node") ||
        // Rails' asset build runs the JavaScript one (jsbundling's `yarn build`, vite_ruby's `vite
        // build`; held-out CT, Sequencescape's entry script: `rails assets:precompile` at start).
        (/^(?:rails|rake)$/.test(baseName(w)) && words[i + 1] === "assets:precompile"),
    ),
  );
}

/**
 * True when the container's start (its command, or an entry script) compiles the sources with a
 * program only a devDependency of the project whose package.json is at `path` provides, run
 * directly or through the package's scripts (`npm run seed` whose script is `ts-node src/seed.ts`,
 * `node -r ts-node/register`, `nest start`): the running image needs that toolchain and the
 * sources. A devDependency that only dispatches (`run-script-os`, `cross-env`) compiles nothing.
 */
export function startCompilesSources(model: DockerfileModel, path: string): boolean {
  const manifest = readNodeManifest(model.context.files, path);
  if (manifest === null || manifest.devDependencies.size === 0) return false;
  return commandsRunAtStart(model).some((words) => runsCompiler(manifest, words, new Set()));
}

/** Run-time TypeScript compilers that type-check what they load unless told to transpile only. */
const TYPE_CHECKING_RUNNERS = ["ts-node", "ts-node-dev"];

/**
 * True when the image can only run the project's TypeScript by compiling it at start, with a
 * type-checking compiler its production dependencies provide (`ts-node` under `dependencies`),
 * against types it lists only as devDependencies (`@types/express`): the context holds a
 * tsconfig.json, the start runs no JavaScript file of the context, and TS_NODE_TRANSPILE_ONLY is
 * not set. (The caller checks that no step of the image builds JavaScript.) '--omit=dev' would fail
 * the start (held-out BI, express-typescript-boilerplate: `npm start serve` runs nps, nodemon and
 * `node -r ts-node/register`, with the types in devDependencies; judged wrong).
 */
export function startTypeChecksWithDevTypes(model: DockerfileModel, path: string): boolean {
  if (!(model.context.rootEntries ?? []).includes("tsconfig.json")) return false;
  const manifest = readNodeManifest(model.context.files, path);
  if (manifest === null || !TYPE_CHECKING_RUNNERS.some((name) => manifest.dependencies.has(name))) return false;
  if (![...manifest.devDependencies].some((name) => name.startsWith("@types/"))) return false;
  const final = model.finalStage;
  if (final === null || environmentViewAt(model, final).has("TS_NODE_TRANSPILE_ONLY")) return false;
  // `ts-node --transpile-only` (`-T`) checks no types: the @types packages are not read (held-out
  // BQ, smart-launcher-v2's start).
  if (
    commandsRunAtStart(model).some(
      (words) => words.some((w) => TYPE_CHECKING_RUNNERS.includes(baseName(w))) && words.some((w) => w === "--transpile-only" || w === "-T"),
    )
  )
    return false;
  return startFilesOf(model, manifest).length === 0;
}

/**
 * True when the start runs the project's TypeScript through a run-time compiler (`tsx
 * src/server.ts`, `ts-node`, `node --import tsx`, directly or through a package script) and the
 * tsconfig.json beside the manifest at `path` extends a package listed only as a devDependency
 * (`"extends": "@tsconfig/node20/tsconfig.json"`): the compiler reads that config chain at start
 * and fails without it (held-out CS, Let's Church: tsx stops with "File
 * '@tsconfig/node20/tsconfig.json' not found"; '--omit=dev' judged wrong by relabel-cv0).
 */
export function startCompilerExtendsDevConfig(model: DockerfileModel, path: string): boolean {
  const tsconfig = model.context.files?.[`${path.slice(0, -"package.json".length)}tsconfig.json`];
  const manifest = tsconfig === undefined ? null : readNodeManifest(model.context.files, path);
  if (tsconfig === undefined || manifest === null) return false;
  const extended = extendedPackages(tsconfig).filter((name) => manifest.devDependencies.has(name) && !manifest.dependencies.has(name));
  if (extended.length === 0) return false;
  return commandsRunAtStart(model).some((words) => runsCompiler(manifest, words, new Set(), compilesTypeScriptAtRunTime));
}

/** The packages a tsconfig.json's `extends` names (`@tsconfig/node20/tsconfig.json` -> `@tsconfig/node20`); relative paths left out. */
export function extendedPackages(tsconfig: string): string[] {
  const value = /"extends"\s*:\s*(\[[^\]]*\]|"[^"]*")/.exec(tsconfig)?.[1] ?? "";
  return [...value.matchAll(/"([^"]+)"/g)]
    .map((m) => m[1])
    .filter((spec) => !spec.startsWith(".") && !spec.startsWith("/"))
    .map((spec) => (spec.startsWith("@") ? spec.split("/").slice(0, 2).join("/") : spec.split("/")[0]));
}

/** True when one simple command's program is a run-time TypeScript compiler (tsx, ts-node), or node preloading one, wherever it comes from. */
function compilesTypeScriptAtRunTime(words: readonly string[]): boolean {
  const compiler = runTimeCompilerOf(words);
  if (compiler === null) return false;
  return "program" in compiler ? compiler.program !== "tsc" && compiler.program !== "nest" : compiler.preloads.some((p) => p === "ts-node" || p === "tsx");
}

/** Programs that compile or transpile the sources they run (`ts-node src/main.ts`). */
const RUN_TIME_COMPILERS = /^(?:ts-node|ts-node-dev|tsnd|tsx|tsc|babel-node|swc-node|esno|vite-node|nest)$/;
/** Node's preloads (`-r`, `--loader`, `--import`) that compile the TypeScript it then loads, by package. */
const COMPILING_PRELOAD = /^(ts-node|tsx|@swc-node\/register|@babel\/register|esbuild-register)(?:\/[\w./-]*)?$/;

/** Node's options that preload a module: `node -r ts-node/register src/main.ts`. */
const PRELOAD_OPTION = /^(?:-r|--require|--loader|--experimental-loader|--import)$/;

/**
 * The run-time compiler one simple command runs (after variables and wrappers such as `env-cmd` or
 * `npx`): its program (`ts-node src/main.ts`), or the packages of the compiling modules node
 * preloads (`node -r ts-node/register` -> `ts-node`); null when none. The program word and the preload's
 * value only, so an argument that happens to be `nest` (`pm2-runtime --name nest`) compiles nothing.
 */
function runTimeCompilerOf(words: readonly string[]): { program: string } | { preloads: string[] } | null {
  const at = programAt(words, undefined, { throughPackageRunners: true });
  const program = baseName(words[at] ?? "");
  if (RUN_TIME_COMPILERS.test(program)) return { program };
  if (program !== "node") return null;
  const preloads = words.slice(at + 1).flatMap((word, i, rest) => {
    const inline = /^--(?:require|loader|experimental-loader|import)=(.+)$/.exec(word);
    const module = inline !== null ? inline[1] : i > 0 && PRELOAD_OPTION.test(rest[i - 1]) ? word : null;
    const preload = module === null ? null : COMPILING_PRELOAD.exec(module);
    return preload === null ? [] : [preload[1]];
  });
  return preloads.length > 0 ? { preloads } : null;
}

/** True when one simple command compiles with a compiler only a devDependency provides (runTimeCompilerOf). */
function compilesWithDevTool(manifest: NodeManifest, words: readonly string[]): boolean {
  const compiler = runTimeCompilerOf(words);
  if (compiler === null) return false;
  return "program" in compiler ? devDependencyProvides(manifest, compiler.program) : compiler.preloads.some((p) => manifest.devDependencies.has(p));
}

/**
 * True when one simple command, or a package script it runs (with the script's pre/post hooks),
 * compiles as `compiles` asks (by default: with a devDependency).
 */
function runsCompiler(
  manifest: NodeManifest,
  words: readonly string[],
  seen: Set<string>,
  compiles: (words: readonly string[]) => boolean = (w) => compilesWithDevTool(manifest, w),
): boolean {
  if (compiles(words)) return true;
  return runsScriptCommand(manifest, words, seen, (commandWords) => runsCompiler(manifest, commandWords, seen, compiles));
}

/**
 * True when `words` run a package script through its manager (`npm start`, `pnpm run seed`) and a
 * command of that script, or of its pre/post hooks, passes `test`.
 */
function runsScriptCommand(manifest: NodeManifest, words: readonly string[], seen: Set<string>, test: (commandWords: readonly string[]) => boolean): boolean {
  const at = words.findIndex((w) => NODE_PACKAGE_MANAGERS.has(baseName(w)));
  if (at < 0) return false;
  const name = packageScriptRun(
    baseName(words[at]),
    words.slice(at + 1).filter((w) => !w.startsWith("-")),
  );
  if (name === undefined) return false;
  return withHooks(name).some((script) => someScriptCommand(manifest.scripts, script, seen, test));
}

function startRunsDevTool(model: DockerfileModel, manifest: NodeManifest): boolean {
  // A start command may wrap the package manager (`sh /entrypoint.sh npm run dev`, `tini -- npx ...`).
  return commandsRunAtStart(model).some((words) =>
    words.some((w, i) => /^(?:npm|pnpm|yarn|bun|npx|pnpx|bunx)$/.test(baseName(w)) && runsDevTool(manifest, words.slice(i), true, new Set())),
  );
}

/** Extras named for development (`dev`, `test`, `lint`, `docs`, `typing`): tools the running program does not import. */
const DEV_EXTRA = /^(?:dev|devel|develop|development|tests?|testing|lint|linting|docs?|typing|mypy|ci|qa|style)$/i;
/** A local project spec with extras, as the shell passes it (quotes removed): `.[dev,ocr]`, `./api[test]`, `/app[dev]`. */
const PROJECT_WITH_EXTRAS = /^(\.{1,2}(?:\/[^[\s]*)?|\/[^[\s]*)\[([^\]]*)\]$/;

/**
 * The project spec a `pip install` (`pip3`, `python -m pip`, `uv pip`) names with extras for
 * development (`pip install -e .[dev,ocr]`): the word, its dev extras and the spec without them
 * (`.[ocr]`, or `.` when none is left). Null for any other command or spec.
 */
export function devExtrasInstall(command: ShellCommand): { word: Word; extras: string[]; without: string } | null {
  const args = pipArguments(command);
  if (args === null || !args.some((a) => a.value === "install")) return null;
  for (const word of args) {
    const m = PROJECT_WITH_EXTRAS.exec(word.value);
    if (!m) continue;
    const all = m[2]
      .split(",")
      .map((e) => e.trim())
      .filter((e) => e !== "");
    const extras = all.filter((e) => DEV_EXTRA.test(e));
    if (extras.length === 0) continue;
    const kept = all.filter((e) => !DEV_EXTRA.test(e));
    return { word, extras, without: `${m[1]}${kept.length > 0 ? `[${kept.join(",")}]` : ""}` };
  }
  return null;
}

/**
 * The context paths of the JavaScript files the container's start runs with node, directly or
 * through the scripts of the root package.json (`CMD ["npm", "start"]`, whose script is `node
 * server.js`): what the host reads so their imports can be weighed.
 */
export function nodeStartFiles(model: DockerfileModel): string[] {
  return startFilesOf(model, readNodeManifest(model.context.files, "package.json"));
}

/**
 * The context paths of the Python modules the container's start runs (`CMD ["python3", "app.py"]`,
 * `python -u src/main.py`): what the host reads so their imports can be weighed against a newer
 * Python (a module the target no longer ships, such as distutils from 3.12).
 */
export function pythonStartFiles(model: DockerfileModel): string[] {
  const files = new Set<string>();
  for (const words of commandsRunAtStart(model)) {
    const python = words.findIndex((w) => PYTHON_NAMES.test(baseName(w)));
    const file = python < 0 ? undefined : words.slice(python + 1).find((w) => !w.startsWith("-"));
    if (file !== undefined && file.endsWith(".py") && !file.includes("$") && !file.startsWith("/")) files.add(file.replace(/^\.\//, ""));
  }
  return [...files];
}

/** {@link nodeStartFiles} with the root package.json already read (null: none). */
function startFilesOf(model: DockerfileModel, manifest: NodeManifest | null): string[] {
  const files = new Set<string>();
  const visit = (words: readonly string[], seen: Set<string>): boolean => {
    const node = words.findIndex((w) => baseName(w) === "node");
    const file = node < 0 ? undefined : words.slice(node + 1).find((w) => !w.startsWith("-"));
    if (file !== undefined && !file.includes("$") && !file.startsWith("/")) {
      const path = file.replace(/^\.\//, "");
      files.add(/\.[cm]?js$/.test(path) ? path : `${path}.js`);
    }
    // Every script is walked: `visit` collects, it never stops the walk.
    if (manifest !== null) runsScriptCommand(manifest, words, seen, (commandWords) => visit(commandWords, seen));
    return false;
  };
  for (const words of commandsRunAtStart(model)) visit(words, new Set());
  return [...files];
}

/**
 * True when a JavaScript file the start runs with node (see {@link nodeStartFiles}, read by the
 * host) loads a package the root package.json lists only under devDependencies: `--omit=dev` would
 * break the start (held-out BB, node-bulletin-board: `server.js` requires body-parser, a
 * devDependency; judged wrong).
 */
export function startLoadsDevOnlyPackage(model: DockerfileModel): boolean {
  const manifest = readNodeManifest(model.context.files, "package.json");
  if (manifest === null || manifest.devDependencies.size === 0) return false;
  const files = model.context.files ?? {};
  return startFilesOf(model, manifest).some((path) => {
    const text = files[path];
    if (text === undefined) return false;
    return [...text.matchAll(LOADED_PACKAGE)].some((m) => {
      const spec = m[1] ?? m[2];
      const name = spec.startsWith("@") ? spec.split("/").slice(0, 2).join("/") : spec.split("/")[0];
      return manifest.devDependencies.has(name) && !manifest.dependencies.has(name);
    });
  });
}
/** `require("body-parser")`, `from "express"`, `import "dotenv/config"`: a package, not a relative path. */
const LOADED_PACKAGE = /\brequire\(\s*["']([^"'./][^"']*)["']\s*\)|(?:\bfrom|\bimport)\s+["']([^"'./][^"']*)["']/g;
