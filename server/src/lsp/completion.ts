// Completion: stage names where a stage can be named (`FROM `, `COPY/ADD --from=`,
// `RUN --mount=...,from=`), on top of dockerfile-language-service's keyword and flag proposals.

import { CompletionItem, CompletionItemKind, MarkupKind, Position, TextEdit } from "vscode-languageserver";
import type { DockerfileModel, Stage } from "../model/types";
import type { DockerfileLanguageService } from "./language-service";

const MOUNT_FROM = /(?:^|\s)--mount=(?:\S*,)?from=([^,\s]*)$/i;
const FLAG_FROM = /(?:^|\s)--from=(\S*)$/i;
const FROM_IMAGE = /^\s*FROM\s+(?:--\S+\s+)*(\S*)$/i;

/** Marks our items so resolve leaves them alone. */
const OURS = { stagecraft: true };

export async function computeCompletion(model: DockerfileModel, position: Position, service: DockerfileLanguageService): Promise<CompletionItem[]> {
  const before = model.lines.lineText(position.line).slice(0, position.character);
  const keyword = model.instructions.find((i) => i.range.start.line <= position.line && position.line <= i.range.end.line)?.keyword;
  const stageRef = keyword === "RUN" ? MOUNT_FROM.exec(before) : keyword === "COPY" || keyword === "ADD" ? FLAG_FROM.exec(before) : null;
  if (stageRef) return stageItems(model, position, stageRef[1]);

  const fromImage = FROM_IMAGE.exec(before);
  if (fromImage) {
    const prefix = fromImage[1];
    // In the tag part of an image the commodity service asks Docker Hub for tags, unbounded and
    // outside our registry policy (trust, timeouts, browser); tags come later from our own client.
    if (prefix.includes(":") || prefix.includes("@")) return [];
    const commodity = await service.computeCompletionItems(model.text, position);
    return [...stageItems(model, position, prefix), ...commodity];
  }
  return service.computeCompletionItems(model.text, position);
}

export function resolveCompletion(item: CompletionItem, service: DockerfileLanguageService): CompletionItem {
  if (item.data && (item.data as typeof OURS).stagecraft) return item;
  return service.resolveCompletionItem(item);
}

/** Named stages before the stage the position is in (a stage cannot use itself or later ones). */
function stageItems(model: DockerfileModel, position: Position, prefix: string): CompletionItem[] {
  const current = currentStage(model, position.line);
  if (!current) return [];
  const replace = { start: { line: position.line, character: position.character - prefix.length }, end: position };
  const items: CompletionItem[] = [];
  for (const stage of model.stages) {
    if (stage.index >= current.index) break;
    if (!stage.name) continue;
    items.push({
      label: stage.name,
      kind: CompletionItemKind.Module,
      detail: `stage ${stage.index}: ${stage.base.token.value}`,
      documentation: { kind: MarkupKind.Markdown, value: `Build stage \`${stage.name}\`, defined on line ${stage.from.range.start.line + 1}.` },
      sortText: `0${String(stage.index).padStart(4, "0")}`,
      textEdit: TextEdit.replace(replace, stage.name),
      data: OURS,
    });
  }
  return items;
}

function currentStage(model: DockerfileModel, line: number): Stage | null {
  let current: Stage | null = null;
  for (const stage of model.stages) {
    if (stage.from.range.start.line > line) break;
    current = stage;
  }
  return current;
}
