// Result ids and deltas for semantic tokens: the last tokens sent for each open document, so a
// `full/delta` request answers with the one edit between them (common prefix and suffix kept).

import type { SemanticTokens, SemanticTokensDelta, SemanticTokensEdit } from "vscode-languageserver";

interface SentTokens {
  resultId: string;
  version: number;
  data: number[];
}

export class SemanticTokenResults {
  private readonly sent = new Map<string, SentTokens>();
  private nextId = 1;

  /** All tokens of the document's version; computed once per version. */
  full(uri: string, version: number, compute: () => number[]): SemanticTokens {
    const { resultId, data } = this.remember(uri, version, compute);
    return { resultId, data };
  }

  /** The edit from the tokens sent as `previousResultId`, or all tokens when those are not the last sent. */
  delta(uri: string, version: number, previousResultId: string, compute: () => number[]): SemanticTokens | SemanticTokensDelta {
    const previous = this.sent.get(uri);
    const current = this.remember(uri, version, compute);
    if (!previous || previous.resultId !== previousResultId) return { resultId: current.resultId, data: current.data };
    return { resultId: current.resultId, edits: diffTokens(previous.data, current.data) };
  }

  forget(uri: string): void {
    this.sent.delete(uri);
  }

  private remember(uri: string, version: number, compute: () => number[]): SentTokens {
    const last = this.sent.get(uri);
    if (last && last.version === version) return last;
    const entry = { resultId: String(this.nextId++), version, data: compute() };
    this.sent.set(uri, entry);
    return entry;
  }
}

/** The single edit turning `before` into `after` (none when equal). Linear. */
export function diffTokens(before: readonly number[], after: readonly number[]): SemanticTokensEdit[] {
  const shorter = Math.min(before.length, after.length);
  let prefix = 0;
  while (prefix < shorter && before[prefix] === after[prefix]) prefix++;
  if (prefix === before.length && prefix === after.length) return [];
  let suffix = 0;
  while (suffix < shorter - prefix && before[before.length - 1 - suffix] === after[after.length - 1 - suffix]) suffix++;
  return [{ start: prefix, deleteCount: before.length - prefix - suffix, data: after.slice(prefix, after.length - suffix) }];
}
