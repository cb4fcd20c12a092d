// The peer linters' own test cases (../shared/corpus/peer-cases/*.jsonl: hadolint and BuildKit),
// loaded for the peer-agreement suites, and a strict way to run our equivalent rules on them.

import * as assert from "assert";
import { existsSync, readFileSync } from "fs";
import { join } from "path";
import { analyze, Finding } from "../../server/src/engine";
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
  return analyze(dockerfile, {
    rules,
    syntax: false,
    onRuleError: (id, e) => {
      throw new Error(`${id} threw: ${String(e)}`);
    },
  }).findings;
}

/** Our answer to one peer code: the rules that cover it, and (optionally) the messageIds that mean the same. */
export interface PeerEquivalent {
  readonly rules: readonly Rule[];
  /** When set, only findings with these messageIds count as agreeing (other messages go beyond the peer). */
  readonly messageIds?: readonly string[];
}

/** The peers whose test cases the corpus holds, each with its cases file. */
export const PEER_FILES = { hadolint: "hadolint.jsonl", buildkit: "buildkit.jsonl" } as const;
export type Peer = keyof typeof PEER_FILES;

/**
 * Peer code -> the rules whose `meta.equivalents[peer]` list it, narrowed to `messageIds[code]`
 * where given: the rules' own meta is the one list of what answers what.
 */
export function peerEquivalents(rules: readonly Rule[], peer: Peer, messageIds: Record<string, readonly string[]> = {}): Record<string, PeerEquivalent> {
  const byCode: Record<string, Rule[]> = {};
  for (const rule of rules) for (const code of rule.meta.equivalents[peer] ?? []) (byCode[code] ??= []).push(rule);
  return Object.fromEntries(Object.entries(byCode).map(([code, covering]) => [code, { rules: covering, messageIds: messageIds[code] }]));
}

/**
 * A suite running every case of `file` for the mapped codes: a case that fires must get at least
 * one counted report (on the lines BuildKit lists, where it lists them), a silent case none.
 * `outOfScope` holds deliberate differences keyed `<code>:<src_line>`, each with its reason. A
 * code the corpus has no case for is listed as a pending test, so the gap shows in the run.
 */
export function describePeerAgreement(file: string, equivalents: Record<string, PeerEquivalent>, outOfScope: Record<string, string> = {}): void {
  const codes = Object.keys(equivalents).sort();
  describe(`peer agreement: ${file}`, function () {
    const cases = loadPeerCases(file, codes);
    if (!cases) {
      it.skip(`peer cases not found at ${join(PEER_CASES_DIR, file)}`);
      return;
    }

    for (const code of codes.filter((code) => !cases.some((c) => c.rule === code)))
      it.skip(`${code} (${equivalents[code].rules.map((r) => r.meta.id).join(", ")}): the corpus holds no peer case for it`);

    for (const c of cases) {
      const label = `${c.rule} ${c.expect}: ${c.test ?? ""} (line ${c.src_line ?? "?"}) ${JSON.stringify(c.dockerfile).slice(0, 60)}`;
      const reason = outOfScope[`${c.rule}:${c.src_line}`];
      if (reason) {
        it.skip(`${label} — out of scope: ${reason}`);
        continue;
      }
      it(label, () => {
        const { rules, messageIds } = equivalents[c.rule];
        const findings = peerFindings(c.dockerfile, rules).filter((f) => !messageIds || messageIds.includes(f.messageId));
        const got = findings.map((f) => `${f.ruleId}@${f.range.start.line + 1}: ${f.message}`);
        if (c.expect === "silent") {
          assert.deepStrictEqual(got, []);
          return;
        }
        assert.ok(got.length > 0, "expected a report");
        const lines = (c.all_expected ?? []).filter((e) => e.rule === c.rule).map((e) => e.line);
        if (lines.length > 0)
          assert.deepStrictEqual(
            findings.map((f) => f.range.start.line + 1),
            lines,
            "reported lines",
          );
      });
    }
  });
}
