// The build context compose gives a Dockerfile: a service's `build.context` when its
// `build.dockerfile` is this file. Dockerfiles kept in a subfolder are often built with the
// repository root as context (`context: ../..`, `dockerfile: examples/app/Dockerfile`), and that
// root's .dockerignore and entries are the ones that apply, not the Dockerfile's folder.

import { readFile, stat } from "node:fs/promises";
import { dirname, join, resolve } from "node:path";
import { composeServices, field } from "./compose-file";
import { isPresent } from "./paths";

const COMPOSE_FILES = ["compose.yaml", "compose.yml", "docker-compose.yaml", "docker-compose.yml"];
/** Compose files sit at the project root, rarely more than a few folders up. */
const MAX_LEVELS = 6;
/** Larger files are not project configuration; reading them would only cost time. */
const MAX_FILE_BYTES = 1 << 20;

/**
 * The absolute context folder a compose file in reach (the Dockerfile's folder and those above it,
 * up to the repository root) builds `dockerfile` (absolute path) with; null when none names it.
 */
export async function readComposeBuildContext(dockerfile: string): Promise<string | null> {
  let dir = dirname(dockerfile);
  for (let level = 0; level < MAX_LEVELS; level++) {
    for (const name of COMPOSE_FILES) {
      const text = await readSmallText(join(dir, name));
      if (text === null) continue;
      const context = composeContextFor(text, dir, dockerfile);
      if (context !== null) return context;
    }
    if (await isPresent(join(dir, ".git"))) break;
    const parent = dirname(dir);
    if (parent === dir) break;
    dir = parent;
  }
  return null;
}

/**
 * The context folder of the first service of a compose file (in `composeDir`) whose build names
 * `dockerfile`: `build.dockerfile` resolves against `build.context`, which resolves against the
 * compose file's folder. Contexts that are URLs or variables are skipped: they cannot be read here.
 */
export function composeContextFor(text: string, composeDir: string, dockerfile: string): string | null {
  const target = resolve(dockerfile);
  for (const service of composeServices(text) ?? []) {
    const build = field(service, "build");
    const context = typeof build === "string" ? build : field(build, "context");
    const file = field(build, "dockerfile");
    const contextPath = typeof context === "string" ? context : ".";
    if (/^[a-z][a-z0-9+.-]*:\/\//i.test(contextPath) || contextPath.includes("$")) continue;
    const contextDir = resolve(composeDir, contextPath);
    const dockerfilePath = resolve(contextDir, typeof file === "string" && !file.includes("$") ? file : "Dockerfile");
    if (dockerfilePath === target) return contextDir;
  }
  return null;
}

async function readSmallText(path: string): Promise<string | null> {
  try {
    const info = await stat(path);
    if (!info.isFile() || info.size > MAX_FILE_BYTES) return null;
    return await readFile(path, "utf8");
  } catch {
    // Absent (the usual case) or unreadable: it names nothing.
    return null;
  }
}
