// Stagecraft's own semantic tokens (issues #15, #16): inside their lines and in order on every
// corpus file, the token kinds of the bundled service they replace, full/delta/range answers, and
// time linear in the input (the bundled service's grew as n^2–n^3.4).

import * as assert from "assert";
import { existsSync, readdirSync, readFileSync } from "fs";
import { join, resolve } from "path";
import { DockerfileLanguageServiceFactory } from "dockerfile-language-service";
import { diffTokens, SemanticTokenResults } from "../../../server/src/lsp/semantic-token-results";
import { computeSemanticTokens, SEMANTIC_TOKENS_LEGEND } from "../../../server/src/lsp/semantic-tokens";
import { parseDockerfile } from "../../../server/src/model/parse";
import { LineIndex } from "../../../server/src/model/text";
import { cpuMs, growthOf } from "../../support/growth";

const CORPUS = resolve(__dirname, "..", "..", "..", "..", "shared", "corpus", "real");
const corpus = existsSync(CORPUS)
  ? readdirSync(CORPUS)
      .filter((n) => !n.startsWith(".") && !/\.(?:tsv|md|json|txt)$/i.test(n))
      .sort()
      .map((n) => ({ name: n, text: readFileSync(join(CORPUS, n), "utf8") }))
  : [];

let corpusModels: ReturnType<typeof parseDockerfile>[] | null = null;
/** The corpus files' models, parsed once for the tests that read them. */
function models(): ReturnType<typeof parseDockerfile>[] {
  corpusModels ??= corpus.map((f) => parseDockerfile(f.text));
  return corpusModels;
}

interface Token {
  line: number;
  character: number;
  length: number;
  type: string;
  modifiers: number;
}

function decode(data: readonly number[]): Token[] {
  const out: Token[] = [];
  let line = 0;
  let character = 0;
  for (let i = 0; i + 4 < data.length; i += 5) {
    line += data[i];
    character = data[i] === 0 ? character + data[i + 1] : data[i + 1];
    out.push({ line, character, length: data[i + 2], type: SEMANTIC_TOKENS_LEGEND.tokenTypes[data[i + 3]], modifiers: data[i + 4] });
  }
  return out;
}

function tokensOf(text: string): number[] {
  return computeSemanticTokens(parseDockerfile(text));
}

/** `text` of each token with its type, for readable assertions. */
function described(text: string): string[] {
  const lines = new LineIndex(text);
  return decode(tokensOf(text)).map(
    (t) => `${lines.lineText(t.line).slice(t.character, t.character + t.length)}:${t.type}${t.modifiers ? `+${t.modifiers}` : ""}`,
  );
}

/** The problem with encoded tokens on `text`, or null: each inside its line, after the one before, not empty. */
function misplaced(text: string, data: readonly number[]): string | null {
  if (data.length % 5 !== 0) return `length ${data.length} is not a multiple of 5`;
  const lines = new LineIndex(text);
  let line = 0;
  let character = 0;
  let previousEnd = 0;
  for (let i = 0; i < data.length; i += 5) {
    const [deltaLine, deltaStart, length, type, modifiers] = data.slice(i, i + 5);
    if (deltaLine < 0 || deltaStart < 0) return `negative delta at token ${i / 5}`;
    if (deltaLine > 0) previousEnd = 0;
    line += deltaLine;
    character = deltaLine === 0 ? character + deltaStart : deltaStart;
    if (length <= 0) return `empty token at ${line}:${character}`;
    if (character < previousEnd) return `token at ${line}:${character} overlaps the one before`;
    if (line >= lines.lineCount || character + length > lines.lineText(line).length) return `token at ${line}:${character} (+${length}) past its line`;
    if (type >= SEMANTIC_TOKENS_LEGEND.tokenTypes.length || modifiers >= 1 << SEMANTIC_TOKENS_LEGEND.tokenModifiers.length)
      return `token at ${line}:${character} outside the legend`;
    previousEnd = character + length;
  }
  return null;
}

/** Token kind (type and modifiers) of each non-blank character a token covers, by offset. */
function kindsByCharacter(text: string, data: readonly number[]): Map<number, number> {
  const lines = new LineIndex(text);
  const kinds = new Map<number, number>();
  for (const t of decode(data)) {
    const start = lines.offsetAt({ line: t.line, character: t.character });
    const kind = SEMANTIC_TOKENS_LEGEND.tokenTypes.indexOf(t.type) * 8 + t.modifiers;
    for (let k = start; k < start + t.length; k++) if (text[k] !== " " && text[k] !== "\t") kinds.set(k, kind);
  }
  return kinds;
}

describe("semantic tokens", () => {
  it("marks keywords, images, stages, flags, variables, strings, escapes and comments", () => {
    const text = [
      "# syntax=docker/dockerfile:1",
      "ARG BASE=alpine",
      "FROM gcr.io/distroless/static:nonroot@sha256:abc AS run",
      "# a comment",
      "RUN --mount=type=cache,target=/root echo \"hi $USER\" 'no $EXPANSION' ${A:-b} \\",
      "    # dropped by Docker",
      "    && true",
      "ENV A=1 B=2",
      "MAINTAINER me",
      "HEALTHCHECK CMD curl -f http://localhost/",
      "ONBUILD COPY --from=build /out /out",
      "",
    ].join("\n");
    assert.deepStrictEqual(described(text), [
      "# :comment",
      "syntax:property",
      "=:operator",
      "docker/dockerfile:1:parameter",
      "ARG:keyword",
      "BASE:variable+1",
      "=:operator",
      "alpine:parameter",
      "FROM:keyword",
      "distroless/static:class",
      "nonroot:property",
      "sha256:abc:property",
      "AS:keyword",
      "run:namespace",
      "# a comment:comment",
      "RUN:keyword",
      "--mount:parameter",
      "=:operator",
      "type:parameter",
      "=:operator",
      "cache:property",
      "target:parameter",
      "=:operator",
      "/root:property",
      "echo:parameter",
      '"hi :string',
      "$USER:variable",
      '":string',
      "'no $EXPANSION':string",
      "${A:variable",
      "::operator",
      "-:modifier",
      "b}:variable",
      "\\:macro",
      "# dropped by Docker:comment",
      "&&:parameter",
      "true:parameter",
      "ENV:keyword",
      "A:variable+1",
      "=:operator",
      "1:parameter",
      "B:variable+1",
      "=:operator",
      "2:parameter",
      "MAINTAINER:keyword+4",
      "me:parameter",
      "HEALTHCHECK:keyword",
      "CMD:keyword",
      "curl:parameter",
      "-f:parameter",
      "http://localhost/:parameter",
      "ONBUILD:keyword",
      "COPY:keyword",
      "--from:parameter",
      "=:operator",
      "build:property",
      "/out:parameter",
      "/out:parameter",
    ]);
  });

  it("marks heredoc bodies line by line, a quote opening no string past its line", () => {
    assert.deepStrictEqual(described("FROM a\nRUN <<EOF\ndon't $X\necho 'ok'\nEOF\n").slice(2), [
      "RUN:keyword",
      "<<EOF:parameter",
      "don:parameter",
      "'t $X:string",
      "echo:parameter",
      "'ok':string",
      "EOF:parameter",
    ]);
  });

  it("keeps tokens inside their lines on the inputs that broke the bundled service", () => {
    for (const text of [
      "FROM alpine\nRUN echo $\\\n",
      "FROM alpine\n\\\\\nRUN x\n",
      " RUN echo $HOME\nFROM alpine\n",
      "FROM alpine\nRUN \\\n#\\mu\n",
      'FROM alpine\nRUN echo "open \\\n  still ${X\n',
      "FROM alpine\r\nRUN a \\\r\n  b\r\n",
      "FROM alpine\rRUN a\r",
      "# escape=`\nFROM alpine\nRUN a `\n  b\n",
      "FROM \u0000\uffff AS \ud800\nRUN --mount=from=\u0000 \\\n\u0007\nCOPY --from=\n",
      "ENV",
      "",
    ]) {
      assert.strictEqual(misplaced(text, tokensOf(text)), null, JSON.stringify(text));
    }
  });

  it("keeps every token inside its line and in order on every corpus file", function () {
    if (corpus.length === 0) this.skip();
    this.timeout(60000);
    for (const [i, model] of models().entries()) {
      const problem = misplaced(model.text, computeSemanticTokens(model));
      assert.strictEqual(problem, null, `${corpus[i].name}: ${problem}`);
    }
  });

  it("gives the token kinds of the bundled service it replaces (agreement over the corpus)", function () {
    if (corpus.length === 0) this.skip();
    this.timeout(120000);
    // The bundled service is superlinear: compare on the files it tokenizes quickly.
    const service = DockerfileLanguageServiceFactory.createLanguageService();
    let same = 0;
    let total = 0;
    for (const model of models().filter((m) => m.text.length < 4000)) {
      const text = model.text;
      const theirs = kindsByCharacter(text, service.computeSemanticTokens(text).data);
      const ours = kindsByCharacter(text, computeSemanticTokens(model));
      for (const offset of new Set([...theirs.keys(), ...ours.keys()])) {
        total++;
        if (theirs.get(offset) === ours.get(offset)) same++;
      }
    }
    // The differences are deliberate: no variables inside single quotes, an escaped quote ends
    // no string, every name of `ARG A B` is declared.
    assert.ok(same / total >= 0.98, `${same} of ${total} characters (${((100 * same) / total).toFixed(2)}%) agree`);
  });

  it("takes under 20 ms at the 99th percentile of the corpus", function () {
    if (corpus.length === 0) this.skip();
    this.timeout(60000);
    for (const model of models().slice(0, 50)) computeSemanticTokens(model);
    const times = models()
      .map((model) => cpuMs(() => computeSemanticTokens(model)))
      .sort((a, b) => a - b);
    const p99 = times[Math.floor(times.length * 0.99)];
    assert.ok(p99 < 20, `p99 ${p99.toFixed(2)} ms`);
  });

  describe("growth", () => {
    const shapes: Record<string, (n: number) => string> = {
      stages: (n) => Array.from({ length: n }, (_, i) => `FROM gcr.io/x/alpine:3.20 AS s${i}\nRUN echo "$HOME" \${A:-b} --x=1\n`).join(""),
      "RUN lines": (n) => "FROM alpine\n" + Array.from({ length: n }, (_, i) => `RUN echo ${i} "quoted $V" 'single' && ls -la /tmp\n`).join(""),
      "continuation lines": (n) =>
        "FROM alpine\nRUN true \\\n" + Array.from({ length: n }, (_, i) => `    && echo ${i} "x" \${V} \\\n`).join("") + "    && true\n",
      heredocs: (n) => "FROM alpine\nRUN <<EOF\n" + Array.from({ length: n }, (_, i) => `echo ${i} "x" $V '#'`).join("\n") + "\nEOF\n",
      "words per line": (n) => "FROM alpine\nRUN echo " + Array.from({ length: 4 * n }, (_, i) => `w${i}`).join(" ") + "\n",
      "ARG and ENV": (n) => Array.from({ length: n }, (_, i) => `ARG A${i}\nENV B${i}=x C${i} \\\n  D=1\n`).join("") + "FROM alpine\n",
    };
    for (const [shape, make] of Object.entries(shapes)) {
      it(`grows linearly with ${shape} (n and 4n)`, function () {
        this.timeout(60000);
        const [small, large] = [1500, 6000].map((n) => parseDockerfile(make(n)));
        const { ratio, exponent } = growthOf(small, large, (model) => computeSemanticTokens(model), { runs: 9 });
        // Linear is 1 (x4), quadratic 2 (x16); on a loaded machine cache and GC effects alone
        // reach ~1.35, hence the margin. The bundled service measured 2 to 3.4.
        assert.ok(exponent < 1.5, `${shape}: time x${ratio.toFixed(2)} for 4x the input (exponent ${exponent.toFixed(2)})`);
      });
    }
  });

  describe("full, delta and range answers", () => {
    it("answers a delta with the one edit between the last tokens sent and the new ones", () => {
      const results = new SemanticTokenResults();
      const before = tokensOf("FROM alpine\nRUN a\nRUN b\n");
      const after = tokensOf("FROM alpine\nRUN a\nRUN bc\nRUN d\n");
      const first = results.full("u", 1, () => before);
      const delta = results.delta("u", 2, first.resultId ?? "", () => after);
      assert.ok("edits" in delta);
      const applied = [...before];
      for (const e of delta.edits) applied.splice(e.start, e.deleteCount, ...(e.data ?? []));
      assert.deepStrictEqual(applied, after);
    });

    it("answers all tokens when the previous result is not the last one sent, and reuses a version's tokens", () => {
      const results = new SemanticTokenResults();
      let computed = 0;
      const compute = () => (computed++, tokensOf("FROM alpine\n"));
      results.full("u", 1, compute);
      results.full("u", 1, compute);
      assert.strictEqual(computed, 1);
      const answer = results.delta("u", 2, "stale", compute);
      assert.ok("data" in answer && answer.data.length > 0);
      results.forget("u");
      assert.ok("data" in results.delta("u", 2, answer.resultId ?? "", compute));
    });

    it("diffs equal, grown and shrunk token lists", () => {
      assert.deepStrictEqual(diffTokens([1, 2, 3], [1, 2, 3]), []);
      assert.deepStrictEqual(diffTokens([1, 2, 3], [1, 9, 9, 3]), [{ start: 1, deleteCount: 1, data: [9, 9] }]);
      assert.deepStrictEqual(diffTokens([1, 2, 2, 3], [1, 2, 3]), [{ start: 2, deleteCount: 1, data: [] }]);
      assert.deepStrictEqual(diffTokens([], [5]), [{ start: 0, deleteCount: 0, data: [5] }]);
    });

    it("answers a range with the tokens on its lines, re-encoded from its first line", () => {
      const text = "FROM alpine\nRUN a\nRUN b\nRUN c\n";
      const model = parseDockerfile(text);
      const all = decode(computeSemanticTokens(model)).filter((t) => t.line >= 1 && t.line <= 2);
      const ranged = decode(computeSemanticTokens(model, { startLine: 1, endLine: 2 }));
      assert.deepStrictEqual(ranged, all);
      assert.deepStrictEqual(decode(computeSemanticTokens(model, { startLine: 3, endLine: 2147483647 })).length, 2);
      assert.deepStrictEqual(computeSemanticTokens(model, { startLine: 99, endLine: 100 }), []);
    });
  });
});
