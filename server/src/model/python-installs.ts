// Commands that install or build Python packages (pip, `python -m pip`, setup.py builds, poetry,
// uv, pipenv, pipx...), also inside a shell's `-c` script: read by what decides whether the image
// installs Python packages while it is built (run-time-pip.ts) and whether kept Python headers
// serve a compile (build-tools.ts).

import { programAt } from "./command-program";
import { baseName } from "./copy-paths";
import { lookupTable } from "./lookup-table";
import { simpleCommands } from "./script-words";
import { isShellProgram } from "./shell-programs";
import type { ShellCommand } from "./shell";

const PIP_PROGRAM = /^pip[\d.]*$/;
const PYTHON_PROGRAM = /^python[\d.]*$/;
/** The Python headers: `python3-dev`, `python3.11-dev`, `libpython3-dev`, Fedora's `python3-devel`. */
const PYTHON_HEADERS = /^(?:lib)?python[\d.]*-dev(?:el)?$/;
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
export function installsPythonPackages(program: string, args: readonly string[]): boolean {
  if (PIP_PROGRAM.test(program) || OTHER_INSTALL_PROGRAMS.test(program)) return true;
  const positional = args.filter((w) => !w.startsWith("-"));
  if (PYTHON_PROGRAM.test(program)) {
    if (args[0] === "-m") return INSTALLING_MODULES.test(args[1] ?? "");
    return baseName(positional[0] ?? "") === "setup.py" && SETUP_PY_BUILDS.test(positional[1] ?? "");
  }
  return INSTALLING_SUBCOMMANDS[program]?.test(positional[0] ?? "") ?? false;
}

/** True when a simple command of a script (its words) installs Python packages. */
export function scriptLineInstallsPythonPackages(words: readonly string[]): boolean {
  const at = programAt(words);
  return at < words.length && installsPythonPackages(baseName(words[at]), words.slice(at + 1));
}

/**
 * True when a RUN's simple command installs Python packages, itself or in the script it hands a
 * shell with `-c` (`sudo -Hu app /bin/bash -c 'source env/bin/activate && pip install .'`).
 */
export function commandInstallsPythonPackages(command: ShellCommand): boolean {
  const args = command.args.map((a) => a.value);
  if (installsPythonPackages(baseName(command.name), args)) return true;
  if (!isShellProgram(command.name)) return false;
  const script = args[args.indexOf("-c") + 1];
  return args.includes("-c") && script !== undefined && simpleCommands(script).some(scriptLineInstallsPythonPackages);
}
