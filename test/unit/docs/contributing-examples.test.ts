// CONTRIBUTING.md's examples are the code, not a memory of it: each ```ts block whose first line is
// `// <path>, whole` must equal that file, and each `// <path>, excerpt` must appear in that file
// line by line and in order (indentation aside; a `// ...` line stands for lines left out).

import * as assert from "assert";
import { readFileSync } from "fs";
import { join } from "path";

const REPO = join(__dirname, "..", "..", "..");

interface Example {
  path: string;
  kind: "whole" | "excerpt";
  lines: string[];
}

/** The ```ts blocks of `markdown` that name their file on their first line. */
export function examplesOf(markdown: string): Example[] {
  const out: Example[] = [];
  for (const block of markdown.matchAll(/^```ts\n([\s\S]*?)^```$/gm)) {
    const [header, ...lines] = block[1].replace(/\n$/, "").split("\n");
    const named = /^\/\/ (\S+), (whole|excerpt)$/.exec(header);
    if (named) out.push({ path: named[1], kind: named[2] as Example["kind"], lines });
  }
  return out;
}

/** The excerpt lines missing from `source` (in order, trimmed), or [] when the excerpt matches. */
export function missingLines(excerpt: string[], source: string): string[] {
  const sourceLines = source.split("\n").map((l) => l.trim());
  let at = 0;
  const missing: string[] = [];
  for (const line of excerpt.map((l) => l.trim())) {
    if (line === "" || line.startsWith("// ...")) continue;
    const found = sourceLines.indexOf(line, at);
    if (found < 0) missing.push(line);
    else at = found + 1;
  }
  return missing;
}

describe("CONTRIBUTING.md examples match the code", () => {
  const examples = examplesOf(readFileSync(join(REPO, "CONTRIBUTING.md"), "utf8"));

  it("names the file of each of its examples", () => {
    assert.ok(examples.length >= 4, `only ${examples.length} named examples`);
  });

  it("finds an excerpt's lines only in order", () => {
    assert.deepStrictEqual(missingLines(["a", "  // ... left out", "c"], "a\nb\n  c\n"), []);
    assert.deepStrictEqual(missingLines(["c", "a"], "a\nb\nc\n"), ["a"]);
  });

  for (const example of examples)
    it(`${example.path} (${example.kind})`, () => {
      const source = readFileSync(join(REPO, example.path), "utf8");
      if (example.kind === "whole") assert.strictEqual(`${example.lines.join("\n")}\n`, source);
      else assert.deepStrictEqual(missingLines(example.lines, source), []);
    });
});
