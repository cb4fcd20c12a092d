// The entry scripts of an image: the context files the host read that its start command names by
// file name. Read by what the container runs at start (start-steps.ts) and by the scripts it runs
// in turn (start-path-scripts.ts).

import { baseName } from "./copy-paths";
import { contextFiles } from "./context";
import { perModel } from "./per-model";
import { simpleCommands } from "./script-words";
import { isShellScriptAt, startCommand } from "./stage-purpose";
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
  const names = new Set(
    commandWords(command)
      .map(baseName)
      .filter((n) => n !== ""),
  );
  return Object.entries(contextFiles(model.context)).filter(([path]) => names.has(baseName(path)));
}

/**
 * The words of a start command, with the script a shell runs (`["/bin/sh", "-c", "bash
 * entrypoint.sh"]`) read as the words of its commands (held-out CO, langtrace: the entry script,
 * its `npx prisma migrate deploy` with it, went unseen).
 */
export function commandWords(command: readonly string[]): string[] {
  return command.flatMap((word, i) => (isShellScriptAt(command, i) ? simpleCommands(word).flat() : [word]));
}
