// The scripts a container runs when it starts, as far as the host read them from the build
// context: the entry scripts the start command names, found by file name or through the COPY that
// puts them at the path it names (`COPY --from=build /common/docker-entrypoint.sh /entrypoint.sh`,
// the build stage having copied `./common/`), and the scripts those run in turn
// (`/entrypoint_web.sh "$@"` in a role switch). What they start decides whether the image leaves root.

import { contextFileAt, contextSourcesAt } from "./context-file-at";
import { baseName, joinPath, normalizePath } from "./copy-paths";
import { perModel } from "./per-model";
import { startCommand } from "./stage-purpose";
import { entryScriptFiles } from "./start-steps";
import type { DockerfileModel, Stage } from "./types";
import { workdirOf } from "./workdir";

/** How many rounds of scripts calling scripts are followed. */
const MAX_ROUNDS = 3;
/** A script run as a command: a path (`/startup/check.sh`) or a `.sh` name, after `exec`, `source`, `.`, `sh` or `bash`. */
const RUNS_SCRIPT = /^\s*(?:(?:exec|source|\.|(?:ba|da)?sh)\s+)?(\/[\w./-]+|[\w./-]+\.sh)(?=\s|$|;)/;

/**
 * The start path's scripts the host read, as [context path, text]: entry scripts, then the scripts
 * they run. Read once per model: three checks of the root rules ask.
 */
export const startPathScripts: (model: DockerfileModel) => readonly [string, string][] = perModel(readStartPathScripts);

function readStartPathScripts(model: DockerfileModel): [string, string][] {
  const files = model.context.files ?? {};
  const final = model.finalStage;
  const found = new Map<string, string>(entryScriptFiles(model));
  if (final) {
    for (const at of startCommandPaths(model, final)) {
      const path = contextFileAt(model, final, at);
      if (path !== null) found.set(path, files[path]);
    }
  }
  let frontier = [...found.values()];
  for (let round = 0; round < MAX_ROUNDS && frontier.length > 0; round++) {
    const next: string[] = [];
    for (const text of frontier) {
      for (const line of text.split(/\r?\n/)) {
        const called = RUNS_SCRIPT.exec(line)?.[1];
        if (called === undefined) continue;
        const copied = final && called.startsWith("/") ? contextFileAt(model, final, normalizePath(called)) : null;
        const paths = copied !== null ? [copied] : Object.keys(files).filter((p) => baseName(p) === baseName(called) && /\.(?:sh|bash)$/.test(p));
        for (const path of paths) {
          if (found.has(path)) continue;
          found.set(path, files[path]);
          next.push(files[path]);
        }
      }
    }
    frontier = next;
  }
  return [...found];
}

/**
 * The context paths the start command's scripts may come from, for the host to read: also through
 * a build stage that copied the whole context (`COPY . .` in `build`, then `COPY --from=build
 * /usr/src/docker/entrypoint.sh /sbin/entrypoint.sh`), which the host does not walk.
 */
export function startCommandSources(model: DockerfileModel): string[] {
  const final = model.finalStage;
  if (!final) return [];
  return contextSourcesAt(
    model,
    startCommandPaths(model, final).map((path) => ({ stage: final, path })),
  );
}

/** A start word naming a file by a relative path (`./deploy/docker/entrypoint.sh`, `bin/start`, `start.sh`), not an option or URL. */
const RELATIVE_FILE = /^[\w.-]+\/[\w./-]*$|^[\w.-]+\.(?:sh|bash)$/;

/**
 * Where in the final image the start command's files are: absolute words as they are, and words
 * naming a file relative to the working directory the container starts in (`ENTRYPOINT
 * ["./deploy/docker/entrypoint.sh"]` after `WORKDIR /srv/app`) joined to it.
 */
function startCommandPaths(model: DockerfileModel, final: Stage): string[] {
  const paths: string[] = [];
  let workdir: string | null | undefined;
  for (const word of startCommand(model) ?? []) {
    if (word.startsWith("/")) {
      paths.push(normalizePath(word));
      continue;
    }
    if (!RELATIVE_FILE.test(word) || word.includes("..")) continue;
    if (workdir === undefined) workdir = workdirOf(model, final);
    if (workdir !== null) paths.push(joinPath(workdir, word));
  }
  return paths;
}
