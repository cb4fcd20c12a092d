// The compose services of a project that may run a Dockerfile's image, as facts for the rules: the
// user each runs as, and what each mounts (data volumes, the Docker socket). A service that builds
// this Dockerfile runs its image; one that pulls an image may (which one, the model decides from
// the image's name); one that builds another Dockerfile does not.

import { dirname, join, relative, resolve, sep } from "node:path";
import type { ComposeMount, ComposeServiceFacts } from "../model/context";
import { field, isRecord } from "./compose-file";
import { FolderReader } from "./folder-reader";
import { buildReadsDockerfile, defaultDockerfileName, MAX_REPOSITORY_LEVELS } from "./paths";

/** Compose files by name: `compose.yaml`, `docker-compose.yml`, and their variants (`docker-compose.prod.yml`, `docker-compose.example.yml`). */
const COMPOSE_FILE = /^(?:docker-)?compose(?:[.-][\w.-]+)?\.ya?ml$/i;
/** Larger files are not project configuration. */
const MAX_FILE_BYTES = 1 << 20;
/** Compose files read per folder, services kept, and mounts kept per service: projects have a few. */
const MAX_FILES_PER_FOLDER = 12;
const MAX_SERVICES = 48;
const MAX_MOUNTS = 32;

/**
 * The services of the compose files in the Dockerfile's folder and those above it, up to the
 * repository root, that build `file` or run a pulled image, with their user and mounts.
 */
export async function readComposeServices(file: string, reader = new FolderReader()): Promise<ComposeServiceFacts[]> {
  const found: ComposeServiceFacts[] = [];
  let dir = dirname(file);
  const defaultName = await defaultDockerfileName(dir, reader);
  for (let level = 0; level < MAX_REPOSITORY_LEVELS && found.length < MAX_SERVICES; level++) {
    for (const name of await composeFileNames(dir, reader)) {
      // Unparsable or too large: it says nothing.
      const services = await reader.composeServices(join(dir, name), MAX_FILE_BYTES);
      for (const service of services ?? []) {
        const facts = await serviceFacts(service, join(dir, name), { path: file, defaultName }, reader);
        if (facts !== null && found.length < MAX_SERVICES) found.push(facts);
      }
    }
    if (await reader.has(dir, ".git")) break;
    const parent = dirname(dir);
    if (parent === dir) break;
    dir = parent;
  }
  return found;
}

/**
 * The compose files `dir` holds, found once per folder for the life of `reader`: every Dockerfile
 * below it asks, and matching the names of a folder of n Dockerfiles once per Dockerfile costs n².
 */
function composeFileNames(dir: string, reader: FolderReader): Promise<readonly string[]> {
  return reader.memo(`compose-file-names\u0000${dir}`, async () => {
    const listing = await reader.list(dir);
    return (listing?.entries ?? [])
      .filter((e) => e.isFile && COMPOSE_FILE.test(e.name))
      .map((e) => e.name)
      .slice(0, MAX_FILES_PER_FOLDER);
  });
}

/** One service's facts; null when it builds another Dockerfile (or a remote or variable context). */
async function serviceFacts(
  service: unknown,
  composeFile: string,
  dockerfile: { path: string; defaultName: string },
  reader: FolderReader,
): Promise<ComposeServiceFacts | null> {
  if (!isRecord(service)) return null;
  const composeDir = dirname(composeFile);
  const build = service.build;
  let builds = false;
  if (typeof build === "string" || isRecord(build)) {
    const context = typeof build === "string" ? build : field(build, "context");
    const contextPath = typeof context === "string" ? context : ".";
    if (/^[a-z][a-z0-9+.-]*:\/\//i.test(contextPath) || contextPath.includes("$")) return null;
    const named = field(build, "dockerfile");
    if (!buildReadsDockerfile(resolve(composeDir, contextPath), typeof named === "string" ? named : null, dockerfile.path, dockerfile.defaultName)) return null;
    builds = true;
  }
  const image = typeof service.image === "string" ? service.image : null;
  if (!builds && image === null) return null;
  const user = typeof service.user === "string" || typeof service.user === "number" ? String(service.user) : null;
  const volumes = Array.isArray(service.volumes) ? service.volumes.slice(0, MAX_MOUNTS) : [];
  const mounts: ComposeMount[] = [];
  for (const volume of volumes) {
    const mount = await mountFacts(volume, composeDir, reader);
    if (mount !== null) mounts.push(mount);
  }
  const entrypoint = commandWords(service.entrypoint);
  const command = commandWords(service.command);
  const workingDir = typeof service.working_dir === "string" && service.working_dir.trim() !== "" ? service.working_dir.trim() : null;
  const facts: ComposeServiceFacts = { file: relative(dirname(dockerfile.path), composeFile).split(sep).join("/"), builds, image, user, mounts };
  return {
    ...facts,
    ...(entrypoint === null ? {} : { entrypoint }),
    ...(command === null ? {} : { command }),
    ...(workingDir === null ? {} : { workingDir }),
  };
}

/** An `entrypoint` or `command` as words: a list as written, a string split on spaces; null when neither. */
function commandWords(value: unknown): string[] | null {
  if (typeof value === "string") return value.trim().split(/\s+/);
  return Array.isArray(value) && value.every((w) => typeof w === "string") ? value.map(String) : null;
}

/** A mount in the short (`src:/target:ro`) or long (`{ type, source, target, read_only }`) syntax. */
async function mountFacts(volume: unknown, composeDir: string, reader: FolderReader): Promise<ComposeMount | null> {
  let source: string | null;
  let target: string;
  let readOnly: boolean;
  if (typeof volume === "string") {
    const parts = volume.split(":");
    // `/target` alone is an anonymous volume; a Windows drive (`C:\data:/data`) is a host path.
    if (parts.length === 1) [source, target, readOnly] = [null, parts[0], false];
    else {
      const drive = /^[A-Za-z]$/.test(parts[0]) ? 1 : 0;
      source = parts.slice(0, drive + 1).join(":");
      target = parts[drive + 1] ?? "";
      readOnly = (parts[drive + 2] ?? "").split(",").includes("ro");
    }
  } else if (isRecord(volume) && typeof volume.target === "string") {
    source = typeof volume.source === "string" ? volume.source : null;
    target = volume.target;
    readOnly = volume.read_only === true;
  } else return null;
  if (!target.startsWith("/")) return null;
  return { target, source: await sourceKind(source, composeDir, reader), readOnly };
}

/**
 * A named (or anonymous) volume; a path of the project itself (a relative path that exists: source
 * or configuration mounted in); or a folder of the host (an absolute path, a variable, or a relative
 * path the project does not hold, created on first run: `./data`).
 */
async function sourceKind(source: string | null, composeDir: string, reader: FolderReader): Promise<ComposeMount["source"]> {
  if (source === null || /^[\w][\w.-]*$/.test(source)) return "volume";
  // `${PWD}/conf/app.toml`: compose runs from its own folder, as a relative path does.
  const path = source.replace(/^\$\{?PWD\}?(?=\/|$)/, ".");
  if (/^\.\.?(?:\/|$)/.test(path) && !path.includes("$")) return (await reader.isPresent(resolve(composeDir, path))) ? "project" : "host";
  return "host";
}
