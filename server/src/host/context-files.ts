// Files of the build context that rules read as facts: the Dockerfile's place in its repository
// (a `.devcontainer/` or `ci/` Dockerfile is a development image) and the small text files it copies
// from the context (entry scripts, uwsgi/supervisord configs) plus the root package.json and the
// manifests the installs read where they run, so a rule can see that an entrypoint drops root or
// that there are no devDependencies. The host reads; the engine only receives the contents.

import { APT_CONFIG_PATH } from "../model/apt-config";
import { contextCopy } from "../model/copies";
import { baseName, contextRelativePath, normalizePath, unquoteWord } from "../model/copy-paths";
import { dirname, join, posix, relative, resolve, sep } from "node:path";
import { mountsOf } from "../model/mounts";
import { parseDockerfile } from "../model/parse";
import { installManifestPaths, nodeStartFiles, pythonStartFiles } from "../model/dev-dependencies";
import { pipRequirementSources } from "../model/pip-requirement-files";
import { requirementIncludes } from "../model/requirement-includes";
import { buildConfigPlaces } from "../model/build-config-reads";
import { contextSourcesAt, type ImagePlace } from "../model/context-file-at";
import { fileStartedBy } from "../model/run-scripts";
import { isShellName } from "../model/shell-programs";
import { startCommand } from "../model/stage-purpose";
import { calledScriptSources, startCommandSources } from "../model/start-path-scripts";
import { isServiceStartFile, startSourcedSources } from "../model/start-steps";
import { withContext } from "../model/with-context";
import { perModel } from "../model/per-model";
import type { DockerfileModel } from "../model/types";
import { composeServices, isRecord } from "./compose-file";
import { GO_SOURCE_MAX_CHARS, GO_SOURCE_MAX_COUNT, isGoSourceOfInterest } from "../model/context";
import { FolderReader } from "./folder-reader";
import { buildReadsDockerfile, defaultDockerfileName, repositoryRoot } from "./paths";

const COMPOSE_FILES = ["compose.yaml", "compose.yml", "docker-compose.yaml", "docker-compose.yml", "docker-compose.override.yml", "compose.override.yaml"];

/** How far up a repository root is looked for. */
const MAX_LEVELS = 8;
/** Entry scripts and configs are small; anything larger is not read. */
const MAX_FILE_BYTES = 64 * 1024;
/**
 * Requirement files the image's pip reads may be longer: a hash-pinned one carries a line of
 * hashes per wheel (held-out AR, akvo-rsr: 120 KB for 300 packages), and its pins cap the Python
 * a base move may name.
 */
const MAX_REQUIREMENTS_BYTES = 512 * 1024;
const MAX_FILES = 24;
/**
 * Files worth reading: scripts, the configs of servers that drop privileges themselves, apt source
 * lists (`.list`, deb822 `.sources`: the release their packages are built for), and Procfiles
 * (forego, honcho: which processes the image's process manager starts).
 */
const INTERESTING = /(?:\.(?:sh|bash|ini|conf|cfg|py|rb|list|sources)|entrypoint[^/]*|(?:^|\/)(?:run|start|boot|init)[^/.]*|(?:^|\/)Procfile[^/]*)$/i;

/** The Dockerfile's path relative to the nearest folder holding `.git`; its file name when none. */
export async function repositoryPath(file: string, reader = new FolderReader()): Promise<string> {
  const root = await repositoryRoot(dirname(file), reader);
  return root !== null ? relative(root, file).split(sep).join("/") : (file.split(sep).pop() ?? file);
}

/**
 * Context-relative sources of `COPY`/`ADD` (no `--from`, no wildcard, no variable) in `dockerfile`,
 * its text or its model when the caller has parsed it already (the CLI: one parse per file).
 */
export function copiedContextPaths(dockerfile: string | DockerfileModel): string[] {
  return copiedContextSources(dockerfile).filter((p) => !p.endsWith("/"));
}

/**
 * Every context-relative source `dockerfile` copies, folders included (`rootfs/`, `docker`); the
 * whole context (`.`) is left out: walking it would read the project, not what the image runs.
 */
export function copiedContextSources(dockerfile: string | DockerfileModel): string[] {
  const paths = new Set<string>();
  const model = typeof dockerfile === "string" ? parseDockerfile(dockerfile) : dockerfile;
  for (const instruction of model.instructions) {
    // A bind mount of a context file (`RUN --mount=type=bind,source=pyproject.toml,...`) puts the
    // same file there as a copy would: the install reads it.
    if (instruction.keyword === "RUN") {
      for (const m of mountsOf(instruction)) {
        if (m.type !== "bind" || m.from !== null || m.source === null) continue;
        const path = contextRelativePath(m.source);
        if (!/[*?[$]/.test(path) && !path.startsWith("..") && path !== ".") paths.add(path);
      }
      continue;
    }
    if (instruction.keyword !== "COPY" && instruction.keyword !== "ADD") continue;
    if (instruction.flags.some((f) => f.name === "from")) continue;
    for (const arg of instruction.args.slice(0, -1)) {
      const value = arg.value.replace(/^["']|["']$/g, "");
      if (/[*?[$]|^[a-z]+:\/\//i.test(value) || value.startsWith("<<")) continue;
      const path = contextRelativePath(value);
      if (path.startsWith("..") || path === ".") continue;
      // A trailing `/` is how the copy says the source is a folder.
      paths.add(value.endsWith("/") ? `${path}/` : path);
    }
  }
  return [...paths];
}

/** Reads the small script and config files the Dockerfile (text or model) copies from the context folder `folder`. */
export async function readCopiedFiles(
  folder: string,
  text: string | DockerfileModel,
  reader = new FolderReader(),
  rootEntries?: readonly string[],
): Promise<Record<string, string>> {
  const files = Object.create(null) as Record<string, string>;
  // The context's root entries tell a folder copied without a trailing slash (`ADD web .`) from a file.
  const parsed = typeof text === "string" ? parseDockerfile(text) : text;
  const model = rootEntries !== undefined ? withContext(parsed, { ...parsed.context, rootEntries: [...rootEntries] }) : parsed;
  // Run files of process supervisors inside copied folders (`COPY docker ./docker` bringing `s6/app/run`),
  // and the entry script the start command names, copied itself under a name that does not say
  // script (`COPY app_launch /usr/local/bin` with `ENTRYPOINT ["/usr/local/bin/app_launch"]`) or
  // brought by a folder copy (`COPY app/ webapp` with `CMD ["/opt/app/webapp/startup"]`): whether it
  // drops root decides final-stage-root.
  const entryNames = new Set((startCommand(model) ?? []).map((w) => baseName(w)).filter((n) => /^[\w-]+(?:\.(?:sh|bash))?$/.test(n)));
  // package.json at the root tells whether an install brings devDependencies at all.
  const wanted = [
    "package.json",
    ...copiedContextPaths(model)
      .filter((p) => (INTERESTING.test(p) || entryNames.has(baseName(p))) && p !== "package.json")
      .slice(0, MAX_FILES),
  ];
  for (const path of await supervisorRunFiles(folder, copiedContextSources(model), reader, entryNames)) if (!wanted.includes(path)) wanted.push(path);
  // The entry script the start command runs when a build stage copied it with the whole context
  // (`COPY . .`, then `COPY --from=build /usr/src/docker/entrypoint.sh /entrypoint.sh`).
  for (const path of startCommandSources(model).slice(0, MAX_FILES)) if (INTERESTING.test(path) && !wanted.includes(path)) wanted.push(path);
  // Scripts without a telling name that a RUN runs after copying them (`COPY bin/install_node /tmp/`
  // then `RUN /tmp/install_node 20`): what the step does is in them.
  const ran = programsRun(model);
  for (const path of copiedContextPaths(model)
    .filter((p) => ran.has(baseName(p)))
    .slice(0, MAX_FILES))
    if (!wanted.includes(path)) wanted.push(path);
  // And those a RUN runs by their path in the image after a folder copy brought them (`COPY scripts
  // /scripts`, then `RUN ... && /scripts/sys/purge_cache.sh`; held-out BA, legendu-net).
  for (const path of programsRunFromContext(model).slice(0, MAX_FILES)) if (!wanted.includes(path)) wanted.push(path);
  // The config files build tools read the environment through (`mvn -s build/settings.xml`, `.npmrc`):
  // which variables a build step reads without naming them (model/build-config-reads.ts).
  for (const path of contextSourcesAt(model, buildConfigPlaces(model)).slice(0, MAX_FILES)) if (!wanted.includes(path)) wanted.push(path);
  // Requirement files pip installs, whatever they are named and however deep (`COPY
  // packages/server/requires.txt ./server_requires.txt`, then `pip install -r ./server_requires.txt`):
  // the releases they pin cap the Python a base-image remedy may name.
  for (const path of pipRequirementSources(model).slice(0, MAX_FILES)) if (!wanted.includes(path)) wanted.push(path);
  // The manifests Node and Composer installs read where they run, however deep (`COPY . .`, then
  // `cd vulnerabilities/api && composer install`): whether they declare development dependencies
  // decides final-stage-dev-dependencies; the context listing reads one folder down only.
  const installManifests = installManifestPaths(model).slice(0, MAX_FILES);
  for (const path of installManifests) if (!wanted.includes(path)) wanted.push(path);
  // Beside a package.json an install reads, the bundler configs that name the variables it inlines
  // into the browser bundle (Vite's `envPrefix`; held-out CJ, ryanwallace.cloud/map: `MT_` public by
  // design, reported by var-secret and judged wrong): the context listing reads one folder down only.
  for (const manifest of installManifests) {
    if (baseName(manifest) !== "package.json") continue;
    const prefix = manifest.slice(0, -"package.json".length);
    for (const config of BUNDLER_CONFIGS) if (!wanted.includes(prefix + config)) wanted.push(prefix + config);
    // And its tsconfig.json: a run-time compiler (`tsx src/server.ts`) reads the configs it extends at start.
    if (!wanted.includes(`${prefix}tsconfig.json`)) wanted.push(`${prefix}tsconfig.json`);
  }
  // apt configuration parts the image copies (`COPY docker/01norecommends /etc/apt/apt.conf.d/`),
  // often named without an extension: whether they turn recommends off decides run-apt-get-recommends.
  for (const path of sourcesCopiedTo(model, APT_CONFIG_PATH).slice(0, MAX_FILES)) if (!wanted.includes(path)) wanted.push(path);
  // Programs copied into a bin folder under a name that does not say script (`COPY r-check
  // /usr/local/bin`): what the image offers its users to run, which may build (an R package checker).
  for (const path of sourcesCopiedTo(model, BIN_PATH).slice(0, MAX_FILES)) if (!wanted.includes(path)) wanted.push(path);
  // Only files inside the context: BuildKit resolves `COPY ../x` inside it, so a file above the
  // folder is not what the image gets, and reading above the workspace is not ours to do.
  const inside = wanted.filter(isInsideContext);
  // Missing (generated during the build), a folder named like a file, too large or binary: not read.
  const requirements = new Set(pipRequirementSources(model));
  const texts = await Promise.all(inside.map((path) => reader.readSmall(join(folder, path), requirements.has(path) ? MAX_REQUIREMENTS_BYTES : MAX_FILE_BYTES)));
  inside.forEach((path, i) => {
    const text = texts[i];
    if (text !== null) files[path] = text;
  });
  await readSourcedScripts(folder, model, files, reader);
  // The scripts those run by their path in the image (a sourced loop running
  // `/app/functions/update-redbot.sh`): what they do at start is part of the container's start.
  await readInRounds(folder, files, reader, MAX_FILE_BYTES, (read) =>
    calledScriptSources(withContext(model, { ...model.context, files: read })).filter(isInsideContext),
  );
  await readRequirementIncludes(folder, model, files, reader);
  // The JavaScript files the start runs with node, named in package.json's scripts (read above):
  // whether they load a devDependency decides final-stage-dev-dependencies. And the Python modules
  // it runs (`python3 app.py`): whether they import a module a newer Python removed (distutils)
  // decides base-image-deprecated's move.
  await readInRounds(folder, files, reader, MAX_FILE_BYTES, (read) => {
    const withRead = withContext(model, { ...model.context, files: read });
    return [...nodeStartFiles(withRead), ...pythonStartFiles(withRead)].filter(isInsideContext);
  });
  return files;
}

/** The bundler configs that declare which variables are public (model/public-env.ts). */
const BUNDLER_CONFIGS = ["vite.config.ts", "vite.config.js", "vite.config.mjs", "svelte.config.js", "svelte.config.ts", "svelte.config.mjs"];

/** How many rounds of files found through others are read (an entry script sources `functions`, which sources `env-defaults`). */
const SOURCED_ROUNDS = 3;

/**
 * Adds to `files` the files `next` names from what `files` holds so far, round after round (each
 * read may name more), up to {@link SOURCED_ROUNDS} rounds; each at most `maxBytes`.
 */
async function readInRounds(
  folder: string,
  files: Record<string, string>,
  reader: FolderReader,
  maxBytes: number,
  next: (files: Record<string, string>) => readonly string[],
): Promise<void> {
  const tried = new Set(Object.keys(files));
  for (let round = 0; round < SOURCED_ROUNDS; round++) {
    const paths = next({ ...files })
      .filter((path) => !tried.has(path))
      .slice(0, MAX_FILES);
    if (paths.length === 0) return;
    for (const path of paths) tried.add(path);
    const texts = await Promise.all(paths.map((path) => reader.readSmall(join(folder, path), maxBytes)));
    paths.forEach((path, i) => {
      const text = texts[i];
      if (text !== null) files[path] = text;
    });
  }
}

/**
 * Adds to `files` the requirement files that those the image's pip reads pull in (`-r base.txt`
 * in `requirements/production.txt`), and theirs: the releases they pin cap the Python a base move
 * may name (held-out AR, indok-web: Django 3.2 in the included base.txt).
 */
function readRequirementIncludes(folder: string, model: DockerfileModel, files: Record<string, string>, reader: FolderReader): Promise<void> {
  return readInRounds(folder, files, reader, MAX_REQUIREMENTS_BYTES, (read) => {
    const installed = pipRequirementSources(model).filter((path) => read[path] !== undefined);
    return (requirementIncludes(installed, { ...model.context, files: read })?.files ?? []).filter(isInsideContext);
  });
}

/**
 * Adds to `files` the scripts the entry scripts read there source, under whatever name
 * (`source ${ASSETS_DIR}/runtime/functions`, copied with the folder `assets/runtime/`), and
 * those these source: what they run is part of the container's start.
 */
function readSourcedScripts(folder: string, model: DockerfileModel, files: Record<string, string>, reader: FolderReader): Promise<void> {
  return readInRounds(folder, files, reader, MAX_FILE_BYTES, (read) => startSourcedSources(withContext(model, { ...model.context, files: read })));
}

/** A bin folder, or a file in one: `/usr/local/bin`, `/usr/local/bin/`, `/bin/image`. */
const BIN_PATH = /^\/(?:usr\/(?:local\/)?)?s?bin(?:\/[^/]*)?$/;

/**
 * Context files (no folder, wildcard or variable) that a COPY/ADD puts where `destination` matches
 * its normalised destination: apt's configuration (/etc/apt/apt.conf.d/), a bin folder.
 */
function sourcesCopiedTo(model: DockerfileModel, destination: RegExp): string[] {
  const paths: string[] = [];
  for (const instruction of model.instructions) {
    const copy = contextCopy(instruction);
    if (copy === null || !destination.test(normalizePath(unquoteWord(copy.dest.value)))) continue;
    for (const source of copy.sources) {
      const path = contextRelativePath(unquoteWord(source.value));
      if (!/[*?[$]/.test(path) && !path.startsWith("..") && path !== "." && !path.endsWith("/")) paths.push(path);
    }
  }
  return paths;
}

/**
 * The context paths of the files RUN commands start by their path in the image, which a copy
 * brought there (`COPY . /app`, then `RUN /app/scripts/build`: `scripts/build`). Once per parse:
 * a context read asks twice (the copy sources' context and the files to read).
 */
export const programsRunFromContext: (model: DockerfileModel) => readonly string[] = perModel((model) => contextSourcesAt(model, programsRunAt(model)));

/** The absolute paths in the image of the files RUN commands start (`/scripts/sys/purge_cache.sh`), with their stages. */
function programsRunAt(model: DockerfileModel): ImagePlace[] {
  const places: ImagePlace[] = [];
  for (const instruction of model.instructions) {
    if (instruction.keyword !== "RUN" || instruction.stage === null) continue;
    for (const command of instruction.commands) {
      const path = (fileStartedBy(command)?.value ?? "").replace(/^["']|["']$/g, "");
      if (path.startsWith("/") && !path.includes("$")) places.push({ stage: instruction.stage, path });
    }
  }
  return places;
}

/** The file names of the programs RUN instructions start by path (`/tmp/install_node`, `bash ./setup`), not commands found on PATH. */
function programsRun(model: DockerfileModel): Set<string> {
  const names = new Set<string>();
  for (const instruction of model.instructions) {
    if (instruction.keyword !== "RUN") continue;
    for (const command of instruction.commands) {
      const first = fileStartedBy(command)?.value;
      if (first === undefined || first.includes("$") || (!first.includes("/") && !isShellName(command.name))) continue;
      names.add(
        first
          .replace(/^["']|["']$/g, "")
          .split("/")
          .pop() ?? first,
      );
    }
  }
  return names;
}

/** How deep copied folders are searched for supervisor run files, and how many folders are listed at most. */
const RUN_FILE_MAX_DEPTH = 5;
const RUN_FILE_MAX_FOLDERS = 64;
/** Folders never searched for run files: dependencies, build output and VCS data. */
const NOT_SERVICE_FOLDERS = new Set([".git", "node_modules", "vendor", "target", "dist", "build", "__pycache__"]);

/**
 * The service `run` files of process supervisors in the folders `sources` copies from the context:
 * s6 and runit keep one folder per service holding an executable `run` (`s6/app/run`,
 * `etc/services.d/app/run`, `etc/s6-overlay/s6-rc.d/app/run`, `etc/service/app/run`); their other
 * start files and the start hooks entry points run (`isServiceStartFile`: `cont-init.d`,
 * `docker-entrypoint.d`), supervisord's program configs, and the files named in `entryNames` (the
 * start command's entry script). Clamped in depth, folders listed and files found; a source that is
 * a file lists as nothing.
 */
export async function supervisorRunFiles(
  folder: string,
  sources: readonly string[],
  reader: FolderReader,
  entryNames: ReadonlySet<string> = new Set(),
): Promise<string[]> {
  const found: string[] = [];
  const queue = sources.map((p) => ({ path: p.replace(/\/$/, ""), depth: 0 }));
  let listed = 0;
  for (let next = 0; next < queue.length && listed < RUN_FILE_MAX_FOLDERS && found.length < MAX_FILES; next++) {
    const { path, depth } = queue[next];
    // A source the parent's listing lacks (a generated file, a typo) costs no system call: a
    // Dockerfile copying thousands of such paths would otherwise try to list each of them.
    if (depth === 0 && !(await reader.mayExist(join(folder, path)))) continue;
    const listing = await reader.list(join(folder, path));
    if (listing === null) continue;
    listed++;
    for (const entry of listing.entries) {
      const child = `${path}/${entry.name}`;
      if (entry.isFile && (entry.name === "run" || entryNames.has(entry.name) || isServiceStartFile(child) || isSupervisordConfig(child))) found.push(child);
      else if (entry.isDirectory && depth < RUN_FILE_MAX_DEPTH && !NOT_SERVICE_FOLDERS.has(entry.name)) queue.push({ path: child, depth: depth + 1 });
    }
  }
  return found.slice(0, MAX_FILES);
}

/**
 * supervisord's configs inside a copied folder (`etc/supervisor/conf.d/workers.conf`,
 * `supervisord.d/app.ini`, `supervisord.conf`): their `[program:x]` sections say which user each
 * service runs as, so whether the image leaves root.
 */
function isSupervisordConfig(path: string): boolean {
  return /(?:^|\/)supervisord?(?:\.d)?\/(?:conf\.d\/)?[^/]+\.(?:conf|ini)$|(?:^|\/)supervisord[^/]*\.conf$/.test(path);
}

/** Folders of a Go module that hold no sources of the program. */
const NOT_GO_SOURCES = new Set(["vendor/", "testdata/", ".git/", "node_modules/"]);

/**
 * The `.go` sources (not tests) at the root of a Go module's context and one folder down, in name
 * order, at most {@link GO_SOURCE_MAX_COUNT} of {@link GO_SOURCE_MAX_CHARS} each; none without go.mod.
 */
export async function readGoSources(folder: string, rootEntries: readonly string[], reader: FolderReader): Promise<Record<string, string>> {
  if (!rootEntries.includes("go.mod")) return {};
  const wanted = rootEntries.filter((e) => isGoSourceOfInterest(e));
  for (const dir of rootEntries) {
    if (!dir.endsWith("/") || NOT_GO_SOURCES.has(dir) || wanted.length >= GO_SOURCE_MAX_COUNT) continue;
    // An unreadable folder (null listing) only means fewer facts.
    const inner = await reader.list(join(folder, dir));
    for (const d of inner?.entries ?? []) if (d.isFile && isGoSourceOfInterest(d.name)) wanted.push(`${dir}${d.name}`);
  }
  const files = Object.create(null) as Record<string, string>;
  for (const rel of wanted.slice(0, GO_SOURCE_MAX_COUNT)) {
    const read = await reader.read(join(folder, rel), GO_SOURCE_MAX_CHARS, { truncate: true });
    if (read.ok) files[rel] = read.text;
  }
  return files;
}

/**
 * True when a service of the compose file `text` (in `composeDir`) builds `dockerfile` and
 * bind-mounts its build context, or a folder holding it, into the container: the usual development
 * setup (`volumes: - ./:/app`), where the image is a toolchain for sources edited on the host.
 */
export function composeMountsSource(text: string, composeDir: string, dockerfile: string, defaultName = "Dockerfile"): boolean {
  return servicesMountSource(composeServices(text) ?? [], composeDir, dockerfile, defaultName).length > 0;
}

/**
 * The build targets of the services that build `dockerfile` and bind-mount the project source:
 * null for one that builds the whole file (no `target:`, or one given by a variable without a
 * default); `${ENVIRONMENT:-development}` is its default.
 */
function servicesMountSource(services: readonly unknown[], composeDir: string, dockerfile: string, defaultName: string): (string | null)[] {
  const targets: (string | null)[] = [];
  for (const service of services) {
    if (!isRecord(service)) continue;
    const build = service.build;
    const contextPath = typeof build === "string" ? build : isRecord(build) && typeof build.context === "string" ? build.context : isRecord(build) ? "." : null;
    if (contextPath === null || /^[a-z]+:\/\//i.test(contextPath)) continue;
    const context = resolve(composeDir, contextPath);
    if (!buildReadsDockerfile(context, isRecord(build) && typeof build.dockerfile === "string" ? build.dockerfile : null, dockerfile, defaultName)) continue;
    const volumes = Array.isArray(service.volumes) ? service.volumes : [];
    for (const volume of volumes) {
      const source =
        typeof volume === "string"
          ? volume.split(":")[0]
          : isRecord(volume) && volume.type === "bind" && typeof volume.source === "string"
            ? volume.source
            : null;
      if (source === null || !/^\.\.?(?:\/|$)/.test(source)) continue;
      const mounted = resolve(composeDir, source);
      if (mounted === context || context.startsWith(mounted + sep)) {
        targets.push(isRecord(build) && typeof build.target === "string" ? composeTarget(build.target) : null);
        break;
      }
    }
  }
  return targets;
}

/** A compose `target:` as a stage name: a `${VAR:-default}` reads as its default; null when not known. */
function composeTarget(value: string): string | null {
  const variable = /^\$\{\w+:?-([\w.-]+)\}$/.exec(value.trim());
  if (variable) return variable[1];
  return /[$]/.test(value) ? null : value.trim();
}

/**
 * Whether a compose service (in the Dockerfile's folder or above it, up to the repository root)
 * builds the Dockerfile and mounts the source: `whole` for one that builds the whole file, else the
 * targets such services build (a development stage, while the file's last stage ships).
 */
export async function readComposeSourceMount(file: string, reader = new FolderReader()): Promise<{ whole: boolean; targets: string[] }> {
  let dir = dirname(file);
  const defaultName = await defaultDockerfileName(dir, reader);
  const targets = new Set<string>();
  for (let level = 0; level < MAX_LEVELS; level++) {
    // Absent (the usual case), unreadable or larger than project configuration: a file says nothing.
    for (const services of await reader.composeServicesOf(dir, COMPOSE_FILES, 1 << 20)) {
      for (const target of servicesMountSource(services, dir, file, defaultName)) {
        if (target === null) return { whole: true, targets: [] };
        targets.add(target);
      }
    }
    if (await reader.has(dir, ".git")) break;
    const parent = dirname(dir);
    if (parent === dir) break;
    dir = parent;
  }
  return { whole: false, targets: [...targets].sort() };
}

/** True when a context-relative path stays inside the context (`a/../b` does; `../x` and `/etc/x` do not). */
function isInsideContext(path: string): boolean {
  const normalized = posix.normalize(path);
  return !posix.isAbsolute(normalized) && normalized !== ".." && !normalized.startsWith("../");
}
