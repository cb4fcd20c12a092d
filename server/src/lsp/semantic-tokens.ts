// Semantic tokens from Stagecraft's own model, in one pass over the text (issues #15, #16). The
// bundled dockerfile-language-service computed them in n^2–n^3.4 time (seconds on large files)
// and, after some edits, with negative deltas; this keeps its legend and token kinds.
//
// Each character gets one token kind in a paint buffer: first the model's structural ranges
// (keywords, flags, image names, declared variables), then a scan of each instruction's text that
// marks words, quoted strings, variables, escaped line ends and comment lines. Tokens are then
// the runs of equal kind on each line, so every token lies inside its line and in order.

import type { SemanticTokensLegend } from "vscode-languageserver";
import type { Range } from "../model/text";
import type { DockerfileModel, Instruction } from "../model/types";

const TOKEN_TYPES = ["keyword", "comment", "parameter", "property", "namespace", "class", "macro", "string", "variable", "operator", "modifier"] as const;
const TOKEN_MODIFIERS = ["declaration", "definition", "deprecated"] as const;

/** The legend users have had since the bundled service's (its TokensLegend): same types, same order. */
export const SEMANTIC_TOKENS_LEGEND: SemanticTokensLegend = { tokenTypes: [...TOKEN_TYPES], tokenModifiers: [...TOKEN_MODIFIERS] };

type TokenType = (typeof TOKEN_TYPES)[number];

const DECLARATION = 1;
const DEPRECATED = 4;

/** A paint code: token type index + 1 in the high bits, modifier bits in the low three; 0 is no token. */
function code(type: TokenType, modifiers = 0): number {
  return ((TOKEN_TYPES.indexOf(type) + 1) << 3) | modifiers;
}

const KEYWORD = code("keyword");
const DEPRECATED_KEYWORD = code("keyword", DEPRECATED);
const COMMENT = code("comment");
const PARAMETER = code("parameter");
const PROPERTY = code("property");
const NAMESPACE = code("namespace");
const CLASS = code("class");
const MACRO = code("macro");
const STRING = code("string");
const VARIABLE = code("variable");
const DECLARED_VARIABLE = code("variable", DECLARATION);
const OPERATOR = code("operator");
const MODIFIER = code("modifier");
/** Claimed but not a token (the `:` between an image's name and tag): words must not paint it. */
const UNMARKED = 1;

/** Lines to encode, both included. */
export interface LineSpan {
  startLine: number;
  endLine: number;
}

/**
 * The encoded semantic tokens (LSP relative format) of a model's text, optionally only those on
 * the lines of `span`. Linear in the text's length.
 */
export function computeSemanticTokens(model: DockerfileModel, span?: LineSpan): number[] {
  const painter = new Painter(model);
  for (const instruction of model.instructions) painter.instruction(instruction);
  painter.commentLines();
  return painter.encode(span);
}

class Painter {
  private readonly text: string;
  private readonly codes: Uint8Array;
  /** The string open at the scan's position: `"`, `'`, or "" outside one. */
  private quote = "";

  constructor(private readonly model: DockerfileModel) {
    this.text = model.text;
    this.codes = new Uint8Array(model.text.length);
  }

  instruction(instruction: Instruction, isTrigger = false): void {
    const { lines } = this.model;
    this.fill(instruction.keywordRange, instruction.keyword === "MAINTAINER" ? DEPRECATED_KEYWORD : KEYWORD);
    this.flags(instruction);
    this.keywordSpecific(instruction);
    if (instruction.trigger) this.instruction(instruction.trigger, true);
    // A trigger's text was scanned as part of its ONBUILD.
    if (isTrigger) return;
    const start = lines.offsetAt(instruction.keywordRange.end);
    const end = lines.offsetAt(instruction.range.end);
    const bodies = instruction.heredocs.flatMap((h) => (h.contentRange ? [h.contentRange] : []));
    let from = start;
    for (const body of bodies) {
      const bodyStart = lines.offsetAt(body.start);
      const bodyEnd = lines.offsetAt(body.end);
      if (bodyStart < from || bodyEnd > end) continue;
      this.scan(from, bodyStart);
      this.scanHeredocBody(bodyStart, bodyEnd);
      from = bodyEnd;
    }
    this.scan(from, end);
  }

  /** `--name` parameter, `=` operator, value property; `--mount=type=cache,...` options likewise. */
  private flags(instruction: Instruction): void {
    const { lines } = this.model;
    for (const flag of instruction.flags) {
      this.fill({ start: flag.range.start, end: flag.nameRange.end }, PARAMETER);
      if (flag.value === null || !flag.valueRange) continue;
      const nameEnd = lines.offsetAt(flag.nameRange.end);
      if (this.text[nameEnd] === "=") this.paint(nameEnd, nameEnd + 1, OPERATOR);
      if (flag.options.length === 0) {
        this.fill(flag.valueRange, PROPERTY);
        continue;
      }
      // The commas between options are no token.
      this.fill(flag.valueRange, UNMARKED);
      for (const option of flag.options) {
        const optionStart = lines.offsetAt(option.range.start);
        const equals = option.valueRange ? lines.offsetAt(option.valueRange.start) - 1 : -1;
        this.paint(optionStart, equals >= optionStart ? equals : lines.offsetAt(option.range.end), PARAMETER);
        if (option.valueRange && this.text[equals] === "=") {
          this.paint(equals, equals + 1, OPERATOR);
          this.fill(option.valueRange, PROPERTY);
        }
      }
    }
  }

  /** What the keyword gives its arguments: image and stage names, declared variables, a subcommand. */
  private keywordSpecific(instruction: Instruction): void {
    const { args } = instruction;
    switch (instruction.keyword) {
      case "FROM":
        if (args.length > 0) this.image(args[0].range);
        if (args.length > 1 && args[1].value.toUpperCase() === "AS") {
          this.fill(args[1].range, KEYWORD);
          if (args.length > 2) this.fill(args[2].range, NAMESPACE);
        }
        return;
      case "ARG":
      case "ENV":
        this.declarations(instruction);
        return;
      case "HEALTHCHECK":
        if (args.length > 0) this.fill(args[0].range, KEYWORD);
        return;
    }
  }

  /**
   * `registry:5000/name:tag@digest`: the name a class, tag and digest properties, the `:` and `@`
   * between them no token. (The parser's own image ranges cost more than all the rest.)
   */
  private image(range: Range): void {
    const { lines } = this.model;
    const start = lines.offsetAt(range.start);
    const end = lines.offsetAt(range.end);
    this.paint(start, end, UNMARKED);
    const nameEnd = indexIn(this.text, "@", start, end);
    const slash = lastIndexIn(this.text, "/", start, nameEnd);
    // A registry host (`gcr.io/`, `localhost:5000/`) is no token, as in the bundled service.
    const firstSlash = indexIn(this.text, "/", start, nameEnd);
    const host = this.text.slice(start, firstSlash);
    const nameStart = firstSlash < nameEnd && (host.includes(".") || host.includes(":") || host === "localhost") ? firstSlash + 1 : start;
    const tagStart = indexIn(this.text, ":", slash < 0 ? start : slash + 1, nameEnd);
    this.paint(nameStart, tagStart, CLASS);
    if (tagStart + 1 < nameEnd) this.paint(tagStart + 1, nameEnd, PROPERTY);
    if (nameEnd + 1 < end) this.paint(nameEnd + 1, end, PROPERTY);
  }

  /** `ARG NAME=value`, `ENV A=b C=d`, legacy `ENV NAME value`: each name is a declared variable. */
  private declarations(instruction: Instruction): void {
    const { lines } = this.model;
    // The parser gives a line-ending escape after a space as an argument of its own.
    const args = instruction.args.filter((a) => a.value !== this.model.escapeChar);
    for (const [index, arg] of args.entries()) {
      const start = lines.offsetAt(arg.range.start);
      const end = lines.offsetAt(arg.range.end);
      const equals = indexIn(this.text, "=", start, end);
      if (equals > start && equals < end) {
        this.paint(start, equals, DECLARED_VARIABLE);
        this.paint(equals, equals + 1, OPERATOR);
      } else if (equals !== start && (instruction.keyword === "ARG" || index === 0)) {
        this.paint(start, end, DECLARED_VARIABLE);
      }
      // Legacy `ENV NAME value words`: only the first word is a name.
      if (instruction.keyword === "ENV" && equals === end) return;
    }
  }

  /**
   * Marks an instruction's argument text from `start` to `end`: unpainted words as parameters,
   * quoted strings, variables, escaped line ends (macro) and the comment lines Docker drops
   * inside a continued instruction. One pass; a string left open ends with the instruction.
   */
  private scan(start: number, end: number): void {
    const text = this.text;
    const escape = this.model.escapeChar;
    this.quote = "";
    let lineStart = false;
    let i = start;
    while (i < end) {
      const c = text[i];
      if (c === "\n" || c === "\r") {
        lineStart = true;
        i++;
        continue;
      }
      if (lineStart) {
        lineStart = false;
        const first = skipBlanks(text, i, end);
        if (text[first] === "#") {
          i = lineEnd(text, first, end);
          this.paint(first, i, COMMENT);
          continue;
        }
      }
      if (c === escape) {
        const next = skipBlanks(text, i + 1, end);
        if (next >= end || text[next] === "\n" || text[next] === "\r") {
          this.paint(i, i + 1, MACRO);
          i = next;
          continue;
        }
        if (this.quote !== "'") {
          // An escaped character is plain text, also an escaped quote.
          const escapedEnd = Math.min(end, i + 2);
          if (this.quote) this.paint(i, escapedEnd, STRING);
          else this.paintUnpainted(i, escapedEnd, PARAMETER);
          i = escapedEnd;
          continue;
        }
      }
      i = this.word(i, end, true);
    }
  }

  /** A heredoc body: its lines are words and strings, each line on its own (no continuations). */
  private scanHeredocBody(start: number, end: number): void {
    let i = start;
    while (i < end) {
      const next = lineEnd(this.text, i, end);
      this.scanLine(i, next);
      i = skipLineBreak(this.text, next, end);
    }
  }

  private scanLine(start: number, end: number): void {
    this.quote = "";
    let i = start;
    while (i < end) i = this.word(i, end, false);
  }

  /**
   * One step of argument text at `i`, inside the string `this.quote` ("" outside one): a quote, a
   * variable, a character of a string or a word. Variables inside double quotes are marked only
   * with `variablesInQuotes` (heredoc bodies keep them as string text, as the bundled service
   * does). Returns the next position; `this.quote` is the string still open.
   */
  private word(i: number, end: number, variablesInQuotes: boolean): number {
    const c = this.text[i];
    const quote = this.quote;
    if (quote) {
      if (c === "$" && quote === '"' && variablesInQuotes) {
        const variableEnd = this.variable(i, end);
        if (variableEnd > i + 1) return variableEnd;
      }
      this.paint(i, i + 1, STRING);
      if (c === quote) this.quote = "";
      return i + 1;
    }
    if (c === '"' || c === "'") {
      this.paint(i, i + 1, STRING);
      this.quote = c;
      return i + 1;
    }
    if (c === "$") {
      const variableEnd = this.variable(i, end);
      if (variableEnd === i + 1) this.paintUnpainted(i, i + 1, PARAMETER);
      return variableEnd;
    }
    if (c !== " " && c !== "\t") this.paintUnpainted(i, i + 1, PARAMETER);
    return i + 1;
  }

  /**
   * A variable at `start` (a `$`): `$NAME` or `${NAME}`, and `${NAME:-word}` as variable, operator
   * `:`, modifier `-` and variable. Returns its end; `start + 1` when the `$` starts none.
   */
  private variable(start: number, end: number): number {
    const text = this.text;
    if (text[start + 1] !== "{") {
      let i = start + 1;
      while (i < end && isNameCharacter(text.charCodeAt(i))) i++;
      if (i > start + 1) this.paint(start, i, VARIABLE);
      return i;
    }
    // `${...}` up to its matching brace on the same line; unclosed, up to the line's end.
    let depth = 0;
    let close = start + 1;
    for (; close < end; close++) {
      const c = text[close];
      if (c === "\n" || c === "\r") break;
      if (c === "{") depth++;
      else if (c === "}" && --depth === 0) break;
    }
    const variableEnd = close < end && text[close] === "}" ? close + 1 : close;
    let nameEnd = start + 2;
    while (nameEnd < variableEnd && isNameCharacter(text.charCodeAt(nameEnd))) nameEnd++;
    this.paint(start, variableEnd, VARIABLE);
    if (text[nameEnd] === ":" && nameEnd + 1 < variableEnd) {
      this.paint(nameEnd, nameEnd + 1, OPERATOR);
      const modifier = text[nameEnd + 1];
      if (modifier === "-" || modifier === "+" || modifier === "?") this.paint(nameEnd + 1, nameEnd + 2, MODIFIER);
    }
    return variableEnd;
  }

  /** Whole comment lines and the parser directives at the top of the file. */
  commentLines(): void {
    for (const comment of this.model.comments) this.fill(comment.range, COMMENT);
    const { lines } = this.model;
    for (const directive of this.model.directives) {
      const lineStart = lines.offsetAt(directive.range.start);
      const valueStart = lines.offsetAt(directive.valueRange.start);
      const valueEnd = lines.offsetAt(directive.valueRange.end);
      const equals = indexIn(this.text, "=", lineStart, valueStart);
      const hash = indexIn(this.text, "#", lineStart, equals);
      if (equals === valueStart || hash === equals) continue;
      const nameStart = skipBlanks(this.text, hash + 1, equals);
      let nameEnd = equals;
      while (nameEnd > nameStart && /\s/.test(this.text[nameEnd - 1])) nameEnd--;
      this.paint(lineStart, nameStart, COMMENT);
      this.paint(nameStart, nameEnd, PROPERTY);
      this.paint(nameEnd, equals, 0);
      this.paint(equals, equals + 1, OPERATOR);
      this.paint(equals + 1, valueStart, 0);
      this.paint(valueStart, valueEnd, PARAMETER);
    }
  }

  /** The runs of equal code on each line, as LSP's relative five-integer tokens. */
  encode(span?: LineSpan): number[] {
    const { lines } = this.model;
    const firstLine = Math.max(0, span?.startLine ?? 0);
    const lastLine = Math.min(lines.lineCount - 1, span?.endLine ?? lines.lineCount - 1);
    const data: number[] = [];
    let previousLine = 0;
    let previousStart = 0;
    for (let line = firstLine; line <= lastLine; line++) {
      const lineStart = lines.offsetAt({ line, character: 0 });
      const end = lineEnd(this.text, lineStart, this.text.length);
      let i = lineStart;
      while (i < end) {
        const value = this.codes[i];
        let runEnd = i + 1;
        while (runEnd < end && this.codes[runEnd] === value) runEnd++;
        if (value > UNMARKED) {
          const character = i - lineStart;
          data.push(line - previousLine, line === previousLine ? character - previousStart : character, runEnd - i, (value >> 3) - 1, value & 7);
          previousLine = line;
          previousStart = character;
        }
        i = runEnd;
      }
    }
    return data;
  }

  private fill(range: Range | null | undefined, value: number): void {
    if (!range) return;
    const { lines } = this.model;
    this.paint(lines.offsetAt(range.start), lines.offsetAt(range.end), value);
  }

  /** Paints characters from `start` to `end`, never a line break (a token never spans lines). */
  private paint(start: number, end: number, value: number): void {
    const text = this.text;
    for (let i = Math.max(0, start); i < end && i < text.length; i++) {
      const c = text.charCodeAt(i);
      if (c !== 10 && c !== 13) this.codes[i] = value;
    }
  }

  private paintUnpainted(start: number, end: number, value: number): void {
    for (let i = start; i < end; i++) if (this.codes[i] === 0) this.paint(i, i + 1, value);
  }
}

function isNameCharacter(c: number): boolean {
  return (c >= 48 && c <= 57) || (c >= 65 && c <= 90) || (c >= 97 && c <= 122) || c === 95;
}

/** The first `ch` in `text[start, end)`, or `end`. */
function indexIn(text: string, ch: string, start: number, end: number): number {
  for (let i = start; i < end; i++) if (text[i] === ch) return i;
  return end;
}

/** The last `ch` in `text[start, end)`, or -1. */
function lastIndexIn(text: string, ch: string, start: number, end: number): number {
  for (let i = end - 1; i >= start; i--) if (text[i] === ch) return i;
  return -1;
}

function skipBlanks(text: string, i: number, end: number): number {
  while (i < end && (text[i] === " " || text[i] === "\t")) i++;
  return i;
}

/** The offset of the line break at or after `i` (or `end`). */
function lineEnd(text: string, i: number, end: number): number {
  while (i < end && text[i] !== "\n" && text[i] !== "\r") i++;
  return i;
}

function skipLineBreak(text: string, i: number, end: number): number {
  if (text[i] === "\r" && text[i + 1] === "\n") return Math.min(end, i + 2);
  return Math.min(end, i + 1);
}
