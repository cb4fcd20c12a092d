// Builds the running container does, as the Dockerfile's own notes on its package installs say:
// "libvpl-dev: Development headers required when building the custom FFmpeg inside the container".
// The compilers and headers such an install keeps are run-time tools of the image.

import { buildsInSameRun, type KeptBuildTools } from "./build-tools";
import { commentsAbove, commentsBetween } from "./comments";
import type { DockerfileModel } from "./types";

/**
 * A note that puts a build in the running container: "when building X inside the container",
 * "to compile plugins at run time", "compiled when the container starts". "in the container" alone
 * is not read: a RUN's heading may say that of the image build itself.
 */
const BUILDS_IN_CONTAINER =
  /\b(?:build|builds|building|compile|compiles|compiling|compilation)[^.;]*\s(?:(?:inside|within)\s+the\s+(?:running\s+)?container\b|at\s+run[- ]?time\b|when\s+the\s+container\s+(?:starts|runs|is\s+running)\b)/i;

/**
 * True when one of the installs that keep compilers or headers (`keptBuildTools` of the image's
 * stages), in a RUN that builds nothing after it (the tools are not for that RUN), carries a note
 * (inside the RUN, or the block above it) that says builds happen inside the running container:
 * every compiler and header the image keeps may serve them, so a build stage would break them.
 */
export function documentsBuildsInContainer(model: DockerfileModel, keptTools: readonly KeptBuildTools[]): boolean {
  return keptTools.some((kept) => {
    if (buildsInSameRun(kept)) return false;
    const { start, end } = kept.instruction.range;
    const notes = [...commentsAbove(model, kept.instruction), ...commentsBetween(model, start.line, end.line + 1).map((c) => c.content)];
    return notes.some((note) => BUILDS_IN_CONTAINER.test(note));
  });
}
