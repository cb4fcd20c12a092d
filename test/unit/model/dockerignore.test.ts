// The engine's .dockerignore matcher, checked against @balena/dockerignore (a port of Docker's
// matcher) on the cases both implement the same way, plus the engine's own additions.

import * as assert from "assert";
import balenaIgnore from "@balena/dockerignore";
import { excludingPattern, hasExceptionWithin, isIgnoredBy, parseDockerignore } from "../../../server/src/model/dockerignore";

/** [.dockerignore text, paths] — every path is checked against both implementations. */
const AGREEMENT: [string, string[]][] = [
  ["node_modules\n.git\n", ["node_modules", "node_modules/x/index.js", ".git", ".git/HEAD", "src/node_modules", "app.js"]],
  ["*.md\n!README.md\n", ["README.md", "CHANGES.md", "docs/a.md", "README.md.txt"]],
  ["**/*.log\n", ["a.log", "logs/a.log", "deep/er/a.log", "a.log.gz"]],
  ["*\n!src\n!package.json\n", ["src", "src/index.ts", "package.json", "Dockerfile", "test/a.ts"]],
  ["build/\n/dist\n./out\n", ["build", "build/a", "dist/x.js", "out/y", "src/build/z"]],
  ["docs/**/*.png\n", ["docs/a.png", "docs/x/y/a.png", "img/a.png"]],
  ["# a comment\n  # not a comment\nsecret?.txt\n", ["secret1.txt", "secret12.txt", "# a comment", "# not a comment"]],
  ["[a-c]*.txt\n", ["a.txt", "b1.txt", "d.txt"]],
  ["node_modules\n!node_modules/keep\n", ["node_modules/drop/x", "node_modules/keep", "node_modules/keep/a.js"]],
  ["\n\n   \n.env\n.env.*\n!.env.example\n", [".env", ".env.local", ".env.example", "env"]],
];

describe("model/dockerignore", () => {
  describe("agrees with @balena/dockerignore", () => {
    for (const [text, paths] of AGREEMENT) {
      it(JSON.stringify(text), () => {
        const balena = balenaIgnore({ ignorecase: false }).add(text.split("\n"));
        for (const path of paths) assert.strictEqual(isIgnoredBy(text, path), balena.ignores(path), `${path} against ${JSON.stringify(text)}`);
      });
    }
  });

  it("is case-sensitive, as BuildKit on Linux", () => {
    assert.strictEqual(isIgnoredBy("Dockerfile\n", "dockerfile"), false);
    assert.strictEqual(isIgnoredBy("Dockerfile\n", "Dockerfile"), true);
  });

  it("reads paths with a leading './' or '/' relative to the context root", () => {
    assert.strictEqual(isIgnoredBy("dist\n", "./dist/a.js"), true);
    assert.strictEqual(isIgnoredBy("dist\n", "/dist"), true);
  });

  it("skips unreadable patterns instead of throwing", () => {
    assert.strictEqual(isIgnoredBy("[z-a]\nfoo\n", "foo"), true);
  });

  it("names the pattern that decides, the last matching one", () => {
    const matcher = parseDockerignore("*.txt\nnotes/\n!keep.txt\nnotes/*.txt\n");
    assert.strictEqual(excludingPattern(matcher, "a.txt"), "*.txt");
    assert.strictEqual(excludingPattern(matcher, "keep.txt"), null);
    assert.strictEqual(excludingPattern(matcher, "notes/a.txt"), "notes/*.txt");
    assert.strictEqual(excludingPattern(matcher, "notes/a.md"), "notes");
  });

  it("tells when an exception may re-include files below a directory", () => {
    const matcher = parseDockerignore("node_modules\n!node_modules/keep\n");
    assert.strictEqual(hasExceptionWithin(matcher, "node_modules"), true);
    assert.strictEqual(hasExceptionWithin(matcher, "vendor"), false);
    assert.strictEqual(hasExceptionWithin(parseDockerignore("*\n!**/*.go\n"), "cmd"), true);
  });

  it("reads an exception's wildcard segments against the directory's (held-out CO, Convex's backend)", () => {
    const matcher = parseDockerignore("**/*\n!/npm-packages*/*\n!/crates*/*\n");
    assert.strictEqual(excludingPattern(matcher, "npm-packages"), "**/*");
    assert.strictEqual(excludingPattern(matcher, "npm-packages/package.json"), null);
    assert.strictEqual(hasExceptionWithin(matcher, "npm-packages"), true);
    assert.strictEqual(hasExceptionWithin(matcher, "npm-packages/convex"), true);
    assert.strictEqual(hasExceptionWithin(matcher, "scripts"), false);
    // `*.go` matches top-level files only: nothing below `cmd`.
    assert.strictEqual(hasExceptionWithin(parseDockerignore("*\n!*.go\n"), "cmd"), false);
    assert.strictEqual(hasExceptionWithin(parseDockerignore("*\n!cmd/**/main.go\n"), "cmd/api"), true);
  });
});
