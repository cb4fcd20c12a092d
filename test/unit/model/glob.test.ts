// The linear wildcard matcher behind COPY sources, .dockerignore patterns and stage-unused's
// `${VAR}` wildcards: Go/BuildKit semantics, and no pattern from a file can make it throw or hang.

import * as assert from "assert";
import { compileGlob, escapeGlob } from "../../../server/src/model/glob";
import { copyGlob, sourceCopiesFile } from "../../../server/src/model/copies";

function matches(pattern: string, text: string, options = {}): boolean {
  const glob = compileGlob(pattern, options);
  return glob !== null && glob.test(text);
}

describe("model/glob", () => {
  it("matches *, ? and classes within one path segment", () => {
    assert.ok(matches("*.json", "package.json"));
    assert.ok(!matches("*.json", "a/package.json"));
    assert.ok(matches("go.?od", "go.mod"));
    assert.ok(!matches("a?b", "a/b"));
    assert.ok(matches("[a-c]*.txt", "b1.txt"));
    assert.ok(!matches("[a-c]*.txt", "d.txt"));
    assert.ok(matches("[^a-c]*", "d"));
    assert.ok(matches("[!a-c]*", "d", { bangNegates: true }));
    assert.ok(matches("a\\*b", "a*b"));
    assert.ok(!matches("a\\*b", "axb"));
  });

  it("treats ** as any directories with globstar", () => {
    const o = { globstar: true };
    assert.ok(matches("**/*.log", "a.log", o));
    assert.ok(matches("**/*.log", "x/y/a.log", o));
    assert.ok(matches("docs/**/*.png", "docs/a.png", o));
    assert.ok(matches("docs/**/*.png", "docs/x/y/a.png", o));
    assert.ok(matches("docs/**", "docs/x/y", o));
    assert.ok(!matches("docs/**/*.png", "img/a.png", o));
  });

  it("rejects a reversed range instead of throwing, and an unclosed class as asked", () => {
    assert.strictEqual(compileGlob("[z-a]"), null);
    assert.strictEqual(compileGlob("[abc", { unclosedClass: "invalid" }), null);
    assert.ok(matches("[abc", "[abc"));
    assert.strictEqual(copyGlob("[z-a]").test("z"), false);
    assert.strictEqual(sourceCopiesFile("[z-a]", "package.json"), false);
  });

  it("escapes text into a pattern that matches only itself", () => {
    for (const text of ["a*b", "[x]", "q?", "back\\slash"]) {
      assert.ok(matches(escapeGlob(text), text), text);
      assert.ok(!matches(escapeGlob(text), `${text}x`), text);
    }
  });

  it("stays linear on patterns that make a backtracking matcher exponential", () => {
    const start = Date.now();
    assert.ok(
      !matches(`${"*a".repeat(200)}b`, "a".repeat(5000), {
        crossesSlash: true,
      }),
    );
    assert.ok(!matches("**/".repeat(100) + "x", "a/".repeat(2000), { globstar: true }));
    assert.ok(Date.now() - start < 2000, `took ${Date.now() - start} ms`);
  });
});
