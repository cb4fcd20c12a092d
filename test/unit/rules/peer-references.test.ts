// The hadolint peer cases for the References family (DL3022, DL3023, DL3067), run against the
// equivalent Stagecraft rules. DL3022 ("COPY --from should reference a previously defined FROM
// alias") is split here into copy-from-undefined, copy-from-later-stage and copy-from-index-invalid,
// so a DL3022 case fires when any of them does.

import * as assert from "assert";
import { rule as copyFromIndexInvalid } from "../../../server/src/rules/copy-from-index-invalid";
import { rule as copyFromLaterStage } from "../../../server/src/rules/copy-from-later-stage";
import { rule as copyFromRoot } from "../../../server/src/rules/copy-from-root";
import { rule as copyFromSelf } from "../../../server/src/rules/copy-from-self";
import { rule as copyFromUndefined } from "../../../server/src/rules/copy-from-undefined";
import type { Rule } from "../../../server/src/rules/types";
import { loadPeerCases, peerFindings } from "../../support/peer-cases";

const MAPPED: Record<string, Rule[]> = {
  DL3022: [copyFromUndefined, copyFromLaterStage, copyFromIndexInvalid],
  DL3023: [copyFromSelf],
  DL3067: [copyFromRoot],
};

/** Cases left out as out of scope, keyed `<code>:<src_line>` with the reason; none at present. */
const EXCLUDED: Record<string, string> = {};

describe("peer cases: hadolint DL3022, DL3023, DL3067", function () {
  const cases = loadPeerCases("hadolint.jsonl", Object.keys(MAPPED));
  if (!cases) {
    it("skipped: ../shared/corpus/peer-cases/hadolint.jsonl is absent");
    return;
  }

  it("has cases for every mapped code", () => {
    for (const code of Object.keys(MAPPED)) assert.ok(cases.some((c) => c.rule === code), `no peer case for ${code}`);
  });

  for (const c of cases) {
    const title = `${c.rule} ${c.expect}: ${c.test ?? ""} (${JSON.stringify(c.dockerfile).slice(0, 70)})`;
    const excluded = EXCLUDED[`${c.rule}:${c.src_line}`];
    if (excluded) {
      it.skip(`${title} — ${excluded}`);
      continue;
    }
    it(title, () => {
      const findings = peerFindings(c.dockerfile, MAPPED[c.rule]);
      const got = findings.map((f) => `${f.ruleId}@${f.range.start.line + 1}: ${f.message}`);
      if (c.expect === "fires") assert.ok(got.length > 0, "expected a report");
      else assert.deepStrictEqual(got, []);
    });
  }
});
