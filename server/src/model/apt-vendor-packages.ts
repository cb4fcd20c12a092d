// Where the packages of an apt install come from, and which package a name stands for where
// Debian's table alone would misread it: NodeSource's `nodejs` once the file has added
// NodeSource's repository (apt takes NodeSource's build, whose control fields are not Debian's),
// and a Python version's packages the table has no entry for (`python3.14-dev` from the deadsnakes
// PPA), built from the same packaging as the release's own Python. Any other repository the file
// adds (a PPA, a vendor's list) may serve a name of Debian's with fields of its own.

import { aptOperands, readAptOrAptGet } from "./apt-get";
import type { AptPackage } from "./apt-no-recommends";
import { commandsBefore } from "./run-instructions";
import type { ShellCommand } from "./shell";
import type { Instruction } from "./types";

/** NodeSource's repository, named by its setup script (`deb.nodesource.com/setup_20.x`), its key or a sources line. */
const NODESOURCE = /\bdeb\.nodesource\.com\b/;
/** The Node.js major of a setup script or repository path (`setup_10.x`, `node_20.x`); `node_$NODE_MAJOR.x` tells none. */
const NODESOURCE_MAJOR = /\bdeb\.nodesource\.com\/(?:setup|node)_(\d+)\.x\b/;
/**
 * The last Node.js major whose NodeSource packages depend on Python 2's `python-minimal` (or
 * `python2-minimal`), which recommends the Python 2.7 standard library (nodesource/distributions
 * #524, #1007, #1249): no Python 3 package brings that.
 */
const LAST_PYTHON2_MAJOR = 12;
/**
 * A package of Python 3 that depends on the interpreter (`python3`, `python3-dev`, `python3-pip`,
 * `python3.12-venv`); not the minimal packages, which only recommend it.
 */
const PYTHON3 = /^python3(?:\.\d+)?(?:-(?!minimal$)[a-z0-9.+-]+)?$/;
/** A Python version's package (`python3.14`, `python3.14-venv`, `libpython3.14-dev`) and the release's own package it reads as (`python3`, `python3-venv`, `libpython3-dev`). */
const VERSIONED_PYTHON = /^(lib)?python3\.\d+(-[a-z0-9.+-]+)?$/;
const REMOVAL = new Set(["purge", "remove", "autoremove"]);

/** What the commands before an install tell about where its packages come from. */
export interface AptSources {
  /** A package source besides the distribution's was added (a PPA, a vendor's repository): it may serve any name with control fields of its own. */
  readonly addsRepository: boolean;
  /** NodeSource's repository was added, and whether its `nodejs` depends on Python 2. */
  readonly nodeSource: { readonly pythonTwo: boolean } | null;
  /** An earlier install names a Python 3 package, and no removal of one came after it. */
  readonly namesPython3: boolean;
}

/** Programs that add a package source. */
const REPOSITORY_PROGRAMS = new Set(["add-apt-repository", "apt-add-repository", "extrepo"]);

/**
 * True when `command` adds a package source: add-apt-repository, a `deb https://…` line (echoed
 * into a list), a write into sources.list or sources.list.d, or NodeSource's setup script.
 */
function addsPackageSource(command: ShellCommand): boolean {
  if (REPOSITORY_PROGRAMS.has(command.name)) return true;
  const words = command.words.map((w) => w.value);
  return words.some(
    (v, i) =>
      /\/etc\/apt\/sources\.list/.test(v) ||
      /^deb\s+(?:\[|https?:)/.test(v) ||
      (v === "deb" && /^(?:\[|https?:)/.test(words[i + 1] ?? "")) ||
      NODESOURCE.test(v),
  );
}

/** The NodeSource repository command `command` adds (fetching its setup script or key, writing its sources line), or null. */
function nodeSourceAddedBy(command: ShellCommand): AptSources["nodeSource"] {
  const words = command.words.map((w) => w.value).filter((v) => NODESOURCE.test(v));
  if (words.length === 0) return null;
  const majors = words.flatMap((v) => NODESOURCE_MAJOR.exec(v)?.[1] ?? []).map(Number);
  return { pythonTwo: majors.length > 0 && majors.every((m) => m <= LAST_PYTHON2_MAJOR) };
}

/** Before any command: no repository added, no Python named. */
export const NO_APT_SOURCES: AptSources = { addsRepository: false, nodeSource: null, namesPython3: false };

/** What `before` becomes once `command` has run (for a walk over the commands in order). */
export function aptSourcesAfter(command: ShellCommand, before: AptSources): AptSources {
  const call = readAptOrAptGet(command);
  const sub = call?.subcommand?.value;
  const operands = call ? aptOperands(call).map((w) => w.value.replace(/[=:].*$/, "")) : [];
  // A removal that names a Python 3 package (`python3*` too) may take the interpreter.
  const namesPython3 =
    sub === "install" && operands.some((o) => PYTHON3.test(o))
      ? true
      : before.namesPython3 && !(sub !== undefined && REMOVAL.has(sub) && operands.some((o) => o.startsWith("python3")));
  return { addsRepository: before.addsRepository || addsPackageSource(command), nodeSource: nodeSourceAddedBy(command) ?? before.nodeSource, namesPython3 };
}

/** What the commands before command `index` of `run` (in its stage lineage, then earlier in the RUN) tell, see AptSources. */
export function aptSourcesBefore(run: Instruction, index: number): AptSources {
  let sources = NO_APT_SOURCES;
  for (const { command } of commandsBefore(run, index)) sources = aptSourcesAfter(command, sources);
  return sources;
}

/** The packages an install's names stand for, given what came before it. */
export function aptPackagesOf(names: readonly string[], sources: AptSources): AptPackage[] {
  return names.map((name) => {
    const bare = name.replace(/[=:].*$/, "");
    if (bare === "nodejs" && sources.nodeSource) return nodeSourceNodejs(name, sources);
    const python = VERSIONED_PYTHON.exec(bare);
    // A Python version the release does not ship (deadsnakes' python3.14 on Ubuntu 24.04) comes
    // from Debian's pythonX.Y packaging: the release's own python3 packages stand in.
    if (python) return { name, readAs: [`${python[1] ?? ""}python3${python[2] ?? ""}`] };
    return { name };
  });
}

/**
 * NodeSource's build of nodejs, which replaces Debian's: it has no Recommends of its own
 * (nodesource/distributions #524, #1492: `Depends: libc6, libgcc, libstdc++6, python3-minimal,
 * ca-certificates`; the nodistro packages name `python3`, #1238). Where an earlier install names Python 3,
 * its Python dependency is there with the interpreter, so it brings only ca-certificates, which
 * recommends nothing. Otherwise what it adds depends on Python packages the file does not show
 * (or on Python 2's, for Node.js 12 and older), so it stays unknown.
 */
function nodeSourceNodejs(name: string, sources: AptSources): AptPackage {
  const pythonThere = sources.namesPython3 && !sources.nodeSource?.pythonTwo;
  return { name, fromVendor: true, readAs: pythonThere ? ["ca-certificates"] : [] };
}
