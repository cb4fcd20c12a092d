// The images a project ships besides, or instead of, its Dockerfile's last stage: another stage
// CI, compose or bake build with `--target` and push (a relay beside the main server), and the only
// ones when a test or development stage is last in the file (`FROM base AS test`). Final-image
// advice (no compilers, no recommends kept) is then about that target's image, which `docker build
// --target <stage>` builds from the file up to that stage: the stages after it are not part of it.

import { shippedTargetStages } from "./final-image";
import { parseDockerfile } from "./parse";
import { stagesBuiltOn } from "./stage-graph";
import { developmentPurpose } from "./stage-purpose";
import type { Range } from "./text";
import type { DockerfileModel, Stage } from "./types";

const pushed = new WeakMap<DockerfileModel, readonly DockerfileModel[]>();
/** Each pushed target's image, with the name of its target (the stage `--target` names). */
const targetNames = new WeakMap<DockerfileModel, string>();

/**
 * Most pushed targets judged per file, in file order: each is a parse of the file up to it, kept
 * with the model, so hundreds of targets would cost seconds and memory (a generated matrix file);
 * real files push a handful.
 */
const MAX_PUSHED_IMAGES = 16;

/**
 * The images to judge final-image advice on: the file's own when its final stage ships (no
 * development purpose), with those of the other targets CI pushes; the images of the targets CI
 * pushes when only the final stage's name says it is a test or development image (and theirs say
 * nothing of the kind); and none otherwise (a file named `Dockerfile.dev`, a devcontainer base, a
 * build environment: every target of it is a development image too).
 */
export function imagesThatShip(model: DockerfileModel): readonly DockerfileModel[] {
  const purpose = developmentPurpose(model);
  if (purpose !== null && purpose !== "stage-name") return [];
  // A target is a development image for its own reasons too (the file's name, a devcontainer base).
  const targets = pushedTargetImages(model).filter((image) => developmentPurpose(image) === null);
  // The file's own image ships with those of the other targets CI pushes beside it (iroh's
  // `iroh-relay` beside its last stage: held-out BD, a chmod of the copied relay binary missed).
  return purpose === null ? [model, ...targets] : targets;
}

/**
 * The image of each stage CI builds with `--target` and runs (shippedTargetStages: it has a command
 * of its own and is not named for development), as the file up to that stage parses; the final
 * stage's own image is not among them. Parsed once per model: only files whose last stage is a test
 * or development image and whose CI pushes another one pay the parse.
 */
export function pushedTargetImages(model: DockerfileModel): readonly DockerfileModel[] {
  let images = pushed.get(model);
  if (images === undefined) {
    const targets = shippedTargetStages(model);
    images = model.stages
      // A target another one builds on (`FROM app AS app-debug`), or an ancestor that came with a
      // target, ships inside that image and is judged through it, not twice.
      .filter((stage) => targets.has(stage) && stage !== model.finalStage && !stagesBuiltOn(model, stage).some((other) => targets.has(other)))
      .slice(0, MAX_PUSHED_IMAGES)
      .map((stage) => imageOfTarget(model, stage));
    pushed.set(model, images);
  }
  return images;
}

/** The model of `docker build --target <stage>`: the file's lines up to the next stage's FROM, same line numbers. */
function imageOfTarget(model: DockerfileModel, stage: Stage): DockerfileModel {
  const next = model.stages[model.stages.indexOf(stage) + 1];
  if (next === undefined) return model;
  const end = model.lines.offsetAt(next.from.range.start);
  const image = parseDockerfile(model.text.slice(0, end), model.context);
  // Targets are named: `--target` takes a stage name.
  if (stage.name !== null) targetNames.set(image, stage.name);
  return image;
}

/** The target whose image `image` is (pushedTargetImages), or null for a file's own model. */
export function pushedTargetName(image: DockerfileModel): string | null {
  return targetNames.get(image) ?? null;
}

/**
 * How a final-image message names the image it judges (its `shipped*` placeholders): the final
 * image and stage of the file, or the pushed target's (`the 'web' image`), whose stage is not the
 * file's last and would be misnamed "final".
 */
export interface ShippedImageWords {
  /** "final image" or "'web' image". */
  shipped: string;
  /** "final stage" or "'web' stage". */
  shippedStage: string;
  /** "Final base" or "'web' base", to start a sentence. */
  shippedBase: string;
}

export function shippedImageWords(image: DockerfileModel): ShippedImageWords {
  const target = pushedTargetName(image);
  if (target === null) return { shipped: "final image", shippedStage: "final stage", shippedBase: "Final base" };
  return { shipped: `'${target}' image`, shippedStage: `'${target}' stage`, shippedBase: `'${target}' base` };
}

/**
 * Runs a final-image check on each image that ships (imagesThatShip), reporting each place once:
 * two pushed images may share the stage a finding is in.
 */
export function checkImagesThatShip<R extends { range: Range; messageId: string }>(
  model: DockerfileModel,
  report: (found: R) => void,
  check: (image: DockerfileModel, report: (found: R) => void) => void,
): void {
  const images = imagesThatShip(model);
  if (images.length === 1 && images[0] === model) return check(model, report);
  const reported = new Set<string>();
  for (const image of images) {
    check(image, (found) => {
      const key = `${found.range.start.line}:${found.range.start.character}:${found.messageId}`;
      if (reported.has(key)) return;
      reported.add(key);
      report(found);
    });
  }
}
