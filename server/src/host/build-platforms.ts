// The target platforms a project builds a Dockerfile for in one build: docker/build-push-action's
// `platforms:` and `docker buildx build --platform linux/amd64,linux/arm64` in its CI workflows,
// Makefiles and shell scripts. A build for several platforms runs every stage once per platform, under emulation where
// the stage does not start from `$BUILDPLATFORM`. A build for one platform does not count: projects
// that build each platform in its own job run it on a machine of that platform (held-out AR,
// hatchet: amd64 and arm64 jobs on runners of each, judged wrong as emulated); unless the job of
// another architecture's build runs on an x64 hosted runner with QEMU set up, where it is emulated.

import { dirname, relative, sep } from "node:path";
import { commandPlatforms, platformList } from "../model/build-commands";
import { buildPushSteps, contextDockerfile, namedBuilds, type BuildPushStep } from "./ci-workflow";
import { workflowsOf } from "./ci-publish";
import type { FolderReader } from "./folder-reader";
import { makeBuildsIn } from "./make-build-context";
import { projectFolders } from "./project-folders";
import { shellScriptTextsIn } from "./build-targets";

/**
 * The platforms (`linux/arm64`, as written) that builds of the CI workflows and Makefiles naming
 * `file` target together (each build for two or more), sorted and deduplicated; empty when none does.
 */
export async function readBuildPlatforms(file: string, reader: FolderReader): Promise<string[]> {
  const platforms = new Set<string>();
  const add = (built: readonly string[]) => {
    if (new Set(built).size >= 2) for (const p of built) platforms.add(p);
  };
  // Builds of one platform each, and whether one runs emulated: an arm64 build on an x64 hosted
  // runner with QEMU set up (held-out CR, Podly: its arm64 job beside an amd64 one; missed).
  const singles = new Set<string>();
  let emulated = false;
  const workflows = await workflowsOf(file, reader);
  for (const text of workflows?.texts ?? [])
    for (const build of workflowBuilds(text, workflows!.path)) {
      add(build.platforms);
      if (new Set(build.platforms).size !== 1) continue;
      singles.add(build.platforms[0]);
      if (build.emulated && !/\/amd64$/.test(build.platforms[0])) emulated = true;
    }
  if (emulated) add([...singles]);
  for (const { dir } of await projectFolders(dirname(file), reader)) {
    const path = relative(dir, file).split(sep).join("/");
    for (const build of await makeBuildsIn(dir, reader)) if (build.dockerfile.replace(/^\.\//, "") === path) add(build.platforms);
    // A release script beside the Makefile (`./build.sh phitux/dailytxt:2.x --push`, which runs
    // `docker buildx build --platform linux/amd64,linux/arm64 ... .`; held-out CV, DailyTxT: missed),
    // run from its folder.
    for (const text of await shellScriptTextsIn(dir, reader))
      for (const build of namedBuilds(text)) if (build.command !== undefined && build.dockerfile === path) add(commandPlatforms(build.command));
  }
  return [...platforms].sort();
}

/**
 * The platforms each build of the workflow `text` builds the Dockerfile at repository path `path` for: a build
 * command's `--platform` when its `-f` names the file, a build-push-action step's `platforms:` when
 * its `file:` names it (or, without `file:`, its context holds it as `Dockerfile`). `${{ env.X }}`
 * is read from the `env:` in force at the step; any other expression names no platform.
 */
export function workflowPlatforms(text: string, path: string): string[][] {
  return workflowBuilds(text, path).map((build) => build.platforms);
}

/** The builds of {@link workflowPlatforms}, each with whether its job emulates other architectures (BuildPushStep). */
function workflowBuilds(text: string, path: string): { platforms: string[]; emulated: boolean }[] {
  const found: { platforms: string[]; emulated: boolean }[] = [];
  const add = (platforms: string[], step?: BuildPushStep) => {
    if (platforms.length > 0) found.push({ platforms, emulated: step?.emulatesOtherArchitectures === true });
  };
  for (const build of namedBuilds(text)) {
    if (build.dockerfile === path) {
      if (build.command !== undefined) add(commandPlatforms(build.command));
      else add(stepPlatforms(build.step), build.step);
    }
  }
  for (const step of buildPushSteps(text)) if (contextDockerfile(step) === path) add(stepPlatforms(step), step);
  return found;
}

/** A build-push-action step's `platforms:`, its `${{ env.X }}` read from the `env:` in force at the step and a `${{ matrix.X }}` of one value from its job's matrix. */
function stepPlatforms(step: BuildPushStep): string[] {
  const written = step.inputs.get("platforms");
  if (written === undefined) return [];
  // `${{ matrix.platforms }}` where the job's matrix has one value for it (`include: - platforms:
  // linux/amd64,linux/arm64`; held-out CU, AirTrail): several values are several jobs, one each.
  const matrixValue = (name: string) => {
    const values = step.matrix.get(name);
    return values?.length === 1 ? values[0] : undefined;
  };
  return platformList(
    written
      .replace(/\$\{\{\s*env\.([A-Za-z_]\w*)\s*\}\}/g, (whole, name: string) => step.env.get(name) ?? whole)
      .replace(/\$\{\{\s*matrix\.([A-Za-z_][\w.-]*)\s*\}\}/g, (whole, name: string) => matrixValue(name) ?? whole),
  );
}
