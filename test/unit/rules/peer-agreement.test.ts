// The peer linters' own test cases (../shared/corpus/peer-cases: hadolint's specs, BuildKit's lint
// integration tests) run against the Stagecraft rules that claim each code in `meta.equivalents`.
// Nothing here lists rules or codes: a new rule with an equivalent is tested by adding it to its
// meta. The deliberate differences live in test/support/peer-deviations.ts, checked below.

import * as assert from "assert";
import { allRules } from "../../../server/src/rules/index";
import { describePeerAgreement, loadPeerCases, Peer, PEER_FILES, peerEquivalents } from "../../support/peer-cases";
import { PEER_MESSAGE_IDS, PEER_OUT_OF_SCOPE } from "../../support/peer-deviations";

const PEERS = Object.keys(PEER_FILES) as Peer[];

for (const peer of PEERS) describePeerAgreement(PEER_FILES[peer], peerEquivalents(allRules, peer, PEER_MESSAGE_IDS), PEER_OUT_OF_SCOPE);

describe("peer deviations name codes, messages and cases that exist", () => {
  const equivalents = Object.assign({}, ...PEERS.map((peer) => peerEquivalents(allRules, peer)));

  for (const [code, messageIds] of Object.entries(PEER_MESSAGE_IDS))
    it(`${code}: its messageIds belong to the rules that list it`, () => {
      assert.ok(equivalents[code], `no rule lists ${code} in meta.equivalents`);
      const known = equivalents[code].rules.flatMap((r: (typeof allRules)[number]) => Object.keys(r.meta.messages));
      for (const id of messageIds) assert.ok(known.includes(id), `'${id}' is no message of ${code}'s rules`);
    });

  for (const key of Object.keys(PEER_OUT_OF_SCOPE))
    it(`${key}: an out-of-scope case the corpus holds, for a code a rule lists`, function () {
      const [code, line] = key.split(":");
      assert.ok(equivalents[code], `no rule lists ${code} in meta.equivalents`);
      const peer = PEERS.find((p) => allRules.some((r) => (r.meta.equivalents[p] ?? []).includes(code)));
      const cases = loadPeerCases(PEER_FILES[peer!], [code]);
      if (!cases) this.skip();
      assert.ok(
        cases.some((c) => String(c.src_line) === line),
        `${PEER_FILES[peer!]} has no ${code} case at line ${line}`,
      );
    });
});
