// The hadolint peer cases for the layer-order rules, run against the equivalent Stagecraft rule:
// DL3059 (multiple consecutive RUN instructions) -> layer-consecutive-run. A case that fires must
// get at least one report, a silent case none. layer-source-before-deps, layer-packages-after-source
// and layer-apt-update-alone have no peer equivalent.

import * as assert from "assert";
import { rule as layerConsecutiveRun } from "../../../server/src/rules/layer-consecutive-run";
import type { Rule } from "../../../server/src/rules/types";
import { loadPeerCases, peerFindings } from "../../support/peer-cases";

const MAPPED: Record<string, Rule> = { DL3059: layerConsecutiveRun };

/** Cases left out as out of scope, keyed `<code>:<src_line>` with the reason; none at present. */
const EXCLUDED: Record<string, string> = {};

describe("peer cases: hadolint DL3059", function () {
  const cases = loadPeerCases("hadolint.jsonl", Object.keys(MAPPED));
  if (!cases) {
    it("skipped: ../shared/corpus/peer-cases/hadolint.jsonl is absent");
    return;
  }

  it("has cases for every mapped code", () => {
    for (const code of Object.keys(MAPPED)) assert.ok(cases.some((c) => c.rule === code), `no peer case for ${code}`);
  });

  for (const c of cases) {
    const title = `${c.rule} ${c.expect}: ${c.test ?? ""}:${c.src_line ?? ""} (${JSON.stringify(c.dockerfile).slice(0, 70)})`;
    const excluded = EXCLUDED[`${c.rule}:${c.src_line}`];
    if (excluded) {
      it.skip(`${title} — ${excluded}`);
      continue;
    }
    it(title, () => {
      const findings = peerFindings(c.dockerfile, [MAPPED[c.rule]]);
      const got = findings.map((f) => `${f.range.start.line + 1}: ${f.message}`);
      if (c.expect === "silent") assert.deepStrictEqual(got, []);
      else assert.ok(got.length > 0, "expected a report");
    });
  }
});
