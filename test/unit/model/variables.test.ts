import * as assert from "assert";
import { substituteVariables } from "../../../server/src/model/variables";

describe("model/variables: build-argument substitution", () => {
  const scope = new Map<string, string | null>([["A", "1"], ["EMPTY", ""], ["UNSET", null]]);
  const cases: [string, string, string[]][] = [
    ["$A", "1", []],
    ["${A}-x", "1-x", []],
    ["${B:-def}", "def", []],
    ["${EMPTY:-def}", "def", []],
    ["${EMPTY-def}", "", []],
    ["${A:+alt}", "alt", []],
    ["${UNSET:+alt}", "", []],
    ["${UNSET}", "${UNSET}", ["UNSET"]],
    ["$MISSING/x", "$MISSING/x", ["MISSING"]],
    ["plain", "plain", []],
  ];
  for (const [input, value, unresolved] of cases) {
    it(`${input} -> ${value}`, () => {
      const out = substituteVariables(input, scope);
      assert.strictEqual(out.value, value);
      assert.deepStrictEqual(out.unresolved, unresolved);
    });
  }
});
