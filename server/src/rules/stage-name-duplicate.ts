// stage-name-duplicate: two stages with one name (BuildKit compares them lower-cased) make
// --target and --from ambiguous; BuildKit and hadolint both flag it.

import { isVariableStageName } from "../model/stage-names";
import type { Stage } from "../model/types";
import type { Rule } from "./types";

export const rule: Rule = {
  meta: {
    id: "stage-name-duplicate",
    family: "stages",
    severity: "error",
    description: "Give every stage a unique name.",
    fix: "none",
    equivalents: { hadolint: ["DL3024"], buildkit: ["DuplicateStageName"] },
    supersedes: [{ check: "DUPLICATE_BUILD_STAGE_NAME", when: "always" }],
    messages: {
      duplicate: "Stage name '{name}' is already used on line {line}; give this stage another name.",
    },
  },
  // No fix: which name the author wants, and which references meant which stage, cannot be told.
  check(model, report) {
    const first = new Map<string, Stage>();
    for (const stage of model.stages) {
      const token = stage.nameToken;
      // Names with variables are stage-name-invalid's; their values are not known anyway.
      if (!token || isVariableStageName(token.value)) continue;
      const key = token.value.toLowerCase();
      const earlier = first.get(key);
      if (!earlier) {
        first.set(key, stage);
        continue;
      }
      report({ range: token.range, messageId: "duplicate", data: { name: token.value, line: earlier.from.range.start.line + 1 } });
    }
  },
};
