// Files with thousands of stages: the lookup tables and the indexed name matching that keep them
// linear must give the same answers as the plain scans, and deep stage chains must not overflow
// the stack. Speed itself is measured by `npm run bench`, not here.

import * as assert from "assert";
import { analyze } from "../../../server/src/engine";
import { parseDockerfile } from "../../../server/src/model/parse";
import { findCycles, findStageByName } from "../../../server/src/model/stage-graph";
import { closestStageName, StageNameMatcher } from "../../../server/src/model/stage-references";
import { manyStagesDockerfile } from "../../support/many-stages";

describe("model: files with thousands of stages", () => {
  it("analyses a 2,000-stage file without a rule failing, with the findings its shapes call for", () => {
    const failures: string[] = [];
    const { model, findings } = analyze(manyStagesDockerfile(2000), { onRuleError: (id, e) => failures.push(`${id}: ${String(e)}`) });
    assert.deepStrictEqual(failures, []);
    assert.strictEqual(model.stages.length, 2001);
    const typos = findings.filter((f) => f.ruleId === "copy-from-undefined");
    // One mistyped reference every 101 stages, each a transposition of an existing name.
    assert.strictEqual(typos.length, 19);
    assert.deepStrictEqual(typos[typos.length - 1].data, { name: "bulid-1913", suggestion: "build-1913" });
    assert.ok(findings.some((f) => f.ruleId === "copy-from-cycle"), "the forward mounts close cycles");
    assert.ok(findings.some((f) => f.ruleId === "copy-from-root" && f.messageId === "relativeRoot"));
  });

  it("finds a cycle through a 20,000-stage chain without overflowing the stack", () => {
    const lines = ["FROM alpine:3.20 AS s0", "COPY --from=s19999 /z /z"];
    for (let i = 1; i < 20000; i++) lines.push(`FROM alpine:3.20 AS s${i}`, `COPY --from=s${i - 1} /a /a`);
    const cycles = findCycles(parseDockerfile(lines.join("\n")));
    assert.strictEqual(cycles.length, 1);
    assert.strictEqual(cycles[0].length, 20000);
    assert.deepStrictEqual([cycles[0][0].name, cycles[0][1].name, cycles[0][19999].name], ["s0", "s19999", "s1"]);
  });

  it("looks stages up by name like a scan: case-insensitive, first of a name, only before the limit", () => {
    const model = parseDockerfile("FROM a AS Build\nFROM b AS other\nFROM c AS build\n");
    assert.strictEqual(findStageByName(model, "BUILD")?.index, 0);
    assert.strictEqual(findStageByName(model, "build", 0), null);
    assert.strictEqual(findStageByName(model, "other", 2)?.index, 1);
    assert.strictEqual(findStageByName(model, "missing"), null);
  });

  it("suggests the same names through the deletion index as through a scan", () => {
    const stages = parseDockerfile(manyStagesDockerfile(600)).stages;
    const matcher = new StageNameMatcher(stages);
    const queries = ["bulid-17", "build-1x", "buidl-599", "BUILD-42", "biuld-3", "final", "fnial", "uild-500", "build-5999", "b", "build", "-17", "xyz"];
    // Enough lookups that the matcher switches from scanning to its index.
    for (let round = 0; round < 3; round++) {
      for (const query of queries) {
        const excluded = stages[17];
        const expected = closestStageName(stages.filter((s) => s !== excluded), query);
        assert.strictEqual(matcher.closest(query, (s) => s !== excluded), expected, `${query} (round ${round})`);
      }
    }
  });
});
