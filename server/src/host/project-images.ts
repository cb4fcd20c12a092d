// The images a project builds from its other Dockerfiles, as its CI workflows say: a step that
// builds `Dockerfile-base` and tags it `jumpserver/core-base:<date>` makes that image the project's
// own, so a Dockerfile starting `FROM jumpserver/core-base:...` builds on what that file installs.
// Read for rules that would otherwise judge such a stage as if its base were a stranger's.

import { dirname, join, relative, sep } from "node:path";
import { CONTEXT_FILE_MAX_CHARS, type ProjectImageFacts } from "../model/context";
import { workflowTexts } from "./ci-publish";
import { FolderReader } from "./folder-reader";
import { repositoryRoot } from "./paths";
import { inputValues, namedBuilds } from "./ci-workflow";

/** Most sibling Dockerfiles read per repository. */
const MAX_PROJECT_IMAGES = 8;

/** The tags a build command gives: `-t name:tag`, `--tag name`, `--tag=name`. */
const TAG_OPTION = /(?:^|\s)(?:-t|--tag)(?:\s+|=)(["']?)([^\s"']+)\1/g;

/** One image build a workflow runs: the Dockerfile (repository path) and the repositories it tags. */
export interface WorkflowImageBuild {
  dockerfile: string;
  images: string[];
}

/**
 * The images the repository holding `file` builds from its other Dockerfiles, by the CI workflows'
 * build steps (build-push-action's `file:` and `tags:`, `docker build -f ... -t ...`), with each
 * Dockerfile's text. The file itself is left out. Empty when no repository root or workflow is found.
 */
export async function readProjectImages(file: string, reader = new FolderReader()): Promise<ProjectImageFacts[]> {
  const root = await repositoryRoot(dirname(file), reader);
  if (root === null) return [];
  const own = relative(root, file).split(sep).join("/");
  const texts = await reader.memo(`ci-workflows\u0000${root}`, () => workflowTexts(root, reader));
  const byFile = new Map<string, Set<string>>();
  for (const build of texts.flatMap(workflowImageBuilds)) {
    if (build.dockerfile === own || build.images.length === 0) continue;
    const images = byFile.get(build.dockerfile) ?? new Set<string>();
    for (const image of build.images) images.add(image);
    byFile.set(build.dockerfile, images);
  }
  const chosen = [...byFile].slice(0, MAX_PROJECT_IMAGES);
  // Missing, unreadable or binary: the image is still the project's, what it installs unknown.
  const bodies = await Promise.all(chosen.map(([path]) => reader.readSmall(join(root, path), CONTEXT_FILE_MAX_CHARS)));
  return chosen.map(([dockerfile, images], i) => ({ dockerfile, images: [...images], text: bodies[i] }));
}

/**
 * The repositories the CI workflows tag when they build `file` itself (build-push-action's `file:`
 * and `tags:`, `docker build -f ... -t ...`): the names the image is published under, which a
 * compose service's `image:` may pull. Empty when no repository root or workflow is found.
 */
export async function readPublishedImages(file: string, reader = new FolderReader()): Promise<string[]> {
  const root = await repositoryRoot(dirname(file), reader);
  if (root === null) return [];
  const own = relative(root, file).split(sep).join("/");
  const texts = await reader.memo(`ci-workflows\u0000${root}`, () => workflowTexts(root, reader));
  const images = new Set<string>();
  for (const build of texts.flatMap(workflowImageBuilds)) if (build.dockerfile === own) for (const image of build.images) images.add(image);
  return [...images];
}

/** A tag whose namespace is a CI expression or variable: `${{ vars.REGISTRY_REPO }}/base:latest`, `$REPO/base`. */
const EXPRESSION_NAMESPACE = /^(?:\$\{\{[^}]*\}\}|\$\{\w+\}|\$\w+)\/([a-z0-9][a-z0-9._-]*)(?::|$)/;

/**
 * The repository part of a tag as written (`jumpserver/core-base:${{ env.IMAGE_TAG }}` ->
 * `jumpserver/core-base`); `*\/base` when only the namespace is an expression
 * (`${{ vars.REGISTRY_REPO }}/base:latest`: the project's account, set in CI); null when the
 * repository itself is an expression or a variable.
 */
function repositoryOf(tag: string): string | null {
  const value = tag.replace(/^["']|["']$/g, "").trim();
  const namespaced = EXPRESSION_NAMESPACE.exec(value);
  if (namespaced !== null) return `*/${namespaced[1]}`;
  // The tag part may be an expression (`:${{ env.IMAGE_TAG }}`): cut it before looking for one.
  const expression = value.search(/\$/);
  const name = expression >= 0 ? value.slice(0, expression) : value;
  const slash = name.lastIndexOf("/");
  const colon = name.indexOf(":", slash + 1);
  const repository = colon >= 0 ? name.slice(0, colon) : expression >= 0 ? null : name;
  if (repository === null || repository === "" || !/^[a-z0-9][a-z0-9._/:-]*[a-z0-9]$/.test(repository)) return null;
  return repository;
}

/** The image builds of a workflow's text: build commands and build-push-action steps that name a Dockerfile and a tag. */
export function workflowImageBuilds(text: string): WorkflowImageBuild[] {
  return namedBuilds(text).map(({ dockerfile, command, step }) => {
    // docker/build-push-action: `tags:` (one line, a list or a block of lines) in its `with:`.
    const tags = command !== undefined ? [...command.matchAll(TAG_OPTION)].map((m) => m[2]) : inputValues(step, "tags").map((tag) => tag.replace(/^-\s+/, ""));
    return { dockerfile, images: tags.map(repositoryOf).filter((r): r is string => r !== null) };
  });
}
