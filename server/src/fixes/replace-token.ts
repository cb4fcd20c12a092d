// Replaces one token (a stage reference, a path word) with new text.

import type { Range, TextEdit } from "../model/text";

/** The edit that writes `newText` over the token at `range`. */
export function replaceToken(range: Range, newText: string): TextEdit[] {
  return [{ range, newText }];
}
