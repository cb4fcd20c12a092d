// base-image-deprecated: a base image that its publisher deprecated, or a version past its end of
// life, gets no more security fixes. The data is dated (images/lifecycle.ts); messages say when.

import type { Rule } from "./types";
import { lifecycleOf } from "../images/lifecycle";
import { baseImageOf } from "../images/base-image";

export const rule: Rule = {
  meta: {
    id: "base-image-deprecated",
    family: "base-images",
    severity: "warning",
    description: "Move off deprecated base images and end-of-life versions.",
    fix: "none",
    equivalents: {},
    messages: {
      endOfLife:
        "Base image '{image}' is on {subject}, end of life since {since} (as of {asOf}, per {source}), so it no longer gets security fixes; move to {replacement}.",
      deprecated:
        "Base image '{image}' uses {subject}, deprecated since {since} (as of {asOf}, per {source}), so it no longer gets updates; use {replacement}.",
    },
  },
  check(model, report) {
    for (const stage of model.stages) {
      const ref = baseImageOf(stage);
      if (!ref) continue;
      const [note] = lifecycleOf(ref);
      if (!note) continue;
      // No fix: a new major version or distribution release changes behaviour; the user decides.
      report({
        range: stage.base.token.range,
        messageId: note.kind === "deprecated" ? "deprecated" : "endOfLife",
        data: {
          image: stage.base.resolved,
          subject: note.subject,
          since: note.since,
          asOf: note.asOf,
          source: note.source,
          replacement: /^[\w.-]+(?:\/[\w.-]+)*:[\w.-]+$/.test(note.replacement ?? "") ? `'${note.replacement}'` : (note.replacement ?? "a supported release"),
        },
        tags: ["deprecated"],
      });
    }
  },
};
