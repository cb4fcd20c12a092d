// final-stage-heavy-base: the final stage's base has a published smaller variant (slim, alpine,
// JRE); the message gives the saving from the size facts, and a suggestion switches the tag.

import type { Fix, Rule } from "./types";
import type { Instruction } from "../model/types";
import { detectBuildSteps } from "../model/build-steps";
import { systemPackageCommand } from "../model/commands";
import { developmentPurpose } from "../model/stage-purpose";
import { formatSaving, formatSize } from "../images/format-size";
import { baseImageOf } from "../images/base-image";
import { toolchainOf } from "../images/toolchains";
import { smallerVariants } from "../images/variants";
import { replaceImageTag } from "../fixes/image-tag";

/** Tools of the full Debian-based language images that their slim and Alpine variants lack. */
const FULL_IMAGE_TOOLS = new Set(["curl", "wget", "git", "gcc", "g++", "make", "ssh", "scp", "unzip", "bzip2", "xz", "gpg", "hg", "svn"]);

/** True when a RUN calls one of FULL_IMAGE_TOOLS before any package install in the stage names it. */
function usesToolBeforeInstall(instructions: readonly Instruction[]): boolean {
  const installed = new Set<string>();
  for (const i of instructions) {
    if (i.keyword !== "RUN") continue;
    for (const c of i.commands) {
      const cmd = systemPackageCommand(c);
      if (cmd?.action === "install") for (const p of cmd.packages) installed.add(p.value.replace(/[=<>~].*$/, ""));
      if (FULL_IMAGE_TOOLS.has(c.name) && !installed.has(c.name) && !(c.name === "gpg" && installed.has("gnupg"))) return true;
    }
  }
  return false;
}

export const rule: Rule = {
  meta: {
    id: "final-stage-heavy-base",
    family: "base-images",
    severity: "info",
    description: "Ship the final stage on the smallest variant of its base that works.",
    fix: "suggestion",
    equivalents: {},
    messages: {
      heavyBase:
        "Final base '{image}' has a smaller variant '{variant}'; switch if the app allows it. Size: {size} vs {variantSize}, saving {saving}{estimate}; {caveat}.",
    },
  },
  check(model, report) {
    const final = model.finalStage;
    // Only a final stage that names its image directly: changing the base of a parent stage
    // would change that stage too.
    if (!final || developmentPurpose(model) !== null) return;
    const ref = baseImageOf(final);
    if (!ref || ref.digest !== null) return;
    // A toolchain image that builds here needs a multi-stage build, not a smaller variant
    // (final-stage-toolchain / single-stage-build say so).
    if (toolchainOf(ref) && detectBuildSteps(final).length > 0) return;
    const usesApt = final.instructions.some((i) => i.commands.some((c) => systemPackageCommand(c)?.manager === "apt" || c.name === "dpkg"));
    // Alpine has no apt: a stage that installs Debian packages cannot switch to it as is.
    // A RUN that calls a tool the full image ships and slim/alpine lack (curl, git, gcc ...) before
    // installing it would break on the smaller variant (mage-ai pipes curl into apt-key first).
    if (usesToolBeforeInstall(final.instructions)) return;
    const variants = smallerVariants(ref).filter((v) => !(usesApt && v.kind.startsWith("alpine")));
    const best = variants[0];
    if (!best) return;
    const current = best.size.amd64 + best.saving.amd64;
    // Suggestions only: slim images lack packages, Alpine's musl can change behaviour.
    const suggest: Fix[] = [];
    for (const v of variants) {
      const edits = replaceImageTag(final.base.token, v.tag);
      if (edits) suggest.push({ title: `Switch to '${v.image}' (saves ${formatSize(v.saving.amd64)}${v.isEstimate ? ", estimate" : ""})`, edits });
    }
    report({
      range: final.base.token.range,
      messageId: "heavyBase",
      data: {
        image: final.base.resolved,
        size: formatSize(current),
        variant: best.image,
        variantSize: formatSize(best.size.amd64),
        saving: formatSaving(current, best.size.amd64),
        estimate: best.isEstimate ? ", estimate" : " compressed on amd64",
        caveat: best.caveat,
      },
      suggest,
    });
  },
};
