// copy-from-index-invalid: `--from=<n>` must name an earlier stage. An index past the last stage
// fails the build, the stage's own index is a circular dependency, and a later index is rejected
// by the classic builder and silently changes meaning when stages are inserted.

import { buildReferences, preludeReferences } from "../model/stage-references";
import type { Rule } from "./types";

export const rule: Rule = {
  meta: {
    id: "copy-from-index-invalid",
    family: "references",
    severity: "error",
    description: "Reference stages by the index of an earlier stage, or better by name.",
    fix: "none",
    equivalents: { hadolint: ["DL3022"] },
    messages: {
      outOfRange:
        "Stage index '{index}' does not exist (this file has {count} stages, numbered from 0), so the build fails; reference an earlier stage, preferably by name.",
      noStage: "Stage index '{index}' is used before any FROM, where no stage exists; move this instruction into a stage and reference an earlier stage.",
      self: "Stage index '{index}' is the stage being built, so the build fails with a circular dependency; reference an earlier stage, preferably by name.",
      later:
        "Stage index '{index}' is a later stage (line {line}), which the classic builder rejects and which changes meaning whenever stages are added; reference an earlier stage, preferably by name.",
    },
  },
  // No fix: which stage was meant cannot be told from a wrong number.
  check(model, report) {
    for (const ref of buildReferences(model)) {
      if (ref.kind === "from" || !ref.isIndex) continue;
      const index = Number(ref.resolved);
      const range = ref.token.range;
      if (!ref.target) report({ range, messageId: "outOfRange", data: { index, count: model.stages.length } });
      else if (ref.target === ref.owner) report({ range, messageId: "self", data: { index } });
      else if (ref.target.index > ref.owner.index) report({ range, messageId: "later", data: { index, line: ref.target.from.range.start.line + 1 } });
    }
    for (const ref of preludeReferences(model)) {
      if (ref.isIndex) report({ range: ref.token.range, messageId: "noStage", data: { index: Number(ref.resolved) } });
    }
  },
};
