// copy-from-self: a stage that copies or mounts from its own name depends on itself; BuildKit stops
// with "circular dependency detected on stage".

import { buildReferences } from "../model/stage-references";
import type { Rule } from "./types";

export const rule: Rule = {
  meta: {
    id: "copy-from-self",
    family: "references",
    severity: "error",
    description: "Do not copy from the stage being built.",
    fix: "none",
    equivalents: { hadolint: ["DL3023"] },
    messages: {
      self: "Stage '{name}' cannot copy from itself, so the build fails; copy from an earlier stage.",
    },
  },
  // No fix: whether the author meant an earlier stage or the build context cannot be told.
  check(model, report) {
    for (const ref of buildReferences(model)) {
      // Numeric self-references are copy-from-index-invalid's.
      if (ref.kind === "from" || ref.isIndex || ref.target !== ref.owner) continue;
      report({ range: ref.token.range, messageId: "self", data: { name: ref.owner.name ?? ref.resolved } });
    }
  },
};
