// dockerfile-utils' validator as input we do not control (STYLE.md 22): inputs known to make it
// explode are neutralised before it runs, what it answers is clamped to the document, and an
// exception becomes a reason instead of costing the caller its other results.

import { DockerfileParser } from "dockerfile-ast";
import { validate, ValidatorSettings } from "dockerfile-utils";
import { clampRange, LineIndex } from "../model/text";

/** One dockerfile-utils problem, as `validate` returns it. */
export type ValidatorProblem = ReturnType<typeof validate>[number];

export type SyntaxResult = { ok: true; value: ValidatorProblem[]; ms: number } | { ok: false; reason: string; ms: number };

/** BuildKit's stage-name syntax, checked without the validator's exponential `([a-z0-9_\-.]*)*`. */
const STAGE_NAME = /^[a-z][\w.-]*$/;

/**
 * Validates `text` with dockerfile-utils. Never throws. Stage names the validator would test with
 * its exponential expression are masked first (Stagecraft's stage-name-invalid reports them, and
 * the validator's own report of them is dropped anyway, see lint/syntax.ts); ranges are clamped.
 */
export function validateSyntax(text: string, settings: ValidatorSettings): SyntaxResult {
  const started = Date.now();
  try {
    const problems = validate(maskInvalidStageNames(text), settings);
    const lines = new LineIndex(text);
    const value = problems.map((p) => ({
      ...p,
      range: clampRange(lines, p.range),
    }));
    return { ok: true, value, ms: Date.now() - started };
  } catch (error) {
    return {
      ok: false,
      reason: error instanceof Error ? `${error.name}: ${error.message}` : String(error),
      ms: Date.now() - started,
    };
  }
}

/**
 * The text with each `FROM image AS <name>` whose name is invalid rewritten, character for
 * character, to a valid name of the same length, so positions stay where they were.
 */
export function maskInvalidStageNames(text: string): string {
  let masked: string[] | null = null;
  const dockerfile = DockerfileParser.parse(text);
  const lines = new LineIndex(text);
  for (const from of dockerfile.getFROMs()) {
    const args = from.getArguments();
    if (args.length !== 3 || STAGE_NAME.test(args[2].getValue().toLowerCase())) continue;
    // UTF-16 code units, the unit of offsets.
    masked ??= text.split("");
    const start = lines.offsetAt(args[2].getRange().start);
    const end = lines.offsetAt(args[2].getRange().end);
    for (let i = start; i < end; i++) {
      // Line breaks and indentation of a name continued over lines stay; the escape before them is
      // kept too, so the instruction still ends where it did.
      const c = text[i];
      if (c === "\n" || c === "\r" || c === " " || c === "\t") continue;
      if (c === dockerfile.getEscapeCharacter() && /^[ \t]*\r?$/.test(lineRest(text, i + 1))) continue;
      masked[i] = i === start ? "a" : "0";
    }
  }
  return masked === null ? text : masked.join("");
}

function lineRest(text: string, from: number): string {
  const end = text.indexOf("\n", from);
  return text.slice(from, end < 0 ? text.length : end);
}
