// stage-name-reserved: `scratch` and `context` already mean something where a stage is named
// (the empty image; the build context). BuildKit warns (ReservedStageName) and builds; hadolint
// reports DL3063. A warning, as BuildKit gives.

import { isReservedStageName } from "../model/stage-names";
import type { Rule } from "./types";

export const rule: Rule = {
  meta: {
    id: "stage-name-reserved",
    family: "stages",
    severity: "warning",
    description: "Do not name a stage 'scratch' or 'context'.",
    fix: "none",
    equivalents: { hadolint: ["DL3063"], buildkit: ["ReservedStageName"] },
    messages: {
      scratch: "Stage name '{name}' is reserved for the empty image; rename the stage.",
      context: "Stage name '{name}' is reserved for the build context; rename the stage.",
    },
  },
  // No fix: a new name is the author's choice, and references to the stage would need rewriting.
  check(model, report) {
    for (const stage of model.stages) {
      const token = stage.nameToken;
      if (!token || !isReservedStageName(token.value)) continue;
      report({ range: token.range, messageId: token.value.toLowerCase() === "scratch" ? "scratch" : "context", data: { name: token.value } });
    }
  },
};
