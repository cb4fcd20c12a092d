import * as assert from "assert";
import { substituteVariables } from "../../../server/src/model/variables";

describe("model/variables: build-argument substitution", () => {
  const scope = new Map<string, string | null>([
    ["A", "1"],
    ["EMPTY", ""],
    ["UNSET", null],
    ["TARGETARCH", null],
    ["BUILDOS", "linux"],
  ]);
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
    // Platform arguments are set by the builder even when declared without a default, or not at all.
    ["busybox${TARGETARCH:+@sha256:abc}", "busybox${TARGETARCH:+@sha256:abc}", ["TARGETARCH"]],
    ["alpine-${TARGETOS:-linux}", "alpine-${TARGETOS:-linux}", ["TARGETOS"]],
    ["$BUILDOS", "linux", []],
  ];
  for (const [input, value, unresolved] of cases) {
    it(`${input} -> ${value}`, () => {
      const out = substituteVariables(input, scope);
      assert.strictEqual(out.value, value);
      assert.deepStrictEqual(out.unresolved, unresolved);
    });
  }
});
