// copy-from-index-invalid: `--from=<n>` must name an earlier stage. An index past the last stage
// fails the build, the stage's own index is a circular dependency, and a later index fails too
// (BuildKit dispatches in file order) and silently changes meaning when stages are inserted.

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
      outOfRange: "Stage index '{index}' does not exist ({count} stages, from 0), so the build fails; use a stage name.",
      noStage: "Stage index '{index}' is used before any FROM, where no stage exists; move it into a stage.",
      self: "Stage index '{index}' is the stage being built, so the build fails; name an earlier stage.",
      later: "Stage index '{index}' is a later stage (line {line}), so the build fails; name an earlier stage.",
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
