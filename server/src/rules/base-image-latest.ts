// base-image-latest: `FROM image:latest` names a moving target; without a digest every build may
// get another image.

import type { Rule } from "./types";
import { baseImageOf } from "../images/base-image";
import { pinLatest } from "../fixes/image-tag";

export const rule: Rule = {
  meta: {
    id: "base-image-latest",
    family: "base-images",
    severity: "warning",
    description: "Pin base images to a version instead of 'latest'.",
    fix: "suggestion",
    equivalents: { hadolint: ["DL3007"] },
    messages: {
      latest: "Base image '{image}' uses the 'latest' tag, so builds drift whenever it moves and cannot be reproduced; pin a version tag{pinHint}.",
      latestFromArg:
        "Base image '{image}' defaults to '{resolved}' through its build arguments, so builds that do not override them drift with 'latest'; give the argument a version default{pinHint}.",
    },
  },
  check(model, report) {
    for (const stage of model.stages) {
      // Variables without defaults: we cannot know the tag (DL3007 agrees: only literal latest).
      const ref = baseImageOf(stage);
      // A digest pins the image whatever the tag says.
      if (!ref || ref.tag !== "latest" || ref.digest !== null) continue;
      const pin = pinLatest(ref, stage.base.token);
      const isLiteral = stage.base.token.value === stage.base.resolved;
      report({
        range: stage.base.token.range,
        messageId: isLiteral ? "latest" : "latestFromArg",
        data: { image: stage.base.token.value, resolved: stage.base.resolved, pinHint: pin ? ` such as '${pin.image}'` : "" },
        suggest: pin?.suggestion ? [pin.suggestion] : undefined,
      });
    }
  },
};
