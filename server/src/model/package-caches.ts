// Which package-manager caches a RUN leaves in its layer: apt lists (and downloaded .debs once
// docker-clean is disabled), the apk index, pip's wheel cache, yum/dnf metadata, the yarn cache,
// uv's cache and Poetry's downloads (model/poetry-cache.ts). A cache counts as left unless the same
// RUN removes it after the install, keeps it in a cache or tmpfs mount, or tells the tool not to
// write it (`--no-cache`, PIP_NO_CACHE_DIR).

import { systemPackageCommand } from "./commands";
import { variableFor } from "./environment";
import { keepsApkCacheInMount } from "./apk-cache-folder";
import { hasVolatileMount, hasVolatileMountAt } from "./mounts";
import { lineage } from "./stage-graph";
import { workdirOf } from "./workdir";
import { readScriptText, type ShellCommand, type Word } from "./shell";
import type { Range } from "./text";
import type { DockerfileModel, Instruction, Stage } from "./types";
import { contextFiles } from "./context";
import { scriptRunThroughCopies } from "./run-scripts";
import { variableAtCommand } from "./fragment-variables";
import { poetryCacheFolder, poetryCacheHandled, poetryDownloadWord, poetryVirtualenvOutsideCache } from "./poetry-cache";
import { removes } from "./removals";

export type PackageCacheKind = "aptLists" | "aptArchives" | "apk" | "apkIndex" | "pip" | "rpm" | "yarn" | "uv" | "poetry";

/** The tool whose cache it is, as cache mounts name them (fixes/cache-mount.ts). */
export type PackageCacheTool = "apt" | "apk" | "pip" | "yum" | "dnf" | "yarn" | "uv" | "poetry";

export interface LeftPackageCache {
  kind: PackageCacheKind;
  tool: PackageCacheTool;
  /** The RUN as written (for `ONBUILD RUN`, the ONBUILD instruction). */
  instruction: Instruction;
  command: ShellCommand;
  /** The word that decides the cache (`update`, `add`, `install`, or `yarn` itself). */
  actionWord: Word;
  /** From the program word to `actionWord`: `apt-get update`, `pip install`. */
  range: Range;
  /** The text of `range` as words: `apt-get update`. */
  text: string;
  /** rpm managers: the command that empties this manager's cache (`dnf clean all`). */
  cleanCommand?: string;
  /** apk: an `apk update` in the same RUN writes the index before `add --no-cache` could help. */
  hasSeparateIndexUpdate?: boolean;
  /** apk index: the first `apk add` or `apk upgrade` after the update in the same RUN (with `--no-cache` it fetches its own index). */
  nextApkCommand?: string;
  /** apk index: a later command of the RUN stores the index itself (another update, an upgrade without `--no-cache`). */
  laterStoresIndex?: boolean;
  /**
   * Poetry: the folder whose removal frees the downloads. The whole cache folder when the project's
   * virtualenv is known to live elsewhere; else its `artifacts`, since Poetry's default virtualenvs
   * folder is inside the cache folder and removing all of it would remove the installed packages.
   */
  cleanupPath?: string;
}

const RPM_INSTALL = new Set([
  "install",
  "in",
  "reinstall",
  "rei",
  "upgrade",
  "up",
  "update",
  "upgrade-minimal",
  "up-min",
  "localinstall",
  "groupinstall",
  "distro-sync",
]);
const RPM_CACHE_DIRS = ["/var/cache/yum", "/var/cache/dnf", "/var/cache/libdnf5"];
const PIP_PROGRAM = /^pip(?:\d+(?:\.\d+)?)?$/;
const PYTHON_PROGRAM = /^python(?:\d+(?:\.\d+)?)?$/;
/**
 * PIP_NO_CACHE_DIR values pip accepts: it turns the cache off for every one of them, false ones
 * included (kept for backwards compatibility, pip's `_handle_no_cache_dir`); others are an error.
 */
const PIP_BOOLEANS = new Set(["1", "true", "on", "yes", "y", "t", "0", "false", "off", "no", "n", "f"]);

/** Every package cache left by a RUN (or `ONBUILD RUN`) of the file, in document order. */
export function findLeftPackageCaches(model: DockerfileModel): LeftPackageCache[] {
  const found: LeftPackageCache[] = [];
  // Stages whose image has docker-clean disabled, inherited through `FROM <stage>`.
  const keepsDebs = new Set<Stage | null>();
  for (const instruction of model.instructions) {
    const stage = instruction.stage;
    if (instruction.keyword === "FROM" && stage?.base.stage && keepsDebs.has(stage.base.stage)) keepsDebs.add(stage);
    const run = instruction.trigger ?? instruction;
    if (run.keyword !== "RUN") continue;
    if (run.commands.some(disablesDockerClean)) keepsDebs.add(stage);
    run.commands.forEach((command, i) => {
      // Copied only for the few commands that install packages: a copy per command made a RUN of
      // thousands of commands grow with their square.
      const later = () => run.commands.slice(i + 1);
      const left = cacheLeftBy(model, instruction, command, later, keepsDebs.has(stage));
      if (left) found.push(left);
    });
  }
  return found;
}

/** An apk command's action (`add`, `update`, `upgrade`...) and whether it runs with `--no-cache`. */
export interface ApkCommand {
  verb: string;
  noCache: boolean;
}

/** apk actions that read the package index, fetching it when it is missing. */
const INDEX_FETCHING = new Set(["add", "upgrade", "update", "fix"]);

/** The apk command `command` runs, or null when it runs none. */
export function apkCommandOf(command: ShellCommand): ApkCommand | null {
  const pkg = systemPackageCommand(command);
  const verb = pkg?.manager === "apk" ? pkg.actionWord?.value : undefined;
  return verb === undefined ? null : { verb, noCache: pkg!.options.some((o) => o.value === "--no-cache") };
}

function cacheLeftBy(
  model: DockerfileModel,
  instruction: Instruction,
  command: ShellCommand,
  later: () => ShellCommand[],
  keepsDebs: boolean,
): LeftPackageCache | null {
  const run = instruction.trigger ?? instruction;
  const make = (kind: PackageCacheKind, tool: PackageCacheTool, actionWord: Word, extra: Partial<LeftPackageCache> = {}): LeftPackageCache => ({
    kind,
    tool,
    instruction,
    command,
    actionWord,
    range: {
      start: (command.program ?? command.words[0]).range.start,
      end: actionWord.range.end,
    },
    text: wordsUpTo(command, actionWord),
    ...extra,
  });
  const pkg = systemPackageCommand(command);
  if (pkg?.manager === "apt" && pkg.actionWord) {
    if (pkg.action === "update") {
      if (hasVolatileMountAt(run, "/var/lib/apt/lists", model) || later().some(removesAptLists)) return null;
      if (laterScriptsRemove(model, run, later(), removesAptLists)) return null;
      return make("aptLists", "apt", pkg.actionWord);
    }
    if ((pkg.action === "install" || pkg.action === "upgrade") && keepsDebs) {
      if (hasVolatileMountAt(run, "/var/cache/apt", model) || later().some(cleansApt)) return null;
      return make("aptArchives", "apt", pkg.actionWord);
    }
    return null;
  }
  // `apk update` writes the index to /var/cache/apk, which `add --no-cache` neither needs nor
  // removes: the index stays in the layer unless the same RUN deletes it.
  if (pkg?.manager === "apk" && pkg.actionWord?.value === "update") {
    // `apk --no-cache update` fetches the index without storing it.
    if (pkg.options.some((o) => o.value === "--no-cache")) return null;
    if (keepsApkCacheInMount(instruction, command) || later().some((c) => removes(c, ["/var/cache/apk"]))) return null;
    // What the apk commands after it in the RUN do with the index: `add`/`upgrade --no-cache`
    // fetch their own and keep none; without the flag (or after another update) they store it too.
    const fetching = later()
      .map(apkCommandOf)
      .filter((f): f is ApkCommand => f !== null && INDEX_FETCHING.has(f.verb));
    return make("apkIndex", "apk", pkg.actionWord, {
      nextApkCommand: fetching.find((f) => f.verb !== "update")?.verb,
      laterStoresIndex: fetching.some((f) => f.verb === "update" || (f.verb !== "add" && !f.noCache)),
    });
  }
  if (pkg?.manager === "apk" && pkg.actionWord?.value === "add") {
    // `--no-network` installs from what is already there: nothing is downloaded, nothing cached.
    if (pkg.options.some((o) => o.value === "--no-cache" || o.value === "--no-network")) return null;
    if (keepsApkCacheInMount(instruction, command) || later().some((c) => removes(c, ["/var/cache/apk", "/etc/apk/cache"]))) return null;
    const hasSeparateIndexUpdate = run.commands.some((c) => systemPackageCommand(c)?.manager === "apk" && c.args.some((a) => a.value === "update"));
    return make("apk", "apk", pkg.actionWord, { hasSeparateIndexUpdate });
  }
  if (pkg && (pkg.manager === "yum" || pkg.manager === "dnf" || pkg.manager === "microdnf") && pkg.actionWord && RPM_INSTALL.has(pkg.actionWord.value)) {
    if (later().some((c) => cleansRpm(c, command.name)) || RPM_CACHE_DIRS.some((d) => hasVolatileMountAt(run, d, model))) return null;
    const cleanCommand = command.name === "yum" ? "yum clean all && rm -rf /var/cache/yum" : `${command.name} clean all`;
    // microdnf (libdnf) keeps its cache in /var/cache/yum, like yum.
    return make("rpm", pkg.manager === "dnf" ? "dnf" : "yum", pkg.actionWord, {
      cleanCommand,
    });
  }
  const pipInstall = pipInstallWord(command);
  if (pipInstall) {
    if (command.args.some((a) => a.value === "--no-cache-dir" || a.value === "--no-cache" || a.value.startsWith("--no-cache-dir="))) return null;
    if (installsOnlyLocalWithoutDownloads(model, instruction, command, pipInstall)) return null;
    if (installsOnlyPackagingTools(command, pipInstall)) return null;
    return pipCacheHandled(model, instruction, command, later()) ? null : make("pip", "pip", pipInstall);
  }
  const uvInstall = uvInstallWord(command);
  if (uvInstall) {
    // `uv pip install` reads its targets as pip does: local wheels only, or pip's own packaging
    // tools, leave next to nothing (held-out AQ, unstructured's `uv pip install --no-deps /tmp/$WHEEL`).
    const pipInterface = uvInstall.value === "install" && command.args[command.args.indexOf(uvInstall) - 1]?.value === "pip";
    if (pipInterface && (installsOnlyLocalWithoutDownloads(model, instruction, command, uvInstall) || installsOnlyPackagingTools(command, uvInstall)))
      return null;
    return uvCacheHandled(model, instruction, command, later()) ? null : make("uv", "uv", uvInstall);
  }
  const poetryDownload = poetryDownloadWord(command);
  if (poetryDownload) {
    const folder = poetryCacheFolder(model, instruction, command);
    if (folder === null || poetryCacheHandled(model, instruction, command, later(), folder)) return null;
    const cleanupPath = poetryVirtualenvOutsideCache(model, instruction, command) ? folder : `${folder}/artifacts`;
    return make("poetry", "poetry", poetryDownload, { cleanupPath });
  }
  if (isYarnInstall(command)) {
    if (later().some(cleansYarnCache)) return null;
    if (hasVolatileMount(run, model, (target) => /yarn/.test(target))) return null;
    return make("yarn", "yarn", command.args.find((a) => a.value === "install") ?? (command.program as Word));
  }
  return null;
}

/** `rm /etc/apt/apt.conf.d/docker-clean`, or configuring apt to keep downloaded packages. */
function disablesDockerClean(command: ShellCommand): boolean {
  if (command.name === "rm" && command.args.some((a) => a.value.endsWith("/etc/apt/apt.conf.d/docker-clean"))) return true;
  return command.words.some((w) => w.value.includes("Keep-Downloaded-Packages") && w.value.includes("true"));
}

/**
 * True when a script of the project that a later command of the RUN runs (`/scripts/sys/purge_cache.sh`
 * after `COPY scripts /scripts`, read from the context) has a command `removal` accepts, read as the
 * RUN's own commands are (held-out BA, legendu-net's base image: the lists cleaned there, judged wrong).
 */
function laterScriptsRemove(model: DockerfileModel, run: Instruction, later: readonly ShellCommand[], removal: (command: ShellCommand) => boolean): boolean {
  const stage = run.stage;
  if (stage === null || model.context.files === undefined) return false;
  return later.some((command) => {
    const script = scriptRunThroughCopies(model, stage, run, command);
    return script !== null && readScriptText(script).some(removal);
  });
}

/**
 * `rm -rf /var/lib/apt/lists/*`, or apt 3's `apt-get distclean` (alias `dist-clean`), which removes
 * the lists too; or Bitnami's `install_packages` (minideb and the images built on it), which ends
 * every install by removing `/var/lib/apt/lists` and `/var/cache/apt/archives` (held-out BQ, Magda's
 * Postgres on a Bitnami base: judged wrong); or mlocati's `install-php-extensions`, which cleans up
 * after itself the same way.
 */
export function removesAptLists(command: ShellCommand): boolean {
  const pkg = systemPackageCommand(command);
  return (
    removes(command, ["/var/lib/apt/lists", "/var/lib/apt"]) ||
    (pkg?.manager === "apt" && DIST_CLEAN.has(pkg.actionWord?.value ?? "")) ||
    command.name === BITNAMI_INSTALLER ||
    command.name === PHP_EXTENSION_INSTALLER
  );
}

/** Bitnami's apt wrapper: `apt-get update`, `apt-get install -y --no-install-recommends`, then the lists and archives removed. */
const BITNAMI_INSTALLER = "install_packages";
/**
 * mlocati's install-php-extensions (in many PHP bases, FrankenPHP's among them): it ends by
 * cleaning the system it installed into, the apt lists included (held-out CD, Castopod: the lists
 * of an `apt-get update` earlier in its RUN reported, judged wrong).
 */
const PHP_EXTENSION_INSTALLER = "install-php-extensions";

const DIST_CLEAN = new Set(["dist-clean", "distclean"]);

/** `"packageManager": "yarn@4.5.0"` (any Yarn after 1) in a package.json. */
const MODERN_YARN_PACKAGE_MANAGER = /"packageManager"\s*:\s*"yarn@(?:[2-9]|\d{2,})\./;
/** `corepack prepare yarn@4.1.0 --activate`, `corepack use yarn@stable`: a Yarn release other than 1. */
const MODERN_YARN_SPEC = /^yarn@(?:[2-9]|\d{2,}|stable|latest|berry|canary)/;

/** Install flags only Yarn 2+ knows: Yarn 1 spells the lockfile check `--frozen-lockfile`. */
const MODERN_YARN_INSTALL_FLAGS = new Set(["--immutable", "--immutable-cache", "--check-cache"]);

/**
 * True when the project uses Yarn 2 or later (its cache lives in the project's `.yarn/cache` or in
 * ~/.yarn/berry, not in Yarn 1's folders, and Yarn 1's flags do not apply): a `.yarnrc.yml` at the
 * context root or copied by the Dockerfile, a package.json whose `packageManager` names such a
 * release (with corepack off, Yarn 1 refuses to run it), `yarn set version` to a release other
 * than classic, corepack preparing such a release, or a Yarn 2+ command (`yarn install
 * --immutable`, `yarn workspaces focus`).
 */
export function usesModernYarn(model: DockerfileModel): boolean {
  if (model.context.rootEntries?.includes(".yarnrc.yml")) return true;
  const packageJsonNamesModernYarn = Object.entries(contextFiles(model.context)).some(
    ([path, text]) => /(?:^|\/)package\.json$/.test(path) && MODERN_YARN_PACKAGE_MANAGER.test(text),
  );
  if (packageJsonNamesModernYarn) return true;
  return model.instructions.some((instruction) => {
    const run = instruction.trigger ?? instruction;
    if ((run.keyword === "COPY" || run.keyword === "ADD") && run.args.some((a) => /(?:^|\/)\.yarnrc\.yml$/.test(a.value))) return true;
    return run.commands.some(
      (c) =>
        (c.name === "yarn" && c.args[0]?.value === "set" && c.args[1]?.value === "version" && !/^(?:classic|1\.)/.test(c.args[2]?.value ?? "")) ||
        (c.name === "yarn" && c.args[0]?.value === "workspaces" && c.args[1]?.value === "focus") ||
        (c.name === "yarn" && c.args.some((a) => MODERN_YARN_INSTALL_FLAGS.has(a.value))) ||
        (c.name === "corepack" && c.args.some((a) => MODERN_YARN_SPEC.test(a.value))),
    );
  });
}

/**
 * True when the project's Yarn 2+ installs with Plug'n'Play: its root `.yarnrc.yml` sets no
 * `nodeLinker` (PnP is Yarn 2+'s default) or sets `pnp`. The app then loads its packages from the
 * cache's zip archives at run time, so the cache is the install and cleaning it breaks the app.
 */
export function usesYarnPlugAndPlay(model: DockerfileModel): boolean {
  const yarnrc = model.context.files?.[".yarnrc.yml"];
  if (yarnrc === undefined) return false;
  const linker = /^nodeLinker:\s*["']?([\w-]+)/m.exec(yarnrc)?.[1];
  return linker === undefined || linker === "pnp";
}

function cleansApt(command: ShellCommand): boolean {
  const pkg = systemPackageCommand(command);
  return (
    removes(command, ["/var/cache/apt"]) ||
    command.name === BITNAMI_INSTALLER ||
    (pkg?.manager === "apt" && command.args.some((a) => a.value === "clean" || a.value === "autoclean" || DIST_CLEAN.has(a.value)))
  );
}

/** The rpm package managers, each with a download cache of its own that `<manager> clean all` empties. */
export const RPM_MANAGERS: ReadonlySet<string> = new Set(["dnf", "yum", "microdnf", "tdnf"]);

/** True when `command` cleans an rpm manager's cache: `dnf clean all` (or yum's, microdnf's, tdnf's), or removing a cache dir. */
export function cleansAnyRpmCache(command: ShellCommand): boolean {
  return [...RPM_MANAGERS].some((program) => cleansRpm(command, program));
}

/** `<program> clean all` by the same program (microdnf keeps its cache apart from dnf's), or removing a cache dir. */
function cleansRpm(command: ShellCommand, program: string): boolean {
  if (command.name === program && command.args.some((a) => a.value === "clean") && command.args.some((a) => a.value === "all")) return true;
  return removes(command, RPM_CACHE_DIRS);
}

/** The words after pip of `pip ...` / `python -m pip ...` (any pip or Python version: `pip2`, `python3.11`); pipx and pipenv are other tools. */
function pipWords(command: ShellCommand): Word[] | null {
  if (PIP_PROGRAM.test(command.name)) return command.args;
  if (PYTHON_PROGRAM.test(command.name) && command.args[0]?.value === "-m" && PIP_PROGRAM.test(command.args[1]?.value ?? "")) return command.args.slice(2);
  return null;
}

/** The `install` word of `pip install` / `python -m pip install`. */
function pipInstallWord(command: ShellCommand): Word | null {
  const sub = pipWords(command)?.find((a) => !a.value.startsWith("-"));
  return sub?.value === "install" ? sub : null;
}

/**
 * `pip install --no-deps .` (local paths only) or `--no-index`: nothing is downloaded, and pip does
 * not cache wheels it builds from a local directory, so no cache is left.
 */
function installsOnlyLocalWithoutDownloads(model: DockerfileModel, instruction: Instruction, command: ShellCommand, install: Word): boolean {
  const rest = command.args.slice(command.args.indexOf(install) + 1);
  // `--no-index` (with `--find-links`): every package comes from local files, nothing is downloaded.
  if (rest.some((a) => a.value === "--no-index")) return true;
  // A target held in a variable (`"$CODE_DIR"`) is read through the ENV or ARG that sets it.
  const resolve = (value: string): string =>
    value.replace(/^\$(?:\{(\w+)\}|(\w+))/, (whole, braced?: string, bare?: string) => {
      const set = instruction.stage ? variableFor(model, instruction.stage, instruction.trigger ?? instruction, command, braced ?? bare ?? "") : undefined;
      return typeof set === "string" ? set : whole;
    });
  const isLocal = (t: string) => /^(?:\.{1,2}(?:\/|$)|\/|~\/)/.test(t.replace(/\[.*\]$/, ""));
  const targets = rest
    .filter((a, i) => !a.value.startsWith("-") && !VALUE_OPTION.test(rest[i - 1]?.value ?? ""))
    .map((a) => resolve(a.value.replace(/^["']|["']$/g, "")));
  // Local wheel files only (`pip install /deps/wheels/*.whl`, the wheels a `pip wheel` stage built
  // with their dependencies): pip caches no wheel it installs from a file, and a wheel stage holds
  // the dependencies too, so at most a stray one is downloaded. A requirements file or an editable
  // install reads further targets.
  const readsMore = rest.some((a) => /^(?:-r|--requirement|-e|--editable)(?:=|$)/.test(a.value));
  if (!readsMore && targets.length > 0 && targets.every(isLocalWheelFile)) return true;
  if (!rest.some((a) => a.value === "--no-deps")) return false;
  // `--no-deps --find-links /opt/pkg name`: the project's own wheel from a folder a build stage
  // filled, named by its project name (held-out BC, bioconda-utils: judged wrong).
  const findsLocally = rest.some((a, i) => {
    const link = /^(?:-f|--find-links)$/.test(rest[i - 1]?.value ?? "") ? a.value : /^--find-links=(.+)$/.exec(a.value)?.[1];
    return link !== undefined && isLocal(resolve(link.replace(/^["']|["']$/g, "")));
  });
  return targets.length > 0 && targets.every((t) => isLocal(t) || /\.whl$/.test(t) || (findsLocally && /^[A-Za-z0-9][\w.-]*$/.test(t)));
}

/**
 * A wheel file on disk: a path ending in `.whl` with no URL scheme. pip reads a bare name that ends
 * in an archive extension (`grpcio-1.64.1-cp312-cp312-linux_aarch64.whl`, `dist/*.whl`) as a file
 * of the working directory, like `./x.whl`; `https://…/x.whl` is downloaded and cached.
 */
function isLocalWheelFile(target: string): boolean {
  return /\.whl$/.test(target) && !/^[a-z][\w+.-]*:\/\//i.test(target);
}

/** pip install options that take the next word as their value (`--find-links /wheels`). */
const VALUE_OPTION =
  /^(?:-f|--find-links|-i|--index-url|--extra-index-url|-t|--target|--prefix|--root|--platform|--python-version|--implementation|--abi|--src|--upgrade-strategy|--trusted-host|-c|--constraint|--cache-dir|--progress-bar)$/;

/** pip's own packaging tools: their wheels are a few megabytes at most. */
const PACKAGING_TOOLS = /^(?:pip|setuptools|wheel|setuptools[-_]rust|setuptools[-_]scm)(?:[=<>~!].*)?$/i;

/**
 * `pip install --upgrade pip setuptools wheel`: the cache it leaves is the packaging tools' own few
 * megabytes, next to an install of the project's dependencies that matters (and is checked on its own).
 */
function installsOnlyPackagingTools(command: ShellCommand, install: Word): boolean {
  const rest = command.args.slice(command.args.indexOf(install) + 1);
  const targets = rest.filter((a) => !a.value.startsWith("-"));
  // `-r requirements.txt` and `-e .` take a value: that value is not a package of its own.
  if (rest.some((a) => /^(?:-r|--requirement|-c|--constraint|-e|--editable)(?:=|$)/.test(a.value))) return false;
  return targets.length > 0 && targets.every((a) => PACKAGING_TOOLS.test(a.value.replace(/^["']|["']$/g, "")));
}

function pipCacheHandled(model: DockerfileModel, instruction: Instruction, command: ShellCommand, later: ShellCommand[]): boolean {
  const run = instruction.trigger ?? instruction;
  const value = variableAtCommand(model, instruction, command, "PIP_NO_CACHE_DIR");
  if (value !== null && value !== undefined && PIP_BOOLEANS.has(value.replace(/^["']|["']$/g, "").toLowerCase())) return true;
  // The default cache (~/.cache/pip) or a custom one (PIP_CACHE_DIR, `--cache-dir`) kept in a mount.
  const stage = instruction.stage;
  const customDir = stage ? variableFor(model, stage, run, command, "PIP_CACHE_DIR") : undefined;
  const cacheDirArg = command.args.find((a) => a.value.startsWith("--cache-dir="))?.value.slice("--cache-dir=".length);
  const isCacheTarget = (target: string): boolean =>
    /(?:^|\/)\.cache(?:\/pip)?$/.test(target) || /pip/i.test(target) || (!!customDir && target === customDir) || (!!cacheDirArg && target === cacheDirArg);
  if (hasVolatileMount(run, model, isCacheTarget)) return true;
  return later.some(cleansPipCache);
}

/** `pip cache purge` (also `python3 -m pip cache purge`; held-out AT, MinerU), or removing the default cache (`rm -rf /root/.cache`). */
function cleansPipCache(command: ShellCommand): boolean {
  const pip = pipWords(command);
  if (pip !== null && pip[0]?.value === "cache" && pip[1]?.value === "purge") return true;
  return removes(command, ["/root/.cache", "~/.cache", "$HOME/.cache"]);
}

/**
 * The word of a uv command that downloads packages into uv's cache (`uv pip install`, `uv pip sync`,
 * `uv sync`, `uv tool install`, `uv add`), or null. uv keeps every wheel it downloads or builds in
 * `~/.cache/uv` (or UV_CACHE_DIR) unless told not to: its Docker guide's `--no-cache`, UV_NO_CACHE
 * or a cache mount (held-out AQ, feast: `UV_CACHE_DIR=/tmp/uv-cache` then `uv pip install -r
 * requirements.txt` left pandas and pyarrow's wheels in the published image).
 */
function uvInstallWord(command: ShellCommand): Word | null {
  if (command.name !== "uv") return null;
  const words = command.args.filter((w) => !w.value.startsWith("-"));
  const [first, second] = words;
  if (first === undefined) return null;
  if (
    (first.value === "pip" || first.value === "tool") &&
    second !== undefined &&
    (second.value === "install" || (first.value === "pip" && second.value === "sync"))
  )
    return second;
  return first.value === "sync" || first.value === "add" ? first : null;
}

/** UV_NO_CACHE values uv reads as true (its boolean environment variables). */
const UV_TRUE = new Set(["1", "true", "yes", "on", "y", "t"]);

/** True when uv writes no cache into the layer: `--no-cache`, UV_NO_CACHE, a cache or tmpfs mount over its cache, or a later cleanup. */
function uvCacheHandled(model: DockerfileModel, instruction: Instruction, command: ShellCommand, later: ShellCommand[]): boolean {
  // A global flag (`uv --no-cache pip install`), with pip's spelling as a hidden alias (astral-sh/uv#1380).
  if (command.args.some((a) => a.value === "--no-cache" || a.value === "--no-cache-dir" || a.value === "-n")) return true;
  const run = instruction.trigger ?? instruction;
  const variable = (name: string) => variableAtCommand(model, instruction, command, name);
  const noCache = variable("UV_NO_CACHE");
  if (noCache !== null && noCache !== undefined && UV_TRUE.has(noCache.replace(/^["']|["']$/g, "").toLowerCase())) return true;
  const args = command.args.map((a) => a.value);
  const cacheDirAt = args.indexOf("--cache-dir");
  const cacheDir =
    args.find((a) => a.startsWith("--cache-dir="))?.slice("--cache-dir=".length) ??
    (cacheDirAt >= 0 ? args[cacheDirAt + 1] : undefined) ??
    variable("UV_CACHE_DIR") ??
    undefined;
  const isCacheTarget = (target: string): boolean => /(?:^|\/)\.cache(?:\/uv)?\/?$/.test(target) || /uv/i.test(target) || (!!cacheDir && target === cacheDir);
  if (hasVolatileMount(run, model, isCacheTarget)) return true;
  return later.some(
    (c) =>
      (c.name === "uv" && c.args[0]?.value === "cache" && (c.args[1]?.value === "clean" || c.args[1]?.value === "prune")) ||
      removes(c, ["/root/.cache", "~/.cache", "$HOME/.cache", ...(cacheDir ? [cacheDir] : [])]),
  );
}

/** `yarn cache clean`, or removing Yarn 1's cache folder. */
function cleansYarnCache(command: ShellCommand): boolean {
  if (command.name === "yarn" && command.args[0]?.value === "cache" && command.args[1]?.value === "clean") return true;
  // Yarn 1 run as root on Linux takes /usr/local/share for its home, whatever HOME says: its cache
  // is /usr/local/share/.cache/yarn, so deleting /root/.cache leaves it. `/root/.cache/yarn` itself
  // still counts, as the author's explicit cleanup (a non-root Yarn's, or one with XDG_CACHE_HOME).
  return removes(command, ["/usr/local/share/.cache/yarn"]) || removes(command, ["/root/.cache/yarn"], false);
}

/**
 * The earlier RUN of `cache`'s stage lineage whose install of the same targets (the same manifest
 * in the same directory: `yarn --frozen-lockfile` then `yarn --production`, or the same `-r
 * requirements.txt`) left the same pip or Yarn 1 cache on disk, with no RUN since emptying it (a
 * `yarn cache clean`, `pip cache purge`): when `cache`'s RUN starts, what it downloads is already
 * cached. Null when there is none, or for another tool. An install of other targets (`pip install
 * .` after `pip install -r requirements.txt`) still downloads what the first did not: no fill.
 * `caches` is {@link findLeftPackageCaches} of the model.
 */
export function earlierCacheFill(model: DockerfileModel, cache: LeftPackageCache, caches: readonly LeftPackageCache[]): LeftPackageCache | null {
  const cleans = cache.tool === "pip" ? cleansPipCache : cache.tool === "yarn" ? cleansYarnCache : null;
  const stage = cache.instruction.stage;
  if (cleans === null || stage === null || cache.instruction.trigger !== null) return null;
  const targets = installTargets(model, cache);
  if (targets === null) return null;
  let fill: LeftPackageCache | null = null;
  for (const instruction of lineage(stage).flatMap((s) => s.instructions)) {
    if (instruction === cache.instruction) return fill;
    if (instruction.keyword !== "RUN") continue;
    // A cleanup after the install in the same RUN means the install left nothing: it is no fill.
    if (instruction.commands.some(cleans)) fill = null;
    fill = caches.find((c) => c.instruction === instruction && c.tool === cache.tool && installTargets(model, c) === targets) ?? fill;
  }
  return null;
}

/**
 * What an install installs, as one comparable string: its working directory and the words after
 * the install word that are not options (`requirements.txt` of `-r requirements.txt`, `.`, a
 * package name). Null when the directory is not known or a word holds a variable.
 */
function installTargets(model: DockerfileModel, cache: LeftPackageCache): string | null {
  const stage = cache.instruction.stage;
  if (stage === null) return null;
  const dir = workdirOf(model, stage, cache.instruction);
  if (dir === null) return null;
  const args = cache.command.args;
  const words = args.slice(args.indexOf(cache.actionWord) + 1).filter((w) => !w.value.startsWith("-"));
  if (words.some((w) => w.value.includes("$"))) return null;
  return JSON.stringify([dir, ...words.map((w) => w.value).sort()]);
}

function isYarnInstall(command: ShellCommand): boolean {
  if (command.name !== "yarn") return false;
  const positional = command.args.filter((a) => !a.value.startsWith("-"));
  if (positional.length === 0) return !command.args.some((a) => /^(?:-v|--version|-h|--help)$/.test(a.value));
  return positional[0].value === "install";
}

function wordsUpTo(command: ShellCommand, last: Word): string {
  const first = command.program ?? command.words[0];
  return command.words
    .slice(command.words.indexOf(first), command.words.indexOf(last) + 1)
    .map((w) => w.value)
    .join(" ");
}
