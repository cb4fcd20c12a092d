// The entry scripts of an image: the context files the host read that its start command names by
// file name. Read by what the container runs at start (start-steps.ts) and by the scripts it runs
// in turn (start-path-scripts.ts).

import { baseName } from "./copy-paths";
import { contextFiles } from "./context";
import { perModel } from "./per-model";
import { startCommand } from "./stage-purpose";
import type { DockerfileModel } from "./types";

/**
 * The context files the host read that the final image's start command names by file name (its
 * entry scripts: `/docker-entrypoint.sh` names `docker/docker-entrypoint.sh`), as [path, text].
 */
export const entryScriptFiles: (model: DockerfileModel) => readonly [string, string][] = perModel((model) => {
  const command = startCommand(model);
  return command === null ? [] : filesNamedBy(model, command);
});

/** The context files the host read that `command` names by file name, as [path, text]. */
export function filesNamedBy(model: DockerfileModel, command: readonly string[]): [string, string][] {
  const names = new Set(command.map(baseName).filter((n) => n !== ""));
  return Object.entries(contextFiles(model.context)).filter(([path]) => names.has(baseName(path)));
}
