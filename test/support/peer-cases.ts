// The peer linters' own test cases (../shared/corpus/peer-cases/*.jsonl: hadolint and BuildKit),
// loaded for the peer-agreement suites, and a strict way to run our equivalent rules on them.

import { existsSync, readFileSync } from "fs";
import { join } from "path";
import { parseDockerfile } from "../../server/src/model/parse";
import { Finding, runRules } from "../../server/src/rules/run";
import type { Rule } from "../../server/src/rules/types";

export interface PeerCase {
  /** The peer's code: `DL3006`, `StageNameCasing`. */
  rule: string;
  dockerfile: string;
  expect: "fires" | "silent";
  test?: string;
  src_line?: number;
  onbuild?: boolean;
  /** BuildKit cases: every warning the build reports, with its 1-based line. */
  all_expected?: { rule: string; line: number }[];
}

export const PEER_CASES_DIR = join(__dirname, "..", "..", "..", "shared", "corpus", "peer-cases");

/** The cases of `file` (`hadolint.jsonl`) for the given peer codes; null when the corpus is absent. */
export function loadPeerCases(file: string, codes: Iterable<string>): PeerCase[] | null {
  const path = join(PEER_CASES_DIR, file);
  if (!existsSync(path)) return null;
  const wanted = new Set(codes);
  return readFileSync(path, "utf8")
    .split(/\r?\n/)
    .filter((line) => line.trim() !== "")
    .map((line) => JSON.parse(line) as PeerCase)
    .filter((c) => wanted.has(c.rule));
}

/** Runs `rules` on a peer case's Dockerfile; a rule that throws fails the test instead of being logged. */
export function peerFindings(dockerfile: string, rules: readonly Rule[]): Finding[] {
  return runRules(parseDockerfile(dockerfile), {
    rules,
    onRuleError: (id, e) => {
      throw new Error(`${id} threw: ${String(e)}`);
    },
  });
}
