// Files with thousands of stages: the lookup tables and the indexed name matching that keep them
// linear must give the same answers as the plain scans, and deep stage chains must not overflow
// the stack. Speed itself is measured by `npm run bench`, not here.

import * as assert from "assert";
import { analyze } from "../../../server/src/engine";
import { parseDockerfile } from "../../../server/src/model/parse";
import { findCycles, findStageByName } from "../../../server/src/model/stage-graph";
import { boundedEditDistance, StageNameMatcher } from "../../../server/src/model/stage-references";
import type { Stage } from "../../../server/src/model/types";
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
    assert.ok(
      findings.some((f) => f.ruleId === "copy-from-cycle"),
      "the forward mounts close cycles",
    );
    assert.ok(findings.some((f) => f.ruleId === "copy-from-root" && f.messageId === "relativeRoot"));
  });

  it("finds a cycle through an 8,000-stage chain without overflowing the stack", () => {
    const lines = ["FROM alpine:3.20 AS s0", "COPY --from=s7999 /z /z"];
    for (let i = 1; i < 8000; i++) lines.push(`FROM alpine:3.20 AS s${i}`, `COPY --from=s${i - 1} /a /a`);
    const cycles = findCycles(parseDockerfile(lines.join("\n")));
    assert.strictEqual(cycles.length, 1);
    assert.strictEqual(cycles[0].length, 8000);
    assert.deepStrictEqual([cycles[0][0].name, cycles[0][1].name, cycles[0][7999].name], ["s0", "s7999", "s1"]);
  });

  it("bounds the edit distance exactly", () => {
    const words = ["", "a", "ab", "ba", "abc", "acb", "build", "bulid", "builder", "buidler", "b-1", "1-b", "stage-12", "stage-21"];
    for (const a of words)
      for (const b of words)
        for (const limit of [0, 1, 2, 3]) assert.strictEqual(boundedEditDistance(a, b, limit), Math.min(plainDistance(a, b), limit + 1), `${a}/${b}/${limit}`);
  });

  it("looks stages up by name like a scan: case-insensitive, first of a name, only before the limit", () => {
    const model = parseDockerfile("FROM a AS Build\nFROM b AS other\nFROM c AS build\n");
    assert.strictEqual(findStageByName(model, "BUILD")?.index, 0);
    assert.strictEqual(findStageByName(model, "build", 0), null);
    assert.strictEqual(findStageByName(model, "other", 2)?.index, 1);
    assert.strictEqual(findStageByName(model, "missing"), null);
  });

  it("suggests the same names as a plain scan with a full edit distance", () => {
    const stages = parseDockerfile(manyStagesDockerfile(600)).stages;
    const matcher = new StageNameMatcher(stages);
    const queries = [
      "bulid-17",
      "build-1x",
      "buidl-599",
      "BUILD-42",
      "biuld-3",
      "final",
      "fnial",
      "uild-500",
      "build-5999",
      "b",
      "build",
      "-17",
      "xyz",
      "18",
      "bulid-1",
    ];
    for (const query of queries) {
      const excluded = stages[17];
      assert.strictEqual(
        matcher.closest(query, (s) => s !== excluded),
        plainClosest(
          stages.filter((s) => s !== excluded),
          query,
        ),
        query,
      );
    }
  });
});

/** The matching rule written as directly as possible: every stage, a full distance table each. */
function plainClosest(stages: readonly Stage[], name: string): Stage | null {
  const wanted = name.toLowerCase();
  const limit = wanted.length <= 4 ? 1 : 2;
  const named = stages.filter((s) => s.name !== null && !s.name.includes("$"));
  const scored = named
    .map((s) => ({ s, d: plainDistance(wanted, (s.name as string).toLowerCase()) }))
    .filter(({ s, d }) => d > 0 && d <= limit && d < (s.name as string).length);
  if (scored.length > 0) {
    const best = Math.min(...scored.map((x) => x.d));
    const atBest = scored.filter((x) => x.d === best);
    return new Set(atBest.map((x) => (x.s.name as string).toLowerCase())).size === 1 ? atBest[0].s : null;
  }
  const byPart = named.filter((s) => (s.name as string).toLowerCase().split(/[-_.]/).includes(wanted));
  return new Set(byPart.map((s) => (s.name as string).toLowerCase())).size === 1 ? byPart[0] : null;
}

function plainDistance(a: string, b: string): number {
  const d = Array.from({ length: a.length + 1 }, (_, i) => Array.from({ length: b.length + 1 }, (_, j) => (i === 0 ? j : j === 0 ? i : 0)));
  for (let i = 1; i <= a.length; i++) {
    for (let j = 1; j <= b.length; j++) {
      d[i][j] = Math.min(d[i - 1][j] + 1, d[i][j - 1] + 1, d[i - 1][j - 1] + (a[i - 1] === b[j - 1] ? 0 : 1));
      if (i > 1 && j > 1 && a[i - 1] === b[j - 2] && a[i - 2] === b[j - 1]) d[i][j] = Math.min(d[i][j], d[i - 2][j - 2] + 1);
    }
  }
  return d[a.length][b.length];
}
