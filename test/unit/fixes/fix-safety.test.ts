// Fix safety over every rule fixture: each safe fix alone and fix-all keep the file parseable,
// change nothing outside their edits, remove their finding and bring no new error. Test rules with
// deliberately broken fixes prove the check catches each kind of violation.

import * as assert from "assert";
import { checkFixSafety, FixSafetyOptions, FixSafetyProblem } from "../../support/fix-safety";
import { rule as stageNameDuplicate } from "../../../server/src/rules/stage-name-duplicate";
import type { Fix, Rule } from "../../../server/src/rules/types";
import type { DockerfileModel, Instruction } from "../../../server/src/model/types";
import { allRuleFixtures } from "../../support/rule-fixtures";

describe("fix-safety: rule fixtures", () => {
  const fixtures = allRuleFixtures();
  let fixesChecked = 0;
  let fixAllFixes = 0;

  it("finds the fixtures", () => assert.ok(fixtures.length > 20, `only ${fixtures.length} fixtures found`));

  for (const fixture of fixtures) {
    it(`safe fixes of ${fixture.name}`, () => {
      const report = checkFixSafety(fixture.code, { context: fixture.context });
      fixesChecked += report.fixesChecked;
      fixAllFixes += report.fixAllFixes;
      assert.deepStrictEqual(
        report.violations.map((v) => `${v.line}: ${v.ruleId} ${v.kind} "${v.fixTitle}": ${v.problem}: ${v.detail}`),
        [],
      );
    });
  }

  // Guards against a vacuous pass: the fixtures do carry safe fixes, and fix-all applies them.
  it("checked safe fixes and fix-all on the fixtures", () => {
    assert.ok(fixesChecked > 5, `only ${fixesChecked} safe fixes checked`);
    assert.ok(fixAllFixes > 5, `fix-all applied only ${fixAllFixes} fixes`);
  });
});

/** A test rule reporting each lower-case `from` keyword, with a fix built from the instruction. */
function lowerFromRule(makeFix: (from: Instruction, model: DockerfileModel) => Fix, offerAs: "fix" | "suggest" = "fix"): Rule {
  return {
    meta: {
      id: "test-lower-from",
      family: "stages",
      severity: "warning",
      description: "Test.",
      fix: "safe",
      equivalents: {},
      messages: { lower: "Lower-case FROM." },
    },
    check(model, report) {
      if (model.text.includes("BOOM")) throw new Error("BOOM in the text");
      for (const stage of model.stages) {
        const keyword = model.lines.textIn(stage.from.keywordRange);
        if (keyword !== "from") continue;
        const fix = makeFix(stage.from, model);
        report({ range: stage.from.keywordRange, messageId: "lower", ...(offerAs === "fix" ? { fix } : { suggest: [fix] }) });
      }
    },
  };
}

function problemsOf(text: string, rule: Rule, extra: Rule[] = [], options: FixSafetyOptions = {}): FixSafetyProblem[] {
  const report = checkFixSafety(text, { rules: [rule, ...extra], ...options });
  return [...new Set(report.violations.filter((v) => v.ruleId === rule.meta.id).map((v) => v.problem))];
}

describe("fix-safety: catches unsafe fixes", () => {
  const text = "from alpine:3.20 AS base\nRUN true\n";

  it("accepts a fix that removes its finding", () => {
    const rule = lowerFromRule((from) => ({ title: "Upper-case", edits: [{ range: from.keywordRange, newText: "FROM" }] }));
    const report = checkFixSafety(text, { rules: [rule] });
    assert.strictEqual(report.fixesChecked, 1);
    assert.strictEqual(report.fixAllFixes, 1);
    assert.deepStrictEqual(report.violations, []);
  });

  it("a fix that leaves its finding in place", () => {
    const rule = lowerFromRule((from) => ({ title: "Pad", edits: [{ range: { start: from.keywordRange.end, end: from.keywordRange.end }, newText: " " }] }));
    assert.deepStrictEqual(problemsOf(text, rule), ["still-reported"]);
  });

  it("a fix that changes nothing", () => {
    const rule = lowerFromRule((from) => ({ title: "Same", edits: [{ range: from.keywordRange, newText: "from" }] }));
    assert.deepStrictEqual(problemsOf(text, rule), ["no-change"]);
  });

  it("an edit outside the text, which would silently eat a line break", () => {
    const rule = lowerFromRule(() => ({
      title: "Past the end",
      edits: [{ range: { start: { line: 0, character: 0 }, end: { line: 0, character: 99 } }, newText: "FROM alpine:3.20 AS base" }],
    }));
    assert.deepStrictEqual(problemsOf(text, rule), ["edit-out-of-range"]);
  });

  it("overlapping edits", () => {
    const rule = lowerFromRule((from) => ({
      title: "Twice",
      edits: [
        { range: from.keywordRange, newText: "FROM" },
        { range: { start: { line: 0, character: 2 }, end: { line: 0, character: 6 } }, newText: "OM a" },
      ],
    }));
    assert.deepStrictEqual(problemsOf(text, rule), ["edits-overlap"]);
  });

  it("a suggestion is held to applying cleanly, not to removing its finding", () => {
    const padding = lowerFromRule(
      (from) => ({ title: "Pad", edits: [{ range: { start: from.keywordRange.end, end: from.keywordRange.end }, newText: " " }] }),
      "suggest",
    );
    assert.deepStrictEqual(problemsOf(text, padding), []);
    const pastTheEnd = lowerFromRule(
      () => ({ title: "Past the end", edits: [{ range: { start: { line: 0, character: 0 }, end: { line: 7, character: 0 } }, newText: "" }] }),
      "suggest",
    );
    assert.deepStrictEqual(problemsOf(text, pastTheEnd), ["edit-out-of-range"]);
  });

  it("a fix that introduces an error of another rule", () => {
    const twoStages = "FROM alpine:3.20 AS base\nfrom alpine:3.20 AS app\n";
    const rule = lowerFromRule((from) => ({
      title: "Rename",
      edits: [{ range: from.keywordRange, newText: "FROM" }, ...(from.stage?.nameToken ? [{ range: from.stage.nameToken.range, newText: "base" }] : [])],
    }));
    // dockerfile-utils' duplicate-name check is superseded by stage-name-duplicate, so the engine
    // counts the duplicate once, as that rule's error, with or without syntax validation.
    assert.deepStrictEqual(problemsOf(twoStages, rule, [stageNameDuplicate]), ["new-error"]);
    assert.deepStrictEqual(problemsOf(twoStages, rule, [stageNameDuplicate], { syntax: false }), ["new-error"]);
  });

  it("a fix whose result makes a rule throw", () => {
    const rule = lowerFromRule((from) => ({
      title: "Boom",
      edits: [
        { range: from.keywordRange, newText: "FROM" },
        { range: { start: { line: 1, character: 0 }, end: { line: 1, character: 0 } }, newText: "# BOOM\n" },
      ],
    }));
    assert.deepStrictEqual(problemsOf(text, rule), ["analysis-failed"]);
  });

  it("a fix whose result the syntax validator rejects", () => {
    const rule = lowerFromRule((from) => ({
      title: "Expose",
      edits: [
        { range: from.keywordRange, newText: "FROM" },
        { range: { start: { line: 1, character: 0 }, end: { line: 1, character: 0 } }, newText: "EXPOSE abc\n" },
      ],
    }));
    assert.deepStrictEqual(problemsOf(text, rule), ["syntax-error"]);
  });
});
