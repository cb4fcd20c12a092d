// instruction-copy-dest-not-dir: hadolint DL3021. With more than one source, COPY and ADD need a
// destination folder written with a trailing slash; otherwise the build fails.

import { copyPaths } from "../model/copy-paths";
import type { Rule } from "./types";

export const rule: Rule = {
  meta: {
    id: "instruction-copy-dest-not-dir",
    family: "instructions",
    severity: "error",
    description: "End the destination with / when COPY or ADD has several sources.",
    fix: "safe",
    equivalents: { hadolint: ["DL3021"] },
    messages: {
      notDir: "{keyword} with {count} sources needs a folder destination ending in '/'; write '{dest}/'.",
    },
  },
  check(model, report) {
    for (const instruction of model.instructions) {
      const copy = instruction.keyword === "ONBUILD" ? instruction.trigger : instruction;
      if ((copy?.keyword !== "COPY" && copy?.keyword !== "ADD") || copy.heredocs.length > 0) continue;
      const paths = copyPaths(copy);
      if (!paths || paths.sources.length < 2) continue;
      const dest = paths.dest.value;
      // `.` and `..` name folders; a variable may end in a slash.
      if (dest.endsWith("/") || dest.endsWith("\\") || dest === "." || dest === ".." || dest.includes("$")) continue;
      const written = model.lines.textIn(paths.dest.range);
      const quote = /["']$/.test(written) ? written[written.length - 1] : "";
      const fixed = quote ? `${written.slice(0, -1)}/${quote}` : `${written}/`;
      report({
        range: paths.dest.range,
        messageId: "notDir",
        data: { keyword: copy.keyword, count: paths.sources.length, dest },
        fix: { title: `Write '${dest}/'`, edits: [{ range: paths.dest.range, newText: fixed }], isPreferred: true },
      });
    }
  },
};
