// The syntax validator's guard masks invalid stage names from the model's FROMs instead of parsing
// the text a third time (issue #16: per-edit work on a 1,059-line file): the same mask, one parse fewer.
// Without a mask, dockerfile-utils reads the model's parse too (test/unit/syntax/validate-parsed.test.ts).

import * as assert from "assert";
import { analyze } from "../../../server/src/engine";
import { countParses } from "../../support/parse-count";
import { maskInvalidStageNames } from "../../../server/src/lint/syntax-validation";
import { parseDockerfile } from "../../../server/src/model/parse";

const SAMPLES = [
  "FROM alpine:3.23 AS build_stage_for_the_frontend_app!\nRUN true\n",
  "FROM alpine AS build-1.x\nFROM scratch\n",
  "# escape=`\nFROM alpine AS Bad`\n  Name!\nFROM --platform=$BUILDPLATFORM golang AS ok\nFROM x AS y z\n",
  "ARG BASE=alpine\nFROM ${BASE} AS one\nRUN echo\nFROM one AS two%\nCOPY --from=one / /\n",
  "RUN echo before any FROM\n",
];

describe("lint/syntax: one parse fewer", () => {
  it("masks exactly what a parse of its own would mask", () => {
    for (const text of SAMPLES) {
      const model = parseDockerfile(text);
      const froms = { escapeChar: model.escapeChar, fromArguments: model.stages.map((s) => s.from.args) };
      assert.strictEqual(maskInvalidStageNames(text, froms), maskInvalidStageNames(text), text);
    }
    assert.notStrictEqual(maskInvalidStageNames(SAMPLES[0]), SAMPLES[0], "the sample with an invalid name is masked");
  });

  it("parses a text with an invalid stage name twice: the model, and dockerfile-utils' validation of the masked text", () => {
    assert.strictEqual(
      countParses(() => analyze(SAMPLES[3])),
      2,
    );
  });
});
