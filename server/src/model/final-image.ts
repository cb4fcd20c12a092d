// Which stages end up in the final image: the final stage and the stages it builds on through
// `FROM <stage>`. Stages that are only copied from (`COPY --from`) are throwaway builders: what
// they leave behind never ships.

import { ancestorsOf } from "./stage-graph";
import { isDevelopmentStage } from "./stage-purpose";
import type { DockerfileModel, Instruction, Stage } from "./types";

/** The final stage and its `FROM` ancestors; empty when the file has no stage. */
export function finalImageStages(model: DockerfileModel): Set<Stage> {
  const final = model.finalStage;
  return final ? new Set([final, ...ancestorsOf(final)]) : new Set();
}

/**
 * True when what `instruction` leaves in its layer ships in the final image. Instructions before
 * any FROM (fragments) count as final. An ONBUILD trigger runs in a downstream build whose stages
 * we cannot see, so its layer is assumed to ship.
 */
export function isInFinalImage(model: DockerfileModel, instruction: Instruction, finalStages = finalImageStages(model)): boolean {
  if (instruction.trigger) return true;
  if (instruction.stage === null) return true;
  return finalStages.has(instruction.stage);
}

/**
 * The stages of every image the project ships: the final image's, and those of each stage it
 * builds with `--target` (CI, compose, bake) that has a CMD or ENTRYPOINT of its own, with their
 * `FROM` ancestors. A target with a command is an image someone runs (a `ubi` variant pushed next
 * to the default one); one without is a builder or export stage. A target named for development
 * (compose's `target: development`) is run on a developer's machine, not shipped: the stages it
 * builds on ship only if another shipped image builds on them. The final image's own development
 * and test stages are left to the caller.
 */
export function shippedImageStages(model: DockerfileModel): Set<Stage> {
  const stages = finalImageStages(model);
  const targets = new Set((model.context.buildTargets ?? []).map((t) => t.toLowerCase()));
  if (targets.size === 0) return stages;
  for (const stage of model.stages) {
    if (stage.name === null || !targets.has(stage.name.toLowerCase()) || stages.has(stage)) continue;
    if (isDevelopmentStage(stage)) continue;
    if (!stage.instructions.some((i) => i.keyword === "CMD" || i.keyword === "ENTRYPOINT")) continue;
    for (const s of [stage, ...ancestorsOf(stage)]) stages.add(s);
  }
  return stages;
}
