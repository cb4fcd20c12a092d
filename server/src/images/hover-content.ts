// What a hover says about an image or a stage, as data: the resolved reference, sizes per platform
// with where they come from, smaller variants with the saving, lifecycle notes and the image's page.
// The LSP adapter (lsp/hover.ts) only turns this into Markdown or plain text.

import { unquoteWord } from "../model/copy-paths";
import { mergedScope } from "../model/stage-graph";
import { containsPosition, Position, Range } from "../model/text";
import type { DockerfileModel, Stage } from "../model/types";
import { substituteVariables, VariableScope } from "../model/variables";
import { imagePageUrl } from "./image-page";
import { bytesFor, FACTS_DATE, LiveAccess, lookupSize, SizeAnswer } from "./image-size";
import { lifecycleOf } from "./lifecycle";
import { looksLikeImage } from "./official-images";
import { canonicalReference, familiarReference, formatPlatform, ImageReference, parsePlatform, resolveImageReference } from "./reference";
import { SIZE_PLATFORMS } from "./registry/client";
import { smallerVariants } from "./variants";

export interface SizeRow {
  platform: string;
  /** Compressed bytes; null when unknown (`missing` says why). */
  bytes: number | null;
  missing: string | null;
  /** True for the platform `FROM --platform=` asks for. */
  isRequested: boolean;
}

export interface VariantRow {
  image: string;
  /** linux/amd64 compressed bytes of the variant. */
  bytes: number;
  /** Bytes saved on linux/amd64, and as a share of the current image. */
  saving: number;
  savingPercent: number;
  isEstimate: boolean;
  caveat: string;
}

export interface ImageHoverContent {
  kind: "image";
  range: Range;
  /** The image argument as written. */
  written: string;
  /** `node:24` with build arguments substituted; null when it cannot be resolved. */
  image: string | null;
  /** `docker.io/library/node:24`. */
  canonical: string | null;
  /** The `--platform` value as written, and what it means for the sizes shown. */
  platform: string | null;
  platformNote: string | null;
  sizeKind: SizeAnswer["kind"];
  sizes: SizeRow[];
  /** One line: where the figures come from and when they were true. */
  source: string;
  /** One line: why a live lookup failed, when it did. */
  problem: string | null;
  variants: VariantRow[];
  lifecycle: string[];
  link: string | null;
  /** For an image used as a COPY/mount source: what of it ends up in the image being built. */
  usageNote: string | null;
  /** Why live lookups are off, when that left the size unknown or estimated; said once. */
  liveOff: string | null;
}

/** Where an image is used: as a stage's base, as the source of COPY --from / a mount, or as a stage chain's root. */
export type ImageRole = "base" | "copy-source" | "stage-root";

const COPY_SOURCE_NOTE = "Only the files copied from it end up in this image; the whole image is pulled at build time.";

export interface StageHoverContent {
  kind: "stage";
  range: Range;
  /** Name, or `stage <index>`. */
  label: string;
  index: number;
  /** 1-based line of the stage's FROM. */
  line: number;
  /** The base as written (`node:24`, `builder`, `scratch`). */
  base: string;
  /** Stages passed through to reach an image (`builder` -> `deps` -> node:24). */
  via: string[];
  /** The image the chain of stages starts from, without variants; null when the chain is a cycle. */
  image: ImageHoverContent | null;
}

/** A `--from` value that is neither a stage of the file nor an image name: a typo, or a named build context. */
export interface ReferenceHoverContent {
  kind: "reference";
  range: Range;
  name: string;
  /** True when compose or bake passes a build context of that name. */
  isNamedContext: boolean;
  /** Stage names of the file, for the reader to compare. */
  stages: string[];
}

export type HoverContent = ImageHoverContent | StageHoverContent | ReferenceHoverContent;

/** The image or stage reference under `position`, with what a hover shows for it; null elsewhere. */
export async function hoverContentAt(model: DockerfileModel, position: Position, access: LiveAccess): Promise<HoverContent | null> {
  for (const stage of model.stages) {
    if (stage.base.kind !== "stage" && containsPosition(stage.base.token.range, position)) {
      const platform = stage.platform?.value ?? null;
      return imageContent(stage.base.token.value, model.globalScope, platform, stage.base.token.range, access, "base");
    }
  }
  for (const reference of model.references) {
    if (!containsPosition(reference.token.range, position)) continue;
    if (reference.target) return stageContent(model, reference.target, reference.token.range, access);
    if (reference.isIndex) return null;
    // Not a stage, and not written as an image (`--from=biuld`): a typo or a named build context,
    // never presented as a Docker Hub image.
    const resolved = substituteVariables(unquoteWord(reference.token.value), mergedScope(model, reference.owner));
    const isNamedContext = (model.context.namedContexts ?? []).some((n) => n.toLowerCase() === resolved.value.toLowerCase());
    if (resolved.unresolved.length === 0 && (isNamedContext || !looksLikeImage(resolved.value))) {
      const stages = model.stages.flatMap((s) => (s.name ? [s.name] : []));
      return { kind: "reference", range: reference.token.range, name: resolved.value, isNamedContext, stages };
    }
    // Not a stage: BuildKit pulls it as an image, with the stage's build arguments substituted.
    return imageContent(unquoteWord(reference.token.value), mergedScope(model, reference.owner), null, reference.token.range, access, "copy-source");
  }
  return null;
}

async function stageContent(model: DockerfileModel, stage: Stage, range: Range, access: LiveAccess): Promise<StageHoverContent> {
  const via: string[] = [];
  let root: Stage = stage;
  const seen = new Set<Stage>([stage]);
  // A cycle (reported by copy-from-cycle) ends the walk at the last stage not seen before.
  while (root.base.kind === "stage" && root.base.stage && !seen.has(root.base.stage)) {
    root = root.base.stage;
    seen.add(root);
    via.push(root.name ?? `stage ${root.index}`);
  }
  const image =
    root.base.kind === "stage"
      ? null
      : await imageContent(root.base.token.value, model.globalScope, root.platform?.value ?? null, root.base.token.range, access, "stage-root");
  return {
    kind: "stage",
    range,
    label: stage.name ?? `stage ${stage.index}`,
    index: stage.index,
    line: stage.from.range.start.line + 1,
    base: stage.base.token.value || "(no base image)",
    via,
    image,
  };
}

/** Hover content for an image argument, given the build-argument scope that applies to it. */
export async function imageContent(
  written: string,
  scope: VariableScope,
  platformText: string | null,
  range: Range,
  access: LiveAccess,
  role: ImageRole,
): Promise<ImageHoverContent> {
  const { platform, platformNote, requested } = describePlatform(platformText, scope);
  const base: ImageHoverContent = {
    kind: "image",
    range,
    written,
    image: null,
    canonical: null,
    platform,
    platformNote,
    sizeKind: "unknown",
    sizes: [],
    source: "",
    problem: null,
    variants: [],
    lifecycle: [],
    link: null,
    usageNote: role === "copy-source" ? COPY_SOURCE_NOTE : null,
    liveOff: null,
  };
  if (written.toLowerCase() === "scratch") {
    return {
      ...base,
      image: "scratch",
      sizeKind: "fact",
      sizes: SIZE_PLATFORMS.map((p) => ({ platform: p, bytes: 0, missing: null, isRequested: p === requested })),
      source: "scratch is the empty image: nothing is pulled",
    };
  }
  const resolved = resolveImageReference(written, scope);
  if (!resolved.ok) return { ...base, source: `no size: ${resolved.reason}` };
  const ref = resolved.reference;
  const answer = await lookupSize(ref, access);
  return {
    ...base,
    image: familiarReference(ref),
    canonical: canonicalReference(ref),
    sizeKind: answer.kind,
    sizes: sizeRows(answer, requested),
    source: sourceLine(ref, answer),
    problem: answer.kind === "estimate" && answer.liveProblem ? `live lookup failed: ${answer.liveProblem}` : null,
    // A smaller variant matters where the image is the base of what ships, not where files are copied from it.
    variants: role === "base" ? variantRows(ref) : [],
    // The diagnostic names the date and the replacement; the hover adds where that comes from.
    lifecycle: lifecycleOf(ref).map((n) => `${n.subject}: ${n.kind === "deprecated" ? "deprecated" : "end of life"} per ${n.source}, as of ${n.asOf}.`),
    link: imagePageUrl(ref),
    liveOff: !access.isOn && answer.kind !== "fact" ? access.reason : null,
  };
}

function describePlatform(text: string | null, scope: VariableScope): { platform: string | null; platformNote: string | null; requested: string | null } {
  if (text === null) return { platform: null, platformNote: null, requested: null };
  const substituted = substituteVariables(text, scope);
  if (substituted.unresolved.length > 0) return { platform: text, platformNote: `the platform is chosen at build time (${text})`, requested: null };
  const parsed = parsePlatform(substituted.value);
  if (!parsed) return { platform: text, platformNote: `'${text}' is not a valid platform`, requested: null };
  const requested = formatPlatform(parsed);
  return {
    platform: requested,
    platformNote: SIZE_PLATFORMS.includes(requested) ? null : `sizes are known for ${SIZE_PLATFORMS.join(" and ")} only`,
    requested,
  };
}

function sizeRows(answer: SizeAnswer, requested: string | null): SizeRow[] {
  if (answer.kind === "unknown") return [];
  const platforms = answer.kind === "live" ? answer.live.platforms.map((p) => p.platform) : [...SIZE_PLATFORMS];
  return platforms.map((platform) => {
    const bytes = bytesFor(answer, platform);
    let missing: string | null = null;
    if (bytes === null) {
      const reason = answer.kind === "fact" ? answer.fact.arm64Missing : undefined;
      missing = reason === "no-build" ? "no build for this platform" : "not in the built-in facts";
    }
    return { platform, bytes, missing, isRequested: platform === requested };
  });
}

function sourceLine(ref: ImageReference, answer: SizeAnswer): string {
  switch (answer.kind) {
    case "fact": {
      const alias = answer.fact.tag !== (ref.tag ?? "latest") ? `, read for tag '${answer.fact.tag}'` : "";
      return `built-in facts of ${FACTS_DATE} (docker-library/repo-info${answer.fact.builtAround ? `, image built around ${answer.fact.builtAround}` : ""}${alias})`;
    }
    case "live": {
      const at = new Date(answer.live.fetchedAt).toISOString().replace("T", " ").slice(0, 16);
      return `live from ${answer.live.registry}${answer.live.via === "docker-hub" ? " (Docker Hub tags API)" : ""} at ${at} UTC`;
    }
    case "estimate": {
      return `estimate: '${familiarReference(ref)}' is not in the built-in facts of ${FACTS_DATE}; figures of '${answer.estimate.basis}', its nearest relative`;
    }
    case "unknown":
      return `no size: ${answer.reason}`;
  }
}

function variantRows(ref: ImageReference): VariantRow[] {
  const current = smallerVariants(ref);
  return current.map((v) => ({
    image: v.image,
    bytes: v.size.amd64,
    saving: v.saving.amd64,
    savingPercent: Math.round((v.saving.amd64 / (v.size.amd64 + v.saving.amd64)) * 100),
    isEstimate: v.isEstimate,
    caveat: v.caveat,
  }));
}
