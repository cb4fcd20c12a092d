// dockerfile-language-service and dockerfile-utils behind Stagecraft's guards (issue #15): inputs
// that made them hang, abort or overflow the stack, and answers outside the document.

import * as assert from "assert";
import { DockerfileParser } from "dockerfile-ast";
import { DockerfileLanguageServiceFactory } from "dockerfile-language-service";
import { format as formatDockerfile, validate } from "dockerfile-utils";
import { applicableEdits, guardService, tokensInside } from "../../../server/src/lsp/guarded-service";
import { isInsideText, LineIndex } from "../../../server/src/model/text";
import { maskInvalidStageNames, validateSyntax } from "../../../server/src/lint/syntax-validation";
import { validatorSettings as syntaxSettings } from "../../../server/src/lint/syntax";

const service = guardService(DockerfileLanguageServiceFactory.createLanguageService());

/** Absolute positions of encoded semantic tokens. */
function decode(data: readonly number[]): { line: number; character: number; length: number }[] {
  const out = [];
  let line = 0;
  let character = 0;
  for (let i = 0; i + 4 < data.length; i += 5) {
    line += data[i];
    character = data[i] === 0 ? character + data[i + 1] : data[i + 1];
    out.push({ line, character, length: data[i + 2] });
  }
  return out;
}

function timed<T>(f: () => T): { value: T; ms: number } {
  const start = Date.now();
  const value = f();
  return { value, ms: Date.now() - start };
}

describe("third-party guards", () => {
  describe("dockerfile-utils validation", () => {
    it("never runs the exponential stage-name check: a long invalid name is masked first", () => {
      const text = "FROM alpine:3.23 AS build_stage_for_the_frontend_app!\nRUN true\n";
      const { value, ms } = timed(() => validateSyntax(text, syntaxSettings()));
      assert.ok(ms < 1000, `took ${ms} ms`);
      assert.ok(value.ok);
      const masked = maskInvalidStageNames(text);
      assert.strictEqual(masked.length, text.length);
      assert.match(masked, /^FROM alpine:3\.23 AS a0+\nRUN true\n$/);
    });

    it("leaves valid stage names and other text alone", () => {
      const text = "FROM alpine AS build-1.x\nFROM scratch\n";
      assert.strictEqual(maskInvalidStageNames(text), text);
    });

    it("answers for an indented instruction with a variable before the first FROM", () => {
      const result = validateSyntax(" RUN echo $HOME\nFROM alpine\n", syntaxSettings());
      assert.ok(result.ok, result.ok ? "" : result.reason);
    });

    it("clamps the empty-continuation warning of a file ending with an escape into the document", () => {
      const text = "FROM alpine\nRUN echo \\\n";
      const result = validateSyntax(text, syntaxSettings());
      assert.ok(result.ok);
      const lines = new LineIndex(text);
      assert.ok(result.value.length > 0);
      for (const p of result.value) assert.ok(isInsideText(lines, p.range.start) && isInsideText(lines, p.range.end), JSON.stringify(p.range));
    });
  });

  describe("dockerfile-language-service", () => {
    const options = { tabSize: 2, insertSpaces: true };

    it("clamps a 'to the end' range before formatting (line 2147483647 aborted V8)", () => {
      const text = "FROM alpine\n   RUN echo hi\n";
      const edits = service.formatRange(
        text,
        {
          start: { line: 0, character: 0 },
          end: { line: 2147483647, character: 2147483647 },
        },
        options,
      );
      assert.deepStrictEqual(
        edits.map((e) => e.newText),
        [""],
      );
    });

    it("bounds tabSize and clamps on-type positions", () => {
      const text = "FROM alpine\nRUN echo \\\nhi\n";
      service.format(text, { tabSize: 2147483647, insertSpaces: true });
      service.formatOnType(text, { line: 99, character: 99 }, "\\", options);
    });

    it("answers at out-of-range and negative positions", () => {
      const text = "FROM alpine\nRUN echo $HOME\n";
      for (const position of [
        { line: -1, character: -1 },
        { line: 1, character: 9999 },
        { line: 2147483647, character: 0 },
      ]) {
        service.computeHover(text, position);
        service.computeHighlightRanges(text, position);
        service.computeSignatureHelp(text, position);
        service.prepareRename(text, position);
        service.computeDefinition({ uri: "file:///Dockerfile" }, text, position);
      }
    });

    it("keeps semantic tokens inside their lines (after `$\\` at a line end)", () => {
      for (const text of ["FROM alpine\nRUN echo $\\\n", "FROM alpine\nRUN a$\\\n\\\nb\n"]) {
        const lines = new LineIndex(text);
        const data = service.computeSemanticTokens(text).data;
        assert.ok(data.length > 0);
        let previous = { line: 0, end: 0 };
        for (const t of decode(data)) {
          assert.ok(t.line < lines.lineCount && t.character >= 0 && t.character + t.length <= lines.lineText(t.line).length, JSON.stringify(t));
          assert.ok(t.line > previous.line || t.character >= previous.end, JSON.stringify(t));
          previous = { line: t.line, end: t.character + t.length };
        }
      }
    });

    it("drops tokens with negative deltas or past their line when re-encoding", () => {
      const lines = new LineIndex("FROM alpine\nRUN x\n");
      const data = [0, 0, 4, 0, 0, 0, 5, 6, 1, 0, 0, -3, 2, 1, 0, 1, 0, 3, 0, 0, 0, 4, 9, 1, 0];
      assert.deepStrictEqual(tokensInside(lines, { data }).data, [0, 0, 4, 0, 0, 0, 5, 6, 1, 0, 1, 0, 3, 0, 0]);
    });

    it("refuses an edit list that is out of range or overlapping", () => {
      const text = "FROM alpine\n";
      const at = (l: number, c: number) => ({ line: l, character: c });
      assert.deepStrictEqual(applicableEdits(text, [{ range: { start: at(5, 0), end: at(5, 1) }, newText: "" }]), []);
      assert.deepStrictEqual(
        applicableEdits(text, [
          { range: { start: at(0, 0), end: at(0, 4) }, newText: "" },
          { range: { start: at(0, 2), end: at(0, 6) }, newText: "" },
        ]),
        [],
      );
    });
  });

  // patches/README.md: the dependencies themselves are fixed (`npm run patch`), guards aside.
  describe("patched dependencies", () => {
    const raw = DockerfileLanguageServiceFactory.createLanguageService();

    it("dockerfile-utils checks stage names linearly", () => {
      const { ms } = timed(() => validate(`FROM alpine AS ${"b".repeat(40)}!\n`));
      assert.ok(ms < 1000, `took ${ms} ms: is patches/dockerfile-utils+*.patch applied (npm run patch)?`);
    });

    it("dockerfile-utils clamps a formatting range to the document", () => {
      const edits = raw.formatRange(
        "FROM alpine\n  RUN x\n",
        {
          start: { line: 0, character: 0 },
          end: { line: 2147483647, character: 0 },
        },
        { tabSize: 2, insertSpaces: true },
      );
      assert.strictEqual(edits.length, 1);
      assert.ok(formatDockerfile("FROM alpine\n", { insertSpaces: true, tabSize: 2 }));
    });

    it("dockerfile-ast resolves variables of an indented first instruction without recursing", () => {
      const text = " RUN echo $HOME\nFROM alpine\n";
      const dockerfile = DockerfileParser.parse(text);
      assert.strictEqual(dockerfile.resolveVariable("HOME", 0), undefined);
      assert.ok(Array.isArray(dockerfile.getAvailableVariables(0)));
      assert.ok(raw.computeSemanticTokens(text).data.length > 0);
      raw.computeHover(text, { line: 0, character: 11 });
    });

    it("dockerfile-ast reads no heredoc body after a comment line holding an escape (fuzz seed 101)", () => {
      // Shortest form of an edited devcontainer Dockerfile: getHeredocs read a definition past the list.
      const text = "FROM alpine\nRUN \\\n#\\mu\n";
      const run = DockerfileParser.parse(text).getInstructions()[1] as unknown as { getHeredocs(): unknown[] };
      assert.deepStrictEqual(run.getHeredocs(), []);
      assert.ok(validate(text).every((p) => p.range));
      const position = { line: 2, character: 2 };
      raw.computeDefinition({ uri: "file:///Dockerfile" }, text, position);
      raw.computeHighlightRanges(text, position);
      const result = validateSyntax(text, syntaxSettings());
      assert.ok(result.ok, result.ok ? "" : result.reason);
    });

    it("dockerfile-ast ends heredoc bodies with the last heredoc", () => {
      const run = DockerfileParser.parse("FROM alpine\nRUN <<A cat\nx\nA\n").getInstructions()[1] as unknown as { getHeredocs(): { getName(): string }[] };
      assert.deepStrictEqual(
        run.getHeredocs().map((h) => h.getName()),
        ["A"],
      );
    });

    it("dockerfile-language-service tokenizes a line holding only `\\\\`", () => {
      assert.ok(raw.computeSemanticTokens("FROM alpine\n\\\\\nRUN x\n").data.length > 0);
    });
  });
});
