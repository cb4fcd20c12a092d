// base-image-untagged: a FROM image with neither tag nor digest floats to whatever `latest` is.

import type { Rule } from "./types";
import { baseImageOf } from "../images/base-image";
import { pinLatest } from "../fixes/image-tag";

export const rule: Rule = {
  meta: {
    id: "base-image-untagged",
    family: "base-images",
    severity: "warning",
    description: "Pin base images with a tag or digest.",
    fix: "suggestion",
    equivalents: { hadolint: ["DL3006"] },
    messages: {
      untagged: "Base image '{image}' has no tag or digest, so every build may pull a different 'latest'; pin a version tag.",
      untaggedFromArg:
        "Base image '{image}' defaults to '{resolved}' through its build arguments, which has no tag or digest, so builds that do not override them may pull a different 'latest' each time; give the argument a version default{pinHint}.",
    },
  },
  check(model, report) {
    for (const stage of model.stages) {
      // Stages, scratch and bases still holding unresolved variables are not images we can judge.
      const ref = baseImageOf(stage);
      if (!ref || ref.tag !== null || ref.digest !== null) continue;
      const pin = pinLatest(ref, stage.base.token);
      // `FROM ${BASE}` with `ARG BASE=alpine`: the token alone does not show which image is meant.
      const isLiteral = stage.base.token.value === stage.base.resolved;
      report({
        range: stage.base.token.range,
        messageId: isLiteral ? "untagged" : "untaggedFromArg",
        data: isLiteral
          ? { image: stage.base.token.value }
          : { image: stage.base.token.value, resolved: stage.base.resolved, pinHint: pin ? ` such as '${pin.image}'` : "" },
        suggest: pin?.suggestion ? [pin.suggestion] : undefined,
      });
    }
  },
};
