// dockerfile-utils validates from the model's parse (patches/dockerfile-utils+0.16.3+002+parsed.patch,
// issue #16) instead of parsing the text again: on every corpus file, after the model was built from
// that parse and the rules ran over it (as `analyze` does), it must answer exactly what `validate`
// answers from the text alone, under the default settings and under settings that change every check.

import * as assert from "assert";
import { validate, validateParsed, ValidationSeverity, ValidatorSettings } from "dockerfile-utils";
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
