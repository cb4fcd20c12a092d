// stage-name-invalid: BuildKit rejects a stage name that, lower-cased, does not match
// ^[a-z][a-z0-9_.-]*$ ("invalid name for build stage"), and it does not expand build arguments in
// stage names, so `AS ${NAME}` fails too (other builders such as Buildah do expand them).

import { isValidStageName, isVariableStageName } from "../model/stage-names";
import type { Rule } from "./types";

export const rule: Rule = {
  meta: {
    id: "stage-name-invalid",
    family: "stages",
    severity: "error",
    description: "Name stages with a letter followed by letters, digits, '_', '.' or '-'.",
    fix: "none",
    equivalents: {},
    supersedes: [{ check: "INVALID_BUILD_STAGE_NAME", when: "always" }],
    messages: {
      invalid: "Stage name '{name}' is invalid, so the build fails; start with a letter, use only [a-z0-9_.-].",
      variable: "Stage name '{name}' uses a build argument, which BuildKit does not expand; write it literally.",
    },
  },
  // No fix: which valid name the author wants cannot be guessed, and renaming touches every reference.
  check(model, report) {
    for (const stage of model.stages) {
      const token = stage.nameToken;
      if (!token) continue;
      if (isVariableStageName(token.value)) report({ range: token.range, messageId: "variable", data: { name: token.value } });
      else if (!isValidStageName(token.value)) report({ range: token.range, messageId: "invalid", data: { name: token.value } });
    }
  },
};
