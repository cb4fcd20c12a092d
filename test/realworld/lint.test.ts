// Precision on real projects (issue #11): the findings Stagecraft reports on the real Dockerfiles of
// ../shared/corpus/projects/lint, judged by the independent reviewer's labels in ./lint/.

import * as assert from "node:assert/strict";
import { precision, tally } from "./support/lint-eval";
import { evaluateAll } from "./support/lint-eval";
import { projectsAvailable } from "./support/cases";

/** The floor the suite holds: the bar is 0.95. */
const MIN_PRECISION = 0.95;

describe("real projects: lint findings against the reviewer's labels", function () {
  this.timeout(180_000);
  const available = projectsAvailable();
  let comparisons: ReturnType<typeof evaluateAll> = [];

  before(function () {
    if (!available) this.skip();
    comparisons = evaluateAll();
  });

  it("every case has labels", () => {
    const unlabelled = comparisons.filter((c) => !c.labelled).map((c) => c.name);
    assert.deepEqual(unlabelled, []);
  });

  it(`keeps overall precision at or above ${MIN_PRECISION * 100} %`, () => {
    const total = { right: 0, wrong: 0 };
    for (const t of tally(comparisons).values()) {
      total.right += t.right;
      total.wrong += t.wrong;
    }
    const wrong = comparisons.flatMap((c) => c.judged.filter((f) => f.verdict === "wrong").map((f) => `${c.name}:${f.line} ${f.rule}`));
    assert.ok(
      precision(total) >= MIN_PRECISION,
      `precision ${(precision(total) * 100).toFixed(1)} % (${total.right} right, ${total.wrong} wrong):\n${wrong.join("\n")}`,
    );
  });

  it("still reports every finding labelled right", () => {
    const lost = comparisons.flatMap((c) => c.lostRight.map((l) => `${c.name}:${l.line} ${l.rule}`));
    assert.deepEqual(lost, []);
  });
});
