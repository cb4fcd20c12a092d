import * as assert from "assert";
import { analyze } from "../../../server/src/engine";
import type { Rule } from "../../../server/src/rules/types";

// A probe rule that reports every instruction keyword, with peer equivalents to test their pragmas.
const probe: Rule = {
  meta: {
    id: "probe-rule",
    family: "layers",
    severity: "warning",
    description: "Report every instruction.",
    fix: "none",
    equivalents: { hadolint: ["DL9999"], buildkit: ["ProbeCheck"] },
    messages: { seen: "Saw '{keyword}'." },
  },
  check(model, report) {
    for (const i of model.instructions) report({ range: i.keywordRange, messageId: "seen", data: { keyword: i.keyword } });
  },
};

function reported(text: string, settings = {}): string[] {
  return analyze(text, { rules: [probe], settings, syntax: false }).findings.map((f) => `${f.range.start.line + 1}:${f.data.keyword}:${f.severity}`);
}

describe("lint/run: settings and ignore comments", () => {
  it("reports with the default severity", () => {
    assert.deepStrictEqual(reported("FROM a\nRUN x\n"), ["1:FROM:warning", "2:RUN:warning"]);
  });
  it("applies severity settings and 'off'", () => {
    assert.deepStrictEqual(reported("FROM a\n", { "probe-rule": "error" }), ["1:FROM:error"]);
    assert.deepStrictEqual(reported("FROM a\n", { "probe-rule": "off" }), []);
    assert.deepStrictEqual(reported("FROM a\n", { "probe-rule": "nonsense" }), ["1:FROM:warning"]);
  });
  it("honours '# stagecraft-ignore <id>' on the comment block above an instruction", () => {
    assert.deepStrictEqual(reported("FROM a\n# stagecraft-ignore probe-rule\n# why: reasons\nRUN x \\\n  y\nRUN z\n"), ["1:FROM:warning", "6:RUN:warning"]);
    assert.deepStrictEqual(reported("FROM a\n# stagecraft-ignore other-rule, probe-rule\nRUN x\n"), ["1:FROM:warning"]);
    assert.deepStrictEqual(reported("FROM a\n# stagecraft-ignore other-rule\nRUN x\n"), ["1:FROM:warning", "3:RUN:warning"]);
    assert.deepStrictEqual(reported("FROM a\n# stagecraft-ignore\nRUN x\n"), ["1:FROM:warning"]);
  });
  it("honours '# stagecraft-ignore-file <id>' anywhere", () => {
    assert.deepStrictEqual(reported("FROM a\nRUN x\n# stagecraft-ignore-file probe-rule\n"), []);
    assert.deepStrictEqual(reported("# stagecraft-ignore-file other\nFROM a\n"), ["2:FROM:warning"]);
  });
  it("honours hadolint pragmas for equivalent rules", () => {
    assert.deepStrictEqual(reported("FROM a\n# hadolint ignore=DL3008,DL9999\nRUN x\n"), ["1:FROM:warning"]);
    assert.deepStrictEqual(reported("# hadolint global ignore=DL9999\nFROM a\nRUN x\n"), []);
    assert.deepStrictEqual(reported("FROM a\n# hadolint ignore=DL3008\nRUN x\n"), ["1:FROM:warning", "3:RUN:warning"]);
  });
  it("honours BuildKit's '# check=skip=' directive for equivalent rules", () => {
    assert.deepStrictEqual(reported("# check=skip=ProbeCheck\nFROM a\n"), []);
    assert.deepStrictEqual(reported("# check=skip=all\nFROM a\n"), []);
  });
  it("raises BuildKit checks to errors under '# check=error=true', as the build fails on them", () => {
    assert.deepStrictEqual(reported("# check=error=true;skip=Other\nFROM a\n"), ["2:FROM:error"]);
    assert.deepStrictEqual(reported("# check=error=true\nFROM a\n", { "probe-rule": "info" }), ["2:FROM:info"]);
  });
  it("honours a '# check=skip=' comment above one instruction, as BuildKit does", () => {
    assert.deepStrictEqual(reported("FROM a\n# check=skip=ProbeCheck // why\nRUN x\nRUN y\n"), ["1:FROM:warning", "4:RUN:warning"]);
    assert.deepStrictEqual(reported("FROM a\n# check=skip=all\n\n# more\nRUN x\n"), ["1:FROM:warning"]);
    assert.deepStrictEqual(reported("FROM a\n# check=skip=ProbeCheck\n#\nRUN x\n"), ["1:FROM:warning", "4:RUN:warning"]);
  });
  it("keeps running other rules when one throws, and tells the host", () => {
    const broken: Rule = {
      ...probe,
      meta: { ...probe.meta, id: "broken" },
      check: () => {
        throw new Error("boom");
      },
    };
    const errors: string[] = [];
    const { findings } = analyze("FROM a\n", { rules: [broken, probe], syntax: false, onRuleError: (id) => errors.push(id) });
    assert.deepStrictEqual(errors, ["broken"]);
    assert.strictEqual(findings.length, 1);
  });
});
