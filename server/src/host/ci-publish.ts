// Whether the project's CI publishes a Dockerfile: a workflow that builds it by its path and pushes
// the image. A file named for development (`Dockerfile.dev`) that CI pushes as the project's image
// is deployed all the same, so the rules read this before trusting the name.

import { dirname, join, relative, sep } from "node:path";
import { FolderReader } from "./folder-reader";
import { repositoryRoot } from "./paths";
import { localActionBuilds } from "./local-actions";
import { PROJECT_FILE_MAX_BYTES as MAX_FILE_BYTES } from "./project-folders";
import { BuildPushStep, buildPushSteps, contextDockerfile, namedBuilds } from "./ci-workflow";
import { buildPushStepPushes, PUSH_COMMAND, PUSHING_BUILD } from "../model/build-commands";

/** A repository with more workflows than this is only read this far. */
const MAX_WORKFLOWS = 60;
const WORKFLOW_FILE = /\.ya?ml$/;

/**
 * True when a CI workflow of the repository holding `file` builds it by its repository-relative
 * path and pushes the image: GitHub workflows and `.gitlab-ci.yml` at the root.
 */
export async function readPublishedByCi(file: string, reader = new FolderReader()): Promise<boolean> {
  const workflows = await workflowsOf(file, reader);
  return workflows !== null && workflows.texts.some((text) => workflowPublishes(text, workflows.path));
}

/**
 * The CI workflow texts of the repository holding `file` (read once per repository and reader) and
 * `file`'s path in it, as workflows name it; null outside a repository.
 */
export async function workflowsOf(file: string, reader: FolderReader): Promise<{ path: string; texts: string[] } | null> {
  const root = await repositoryRoot(dirname(file), reader);
  if (root === null) return null;
  const texts = await reader.memo(`ci-workflows\u0000${root}`, () => workflowTexts(root, reader));
  return { path: relative(root, file).split(sep).join("/"), texts };
}

/** The texts of the repository's CI workflows (GitHub's, then `.gitlab-ci.yml`), clamped in count and size. */
export async function workflowTexts(root: string, reader: FolderReader): Promise<string[]> {
  const folder = join(root, ".github", "workflows");
  // No such folder (not a GitHub project) or unreadable: no workflows there.
  const listing = await reader.list(folder);
  const paths = (listing?.entries ?? [])
    .filter((e) => e.isFile && WORKFLOW_FILE.test(e.name))
    .slice(0, MAX_WORKFLOWS)
    .map((e) => join(folder, e.name));
  paths.push(join(root, ".gitlab-ci.yml"));
  const texts = (await Promise.all(paths.map((p) => reader.readSmall(p, MAX_FILE_BYTES)))).filter((t): t is string => t !== null);
  // Builds run through the repository's own composite actions, read as workflows of their own.
  return [...texts, ...(await localActionBuilds(root, texts, reader, MAX_FILE_BYTES))];
}

/**
 * True when a CI workflow of the repository holding `file` builds it with kaniko (a GitLab job on
 * the kaniko executor image, `/kaniko/executor --dockerfile <path>`), which has no BuildKit
 * features: no secret or cache mounts.
 */
export async function readCiKanikoBuild(file: string, reader = new FolderReader()): Promise<boolean> {
  const workflows = await workflowsOf(file, reader);
  return workflows !== null && workflows.texts.some((text) => kanikoDockerfiles(text).includes(workflows.path));
}

/** The Dockerfiles (repository paths) a workflow's kaniko executor builds by `--dockerfile`, the CI's checkout folder taken off. */
export function kanikoDockerfiles(text: string): string[] {
  if (!KANIKO.test(text)) return [];
  return [...text.matchAll(/--dockerfile[= ]["']?([^\s"']+)/g)].map((m) => m[1].replace(CHECKOUT_FOLDER, "").replace(/^\.\//, ""));
}

const KANIKO = /kaniko-project\/executor|\/kaniko\/executor/;
/** The variables CI runners name the checkout with (`${CI_PROJECT_DIR}/dockerfiles/app.Dockerfile`). */
const CHECKOUT_FOLDER = /^\$(?:\{(?:CI_PROJECT_DIR|GITHUB_WORKSPACE)\}|CI_PROJECT_DIR|GITHUB_WORKSPACE)\//;

/**
 * True when the workflow `text` builds the Dockerfile at repository path `path` and pushes it: a
 * build that names the file, or a build-push-action step whose context holds it as `Dockerfile`.
 */
export function workflowPublishes(text: string, path: string): boolean {
  return publishingBuilds(text, path).length > 0;
}

/**
 * The `--target` stages (build-push-action's `target:`) of the CI builds of `file` that push their
 * image, sorted: the images the project publishes from the file besides its last stage's.
 */
export async function readPublishedTargets(file: string, reader = new FolderReader()): Promise<string[]> {
  const workflows = await workflowsOf(file, reader);
  if (workflows === null) return [];
  return [...new Set(workflows.texts.flatMap((text) => workflowPublishedTargets(text, workflows.path)))].sort();
}

/** The `--target` stages of the builds of the Dockerfile at repository path `path` in the workflow `text` that push their image. */
export function workflowPublishedTargets(text: string, path: string): string[] {
  return publishingBuilds(text, path).flatMap((build) => {
    const target = build.command !== undefined ? TARGET_OPTION.exec(build.command)?.[1] : build.step.inputs.get("target")?.trim();
    return target !== undefined && /^[\w.-]+$/.test(target) ? [target] : [];
  });
}

/** `--target x` / `--target=x` of a build command. */
const TARGET_OPTION = /(?:^|\s)--target(?:\s+|=)["']?([\w.-]+)/;

/** The builds of `text` that build the Dockerfile at repository path `path` and push the image. */
function publishingBuilds(text: string, path: string): ({ command: string; step?: undefined } | { command?: undefined; step: BuildPushStep })[] {
  const pushesElsewhere = PUSH_COMMAND.test(text);
  // docker/build-push-action: `push:` in its `with:` (a `${{ }}` expression pushes on some events), or `outputs:` that push.
  const stepPushes = (step: { inputs: ReadonlyMap<string, string> }) => buildPushStepPushes(step.inputs);
  const named = namedBuilds(text).filter((build) => {
    if (build.dockerfile !== path) return false;
    if (build.command !== undefined) return PUSHING_BUILD.test(build.command) || pushesElsewhere;
    return stepPushes(build.step);
  });
  // A step without `file:` builds its context's `Dockerfile` (held-out AV, Rubot2: `context: .`, `push: true`).
  const unnamed = buildPushSteps(text).filter((step) => contextDockerfile(step) === path && stepPushes(step));
  return [...named, ...unnamed.map((step) => ({ step }))];
}
