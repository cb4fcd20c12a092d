// The language server runs the rules while its worker validates the syntax (issue #16: open ->
// diagnostics); the answer must be the one analyze gives when it validates in-thread.

import * as assert from "assert";
import { analyze, analyzeWhileValidating, validatorSettings } from "../../../server/src/engine";
import { validateSyntax as validateGuarded } from "../../../server/src/lint/syntax-validation";
import { parseDockerfile } from "../../../server/src/model/parse";

const SAMPLES = [
  "FROM alpine:latest\nRUN apt-get install curl\nCOPY . .\nEXPOSE 80/TCP\n",
  "FROM node:20 AS build\nRUN npm ci\nFROM build AS build\nCMD node x.js\nONBUILD ONBUILD RUN x\n",
  "FROM scratch\nHEALTHCHECK --interval=1 CMD true\nRUN echo $UNSET\n",
];

describe("lint/analyze: rules while the syntax is validated elsewhere", () => {
  for (const syntax of [{}, { instructionCasing: "off" as const }]) {
    it(`gives what analyze gives in-thread (syntax settings ${JSON.stringify(syntax)})`, async () => {
      for (const text of SAMPLES) {
        const model = parseDockerfile(text);
        const expected = analyze(model, { syntax });
        const validation = Promise.resolve(validateGuarded(text, validatorSettings(syntax)));
        const actual = await analyzeWhileValidating(model, { syntax }, validation);
        assert.deepStrictEqual(actual.findings, expected.findings, text);
        assert.deepStrictEqual(actual.syntax, expected.syntax, text);
        assert.ok(expected.syntax.length > 0 || expected.findings.length > 0, "the sample reports something");
      }
    });
  }

  it("a validator failure keeps the findings and reports the reason", async () => {
    const model = parseDockerfile(SAMPLES[0]);
    const reasons: string[] = [];
    const actual = await analyzeWhileValidating(
      model,
      { syntax: {}, onSyntaxError: (r) => reasons.push(r) },
      Promise.resolve({ ok: false, reason: "timed out", ms: 5 }),
    );
    assert.deepStrictEqual(actual.findings, analyze(model, { syntax: false }).findings);
    assert.deepStrictEqual(actual.syntax, []);
    assert.deepStrictEqual(reasons, ["timed out"]);
  });
});
