// Fix-all under a time budget (issue #15: a code-action answer over 2 s on a large file): once the
// deadline passes no further fix is checked, and what was accepted before it is still returned.

import * as assert from "assert";
import { analyze } from "../../../server/src/engine";
import { UNKNOWN_CONTEXT } from "../../../server/src/model/context";
import { chooseSafeFixes as compatibleSafeFixes, countErrors, engineErrorCheck, findingErrorKeys } from "../../../server/src/lint/fix-all";

const TEXT = "FROM ubuntu\nRUN apk add curl\nRUN pip install flask\nRUN apk add git\n";

describe("lint/fix-all budget", () => {
  const { findings } = analyze(TEXT);
  const options = {
    canCreateFiles: true,
    baseline: countErrors(findingErrorKeys(findings)),
    errorsOf: engineErrorCheck({ context: UNKNOWN_CONTEXT, syntax: false }),
  };

  it("checks every fix without a deadline", () => {
    assert.ok(compatibleSafeFixes(TEXT, findings, options).length >= 3);
  });

  it("stops checking at the deadline and keeps what it accepted", () => {
    let clock = 0;
    // Each reading of the clock advances it: the deadline passes after two fixes are checked.
    const fixes = compatibleSafeFixes(TEXT, findings, { ...options, deadline: 1, now: () => clock++ });
    assert.strictEqual(fixes.length, 2);
    assert.deepStrictEqual(compatibleSafeFixes(TEXT, findings, { ...options, deadline: -1, now: () => 0 }), []);
  });
});
