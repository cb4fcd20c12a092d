// Hovers: Stagecraft's providers are asked first (images and stage references, whose content the
// engine builds in images/hover-content.ts); the first answer wins, and dockerfile-language-service's
// instruction docs are the fallback. This file only formats: Markdown, or plain text for clients
// that cannot render it.

import { Hover, MarkupKind, Position } from "vscode-languageserver";
import { HoverContent, hoverContentAt, ImageHoverContent, ReferenceHoverContent, SizeRow, StageHoverContent } from "../images/hover-content";
import type { LiveAccess } from "../images/image-size";
import { formatSaving, formatSize } from "../images/format-size";
import type { DockerfileModel } from "../model/types";
import type { ClientFeatures } from "./client-features";
import type { DocumentRequests } from "./language-service";

/** How image facts are looked up and shown for this request. */
export interface ImageHoverOptions {
  access: LiveAccess;
  exactBytes: boolean;
}

export interface HoverRequest {
  model: DockerfileModel;
  position: Position;
  client: ClientFeatures;
  images: ImageHoverOptions;
}

/** A Stagecraft hover: null when it has nothing to say at this position. */
export type HoverProvider = (request: HoverRequest) => Hover | null | Promise<Hover | null>;

/** On a FROM image, an image in `COPY --from`, or a stage reference. */
export const imageAndStageHover: HoverProvider = async ({ model, position, client, images }) => {
  const content = await hoverContentAt(model, position, images.access);
  if (!content) return null;
  const markdown = client.markdownHover;
  return {
    contents: { kind: markdown ? MarkupKind.Markdown : MarkupKind.PlainText, value: renderHover(content, { markdown, exactBytes: images.exactBytes }) },
    range: content.range,
  };
};

/** Stagecraft providers, in the order they are asked. */
export const STAGECRAFT_HOVERS: readonly HoverProvider[] = [imageAndStageHover];

/** `service` null: instruction docs are left to another extension (coexistence.ts). */
export async function computeHover(
  request: HoverRequest,
  service: DocumentRequests | null,
  providers: readonly HoverProvider[] = STAGECRAFT_HOVERS,
): Promise<Hover | null> {
  for (const provider of providers) {
    const hover = await provider(request);
    if (hover) return hover;
  }
  return service ? service.computeHover(request.model.text, request.position) : null;
}

export interface RenderOptions {
  markdown: boolean;
  exactBytes: boolean;
}

/** The hover text for engine-built content. */
export function renderHover(content: HoverContent, options: RenderOptions): string {
  if (content.kind === "reference") return renderReference(content, options);
  return content.kind === "stage" ? renderStage(content, options) : renderImage(content, options, true).join("\n");
}

/** `409 MB`, `409 MB (408,949,206 bytes)`, `≈ 409 MB` for estimates. */
export function renderBytes(bytes: number, options: RenderOptions, isEstimate = false): string {
  const exact = options.exactBytes ? ` (${bytes.toLocaleString("en-US")} bytes)` : "";
  return `${isEstimate ? "≈ " : ""}${formatSize(bytes)}${exact}`;
}

/**
 * A variant's saving as the shown sizes add up (`409 MB` to `80 MB` saves `329 MB`), with the exact
 * byte difference beside it when exact bytes are on.
 */
function renderSaving(v: { bytes: number; saving: number; isEstimate: boolean }, options: RenderOptions): string {
  const exact = options.exactBytes ? ` (${v.saving.toLocaleString("en-US")} bytes)` : "";
  return `${v.isEstimate ? "≈ " : ""}${formatSaving(v.bytes + v.saving, v.bytes)}${exact}`;
}

function code(text: string, options: RenderOptions): string {
  return options.markdown ? `\`${text.replace(/`/g, "'")}\`` : `'${text}'`;
}

function sizeCell(row: SizeRow, content: ImageHoverContent, options: RenderOptions): string {
  if (row.bytes === null) return `unknown (${row.missing ?? "not known"})`;
  return renderBytes(row.bytes, options, content.sizeKind === "estimate");
}

function platformCell(row: SizeRow): string {
  return row.isRequested ? `${row.platform} (this stage's --platform)` : row.platform;
}

function renderImage(content: ImageHoverContent, options: RenderOptions, withHeading: boolean): string[] {
  const { markdown } = options;
  const lines: string[] = [];
  if (withHeading) {
    const title = content.image ?? content.written;
    const heading = markdown ? `**${title.replace(/([*_`\\])/g, "\\$1")}**` : title;
    const full = content.canonical && content.canonical !== title ? ` ${markdown ? "·" : "-"} ${code(content.canonical, options)}` : "";
    lines.push(`${heading}${full}`);
    if (content.image && content.written !== content.image) lines.push(`Written as ${code(content.written, options)}, build arguments substituted.`);
    if (content.platform) lines.push(`Platform: ${code(content.platform, options)}${content.platformNote ? ` (${content.platformNote})` : ""}.`);
    if (content.usageNote) lines.push(content.usageNote);
    lines.push("");
  }
  if (content.sizes.length > 0) {
    const header = content.sizeKind === "estimate" ? "Compressed pull size (estimate)" : "Compressed pull size";
    if (markdown) {
      lines.push(`| Platform | ${header} |`, "|---|---|");
      for (const row of content.sizes) lines.push(`| ${platformCell(row)} | ${sizeCell(row, content, options)} |`);
    } else {
      lines.push(`${header}:`);
      for (const row of content.sizes) lines.push(`  ${platformCell(row)}: ${sizeCell(row, content, options)}`);
    }
    lines.push("");
  }
  lines.push(markdown ? `*Source: ${content.source}.*` : `Source: ${content.source}.`);
  if (content.problem) lines.push("", markdown ? `*${capitalize(content.problem)}.*` : `${capitalize(content.problem)}.`);
  if (content.variants.length > 0) {
    lines.push("");
    if (markdown) {
      lines.push("| Smaller variant | linux/amd64 | Saving | Note |", "|---|---|---|---|");
      for (const v of content.variants)
        lines.push(
          `| ${code(v.image, options)} | ${renderBytes(v.bytes, options, v.isEstimate)} | −${renderSaving(v, options)} (${v.savingPercent}%) | ${v.caveat} |`,
        );
    } else {
      lines.push("Smaller variants (linux/amd64):");
      for (const v of content.variants)
        lines.push(`  ${v.image}: ${renderBytes(v.bytes, options, v.isEstimate)}, saves ${renderSaving(v, options)} (${v.savingPercent}%); ${v.caveat}`);
    }
  }
  if (content.lifecycle.length > 0) {
    lines.push("");
    for (const note of content.lifecycle) lines.push(markdown ? `⚠️ ${note}` : `Warning: ${note}`);
  }
  if (content.liveOff) lines.push("", `Live lookups are off: ${content.liveOff}.`);
  if (content.link) lines.push("", markdown ? `[Image page](${content.link})` : `Image page: ${content.link}`);
  return lines;
}

/** One line per fact: what the name is not (or is), and the stages it could have meant. */
function renderReference(content: ReferenceHoverContent, options: RenderOptions): string {
  const name = options.markdown ? `**${code(content.name, options)}**` : `'${content.name}'`;
  if (content.isNamedContext) return `${name}: a build context the project passes by name (compose or bake).`;
  const lines = [`${name}: no stage of this file, and not an image name.`];
  if (content.stages.length > 0) lines.push("", `Stages: ${content.stages.map((s) => code(s, options)).join(", ")}.`);
  return lines.join("\n");
}

function renderStage(content: StageHoverContent, options: RenderOptions): string {
  const name = options.markdown ? `**Stage ${code(content.label, options)}**` : `Stage '${content.label}'`;
  const lines = [`${name} (index ${content.index}), built from ${code(content.base, options)}, defined on line ${content.line}.`];
  const image = content.image;
  if (image) {
    const through = content.via.length > 0 ? ` (through ${content.via.map((s) => code(s, options)).join(" → ")})` : "";
    if (content.via.length > 0 || image.image !== content.base) lines.push("", `Base image ${code(image.image ?? image.written, options)}${through}.`);
    lines.push("", ...renderImage(image, options, false).filter((line, i, all) => !(line === "" && i === all.length - 1)));
  }
  return lines.join("\n");
}

function capitalize(text: string): string {
  return text.charAt(0).toUpperCase() + text.slice(1);
}
