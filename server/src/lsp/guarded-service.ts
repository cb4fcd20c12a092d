// dockerfile-language-service behind a guard (STYLE.md 22): positions and ranges going in are
// clamped to the document (a "to the end" range of line 2147483647 made its formatter abort V8),
// formatting options are bounded, and what comes out is checked: ranges and tokens outside the
// document are dropped, and an edit list that cannot be applied as a whole is refused.

import type { FormattingOptions, Range, SemanticTokens, TextEdit } from "vscode-languageserver";
import { clampPosition, clampRange, comparePositions, isInsideText, LineIndex } from "../model/text";
import type { DockerfileLanguageService } from "dockerfile-language-service";

/** Indentation no editor uses; a larger tabSize would only make the formatter allocate. */
const MAX_TAB_SIZE = 64;

/** The same service, with every document-facing method guarded as described above. */
export function guardService(service: DockerfileLanguageService): DockerfileLanguageService {
  const guarded: DockerfileLanguageService = {
    ...bindAll(service),
    computeCommandEdits: (content, command, args) => applicableEdits(content, service.computeCommandEdits(content, command, args)),
    computeCompletionItems: (content, position) => service.computeCompletionItems(content, clampPosition(new LineIndex(content), position)),
    computeDefinition: (textDocument, content, position) => {
      const lines = new LineIndex(content);
      const location = service.computeDefinition(textDocument, content, clampPosition(lines, position));
      return location && isRangeInside(lines, location.range) ? location : (null as unknown as ReturnType<DockerfileLanguageService["computeDefinition"]>);
    },
    computeFoldingRanges: (content) => {
      const lineCount = new LineIndex(content).lineCount;
      return service.computeFoldingRanges(content).filter((r) => r.startLine >= 0 && r.startLine <= r.endLine && r.endLine < lineCount);
    },
    computeHighlightRanges: (content, position) => {
      const lines = new LineIndex(content);
      return service.computeHighlightRanges(content, clampPosition(lines, position)).filter((h) => isRangeInside(lines, h.range));
    },
    computeHover: (content, position) => {
      const lines = new LineIndex(content);
      const hover = service.computeHover(content, clampPosition(lines, position));
      if (hover?.range && !isRangeInside(lines, hover.range)) return { ...hover, range: undefined };
      return hover;
    },
    computeSignatureHelp: (content, position) => service.computeSignatureHelp(content, clampPosition(new LineIndex(content), position)),
    computeRename: (textDocument, content, position, newName) =>
      applicableEdits(content, service.computeRename(textDocument, content, clampPosition(new LineIndex(content), position), newName)),
    prepareRename: (content, position) => {
      const lines = new LineIndex(content);
      const range = service.prepareRename(content, clampPosition(lines, position));
      return range && isRangeInside(lines, range) ? range : null;
    },
    computeLinks: (content) => {
      const lines = new LineIndex(content);
      return service.computeLinks(content).filter((l) => isRangeInside(lines, l.range));
    },
    computeSemanticTokens: (content) => tokensInside(new LineIndex(content), service.computeSemanticTokens(content)),
    format: (content, options) => applicableEdits(content, service.format(content, boundedOptions(options))),
    formatRange: (content, range, options) =>
      applicableEdits(content, service.formatRange(content, clampRange(new LineIndex(content), range), boundedOptions(options))),
    formatOnType: (content, position, ch, options) =>
      applicableEdits(content, service.formatOnType(content, clampPosition(new LineIndex(content), position), ch, boundedOptions(options))),
  };
  return guarded;
}

/** The methods that take no position and return no range, bound to the service. */
function bindAll(service: DockerfileLanguageService): DockerfileLanguageService {
  const bound: Record<string, unknown> = {};
  for (const key of ["setCapabilities", "computeCodeActions", "resolveCompletionItem", "computeSymbols", "resolveLink", "validate", "setLogger"] as const) {
    bound[key] = (service[key] as (...args: unknown[]) => unknown).bind(service);
  }
  return bound as unknown as DockerfileLanguageService;
}

function boundedOptions<T extends FormattingOptions>(options: T): T {
  const tabSize = Number.isFinite(options.tabSize) ? Math.min(Math.max(1, Math.floor(options.tabSize)), MAX_TAB_SIZE) : 4;
  return { ...options, tabSize, insertSpaces: options.insertSpaces === true };
}

function isRangeInside(lines: LineIndex, range: Range): boolean {
  return isInsideText(lines, range.start) && isInsideText(lines, range.end) && comparePositions(range.start, range.end) <= 0;
}

/**
 * The edits when all of them lie inside the document and none overlaps another, so the client
 * can apply them as a whole; otherwise none (a partial formatting would be worse than none).
 */
export function applicableEdits(content: string, edits: readonly TextEdit[] | null | undefined): TextEdit[] {
  if (!edits) return [];
  const lines = new LineIndex(content);
  if (!edits.every((e) => isRangeInside(lines, e.range) && typeof e.newText === "string")) return [];
  const sorted = [...edits].sort((a, b) => comparePositions(a.range.start, b.range.start) || comparePositions(a.range.end, b.range.end));
  for (let i = 1; i < sorted.length; i++) if (comparePositions(sorted[i].range.start, sorted[i - 1].range.end) < 0) return [];
  return [...edits];
}

/**
 * Semantic tokens with every token on a line of the document, inside that line, after the token
 * before it and not empty; the others are dropped and the rest re-encoded.
 */
export function tokensInside(lines: LineIndex, tokens: SemanticTokens): SemanticTokens {
  const data = tokens.data;
  const kept: number[] = [];
  let line = 0;
  let character = 0;
  let lastLine = 0;
  let lastEnd = 0;
  let keptLine = 0;
  let keptChar = 0;
  for (let i = 0; i + 4 < data.length; i += 5) {
    const [deltaLine, deltaStart, length, type, modifiers] = data.slice(i, i + 5);
    line += deltaLine;
    character = deltaLine === 0 ? character + deltaStart : deltaStart;
    const inside =
      deltaLine >= 0 &&
      deltaStart >= 0 &&
      length > 0 &&
      line >= 0 &&
      line < lines.lineCount &&
      character >= 0 &&
      character + length <= lines.lineText(line).length &&
      (line > lastLine || character >= lastEnd);
    if (!inside) continue;
    kept.push(line - keptLine, line === keptLine ? character - keptChar : character, length, type, modifiers);
    keptLine = lastLine = line;
    keptChar = character;
    lastEnd = character + length;
  }
  return { ...tokens, data: kept };
}
