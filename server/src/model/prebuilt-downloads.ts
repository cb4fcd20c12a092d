// What a stage downloads when it fetches a prebuilt program: its RUNs and ADDs and the project's
// scripts those RUNs run (`COPY docker/set_up_stackwalker.sh /tmp/` then `RUN /tmp/set_up_stackwalker.sh`,
// which curls one release tarball and installs the binary in it). Such a download is built for one
// architecture; base-image-platform-constant reads it as the reason for a constant --platform.

import { instructionOnOneLine } from "./instruction-text";
import { scriptRunBy } from "./run-scripts";
import { isBuildingStep } from "./start-steps";
import { simpleCommands } from "./script-words";
import type { DockerfileModel, Stage } from "./types";

/**
 * The texts of what the stage's RUNs and ADDs do: each instruction on one line, and the text of each
 * context script a RUN runs (read by the host; see {@link scriptRunBy}).
 */
export function fetchingTexts(model: DockerfileModel, stage: Stage): string[] {
  const texts: string[] = [];
  for (const instruction of stage.instructions) {
    if (instruction.keyword !== "RUN" && instruction.keyword !== "ADD") continue;
    texts.push(instructionOnOneLine(model, instruction));
    if (instruction.keyword !== "RUN") continue;
    for (const command of instruction.commands) {
      const script = scriptRunBy(model, stage, instruction, command);
      if (script !== null) texts.push(script);
    }
  }
  return texts;
}

/** A release asset of a code host (`https://github.com/o/r/releases/download/v1/tool.tar.gz`). */
const RELEASE_ASSET = /https?:\/\/\S+\/releases\/download\/\S+/;
/**
 * Ways a build chooses the architecture to fetch: the platform arguments, an `ARCH`-named variable,
 * `uname -m`, `dpkg --print-architecture`, `arch`, `apk --print-arch`.
 */
const CHOOSES_ARCHITECTURE =
  /\$\{?(?:TARGET|BUILD)(?:ARCH|PLATFORM|VARIANT|OS)\b|\$\{?(?:\w+_)?(?:ARCH|arch)(?:_\w+)?\b|\buname\s+-[a-z]*m|--print-arch(?:itecture)?\b|\$\(\s*arch\s*\)|`arch`/;
/** A compile of what was fetched (`./configure`, `cmake`, `gcc`): a source archive, built for the image's own platform. */
const COMPILES = /(?:^|[\s;&|(])(?:\.\/configure|cmake|meson|ninja|gcc|g\+\+|cc|clang|autoreconf|\.\/autogen\.sh)(?=\s|$)/m;

/**
 * True when a stage whose `fetchingTexts` are `texts` (RUNs, ADDs and the scripts they run)
 * downloads a release asset from a fixed URL, chooses no architecture anywhere, and the RUN or
 * script that downloads it builds nothing: a prebuilt program, published for one architecture only
 * (a crash-report processor's minidump-stackwalk tarball, amd64 only, whose name says no
 * architecture). An image on another platform would install a binary it cannot run. Other RUNs may
 * build (`npm ci`): they build the project, not the download.
 */
export function fetchesFixedPrebuilt(texts: readonly string[]): boolean {
  if (texts.some((t) => CHOOSES_ARCHITECTURE.test(t))) return false;
  const fetching = texts.filter((t) => RELEASE_ASSET.test(t));
  if (fetching.length === 0) return false;
  return !fetching.some((t) => COMPILES.test(t) || simpleCommands(t).some((words) => isBuildingStep(words)));
}
