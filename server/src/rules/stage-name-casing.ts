// stage-name-casing: BuildKit lower-cases stage names, so `AS Builder` is matched as `builder` by
// --target and --from while the file reads otherwise.

import { renameStage } from "../fixes/stage-rename";
import { isReservedStageName, isValidStageName, isVariableStageName } from "../model/stage-names";
import type { Rule } from "./types";

export const rule: Rule = {
  meta: {
    id: "stage-name-casing",
    family: "stages",
    severity: "warning",
    description: "Write stage names in lower case.",
    fix: "safe",
    equivalents: { buildkit: ["StageNameCasing"] },
    messages: {
      upperCase: "Stage name '{name}' should be lower case; rename it to '{lower}'.",
    },
  },
  check(model, report) {
    for (const stage of model.stages) {
      const token = stage.nameToken;
      if (!token || token.value === token.value.toLowerCase()) continue;
      // Invalid, variable and reserved names get their own error; lower-casing would not cure them.
      if (isVariableStageName(token.value) || !isValidStageName(token.value) || isReservedStageName(token.value)) continue;
      const lower = token.value.toLowerCase();
      // References through build arguments keep resolving: BuildKit matches names case-insensitively.
      const rename = renameStage(model, stage, lower);
      report({
        range: token.range,
        messageId: "upperCase",
        data: { name: token.value, lower },
        fix: rename ? { title: `Rename stage to '${lower}'`, edits: rename.edits, isPreferred: true } : undefined,
      });
    }
  },
};
