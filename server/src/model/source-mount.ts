// Whether the container works in a folder its compose service fills from the host: a development
// image whose sources are bind-mounted over the working folder (`- ${APP_ROOT}:/app`) holds none of
// the project itself, so its dependencies are installed in the running container too (a `bundle
// install` run through compose, into a folder of that mount), and compile there.

import { isSameOrParentPath, joinPath, normalizePath, unquoteWord } from "./copy-paths";
import { lineage } from "./stage-graph";
import { startPathScripts } from "./start-path-scripts";
import { simpleCommands } from "./script-words";
import type { DockerfileModel } from "./types";
import { workdirOf } from "./workdir";

/**
 * The folder the container works in: the final stage's WORKDIR, or else the absolute folder the
 * entry scripts change to last (`cd /srv/app`); null when neither is known, or it is `/`.
 */
function workingFolder(model: DockerfileModel): string | null {
  const final = model.finalStage;
  if (!final) return null;
  const workdir = workdirOf(model, final);
  if (workdir !== null) {
    const path = normalizePath(workdir);
    return path === "/" ? null : path;
  }
  let found: string | null = null;
  for (const [, text] of startPathScripts(model)) {
    for (const words of simpleCommands(text)) {
      if (words[0] === "cd" && words.length === 2 && /^\/[\w./-]+$/.test(words[1])) found = normalizePath(words[1]);
    }
  }
  return found === "/" ? null : found;
}

/**
 * True when a compose service that builds this Dockerfile bind-mounts a host or project folder,
 * writable, onto the folder the container works in, and the image copies nothing into that folder:
 * what the container runs there comes from the mount, edited on the host (a development image).
 * A named volume over the working folder is data kept between runs, not sources, and does not count.
 */
export function mountsSourceOverWorkingFolder(model: DockerfileModel): boolean {
  const final = model.finalStage;
  const services = (model.context.composeServices ?? []).filter((s) => s.builds);
  if (!final || services.length === 0) return false;
  const working = workingFolder(model);
  if (working === null) return false;
  const mounted = services.some((s) => s.mounts.some((m) => !m.readOnly && m.source !== "volume" && normalizePath(m.target) === working));
  if (!mounted) return false;
  for (const stage of lineage(final)) {
    for (const i of stage.instructions) {
      if ((i.keyword !== "COPY" && i.keyword !== "ADD") || i.args.length < 2) continue;
      const dest = unquoteWord(i.args[i.args.length - 1].value);
      const at = dest.startsWith("/") ? dest : workdirOf(model, stage, i);
      // A relative destination under an unknown WORKDIR may be the working folder.
      if (at === null) return false;
      const path = dest.startsWith("/") ? normalizePath(dest) : normalizePath(joinPath(at, dest));
      // A copy into the working folder, beneath it, or into a folder holding it (`COPY . /`) fills it.
      if (isSameOrParentPath(working, path) || isSameOrParentPath(path, working)) return false;
    }
  }
  return true;
}
