// dockerfile-utils' validator as input we do not control (STYLE.md 22): inputs known to make it
// explode are neutralised before it runs, what it answers is clamped to the document, and an
// exception becomes a reason instead of costing the caller its other results.

import { Dockerfile, DockerfileParser } from "dockerfile-ast";
import { validate, validateParsed, ValidatorSettings } from "dockerfile-utils";
import { clampRange, LineIndex, Range } from "../model/text";

/** One dockerfile-utils problem, as `validate` returns it. */
export type ValidatorProblem = ReturnType<typeof validate>[number];

/** The validator's problems, or why there are none (`overBudget`: abandoned for time by the server's worker). */
export type SyntaxResult = { ok: true; value: ValidatorProblem[]; ms: number } | { ok: false; reason: string; ms: number; overBudget?: true };

/**
 * Runs `validateSyntax` away from the caller's thread, so a slow path in dockerfile-utils cannot
 * block it: the server's worker under a time budget (host/budgeted-validator.ts). Never
 * rejects: a validation it abandons answers `ok: false` with the reason.
 */
export interface OffThreadValidator {
  validate(text: string, settings: ValidatorSettings, parsed?: ParsedFroms): Promise<SyntaxResult>;
}

/**
 * What an earlier parse of the same text knows about its FROM instructions, so masking does not
 * parse the text again: the escape character and each FROM's arguments (flags left out).
 */
export interface ParsedFroms {
  escapeChar: string;
  fromArguments: readonly (readonly { value: string; range: Range }[])[];
}

/** BuildKit's stage-name syntax, checked without the validator's exponential `([a-z0-9_\-.]*)*`. */
const STAGE_NAME = /^[a-z][\w.-]*$/;

/**
 * Validates `text` with dockerfile-utils. Never throws. Stage names the validator would test with
 * its exponential expression are masked first (Stagecraft's stage-name-invalid reports them, and
 * the validator's own report of them is dropped anyway, see lint/syntax.ts); ranges are clamped.
 * `tree`, dockerfile-ast's parse of `text` when the caller has one, spares the validator its own
 * parse unless masking changed the text (patches/README.md, `validateParsed`).
 */
export function validateSyntax(text: string, settings: ValidatorSettings, parsed?: ParsedFroms, tree?: Dockerfile): SyntaxResult {
  const started = Date.now();
  try {
    const masked = maskInvalidStageNames(text, parsed);
    const problems = tree !== undefined && masked === text ? validateParsed(text, tree, settings) : validate(masked, settings);
    // Most files have no problem: no line index to build then.
    const value = problems.length === 0 ? [] : clampedToText(problems, new LineIndex(text));
    return { ok: true, value, ms: Date.now() - started };
  } catch (error) {
    return {
      ok: false,
      reason: error instanceof Error ? `${error.name}: ${error.message}` : String(error),
      ms: Date.now() - started,
    };
  }
}

function clampedToText(problems: readonly ValidatorProblem[], lines: LineIndex): ValidatorProblem[] {
  return problems.map((p) => ({ ...p, range: clampRange(lines, p.range) }));
}

/**
 * The text with each `FROM image AS <name>` whose name is invalid, or names a member of every
 * object, rewritten character for character to a valid name of the same length, so positions stay
 * where they were.
 */
export function maskInvalidStageNames(text: string, parsed: ParsedFroms = parseFroms(text)): string {
  let masked: string[] | null = null;
  // Built for the first invalid name: most files have none.
  let lines: LineIndex | null = null;
  for (const args of parsed.fromArguments) {
    if (args.length !== 3 || !needsMask(args[2].value.toLowerCase())) continue;
    // UTF-16 code units, the unit of offsets.
    masked ??= text.split("");
    lines ??= new LineIndex(text);
    const start = lines.offsetAt(args[2].range.start);
    const end = lines.offsetAt(args[2].range.end);
    for (let i = start; i < end; i++) {
      // Line breaks and indentation of a name continued over lines stay; the escape before them is
      // kept too, so the instruction still ends where it did.
      const c = text[i];
      if (c === "\n" || c === "\r" || c === " " || c === "\t") continue;
      if (c === parsed.escapeChar && /^[ \t]*\r?$/.test(lineRest(text, i + 1))) continue;
      masked[i] = i === start ? "a" : "0";
    }
  }
  return masked === null ? text : masked.join("");
}

/**
 * Whether the validator must not see this (lower-cased) stage name: an invalid one, or one its
 * table of names (a plain object) already holds, such as `constructor`, where it calls the
 * inherited function's `push` and throws, losing every syntax check of the file. Its report of
 * duplicated names is superseded by stage-name-duplicate, so a masked name costs nothing.
 */
function needsMask(name: string): boolean {
  return !STAGE_NAME.test(name) || name in Object.prototype;
}

/** The FROM arguments of `text`, for callers without a parse of their own. */
function parseFroms(text: string): ParsedFroms {
  const dockerfile = DockerfileParser.parse(text);
  const fromArguments = dockerfile.getFROMs().map((from) => from.getArguments().map((a) => ({ value: a.getValue(), range: a.getRange() })));
  return { escapeChar: dockerfile.getEscapeCharacter(), fromArguments };
}

function lineRest(text: string, from: number): string {
  const end = text.indexOf("\n", from);
  return text.slice(from, end < 0 ? text.length : end);
}
