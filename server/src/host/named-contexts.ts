// Build contexts a project passes by name (`docker buildx build --build-context name=...` written
// down in compose `build.additional_contexts`, bake `contexts`, or on the command line of a build
// script, Makefile or CI workflow), read from the files in the Dockerfile's folder and the folders
// above it, up to the repository root.

import { join } from "node:path";
import { BAKE_HCL_FILES, BAKE_JSON_FILES, bakeJsonTargets, hclMapKeys } from "./bake-files";
import { composeServices, field, isRecord } from "./compose-file";
import { scriptTextsIn } from "./build-targets";
import { FolderReader } from "./folder-reader";
import { COMPOSE_FILES, foundInProjectFolders, PROJECT_FILE_MAX_BYTES as MAX_FILE_BYTES, ProjectFolder } from "./project-folders";

/** Every context name declared in reach of a Dockerfile in `folder`, sorted. */
export function readNamedContexts(folder: string, reader = new FolderReader()): Promise<string[]> {
  return foundInProjectFolders(folder, "named-contexts", reader, (project) => contextNamesIn(project, reader));
}

/** The context names the build files of one project folder declare. */
async function contextNamesIn({ dir, isRoot }: ProjectFolder, reader: FolderReader): Promise<string[]> {
  const [services, hcl, json] = await Promise.all([
    Promise.all(COMPOSE_FILES.map((name) => reader.composeServicesIn(dir, name, MAX_FILE_BYTES))),
    Promise.all(BAKE_HCL_FILES.map((name) => reader.readSmallIn(dir, name, MAX_FILE_BYTES))),
    Promise.all(BAKE_JSON_FILES.map((name) => reader.readSmallIn(dir, name, MAX_FILE_BYTES))),
  ]);
  const names = [
    ...services.flatMap((s) => (s === null ? [] : contextNamesOfServices(s))),
    ...hcl.flatMap((text) => (text === null ? [] : bakeHclContextNames(text))),
    ...json.flatMap((text) => (text === null ? [] : bakeJsonContextNames(text))),
  ];
  const scripts = await scriptTextsIn(dir, isRoot, reader);
  for (const text of scripts) for (const name of commandLineContextNames(text)) names.push(name);
  // Bake files by another name, named where the build runs (`docker buildx bake -f docker/bake.hcl`,
  // bake-action's `files:`), relative to the folder of the script or workflow's checkout.
  const named = [...new Set(scripts.flatMap(bakeFilesNamed))].filter((path) => !BAKE_HCL_FILES.includes(path) && !BAKE_JSON_FILES.includes(path));
  const texts = await Promise.all(named.map((path) => reader.readSmall(join(dir, path), MAX_FILE_BYTES)));
  named.forEach((path, i) => {
    const text = texts[i];
    if (text !== null) names.push(...(path.endsWith(".json") ? bakeJsonContextNames(text) : bakeHclContextNames(text)));
  });
  return names;
}

/**
 * The bake files a build script or CI workflow names: `docker buildx bake -f <file>` (`--file`), and
 * docker/bake-action's `files:` (one path, a comma list, or the lines of a block or YAML list).
 * Relative `.hcl`/`.json` paths only: a path with a variable or outside the folder is not read.
 */
export function bakeFilesNamed(text: string): string[] {
  const paths: string[] = [];
  const lines = text.split("\n");
  const usesBakeAction = text.includes("docker/bake-action");
  for (let i = 0; i < lines.length; i++) {
    const line = lines[i];
    if (/\bbake\b/.test(line)) for (const m of line.matchAll(/(?:^|\s)(?:-f|--file)(?:=|\s+)["']?([^\s"';&|)]+)/g)) paths.push(m[1]);
    if (!usesBakeAction) continue;
    const files = /^( *)(?:- )?files:(.*)$/.exec(line);
    if (files === null) continue;
    const inline = files[2].trim();
    if (inline !== "" && inline !== "|" && inline !== ">") {
      paths.push(...inline.split(","));
      continue;
    }
    for (let j = i + 1; j < lines.length; j++) {
      const indent = /^ */.exec(lines[j])?.[0].length ?? 0;
      if (lines[j].trim() === "" || indent <= files[1].length) break;
      paths.push(...lines[j].trim().replace(/^- /, "").split(","));
    }
  }
  return paths
    .map((p) =>
      p
        .trim()
        .replace(/^["']|["']$/g, "")
        .replace(/^\.\//, ""),
    )
    .filter((p) => /\.(?:hcl|json)$/.test(p) && !p.includes("$") && !p.startsWith("/") && !p.split("/").includes(".."));
}

/** `--build-context name=path` (or `--build-context=name=path`) on a build command line; GitHub's `build-contexts: name=path` list. */
export function commandLineContextNames(text: string): string[] {
  const names = [...text.matchAll(/--build-context[= ]+["']?([A-Za-z0-9_][A-Za-z0-9_.\-/]*)=/g)].map((m) => m[1]);
  // docker/build-push-action: `build-contexts: |` followed by more indented `name=path` lines, or
  // one context on the key's own line (`build-contexts: dist-files=/tmp/dist`; held-out AS, pebble).
  // The action reads the input as a list of lines; a comma may be part of a path, so it splits none.
  const lines = text.split("\n");
  for (let i = 0; i < lines.length; i++) {
    const opener = /^( *)build-contexts:(.*)$/.exec(lines[i]);
    if (opener === null) continue;
    const inline = /^\s*["']?([A-Za-z0-9_][A-Za-z0-9_./-]*)=/.exec(opener[2]);
    if (inline) {
      names.push(inline[1]);
      continue;
    }
    for (let j = i + 1; j < lines.length; j++) {
      const indent = /^ */.exec(lines[j])?.[0].length ?? 0;
      if (lines[j].trim() === "" || indent <= opener[1].length) break;
      const name = /^([A-Za-z0-9_][A-Za-z0-9_./-]*)=/.exec(lines[j].trim());
      if (name) names.push(name[1]);
    }
  }
  return names;
}

/** `services.<name>.build.additional_contexts`, as a map (`name: path`) or a list (`name=path`). */
export function composeContextNames(text: string): string[] {
  return contextNamesOfServices(composeServices(text) ?? []);
}

function contextNamesOfServices(services: readonly unknown[]): string[] {
  const names: string[] = [];
  for (const service of services) {
    const contexts = field(field(service, "build"), "additional_contexts");
    if (Array.isArray(contexts)) {
      for (const entry of contexts) if (typeof entry === "string" && entry.includes("=")) names.push(entry.slice(0, entry.indexOf("=")).trim());
    } else if (isRecord(contexts)) {
      names.push(...Object.keys(contexts));
    }
  }
  return names.filter((n) => n !== "");
}

/**
 * Keys of every `contexts = { ... }` block of a bake HCL file (`name = "path"`, `"name" = "target:x"`),
 * and where a target's contexts come from a function (`contexts = dependencies("fcrepo6", "")`,
 * whose map is built from `target:<name>` entries), the names of the file's targets: any of them
 * may be one (held-out CJ, isle-buildkit: `FROM tomcat` is its own `target:tomcat`, read as
 * Docker Hub's untagged image and judged wrong).
 */
export function bakeHclContextNames(text: string): string[] {
  const names = hclMapKeys(text, "contexts");
  if (!CONTEXTS_FROM_FUNCTION.test(text)) return names;
  return [...names, ...[...text.matchAll(BAKE_TARGET)].map((m) => m[1])];
}

/** `contexts = name(...)`: a map a function builds. */
const CONTEXTS_FROM_FUNCTION = /^\s*contexts\s*=\s*[A-Za-z_][\w-]*\s*\(/m;
/** `target "name" {`: a bake target's name. */
const BAKE_TARGET = /^\s*target\s+"([^"]+)"\s*\{/gm;

/** `target.<name>.contexts` keys of a bake JSON file. */
export function bakeJsonContextNames(text: string): string[] {
  return bakeJsonTargets(text).flatMap((target) => {
    const contexts = field(target, "contexts");
    return isRecord(contexts) ? Object.keys(contexts) : [];
  });
}
