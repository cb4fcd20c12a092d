// The images a project builds from its other Dockerfiles, as its CI workflows say: a step that
// builds `Dockerfile-base` and tags it `jumpserver/core-base:<date>` makes that image the project's
// own, so a Dockerfile starting `FROM jumpserver/core-base:...` builds on what that file installs.
// Read for rules that would otherwise judge such a stage as if its base were a stranger's.

import { dirname, join, relative, sep } from "node:path";
import { TAG_OPTION } from "../model/build-commands";
import { CONTEXT_FILE_MAX_CHARS, type ProjectImageFacts } from "../model/context";
import { workflowTexts } from "./ci-publish";
import { FolderReader } from "./folder-reader";
import { repositoryRoot } from "./paths";
import { buildPushSteps, contextDockerfile, inputValues, namedBuilds, workflowEnv, type BuildPushStep } from "./ci-workflow";
import { readGithubRepository, type GithubRepository } from "./github-repository";

/** Most sibling Dockerfiles read per repository. */
const MAX_PROJECT_IMAGES = 8;

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
  const builds = await imageBuildsOf(root, reader);
  const byFile = new Map<string, Set<string>>();
  for (const build of builds) {
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
  return publishedImagesOf(await readCiImageBuilds(file, reader));
}

/** The repositories a file's CI builds tag, each once. */
export function publishedImagesOf(builds: readonly (readonly string[])[]): string[] {
  return [...new Set(builds.flat())];
}

/** Each build of `file` in the repository's workflows, as the repositories it tags (none where its tags cannot be read). */
export async function readCiImageBuilds(file: string, reader = new FolderReader()): Promise<string[][]> {
  const root = await repositoryRoot(dirname(file), reader);
  if (root === null) return [];
  const own = relative(root, file).split(sep).join("/");
  return (await imageBuildsOf(root, reader)).filter((build) => build.dockerfile === own).map((build) => [...build.images]);
}

/** The image builds of the repository's workflows, their expressions resolved against the checkout's GitHub repository. */
async function imageBuildsOf(root: string, reader: FolderReader): Promise<WorkflowImageBuild[]> {
  const texts = await reader.memo(`ci-workflows\u0000${root}`, () => workflowTexts(root, reader));
  const repository = await readGithubRepository(root, reader);
  return texts.flatMap((text) => workflowImageBuilds(text, repository));
}

/** A tag whose namespace is a CI expression or variable: `${{ vars.REGISTRY_REPO }}/base:latest`, `$REPO/base`. */
const EXPRESSION_NAMESPACE = /^(?:\$\{\{[^}]*\}\}|\$\{\w+\}|\$\w+)\/([a-z0-9][a-z0-9._-]*)(?::|$)/;

/** A GitHub Actions expression: `${{ env.IMAGE_NAME }}`. */
const WORKFLOW_EXPRESSION = /\$\{\{([^}]*)\}\}/g;

/**
 * `value` with the workflow expressions whose value the checkout shows replaced: `${{ env.NAME }}`
 * by the variable the step sees (itself resolved the same way, without `env`), and
 * `${{ github.repository }}`, `${{ github.repository_owner }}`, `${{ github.event.repository.name }}`
 * by the checkout's GitHub repository. Any other expression stays as written.
 */
export function resolvedExpressions(value: string, env: ReadonlyMap<string, string>, repository: GithubRepository | null): string {
  return value.replace(WORKFLOW_EXPRESSION, (whole, written: string) => {
    const expression = written.trim();
    const variable = /^env\.([A-Za-z_]\w*)$/.exec(expression)?.[1];
    if (variable !== undefined) {
      const text = env.get(variable);
      return text === undefined ? whole : resolvedExpressions(text, new Map(), repository);
    }
    return githubValue(expression, repository) ?? whole;
  });
}

/** The value of a `github` context property the checkout shows; null for any other. */
function githubValue(expression: string, repository: GithubRepository | null): string | null {
  if (repository === null) return null;
  switch (expression) {
    case "github.repository":
      return `${repository.owner}/${repository.name}`;
    case "github.repository_owner":
      return repository.owner;
    case "github.event.repository.name":
      return repository.name;
    default:
      return null;
  }
}

/** A repository as written, without tag: lower case, `.`, `_`, `-`, `/` and a registry's `:port`. */
const REPOSITORY_NAME = /^[a-z0-9][a-z0-9._/:-]*[a-z0-9]$/;

/**
 * The repository part of a tag as written (`jumpserver/core-base:${{ env.IMAGE_TAG }}` ->
 * `jumpserver/core-base`); `*\/base` when only the namespace is an expression
 * (`${{ vars.REGISTRY_REPO }}/base:latest`: the project's account, set in CI);
 * `ghcr.io/acme/shop-*` when an expression ends the last name (`ghcr.io/acme/shop-${{ matrix.pg }}`)
 * under the namespace of the checkout's GitHub owner (see {@link ownerWildcard}); null when the
 * repository itself is an expression or a variable.
 */
function repositoryOf(tag: string, repository: GithubRepository | null): string | null {
  const value = tag.replace(/^["']|["']$/g, "").trim();
  const namespaced = EXPRESSION_NAMESPACE.exec(value);
  if (namespaced !== null) return `*/${namespaced[1]}`;
  // The tag part may be an expression (`:${{ env.IMAGE_TAG }}`): cut it before looking for one.
  const expression = value.search(/\$/);
  const name = expression >= 0 ? value.slice(0, expression) : value;
  const slash = name.lastIndexOf("/");
  const colon = name.indexOf(":", slash + 1);
  if (colon < 0 && expression >= 0) return ownerWildcard(name, value.slice(expression), repository);
  const written = colon >= 0 ? name.slice(0, colon) : name;
  if (written === "" || !REPOSITORY_NAME.test(written)) return null;
  return written;
}

/**
 * `ghcr.io/acme/shop-*` for `ghcr.io/acme/shop-${{ matrix.pg }}:<tag>`: an expression inside the last
 * name stands for the rest of that name, one image per matrix value. Only under the namespace of the
 * checkout's GitHub owner (`acme`), which holds the project's images whatever the expression picks,
 * and only after a written start of the name: never a wildcard namespace or a whole-wildcard name.
 * Null otherwise (a shell variable, an expression that spans a `/`).
 */
function ownerWildcard(written: string, rest: string, repository: GithubRepository | null): string | null {
  if (repository === null || !rest.startsWith("${{")) return null;
  const segments = written.split("/");
  if (segments.length < 2 || segments[segments.length - 1] === "" || segments[segments.length - 2] !== repository.owner) return null;
  // What follows the expression up to the tag stays in the same name: `-${{ matrix.pg }}-slim`, not `-${{ x }}/sub`.
  const afterExpressions = rest.replace(WORKFLOW_EXPRESSION, "").split(":")[0];
  return afterExpressions.includes("/") ? null : `${written}*`;
}

/**
 * The images a workflow's text builds: build commands and build-push-action steps that name a
 * Dockerfile and a tag, and build-push-action steps that name none and so build their context's
 * `Dockerfile`. Their tags' expressions are resolved against the step's `env:` (a command: the
 * workflow's top-level `env:`) and `repository`, the checkout's GitHub repository.
 */
export function workflowImageBuilds(text: string, repository: GithubRepository | null = null): WorkflowImageBuild[] {
  const images = (tags: string[], env: ReadonlyMap<string, string>) =>
    tags.map((tag) => repositoryOf(resolvedExpressions(tag, env, repository), repository)).filter((r): r is string => r !== null);
  const topEnv = workflowEnv(text);
  const named = namedBuilds(text).map(({ dockerfile, command, step }) =>
    command !== undefined
      ? // Resolved before the tags are read: an expression holds spaces (`-t ${{ env.IMAGE }}:1`).
        {
          dockerfile,
          images: images(
            [...resolvedExpressions(command, topEnv, repository).matchAll(TAG_OPTION)].map((m) => m[2]),
            new Map(),
          ),
        }
      : { dockerfile, images: images(stepTags(step), step.env) },
  );
  const unnamed = buildPushSteps(text).flatMap((step) => {
    const dockerfile = contextDockerfile(step);
    return dockerfile === null ? [] : [{ dockerfile, images: images(stepTags(step), step.env) }];
  });
  return [...named, ...unnamed];
}

/** docker/build-push-action's `tags:` (one line, a list or a block of lines) in its `with:`. */
function stepTags(step: BuildPushStep): string[] {
  return inputValues(step, "tags").map((tag) => tag.replace(/^-\s+/, ""));
}
