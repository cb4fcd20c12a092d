// Tokenizes every real Dockerfile of the shared corpus (skipped when absent) and checks the
// grammar against dockerfile-ast: each instruction's first word is an instruction keyword, and
// no other line of an instruction (continuations, heredoc bodies) carries that scope.
import * as assert from "node:assert/strict";
import * as fs from "node:fs";
import * as path from "node:path";
import { DockerfileParser } from "dockerfile-ast";
import { loadGrammar, tokenize, type Token } from "./grammar-support";

const CORPUS = path.resolve(__dirname, "../../../../shared/corpus/real");
const KEYWORD = "keyword.other.instruction.dockerfile";
const hasKeyword = (t: Token) => t.scopes.includes(KEYWORD);

describe("dockerfile grammar over the real corpus", function () {
  this.timeout(60_000);

  before(function () {
    if (!fs.existsSync(CORPUS)) this.skip();
  });

  for (const shell of ["none", "hostile"] as const) {
    it(`marks exactly the instruction starts dockerfile-ast finds, in bounded time (shell grammar: ${shell})`, async () => {
      const grammar = await loadGrammar(shell);
      const files = fs
        .readdirSync(CORPUS)
        .filter((f) => !/\.(tsv|md|json|txt)$/i.test(f))
        .sort();
      const problems: string[] = [];
      let slowest = { file: "", ms: 0 };
      let total = 0;
      let checked = 0;
      for (const file of files) {
        const text = fs.readFileSync(path.join(CORPUS, file), "utf8");
        const started = Date.now();
        const tokens = tokenize(grammar, text);
        const ms = Date.now() - started;
        total += ms;
        if (ms > slowest.ms) slowest = { file, ms };

        const lines = text.split(/\r?\n/);
        const dockerfile = DockerfileParser.parse(text);
        const esc = dockerfile.getEscapeCharacter() === "`" ? "`" : "\\\\";
        // BuildKit does not continue a line ending in an escaped escape (`C:\\`); dockerfile-ast
        // does. The grammar follows BuildKit, so from such a line on the instruction is not compared.
        const escapedEscapeAtEnd = new RegExp(`${esc}${esc}[ \\t]*$`);
        const starts = new Set<number>();
        const inside = new Set<number>();
        for (const instruction of dockerfile.getInstructions()) {
          const range = instruction.getRange();
          starts.add(range.start.line);
          for (let line = range.start.line; line < range.end.line; line++) {
            if (escapedEscapeAtEnd.test(lines[line])) break;
            inside.add(line + 1);
          }
        }
        for (const line of starts) {
          checked++;
          const first = tokens[line].find((t) => t.text.trim() !== "");
          if (!first || !hasKeyword(first)) {
            problems.push(`${file}:${line + 1}: instruction start without keyword scope ('${first?.text}')`);
          }
        }
        for (const line of inside) {
          if (starts.has(line)) continue;
          const bad = tokens[line].find(hasKeyword);
          if (bad) problems.push(`${file}:${line + 1}: continuation line has keyword scope on '${bad.text}'`);
        }
      }
      assert.deepEqual(problems.slice(0, 40), [], `${problems.length} problems`);
      assert.ok(checked > 1_000, `only ${checked} instruction starts checked`);
      assert.ok(slowest.ms < 1_000, `slowest file ${slowest.file} took ${slowest.ms} ms`);
      assert.ok(total < 10_000, `corpus took ${total} ms`);
    });
  }
});
