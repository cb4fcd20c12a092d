// Fix-all checks the fixes together once (issue #16: 400 fixes cost 400 analyses, 5.6 s); only when
// the combination breaks something is each fix checked on its own, under a time budget (issue #15:
// a code-action answer over 2 s on a large file): once the deadline passes no further fix is
// checked, and what was accepted before it is still returned.

import * as assert from "assert";
import { analyze } from "../../../server/src/engine";
import { UNKNOWN_CONTEXT } from "../../../server/src/model/context";
import { chooseSafeFixes as compatibleSafeFixes, countErrors, engineErrorCheck, ErrorCheck, findingErrorKeys } from "../../../server/src/lint/fix-all";

const TEXT = "FROM ubuntu\nRUN apk add curl\nRUN pip install flask\nRUN apk add git\n";

describe("lint/fix-all budget", () => {
  const { findings } = analyze(TEXT);
  const engineCheck = engineErrorCheck({ context: UNKNOWN_CONTEXT, syntax: false });
  const options = {
    canCreateFiles: true,
    baseline: countErrors(findingErrorKeys(findings)),
    errorsOf: engineCheck,
  };
  /** The engine's check, counting its calls; `breaks` marks texts as having a new error. */
  const counting = (breaks: (text: string) => boolean = () => false) => {
    const check: { calls: number; errorsOf: ErrorCheck } = {
      calls: 0,
      errorsOf: (text) => {
        check.calls++;
        return breaks(text) ? new Map([["new error", 1]]) : engineCheck(text);
      },
    };
    return check;
  };
  const safeFixCount = findings.reduce((n, f) => n + f.fixes.length, 0);

  it("checks the fixes together with one analysis when they break nothing", () => {
    assert.ok(safeFixCount >= 3, `the sample needs several safe fixes, has ${safeFixCount}`);
    const check = counting();
    assert.strictEqual(compatibleSafeFixes(TEXT, findings, { ...options, errorsOf: check.errorsOf }).length, safeFixCount);
    assert.strictEqual(check.calls, 1);
  });

  /** Only the first fix (`apk add --no-cache` on line 2) makes this text: with it, the text "breaks". */
  const carriesFirstFix = (text: string) => (text.split("\n")[1] ?? "").startsWith("RUN apk add --no-cache");

  it("checks each fix on its own when the fixes together break something, and skips the culprit", () => {
    const [first] = findings.flatMap((f) => f.fixes);
    const check = counting(carriesFirstFix);
    const fixes = compatibleSafeFixes(TEXT, findings, { ...options, errorsOf: check.errorsOf });
    assert.strictEqual(fixes.length, safeFixCount - 1);
    assert.ok(!fixes.includes(first));
    assert.strictEqual(check.calls, 1 + safeFixCount);
  });

  it("stops checking one by one at the deadline and keeps what it accepted", () => {
    let clock = 0;
    // Each reading of the clock advances it: the combined check, then three fixes one by one (the
    // first rejected), then the deadline.
    const fixes = compatibleSafeFixes(TEXT, findings, { ...options, errorsOf: counting(carriesFirstFix).errorsOf, deadline: 3, now: () => clock++ });
    assert.strictEqual(fixes.length, 2);
    assert.deepStrictEqual(compatibleSafeFixes(TEXT, findings, { ...options, deadline: -1, now: () => 0 }), []);
  });
});
