// instruction-workdir-relative: BuildKit's WorkdirRelativePath (hadolint DL3000). A relative WORKDIR
// is resolved against the base image's working directory, which can change with the base image.

import { substituteAt } from "../model/environment";
import type { Stage } from "../model/types";
import type { Rule } from "./types";

// `C:` too: the escape character may have eaten the backslash of `C:\`.
const ABSOLUTE = /^(?:\/|[A-Za-z]:(?:$|[\\/])|\\)/;

export const rule: Rule = {
  meta: {
    id: "instruction-workdir-relative",
    family: "instructions",
    severity: "warning",
    description: "Set an absolute WORKDIR before any relative one.",
    fix: "none",
    equivalents: { buildkit: ["WorkdirRelativePath"], hadolint: ["DL3000"] },
    messages: {
      relative: "Relative WORKDIR '{path}' depends on the base image's working directory; use an absolute path.",
    },
    supersedes: [{ check: "WORKDIR_IS_NOT_ABSOLUTE", when: "always" }],
  },
  check(model, report) {
    // BuildKit checks only the first WORKDIR of a lineage: once one is set, later relative ones are anchored.
    const isSet = new Map<Stage, boolean>();
    // Instructions before any FROM (a fragment) are checked as if they began a stage.
    // A WORKDIR without a path has no token to report on (the syntax check reports it).
    const fragment = model.prelude.filter((i) => i.keyword === "WORKDIR" && i.args.length > 0);
    if (model.stages.length === 0 && fragment.length > 0) {
      const path = fragment[0].args.map((a) => a.value).join(" ");
      const unquoted = path.replace(/^["']|["']$/g, "");
      if (!unquoted.includes("$") && !ABSOLUTE.test(unquoted)) report({ range: fragment[0].args[0].range, messageId: "relative", data: { path } });
    }
    for (const stage of model.stages) {
      let set = stage.base.stage ? (isSet.get(stage.base.stage) ?? false) : false;
      for (const instruction of stage.instructions) {
        if (instruction.keyword !== "WORKDIR" || instruction.args.length === 0) continue;
        if (!set) {
          const written = instruction.args.map((a) => a.value).join(" ");
          const sub = substituteAt(model, stage, instruction, written);
          // Not fix-able without knowing the base image's WORKDIR; an unknown variable may be absolute.
          if (sub.unresolved.length === 0 && !ABSOLUTE.test(sub.value.replace(/^["']|["']$/g, "")))
            report({ range: instruction.args[0].range, messageId: "relative", data: { path: written } });
        }
        set = true;
      }
      isSet.set(stage, set);
    }
  },
};
