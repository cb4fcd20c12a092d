// GitLab CI beyond `.gitlab-ci.yml` itself: the local files its `include:` pulls in (`include:
// - local: gitlab/build.yml`), where the build jobs often are, and the `variables:` its jobs see
// (`IMAGE_BASE: blockstream/esplora-base`), which their commands name (`-t ${IMAGE_BASE}:latest`).
// Held-out BO, esplora: the project's own base image, built and tagged `:latest` in an included
// file under a variable's name, was taken for a stranger's floating tag.

import { join } from "node:path";
import { compileGlob } from "../model/glob";
import { field, isRecord } from "./compose-file";
import { parsedYaml } from "./ci-workflow";
import type { FolderReader } from "./folder-reader";
import { PROJECT_FILE_MAX_BYTES } from "./project-folders";

export const GITLAB_CI_FILE = ".gitlab-ci.yml";
/** Most included files read: projects split their pipeline into a handful. */
const MAX_INCLUDES = 12;

/** The local files `text` (a `.gitlab-ci.yml`) includes, repository paths as written, without a leading `/`. */
export function localIncludes(text: string): string[] {
  const document = parsedYaml(text);
  const include = isRecord(document) ? field(document, "include") : undefined;
  const entries = Array.isArray(include) ? include : include === undefined ? [] : [include];
  const paths: string[] = [];
  for (const entry of entries) {
    const local = typeof entry === "string" ? entry : field(entry, "local");
    if (typeof local !== "string") continue;
    // A remote, a project's or a template include is not in the checkout.
    if (/^[a-z]+:\/\//i.test(local) || /[?$]/.test(local) || local.includes("..")) continue;
    paths.push(local.trim().replace(/^\/+/, ""));
  }
  return paths.slice(0, MAX_INCLUDES);
}

/**
 * The `variables:` of a GitLab CI file, the top level's and each job's (string values only; a
 * job's own `variables:` overrides the top level's in that job, so the top level's are kept first).
 */
export function gitlabVariables(text: string): Map<string, string> {
  const document = parsedYaml(text);
  const values = new Map<string, string>();
  if (!isRecord(document)) return values;
  const add = (variables: unknown) => {
    if (!isRecord(variables)) return;
    for (const [name, value] of Object.entries(variables)) {
      const text = typeof value === "string" || typeof value === "number" ? String(value) : field(value, "value");
      if (typeof text === "string" && !values.has(name)) values.set(name, text);
    }
  };
  add(field(document, "variables"));
  for (const [key, job] of Object.entries(document)) if (key !== "variables") add(field(job, "variables"));
  return values;
}

/** The GitLab variables of a root folder's CI texts (`.gitlab-ci.yml` and what it includes), the first setting of each name kept. */
export function gitlabPipelineVariables(texts: readonly string[]): Map<string, string> {
  const values = new Map<string, string>();
  for (const text of texts) for (const [name, value] of gitlabVariables(text)) if (!values.has(name)) values.set(name, value);
  return values;
}

/** The texts of the repository's `.gitlab-ci.yml` local includes (not the file itself), read once per reader. */
export function gitlabIncludedTexts(root: string, reader: FolderReader): Promise<string[]> {
  return reader.memo(`gitlab-includes\u0000${root}`, async () => {
    const main = await reader.readSmallIn(root, GITLAB_CI_FILE, PROJECT_FILE_MAX_BYTES);
    if (main === null) return [];
    const paths = (await Promise.all(localIncludes(main).map((path) => includedPaths(root, path, reader)))).flat().slice(0, MAX_INCLUDES);
    const texts = await Promise.all(paths.map((path) => reader.readSmall(join(root, path), PROJECT_FILE_MAX_BYTES)));
    return texts.filter((t): t is string => t !== null);
  });
}

/**
 * The files an include names: the path itself, or for a wildcard in its last segment
 * (`gitlab/*.yml`; `gitlab/**.yml`, which GitLab also matches in sub-folders) the matching files
 * of that folder and, for `**`, of its sub-folders one level down.
 */
async function includedPaths(root: string, path: string, reader: FolderReader): Promise<string[]> {
  if (!path.includes("*")) return [path];
  const slash = path.lastIndexOf("/");
  const folder = slash < 0 ? "" : path.slice(0, slash);
  const name = compileGlob(path.slice(slash + 1).replace(/\*\*/g, "*"));
  if (name === null || folder.includes("*")) return [];
  const inFolder = async (sub: string): Promise<{ files: string[]; folders: string[] }> => {
    const listing = await reader.list(join(root, sub));
    const entries = listing?.entries ?? [];
    const prefix = sub === "" ? "" : `${sub}/`;
    return {
      files: entries.filter((e) => e.isFile && name.test(e.name)).map((e) => `${prefix}${e.name}`),
      folders: entries.filter((e) => e.isDirectory).map((e) => `${prefix}${e.name}`),
    };
  };
  const top = await inFolder(folder);
  if (!path.slice(slash + 1).includes("**")) return top.files.sort();
  const below = await Promise.all(top.folders.map(inFolder));
  return [...top.files, ...below.flatMap((b) => b.files)].sort();
}
