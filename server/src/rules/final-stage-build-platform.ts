// final-stage-build-platform: the image that ships starts from `FROM --platform=$BUILDPLATFORM
// <image>` (its own FROM, or that of the stage it is built on). In a multi-platform build every
// target's image then holds the build machine's base: the arm64 image runs an x86_64 interpreter,
// libc and shell, and fails with "exec format error" (BuildKit still labels it arm64: it writes the
// target platform into the image config whatever the base was). The flag belongs on build stages
// that cross-compile. Only the FROM that names an image counts: BuildKit ignores the flag on a FROM
// naming a stage. Not reported: a base without executables (scratch, distroless or Chainguard
// static: a binary cross-compiled for the target is all that runs), and development images
// (dev containers, lint images, never pushed; stage-purpose.ts).

import { rootImageOf } from "../images/base-image";
import { developmentPurpose } from "../model/stage-purpose";
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
    const final = model.finalStage;
    if (!final || developmentPurpose(model) !== null) return;
    const { stage: root } = rootImageOf(final);
    const platform = root.platform;
    if (!platform?.value || !platform.valueRange || !/^\$\{?BUILDPLATFORM\}?$/.test(platform.value)) return;
    if (root.base.kind !== "image" || NO_EXECUTABLES.test(root.base.resolved)) return;
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
  },
};
