// Whether a pip install runs against a Python that refuses it (PEP 668): from Debian 12 (bookworm)
// and Ubuntu 23.04 on, the distribution's python3 carries an EXTERNALLY-MANAGED marker, and its pip
// stops with "externally-managed-environment" before downloading anything unless told otherwise
// (`--break-system-packages`, PIP_BREAK_SYSTEM_PACKAGES, a pip config, a virtual environment, or an
// install elsewhere with --target, --prefix or --root). Such an install leaves no cache and no
// package: advice about what it leaves behind is moot.

import { aptOperands, readAptOrAptGet } from "../model/apt-get";
import { commandsBefore } from "../model/run-instructions";
import type { ShellCommand } from "../model/shell";
import type { DockerfileModel, Instruction } from "../model/types";
import { rootImageOf } from "./base-image";
import type { ImageReference } from "./reference";
import { DEBIAN_CODENAMES, UBUNTU_CODENAMES, ubuntuVersionOf } from "./tags";

/** The distribution's pip: an apt install of it is what puts a system pip on a Debian or Ubuntu image. */
const SYSTEM_PIP_PACKAGE = /^python3-pip(?:[=:].*)?$/;
const PIP_PROGRAM = /^pip3?$/;
const PYTHON_PROGRAM = /^python3?$/;
/** pip options that skip the check (pip's `installing_into_current_environment`) or override it. */
const SKIPS_CHECK = /^(?:--break-system-packages|--target|-t|--prefix|--root|--dry-run)(?:=.*)?$/;
/**
 * Anything in the file that may opt out or install into another Python: the override in any
 * spelling (flag, variable, pip config), a removed marker, a pip config file, a virtual environment
 * or another Python manager, another pip (get-pip.py, pipx, uv). Any of them, and nothing is said.
 */
const OPT_OUT =
  /break-system-packages|BREAK_SYSTEM_PACKAGES|EXTERNALLY-MANAGED|pip\.conf|PIP_CONFIG_FILE|venv|virtualenv|conda|mamba|pyenv|get-pip|pipx|\buv\b|PYTHONUSERBASE|PIP_TARGET|PIP_PREFIX/i;
/** Images that bring a Python of their own (in /usr/local or a prefix), whose pip no marker governs. */
const OWN_PYTHON = /python|pypy|conda|mamba|jupyter|pytorch|tensorflow/i;

/**
 * True when `command` (of `run`) is a `pip install` / `python3 -m pip install` of the distribution's
 * pip (installed with apt earlier in the stage lineage) on a base whose tag names Debian 12+ or
 * Ubuntu 23.04+, with nothing in the file that opts out of PEP 668: pip refuses it.
 */
export function refusedByExternallyManagedPython(model: DockerfileModel, run: Instruction, command: ShellCommand): boolean {
  const args = pipInstallArgs(command);
  if (args === null || args.some((a) => SKIPS_CHECK.test(a))) return false;
  const stage = run.stage;
  if (stage === null) return false;
  const root = rootImageOf(stage).image;
  if (root === null || OWN_PYTHON.test(root.familiarName) || !isExternallyManagedRelease(root)) return false;
  if (model.instructions.some((i) => OPT_OUT.test(model.lines.textIn(i.range)))) return false;
  return installsSystemPipBefore(run, command);
}

/** The words after `install` of a pip install, or null for another command. */
function pipInstallArgs(command: ShellCommand): string[] | null {
  const words = command.args.map((w) => w.value);
  const rest = PIP_PROGRAM.test(command.name) ? words : PYTHON_PROGRAM.test(command.name) && words[0] === "-m" && words[1] === "pip" ? words.slice(2) : null;
  return rest !== null && rest[0] === "install" ? rest.slice(1) : null;
}

/** True when the image's tag names Debian 12 or later, or Ubuntu 23.04 or later. */
function isExternallyManagedRelease(image: ImageReference): boolean {
  const tag = image.tag?.toLowerCase();
  if (tag === undefined) return false;
  const words = tag.split(/[-_]/);
  if (words.some((w) => (DEBIAN_CODENAMES[w] ?? 0) >= 12 || (UBUNTU_CODENAMES[w] ?? 0) >= 23.04)) return true;
  if (image.familiarName === "debian") return Number(/^(\d+)(?:[.-]|$)/.exec(tag)?.[1] ?? 0) >= 12;
  if (image.familiarName === "ubuntu") return (ubuntuVersionOf(tag) ?? 0) >= 23.04;
  // A vendor's tag naming the Ubuntu it is built on (`12.4.1-runtime-ubuntu24.04`).
  return words.some((w) => Number(/^ubuntu(\d\d\.\d\d)$/.exec(w)?.[1] ?? 0) >= 23.04);
}

/** True when an apt install of python3-pip outside any branch runs before `command` in its stage lineage. */
function installsSystemPipBefore(run: Instruction, command: ShellCommand): boolean {
  const installsPip = (c: ShellCommand) => {
    const call = readAptOrAptGet(c);
    return c.depth === 0 && call?.subcommand?.value === "install" && aptOperands(call).some((w) => SYSTEM_PIP_PACKAGE.test(w.value));
  };
  for (const before of commandsBefore(run, run.commands.indexOf(command))) if (installsPip(before.command)) return true;
  return false;
}
