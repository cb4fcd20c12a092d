// The build context compose gives a Dockerfile: a service's `build.context` when its
// `build.dockerfile` is this file. Dockerfiles kept in a subfolder are often built with the
// repository root as context (`context: ../..`, `dockerfile: examples/app/Dockerfile`), and that
// root's .dockerignore and entries are the ones that apply, not the Dockerfile's folder.

import { dirname, resolve } from "node:path";
import { composeServices, field, isRecord } from "./compose-file";
import { FolderReader } from "./folder-reader";
import { buildReadsDockerfile, defaultDockerfileName } from "./paths";

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
  const defaultName = await defaultDockerfileName(dir, reader);
  for (let level = 0; level < MAX_LEVELS; level++) {
    const found = await reader.composeServicesOf(dir, COMPOSE_FILES, MAX_FILE_BYTES);
    // Compose fills `${VAR}` in a build's context and dockerfile from the `.env` beside the file.
    const env = found.length > 0 ? parseDotEnv((await reader.readSmallIn(dir, ".env", MAX_FILE_BYTES)) ?? "") : new Map<string, string>();
    for (const services of found) {
      const context = composeContextIn(services, dir, dockerfile, env, defaultName);
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
 * `defaultName` is the name a build naming no file reads in the Dockerfile's folder (paths.ts).
 */
export function composeContextFor(
  text: string,
  composeDir: string,
  dockerfile: string,
  env: ReadonlyMap<string, string> = new Map(),
  defaultName = "Dockerfile",
): string | null {
  return composeContextIn(composeServices(text) ?? [], composeDir, dockerfile, env, defaultName);
}

/**
 * The variables of a compose project's `.env` (`NAME=value`, `export NAME=value`, quoted values,
 * `#` comments), as compose reads them for interpolation.
 */
export function parseDotEnv(text: string): Map<string, string> {
  const env = new Map<string, string>();
  for (const line of text.split(/\r?\n/)) {
    const m = /^(?:export\s+)?([A-Za-z_][A-Za-z0-9_]*)=(.*)$/.exec(line.trim());
    if (m === null) continue;
    const value = m[2].trim();
    const quoted = /^(["'])(.*)\1$/.exec(value);
    env.set(m[1], quoted ? quoted[2] : value.replace(/\s#.*$/, "").trim());
  }
  return env;
}

/**
 * `value` with compose's interpolation applied where it is known: `${VAR}` and `$VAR` from `env`,
 * `${VAR:-default}` / `${VAR-default}` falling back to the default. A variable neither gives stays
 * as written (the caller then skips the value: the shell's environment is not known here).
 */
function interpolated(value: string, env: ReadonlyMap<string, string>): string {
  return value.replace(
    /\$\{([A-Za-z_][A-Za-z0-9_]*)(?:(:?-)([^}]*))?\}|\$([A-Za-z_][A-Za-z0-9_]*)/g,
    (whole, braced?: string, op?: string, fallback?: string, bare?: string) => {
      const name = braced ?? bare ?? "";
      const set = env.get(name);
      if (set !== undefined && !(op === ":-" && set === "")) return set;
      return op !== undefined ? (fallback ?? "") : whole;
    },
  );
}

function composeContextIn(
  services: readonly unknown[],
  composeDir: string,
  dockerfile: string,
  env: ReadonlyMap<string, string>,
  defaultName: string,
): string | null {
  for (const service of services) {
    const build = field(service, "build");
    // A service without `build` runs a pulled image: it builds no Dockerfile, least of all the
    // `Dockerfile` next to the compose file that the defaults below would name.
    if (typeof build !== "string" && !isRecord(build)) continue;
    const context = typeof build === "string" ? build : field(build, "context");
    const written = field(build, "dockerfile");
    const file = typeof written === "string" ? interpolated(written, env) : written;
    const contextPath = typeof context === "string" ? interpolated(context, env) : ".";
    if (/^[a-z][a-z0-9+.-]*:\/\//i.test(contextPath) || contextPath.includes("$")) continue;
    const contextDir = resolve(composeDir, contextPath);
    if (buildReadsDockerfile(contextDir, typeof file === "string" && !file.includes("$") ? file : null, dockerfile, defaultName)) return contextDir;
  }
  return null;
}
