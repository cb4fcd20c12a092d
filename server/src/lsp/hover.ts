// Hovers: Stagecraft's providers are asked first (stage references today, image sizes later);
// the first answer wins, and dockerfile-language-service's instruction docs are the fallback.

import { Hover, MarkupKind, Position } from "vscode-languageserver";
import type { DockerfileModel } from "../model/types";
import type { ClientFeatures } from "./client-features";
import type { DockerfileLanguageService } from "./language-service";
import { stageAt, stageLabel } from "./stage-at";

export interface HoverRequest {
  model: DockerfileModel;
  position: Position;
  client: ClientFeatures;
}

/** A Stagecraft hover: null when it has nothing to say at this position. */
export type HoverProvider = (request: HoverRequest) => Hover | null | Promise<Hover | null>;

/** On a stage reference: what the stage is built from and where it is defined. */
export const stageReferenceHover: HoverProvider = ({ model, position, client }) => {
  const found = stageAt(model, position);
  if (!found || !found.reference) return null;
  const { stage } = found;
  const line = stage.from.range.start.line + 1;
  const base = stage.base.token.value || "(no base image)";
  const value = client.markdownHover
    ? `**Stage \`${stageLabel(stage)}\`** (index ${stage.index}), built from \`${base}\`, defined on line ${line}.`
    : `Stage '${stageLabel(stage)}' (index ${stage.index}), built from '${base}', defined on line ${line}.`;
  return { contents: { kind: client.markdownHover ? MarkupKind.Markdown : MarkupKind.PlainText, value }, range: found.range };
};

/** Stagecraft providers, in the order they are asked. */
export const STAGECRAFT_HOVERS: readonly HoverProvider[] = [stageReferenceHover];

export async function computeHover(
  request: HoverRequest,
  service: DockerfileLanguageService,
  providers: readonly HoverProvider[] = STAGECRAFT_HOVERS,
): Promise<Hover | null> {
  for (const provider of providers) {
    const hover = await provider(request);
    if (hover) return hover;
  }
  return service.computeHover(request.model.text, request.position);
}
