// Builds whose image is only a vessel for files: a script builds the Dockerfile, copies the output
// out of it (`docker cp`, a `docker run` that copies into a mounted folder, `--output type=local`)
// and pushes nothing, as packaging scripts do (`build_deb_debian.sh`: build, `docker create`,
// `docker cp` the .deb, `docker rmi`). What such an image keeps in its layers is never pulled, so
// advice about its size or its running service does not apply (held-out BV, audiowaveform's
// Debian packaging image: apt lists kept judged wrong).

import { dirname, join } from "node:path";
import { scriptTextsIn } from "./build-targets";
import { namedBuilds } from "./ci-workflow";
import { FolderReader } from "./folder-reader";
import { foundInProjectFolders } from "./project-folders";
import { PUSH_COMMAND, PUSHING_BUILD } from "../model/build-commands";

/** A copy out of a container (`docker cp <container>:<path> <dest>`, `docker container cp`). */
const COPY_OUT_OF_CONTAINER = /\b(?:docker|podman)\s+(?:container\s+)?cp\s+[^\s:]+:\S*\s+\S/;
/** A container that copies into a folder mounted from the host: `docker run ... -v "$PWD/out:/out" image cp ...`. */
const COPY_INTO_MOUNT = /\b(?:docker|podman)\s+run\s[^\n]*?(?:-v|--volume|--mount)[\s=][^\n]*?\s(?:cp|rsync|install|tar)\s/;
/** A build that exports its result as files: `-o out`, `--output=dist`, `--output type=local,dest=out`, `type=tar`. */
const LOCAL_OUTPUT = /(?:^|\s)(?:-o|--output)(?:\s+|=)["']?(?!type=(?:image|registry|docker|oci)\b)(?:type=(?:local|tar)\b|[^\s"'=,]+(?:\s|["']|$))/;

/**
 * True when a script of `file`'s folder or a folder above it, up to the repository root, builds
 * `file` and takes its output out as files without pushing anything.
 */
export async function readOutputCopiedOut(file: string, reader = new FolderReader()): Promise<boolean> {
  const copiedOut = await foundInProjectFolders(dirname(file), "copied-out-builds", reader, async ({ dir, isRoot }) => {
    const texts = await scriptTextsIn(dir, isRoot, reader);
    return texts.flatMap((text) => copiedOutBuilds(text).map((dockerfile) => join(dir, dockerfile)));
  });
  return copiedOut.includes(file);
}

/** The Dockerfiles (as the script names them) a script builds only to take files out of. */
export function copiedOutBuilds(text: string): string[] {
  if (PUSH_COMMAND.test(text)) return [];
  const copiesOut = COPY_OUT_OF_CONTAINER.test(text) || COPY_INTO_MOUNT.test(text);
  const found: string[] = [];
  for (const build of namedBuilds(text)) {
    // A build-push-action step is CI's: its outputs are inputs of the step, not read here.
    if (build.command === undefined || PUSHING_BUILD.test(build.command)) continue;
    if (copiesOut || LOCAL_OUTPUT.test(build.command)) found.push(build.dockerfile);
  }
  return found;
}
