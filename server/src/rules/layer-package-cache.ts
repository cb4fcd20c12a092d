// layer-package-cache: package-manager caches left in a layer of the final image (apt lists, apk
// index, pip wheels, yum/dnf metadata, yarn cache) weigh on every pull for nothing. In a builder
// stage, or an image named for development (`dev`, `test`, `validate`), they never reach
// production, so the rule only hints at a cache mount there, which keeps the downloads warm across
// builds; stages the final image never needs are left alone.

import { addCacheMounts, cacheMountFlags } from "../fixes/cache-mount";
import { appendToRun, insertOptionAfter } from "../fixes/cache-cleanup";
import { finalImageStages, isInFinalImage } from "../model/final-image";
import { findLeftPackageCaches, type LeftPackageCache, type PackageCacheKind } from "../model/package-caches";
import { systemPackageCommand } from "../model/commands";
import { ancestorsOf, lineage } from "../model/stage-graph";
import { isDevelopmentStage } from "../model/stage-purpose";
import type { Instruction, Stage } from "../model/types";
import type { Fix, Report, Rule } from "./types";

const PER_COMMAND = new Set<PackageCacheKind>(["apk", "pip"]);

export const rule: Rule = {
  meta: {
    id: "layer-package-cache",
    family: "layers",
    severity: "info",
    description: "Keep package-manager caches out of the layers of the final image.",
    fix: "safe",
    equivalents: { hadolint: ["DL3009", "DL3019", "DL3042", "DL3032", "DL3040", "DL3060"] },
    messages: {
      aptLists: "'{command}' leaves the package lists in the image (tens of MB); add '&& rm -rf /var/lib/apt/lists/*' to the same RUN.",
      aptArchives:
        "'{command}' keeps the downloaded packages in /var/cache/apt because docker-clean was disabled; mount a cache at /var/cache/apt or run 'apt-get clean' in the same RUN.",
      apkCache: "'{command}' leaves the package index in /var/cache/apk; use 'apk add --no-cache'.",
      pipCache: "'{command}' keeps downloaded wheels in the pip cache inside the image; add '--no-cache-dir' (or set PIP_NO_CACHE_DIR=1).",
      rpmCache: "'{command}' leaves the package metadata and cache in the image; add '&& {clean}' to the same RUN.",
      yarnCache: "'{command}' leaves the yarn cache in the image; add '&& yarn cache clean' to the same RUN.",
      builderCacheMount:
        "'{command}' runs in stage '{stage}', which no production image ships, so its cache costs nothing there but is downloaded again whenever this layer rebuilds; a BuildKit cache mount ('{mount}') keeps it warm across builds.",
    },
  },
  check(model, report) {
    const finals = finalImageStages(model);
    const isDevelopmentImage = model.finalStage !== null && isDevelopmentStage(model.finalStage);
    // One report per RUN where one fix covers several commands (a cleanup appended to the RUN, a
    // cache mount); apk and pip are fixed per command, so each of their commands is reported.
    const reported = new Set<string>();
    const isFirst = (key: string): boolean => {
      if (reported.has(key)) return false;
      reported.add(key);
      return true;
    };
    for (const cache of findLeftPackageCaches(model)) {
      const instruction = cache.instruction;
      const stage = instruction.stage;
      const isDevelopment = isDevelopmentImage || (stage !== null && isDevelopmentStage(stage));
      if (isInFinalImage(model, instruction, finals) && (instruction.trigger !== null || !isDevelopment)) {
        if (PER_COMMAND.has(cache.kind) || isFirst(`${instruction.ordinal}:${cache.kind}:${cache.command.name}`)) report(finalImageReport(model, cache));
      } else if (stage?.isReachable && isFirst(`${instruction.ordinal}:mount:${cache.tool}`)) {
        const hint = builderReport(stage, cache);
        if (hint) report(hint);
      }
      // Stages the final image never reaches are only built with --target: nothing to say.
    }
  },
};

function finalImageReport(model: Parameters<Rule["check"]>[0], cache: LeftPackageCache): Report {
  const base = { range: cache.range, data: { command: cache.text } };
  switch (cache.kind) {
    case "aptLists": {
      // A suggestion: a later RUN that installs without its own `apt-get update` needs the lists,
      // so it is not offered at all when the stage (or a stage built on it) has such a RUN: removing
      // the lists would make that install fail ("Unable to locate package").
      const edits = laterAptInstallNeedsLists(model, cache.instruction) ? null : appendToRun(model, cache.instruction, "rm -rf /var/lib/apt/lists/*");
      return { ...base, messageId: "aptLists", suggest: edits ? [fixOf("Remove the apt lists in the same RUN", edits)] : undefined };
    }
    case "aptArchives":
      // Where the archives should go (a cache mount, `apt-get clean`) is the author's call.
      return { ...base, messageId: "aptArchives" };
    case "apk":
      // With `apk update` in the same RUN the index is written before `add` runs: `--no-cache`
      // alone would not remove it, so no automatic fix.
      return {
        ...base,
        messageId: "apkCache",
        fix: cache.hasSeparateIndexUpdate ? undefined : fixOf("Use 'apk add --no-cache'", insertOptionAfter(cache.actionWord, "--no-cache")),
      };
    case "pip":
      return { ...base, messageId: "pipCache", fix: fixOf("Add '--no-cache-dir'", insertOptionAfter(cache.actionWord, "--no-cache-dir")) };
    case "rpm": {
      const clean = cache.cleanCommand ?? "yum clean all";
      const edits = appendToRun(model, cache.instruction, clean);
      return { ...base, data: { ...base.data, clean }, messageId: "rpmCache", fix: edits ? fixOf(`Add '${clean}'`, edits) : undefined };
    }
    case "yarn": {
      const edits = appendToRun(model, cache.instruction, "yarn cache clean");
      return { ...base, messageId: "yarnCache", fix: edits ? fixOf("Add 'yarn cache clean'", edits) : undefined };
    }
  }
}

function builderReport(stage: Stage, cache: LeftPackageCache): Report | null {
  // pip and yarn keep their cache in the user's home, which we cannot know once USER switches away from root.
  if ((cache.tool === "pip" || cache.tool === "yarn") && !runsAsRoot(stage, cache.instruction)) return null;
  const edits = addCacheMounts(cache.instruction, cache.tool);
  if (!edits) return null;
  return {
    range: cache.range,
    messageId: "builderCacheMount",
    data: { command: cache.text, stage: stage.name ?? String(stage.index), mount: cacheMountFlags(cache.tool).join(" ") },
    severity: "hint",
    // Cache mounts need BuildKit; the legacy builder rejects `RUN --mount`.
    suggest: [fixOf(`Add a cache mount for ${cache.tool}`, edits)],
  };
}

/**
 * True when a RUN after `run` (in its stage or a stage built `FROM` it) installs apt packages
 * without an `apt-get update` of its own, so it relies on the lists `run` leaves behind.
 */
function laterAptInstallNeedsLists(model: Parameters<Rule["check"]>[0], run: Instruction): boolean {
  const stage = run.stage;
  if (stage === null) return false;
  const stages = model.stages.filter((s) => s === stage || ancestorsOf(s).includes(stage));
  for (const s of stages) {
    for (const instruction of s.instructions) {
      if (s === stage && instruction.ordinal <= run.ordinal) continue;
      if (instruction.keyword !== "RUN") continue;
      const apt = instruction.commands.map(systemPackageCommand).filter((c) => c !== null && c.manager === "apt");
      if (apt.some((c) => c!.action === "install" || c!.action === "upgrade") && !apt.some((c) => c!.action === "update")) return true;
    }
  }
  return false;
}

/** True unless a USER other than root is in effect at `before` (through `FROM <stage>` too). */
function runsAsRoot(stage: Stage, before: Instruction): boolean {
  let user: string | null = null;
  for (const s of lineage(stage)) {
    for (const instruction of s.instructions) {
      if (instruction === before) break;
      if (instruction.keyword === "USER" && instruction.args.length > 0) user = instruction.args[0].value.split(":")[0];
    }
  }
  return user === null || user === "root" || user === "0";
}

function fixOf(title: string, edits: Fix["edits"]): Fix {
  return { title, edits };
}
