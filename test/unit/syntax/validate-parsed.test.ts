// dockerfile-utils validates from the model's parse (patches/dockerfile-utils+0.16.3+002+parsed.patch,
// issue #16) instead of parsing the text again: on every corpus file, after the model was built from
// that parse and the rules ran over it (as `analyze` does), it must answer exactly what `validate`
// answers from the text alone, under the default settings and under settings that change every check.

import * as assert from "assert";
import { validate, validateParsed, ValidationCode, ValidationSeverity, ValidatorSettings } from "dockerfile-utils";
import { analyze } from "../../../server/src/engine";
import { corpusTexts } from "../../support/corpus";
import { countParses } from "../../support/parse-count";
import { parseDockerfile } from "../../../server/src/model/parse";
import { runRules } from "../../../server/src/lint/run";
import { SYNTAX_SETTING_KEYS } from "../../../server/src/syntax-checks";

const EDGE_CASES = [
  "",
  "# escape=`\nFROM alpine\nRUN echo `\n  hi\n",
  "from alpine\ncmd a\ncmd b\nHEALTHCHECK CMD a\nHEALTHCHECK CMD b\nMAINTAINER me\nWORKDIR rel\n",
  "ARG A\nRUN echo before any FROM\nFROM ${A} AS x\nFROM x AS x\nCOPY --from=x a b c\n",
  "FROM alpine\nRUN <<EOF\necho hi\nEOF\nONBUILD ONBUILD RUN x\nEXPOSE 80/xyz\nSTOPSIGNAL FOO\n",
];

const ALL_ERRORS: ValidatorSettings = Object.fromEntries(SYNTAX_SETTING_KEYS.map((key) => [key, ValidationSeverity.ERROR]));

describe("dockerfile-utils validateParsed", () => {
  it("answers what validate answers, on every corpus file, after the model and the rules read the same parse", function () {
    this.timeout(120_000);
    const texts = [...EDGE_CASES, ...corpusTexts()];
    if (texts.length < 100) this.skip();
    for (const [i, text] of texts.entries()) {
      for (const settings of [undefined, ALL_ERRORS]) {
        const model = parseDockerfile(text);
        runRules(model);
        assert.ok(model.syntaxTree, "the model keeps its parse");
        assert.deepStrictEqual(validateParsed(text, model.syntaxTree, settings), validate(text, settings), `text ${i}: ${text.slice(0, 80)}`);
      }
    }
  });

  it("checks variable modifiers where the library did: not in RUN, CMD or ENTRYPOINT, only on a `${`", () => {
    // The patch skips reading the variables of instructions that cannot have a modifier to report;
    // the answers are the unpatched validator's (the corpus agrees too, through the test above).
    const table: [string, number[]][] = [
      ["FROM alpine\nENV A=${B:} C=${D:x}\n", [1, 1]],
      ["FROM alpine\nENV A=${B:-x} C=${D?}\n", []],
      ['FROM alpine\nRUN echo ${B:} ${C:x}\nCMD echo ${B:}\nENTRYPOINT ["${B:}"]\n', []],
      ["FROM alpine\nrun echo ${B:}\nenv A=${B:}\n", [2]],
      ["FROM alpine\nLABEL a=\"${B:}\" b='${C:}'\nONBUILD ENV A=${B:}\n", [1, 2]],
      ["FROM alpine\nCOPY <<EOF /x\n${B:}\nEOF\n", [2]],
      ["FROM alpine\nENV A=$\\\n{B:}\nENV A=${B\\\n:}\n", [3]],
      ["ARG X=${Y:z}\nFROM ${B:}\n", [0, 1]],
      ["# escape=`\nFROM alpine\nENV A=${B:}`\n  C=${D:x}\nWORKDIR ${B:}\n", [2, 3, 4]],
    ];
    for (const [text, lines] of table) {
      const modifierLines = (problems: ReturnType<typeof validate>) =>
        problems.filter((p) => p.code === ValidationCode.UNSUPPORTED_MODIFIER).map((p) => p.range.start.line);
      assert.deepStrictEqual(modifierLines(validate(text)), lines, text);
      assert.deepStrictEqual(modifierLines(validateParsed(text, parseDockerfile(text).syntaxTree!)), lines, text);
    }
  });

  it("lets every modifier through in HEALTHCHECK, whose command the builder hands to the container's shell", () => {
    // Held-out AQ, speedtest-exporter: `HEALTHCHECK CMD wget http://localhost:${SPEEDTEST_PORT:=9798}/`
    // builds and runs; the unpatched library reported `:=` as unsupported.
    const text = "FROM alpine\nHEALTHCHECK --timeout=10s CMD wget -q http://localhost:${PORT:=9798}/ \\\n  || exit ${CODE:1}\nENV A=${B:=x}\n";
    for (const problems of [validate(text), validateParsed(text, parseDockerfile(text).syntaxTree!)]) {
      const modifierLines = problems.filter((p) => p.code === ValidationCode.UNSUPPORTED_MODIFIER).map((p) => p.range.start.line);
      assert.deepStrictEqual(modifierLines, [3]);
    }
  });

  it("is what analyze uses: one parse per analysis, two when an invalid stage name is masked", () => {
    assert.strictEqual(
      countParses(() => analyze("ARG BASE=alpine\nFROM ${BASE} AS one\nRUN echo\nFROM one AS two\nCOPY --from=one / /\n")),
      1,
    );
    // The validator reads the masked text, not the model's: it parses that itself.
    assert.strictEqual(
      countParses(() => analyze("FROM alpine:3.23 AS build_stage_for_the_frontend_app!\nRUN true\n")),
      2,
    );
  });
});
