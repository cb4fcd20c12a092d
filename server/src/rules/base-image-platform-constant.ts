// base-image-platform-constant: BuildKit's FromPlatformFlagConstDisallowed. A constant --platform
// pins the stage to one platform, so multi-platform builds emulate it or fail. Silent when the
// stage name mentions the platform's OS or architecture (`AS build-amd64`): that pin is on purpose.

import { parsePlatform } from "../images/reference";
import type { Rule } from "./types";

export const rule: Rule = {
  meta: {
    id: "base-image-platform-constant",
    family: "base-images",
    severity: "warning",
    description: "Use a platform build argument in FROM --platform, not a constant.",
    fix: "none",
    equivalents: { buildkit: ["FromPlatformFlagConstDisallowed"], hadolint: ["DL3029"] },
    messages: {
      constant: "FROM --platform should not use the constant '{platform}'; use $BUILDPLATFORM or $TARGETPLATFORM.",
    },
  },
  check(model, report) {
    for (const stage of model.stages) {
      const flag = stage.platform;
      if (!flag?.value || !flag.valueRange || flag.value.includes("$")) continue;
      const platform = parsePlatform(flag.value);
      if (!platform) continue;
      const name = stage.name ?? "";
      if (name.includes(platform.os) || (platform.architecture !== "" && name.includes(platform.architecture))) continue;
      report({ range: flag.valueRange, messageId: "constant", data: { platform: flag.value } });
    }
  },
};
