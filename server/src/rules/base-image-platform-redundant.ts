// base-image-platform-redundant: BuildKit's RedundantTargetPlatform. Stages are built for the
// target platform by default, so `--platform=$TARGETPLATFORM` says nothing. Unless the file
// redeclares TARGETPLATFORM before the first FROM with a default (`ARG TARGETPLATFORM=linux/amd64`):
// the value FROM reads is then the file's (or a `--build-arg`'s), not BuildKit's, and the flag is
// what makes the stage follow it.

import type { Rule } from "./types";

const TARGET = /^\$(?:TARGETPLATFORM|\{TARGETPLATFORM\})$/;

export const rule: Rule = {
  meta: {
    id: "base-image-platform-redundant",
    family: "base-images",
    severity: "warning",
    description: "Leave out --platform=$TARGETPLATFORM; it is the default.",
    fix: "safe",
    equivalents: { buildkit: ["RedundantTargetPlatform"], hadolint: ["DL3065"] },
    messages: {
      redundant: "Setting --platform to '{value}' is redundant, as it is the default; remove the flag.",
    },
  },
  check(model, report) {
    if (model.globalArgs.some((a) => a.name === "TARGETPLATFORM" && a.value !== null)) return;
    for (const stage of model.stages) {
      const flag = stage.platform;
      if (!flag?.value || !TARGET.test(flag.value)) continue;
      // The flag with the blanks after it, so `FROM --platform=$TARGETPLATFORM x` becomes `FROM x`.
      const after = model.lines.lineText(flag.range.end.line).slice(flag.range.end.character);
      const blanks = after.length - after.trimStart().length;
      const end = { line: flag.range.end.line, character: flag.range.end.character + blanks };
      report({
        range: flag.range,
        messageId: "redundant",
        data: { value: flag.value },
        tags: ["unnecessary"],
        fix: { title: "Remove --platform", edits: [{ range: { start: flag.range.start, end }, newText: "" }], isPreferred: true },
      });
    }
  },
};
