// base-image-platform-constant: BuildKit's FromPlatformFlagConstDisallowed. A constant --platform
// pins the stage to one platform, so multi-platform builds emulate it or fail. Silent when the
// stage name mentions the platform's OS or architecture (`AS build-amd64`), when the comment right
// above the FROM names the architecture (the pin is explained), or when the stage (or a script its
// RUN runs) fetches or unpacks an artefact built for that architecture only
// (`google-chrome-stable_current_amd64.deb`, a fixed release tarball that chooses no architecture): those
// pins are on purpose, and $TARGETPLATFORM would break the build elsewhere. So is a file tied to
// the architecture as a whole (another stage's base image `sdk:10.0-noble-amd64`, a build flag
// `-r linux-x64` anywhere, a path `docker/amd64/Dockerfile`): other architectures have their own
// Dockerfile, and $TARGETPLATFORM would mix this one's binaries with another architecture's base.

import { architectureNames, parsePlatform } from "../images/reference";
import { commentsAbove } from "../model/comments";
import { instructionOnOneLine } from "../model/instruction-text";
import { fetchesFixedPrebuilt, fetchingTexts } from "../model/prebuilt-downloads";
import { escapeRegExp } from "../model/text";
import type { DockerfileModel, Stage } from "../model/types";
import { syncsUvProject, uvLockMachines } from "../model/uv-environments";
import type { Rule } from "./types";

export const rule: Rule = {
  meta: {
    id: "base-image-platform-constant",
    family: "base-images",
    severity: "warning",
    description: "Use a platform build argument in FROM --platform, not a constant.",
    fix: "none",
    equivalents: { buildkit: ["FromPlatformFlagConstDisallowed"], hadolint: ["DL3029"] },
    messages: {
      constant: "FROM --platform should not use the constant '{platform}'; use $BUILDPLATFORM or $TARGETPLATFORM.",
    },
  },
  check(model, report) {
    for (const stage of model.stages) {
      const flag = stage.platform;
      if (!flag?.value || !flag.valueRange || flag.value.includes("$")) continue;
      const platform = parsePlatform(flag.value);
      if (!platform) continue;
      const name = stage.name ?? "";
      if (name.includes(platform.os) || (platform.architecture !== "" && name.includes(platform.architecture))) continue;
      if (platform.architecture !== "" && pinIsDeliberate(model, stage, architectureNames(platform.architecture))) continue;
      report({ range: flag.valueRange, messageId: "constant", data: { platform: flag.value } });
    }
  },
};

/**
 * An architecture named in the comment above the FROM, in a RUN or ADD of the stage or a script a
 * RUN runs as part of a file or URL name, or anywhere the whole file is tied to it (see
 * {@link fileNamesArchitecture}). Or the stage installs a prebuilt program from a fixed release
 * URL that chooses no architecture (see {@link fetchesFixedPrebuilt}): built for one, which the pin names.
 */
function pinIsDeliberate(model: DockerfileModel, stage: Stage, names: string[]): boolean {
  const word = new RegExp(`(?:^|[^a-z0-9])(?:${names.map(escapeRegExp).join("|")})(?![a-z0-9])`, "i");
  if (commentsAbove(model, stage.from).some((c) => word.test(c))) return true;
  const fetching = fetchingTexts(model, stage);
  if (fetching.some((text) => word.test(text))) return true;
  if (fetchesFixedPrebuilt(fetching)) return true;
  // The project's uv lock resolves for this machine only (`[tool.uv] environments`), and the stage syncs it.
  if (syncsUvProject(stage) && (uvLockMachines(model) ?? []).some((machine) => word.test(machine))) return true;
  return fileNamesArchitecture(model, word);
}

/**
 * The Dockerfile is one architecture's variant: its path names the architecture, a stage's base
 * image tag does (`-noble-amd64`), or a RUN or ENV of any stage builds or fetches for it
 * (`-r linux-x64`, `ENV GOARCH=amd64`). Other stages' `--platform` values are not read: a constant there is the question.
 */
function fileNamesArchitecture(model: DockerfileModel, word: RegExp): boolean {
  const path = model.context.dockerfilePath;
  if (path !== undefined && word.test(path)) return true;
  for (const stage of model.stages) {
    if (stage.base.kind === "image" && word.test(stage.base.resolved)) return true;
    if (stage.instructions.some((i) => (i.keyword === "RUN" || i.keyword === "ENV") && word.test(instructionOnOneLine(model, i)))) return true;
  }
  return false;
}
