// base-image-platform-unavailable: BuildKit's InvalidBaseImagePlatform, from the built-in image
// facts instead of a pull: `FROM --platform=linux/arm64 eclipse-temurin:17-jdk-alpine` names a tag
// published for amd64 only. Silent wherever the facts do not know the tag's platforms.

import { baseImageOf } from "../images/base-image";
import { lookupImageSize } from "../images/facts";
import { formatPlatform, parsePlatform } from "../images/reference";
import type { Rule } from "./types";

export const rule: Rule = {
  meta: {
    id: "base-image-platform-unavailable",
    family: "base-images",
    severity: "warning",
    description: "Pick a base image tag that is published for the stage's platform.",
    fix: "none",
    equivalents: { buildkit: ["InvalidBaseImagePlatform"] },
    messages: {
      unavailable: "Base image '{image}' has no {platform} build; pick a tag published for {platform}.",
    },
  },
  check(model, report) {
    for (const stage of model.stages) {
      const flag = stage.platform;
      if (!flag?.value || flag.value.includes("$")) continue;
      const platform = parsePlatform(flag.value);
      const image = baseImageOf(stage);
      if (!platform || platform.os !== "linux" || !image) continue;
      const facts = lookupImageSize(image);
      // Only a fact (never an estimate from a sibling tag) may claim a platform is missing.
      if (facts?.kind !== "fact") continue;
      const missing = platform.architecture === "arm64" && platform.variant === null && facts.arm64Missing === "no-build";
      if (!missing) continue;
      report({ range: stage.base.token.range, messageId: "unavailable", data: { image: stage.base.token.value, platform: formatPlatform(platform) } });
    }
  },
};
