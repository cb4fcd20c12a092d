// The peer linters' test cases for the Stages family, run against the equivalent Stagecraft rules:
// hadolint DL3024, DL3063 and BuildKit StageNameCasing, DuplicateStageName, ReservedStageName,
// FromAsCasing. A case that fires must get at least one report of the mapped rule (on the lines
// BuildKit lists, where it lists them); a silent case none.

import * as assert from "assert";
import { rule as fromAsCasing } from "../../../server/src/rules/from-as-casing";
import { rule as stageNameCasing } from "../../../server/src/rules/stage-name-casing";
import { rule as stageNameDuplicate } from "../../../server/src/rules/stage-name-duplicate";
import { rule as stageNameReserved } from "../../../server/src/rules/stage-name-reserved";
import type { Rule } from "../../../server/src/rules/types";
import { loadPeerCases, peerFindings } from "../../support/peer-cases";

const MAPPED: Record<string, Record<string, Rule>> = {
  "hadolint.jsonl": { DL3024: stageNameDuplicate, DL3063: stageNameReserved },
  "buildkit.jsonl": {
    StageNameCasing: stageNameCasing,
    DuplicateStageName: stageNameDuplicate,
    ReservedStageName: stageNameReserved,
    FromAsCasing: fromAsCasing,
  },
};

/** Cases left out as out of scope, keyed `<code>:<src_line>` with the reason; none at present. */
const EXCLUDED: Record<string, string> = {};

for (const [file, mapped] of Object.entries(MAPPED)) {
  describe(`peer cases: ${file} ${Object.keys(mapped).join(", ")}`, function () {
    const loaded = loadPeerCases(file, Object.keys(mapped));
    before(function () {
      if (!loaded) this.skip();
    });
    const cases = loaded ?? [];

    it("has cases for every mapped code", function () {
      for (const code of Object.keys(mapped)) assert.ok(cases.some((c) => c.rule === code), `no peer case for ${code}`);
    });

    for (const c of cases) {
      const title = `${c.rule} ${c.expect}: ${c.test ?? ""}:${c.src_line ?? ""} (${JSON.stringify(c.dockerfile).slice(0, 60)})`;
      const excluded = EXCLUDED[`${c.rule}:${c.src_line}`];
      if (excluded) {
        it.skip(`${title} — ${excluded}`);
        continue;
      }
      it(title, () => {
        const rule = mapped[c.rule];
        const findings = peerFindings(c.dockerfile, [rule]);
        const got = findings.map((f) => `${f.range.start.line + 1}: ${f.message}`);
        if (c.expect === "silent") {
          assert.deepStrictEqual(got, []);
          return;
        }
        assert.ok(got.length > 0, "expected a report");
        const lines = (c.all_expected ?? []).filter((e) => e.rule === c.rule).map((e) => e.line);
        if (lines.length > 0) assert.deepStrictEqual(findings.map((f) => f.range.start.line + 1), lines, "reported lines");
      });
    }
  });
}
