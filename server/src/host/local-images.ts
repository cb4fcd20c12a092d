// The images a project builds and tags itself, by its compose and bake files: a compose service
// with both `build:` and `image:` (`image: ${USER}/app-base` built from `./base`), a bake target's
// `tags`; and by the build commands of its Makefiles and scripts (`docker buildx build -t
// experimenter:megazords application-services/`). A Dockerfile starting `FROM ${USER}/app-base`
// builds on that local image, which no registry publishes under a version tag.

import { BAKE_HCL_FILES, BAKE_JSON_FILES, bakeJsonTargets } from "./bake-files";
import { field, isRecord } from "./compose-file";
import { FolderReader } from "./folder-reader";
import { foundInProjectFolders, PROJECT_FILE_MAX_BYTES as MAX_FILE_BYTES, type ProjectFolder } from "./project-folders";
import { scriptTextsIn } from "./build-targets";
import { BUILD_COMMAND, expandMakeVariables, makeVariables, TAG_OPTION } from "../model/build-commands";
import { shellCommands } from "./ci-workflow";
import { gitlabPipelineVariables } from "./gitlab-ci";

/** Compose files by name: `compose.yaml`, `docker-compose.yml`, and their variants (`docker-compose.dev.yml`). */
const COMPOSE_FILE = /^(?:docker-)?compose(?:[.-][\w.-]+)?\.ya?ml$/i;
/** Compose files read per folder: projects have a few. */
const MAX_COMPOSE_FILES = 12;

/** Every image the compose and bake files in reach of a Dockerfile in `folder` build and tag, as written, sorted. */
export function readLocallyBuiltImages(folder: string, reader = new FolderReader()): Promise<string[]> {
  return foundInProjectFolders(folder, "locally-built-images", reader, (project) => imagesBuiltIn(project, reader));
}

/** The images the compose and bake files, Makefiles and scripts of one project folder build and tag. */
async function imagesBuiltIn({ dir, isRoot }: ProjectFolder, reader: FolderReader): Promise<string[]> {
  const listing = await reader.list(dir);
  const composeFiles = (listing?.entries ?? [])
    .filter((e) => e.isFile && COMPOSE_FILE.test(e.name))
    .map((e) => e.name)
    .slice(0, MAX_COMPOSE_FILES);
  const [services, hcl, json] = await Promise.all([
    reader.composeServicesOf(dir, composeFiles, MAX_FILE_BYTES),
    Promise.all(BAKE_HCL_FILES.map((name) => reader.readSmallIn(dir, name, MAX_FILE_BYTES))),
    Promise.all(BAKE_JSON_FILES.map((name) => reader.readSmallIn(dir, name, MAX_FILE_BYTES))),
  ]);
  const scripts = await scriptTextsIn(dir, isRoot, reader);
  // GitLab jobs name their images by the pipeline's variables (`-t ${IMAGE_BASE}:latest`), set in
  // `.gitlab-ci.yml` while the job may sit in a file it includes.
  const pipelineVariables = isRoot ? gitlabPipelineVariables(scripts) : new Map<string, string>();
  return [
    ...services.flatMap(composeBuiltImages),
    ...hcl.flatMap((text) => (text === null ? [] : bakeHclTags(text))),
    ...json.flatMap((text) => (text === null ? [] : bakeJsonTags(text))),
    ...scripts.flatMap((text) => commandLineTags(text, pipelineVariables)),
  ];
}

/**
 * The tags the build commands of a Makefile or script give (`docker build -t name`, `--tag=name`),
 * the variables assigned in the same file expanded first (experimenter's `$(DOCKER_BUILD) ... -t
 * experimenter:megazords`, with `DOCKER_BUILD = docker buildx build`; held-out AS), a shell
 * assignment's quotes dropped (`IMAGE="acme/app"`). A tag that keeps a variable no line assigns
 * matches no image.
 */
export function commandLineTags(text: string, inherited: ReadonlyMap<string, string> = new Map()): string[] {
  const lines = text.split(/\r?\n/);
  const values = new Map([...inherited, ...[...makeVariables(lines)].map(([name, value]): [string, string] => [name, value.replace(/^(["'])(.*)\1$/, "$2")])]);
  // Commands with their continued lines joined (`\`, a YAML item over several lines).
  return shellCommands(text).flatMap(({ command }) => {
    // Three rounds reach a variable built from variables; a cycle stops there.
    const expanded = expandMakeVariables(command, values, 3);
    return BUILD_COMMAND.test(expanded) ? [...expanded.matchAll(TAG_OPTION)].map((m) => m[2].replace(/^(["'])(.*)\1$/, "$2")) : [];
  });
}

/** The `image:` of each compose service that also has a `build:`: compose tags what it builds with that name. */
export function composeBuiltImages(services: readonly unknown[]): string[] {
  return services.flatMap((service) => {
    const build = field(service, "build");
    const image = field(service, "image");
    return (typeof build === "string" || isRecord(build)) && typeof image === "string" && image.trim() !== "" ? [image.trim()] : [];
  });
}

/** The strings of every `tags = [...]` list of a bake HCL file. */
export function bakeHclTags(text: string): string[] {
  return [...text.matchAll(/\btags\s*=\s*\[([^\]]*)\]/g)].flatMap((list) => [...list[1].matchAll(/"([^"\n]+)"/g)].map((m) => m[1].trim()));
}

/** `target.<name>.tags` of a bake JSON file. */
export function bakeJsonTags(text: string): string[] {
  return bakeJsonTargets(text).flatMap((target) => {
    const tags = field(target, "tags");
    return Array.isArray(tags) ? tags.filter((t): t is string => typeof t === "string" && t.trim() !== "").map((t) => t.trim()) : [];
  });
}
