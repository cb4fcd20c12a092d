// final-stage-toolchain: a multi-stage file whose final stage still runs on a compiler/SDK image
// and builds there ships the whole toolchain. (Single-stage files get single-stage-build instead:
// there the remedy is the conversion itself, so the two never report the same file.)

import type { ReportFn, Rule } from "./types";
import { detectBuildSteps, turnsCgoOff } from "../model/build-steps";
import { checkImagesThatShip, pushedTargetName, shippedImageWords } from "../model/pushed-images";
import { developmentPurpose } from "../model/stage-purpose";
import { lineage } from "../model/stage-graph";
import type { DockerfileModel } from "../model/types";
import { lookupImageSize } from "../images/facts";
import { describeSize } from "../images/format-size";
import { rootImageOf } from "../images/base-image";
import { ECOSYSTEM_NAMES, toolchainOf } from "../images/toolchains";

export const rule: Rule = {
  meta: {
    id: "final-stage-toolchain",
    family: "base-images",
    severity: "warning",
    description: "Build in an earlier stage; ship the final stage on a runtime image.",
    fix: "none",
    equivalents: {},
    remedy: "convert",
    messages: {
      toolchain:
        "The {shippedStage} runs '{tool}' on toolchain image '{image}'; build in an earlier stage. Ship the artifacts on {runtime}: the {ecosystem} toolchain alone is {size}.",
    },
  },
  check(model, report) {
    // A test stage last in the file judges nothing: the images CI pushes with --target are judged instead.
    checkImagesThatShip(model, report, checkImage);
  },
};

/** The check on one image that ships (the file's own, or a pushed target's). */
function checkImage(model: DockerfileModel, report: ReportFn): void {
  const final = model.finalStage;
  // A single-stage file is single-stage-build's (with the conversion); a pushed target that is the
  // file's first stage is not, and ships its toolchain all the same.
  if (!final || (model.stages.length < 2 && pushedTargetName(model) === null) || developmentPurpose(model) !== null) return;
  const { stage: root, image: ref } = rootImageOf(final);
  const toolchain = ref ? toolchainOf(ref) : null;
  if (!ref || !toolchain) return;
  // The nearest stage's build step first: that is where the final image builds.
  const step = [...lineage(final)].reverse().flatMap((s) => detectBuildSteps(s))[0];
  if (!step) return;
  const size = lookupImageSize(ref);
  // A Go binary built with cgo on links the C library, which distroless static lacks.
  const runtime = toolchain.cgoRuntime !== undefined && !turnsCgoOff(model, step) ? toolchain.cgoRuntime : toolchain.runtime;
  // No text fix: the remedy is a restructuring. The "Convert to multi-stage" code action (a
  // later issue) attaches to this diagnostic from the LSP side.
  report({
    range: final.base.token.range,
    messageId: "toolchain",
    data: {
      shippedStage: shippedImageWords(model).shippedStage,
      ecosystem: ECOSYSTEM_NAMES[toolchain.ecosystem],
      image: root.base.resolved,
      size: size ? describeSize(size) : "size unknown",
      tool: step.tool,
      runtime: runtime ? `'${runtime}'` : "a runtime image",
    },
  });
}
