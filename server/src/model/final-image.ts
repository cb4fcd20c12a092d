// Which stages end up in the final image: the final stage and the stages it builds on through
// `FROM <stage>`. Stages that are only copied from (`COPY --from`) are throwaway builders: what
// they leave behind never ships.

import { ancestorsOf, stagesBuiltOn } from "./stage-graph";
import { buildReferences } from "./stage-references";
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
  for (const stage of shippedTargetStages(model)) stages.add(stage);
  return stages;
}

/**
 * The stages of the images the project builds with `--target` and runs (see
 * {@link shippedImageStages}), with their `FROM` ancestors, whether or not the final stage builds
 * on them too: when the final stage is a test image built on the target CI pushes (`FROM app AS
 * test`, or `test` merely last in the file), what the target's stages leave ships all the same.
 */
export function shippedTargetStages(model: DockerfileModel): Set<Stage> {
  const stages = new Set<Stage>();
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

/**
 * The stages whose config (ENV, command) is that of an image someone runs: those of
 * `shippedImageStages`, and each stage the final stage does not reach and no stage copies from. Such
 * a stage is built only with `--target` (a compose service's, a CI matrix's), so its result is an
 * image of its own, or the base of several (`FROM php-base AS fpm`, `FROM php-base AS admin`, each
 * published next to the final image); it is no builder whose output is copied out. Development and
 * test stages are left out, and so is a stage only they build on: their build steps (a test run)
 * may read what the stage sets.
 */
export function runImageStages(model: DockerfileModel): Set<Stage> {
  const stages = shippedImageStages(model);
  const copiedFrom = new Set(buildReferences(model).flatMap((r) => (r.kind !== "from" && r.target !== null ? [r.target] : [])));
  for (const stage of model.stages) {
    if (stage.isReachable || copiedFrom.has(stage) || isDevelopmentStage(stage)) continue;
    const builtOn = stagesBuiltOn(model, stage);
    if (builtOn.length > 0 && builtOn.every(isDevelopmentStage)) continue;
    stages.add(stage);
  }
  return stages;
}
