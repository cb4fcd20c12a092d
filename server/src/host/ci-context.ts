// The build context a CI workflow gives a Dockerfile it builds by path: `docker build -f
// .github/docker/Dockerfile .` or a docker/build-push-action step with `file:` and `context:`.
// Projects keep Dockerfiles in sub-folders and build them from the repository root; the root's
// .dockerignore and entries then apply, not the Dockerfile's folder's.

import { dirname, join } from "node:path";
import { BUILD_COMMAND } from "../model/build-commands";
import { buildCommandWords, inFolder, namedBuilds, normalisedPath } from "./ci-workflow";
import { workflowsOf } from "./ci-publish";
import type { FolderReader } from "./folder-reader";
import { repositoryRoot } from "./paths";

/**
 * The absolute context folder the repository's CI builds `file` with, when every build that names
 * it by path agrees on one folder inside the repository; null when none names it, they disagree,
 * or the context is not a plain path (a URL, `-`, a variable or an expression).
 */
export async function readCiBuildContext(file: string, reader: FolderReader): Promise<string | null> {
  const workflows = await workflowsOf(file, reader);
  if (workflows === null) return null;
  const root = await repositoryRoot(dirname(file), reader);
  if (root === null) return null;
  const contexts = new Set<string | null>();
  for (const text of workflows.texts) for (const context of workflowContexts(text, workflows.path)) contexts.add(context);
  if (contexts.size !== 1) return null;
  const [context] = contexts;
  if (context === null || /[$`]|^[a-z][a-z0-9+.-]*:\/\/|^-$|^\.\./i.test(context)) return null;
  const folder = context === "" ? root : join(root, context);
  return (await reader.list(folder)) !== null ? folder : null;
}

/**
 * The contexts, relative to the repository root ("" for the root itself), the workflow `text`
 * builds the Dockerfile at repository path `path` with; null for a build whose context cannot be
 * read (a command that changes folder first, a build-push-action step on an expression).
 */
export function workflowContexts(text: string, path: string): (string | null)[] {
  return namedBuilds(text)
    .filter((build) => build.dockerfile === path)
    .map((build) => {
      const { command, step } = build;
      // `cd sub && docker build -f ...`: the context is relative to a folder not known here.
      if (command !== undefined) {
        if (/(?:^|[\s;&|])(?:cd|pushd)\s/.test(command.slice(0, command.search(BUILD_COMMAND)))) return null;
        // Relative to the step's working directory (`docker build .` in ./ci builds ci/).
        const context = commandContext(command);
        return context === null ? null : inFolder(build.directory, context);
      }
      // Without `context:` the action builds from the Git context (the repository at the ref).
      const context = step.inputs.get("context")?.trim();
      return context === undefined ? "" : context.includes("${{") ? null : normalisedContext(context);
    });
}

/** The context argument of a build command: its one word after `build` that is neither an option nor an option's value. */
function commandContext(command: string): string | null {
  // Past `docker build`, `docker buildx build`, `podman build`, `buildah bud`.
  const { positional } = buildCommandWords(command);
  return positional.length === 1 ? normalisedContext(positional[0]) : null;
}

/** A context as a repository-relative folder: `.`, `./`, `${{ github.workspace }}` are the root (""). */
function normalisedContext(value: string): string {
  const path = normalisedPath(value).replace(/\/+$/, "");
  return path === "." || path === "" || /^\$\{\{\s*github\.workspace\s*\}\}$/.test(path) ? "" : path.replace(/^\.\//, "");
}
