// Whether a pip install runs against a Python that refuses it today (PEP 668, read in
// model/system-pip.ts): the distribution's pip, installed with apt, on a Debian 12+ or Ubuntu 23.04+
// base, with nothing in the file that opts out. Such an install leaves no cache and no package:
// advice about what it leaves behind is moot.

import { aptOperands, readAptOrAptGet } from "../model/apt-get";
import { commandsBefore } from "../model/run-instructions";
import type { ShellCommand } from "../model/shell";
import { checkedSystemPipInstall, marksPythonExternallyManaged, optsOutOfExternallyManagedPython, pipInstalledNames } from "../model/system-pip";
import type { DockerfileModel, Instruction } from "../model/types";
import { rootImageOf } from "./base-image";
import type { ImageReference } from "./reference";
import { DEBIAN_CODENAMES, UBUNTU_CODENAMES, ubuntuVersionOf } from "./tags";

/** The distribution's pip: an apt install of it is what puts a system pip on a Debian or Ubuntu image. */
const SYSTEM_PIP_PACKAGE = /^python3-pip(?:[=:].*)?$/;
/** Images that bring a Python of their own (in /usr/local or a prefix), whose pip no marker governs. */
const OWN_PYTHON = /python|pypy|conda|mamba|jupyter|pytorch|tensorflow/i;

/**
 * True when `command` (of `run`) is a `pip install` / `python3 -m pip install` of the distribution's
 * pip (installed with apt earlier in the stage lineage) on a base whose tag names Debian 12+ or
 * Ubuntu 23.04+, with nothing in the file that opts out of PEP 668: pip refuses it.
 */
export function refusedByExternallyManagedPython(model: DockerfileModel, run: Instruction, command: ShellCommand): boolean {
  const options = checkedSystemPipInstall(command);
  if (options === null) return false;
  const stage = run.stage;
  if (stage === null) return false;
  const root = rootImageOf(stage).image;
  if (root === null || OWN_PYTHON.test(root.familiarName) || !isExternallyManagedRelease(root)) return false;
  if (optsOutOfExternallyManagedPython(model, model.stages, pipInstalledNames(options))) return false;
  return installsSystemPipBefore(run, command);
}

/** True when the image's tag names Debian 12 or later, or Ubuntu 23.04 or later. */
function isExternallyManagedRelease(image: ImageReference): boolean {
  const tag = image.tag?.toLowerCase();
  if (tag === undefined) return false;
  const words = tag.split(/[-_]/);
  if (words.some((w) => marksPythonExternallyManaged("debian", DEBIAN_CODENAMES[w] ?? 0) || marksPythonExternallyManaged("ubuntu", UBUNTU_CODENAMES[w] ?? 0)))
    return true;
  if (image.familiarName === "debian") return marksPythonExternallyManaged("debian", Number(/^(\d+)(?:[.-]|$)/.exec(tag)?.[1] ?? 0));
  if (image.familiarName === "ubuntu") return marksPythonExternallyManaged("ubuntu", ubuntuVersionOf(tag) ?? 0);
  // A vendor's tag naming the Ubuntu it is built on (`12.4.1-runtime-ubuntu24.04`).
  return words.some((w) => marksPythonExternallyManaged("ubuntu", Number(/^ubuntu(\d\d\.\d\d)$/.exec(w)?.[1] ?? 0)));
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
