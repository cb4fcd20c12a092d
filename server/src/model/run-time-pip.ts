// pip installed for the running container: an image that installs its distribution's pip package
// and never runs pip (nor another Python installer) while it is built keeps pip for installs done
// at run time (a database whose Python extension pip-installs its users' requirements, a service
// that installs plugins). Those installs build source distributions against the Python headers
// (`python3-dev`), so the headers are a run-time need there, not a leftover of the build.

import { dependencyInstall, systemPackageCommand } from "./commands";
import { packageName } from "./build-tools";
import { runCommands } from "./run-commands";
import type { ShellCommand } from "./shell";
import type { Stage } from "./types";

/** The distributions' pip packages: Debian's, Ubuntu's and Fedora's `python3-pip`, Alpine's `py3-pip`. */
const PIP_PACKAGE = /^(?:python[\d.]*|py3?)-pip$/;
/** The Python headers: `python3-dev`, `python3.11-dev`, `libpython3-dev`, Fedora's `python3-devel`. */
const PYTHON_HEADERS = /^(?:lib)?python[\d.]*-dev(?:el)?$/;
const PIP_PROGRAM = /^pip[\d.]*$/;
const PYTHON_PROGRAM = /^python[\d.]*$/;
/** Installers that build Python packages without the pip program: they compile against the headers too. */
const OTHER_PYTHON_INSTALLERS = new Set(["poetry", "uv", "pipenv"]);

/** True when `name` (as packageName gives it) is a package of the Python headers. */
export function isPythonHeaders(name: string): boolean {
  return PYTHON_HEADERS.test(name);
}

/** pipx subcommands that install packages into pipx's virtual environments, with their pip. */
const PIPX_INSTALLS = /^(?:install|inject|runpip|reinstall|reinstall-all|upgrade|upgrade-all)$/;

/**
 * True when the command runs pip (`pip3 install`, `python3 -m pip install`, a venv's `pip`, `uv pip
 * install`) or installs Python packages through pipx, which runs pip in its environments.
 */
function runsPip(command: ShellCommand): boolean {
  const words = command.args.map((a) => a.value);
  if (PIP_PROGRAM.test(command.name)) return true;
  if (PYTHON_PROGRAM.test(command.name) && words[0] === "-m" && PIP_PROGRAM.test(words[1] ?? "")) return true;
  if (command.name === "pipx") return PIPX_INSTALLS.test(words.find((w) => !w.startsWith("-")) ?? "");
  return command.name === "uv" && words[0] === "pip";
}

/**
 * True when a RUN of `chain` installs the distribution's pip package and no RUN of `chain` runs
 * pip or installs Python packages another way (`poetry install`, `uv sync`, `pipenv install`):
 * the image keeps pip for installs done when it runs.
 */
export function installsPipForRunTime(chain: readonly Stage[]): boolean {
  const commands = runCommands(chain).map((c) => c.command);
  const installsPip = commands.some((c) => {
    const install = systemPackageCommand(c);
    return install?.action === "install" && install.packages.some((p) => PIP_PACKAGE.test(packageName(p.value)));
  });
  if (!installsPip) return false;
  return !commands.some((c) => runsPip(c) || OTHER_PYTHON_INSTALLERS.has(dependencyInstall(c)?.ecosystem ?? ""));
}
