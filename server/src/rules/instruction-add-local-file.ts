// instruction-add-local-file: hadolint DL3020. ADD also downloads URLs and unpacks local tar
// archives; for plain files and folders COPY says what happens and nothing more.

import { copyPaths } from "../model/copy-paths";
import type { Rule } from "./types";

const ARCHIVE = /\.(?:tar|tgz|tbz2?|txz|tzst|gz|bz2|xz|zst|lz4|lzma|z)$/i;
const REMOTE = /^(?:[a-z][a-z0-9+.-]*:\/\/|git@)/i;
// Flags only ADD has: replacing the keyword would break them.
const ADD_ONLY_FLAGS = new Set(["checksum", "keep-git-dir", "unpack"]);

export const rule: Rule = {
  meta: {
    id: "instruction-add-local-file",
    family: "instructions",
    severity: "warning",
    description: "Use COPY for local files and folders; ADD is for URLs and archives.",
    fix: "suggestion",
    equivalents: { hadolint: ["DL3020"] },
    messages: {
      useCopy: "ADD of a local file or folder; use COPY, which does not unpack archives or fetch URLs.",
    },
  },
  check(model, report) {
    for (const instruction of model.instructions) {
      const add = instruction.keyword === "ONBUILD" ? instruction.trigger : instruction;
      if (add?.keyword !== "ADD" || add.heredocs.length > 0) continue;
      const paths = copyPaths(add);
      if (!paths || paths.sources.length === 0) continue;
      const strip = (s: string) => s.replace(/^["']|["']$/g, "");
      // Variables may name an archive or a URL.
      if (paths.sources.some((s) => REMOTE.test(strip(s.value)) || ARCHIVE.test(strip(s.value)) || s.value.includes("$"))) continue;
      const hasAddOnly = add.flags.some((f) => ADD_ONLY_FLAGS.has(f.name.toLowerCase()));
      report({
        range: add.keywordRange,
        messageId: "useCopy",
        // A suggestion: a tar archive without a tar extension is unpacked by ADD, copied by COPY.
        suggest: hasAddOnly
          ? undefined
          : [{ title: "Use COPY", edits: [{ range: add.keywordRange, newText: model.lines.textIn(add.keywordRange) === "add" ? "copy" : "COPY" }] }],
      });
    }
  },
};
