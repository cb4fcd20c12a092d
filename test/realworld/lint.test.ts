// Precision on real projects (issue #11): the findings Stagecraft reports on the real Dockerfiles of
// ../shared/corpus/projects/lint, judged by the independent reviewer's labels in ./lint/.

import * as assert from "node:assert/strict";
import { precision, tally } from "./support/lint-eval";
import { evaluateAll } from "./support/lint-eval";
import { projectsAvailable } from "./support/cases";
import { ACCEPTED_LOSSES } from "./support/accepted-losses";

/**
 * Issue #11: the no-USER case of final-stage-root became final-stage-no-user, off unless turned on
 * (its docs page gives the held-out figures: right in 6 of 10 judged, debatable as often). Its
 * findings labelled right are lost by default on purpose; each must still be reported once the
 * rule is turned on, and their number is pinned so that no other final-stage-root loss hides here.
 */
const OPT_IN_NO_USER = "final-stage-no-user";
const MOVED_TO_OPT_IN = 33;

/**
 * The floor the suite holds: what the rules reach today (99.8 % on the labelled findings: 424 right,
 * 1 wrong). The bar is 0.95; raise this as precision rises, never lower it.
 */
const MIN_PRECISION = 0.99;

describe("real projects: lint findings against the reviewer's labels", function () {
  this.timeout(180_000);
  const available = projectsAvailable();
  let comparisons: ReturnType<typeof evaluateAll> = [];
  /** `case:line` of the no-USER findings final-stage-no-user reports once turned on. */
  let optInNoUser = new Set<string>();

  before(function () {
    if (!available) this.skip();
    comparisons = evaluateAll();
    optInNoUser = new Set(
      evaluateAll(undefined, undefined, { [OPT_IN_NO_USER]: "info" }).flatMap((c) =>
        c.judged.filter((f) => f.rule === OPT_IN_NO_USER).map((f) => `${c.name}:${f.line}`),
      ),
    );
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

  it("still reports every finding labelled right, but for the losses given up on purpose", () => {
    const lost = comparisons.flatMap((c) => c.lostRight.map((l) => `${c.name}:${l.line} ${l.rule}`));
    const moved = comparisons.flatMap((c) =>
      c.lostRight.filter((l) => l.rule === "final-stage-root" && optInNoUser.has(`${c.name}:${l.line}`)).map((l) => `${c.name}:${l.line} ${l.rule}`),
    );
    assert.deepEqual(
      lost.filter((l) => ACCEPTED_LOSSES[l] === undefined && !moved.includes(l)),
      [],
    );
    // The class given up on purpose stays the size it was when it was given up.
    assert.equal(moved.length, MOVED_TO_OPT_IN, "no-USER findings labelled right, now reported only by the opt-in rule");
    assert.deepEqual(
      Object.keys(ACCEPTED_LOSSES).filter((l) => !lost.includes(l)),
      [],
      "reported again: remove them from ACCEPTED_LOSSES",
    );
  });
});
