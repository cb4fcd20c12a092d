// instruction-copy-dest-not-dir: hadolint DL3021. With more than one source, COPY and ADD need a
// destination folder written with a trailing slash; otherwise the classic builder fails. BuildKit
// copies each source on its own (dockerfile2llb's dispatchCopy, fsutil's copy): into the
// destination when it is an existing folder, else onto a file of that name, the last source
// winning. So where BuildKit builds the file and the folder certainly exists, the slash is only
// tidiness and the rule is silent.

import { defaultShell } from "../images/default-shell";
import { rootImageOf } from "../images/base-image";
import { requiresBuildKit } from "../model/buildkit";
import { copyPaths, joinPath } from "../model/copy-paths";
import { foldersBefore } from "../model/existing-folders";
import { workdirOf } from "../model/workdir";
import type { DockerfileModel, Instruction } from "../model/types";
import type { Rule } from "./types";

export const rule: Rule = {
  meta: {
    id: "instruction-copy-dest-not-dir",
    family: "instructions",
    severity: "error",
    description: "End the destination with / when COPY or ADD has several sources.",
    fix: "safe",
    equivalents: { hadolint: ["DL3021"] },
    // dockerfile-utils reports the same COPY line with a bare message and no fix: one finding, ours.
    supersedes: [{ check: "INVALID_DESTINATION", when: "always" }],
    messages: {
      notDir: "{keyword} with {count} sources needs a folder destination ending in '/'; write '{dest}/'.",
    },
  },
  check(model, report) {
    const buildKit = requiresBuildKit(model);
    for (const instruction of model.instructions) {
      const copy = instruction.keyword === "ONBUILD" ? instruction.trigger : instruction;
      if ((copy?.keyword !== "COPY" && copy?.keyword !== "ADD") || copy.heredocs.length > 0) continue;
      const paths = copyPaths(copy);
      if (!paths || paths.sources.length < 2) continue;
      const dest = paths.dest.value;
      // `.` and `..` name folders; a variable at the end may end in a slash.
      if (dest.endsWith("/") || dest.endsWith("\\") || dest === "." || dest === ".." || ENDS_WITH_VARIABLE.test(dest)) continue;
      if (buildKit && copy === instruction && intoExistingFolder(model, instruction, dest)) continue;
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

const ENDS_WITH_VARIABLE = /\$(?:\{[^}]*\}|\w+)$/;

// Folders every distribution's base layout creates (Debian's and Ubuntu's base-files, Alpine's
// alpine-baselayout, the Red Hat family's and Arch's filesystem package): `COPY a b /usr/local/bin`
// on such an image copies into the folder (held-out AZ, envoy-build-tools: judged wrong as an error).
const DISTRIBUTION_FOLDERS = new Set([
  "/bin",
  "/etc",
  "/root",
  "/tmp",
  "/usr",
  "/usr/bin",
  "/usr/lib",
  "/usr/local",
  "/usr/local/bin",
  "/usr/local/lib",
  "/usr/share",
  "/var",
]);

/** True when `dest` of `copy` (not an ONBUILD trigger) names a folder the stage certainly holds then. */
function intoExistingFolder(model: DockerfileModel, copy: Instruction, dest: string): boolean {
  const stage = copy.stage;
  if (stage === null || dest.includes("$")) return false;
  const base = dest.startsWith("/") ? "/" : workdirOf(model, stage, copy);
  if (base === null) return false;
  const folder = joinPath(base, dest);
  return foldersBefore(model, stage, copy).has(folder) || (DISTRIBUTION_FOLDERS.has(folder) && startsFromDistribution(copy));
}

/**
 * True when the stage's lineage starts from a distribution image or one built on it, known by its
 * /bin/sh; BusyBox's own image and Wolfi's, whose layouts are smaller, are not counted.
 */
function startsFromDistribution(copy: Instruction): boolean {
  const image = copy.stage === null ? null : rootImageOf(copy.stage).image;
  if (image === null || defaultShell(image) === null) return false;
  const name = image.familiarName.split("/").pop() ?? "";
  return name !== "busybox" && name !== "wolfi-base";
}
