import * as assert from "assert";
import { substituteVariables } from "../../../server/src/model/variables";

describe("model/variables: build-argument substitution", () => {
  const scope = new Map<string, string | null>([
    ["A", "1"],
    ["EMPTY", ""],
    ["UNSET", null],
    ["TARGETARCH", null],
    ["BUILDOS", "linux"],
    ["STR", "foobarbaz"],
    ["IMAGE", "debian:bookworm-slim"],
    ["DIGEST", "sha256:40b1"],
    ["LONG", `b${"a".repeat(99)}b`],
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
    // `?` fails the build without a value: the value, or nothing known.
    ["${A:?}", "1", []],
    ["${A?must be set}", "1", []],
    ["${EMPTY?x}", "", []],
    ["${EMPTY:?x}", "${EMPTY:?x}", ["EMPTY"]],
    ["${UNSET:?}", "${UNSET:?}", ["UNSET"]],
    // A word's own references are expanded, quotes removed (held-out BC, mosaicml/composer's BASE_IMAGE).
    ['${A:+"nvidia/cuda:${A}-devel-ubuntu${STR}"}', "nvidia/cuda:1-devel-ubuntufoobarbaz", []],
    ['${B:-"ubuntu:${A}"}', "ubuntu:1", []],
    ["${B:-${C:-${A}}}-x", "1-x", []],
    ["${B:-${MISSING}}", "${MISSING}", ["MISSING"]],
    // The word not taken is not read: its unknown references do not matter.
    ["${A:-${MISSING}}", "1", []],
    ["$MISSING/x", "$MISSING/x", ["MISSING"]],
    ["plain", "plain", []],
    // Platform arguments are set by the builder even when declared without a default, or not at all.
    ["busybox${TARGETARCH:+@sha256:abc}", "busybox${TARGETARCH:+@sha256:abc}", ["TARGETARCH"]],
    ["alpine-${TARGETOS:-linux}", "alpine-${TARGETOS:-linux}", ["TARGETOS"]],
    ["$BUILDOS", "linux", []],
    // Dockerfile syntax 1.7's string forms, with the reference's own examples (str=foobarbaz).
    ["${STR#f*b}", "arbaz", []],
    ["${STR##f*b}", "az", []],
    ["${STR%b*}", "foobar", []],
    ["${STR%%b*}", "foo", []],
    ["${STR/ba/fo}", "fooforbaz", []],
    ["${STR//ba/fo}", "fooforfoz", []],
    ["${STR//a}", "foobrbz", []],
    ["${STR/\\*/x}", "foobarbaz", []],
    ["${STR/z/$A}", "foobarba1", []],
    // A digest pinned by replacement (held-out AV, neon), and one that does not match.
    ["${IMAGE/debian:bookworm-slim/debian@$DIGEST}", "debian@sha256:40b1", []],
    ["${IMAGE/debian:bullseye-slim/debian@$DIGEST}", "debian:bookworm-slim", []],
    ["${IMAGE%%:*}", "debian", []],
    ["${IMAGE/bookworm/$MISSING}", "${IMAGE/bookworm/$MISSING}", ["IMAGE"]],
    ["${UNSET#x}", "${UNSET#x}", ["UNSET"]],
    ["${A:?required}", "1", []],
    // A plain-text glob is matched in linear time on any value; a wildcard glob only on short ones.
    ["${LONG/b/c}", `c${"a".repeat(99)}b`, []],
    ["${LONG//b/c}", `c${"a".repeat(99)}c`, []],
    ["${LONG%%b}", `b${"a".repeat(99)}`, []],
    ["${LONG//a*/x}", "${LONG//a*/x}", ["LONG"]],
  ];
  it("leaves references nested deeper than real files nest unresolved, in time linear in the nesting", () => {
    const deep = `${"${B:-".repeat(5000)}x${"}".repeat(5000)}`;
    const started = Date.now();
    const result = substituteVariables(deep, scope);
    assert.ok(Date.now() - started < 1000);
    assert.ok(result.unresolved.length > 0);
    // Thousands of unclosed braces on one line: each is read once.
    const unclosed = "${A ".repeat(20000);
    const at = Date.now();
    assert.strictEqual(substituteVariables(unclosed, scope).value, unclosed);
    assert.ok(Date.now() - at < 1000);
  });
  for (const [input, value, unresolved] of cases) {
    it(`${input} -> ${value}`, () => {
      const out = substituteVariables(input, scope);
      assert.strictEqual(out.value, value);
      assert.deepStrictEqual(out.unresolved, unresolved);
    });
  }
});
