// The multi-stage planner: from a parsed Dockerfile to a builder + runtime pair, or a one-line
// reason why it will not convert. Engine code: no Node built-ins, no LSP.

import { lookupImageSize } from "../images/facts";
import { parseImageReference } from "../images/reference";
import { officialName } from "../images/tags";
import { toolchainOf } from "../images/toolchains";
import { detectBuildSteps } from "../model/build-steps";
import { joinPath } from "../model/copy-paths";
import type { DockerfileModel, Stage } from "../model/types";
import { workdirOf } from "../model/workdir";
import { detectBuild } from "./detect";
import { readEntryCommand } from "./entry-command";
import { RECIPES } from "./recipes/index";
import { imageSize } from "./runtime-base";
import type { ConversionResult, ConversionSummary, ConvertOptions, RecipePlan } from "./types";
import { planRuntimeUser, sharesDistribution } from "./users";
import { provideWritablePaths } from "./writable-paths";
import { writeConversion } from "./writer";

/** Working directories official toolchain images set (others leave `/`). */
const IMAGE_WORKDIRS: Readonly<Record<string, string>> = { golang: "/go", gradle: "/home/gradle" };

function refuse(reason: string): ConversionResult {
  return { ok: false, reason };
}

/** The stage to convert: the only one, or a final stage that still builds on a toolchain image. */
function chooseStage(model: DockerfileModel): Stage | string {
  const final = model.finalStage;
  if (!final) return "the file has no FROM instruction";
  if (model.stages.length === 1) return final;
  const ref = final.base.kind === "image" ? parseImageReference(final.base.resolved) : null;
  const buildsOnToolchain = ref !== null && toolchainOf(ref) !== null && detectBuildSteps(final).length > 0;
  return buildsOnToolchain ? final : "the file is already multi-stage: its final stage does not build on a toolchain image";
}

function workdirFor(model: DockerfileModel, stage: Stage): string | null {
  const known = workdirOf(model, stage);
  if (known !== null) return known;
  const ref = parseImageReference(stage.base.resolved);
  const name = ref ? officialName(ref) : null;
  // Dotnet SDK images and other registries' toolchains set no WORKDIR either.
  const image = name !== null ? (IMAGE_WORKDIRS[name] ?? "/") : ref !== null && ref.registry === "mcr.microsoft.com" ? "/" : null;
  const workdirs = stage.instructions.filter((i) => i.keyword === "WORKDIR");
  if (workdirs.length === 0 || image === null) return image;
  // Only relative WORKDIRs (`WORKDIR app`): they join onto the image's own; variables stay unknown.
  const words = workdirs.map((i) =>
    i.args
      .map((a) => a.value)
      .join(" ")
      .replace(/^["']|["']$/g, ""),
  );
  return words.some((w) => /[$]/.test(w) || w.startsWith("/")) ? null : words.reduce((dir, w) => joinPath(dir, w), image);
}

/**
 * The builder's name: `build`, or `<name>-build` when the converted stage is named (the runtime
 * stage keeps that name, so `--target <name>` still builds the shipped image); never one in use.
 */
function builderNameFor(model: DockerfileModel, stage: Stage): string {
  const taken = new Set(model.stages.map((s) => s.name?.toLowerCase()));
  const wanted = stage.name ? `${stage.name.toLowerCase()}-build` : "build";
  if (!taken.has(wanted)) return wanted;
  for (let n = 2; ; n++) if (!taken.has(`${wanted}-${n}`)) return `${wanted}-${n}`;
}

/** The runtime stage's name when the converted stage has none: `runtime`, or `runtime-2` when taken. */
function runtimeNameFor(model: DockerfileModel, builderName: string): string {
  const taken = new Set([...model.stages.map((s) => s.name?.toLowerCase()), builderName]);
  if (!taken.has("runtime")) return "runtime";
  for (let n = 2; ; n++) if (!taken.has(`runtime-${n}`)) return `runtime-${n}`;
}

/** The folder part of an image name (`mcr.microsoft.com/dotnet` of `mcr.microsoft.com/dotnet/sdk`). */
function imageFamily(name: string): string {
  return name.includes("/") ? name.slice(0, name.lastIndexOf("/")) : "";
}

/**
 * Keeps a build argument of the builder's tag in the runtime FROM: `node:${NODE_VERSION}-bookworm`
 * gives `node:${NODE_VERSION}-bookworm-slim` and `dotnet/sdk:${V}` gives `dotnet/aspnet:${V}`
 * rather than the resolved default, so `--build-arg` moves both stages to the same version.
 */
function runtimeFrom(stage: Stage, runtimeImage: string): string {
  // `\b` ends the variable's name where the word does (no backtracking into `after`).
  const written = /^([^:@$]+):([^$@]*)(\$\{?[A-Za-z_][A-Za-z0-9_]*\b\}?)([^$@]*)$/.exec(stage.base.token.value);
  const runtime = /^([^:@]+):([^@]+)$/.exec(runtimeImage);
  if (!written || !runtime) return runtimeImage;
  const [, builderName, before, variable, after] = written;
  const [, runtimeName, runtimeTag] = runtime;
  // Only a sibling image shares the version scheme: never carry a Go version into an Alpine tag.
  if (runtimeName !== builderName && (imageFamily(runtimeName) === "" || imageFamily(runtimeName) !== imageFamily(builderName))) return runtimeImage;
  const resolvedTag = stage.base.resolved.slice(stage.base.resolved.lastIndexOf(":") + 1);
  const value = resolvedTag.slice(before.length, resolvedTag.length - after.length);
  const prefix = `${before}${value}`;
  if (value === "" || !runtimeTag.startsWith(prefix)) return runtimeImage;
  const rest = runtimeTag.slice(prefix.length);
  // `20` must not match the start of `20.11`: the version has to end where the value ends.
  if (/^[0-9.]/.test(rest)) return runtimeImage;
  return `${runtimeName}:${before}${variable}${rest}`;
}

function summarize(stage: Stage, recipe: string, plan: RecipePlan, notes: string[]): ConversionSummary {
  const ref = parseImageReference(stage.base.resolved);
  const builderSize = ref ? lookupImageSize(ref) : null;
  const runtimeSize = imageSize(plan.runtime.image);
  const saving =
    builderSize && runtimeSize
      ? { bytes: builderSize.amd64 - runtimeSize.amd64, isEstimate: builderSize.kind === "estimate" || runtimeSize.kind === "estimate" }
      : null;
  return {
    recipe: plan.variant ?? recipe,
    builderBase: stage.base.resolved,
    runtimeBase: plan.runtime.image,
    builderSize,
    runtimeSize,
    saving,
    command: plan.command?.change ?? "kept",
    notes,
  };
}

/** Converts the single stage (or the toolchain final stage) into a builder and a runtime stage. */
export function convertToMultiStage(model: DockerfileModel, options: ConvertOptions = {}): ConversionResult {
  const chosen = chooseStage(model);
  if (typeof chosen === "string") return refuse(chosen);
  const stage = chosen;
  if (stage.base.kind === "scratch") return refuse("the stage builds FROM scratch, so there is no toolchain to leave behind");
  if (stage.base.kind === "stage") return refuse(`the final stage builds on stage '${stage.base.resolved}'; convert that stage instead`);
  if (stage.base.unresolved.length > 0) {
    return refuse(
      `the base image '${stage.base.token.value}' depends on build argument${stage.base.unresolved.length > 1 ? "s" : ""} '${stage.base.unresolved.join("', '")}' with no default, so no runtime image can be chosen for it`,
    );
  }
  const baseRef = parseImageReference(stage.base.resolved);
  if (!baseRef) return refuse(`'${stage.base.resolved}' is not a valid image reference`);
  // The runtime images the recipes know are Linux images.
  if (model.escapeChar === "`" || /^windows\//.test(baseRef.repository) || /windows|nanoserver|servercore/i.test(baseRef.tag ?? "")) {
    return refuse("Windows container images are not converted");
  }
  const detection = detectBuild(stage);
  if (!detection.ok) return refuse(detection.reason);
  const workdir = workdirFor(model, stage);
  if (workdir === null) return refuse("the working directory of the build cannot be determined (a WORKDIR uses a variable without a default)");

  const builderName = builderNameFor(model, stage);
  const entry = readEntryCommand(stage);
  const recipe = RECIPES[detection.target.recipe];
  const answer = recipe.plan({ model, stage, target: detection.target, workdir, entry, options, builderName });
  if (!answer.ok) return refuse(answer.reason);
  const plan = answer.plan;
  const builderSize = lookupImageSize(baseRef);
  const runtimeSize = imageSize(plan.runtime.image);
  if (builderSize && runtimeSize && runtimeSize.amd64 > builderSize.amd64) {
    return refuse(
      `'${plan.runtime.image}' is larger than '${stage.base.resolved}', the base the build already uses, so the runtime stage would not be smaller; choose another runtime family`,
    );
  }

  const user = planRuntimeUser(model, stage, plan.runtime, sharesDistribution(stage, plan.runtime));
  const provided = provideWritablePaths(plan.writablePaths ?? [], plan.runtime, user.runsAs, builderName);
  const written: RecipePlan = {
    ...plan,
    builderEpilogue: [...(plan.builderEpilogue ?? []), ...provided.builderLines],
    runtimeSteps: [...provided.runtimeLines, ...plan.runtimeSteps],
  };
  const runtimeName = stage.name ?? runtimeNameFor(model, builderName);
  const text = writeConversion({ model, stage, plan: written, builderName, runtimeFrom: runtimeFrom(stage, plan.runtime.image), runtimeName, user, workdir });
  return { ok: true, text, summary: summarize(stage, recipe.id, plan, [...plan.notes, ...user.notes]) };
}
