// instruction-maintainer-deprecated: BuildKit's MaintainerDeprecated (hadolint DL4000). MAINTAINER
// is deprecated; the OCI `org.opencontainers.image.authors` label says the same.

import type { Rule } from "./types";

export const rule: Rule = {
  meta: {
    id: "instruction-maintainer-deprecated",
    family: "instructions",
    severity: "warning",
    description: "Name the image author with a LABEL, not the deprecated MAINTAINER.",
    fix: "suggestion",
    equivalents: { buildkit: ["MaintainerDeprecated"], hadolint: ["DL4000"] },
    messages: {
      deprecated: 'MAINTAINER is deprecated; use LABEL org.opencontainers.image.authors instead. Author: "{author}".',
    },
    supersedes: [{ check: "DEPRECATED_MAINTAINER", when: "always" }],
  },
  check(model, report) {
    for (const instruction of model.instructions) {
      if (instruction.keyword !== "MAINTAINER") continue;
      const args = instruction.args;
      const author =
        args.length === 0 ? "" : model.lines.textIn({ start: args[0].range.start, end: args[args.length - 1].range.end }).replace(/^"(.*)"$/, "$1");
      const label = `LABEL org.opencontainers.image.authors=${JSON.stringify(author)}`;
      report({
        range: instruction.keywordRange,
        messageId: "deprecated",
        data: { author },
        tags: ["deprecated"],
        // A suggestion: the image's Author field is no longer set, only the label.
        suggest: [{ title: "Replace with LABEL org.opencontainers.image.authors", edits: [{ range: instruction.range, newText: label }] }],
      });
    }
  },
};
