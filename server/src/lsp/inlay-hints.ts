// Inlay hints (behind `stagecraft.imageSize.inlayHints`, off by default): the compressed size after
// each FROM image, from the built-in facts, estimates (marked ≈) and live answers already cached.
// Never waits for a registry: hints are computed on every scroll and must stay instant. An image
// not looked up yet is handed to `lookUpLater`, and the server refreshes the hints once it lands.

import { InlayHint, InlayHintKind, MarkupKind, Range } from "vscode-languageserver";
import { bytesFor, LiveAccess, lookupSize } from "../images/image-size";
import { formatSize } from "../images/format-size";
import { resolveImageReference } from "../images/reference";
import type { DockerfileModel } from "../model/types";

export async function computeInlayHints(
  model: DockerfileModel,
  range: Range,
  access: LiveAccess,
  lookUpLater: (lookup: Promise<unknown>) => void = () => {},
): Promise<InlayHint[]> {
  const hints: InlayHint[] = [];
  for (const stage of model.stages) {
    const token = stage.base.token;
    if (stage.base.kind === "stage" || token.range.end.line < range.start.line || token.range.start.line > range.end.line) continue;
    let label: string;
    let tooltip: string;
    if (stage.base.kind === "scratch") {
      label = "0 B";
      tooltip = "scratch is the empty image";
    } else {
      const resolved = resolveImageReference(token.value, model.globalScope);
      if (!resolved.ok) continue;
      const answer = await lookupSize(resolved.reference, access, "cached-only");
      if (access.isOn && answer.kind !== "fact" && access.sizes.peekImageSize(resolved.reference) === undefined)
        lookUpLater(access.sizes.imageSize(resolved.reference));
      const bytes = bytesFor(answer, "linux/amd64");
      if (bytes === null) continue;
      const isEstimate = answer.kind === "estimate";
      label = `${isEstimate ? "≈ " : ""}${formatSize(bytes)}`;
      tooltip = `Compressed pull size for linux/amd64${isEstimate ? ", an estimate from a related tag" : answer.kind === "live" ? ", live from the registry" : ", from the built-in facts"}. Hover the image for details.`;
    }
    hints.push({ position: token.range.end, label, kind: InlayHintKind.Type, paddingLeft: true, tooltip: { kind: MarkupKind.PlainText, value: tooltip } });
  }
  return hints;
}
