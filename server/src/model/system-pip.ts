// A pip install into a distribution's own Python. From Debian 12 (bookworm), Ubuntu 23.04 and
// Alpine 3.19 on, the distribution's python3 carries an EXTERNALLY-MANAGED marker (PEP 668) and its pip stops with
// "externally-managed-environment" before downloading anything, unless told otherwise: the
// override (`--break-system-packages`, PIP_BREAK_SYSTEM_PACKAGES, a pip config), a removed marker,
// an install elsewhere (`--target`, `--prefix`, `--root`), a virtual environment or another Python.
// Two questions rest on this one reading: does an install fail today (images/externally-managed-
// python.ts), and would it fail if the base moved to a marked release (model/release-target.ts).

import { envDeclarations } from "./environment";
import type { ShellCommand } from "./shell";
import type { DockerfileModel, Stage } from "./types";
import { runCommands } from "./run-commands";
import { compareVersions } from "./versions";

/** The first release of each distribution whose Python is marked externally managed. */
const MARKED_FROM: Readonly<Record<string, number>> = { debian: 12, ubuntu: 23.04 };

/** True when `family` `version` (`debian` 12, `ubuntu` 24.04) marks its Python externally managed. */
export function marksPythonExternallyManaged(family: string, version: number): boolean {
  const from = MARKED_FROM[family];
  return from !== undefined && version >= from;
}

/**
 * The first Alpine release whose python3 is marked: 3.19 (its release notes: "Python packages
 * installed by pip are now externally managed"; use a venv or `--break-system-packages`).
 */
const ALPINE_MARKED_FROM = [3, 19];

/** True for a release (`debian` "11", `ubuntu` "20.04", `alpine` "3.18") of a family that marks its Python in later releases but not in this one. */
export function predatesExternallyManagedPython(release: { family: string; version: string }): boolean {
  if (release.family === "alpine") return compareVersions(release.version.split(".").map(Number), ALPINE_MARKED_FROM) < 0;
  const from = MARKED_FROM[release.family];
  return from !== undefined && Number(release.version) < from;
}

const PIP_PROGRAM = /^pip[\d.]*$/;
const PYTHON_PROGRAM = /^python[\d.]*$/;
/** pip options that skip the check (pip's `installing_into_current_environment`) or override it. */
const SKIPS_CHECK = /^(?:--break-system-packages|--target|-t|--prefix|--root|--dry-run)(?:=.*)?$/;

/**
 * The options of a `pip install` (`pip3 install`, `python3 -m pip install`) run by the system's pip,
 * or of get-pip.py run by the system's Python (`pipedFrom`: the command piped into it), checked
 * against the marker; or null for any other command: another subcommand, a pip given
 * by a path outside the system's folders (`/opt/venv/bin/pip` is named `pip` too), or an install
 * that skips the check (`--target`, `--prefix`, `--root`, `--dry-run`, `--break-system-packages`).
 */
export function checkedSystemPipInstall(command: ShellCommand, pipedFrom?: ShellCommand): string[] | null {
  const program = command.program?.value;
  if (program === undefined || (program.includes("/") && !/^\/(?:usr\/(?:local\/)?)?bin\//.test(program))) return null;
  const words = command.args.map((w) => w.value);
  const bootstrap = getPipOptions(command, words, pipedFrom);
  if (bootstrap !== null) return bootstrap.some((a) => SKIPS_CHECK.test(a)) ? null : bootstrap;
  const pipWords = PIP_PROGRAM.test(command.name)
    ? words
    : PYTHON_PROGRAM.test(command.name) && words[0] === "-m" && words[1] === "pip"
      ? words.slice(2)
      : null;
  if (pipWords === null) return null;
  const subcommand = pipWords.findIndex((w) => !w.startsWith("-"));
  if (subcommand < 0 || pipWords[subcommand] !== "install") return null;
  const options = [...pipWords.slice(0, subcommand), ...pipWords.slice(subcommand + 1)];
  return options.some((a) => SKIPS_CHECK.test(a)) ? null : options;
}

/** pypa's bootstrap script, by its file name or its address (`bootstrap.pypa.io/get-pip.py`, `/pip/3.7/get-pip.py`). */
const GET_PIP = /(?:^|\/)get-pip\.py$/;

/**
 * The options of pypa's get-pip.py run by a system Python (`python3 get-pip.py --no-cache-dir`, or
 * `curl -sS https://bootstrap.pypa.io/get-pip.py | python3 -`, `pipedFrom` being the `curl`), or null.
 * The script installs pip with pip, into the Python that runs it, so PEP 668's marker refuses it as
 * it refuses any system install (pypa/get-pip#197: "error: externally-managed-environment").
 */
function getPipOptions(command: ShellCommand, words: readonly string[], pipedFrom: ShellCommand | undefined): string[] | null {
  if (!PYTHON_PROGRAM.test(command.name)) return null;
  const script = words.findIndex((w) => !w.startsWith("-") || w === "-");
  if (script < 0) return null;
  const fetched = pipedFrom !== undefined && command.joinedBy === "|" && pipedFrom.args.some((w) => GET_PIP.test(w.value));
  const runsGetPip = GET_PIP.test(words[script]) || (words[script] === "-" && fetched);
  return runsGetPip ? [...words.slice(0, script), ...words.slice(script + 1)] : null;
}

/**
 * True for a command checkedSystemPipInstall accepted that runs get-pip.py rather than pip: a
 * Python given a script (`python3 get-pip.py`, `python3 -`), not `python3 -m pip`.
 */
export function isGetPipRun(command: ShellCommand): boolean {
  const args = command.args.map((w) => w.value);
  return PYTHON_PROGRAM.test(command.name) && !(args[0] === "-m" && args[1] === "pip");
}

/**
 * Anything in the stages' text that may opt out or install into another Python: the override in
 * any spelling (flag, variable, pip config), a removed marker, a pip config file, a virtual
 * environment or another Python manager, another installer (uv). Not get-pip.py, which installs
 * pip into the Python that runs it and is refused there (checkedSystemPipInstall reads it). Not `virtualenv` or `pipx`:
 * those are also packages a system pip installs (and is refused); as commands they are read below.
 */
const OPT_OUT_TEXT =
  /break-system-packages|BREAK_SYSTEM_PACKAGES|EXTERNALLY-MANAGED|pip\.conf|PIP_CONFIG_FILE|venv|conda|mamba|pyenv|\buv\b|PYTHONUSERBASE|PIP_TARGET|PIP_PREFIX/i;
/** Variables that name a virtual environment or tell pip to install elsewhere or to ignore the marker. */
const OPT_OUT_VARIABLE = /^(?:VIRTUAL_ENV|PIP_BREAK_SYSTEM_PACKAGES|PIP_TARGET|PIP_PREFIX|CONDA_\w+|UV_PROJECT_ENVIRONMENT)$/;
/** Commands that create a virtual environment or bring their own Python. */
const OPT_OUT_COMMAND = /^(?:virtualenv|conda|mamba|micromamba|pipx|pyenv|poetry)$/;

/**
 * The tools a pip install's options install (`poetry==1.1.12` -> `poetry`), lower-cased: the
 * package names among its words, options and their values left out where they are joined
 * (`--index-url=...`) or plainly not names (paths, URLs).
 */
export function pipInstalledNames(options: readonly string[]): string[] {
  return options.flatMap((w) => {
    const name = /^([A-Za-z][\w.-]*)(?:\[[^\]]*\])?(?:[=<>~!;].*)?$/.exec(w.replace(/^["']|["']$/g, ""))?.[1];
    return name === undefined ? [] : [name.toLowerCase()];
  });
}

/**
 * True when the stages show any sign that their pip installs do not go into the marked system
 * Python: the words above anywhere in their instructions, a variable naming a virtual environment
 * or a venv on the PATH, or a command that creates one (`python3 -m venv`, `uv venv`, `poetry`).
 * A command counts only where the install in question does not install it: `pip install poetry`
 * is refused before poetry exists (held-out CL, Justice40's data pipeline, its base moved to
 * Ubuntu 24.04 as if poetry had spared that install).
 */
export function optsOutOfExternallyManagedPython(model: DockerfileModel, stages: readonly Stage[], installing: readonly string[] = []): boolean {
  const instructions = stages.flatMap((s) => s.instructions);
  if (instructions.some((i) => OPT_OUT_TEXT.test(model.lines.textIn(i.range)))) return true;
  const declarations = instructions.flatMap((i) => envDeclarations(model, i));
  if (declarations.some((d) => OPT_OUT_VARIABLE.test(d.name) || (d.name === "PATH" && /venv|virtualenv|conda/.test(d.value ?? "")))) return true;
  return runCommands(stages).some(({ command }) => {
    const args = command.args.map((a) => a.value);
    return (
      (OPT_OUT_COMMAND.test(command.name) && !installing.includes(command.name)) ||
      (command.name === "uv" && args[0] === "venv") ||
      (PYTHON_PROGRAM.test(command.name) && args[0] === "-m" && /^(?:venv|virtualenv)$/.test(args[1] ?? ""))
    );
  });
}
