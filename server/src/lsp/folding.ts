// Folding: dockerfile-language-service's ranges (comments, continued instructions) plus one range
// per stage, from its FROM line to its last instruction.

import { FoldingRange } from "vscode-languageserver";
import type { DockerfileModel } from "../model/types";
import type { DocumentRequests } from "./language-service";

export async function computeFolding(model: DockerfileModel, service: DocumentRequests): Promise<FoldingRange[]> {
  const ranges = await service.computeFoldingRanges(model.text);
  const seen = new Set(ranges.map((r) => `${r.startLine}:${r.endLine}`));
  for (const stage of model.stages) {
    const startLine = stage.range.start.line;
    const endLine = stage.range.end.line;
    if (endLine <= startLine || seen.has(`${startLine}:${endLine}`)) continue;
    seen.add(`${startLine}:${endLine}`);
    ranges.push({ startLine, endLine });
  }
  return ranges.sort((a, b) => a.startLine - b.startLine || b.endLine - a.endLine);
}
