// run-apt-get-recommends: hadolint DL3015. apt-get installs "recommended" packages by default,
// often doubling what lands in the image. Stage-aware, unlike hadolint: a throwaway builder stage
// ships nothing, so only stages that end up in the final image are checked, and a stage whose
// lineage configures `APT::Install-Recommends` once (an apt.conf.d file) is left alone, as is an
// install whose RUN later purges what was only recommended, and a development, CI or build image.

import { insertOptionAfter } from "../fixes/cache-cleanup";
import { readAptGet } from "../model/apt-get";
import { finalImageStages, isInFinalImage } from "../model/final-image";
import { allRunInstructions } from "../model/run-instructions";
import { lineage } from "../model/stage-graph";
import { developmentPurpose } from "../model/stage-purpose";
import type { DockerfileModel, Instruction } from "../model/types";
import type { Rule } from "./types";

const CONFIG = /Install-Recommends/i;
const RECOMMENDS_NOT_IMPORTANT = /^APT::AutoRemove::RecommendsImportant=(?:false|0|no)$/i;

/**
 * True when a later command of `run` removes the packages only recommendations kept:
 * `apt-get purge --auto-remove -o APT::AutoRemove::RecommendsImportant=false`.
 */
function purgesRecommends(run: Instruction, after: number): boolean {
  return run.commands.slice(after + 1).some((command) => {
    const call = readAptGet(command);
    const sub = call?.subcommand?.value;
    if (!call || (sub !== "autoremove" && !((sub === "purge" || sub === "remove") && call.options.some((o) => /^--auto-?remove$/.test(o.value))))) return false;
    return call.options.some((o) => RECOMMENDS_NOT_IMPORTANT.test(o.value));
  });
}

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
    // A development, CI or build-environment image wants the packages whole (docs, completions).
    if (developmentPurpose(model) !== null) return;
    const finalStages = finalImageStages(model);
    for (const run of allRunInstructions(model)) {
      if (!isInFinalImage(model, run, finalStages)) continue;
      for (const [index, command] of run.commands.entries()) {
        const call = readAptGet(command);
        if (call?.subcommand?.value !== "install") continue;
        if (call.options.some((o) => o.value === "--no-install-recommends" || CONFIG.test(o.value))) continue;
        if (isConfigured(model, run) || purgesRecommends(run, index)) continue;
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
