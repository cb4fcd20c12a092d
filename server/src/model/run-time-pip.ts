// pip installed for the running container: an image that installs its distribution's pip package
// and never installs Python packages while it is built (no pip, no other Python installer, in its
// RUNs or in the scripts they run that the host read) keeps pip for installs done at run time (a
// database whose Python extension pip-installs its users' requirements, a service that installs
// plugins). Those installs build source distributions against the Python headers (`python3-dev`),
// so the headers are a run-time need there, not a leftover of the build.

import { packageName } from "./build-tools";
import { systemPackageCommand } from "./commands";
import { runCommands } from "./run-commands";
import { scriptRunThroughCopies } from "./run-scripts";
import { simpleCommands } from "./script-words";
import { commandInstallsPythonPackages, scriptLineInstallsPythonPackages } from "./python-installs";
import type { DockerfileModel, Stage } from "./types";

/** The distributions' pip packages: Debian's, Ubuntu's and Fedora's `python3-pip`, Alpine's `py3-pip`. */
const PIP_PACKAGE = /^(?:python[\d.]*|py3?)-pip$/;
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
    // Also in a shell's `-c` script (`sudo -Hu app bash -c 'source env/bin/activate && pip install .'`).
    if (commandInstallsPythonPackages(command)) return true;
    const script = scriptRunThroughCopies(model, stage, instruction, command);
    return script !== null && simpleCommands(script).some(scriptLineInstallsPythonPackages);
  });
}
