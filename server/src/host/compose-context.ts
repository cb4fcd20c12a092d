// The build context compose gives a Dockerfile: a service's `build.context` when its
// `build.dockerfile` is this file. Dockerfiles kept in a subfolder are often built with the
// repository root as context (`context: ../..`, `dockerfile: examples/app/Dockerfile`), and that
// root's .dockerignore and entries are the ones that apply, not the Dockerfile's folder.

import { dirname, resolve } from "node:path";
import { composeServices, field, isRecord } from "./compose-file";
import { FolderReader } from "./folder-reader";

const COMPOSE_FILES = ["compose.yaml", "compose.yml", "docker-compose.yaml", "docker-compose.yml"];
/** Compose files sit at the project root, rarely more than a few folders up. */
const MAX_LEVELS = 6;
/** Larger files are not project configuration; reading them would only cost time. */
const MAX_FILE_BYTES = 1 << 20;

/**
 * The absolute context folder a compose file in reach (the Dockerfile's folder and those above it,
 * up to the repository root) builds `dockerfile` (absolute path) with; null when none names it.
 */
export async function readComposeBuildContext(dockerfile: string, reader = new FolderReader()): Promise<string | null> {
  let dir = dirname(dockerfile);
  for (let level = 0; level < MAX_LEVELS; level++) {
    for (const services of await reader.composeServicesOf(dir, COMPOSE_FILES, MAX_FILE_BYTES)) {
      const context = composeContextIn(services, dir, dockerfile);
      if (context !== null) return context;
    }
    if (await reader.has(dir, ".git")) break;
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
  return composeContextIn(composeServices(text) ?? [], composeDir, dockerfile);
}

function composeContextIn(services: readonly unknown[], composeDir: string, dockerfile: string): string | null {
  const target = resolve(dockerfile);
  for (const service of services) {
    const build = field(service, "build");
    // A service without `build` runs a pulled image: it builds no Dockerfile, least of all the
    // `Dockerfile` next to the compose file that the defaults below would name.
    if (typeof build !== "string" && !isRecord(build)) continue;
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
