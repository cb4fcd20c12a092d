// Which of the project's compose services run the image this Dockerfile builds, and what they say
// about it: the user it runs as, the data it keeps in volumes, the Docker socket it drives. A
// service that builds the Dockerfile runs it; a service that pulls an image runs it when the
// image is named for this project (`image: acme/shop` beside a package.json named `shop`, a
// Dockerfile that starts `/usr/bin/shop`, or CI that tags this file `acme/shop`), or when its
// `entrypoint:` is the project script this Dockerfile starts (`bin/start`). The host lists the
// services (BuildContextFacts.composeServices).

import type { ComposeMount, ComposeServiceFacts } from "./context";
import { contextFiles } from "./context";
import { lineage } from "./stage-graph";
import { startCommand } from "./stage-purpose";
import type { DockerfileModel } from "./types";

/** Path segments too common to name a project (`/usr/local/bin`, `/srv/data`). */
const COMMON_SEGMENTS = new Set([
  "usr",
  "local",
  "bin",
  "sbin",
  "opt",
  "etc",
  "var",
  "lib",
  "srv",
  "tmp",
  "home",
  "root",
  "share",
  "data",
  "run",
  "src",
  "app",
  "dist",
  "build",
]);
/** Suffixes an image name adds to the project's name (`changedetection.io`, `postiz-app`, `dns-server`). */
const NAME_SUFFIX = /(?:\.(?:io|org|com|net|dev|app)|[-_](?:app|server|service|docker|image))$/;
/** Words of a compose file's name or folders that mark it as a test, CI or development setup. */
const TEST_OR_DEVELOPMENT_WORDS = new Set(["test", "tests", "testing", "e2e", "ci", "dev", "devel", "development", "debug"]);
/** The OCI source label's repository name: `org.opencontainers.image.source="https://github.com/acme/shop.git"` is `shop`. */
const OCI_SOURCE = /^org\.opencontainers\.image\.source=["']?[a-z][a-z0-9+.-]*:\/\/[^\s"']*\/([^/\s"']+?)(?:\.git)?\/?["']?$/i;
/** The paths where the Docker engine's socket is mounted into a container. */
const DOCKER_SOCKETS = new Set(["/var/run/docker.sock", "/run/docker.sock"]);

const running = new WeakMap<DockerfileModel, ComposeServiceFacts[]>();

/** The compose services that run this Dockerfile's image: those that build it, and those whose image is named for the project. */
export function composeServicesRunning(model: DockerfileModel): ComposeServiceFacts[] {
  let services = running.get(model);
  if (services === undefined) {
    const all = model.context.composeServices ?? [];
    const names = all.some((s) => !s.builds) ? projectNames(model) : new Set<string>();
    const script = all.some((s) => !s.builds && s.entrypoint) ? projectStartScript(model) : null;
    services = all.filter(
      (s) => s.builds || (s.image !== null && (names.has(imageName(s.image) ?? "") || (script !== null && startsProjectScript(s, script)))),
    );
    running.set(model, services);
  }
  return services;
}

/**
 * The project script the final image starts, as a path relative to the working directory with a
 * folder in it (`ENTRYPOINT ["./bin/start"]` is `bin/start`); null when the start command is a
 * program on the PATH, an absolute path or a bare file name (`docker-entrypoint.sh`), which images
 * of other projects share.
 */
function projectStartScript(model: DockerfileModel): string | null {
  const program = startCommand(model)?.[0]
    ?.replace(/^["']|["']$/g, "")
    .replace(/^(?:\.\/)+/, "");
  if (program === undefined || program.startsWith("/") || !program.includes("/") || /[$`*?\s]/.test(program)) return null;
  return program;
}

/**
 * True when a service that pulls an image overrides its entrypoint with the project script this
 * Dockerfile starts (`entrypoint: [bin/start]` beside `ENTRYPOINT ["./bin/start"]`): the image holds
 * the project's own tree, so it is this one, whatever its name (`bigbluebutton/greenlight:v3`
 * built from a package named `app`).
 */
function startsProjectScript(service: ComposeServiceFacts, script: string): boolean {
  const program = service.entrypoint?.[0]?.replace(/^(?:\.\/)+/, "");
  return service.image !== null && imageName(service.image) !== null && program === script;
}

/** The non-root `user:` a compose service running the image sets (`1000:1000`, `${UID}:${GID}`), if any. */
export function composeRunUser(model: DockerfileModel): string | null {
  for (const service of composeServicesRunning(model)) {
    const user = service.user?.trim().replace(/^["']|["']$/g, "");
    if (user && !/^(?:root|0)(?::|$)/.test(user)) return user;
  }
  return null;
}

/** True when a compose service running the image mounts the Docker engine's socket: it drives Docker. */
export function composeMountsDockerSocket(model: DockerfileModel): boolean {
  return composeServicesRunning(model).some((s) => s.mounts.some((m) => DOCKER_SOCKETS.has(m.target.replace(/\/$/, ""))));
}

/**
 * The container paths where a compose service running the image keeps data across deployments: its
 * writable named volumes and host folders (`data:/datastore`, `./data:/app/data`). A compose file
 * in which a service running the image mounts the project's own files writable is a development
 * setup, and one named for tests, CI or development (`docker-compose-test.yml`) is no deployment:
 * their volumes say nothing about where a deployment keeps data. The Docker socket and single files
 * (`./app.toml:/etc/app.toml`) are not data folders.
 */
export function composeDataMounts(model: DockerfileModel): string[] {
  // A test or development compose file (`docker-compose-test.yml`) is no deployment: what it mounts
  // (`./test-results:/test-results`) is not data that deployments already keep.
  const services = composeServicesRunning(model).filter((s) => !isTestOrDevelopmentFile(s.file));
  const development = new Set(services.filter((s) => s.mounts.some((m) => m.source === "project" && !m.readOnly)).map((s) => s.file));
  const paths: string[] = [];
  for (const service of services) {
    if (development.has(service.file)) continue;
    for (const mount of service.mounts) if (isDataMount(mount)) paths.push(mount.target.replace(/(?<=.)\/$/, ""));
  }
  return paths;
}

/**
 * The container paths in root's home (`cache-whisper:/root/.cache`) where a compose service running
 * the image mounts a writable volume or host folder, in any of the project's compose files: unlike
 * a data folder elsewhere, a volume in /root says where the app keeps its files even in a file that
 * also mounts the sources for development.
 */
export function composeRootHomeMounts(model: DockerfileModel): string[] {
  return composeServicesRunning(model)
    .flatMap((s) => s.mounts.filter((m) => isDataMount(m)).map((m) => m.target.replace(/(?<=.)\/$/, "")))
    .filter((target) => target === "/root" || target.startsWith("/root/"));
}

/** True for a compose file whose name or folder says it is for tests, CI or development (`docker-compose-test.yml`, `dev/compose.yaml`). */
function isTestOrDevelopmentFile(file: string): boolean {
  return file
    .toLowerCase()
    .split("/")
    .flatMap((segment) => segment.replace(/\.ya?ml$/, "").split(/[-_.]/))
    .some((word) => TEST_OR_DEVELOPMENT_WORDS.has(word));
}

function isDataMount(mount: ComposeMount): boolean {
  const target = mount.target.replace(/\/$/, "");
  return !mount.readOnly && mount.source !== "project" && !DOCKER_SOCKETS.has(target) && !/\/[^/]+\.[a-z0-9]{1,5}$/i.test(target);
}

/**
 * The repository name of an image reference, lower-cased and without the suffixes image names add
 * (`ghcr.io/acme/shop.io:1.2` is `shop`); null for a name that is a variable, and for an official
 * image (`postgres`, `library/redis`): a project's own image has a namespace.
 */
export function imageName(image: string): string | null {
  const path = image
    .trim()
    .replace(/@.*$/, "")
    .replace(/:[^/]*$/, "");
  const segments = path.split("/");
  // A registry host (`docker.io/redis`, `localhost:5000/app`) is not a namespace.
  if (segments.length > 1 && /[.:]|^localhost$/.test(segments[0])) segments.shift();
  if (segments.length < 2 || segments[segments.length - 2] === "library") return null;
  const name = segments[segments.length - 1].toLowerCase();
  if (name.includes("$") || name === "") return null;
  return name.replace(NAME_SUFFIX, "");
}

/**
 * Names the project goes by: its manifests' names (package.json `name`, go.mod's module, Cargo's and
 * pyproject's package name), the repository its OCI source label names, and the names in the final
 * image's paths (`/usr/bin/shop`, `WORKDIR /srv/shop`, `./shop.py`), lower-cased, suffixes dropped as
 * for image names.
 */
function projectNames(model: DockerfileModel): Set<string> {
  const names = new Set<string>();
  const add = (value: string | undefined) => {
    const name = value
      ?.toLowerCase()
      .replace(/^@[^/]+\//, "")
      .replace(/\.[a-z0-9]{1,4}$/, "");
    if (name && name.length >= 3 && !COMMON_SEGMENTS.has(name)) names.add(name.replace(NAME_SUFFIX, ""));
  };
  // The repositories CI tags this very Dockerfile with (`coderaiser/cloudcmd`, `*/shop`).
  for (const image of model.context.publishedImages ?? []) add(imageName(image.replace(/^\*\//, "ns/")) ?? undefined);
  for (const [path, text] of Object.entries(contextFiles(model.context))) {
    if (path.includes("/")) continue;
    if (path === "package.json") add(/"name"\s*:\s*"([^"]+)"/.exec(text)?.[1]);
    if (path === "go.mod")
      add(
        /^module\s+(\S+)/m
          .exec(text)?.[1]
          .split("/")
          .filter((s) => !/^v\d+$/.test(s))
          .pop(),
      );
    if (path === "Cargo.toml" || path === "pyproject.toml") add(/^name\s*=\s*["']([^"']+)["']/m.exec(text)?.[1]);
  }
  const final = model.finalStage;
  if (!final) return names;
  const words = [...(startCommand(model) ?? [])];
  for (const stage of lineage(final)) {
    for (const i of stage.instructions) {
      // The repository the image says it is built from (`org.opencontainers.image.source=https://github.com/acme/shop`).
      if (i.keyword === "LABEL") for (const a of i.args) add(OCI_SOURCE.exec(a.value)?.[1]);
      if (i.keyword === "WORKDIR" || i.keyword === "VOLUME") words.push(...i.args.map((a) => a.value));
      if ((i.keyword === "COPY" || i.keyword === "ADD") && i.args.length > 1) words.push(i.args[i.args.length - 1].value);
    }
  }
  for (const word of words) for (const segment of word.replace(/^["'[]+|["',\]]+$/g, "").split("/")) add(segment);
  return names;
}
