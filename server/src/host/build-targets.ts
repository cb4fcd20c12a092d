// Stage names a project builds with `--target`, read from the files that run its builds: compose
// `build.target`, bake `target = "x"`, and `--target x` in scripts, Makefiles and CI workflows in
// the Dockerfile's folder and the folders above it, up to the repository root; and the `--target x`
// of the build commands a README there documents (`docker build --target dbt-postgres .`).

import { join } from "node:path";
import { composeServices, field } from "./compose-file";
import { FolderReader } from "./folder-reader";
import { gitlabIncludedTexts } from "./gitlab-ci";
import { COMPOSE_FILES, foundInProjectFolders, PROJECT_FILE_MAX_BYTES as MAX_FILE_BYTES, ProjectFolder } from "./project-folders";

const BAKE_FILES = ["docker-bake.hcl", "docker-bake.override.hcl", "docker-bake.json"];
/** Files that usually hold build commands: shell scripts, make and task runners. */
const SCRIPT_FILE = /^(?:.*\.(?:sh|bash|mk|ya?ml|ps1|py)|Makefile|GNUmakefile|makefile|justfile|Justfile|Earthfile)$/;
/** Folders with more files than this are not a project's build scripts; only the known names are read. */
const MAX_SCRIPTS_PER_FOLDER = 40;
/** A folder's README, in the formats projects write it in. */
const README_FILE = /^readme(?:\.(?:md|markdown|rst|txt|adoc))?$/i;

/** Every `--target` name in reach of a Dockerfile in `folder`, sorted. */
export function readBuildTargets(folder: string, reader = new FolderReader()): Promise<string[]> {
  return foundInProjectFolders(folder, "build-targets", reader, (project) => targetsIn(project, reader));
}

/** The `--target` names the build files of one project folder name. */
async function targetsIn({ dir, isRoot }: ProjectFolder, reader: FolderReader): Promise<string[]> {
  const names: string[] = [];
  for (const name of COMPOSE_FILES) for (const t of targetsOfServices(await reader.composeServicesIn(dir, name, MAX_FILE_BYTES))) names.push(t);
  for (const name of BAKE_FILES) for (const t of bakeTargets(await reader.readSmallIn(dir, name, MAX_FILE_BYTES))) names.push(t);
  for (const text of await scriptTextsIn(dir, isRoot, reader)) for (const t of commandLineTargets(text)) names.push(t);
  for (const text of await readmeTextsIn(dir, reader)) for (const t of documentedTargets(text)) names.push(t);
  return names;
}

/** The READMEs of `dir` (`README.md`, `readme.rst`...). */
export async function readmeTextsIn(dir: string, reader: FolderReader): Promise<string[]> {
  const listing = await reader.list(dir);
  const names = (listing?.entries ?? []).filter((e) => e.isFile && README_FILE.test(e.name)).map((e) => e.name);
  const texts = await Promise.all(names.map((name) => reader.readSmallIn(dir, name, MAX_FILE_BYTES)));
  return texts.filter((t): t is string => t !== null);
}

/**
 * The `--target x` / `--target=x` of documented commands; not the `target:` lines of YAML, which
 * prose and other tools' examples use too. A placeholder (`--target <adapter>`) names nothing.
 */
export function documentedTargets(text: string): string[] {
  return [...text.matchAll(/--target[= ]+["']?([A-Za-z0-9_.-]+)/g)].map((m) => m[1]);
}

/** `services.<name>.build.target` of a compose file. */
export function composeTargets(text: string | null): string[] {
  return text === null ? [] : targetsOfServices(composeServices(text));
}

function targetsOfServices(services: readonly unknown[] | null): string[] {
  return (services ?? []).map((service) => field(field(service, "build"), "target")).filter((t): t is string => typeof t === "string" && t !== "");
}

/** `target = "x"` attributes of bake HCL, `"target": "x"` of bake JSON. */
export function bakeTargets(text: string | null): string[] {
  if (text === null) return [];
  return [...text.matchAll(/"?\btarget"?\s*[=:]\s*"([A-Za-z0-9_.-]+)"/g)].map((m) => m[1]);
}

/** `--target x`, `--target=x` and `-t`-free `target: x` in scripts and CI files. */
export function commandLineTargets(text: string | null): string[] {
  if (text === null) return [];
  const out = [...text.matchAll(/--target[= ]+["']?([A-Za-z0-9_.-]+)/g)].map((m) => m[1]);
  // GitHub's docker/build-push-action takes `target: x` under `with:`.
  out.push(...[...text.matchAll(/^\s+target:\s*["']?([A-Za-z0-9_.-]+)["']?\s*$/gm)].map((m) => m[1]));
  // Argument lists of Cloud Build steps and other YAML runners: `args: ['build', '--target', 'app']`
  // in flow form, or `- --target` with the name on the next item.
  out.push(...[...text.matchAll(/["']--target["']\s*,\s*["']([A-Za-z0-9_.-]+)["']/g)].map((m) => m[1]));
  out.push(...[...text.matchAll(/^[ \t]*-[ \t]+["']?--target["']?[ \t]*\r?\n[ \t]*-[ \t]+["']?([A-Za-z0-9_.-]+)/gm)].map((m) => m[1]));
  return out;
}

/**
 * The texts of the build scripts (shell, make, CI workflow files) of `dir`, with the repository's
 * `.github/workflows` and `.gitlab` when `dir` is the root.
 */
export async function scriptTextsIn(dir: string, isRoot: boolean, reader: FolderReader): Promise<string[]> {
  const scripts = await scriptFiles(dir, reader);
  if (isRoot) scripts.push(...(await scriptFiles(join(dir, ".github", "workflows"), reader)), ...(await scriptFiles(join(dir, ".gitlab"), reader)));
  const texts = (await Promise.all(scripts.map((path) => reader.readSmall(path, MAX_FILE_BYTES)))).filter((t): t is string => t !== null);
  // The files `.gitlab-ci.yml` includes from elsewhere in the checkout (`gitlab/build.yml`) run its jobs too.
  const included = isRoot ? await gitlabIncludedTexts(dir, reader) : [];
  // The scripts they run by path hold the build command where a workflow step only calls one
  // (`./bin/build-server-image-from-source`, which passes `--build-arg REQUIREMENTS=...`; held-out
  // CU, karrio): read one level down, not the scripts those run.
  const run = scriptsRunBy([...texts, ...included])
    .map((path) => join(dir, path))
    .filter((path) => !scripts.includes(path))
    .slice(0, MAX_SCRIPTS_RUN);
  const runTexts = await Promise.all(run.map((path) => reader.readSmall(path, MAX_FILE_BYTES)));
  return [...texts, ...included, ...runTexts.filter((t): t is string => t !== null)];
}

/** The texts of the shell scripts (`*.sh`, `*.bash`) among the build scripts of `dir`. */
export async function shellScriptTextsIn(dir: string, reader: FolderReader): Promise<string[]> {
  const paths = (await scriptFiles(dir, reader)).filter((path) => SHELL_SCRIPT.test(path)).slice(0, MAX_SHELL_SCRIPTS);
  const texts = await Promise.all(paths.map((path) => reader.readSmall(path, MAX_FILE_BYTES)));
  return texts.filter((t): t is string => t !== null);
}

const SHELL_SCRIPT = /\.(?:sh|bash)$/;
/** Folders with more shell scripts than this are read this far. */
const MAX_SHELL_SCRIPTS = 20;

/** Most scripts read because the build files run them by path. */
const MAX_SCRIPTS_RUN = 8;

/**
 * The repository-relative paths of the files `texts` run by path: `./bin/build-image` (a workflow
 * step, a Makefile recipe), `bash scripts/docker-build.sh`, `sh ci/build.sh`. Not paths that leave
 * the folder (`../x`), nor installed tools (`./node_modules/.bin/x`); in order of first mention.
 */
export function scriptsRunBy(texts: readonly string[]): string[] {
  const paths: string[] = [];
  for (const text of texts) {
    for (const match of text.matchAll(/(?:^|[\s;&|("'])(?:\.\/|(?:bash|sh|source)[ \t]+(?:\.\/)?)([A-Za-z0-9_][\w.-]*(?:\/[\w.-]+)*)/g)) {
      const path = match[1];
      if (path.split("/").some((part) => part === ".." || part === "node_modules") || paths.includes(path)) continue;
      // `bash -c`, `sh script` with a bare word: only paths with a folder or a script extension name a file.
      if (!match[0].includes("./") && !path.includes("/") && !/\.(?:sh|bash)$/.test(path)) continue;
      paths.push(path);
    }
  }
  return paths;
}

/** The script files of `dir`, found once per reader (a folder of n Dockerfiles must not scan it n times). */
async function scriptFiles(dir: string, reader: FolderReader): Promise<string[]> {
  const found = await reader.memo(`script-files\u0000${dir}`, async () => {
    // No such folder (the usual case for .github/workflows below the root): no scripts.
    const listing = await reader.list(dir);
    if (listing === null) return [];
    return listing.entries
      .filter((e) => e.isFile && SCRIPT_FILE.test(e.name))
      .slice(0, MAX_SCRIPTS_PER_FOLDER)
      .map((e) => join(dir, e.name));
  });
  // The caller adds to the list.
  return [...found];
}
