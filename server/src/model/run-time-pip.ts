// pip installed for the running container: an image that installs its distribution's pip package
// and never installs Python packages while it is built (no pip, no other Python installer, in its
// RUNs or in the scripts they run that the host read) keeps pip for installs done at run time (a
// database whose Python extension pip-installs its users' requirements, a service that installs
// plugins). Those installs build source distributions against the Python headers (`python3-dev`),
// so the headers are a run-time need there, not a leftover of the build.

import { packageName } from "./build-tools";
import { programAt } from "./command-program";
import { systemPackageCommand } from "./commands";
import { baseName } from "./copy-paths";
import { lookupTable } from "./lookup-table";
import { runCommands } from "./run-commands";
import { scriptRunThroughCopies } from "./run-scripts";
import { simpleCommands } from "./script-words";
import type { DockerfileModel, Stage } from "./types";

/** The distributions' pip packages: Debian's, Ubuntu's and Fedora's `python3-pip`, Alpine's `py3-pip`. */
const PIP_PACKAGE = /^(?:python[\d.]*|py3?)-pip$/;
/** The Python headers: `python3-dev`, `python3.11-dev`, `libpython3-dev`, Fedora's `python3-devel`. */
const PYTHON_HEADERS = /^(?:lib)?python[\d.]*-dev(?:el)?$/;
const PIP_PROGRAM = /^pip[\d.]*$/;
const PYTHON_PROGRAM = /^python[\d.]*$/;
/** setuptools' own installer and pip-tools' installer, which install packages without the pip program. */
const OTHER_INSTALL_PROGRAMS = /^(?:easy_install(?:-[\d.]+)?|pip-sync)$/;
/**
 * Installers that build Python packages without the pip program, by the subcommand that installs:
 * they compile against the headers too. pipx runs pip in its environments.
 */
const INSTALLING_SUBCOMMANDS: Readonly<Record<string, RegExp>> = lookupTable({
  poetry: /^install$/,
  uv: /^(?:sync|pip)$/,
  pipenv: /^(?:install|sync)$/,
  pipx: /^(?:install|inject|runpip|reinstall|reinstall-all|upgrade|upgrade-all)$/,
});
/** `python setup.py <command>` commands that build or install the project, compiling its extensions. */
const SETUP_PY_BUILDS = /^(?:install|develop|build(?:_ext|_py)?|bdist\w*)$/;
/** Python modules that install or build packages when run with `python -m`. */
const INSTALLING_MODULES = /^(?:pip[\d.]*|build)$/;

/** True when `name` (as packageName gives it) is a package of the Python headers. */
export function isPythonHeaders(name: string): boolean {
  return PYTHON_HEADERS.test(name);
}

/**
 * True when the program `program` (a base name) given `args` installs or builds Python packages:
 * pip (`pip3 install`, `python3 -m pip install`, a venv's `pip`), `easy_install`, `pip-sync`,
 * `python setup.py install|develop|build|bdist_wheel`, `python -m build`, and poetry, uv, pipenv
 * or pipx installs.
 */
function installsPythonPackages(program: string, args: readonly string[]): boolean {
  if (PIP_PROGRAM.test(program) || OTHER_INSTALL_PROGRAMS.test(program)) return true;
  const positional = args.filter((w) => !w.startsWith("-"));
  if (PYTHON_PROGRAM.test(program)) {
    if (args[0] === "-m") return INSTALLING_MODULES.test(args[1] ?? "");
    return baseName(positional[0] ?? "") === "setup.py" && SETUP_PY_BUILDS.test(positional[1] ?? "");
  }
  return INSTALLING_SUBCOMMANDS[program]?.test(positional[0] ?? "") ?? false;
}

/** True when a simple command of a script (its words) installs Python packages. */
function scriptLineInstallsPythonPackages(words: readonly string[]): boolean {
  const at = programAt(words);
  return at < words.length && installsPythonPackages(baseName(words[at]), words.slice(at + 1));
}

/**
 * True when a RUN of `chain` installs the distribution's pip package and neither a RUN of `chain`
 * nor a script one runs that the host read (`COPY . .` then `RUN ./install.sh`) installs Python
 * packages (pip, `python setup.py install`, `poetry install`, `uv sync`...): the image keeps pip
 * for installs done when it runs. A script the host did not read shows nothing either way.
 */
export function installsPipForRunTime(model: DockerfileModel, chain: readonly Stage[]): boolean {
  const commands = runCommands(chain);
  const installsPip = commands.some(({ command }) => {
    const install = systemPackageCommand(command);
    return install?.action === "install" && install.packages.some((p) => PIP_PACKAGE.test(packageName(p.value)));
  });
  if (!installsPip) return false;
  return !commands.some(({ stage, instruction, command }) => {
    if (
      installsPythonPackages(
        command.name,
        command.args.map((a) => a.value),
      )
    )
      return true;
    const script = scriptRunThroughCopies(model, stage, instruction, command);
    return script !== null && simpleCommands(script).some(scriptLineInstallsPythonPackages);
  });
}
