// Position, range and edit shapes of the engine. They match LSP's structurally, so adapters pass
// them through unchanged, yet the engine depends on no protocol package.

/** Zero-based line and UTF-16 character offset, as in LSP. */
export interface Position {
  line: number;
  character: number;
}

/** Half-open range [start, end). */
export interface Range {
  start: Position;
  end: Position;
}

/** Replace `range` with `newText`. */
export interface TextEdit {
  range: Range;
  newText: string;
}

export function position(line: number, character: number): Position {
  return { line, character };
}

export function range(startLine: number, startChar: number, endLine: number, endChar: number): Range {
  return { start: { line: startLine, character: startChar }, end: { line: endLine, character: endChar } };
}

export function comparePositions(a: Position, b: Position): number {
  return a.line !== b.line ? a.line - b.line : a.character - b.character;
}

export function containsPosition(r: Range, p: Position): boolean {
  return comparePositions(r.start, p) <= 0 && comparePositions(p, r.end) <= 0;
}

export function rangesOverlap(a: Range, b: Range): boolean {
  return comparePositions(a.start, b.end) < 0 && comparePositions(b.start, a.end) < 0;
}

/** Maps offsets to positions and back over one immutable text. */
export class LineIndex {
  private readonly lineStarts: number[] = [0];

  constructor(readonly text: string) {
    for (let i = 0; i < text.length; i++) {
      const ch = text.charCodeAt(i);
      if (ch === 13 /* \r */) {
        if (text.charCodeAt(i + 1) === 10) i++;
        this.lineStarts.push(i + 1);
      } else if (ch === 10 /* \n */) {
        this.lineStarts.push(i + 1);
      }
    }
  }

  get lineCount(): number {
    return this.lineStarts.length;
  }

  offsetAt(p: Position): number {
    if (p.line >= this.lineStarts.length) return this.text.length;
    if (p.line < 0) return 0;
    const start = this.lineStarts[p.line];
    const end = p.line + 1 < this.lineStarts.length ? this.lineStarts[p.line + 1] : this.text.length;
    return Math.min(start + Math.max(0, p.character), end);
  }

  /**
   * Where the line after `line` starts, or the end of the text when `line` is the last one (a file
   * without a final newline): an edit that takes or follows a whole line stays inside the document.
   */
  startOfLineAfter(line: number): Position {
    return line + 1 < this.lineStarts.length ? { line: line + 1, character: 0 } : this.positionAt(this.text.length);
  }

  positionAt(offset: number): Position {
    const o = Math.max(0, Math.min(offset, this.text.length));
    let lo = 0;
    let hi = this.lineStarts.length - 1;
    while (lo < hi) {
      const mid = (lo + hi + 1) >> 1;
      if (this.lineStarts[mid] <= o) lo = mid;
      else hi = mid - 1;
    }
    return { line: lo, character: o - this.lineStarts[lo] };
  }

  /** Text of a line without its line terminator. */
  lineText(line: number): string {
    if (line < 0 || line >= this.lineStarts.length) return "";
    const start = this.lineStarts[line];
    const end = line + 1 < this.lineStarts.length ? this.lineStarts[line + 1] : this.text.length;
    return this.text.slice(start, end).replace(/\r?\n$|\r$/, "");
  }

  textIn(r: Range): string {
    return this.text.slice(this.offsetAt(r.start), this.offsetAt(r.end));
  }
}

/** Whether a position names a line of the text and a character of that line (its end included). */
export function isInsideText(lines: LineIndex, p: Position): boolean {
  return (
    Number.isInteger(p.line) &&
    Number.isInteger(p.character) &&
    p.line >= 0 &&
    p.line < lines.lineCount &&
    p.character >= 0 &&
    p.character <= lines.lineText(p.line).length
  );
}

/** The nearest position inside the text: lines past the end go to the end, columns past a line to its end. */
export function clampPosition(lines: LineIndex, p: Position): Position {
  const line = Number.isFinite(p.line) ? Math.floor(p.line) : 0;
  if (line < 0) return { line: 0, character: 0 };
  if (line >= lines.lineCount) {
    const last = lines.lineCount - 1;
    return { line: last, character: lines.lineText(last).length };
  }
  const character = Number.isFinite(p.character) ? Math.floor(p.character) : 0;
  return { line, character: Math.max(0, Math.min(character, lines.lineText(line).length)) };
}

/** The range with both ends inside the text, start not after end. */
export function clampRange(lines: LineIndex, r: Range): Range {
  const start = clampPosition(lines, r.start);
  const end = clampPosition(lines, r.end);
  return comparePositions(start, end) <= 0 ? { start, end } : { start: end, end: start };
}

/** Applies non-overlapping edits to a text; edits may come in any order. */
export function applyEdits(text: string, edits: readonly TextEdit[]): string {
  const index = new LineIndex(text);
  const sorted = edits
    .map((e, i) => ({ start: index.offsetAt(e.range.start), end: index.offsetAt(e.range.end), text: e.newText, i }))
    .sort((a, b) => a.start - b.start || a.end - b.end || a.i - b.i);
  let out = "";
  let cursor = 0;
  for (const e of sorted) {
    if (e.start < cursor) throw new Error("applyEdits: overlapping edits");
    out += text.slice(cursor, e.start) + e.text;
    cursor = e.end;
  }
  return out + text.slice(cursor);
}

/** `text` as a regular expression that matches it literally: every pattern character escaped. */
export function escapeRegExp(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\]/g, "\\$&");
}

/** The 1-based line a word or instruction starts on, as messages name it. */
export function lineOf(node: { range: { start: { line: number } } }): number {
  return node.range.start.line + 1;
}
