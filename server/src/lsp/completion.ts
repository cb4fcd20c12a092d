// Completion: stage names where a stage can be named (`FROM `, `COPY/ADD --from=`,
// `RUN --mount=...,from=`), image tags after `FROM image:` (from the facts, and from the registry
// when live lookups are on), on top of dockerfile-language-service's keyword and flag proposals.

import { CompletionItem, CompletionItemKind, MarkupKind, Position, TextEdit } from "vscode-languageserver";
import type { DockerfileModel, Stage } from "../model/types";
import { resolveImageReference, type ImageReference } from "../images/reference";
import type { LiveTagList, Result } from "../images/registry/types";
import { factTagSuggestions, mergeLiveTags } from "../images/tag-suggestions";
import type { CommodityService, DocumentRequests } from "./language-service";

const MOUNT_FROM = /(?:^|\s)--mount=(?:\S*,)?from=([^,\s]*)$/i;
const FLAG_FROM = /(?:^|\s)--from=(\S*)$/i;
const FROM_IMAGE = /^\s*FROM\s+(?:--\S+\s+)*(\S*)$/i;

/** Characters that open completion as they are typed; `:` opens the tags after `FROM image:`. */
export const COMPLETION_TRIGGERS = ["=", " ", "$", "-", ",", ":"];

/** Marks our items so resolve leaves them alone. */
const OURS = { stagecraft: true };

/** A registry's tags for a repository, or null when live lookups are off. */
export type LiveTagSource = (ref: ImageReference, prefix: string) => Promise<Result<LiveTagList>> | null;

/** `service` null: keywords and flags are left to another extension (coexistence.ts); stages and tags stay. */
export async function computeCompletion(
  model: DockerfileModel,
  position: Position,
  service: DocumentRequests | null,
  liveTags: LiveTagSource = () => null,
  triggerCharacter?: string,
): Promise<CompletionItem[]> {
  const before = model.lines.lineText(position.line).slice(0, position.character);
  const keyword = model.instructions.find((i) => i.range.start.line <= position.line && position.line <= i.range.end.line)?.keyword;
  const stageRef = keyword === "RUN" ? MOUNT_FROM.exec(before) : keyword === "COPY" || keyword === "ADD" ? FLAG_FROM.exec(before) : null;
  if (stageRef) return stageItems(model, position, stageRef[1]);

  const fromImage = FROM_IMAGE.exec(before);
  if (fromImage) {
    const prefix = fromImage[1];
    // In the tag part of an image the commodity service would ask Docker Hub for tags, unbounded
    // and outside our registry policy (trust, timeouts, browser): tags come from our own sources.
    if (prefix.includes("@")) return [];
    if (prefix.includes(":")) return tagItems(model, position, prefix, liveTags);
    if (triggerCharacter === ":") return [];
    const commodity = service ? await service.computeCompletionItems(model.text, position) : [];
    return [...stageItems(model, position, prefix), ...commodity];
  }
  // A `:` typed anywhere else (`EXPOSE 80:`, a port in a registry host) asks for nothing.
  if (triggerCharacter === ":") return [];
  return service ? service.computeCompletionItems(model.text, position) : [];
}

export async function resolveCompletion(item: CompletionItem, service: CommodityService): Promise<CompletionItem> {
  if (item.data && (item.data as typeof OURS).stagecraft) return item;
  return service.resolveCompletionItem(item);
}

/** Tags for `FROM name:prefix`: the facts' tags with sizes, then the registry's when lookups are on. */
async function tagItems(model: DockerfileModel, position: Position, written: string, liveTags: LiveTagSource): Promise<CompletionItem[]> {
  const colon = written.lastIndexOf(":");
  // A colon inside the host (`localhost:5000/app`) is a port, not the start of a tag.
  if (written.indexOf("/", colon) >= 0) return [];
  // Build arguments in the name (`FROM ${REGISTRY}/app:`) resolve from the global ARG defaults.
  const resolved = resolveImageReference(written.slice(0, colon), model.globalScope);
  if (!resolved.ok) return [];
  const ref = resolved.reference;
  const prefix = written.slice(colon + 1);
  let suggestions = factTagSuggestions(ref, prefix);
  const pending = liveTags(ref, prefix);
  const live = pending ? await pending : null;
  if (live?.ok) suggestions = mergeLiveTags(suggestions, live.value.tags, live.value.registry, prefix);
  const replace = { start: { line: position.line, character: position.character - prefix.length }, end: position };
  return suggestions.map((s, i) => ({
    label: s.tag,
    kind: CompletionItemKind.Constant,
    detail: s.detail || undefined,
    sortText: String(i).padStart(4, "0"),
    textEdit: TextEdit.replace(replace, s.tag),
    data: OURS,
  }));
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
