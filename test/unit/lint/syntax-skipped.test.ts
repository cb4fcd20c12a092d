// The notice that a file's syntax checks were skipped: set by the engine when the validator gave no
// answer (over budget, or it threw), absent when it answered, worded within the message rules.

import * as assert from "assert";
import { analyze, syntaxSkippedNotice } from "../../../server/src/engine";

const TEXT = "FROM node\nMAINTAINER someone\n";

/** The first sentence of a message: up to the first full stop followed by a space. */
const firstSentence = (message: string) => message.split(/(?<=\.) /)[0];

describe("lint: skipped syntax checks", () => {
  it("are reported with the reason when the validator was abandoned for time, the findings kept", () => {
    const analysis = analyze(TEXT, { validated: { ok: false, reason: "validation exceeded its 2000 ms budget", ms: 2001, overBudget: true } });
    assert.deepStrictEqual(analysis.syntaxSkipped, { reason: "validation exceeded its 2000 ms budget", overBudget: true });
    assert.deepStrictEqual(analysis.syntax, []);
    assert.ok(analysis.findings.some((f) => f.ruleId === "instruction-maintainer-deprecated"));
  });

  it("are reported as a failure when the validator threw", () => {
    const analysis = analyze(TEXT, { validated: { ok: false, reason: "TypeError: boom", ms: 3 } });
    assert.deepStrictEqual(analysis.syntaxSkipped, { reason: "TypeError: boom", overBudget: false });
  });

  it("are not reported when the validator answered, or when syntax checks are off", () => {
    assert.strictEqual(analyze(TEXT, { validated: { ok: true, value: [], ms: 1 } }).syntaxSkipped, undefined);
    assert.strictEqual(analyze(TEXT).syntaxSkipped, undefined);
    assert.strictEqual(analyze(TEXT, { syntax: false, validated: { ok: false, reason: "x", ms: 0 } }).syntaxSkipped, undefined);
  });

  it("are told in a first sentence of at most 100 characters that says why and that our findings stand", () => {
    for (const overBudget of [true, false]) {
      const notice = syntaxSkippedNotice({ reason: "r", overBudget });
      const sentence = firstSentence(notice.message);
      assert.ok(sentence.length <= 100, `${sentence.length}: ${sentence}`);
      assert.match(sentence, overBudget ? /took too long/ : /failed/);
      assert.match(sentence, /Stagecraft's own findings are shown\.$/);
      assert.strictEqual(notice.code, "syntax-checks-skipped");
      assert.strictEqual(notice.severity, "info");
      assert.match(notice.docsUrl, /\/docs\/time-budgets\.md$/);
    }
  });
});
