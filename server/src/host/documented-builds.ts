// Builds of a Dockerfile that a README documents (`docker build -t mbtileserver -f Dockerfile .`
// under "To build the Docker image locally"): developers run them on their machines, where the
// layers stay, so the layer-order rules have a build to save time for even when CI keeps no cache.

import { dirname, join } from "node:path";
import { readmeTextsIn } from "./build-targets";
import { namedBuilds } from "./ci-workflow";
import { FolderReader } from "./folder-reader";
import { foundInProjectFolders } from "./project-folders";

/**
 * True when a README of `file`'s folder or a folder above it, up to the repository root, documents
 * a build of `file`: one naming it with `-f` (from the README's folder), or one whose context is
 * the folder `file` is the `Dockerfile` of (`docker build -t app .` in the README beside it).
 */
export async function readDocumentedLocalBuild(file: string, reader = new FolderReader()): Promise<boolean> {
  const documented = await foundInProjectFolders(dirname(file), "documented-builds", reader, async ({ dir }) => {
    const texts = await readmeTextsIn(dir, reader);
    // An inline code span (`docker build -t web .` in a sentence) is a command line of its own.
    return texts.flatMap((text) => namedBuilds(text.replace(/`/g, "\n")).map((build) => join(dir, build.dockerfile)));
  });
  return documented.includes(file);
}
