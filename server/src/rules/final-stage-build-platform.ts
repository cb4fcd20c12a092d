// final-stage-build-platform: the image that ships starts from `FROM --platform=$BUILDPLATFORM
// <image>` (its own FROM, or that of the stage it is built on). In a multi-platform build every
// target's image then holds the build machine's base: the arm64 image runs an x86_64 interpreter,
// libc and shell, and fails with "exec format error" (BuildKit still labels it arm64: it writes the
// target platform into the image config whatever the base was). The flag belongs on build stages
// that cross-compile. Only the FROM that names an image counts: BuildKit ignores the flag on a FROM
// naming a stage. Not reported: a base without executables (scratch, distroless or Chainguard
// static: a binary cross-compiled for the target is all that runs), an image a build argument
// chooses, an export stage (files collected for `--output`, image-role.ts), development images
// (dev containers, lint images, never pushed; stage-purpose.ts), and a last stage the project does
// not build when it builds other targets (CI, compose, bake); a target it builds with a command of
// its own is checked as the final stage is.

import { rootImageOf } from "../images/base-image";
import { shippedImageStages } from "../model/final-image";
import { imageRole } from "../model/image-role";
import { developmentPurpose } from "../model/stage-purpose";
import type { DockerfileModel, Stage } from "../model/types";
import type { Rule } from "./types";

/** Images that hold no executable of their own: their content is the same for every platform. */
const NO_EXECUTABLES = /^(?:gcr\.io\/distroless\/static(?:-debian\d+)?|cgr\.dev\/chainguard\/static)(?::|@|$)/;

export const rule: Rule = {
  meta: {
    id: "final-stage-build-platform",
    family: "base-images",
    severity: "warning",
    description: "Build the image that ships for the target platform, not on --platform=$BUILDPLATFORM.",
    fix: "suggestion",
    equivalents: {},
    messages: {
      buildPlatform: "The shipped image starts from the build machine's platform; drop '--platform={platform}' here.",
    },
  },
  check(model, report) {
    if (developmentPurpose(model) !== null || imageRole(model) === "export") return;
    // One finding per FROM: several shipped images may start from the same stage.
    const roots = new Set(shippedStages(model).map((stage) => rootImageOf(stage).stage));
    for (const root of roots) {
      const platform = root.platform;
      if (!platform?.value || !/^["']?\$\{?BUILDPLATFORM\}?["']?$/.test(platform.value)) continue;
      // scratch and static bases hold nothing of a platform; an image the build chooses (`${BASE}`) may be one.
      if (root.base.kind !== "image" || NO_EXECUTABLES.test(root.base.resolved) || imageChosenByArgument(root)) continue;
      // The flag and the blanks after it (up to the image, or to the continuation on a FROM continued over lines).
      const { line, character } = platform.range.end;
      const blanks = /^[ \t]*/.exec(model.lines.lineText(line).slice(character))?.[0].length ?? 0;
      const end = { line, character: character + blanks };
      report({
        range: platform.range,
        messageId: "buildPlatform",
        data: { platform: platform.value },
        suggest: [{ title: `Remove '--platform=${platform.value}'`, edits: [{ range: { start: platform.range.start, end }, newText: "" }], isPreferred: true }],
      });
    }
  },
};

/**
 * The stages whose result ships: the final stage, unless the project builds other targets and not
 * it (a tool stage left last: `gotestsum`), and each target it builds that has a command of its own.
 */
function shippedStages(model: DockerfileModel): Stage[] {
  const final = model.finalStage;
  const targets = new Set((model.context.buildTargets ?? []).map((t) => t.toLowerCase()));
  const finalShips = final !== null && (targets.size === 0 || final.name === null || targets.has(final.name.toLowerCase()));
  const others = [...shippedImageStages(model)].filter((s) => s !== final && targets.has((s.name ?? "").toLowerCase()));
  return [...(finalShips && final ? [final] : []), ...others];
}

/** `FROM --platform=$BUILDPLATFORM ${BASE}`: the repository is a build argument's, so any image (a static one) may come. */
function imageChosenByArgument(stage: Stage): boolean {
  const written = stage.base.resolved;
  const repository = written.slice(0, written.search(/[:@]|$/));
  return repository.includes("$");
}
