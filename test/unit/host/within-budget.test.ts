// The Node host's in-thread budget (host/within-budget.ts): a job's value comes back; a job that
// runs past its budget, an endless loop or a backtracking regular expression, is stopped there;
// a job that throws gives its error as the reason; and the runner works again after a stop.

import * as assert from "assert";
import { runWithinBudget } from "../../../server/src/host/within-budget";

describe("host: run within budget", function () {
  this.timeout(10000);

  it("answers the job's value", () => {
    const run = runWithinBudget(() => [1, 2, 3].map((n) => n * 2), 1000);
    assert.ok(run.ok);
    assert.deepStrictEqual(run.value, [2, 4, 6]);
  });

  it("stops an endless loop at its budget and says so", () => {
    const started = Date.now();
    const run = runWithinBudget(() => {
      for (;;) {
        // Never returns: only the budget ends it.
      }
    }, 100);
    const elapsed = Date.now() - started;
    assert.deepStrictEqual(run.ok ? null : { reason: run.reason, overBudget: run.overBudget }, {
      reason: "exceeded its 100 ms budget on the server thread",
      overBudget: true,
    });
    // Date.now() counts whole milliseconds on another clock than V8's watchdog: 99 is on time.
    assert.ok(elapsed >= 95 && elapsed < 2000, `stopped after ${elapsed} ms`);
  });

  it("stops a regular expression that backtracks for ever (dockerfile-utils' old stage-name check)", () => {
    // eslint-disable-next-line regexp/no-super-linear-backtracking -- the exponential expression is what the budget must stop
    const run = runWithinBudget(() => /^[a-z]([a-z0-9_\-.]*)*$/.test("build_stage_for_the_frontend_application_abc!"), 100);
    assert.strictEqual(run.ok, false);
    assert.strictEqual(!run.ok && run.overBudget, true);
  });

  it("gives a job's error as the reason, not as over budget", () => {
    const run = runWithinBudget(() => {
      throw new TypeError("bad input");
    }, 1000);
    assert.deepStrictEqual(run.ok ? null : { reason: run.reason, overBudget: run.overBudget }, { reason: "TypeError: bad input", overBudget: false });
  });

  it("runs the next job normally after stopping one", () => {
    runWithinBudget(() => {
      for (;;) {
        // Stopped by the budget.
      }
    }, 50);
    const run = runWithinBudget(() => "next", 1000);
    assert.ok(run.ok);
    assert.strictEqual(run.value, "next");
  });
});
