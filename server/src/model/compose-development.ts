// Whether the project's compose services use the image only as a development environment in
// which the dependencies are installed again at each start: every service running it mounts the
// project over its working directory (the sources edited on the host replace the copied ones) and
// its command re-runs the dependency install (`bundle install && rails s`), into the folders the
// image's build made as root and with the compilers it keeps. A comment that the image would be
// "useful for production" does not change how it is run.

import { composeServicesRunning } from "./compose-services";
import { normalizePath } from "./copy-paths";
import { isShellScriptAt } from "./stage-purpose";
import { isBuildingStep } from "./start-steps";
import { simpleCommands } from "./script-words";
import type { DockerfileModel } from "./types";
import { workdirOf } from "./workdir";

/**
 * True when at least one compose service builds the image, every compose service running it
 * (those building it and those pulling it by the project's name) bind-mounts a project folder
 * writable over the final stage's working directory and installs dependencies in its `command`,
 * and no CI workflow publishes the file: nothing runs the image as built.
 */
export function composeReinstallsOverSources(model: DockerfileModel): boolean {
  const final = model.finalStage;
  if (!final || model.context.publishedByCi === true) return false;
  const workdir = workdirOf(model, final);
  if (workdir === null || workdir === "/") return false;
  const services = composeServicesRunning(model);
  if (!services.some((s) => s.builds)) return false;
  // `/petrescue/` and `/petrescue/.` mount over `/petrescue`.
  const target = normalizePath(workdir);
  return services.every(
    (s) =>
      s.mounts.some((m) => m.source === "project" && !m.readOnly && normalizePath(m.target) === target) &&
      simpleCommands(commandScript(s.command ?? [])).some((words) => isBuildingStep(words)),
  );
}

/** The script a command runs: what follows `bash -c` (`bash -c "bundle install && rails s"`), else the command itself. */
function commandScript(command: readonly string[]): string {
  return (isShellScriptAt(command, 2) ? command.slice(2) : command).join(" ");
}
