// Peer agreement for the base-image rules with hadolint equivalents: DL3006 (base-image-untagged),
// DL3007 (base-image-latest) and DL3002 (final-stage-root). The cases come from hadolint's own
// specs, collected in ../shared/corpus/peer-cases/hadolint.jsonl; skipped when that folder is absent.

import * as assert from "assert";
import { rule as baseImageLatest } from "../../../server/src/rules/base-image-latest";
import { rule as baseImageUntagged } from "../../../server/src/rules/base-image-untagged";
import { rule as finalStageRoot } from "../../../server/src/rules/final-stage-root";
import type { Rule } from "../../../server/src/rules/types";
import { loadPeerCases } from "../../support/peer-cases";
import { findingsOf } from "../../support/rule-tester";

/** hadolint code -> our rule, and the messageIds that mean the same thing as the hadolint check. */
const EQUIVALENTS: Record<string, { rule: Rule; messageIds: string[] }> = {
  DL3006: { rule: baseImageUntagged, messageIds: ["untagged"] },
  DL3007: { rule: baseImageLatest, messageIds: ["latest", "latestFromArg"] },
  // `noUser` (a final stage with no USER at all) goes beyond DL3002, which stays silent there.
  DL3002: { rule: finalStageRoot, messageIds: ["lastUserRoot"] },
};

/**
 * Deliberate differences, by hadolint test name. DL3002 reports every stage whose last USER is
 * root; final-stage-root judges only the final image (and the stages it builds on), because a
 * builder stage running as root never runs in production.
 */
const OUT_OF_SCOPE: Record<string, string> = {
  "DL3002 warns on multiple stages": "root only in a builder stage; the final stage runs as 'foo'",
};

describe("peer agreement: base images (hadolint DL3006, DL3007, DL3002)", function () {
  const cases = loadPeerCases("hadolint.jsonl", Object.keys(EQUIVALENTS));
  if (!cases) {
    it.skip("peer cases not found at ../shared/corpus/peer-cases");
    return;
  }

  it("has peer cases for every equivalent code", () => {
    for (const code of Object.keys(EQUIVALENTS)) assert.ok(cases.some((c) => c.rule === code), code);
  });

  for (const c of cases) {
    const title = `${c.rule} ${c.test}`;
    const reason = OUT_OF_SCOPE[title];
    const label = `${title} (line ${c.src_line}): ${c.expect}`;
    if (reason) {
      it.skip(`${label} — out of scope: ${reason}`);
      continue;
    }
    it(label, () => {
      const { rule, messageIds } = EQUIVALENTS[c.rule];
      const findings = findingsOf(rule, c.dockerfile).filter((f) => messageIds.includes(f.messageId));
      assert.strictEqual(findings.length > 0 ? "fires" : "silent", c.expect, c.dockerfile);
    });
  }
});
