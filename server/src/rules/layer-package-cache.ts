// layer-package-cache: package-manager caches left in a layer of the final image (apt lists, apk
// index, pip wheels, yum/dnf metadata, yarn and uv caches) weigh on every pull for nothing. In a builder
// stage, or an image named for development (`dev`, `test`, `validate`), they never reach
// production, so the rule only hints at a cache mount there, and only for the pip install of the
// project itself, which reruns with every source edit; stages the final image never needs are left
// alone. Advice that would break a later install of the same stage is never given (an apt install, or
// an R install through bspm, that reads these lists), and none is given on a pip install that leaves
// no cache: one the distribution's externally managed Python refuses (PEP 668), or one whose pip.conf
// sets `no-cache-dir`.

import { addCacheMounts, cacheMountFlags } from "../fixes/cache-mount";

import { appendToRun, insertOptionAfter } from "../fixes/cache-cleanup";
import { installsRPackagesThroughBspm } from "../images/bspm";
import { runShell } from "../images/default-shell";
import { refusedByExternallyManagedPython } from "../images/externally-managed-python";
import { runsPipBeforeWheelCache } from "../images/pip-before-wheel-cache";
import { isInFinalImage, shippedImageStages, shippedTargetStages } from "../model/final-image";
import {
  earlierCacheFill,
  findLeftPackageCaches,
  usesModernYarn,
  usesYarnPlugAndPlay,
  removesAptLists,
  cleansAnyRpmCache,
  RPM_MANAGERS,
  apkCommandOf,
  type ApkCommand,
  type LeftPackageCache,
  type PackageCacheKind,
} from "../model/package-caches";
import { aptOperands, readAptOrAptGet } from "../model/apt-get";
import { installsProjectFromSources, systemPackageCommand } from "../model/commands";
import { ancestorsOf, instructionsAfter, lineage } from "../model/stage-graph";
import { hasVolatileMount } from "../model/mounts";
import { developmentPurpose } from "../model/stage-purpose";
import type { ShellCommand } from "../model/shell";
import type { DockerfileModel, Instruction, Stage } from "../model/types";
import { optInCommands } from "../model/opt-in-branch";
import { pipConfigTurnsCacheOff } from "../model/pip-config";
import { installsOnlySatisfiedPackages } from "../model/pip-satisfied";
import { cleansPoetryCache } from "../model/poetry-cache";
import { userAt } from "../model/user";
import { defaultUserOf } from "../images/default-user";
import type { Fix, Report, Rule } from "./types";

const PER_COMMAND = new Set<PackageCacheKind>(["apk", "pip", "uv"]);

export const rule: Rule = {
  meta: {
    id: "layer-package-cache",
    family: "layers",
    severity: "info",
    description: "Keep package-manager caches out of the layers of the final image.",
    fix: "safe",
    equivalents: {
      hadolint: ["DL3009", "DL3019", "DL3042", "DL3032", "DL3040", "DL3060"],
    },
    messages: {
      aptLists: "'{command}' leaves the apt lists in the image; add '&& rm -rf /var/lib/apt/lists/*' to the RUN.",
      aptListsBuilder: "'{command}' leaves apt lists in the image; remove them and update in {stages}.",
      // A later install relies on the lists and a later RUN removes them, in a layer of its own.
      aptListsRemovedLater: "'{command}' keeps the apt lists in its layer; removing them on line {line} frees nothing.",
      // A later install relies on the lists and no RUN of the stage ever removes them.
      aptListsLaterInstall: "'{command}' leaves the apt lists for line {line}'s install; merge them and remove the lists.",
      aptArchives: "'{command}' keeps the downloaded .debs in the image; run 'apt-get clean' in the same RUN.",
      apkCache: "'{command}' leaves the package index in the image; use 'apk add --no-cache'.",
      // `apk update && apk add --no-cache x`: the update alone writes the index; `--no-cache` on the
      // add fetches a fresh one in memory, so the update is not needed at all.
      apkIndexUpdate: "'{command}' leaves the package index in the image; drop it and use 'apk {next} --no-cache'.",
      apkIndexUpdateAlone: "'{command}' leaves the package index in the image; add '&& rm -rf /var/cache/apk/*' to the RUN.",
      // A later RUN installs without --no-cache and stores the index again: the flag is needed there too.
      apkIndexEverywhere: "'{command}' leaves the package index in the image; drop it, add --no-cache to all apk commands.",
      pipCache: "'{command}' keeps downloaded wheels in the image; add '--no-cache-dir'.",
      uvCache: "'{command}' keeps uv's cache in the image; add '--no-cache'.",
      poetryCache: "'{command}' keeps its downloads in the image; add '&& rm -rf {folder}' to the RUN.",
      // A later RUN removes them already, in a layer of its own: that frees nothing, and the same
      // removal appended here would make that RUN's `rm` (often without -f) fail on a missing folder.
      poetryCacheRemovedLater: "'{command}' keeps its downloads in its layer; move line {line}'s removal into this RUN.",
      rpmCache: "'{command}' leaves its package cache in the image; add '&& {clean}' to the RUN.",
      // A later RUN of the image runs the manager again without cleaning: it loads the metadata
      // this RUN's clean would remove into its own layer, so only cleaning in both saves anything.
      rpmCacheEverywhere: "'{command}' leaves its package cache, and line {line}'s RUN loads it again; clean in both RUNs.",
      yarnCache: "'{command}' leaves the yarn cache in the image; add '&& {clean}' to the RUN.",
      builderCacheMount: "'{command}' downloads again when this layer rebuilds; add a cache mount at {target}.",
    },
  },
  check(model, report) {
    const caches = findLeftPackageCaches(model);
    // No install leaves a cache, the usual case once a file is tidy: nothing to weigh (issue #16).
    if (caches.length === 0) return;
    // A stage CI builds with --target and runs as an image of its own ships like the final one.
    const finals = shippedImageStages(model);
    // A final image named for development (its stage, or its file: `Dockerfile.dev`, `.devcontainer/`
    // when CI does not publish it), built on a build-environment image with no command of its own
    // (a CI toolchain or one-shot packaging image), or one its build script only copies files out of
    // (held-out BV, audiowaveform's .deb build): its caches are never pulled by users. Other
    // development signals do not separate here: a compose bind mount of the sources (crater: right;
    // openstreetmap, celery: debatable), no command with a compiler kept (greptime's dev-builder
    // pulled by every CI job: right), an interactive shell command (unstructured: right).
    const purpose = developmentPurpose(model);
    const isDevelopmentImage =
      model.finalStage !== null && (purpose === "stage-name" || purpose === "build-environment-base" || purpose === "path" || purpose === "output-copied-out");
    // ...but a test image last in the file says nothing of the target CI pushes: what that target's
    // stages leave ships (`FROM base AS web` pushed, `FROM base AS test` last; held-out AJ, AK).
    // Only a final stage named so: a file named for development (`Dockerfile.dev`) or built on a
    // build environment is that whatever the targets in reach say (their names may be another file's).
    const targetStages = purpose === "stage-name" ? shippedTargetStages(model) : new Set<Stage>();
    // One report per RUN where one fix covers several commands (a cleanup appended to the RUN, a
    // cache mount); apk and pip are fixed per command, so each of their commands is reported.
    const reported = new Set<string>();
    const isFirst = (key: string): boolean => {
      if (reported.has(key)) return false;
      reported.add(key);
      return true;
    };
    for (const cache of caches) {
      const instruction = cache.instruction;
      // An install in an opt-in branch a plain build skips (`if [ "$BUILD_JS" = 1 ]`) belongs to a
      // variant built on request, not to the image the file builds by default.
      if (optInCommands(model, instruction.trigger ?? instruction).has(cache.command)) continue;
      // Under Yarn's Plug'n'Play the app loads its packages from the cache: it is the install.
      if (cache.kind === "yarn" && usesYarnPlugAndPlay(model)) continue;
      // A helper of the base image cleans up later in the same RUN (`package cleanup`): what it
      // removes is not shown, so the cache may well be gone.
      if (cleanedByHelperLater(cache)) continue;
      // `pip install /app` after every requirement was installed with --no-cache-dir: pip caches no
      // wheel built from a local folder, so all it could keep is the build backend's download.
      if (cache.kind === "pip" && installsLocalFolderOnly(cache.command) && earlierPipInstallWithoutCache(cache.instruction)) continue;
      // The distribution's pip on Debian 12+ or Ubuntu 23.04+ with no PEP 668 opt-out refuses to
      // install ("externally-managed-environment") before downloading anything: no cache is left.
      if (cache.kind === "pip" && refusedByExternallyManagedPython(model, instruction.trigger ?? instruction, cache.command)) continue;
      // The distribution's pip of Ubuntu 14.04 or Debian 8 (pip 1.5) keeps no wheel cache and rejects
      // `--no-cache-dir` (held-out CQ, Staffjoy's suite: judged wrong twice).
      if (cache.kind === "pip" && runsPipBeforeWheelCache(instruction.trigger ?? instruction, cache.command)) continue;
      // Every package named was installed from a requirements file before: nothing is downloaded.
      if (cache.kind === "pip" && installsOnlySatisfiedPackages(model, instruction, cache.command)) continue;
      // A pip.conf the build wrote (or copied, or `pip config set`) sets `no-cache-dir`: pip keeps no wheels.
      if (cache.kind === "pip" && pipConfigTurnsCacheOff(model, instruction, cache.command, runShell)) continue;
      const stage = instruction.stage;
      // The final stage's name was read above with what the stage does (a service named `build`).
      // Another stage's name says nothing here: the final image is built on it, so what it leaves
      // ships (held-out CT, Lotus: `FROM build AS production`, the apt lists and Poetry's cache of
      // the stage named `build` missed).
      const isDevelopment = isDevelopmentImage && (stage === null || !targetStages.has(stage));
      if (isInFinalImage(model, instruction, finals) && (instruction.trigger !== null || !isDevelopment)) {
        if (PER_COMMAND.has(cache.kind) || isFirst(`${instruction.ordinal}:${cache.kind}:${cache.command.name}`)) {
          const found = finalImageReport(model, cache, caches);
          if (found) report(found);
        }
      } else if (stage?.isReachable && !reported.has(`${instruction.ordinal}:mount:${cache.tool}`)) {
        const hint = builderReport(model, stage, cache, caches);
        if (hint && isFirst(`${instruction.ordinal}:mount:${cache.tool}`)) report(hint);
      }
      // Stages the final image never reaches are only built with --target: nothing to say.
    }
  },
};

/**
 * Package managers and build tools whose own `clean` subcommand (`make clean`, `go clean`, `npm
 * cache clean`) is not a base image's cleanup helper: what they remove is known or no cache.
 */
const KNOWN_PROGRAMS = new Set(
  "apt-get apt apk dnf yum microdnf zypper pip pip3 yarn npm pnpm bun conda mamba micromamba make go cargo dotnet mvn mvnw gradle gradlew mix git bundle gem composer poetry uv".split(
    " ",
  ),
);

/** Program names and arguments of cleanup helpers: `package cleanup`, `clean-layer.sh`, `docker-clean`. */
const CLEANUP_WORD = /^(?:[\w.-]*[-_])?clean(?:up)?(?:[-_.][\w.-]*)?$/i;

/**
 * True when a command after `cache.command` in its RUN is a helper the file does not define (not a
 * package manager, not `rm`) whose name or first argument says it cleans up (`package cleanup`,
 * `/usr/bin/clean-layer.sh`): base images ship such helpers to empty the package caches.
 */
function cleanedByHelperLater(cache: LeftPackageCache): boolean {
  const commands = cache.instruction.trigger ? cache.instruction.trigger.commands : cache.instruction.commands;
  const at = commands.indexOf(cache.command);
  return commands.slice(at + 1).some((c) => {
    if (systemPackageCommand(c) !== null || c.name === "rm") return false;
    const name = c.name;
    if (KNOWN_PROGRAMS.has(name)) return false;
    return CLEANUP_WORD.test(name) || CLEANUP_WORD.test(c.args[0]?.value ?? "");
  });
}

/** `pip install /app`, `pip install .`: every target is a local folder (no requirements file, no index package). */
function installsLocalFolderOnly(command: ShellCommand): boolean {
  const args = command.args.map((w) => w.value);
  const at = args.indexOf("install");
  if (at < 0) return false;
  const rest = args.slice(at + 1);
  if (rest.some((a) => a === "-r" || a.startsWith("--requirement") || a === "-e" || a === "--editable")) return false;
  const targets = rest.filter((a) => !a.startsWith("-"));
  return targets.length > 0 && targets.every((a) => /^["']?(?:\.|\/)/.test(a));
}

/** True when an earlier RUN of the instruction's image installs with pip and `--no-cache-dir`. */
function earlierPipInstallWithoutCache(instruction: Instruction): boolean {
  const stage = instruction.stage;
  if (stage === null) return false;
  return lineage(stage).some((s) =>
    s.instructions.some(
      (i) =>
        i.keyword === "RUN" &&
        (s !== stage || i.ordinal < instruction.ordinal) &&
        i.commands.some((c) => /(?:^|\/)pip\d*(?:\.\d+)?$/.test(c.name) && c.args.some((a) => a.value === "--no-cache-dir")),
    ),
  );
}

function finalImageReport(model: Parameters<Rule["check"]>[0], cache: LeftPackageCache, caches: readonly LeftPackageCache[]): Report | null {
  const base = { range: cache.range, data: { command: cache.text } };
  switch (cache.kind) {
    case "aptLists": {
      // A later RUN that installs without its own `apt-get update` needs these lists: removing them
      // would make that install fail ("Unable to locate package"), so the advice would break the
      // build. Silent when such a RUN is in this stage; layer-apt-update-alone reports the split
      // update, whose fix is merging. When stages built on this one rely on them (`FROM base AS
      // build` installing without an update), the lists still ship through the final image's base:
      // the remedy is to remove them here and update in that stage. No fix: it takes two edits in two
      // stages, and the builder's install may sit in a RUN we cannot rewrite safely.
      // Held-out BJ, AutoRAG: a shipped stage built on this one (`FROM base AS gpu-parsing`) installs
      // without an update; the lists ship in both images, and nothing else reports them (missed):
      // the same two edits. Only a RUN of this same stage relying on them keeps it silent.
      const needing = laterAptInstallsNeedingLists(model, cache.instruction);
      if (needing.length > 0) {
        if (needing.some((i) => i.stage === null || i.stage === cache.instruction.stage)) {
          // The author cleans up in a RUN of its own after those installs (`RUN apt-get clean && rm
          // -f /var/lib/apt/lists/*_*`): the lists ship in this layer all the same, and merging the
          // RUNs up to the removal is the remedy (held-out BS, OpenSIPS and an Elixir WebRTC app: missed).
          const removal = listsRemovedAfter(cache.instruction, needing);
          if (removal !== null) return { ...base, data: { ...base.data, line: removal.range.start.line + 1 }, messageId: "aptListsRemovedLater" };
          // Nothing removes them: the update and the install that follows soon merge, with the
          // removal (held-out BT, Maxwell: `apt-get update && apt-get -y upgrade`, then `apt-get
          // -y install curl jq` in the next RUN; missed).
          const install = listsLeftForInstall(model, cache.instruction, needing);
          return install === null ? null : { ...base, data: { ...base.data, line: install.range.start.line + 1 }, messageId: "aptListsLaterInstall" };
        }
        const names = [...new Set(needing.map((i) => (i.stage as Stage).name ?? String((i.stage as Stage).index)))];
        const quoted = names.map((name) => `'${name}'`);
        const stages = quoted.length === 1 ? `stage ${quoted[0]}` : `stages ${quoted.slice(0, -1).join(", ")} and ${quoted[quoted.length - 1]}`;
        return { ...base, data: { ...base.data, stages }, messageId: "aptListsBuilder" };
      }
      // Kept on purpose: a later RUN deletes them after one that runs a script which may install
      // with them (held-out AV, livekit egress: a Chrome installer's `apt-get install ./chrome.deb`
      // between the install and a "clean up" RUN). Removing them here breaks that step; the saving
      // takes merging the RUNs, which is the author's to weigh.
      if (listsKeptForLaterScript(cache.instruction)) return null;
      // A suggestion: the author may rely on the lists in a way we cannot see (a script, ONBUILD).
      const edits = appendToRun(model, cache.instruction, "rm -rf /var/lib/apt/lists/*");
      return {
        ...base,
        messageId: "aptLists",
        suggest: edits ? [fixOf("Remove the apt lists in the same RUN", edits)] : undefined,
      };
    }
    case "aptArchives":
      // Where the archives should go (a cache mount, `apt-get clean`) is the author's call.
      return { ...base, messageId: "aptArchives" };
    case "apk":
      // An `apk update` in an earlier RUN already wrote the index into its own layer; this `add`
      // reuses it and writes nothing new, so `--no-cache` here would save nothing.
      if (earlierApkIndexUpdate(model, cache.instruction)) return null;
      // With `apk update` in the same RUN the index is the update's, reported there (one problem,
      // one finding): `--no-cache` on this add alone would not remove it.
      if (cache.hasSeparateIndexUpdate) return null;
      return { ...base, messageId: "apkCache", fix: fixOf("Use 'apk add --no-cache'", insertOptionAfter(cache.actionWord, "--no-cache")) };
    case "apkIndex": {
      // A second `apk update` of the stage rewrites an index an earlier one already left: one finding.
      if (earlierApkIndexUpdate(model, cache.instruction)) return null;
      // A later RUN's `apk add` or `apk upgrade` without --no-cache fetches a missing index and
      // stores it in its own layer: neither dropping this update nor removing its index saves
      // anything unless those commands take the flag too (spinnaker's, judged wrong with the
      // removal alone).
      const later = laterApkCommands(model, cache.instruction);
      if (later.some((c) => !c.noCache)) {
        // The file removes the index itself in a later layer (`RUN rm /var/cache/apk/*`): that
        // frees nothing, but with the flag everywhere the folder is empty and a plain `rm` of its
        // glob fails the build. The fix spans several RUNs and that cleanup: no advice here.
        if (laterIndexRemoval(model, cache.instruction)) return null;
        return { ...base, messageId: "apkIndexEverywhere" };
      }
      // The add or upgrade after it fetches a fresh index with --no-cache and keeps none, unless
      // another update or an upgrade without the flag later in the RUN stores the index again:
      // then only removing it at the end of the RUN helps.
      const next = cache.nextApkCommand ?? (later.some((c) => c.verb === "add") ? "add" : undefined);
      if (next !== undefined && !cache.laterStoresIndex) return { ...base, messageId: "apkIndexUpdate", data: { ...base.data, next } };
      // A suggestion: a script the file runs later may read the index.
      const edits = appendToRun(model, cache.instruction, "rm -rf /var/cache/apk/*");
      return { ...base, messageId: "apkIndexUpdateAlone", suggest: edits ? [fixOf("Remove the apk index in the same RUN", edits)] : undefined };
    }
    case "pip":
      return {
        ...base,
        messageId: "pipCache",
        fix: fixOf("Add '--no-cache-dir'", insertOptionAfter(cache.actionWord, "--no-cache-dir")),
      };
    case "uv":
      return { ...base, messageId: "uvCache", fix: fixOf("Add '--no-cache'", insertOptionAfter(cache.actionWord, "--no-cache")) };
    case "poetry": {
      // Root's default folder holds the cache only where the base image is known to leave Poetry's
      // settings alone and run as root: a Poetry base image may move the cache (owl-corp's
      // python-poetry-base sets POETRY_CACHE_DIR; held-out AP, forms-backend), another user's home holds it.
      if (cache.cleanupPath?.startsWith("/root/") && !startsAsRootOnKnownBase(cache.instruction)) return null;
      // An earlier install of the image left the downloads in its own layer: this one reuses them,
      // and removing them here frees nothing.
      if (earlierPoetryDownloads(cache, caches)) return null;
      const folder = cache.cleanupPath as string;
      // Held-out AR and AS, openstates: `rm -r .../pypoetry/artifacts/` in a later RUN (judged wrong
      // with the removal appended here: the later install downloads nothing, and its rm fails).
      const cacheFolder = folder.replace(/\/artifacts$/, "");
      const laterRemoval = instructionsAfter(model, cache.instruction).find(
        (i) => i.keyword === "RUN" && i.commands.some((c) => cleansPoetryCache(c, cacheFolder)),
      );
      if (laterRemoval) return { ...base, data: { ...base.data, line: laterRemoval.range.start.line + 1 }, messageId: "poetryCacheRemovedLater" };
      const edits = appendToRun(model, cache.instruction, `rm -rf ${folder}`);
      return {
        ...base,
        data: { ...base.data, folder },
        messageId: "poetryCache",
        fix: edits ? fixOf(`Remove ${folder} in the same RUN`, edits) : undefined,
      };
    }
    case "rpm": {
      const clean = cache.cleanCommand ?? "yum clean all";
      // Held-out AY, pulp: `dnf module enable` in the next RUN downloads the metadata again.
      const reloads = laterRpmRunWithoutClean(model, cache.instruction);
      if (reloads !== null) return { ...base, data: { ...base.data, line: reloads.range.start.line + 1 }, messageId: "rpmCacheEverywhere" };
      const edits = appendToRun(model, cache.instruction, clean);
      return {
        ...base,
        data: { ...base.data, clean },
        messageId: "rpmCache",
        fix: edits ? fixOf(`Add '${clean}'`, edits) : undefined,
      };
    }
    case "yarn": {
      // Yarn 2+ keeps its cache in the global mirror (~/.yarn/berry/cache) or the project's
      // .yarn/cache; only `--all` removes both. Yarn 1's `yarn cache clean` takes no such flag.
      const clean = usesModernYarn(model) ? "yarn cache clean --all" : "yarn cache clean";
      const edits = appendToRun(model, cache.instruction, clean);
      return {
        ...base,
        data: { ...base.data, clean },
        messageId: "yarnCache",
        fix: edits ? fixOf(`Add '${clean}'`, edits) : undefined,
      };
    }
  }
}

function builderReport(model: DockerfileModel, stage: Stage, cache: LeftPackageCache, caches: readonly LeftPackageCache[]): Report | null {
  // Only the install of the project itself (`pip install .`) is worth a cache mount: it reads the
  // sources, so it follows them and reruns on every edit, and no reordering can avoid that. An
  // install from manifests reruns only when they change, where a mount is a minor speed-up that
  // CI's fresh builders do not even keep (reviewers called 16 of 21 such hints debatable, issue
  // #11); after a copy of all the sources its remedy is layer-source-before-deps' (copy the
  // manifests first). System packages in a builder are a small, rarely repeated download.
  if (cache.tool !== "pip" || !installsProjectFromSources(cache.command)) return null;
  // A layer that no COPY/ADD precedes rebuilds only when its own text or the base image changes:
  // a cache mount would rarely be warm when it reruns.
  if (!followsCopy(stage, cache.instruction)) return null;
  // A cache mount for this tool is already there (at a custom directory such as PIP_CACHE_DIR).
  if (hasCacheMountFor(model, cache)) return null;
  // pip keeps its cache in the user's home, which we cannot know once USER switches away from root.
  if (!runsAsRoot(stage, cache.instruction)) return null;
  // An earlier install of the same targets in the stage (as root too) left the same cache on disk
  // and nothing emptied it since: whenever this layer reruns, what it downloads is cached there.
  const fill = earlierCacheFill(model, cache, caches);
  if (fill?.instruction.stage && runsAsRoot(fill.instruction.stage, fill.instruction)) return null;
  const edits = addCacheMounts(model, cache.instruction, cache.tool);
  if (!edits) return null;
  return {
    range: cache.range,
    messageId: "builderCacheMount",
    data: {
      command: cache.text,
      target: cacheMountTargets(cache.tool).join(" and "),
    },
    severity: "hint",
    // Cache mounts need BuildKit; the legacy builder rejects `RUN --mount`.
    suggest: [fixOf(`Add a cache mount for ${cache.tool}`, edits)],
  };
}

/**
 * True when a later RUN of the stage deletes the apt lists and a RUN before it runs a script or a
 * program given by path (`/chrome-installer/install-chrome`), which may install with the lists.
 */
function listsKeptForLaterScript(run: Instruction): boolean {
  const stage = run.stage;
  if (stage === null) return false;
  let scriptRan = false;
  for (const instruction of stage.instructions) {
    if (instruction.ordinal <= run.ordinal || instruction.keyword !== "RUN") continue;
    if (instruction.commands.some(removesAptLists)) return scriptRan;
    if (instruction.commands.some((c) => c.program !== null && /\/|\.sh$/.test(c.program.value))) scriptRan = true;
  }
  return false;
}

/** At most this many RUNs between the update and what it is merged with: more are a file's structure, not one step split up. */
const MAX_RUNS_BETWEEN = 2;
/** What may sit between them and still be merged as one step. */
const MERGEABLE_BETWEEN = new Set(["RUN", "ARG", "ENV", "LABEL"]);

/**
 * The first instruction after `run` in its stage that `isTarget` picks, when at most two RUNs come
 * between and nothing but RUN, ARG, ENV and LABEL: the steps merge into one RUN. Null otherwise
 * (laradock's cleanup hundreds of lines on is the file's structure).
 */
function nextMergeable(run: Instruction, isTarget: (instruction: Instruction) => boolean): Instruction | null {
  let runs = 0;
  for (const instruction of run.stage?.instructions ?? []) {
    if (instruction.ordinal <= run.ordinal) continue;
    if (!MERGEABLE_BETWEEN.has(instruction.keyword)) return null;
    if (isTarget(instruction)) return instruction;
    if (instruction.keyword === "RUN" && ++runs > MAX_RUNS_BETWEEN) return null;
  }
  return null;
}

/** True when `run` does more with apt than update the lists: a bare update is layer-apt-update-alone's, whose remedy is the same merge. */
function doesMoreThanUpdate(run: Instruction): boolean {
  return run.commands.some((c) => {
    const action = systemPackageCommand(c)?.action;
    return action !== undefined && action !== "update";
  });
}

/**
 * The RUN of `run`'s stage that removes the apt lists soon after `run` (nextMergeable) and after
 * every one of `needing` (installs that rely on its lists, all in that stage); null otherwise.
 */
function listsRemovedAfter(run: Instruction, needing: readonly Instruction[]): Instruction | null {
  if (run.stage === null || needing.some((i) => i.stage !== run.stage) || !doesMoreThanUpdate(run)) return null;
  const last = Math.max(...needing.map((i) => i.ordinal));
  return nextMergeable(run, (i) => i.keyword === "RUN" && i.ordinal > last && i.commands.some(removesAptLists));
}

/**
 * The first of `needing` (installs in `run`'s stage that rely on its lists) when it follows `run`
 * soon (nextMergeable) and no later RUN of the stage removes the lists: merged, the update, the
 * install and the removal are one step. Null otherwise.
 */
function listsLeftForInstall(model: DockerfileModel, run: Instruction, needing: readonly Instruction[]): Instruction | null {
  const stage = run.stage;
  if (stage === null || needing.length === 0 || needing.some((i) => i.stage !== stage) || !doesMoreThanUpdate(run)) return null;
  if (stage.instructions.some((i) => i.ordinal > run.ordinal && i.keyword === "RUN" && i.commands.some(removesAptLists))) return null;
  const first = needing.reduce((a, b) => (b.ordinal < a.ordinal ? b : a));
  // An apt install that every build runs: not R packages through bspm, which refreshes the lists
  // itself, nor an opt-in install a plain build skips (merging it is a variant's design).
  const optIn = optInCommands(model, first);
  const installs = first.commands.some((c) => {
    const apt = systemPackageCommand(c);
    return apt?.manager === "apt" && apt.action === "install" && !optIn.has(c);
  });
  return installs ? nextMergeable(run, (i) => i === first) : null;
}

/**
 * The RUNs after `run` (in its stage or a stage built `FROM` it) that install apt packages before
 * an `apt-get update` of their own, so they rely on the lists `run` leaves behind.
 */
function laterAptInstallsNeedingLists(model: Parameters<Rule["check"]>[0], run: Instruction): Instruction[] {
  const stage = run.stage;
  if (stage === null) return [];
  const out = new Set<Instruction>();
  // Each stage built on `stage` sees the RUNs after `run`, then those of the stages in between.
  for (const s of model.stages) {
    const chain: Stage[] = s === stage ? [] : ancestorsOf(s);
    if (s !== stage && !chain.includes(stage)) continue;
    const between = chain.slice(0, chain.indexOf(stage)).reverse();
    const after = stage.instructions.filter((i) => i.ordinal > run.ordinal);
    const needing = installBeforeUpdate(
      model,
      [...after, ...between.flatMap((b) => b.instructions), ...(s === stage ? [] : s.instructions)],
      aptInstalledUpTo(run),
    );
    if (needing) out.add(needing);
  }
  return [...out];
}

/**
 * The first RUN of these instructions with an apt install before an `apt-get update` refreshes the
 * lists. An update inside `if`/`case`/`( )` (an opt-in `RUN if [ $INSTALL_X = true ]; then ...`)
 * may not run, so it protects only the installs after it in its own RUN, not the later RUNs.
 * An R install through bspm counts as an apt install: bspm looks its binaries up in these lists
 * when it refreshed them itself in the last five minutes, and otherwise refreshes them into its
 * own layer, so removing them here would either break it or save nothing.
 */
function installBeforeUpdate(model: DockerfileModel, instructions: readonly Instruction[], installed: Set<string>): Instruction | null {
  for (const instruction of instructions) {
    if (instruction.keyword !== "RUN") continue;
    let updatedInThisRun = false;
    for (const command of instruction.commands) {
      const apt = systemPackageCommand(command);
      if (apt?.manager !== "apt") {
        if (!updatedInThisRun && installsRPackagesThroughBspm(model, instruction, command)) return instruction;
        continue;
      }
      if (apt.action === "update") {
        if (command.depth === 0) return null;
        updatedInThisRun = true;
      }
      // An install of packages an earlier install put there (`apt-get install -y nodejs` again)
      // finds them in dpkg's status and reports them already the newest: it needs no lists.
      const names = aptInstallNames(command);
      if (apt.action === "install" && names !== null && names.every((n) => installed.has(n))) continue;
      if ((apt.action === "install" || apt.action === "upgrade") && !updatedInThisRun) return instruction;
      recordAptChange(command, installed);
    }
  }
  return null;
}

/**
 * The package names an `apt-get install` / `apt install` names (`pkg=1.2` and `pkg:amd64` read as
 * `pkg`), or null for another command, an install of nothing, a local `.deb` or a name with a variable.
 */
function aptInstallNames(command: ShellCommand): string[] | null {
  const call = readAptOrAptGet(command);
  if (call?.subcommand?.value !== "install") return null;
  const names = aptOperands(call).map((w) => w.value);
  if (names.length === 0 || names.some((n) => /[/$*]|\.deb$/.test(n))) return null;
  return names.map((n) => n.replace(/[=:].*$/, ""));
}

/** Adds what an apt install outside any branch names to `installed`; a removal of any package forgets them all. */
function recordAptChange(command: ShellCommand, installed: Set<string>): void {
  const sub = readAptOrAptGet(command)?.subcommand?.value;
  if (sub === "purge" || sub === "remove" || sub === "autoremove") installed.clear();
  // An install inside `if`/`case` may not run.
  if (command.depth === 0) for (const name of aptInstallNames(command) ?? []) installed.add(name);
}

/** The packages apt installs name in `run` and in the RUNs before it, in its stage and the stages it builds on. */
function aptInstalledUpTo(run: Instruction): Set<string> {
  const installed = new Set<string>();
  for (const s of run.stage ? lineage(run.stage) : []) {
    for (const instruction of s.instructions) {
      if (instruction.ordinal > run.ordinal) break;
      if (instruction.keyword === "RUN") for (const command of instruction.commands) recordAptChange(command, installed);
    }
  }
  return installed;
}

/** True when a RUN after `run` in its stage, or a stage built on it, removes the apk cache folder's contents. */
function laterIndexRemoval(model: DockerfileModel, run: Instruction): boolean {
  return instructionsAfter(model, run).some(
    (i) => i.keyword === "RUN" && i.commands.some((c) => c.name === "rm" && c.args.some((a) => a.value.startsWith("/var/cache/apk"))),
  );
}

/** The `apk add` and `apk upgrade` commands of the RUNs after `run` in its stage and the stages built on it. */
function laterApkCommands(model: DockerfileModel, run: Instruction): ApkCommand[] {
  return instructionsAfter(model, run)
    .filter((i) => i.keyword === "RUN")
    .flatMap((i) => i.commands.map(apkCommandOf))
    .filter((c): c is ApkCommand => c !== null && (c.verb === "add" || c.verb === "upgrade"));
}

/** The first later RUN of the image that runs an rpm manager (other than to clean) and cleans nothing; null when none. */
function laterRpmRunWithoutClean(model: DockerfileModel, run: Instruction): Instruction | null {
  for (const later of instructionsAfter(model, run)) {
    if (later.keyword !== "RUN") continue;
    const runsManager = later.commands.some((c) => RPM_MANAGERS.has(systemPackageCommand(c)?.manager ?? ""));
    if (runsManager && !later.commands.some(cleansAnyRpmCache)) return later;
  }
  return null;
}

/** True when an `apk update` in an earlier RUN of the stage (or a stage it builds on) wrote the index. */
function earlierApkIndexUpdate(model: Parameters<Rule["check"]>[0], run: Instruction): boolean {
  const stage = run.stage;
  if (stage === null) return false;
  for (const s of lineage(stage)) {
    for (const instruction of s.instructions) {
      if (instruction === run) return false;
      if (instruction.keyword !== "RUN") continue;
      if (instruction.commands.some((c) => systemPackageCommand(c)?.manager === "apk" && c.args.some((a) => a.value === "update"))) return true;
    }
  }
  return false;
}

/** True when the image `run`'s stages start from is one the facts know to run as root (an official image), and no USER of the file moved away from root. */
function startsAsRootOnKnownBase(run: Instruction): boolean {
  const stage = run.stage;
  if (stage === null || !runsAsRoot(stage, run)) return false;
  const root = lineage(stage)[0];
  return root.base.kind === "image" && root.base.unresolved.length === 0 && defaultUserOf(root.base.resolved) === "root";
}

/** True when a RUN before `cache`'s, in its stage or a stage it builds on, ran a Poetry install that kept its downloads. */
function earlierPoetryDownloads(cache: LeftPackageCache, caches: readonly LeftPackageCache[]): boolean {
  const stage = cache.instruction.stage;
  if (stage === null) return false;
  const earlier = new Set(lineage(stage).flatMap((s) => s.instructions.filter((i) => i.ordinal < cache.instruction.ordinal)));
  return caches.some((c) => c.kind === "poetry" && earlier.has(c.instruction));
}

/** True when a COPY or ADD comes before `run` in its stage or a stage it is built on. */
function followsCopy(stage: Stage, run: Instruction): boolean {
  for (const s of [stage, ...ancestorsOf(stage)]) {
    for (const instruction of s.instructions) {
      if (instruction === run) break;
      if (instruction.keyword === "COPY" || instruction.keyword === "ADD") return true;
    }
  }
  return false;
}

/** True when the RUN already mounts a cache (or tmpfs) whose target names the tool (`/root/.cache/pip`, `$PIP_CACHE_DIR`). */
function hasCacheMountFor(model: DockerfileModel, cache: LeftPackageCache): boolean {
  const run = cache.instruction.trigger ?? cache.instruction;
  return hasVolatileMount(run, model, (target) => /pip|\.cache$/i.test(target));
}

/** True unless a USER other than root is in effect at `before` (through `FROM <stage>` too). */
function runsAsRoot(stage: Stage, before: Instruction): boolean {
  const user = userAt(stage, before)?.split(":")[0] ?? null;
  return user === null || user === "root" || user === "0";
}

function fixOf(title: string, edits: Fix["edits"]): Fix {
  return { title, edits };
}

/** The target directories of the cache mounts a tool needs (`/root/.cache/pip`). */
function cacheMountTargets(tool: Parameters<typeof cacheMountFlags>[0]): string[] {
  return cacheMountFlags(tool).map((flag) => /target=([^,]+)/.exec(flag)?.[1] ?? flag);
}
