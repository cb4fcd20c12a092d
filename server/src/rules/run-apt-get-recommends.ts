// run-apt-get-recommends: hadolint DL3015. apt-get installs "recommended" packages by default,
// often doubling what lands in the image. Stage-aware, unlike hadolint: a throwaway builder stage
// ships nothing, so only stages that end up in the final image are checked, and a stage whose
// lineage configures `APT::Install-Recommends` once (an apt.conf.d file) is left alone.

import { insertOptionAfter } from "../fixes/cache-cleanup";
import { readAptGet } from "../model/apt-get";
import { finalImageStages, isInFinalImage } from "../model/final-image";
import { allRunInstructions } from "../model/run-instructions";
import { lineage } from "../model/stage-graph";
import type { DockerfileModel, Instruction } from "../model/types";
import type { Rule } from "./types";

const CONFIG = /Install-Recommends/i;

/** True when a RUN of the stage lineage before `run` mentions APT::Install-Recommends (configures it). */
function isConfigured(model: DockerfileModel, run: Instruction): boolean {
  const stages = run.stage ? lineage(run.stage) : [];
  for (const s of stages)
    for (const i of s.instructions) {
      if (i.ordinal >= run.ordinal) break;
      if (i.keyword === "RUN" && CONFIG.test(model.lines.textIn(i.range))) return true;
    }
  return false;
}

export const rule: Rule = {
  meta: {
    id: "run-apt-get-recommends",
    family: "run",
    severity: "info",
    description: "Install apt packages with --no-install-recommends in images that ship.",
    fix: "suggestion",
    equivalents: { hadolint: ["DL3015"] },
    messages: {
      recommends: "'apt-get install' also installs recommended packages into the image; add --no-install-recommends.",
    },
  },
  check(model, report) {
    const finalStages = finalImageStages(model);
    for (const run of allRunInstructions(model)) {
      if (!isInFinalImage(model, run, finalStages)) continue;
      for (const command of run.commands) {
        const call = readAptGet(command);
        if (call?.subcommand?.value !== "install") continue;
        if (call.options.some((o) => o.value === "--no-install-recommends" || CONFIG.test(o.value))) continue;
        if (isConfigured(model, run)) continue;
        // A suggestion: a package may need what it recommends (fonts, CA certificates) to work.
        report({
          range: call.subcommand.range,
          messageId: "recommends",
          suggest: [{ title: "Add --no-install-recommends", edits: insertOptionAfter(call.subcommand, "--no-install-recommends") }],
        });
      }
    }
  },
};
