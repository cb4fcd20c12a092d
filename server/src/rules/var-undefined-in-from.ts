// var-undefined-in-from: BuildKit's UndefinedArgInFrom. FROM and its --platform can only use ARGs
// declared before the first FROM (plus the builder's platform arguments); anything else expands to
// an empty string.

import { nearNameReport } from "../fixes/variable-near-name";
import { variableUses } from "../model/variable-uses";
import { PLATFORM_ARGS } from "../model/variables";
import type { Token } from "../model/types";
import type { Rule } from "./types";

export const rule: Rule = {
  meta: {
    id: "var-undefined-in-from",
    family: "variables",
    severity: "warning",
    description: "Declare the ARGs FROM uses before the first FROM.",
    fix: "suggestion",
    equivalents: { buildkit: ["UndefinedArgInFrom"] },
    messages: {
      undeclared: "FROM argument '{name}' is not declared; declare it with ARG before the first FROM.",
      didYouMean: "FROM argument '{name}' is not declared; did you mean '{suggestion}'?",
    },
  },
  check(model, report) {
    const declared = model.globalArgs.map((a) => a.name);
    const known = new Set([...declared, ...PLATFORM_ARGS]);
    for (const stage of model.stages) {
      const words: Token[] = [stage.base.token];
      const platform = stage.platform;
      if (platform?.value && platform.valueRange) words.unshift({ value: platform.value, range: platform.valueRange });
      for (const word of words) {
        for (const use of variableUses(word, model.escapeChar)) {
          if (known.has(use.name)) continue;
          report(nearNameReport(model, use, declared) ?? { range: use.range, messageId: "undeclared", data: { name: use.name } });
        }
      }
    }
  },
};
