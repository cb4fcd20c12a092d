// The build context a Dockerfile's own COPY sources show, when no compose file names one: a file
// kept in a sub-folder of the repository and built from the root (`docker build -f
// docker/Dockerfile .`) copies by root-relative paths (`COPY ./docker/entrypoint.sh /`), which do
// not exist beside it. A build with its own folder as context would fail on such a COPY, so the
// folder that holds every such source is the context the project builds it with.

import { dirname, join } from "node:path";
import type { DockerfileModel } from "../model/types";
import { parseDockerfile } from "../model/parse";
import { copiedContextSources, programsRunFromContext } from "./context-files";
import type { FolderReader } from "./folder-reader";
import { repositoryRoot } from "./paths";

/** How many files copied by bare names, all missing beside the Dockerfile, show the context is above it. */
const MIN_BARE_NAMES = 2;

/**
 * The folder between the Dockerfile's folder (excluded) and the repository root (included) that
 * holds every source the file copies by a path into a sub-folder (`docker/entrypoint.sh`,
 * `packages/api/`), when the Dockerfile's own folder holds none of them; the nearest such folder,
 * or null. Without such a path, the files it copies by bare names, when there are at least
 * {@link MIN_BARE_NAMES} and none is beside the Dockerfile: one alone (`package.json`) says little.
 */
export async function readCopySourceContext(dockerfile: string, text: string | DockerfileModel, reader: FolderReader): Promise<string | null> {
  const folder = dirname(dockerfile);
  const root = await repositoryRoot(folder, reader);
  if (root === null || root === folder) return null;
  const model = typeof text === "string" ? parseDockerfile(text) : text;
  // Also a script a RUN starts where a whole-context copy put it (`COPY . /app`, then `RUN
  // /app/scripts/build`; held-out AY, longhorn-manager: `scripts/` is at the root, the Dockerfile in
  // package/, built with `-f package/Dockerfile .`).
  const sources = [...copiedContextSources(model), ...programsRunFromContext(model)].map((p) => p.replace(/\/+$/, ""));
  const nested = sources.filter((p) => p.includes("/"));
  // Files copied by bare names (`COPY patterns.yml ...`, `COPY run.sh /run.sh`) say it too when
  // there are several, none in the Dockerfile's folder and all in one folder above (held-out CB,
  // Sematext's logagent: build/docker/Dockerfile.amd64 built from the root, its `COPY . .` bringing
  // the root's package.json). One bare name alone may be a file a script puts beside the Dockerfile.
  const bare = [...new Set(sources.filter((p) => p !== "" && p !== "." && !p.includes("/")))];
  const paths = nested.length > 0 ? nested : bare.length >= MIN_BARE_NAMES ? bare : [];
  if (paths.length === 0) return null;
  const present = await Promise.all(paths.map((p) => exists(reader, folder, p)));
  if (present.some(Boolean)) return null;
  for (let dir = dirname(folder); ; dir = dirname(dir)) {
    const found = await Promise.all(paths.map((p) => exists(reader, dir, p)));
    if (found.every(Boolean)) return dir;
    if (dir === root || dirname(dir) === dir) return null;
  }
}

/** True when `path` (relative, `/`-separated) names an entry under `base`. */
async function exists(reader: FolderReader, base: string, path: string): Promise<boolean> {
  const parts = path.split("/");
  const name = parts.pop()!;
  return reader.has(join(base, ...parts), name);
}
