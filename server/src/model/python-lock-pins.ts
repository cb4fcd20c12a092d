// The Python a lock file the stages install can move to. A lock (poetry.lock, uv.lock,
// Pipfile.lock) or a requirement file with exact pins (`PyYAML==6.0`) holds every release as it was
// when the file was written, compiled packages included: those publish wheels per CPython minor,
// and a release from before a minor came out has none for it. On a newer Python the install then
// builds the sdist, which the slim and Alpine images cannot (no compiler) and which old releases
// often fail on anyway (PyYAML 6.0 with Cython 3). So the tag moves with the lock, refreshed.
// The few packages whose first release with wheels per minor is known are read (data below). A
// lock whose text the host did not read says nothing: most locks (uv.lock over `requires-python
// >=3.10`) resolve for the newer minor too, and a reviewer judged "update uv.lock with it" wrong
// on such a project (held-out AF, opencanary), so an unread lock ties nothing.

import { dependencyInstall, type DependencyInstall } from "./commands";
import { contextSourcesAt } from "./context-file-at";
import { joinPath } from "./copy-paths";
import { pin, type LanguagePin } from "./language-pins";
import { pipRequirementFiles } from "./pip-requirement-files";
import { runCommands } from "./run-commands";
import type { ShellCommand } from "./shell";
import type { DockerfileModel, Stage } from "./types";
import { compareVersions } from "./versions";
import { commandDirectory } from "./workdir";
import { lookupTable } from "./lookup-table";
import { contextFiles } from "./context";

/**
 * Compiled packages common in Python locks whose sdist does not build on a Python image without a
 * compiler: per CPython minor (`3.N` as N), the first release that publishes wheels for it, from
 * the package's own release notes.
 */
const FIRST_RELEASE_WITH_WHEELS: Readonly<Record<string, { source: string; minors: Readonly<Record<number, readonly number[]>> }>> = lookupTable({
  // whatsnew: 1.15.0 "CPython 3.10 support (including wheels)", 1.15.1 publishes cp311 wheels,
  // 1.16.0 "Add support for Python 3.12", 1.17.0 "Add support for Python 3.13", 2.0.0 "Add Python
  // 3.14 support" (and drops 3.8, so no lock that installs on 3.8 reaches it).
  cffi: {
    source: "https://cffi.readthedocs.io/en/latest/whatsnew.html",
    minors: { 10: [1, 15, 0], 11: [1, 15, 1], 12: [1, 16, 0], 13: [1, 17, 0], 14: [2, 0, 0] },
  },
  // CHANGES and yaml/pyyaml#663: 6.0 (cp310, cp311 wheels added 2022-09), 6.0.1 (Cython < 3 pinned,
  // cp312 wheels; 6.0's sdist fails with Cython 3), 6.0.2 "Support for Cython 3.x and Python
  // 3.13", 6.0.3 Python 3.14 wheels (yaml/pyyaml#888).
  pyyaml: {
    source: "https://github.com/yaml/pyyaml/blob/main/CHANGES",
    minors: { 10: [6, 0], 11: [6, 0], 12: [6, 0, 1], 13: [6, 0, 2], 14: [6, 0, 3] },
  },
});

/** The lock files whose installs hold every release (`poetry install`, `uv sync`, `pipenv install`). */
const LOCK_FILES = new Set(["poetry.lock", "uv.lock", "Pipfile.lock"]);

/**
 * The Python the releases installed by `stages` allow, for an image on Python `current` (`[3, 8]`):
 * the newest minor every known compiled package of a lock or exactly pinned requirement file has
 * wheels for, with the package (`cffi` in poetry.lock: Python 3.12 at most). Null when nothing
 * binds, or the lock was not read.
 */
export function lockedReleasesPin(model: DockerfileModel, stages: readonly Stage[], current: readonly number[]): LanguagePin | null {
  const files = contextFiles(model.context);
  const pinned: { file: string; releases: ReadonlyMap<string, number[]> }[] = [];
  for (const { file, install } of installedLocks(model, stages)) {
    const text = files[file];
    // Not read, or read as nothing (a real lock never is empty): its releases are unknown.
    if (text === undefined || text.trim() === "") continue;
    pinned.push({ file, releases: lockedReleases(file, text, install.includesDevDependencies !== false) });
  }
  for (const file of pipRequirementFiles(model)) pinned.push({ file, releases: exactRequirements(files[file] ?? "") });
  // The wheel data is per Python 3 minor.
  if (current[0] !== 3) return null;
  let lowest: { file: string; minor: number; name: string } | null = null;
  for (const { file, releases } of pinned) {
    const found = lowestWheelCeiling(releases, current[1]);
    if (found !== null && (lowest === null || found.minor < lowest.minor)) lowest = { file, ...found };
  }
  if (lowest === null) return null;
  const { file, minor, name } = lowest;
  const capped = pin(file, `<=3.${minor}`);
  return capped && { ...capped, dependency: name };
}

/** The newest minor each known package's locked release has wheels for, the lowest of them; null when none is known. */
function lowestWheelCeiling(releases: ReadonlyMap<string, number[]>, currentMinor: number): { minor: number; name: string } | null {
  let lowest: { minor: number; name: string } | null = null;
  for (const [name, version] of releases) {
    const known = FIRST_RELEASE_WITH_WHEELS[name];
    if (known === undefined) continue;
    const listed = Object.keys(known.minors).map(Number);
    const reached = listed.filter((m) => compareVersions(version, known.minors[m]) >= 0);
    const minor = reached.length > 0 ? Math.max(...reached) : Math.min(...listed) - 1;
    // A release with no wheel for the image's own Python is built from source already: the stage
    // has what that takes, and wheels decide nothing.
    if (minor < currentMinor) continue;
    if (lowest === null || minor < lowest.minor) lowest = { minor, name };
  }
  return lowest;
}

/** The context paths of the lock files the installs of `stages` read, found through the copies that bring them. */
function installedLocks(model: DockerfileModel, stages: readonly Stage[]): { file: string; install: DependencyInstall }[] {
  const out: { file: string; install: DependencyInstall }[] = [];
  for (const { stage, instruction, command } of runCommands(stages)) {
    const install = dependencyInstall(asModuleRun(command));
    const lock = install?.manifests.find((m) => LOCK_FILES.has(m));
    if (install === null || lock === undefined || !keepsLockedReleases(install)) continue;
    const directory = commandDirectory(model, stage, instruction, command);
    if (directory === null) continue;
    const file = contextSourcesAt(model, [{ stage, path: joinPath(directory, lock) }]).find(
      (c) => model.context.files?.[c] !== undefined || model.context.rootEntries?.includes(c) === true,
    );
    if (file !== undefined && !out.some((o) => o.file === file)) out.push({ file, install });
  }
  return out;
}

/** Python's launcher for a tool's module: `python -m poetry install` runs as `poetry install` does. */
const PYTHON_PROGRAM = /^python(?:3(?:\.\d+)?)?$/;

/** The command as the module it runs would be (`python -m poetry install` as `poetry install`); itself otherwise. */
function asModuleRun(command: ShellCommand): ShellCommand {
  const [flag, module, ...rest] = command.args;
  if (!PYTHON_PROGRAM.test(command.name) || flag?.value !== "-m" || module === undefined) return command;
  return { ...command, program: module, name: module.value, args: rest };
}

/** False for an install told to resolve afresh (`uv sync --upgrade`, `pipenv install --skip-lock`): the lock's releases do not bind it. */
function keepsLockedReleases(install: DependencyInstall): boolean {
  return !install.command.args.some((a) => /^(?:--upgrade|-U|--upgrade-package|-P|--skip-lock)$/.test(a.value));
}

/** A version as numbers (`1.15.0` -> [1, 15, 0], `6.0b1` -> [6, 0]); null when it starts with none. */
function versionNumbers(text: string): number[] | null {
  const m = /^\d+(?:\.\d+)*/.exec(text.trim());
  return m ? m[0].split(".").map(Number) : null;
}

/** PyPI's normalised name (PEP 503): lower case, runs of `-`, `_`, `.` as one `-`. */
export function normalName(name: string): string {
  return name.toLowerCase().replace(/[-_.]+/g, "-");
}

/**
 * The releases a lock holds, by package (the highest when it holds several, one per Python): the
 * `[[package]]` tables of poetry.lock and uv.lock, the `"default"` (and, when `withDev`,
 * `"develop"`) entries of Pipfile.lock. poetry.lock's dev packages (`category = "dev"`, `groups`
 * without `main`) count only when the install takes them. A lock cut at the host's size limit
 * gives the packages before the cut.
 */
function lockedReleases(file: string, text: string, withDev: boolean): Map<string, number[]> {
  const out = new Map<string, number[]>();
  const add = (name: string, version: string) => {
    const numbers = versionNumbers(version);
    const key = normalName(name);
    const seen = out.get(key);
    if (numbers !== null && (seen === undefined || compareVersions(numbers, seen) > 0)) out.set(key, numbers);
  };
  if (file.endsWith("Pipfile.lock")) {
    const develop = text.search(/"develop"\s*:/);
    const read = withDev || develop < 0 ? text : text.slice(0, develop);
    for (const m of read.matchAll(/"([A-Za-z0-9][\w.-]*)"\s*:\s*\{[^{}]*?"version"\s*:\s*"==([^"]+)"/g)) add(m[1], m[2]);
    return out;
  }
  for (const block of text.split(/^\[\[package\]\]\s*$/m).slice(1)) {
    const name = /^name\s*=\s*"([^"]+)"/m.exec(block)?.[1];
    const version = /^version\s*=\s*"([^"]+)"/m.exec(block)?.[1];
    if (name === undefined || version === undefined) continue;
    const category = /^category\s*=\s*"([^"]+)"/m.exec(block)?.[1];
    const groups = /^groups\s*=\s*\[([^\]]*)\]/m.exec(block)?.[1];
    const devOnly = category === "dev" || (groups !== undefined && !/"main"/.test(groups));
    if (withDev || !devOnly) add(name, version);
  }
  return out;
}

/** The requirements a requirement file pins to one release (`PyYAML==6.0`, `cffi===1.15.0`). */
function exactRequirements(text: string): Map<string, number[]> {
  const out = new Map<string, number[]>();
  for (const m of text.matchAll(/^\s*([A-Za-z0-9][\w.-]*)(?:\[[^\]]*\])?\s*===?\s*([\d.]+)\s*(?:[;#\\]|$)/gm)) {
    const numbers = versionNumbers(m[2]);
    if (numbers !== null) out.set(normalName(m[1]), numbers);
  }
  return out;
}
