// Where a Dockerfile word uses variables (`$X`, `${X}`, `${X:-default}`), as BuildKit's word
// expansion reads it: not inside single quotes, not after the escape character. Template
// placeholders (`${docker.base.image}`) are not variables and are skipped.

import type { Range } from "./text";
import type { Token } from "./types";
import { TEMPLATE_PLACEHOLDER } from "./variables";

export interface VariableUse {
  name: string;
  /** The `$X` / `${X...}` text in the document (exact when the token sits on one line). */
  range: Range;
  /** `${X:-d}`, `${X-d}`, `${X:+a}`, `${X+a}`: the word says what happens when X is unset. */
  hasOperator: boolean;
}

/** The variables `token` uses, in order. */
export function variableUses(token: Token, escapeChar = "\\"): VariableUse[] {
  const text = token.value;
  // Most words use no variable: nothing to scan for (issue #16).
  if (!text.includes("$")) return [];
  const out: VariableUse[] = [];
  const oneLine = token.range.start.line === token.range.end.line && token.range.end.character - token.range.start.character === text.length;
  const rangeOf = (start: number, end: number): Range =>
    oneLine
      ? {
          start: { line: token.range.start.line, character: token.range.start.character + start },
          end: { line: token.range.start.line, character: token.range.start.character + end },
        }
      : token.range;
  let inSingle = false;
  let inDouble = false;
  for (let i = 0; i < text.length; i++) {
    const c = text[i];
    if (c === escapeChar && !inSingle) {
      i++;
      continue;
    }
    if (c === "'" && !inDouble) inSingle = !inSingle;
    else if (c === '"' && !inSingle) inDouble = !inDouble;
    if (c !== "$" || inSingle) continue;
    const rest = text.slice(i + 1);
    const placeholder = TEMPLATE_PLACEHOLDER.exec(text.slice(i));
    if (placeholder) {
      i += placeholder[0].length - 1;
      continue;
    }
    const braced = /^\{([A-Za-z_]\w*)\b([^}]*)\}/.exec(rest);
    const plain = /^[A-Za-z_][A-Za-z0-9_]*/.exec(rest);
    if (braced) {
      out.push({ name: braced[1], range: rangeOf(i, i + 1 + braced[0].length), hasOperator: /^:?[-+]/.test(braced[2]) });
      i += braced[0].length;
    } else if (plain) {
      out.push({ name: plain[0], range: rangeOf(i, i + 1 + plain[0].length), hasOperator: false });
      i += plain[0].length;
    }
  }
  return out;
}

/** Levenshtein distance, for "did you mean" suggestions. */
export function editDistance(a: string, b: string): number {
  const row = Array.from({ length: b.length + 1 }, (_, j) => j);
  for (let i = 1; i <= a.length; i++) {
    let previous = row[0];
    row[0] = i;
    for (let j = 1; j <= b.length; j++) {
      const current = row[j];
      row[j] = Math.min(row[j] + 1, row[j - 1] + 1, previous + (a[i - 1] === b[j - 1] ? 0 : 1));
      previous = current;
    }
  }
  return row[b.length];
}

/** BuildKit's suggest.Search: the option nearest to `value` within distance 2, or null (also for an exact match). */
export function suggestName(value: string, options: Iterable<string>, caseSensitive = true): string | null {
  const v = caseSensitive ? value : value.toLowerCase();
  let best: string | null = null;
  let min = 3;
  for (const option of options) {
    const o = caseSensitive ? option : option.toLowerCase();
    if (o === v) return null;
    const d = editDistance(v, o);
    if (d < min) {
      best = option;
      min = d;
    }
  }
  return best;
}
