import * as assert from "assert";
import { rule } from "../../../server/src/rules/run-export-only";
import { findingsOf, testRule } from "../../support/rule-tester";

testRule(rule, {
  fires: [
    {
      name: "export alone",
      code: 'FROM python:3.12-slim\nRUN export FLASK_APP=app.py\nCMD ["flask", "run"]\n',
      messageId: "exportOnly",
      line: 2,
      token: "RUN",
    },
    { name: "a bare assignment", code: "FROM debian:12\nRUN DEBIAN_FRONTEND=noninteractive\n", messageId: "exportOnly" },
    {
      // metallb: the next RUN reads GOARM=$VARIANT, always empty.
      name: "a case that exports the value for a later RUN",
      code: 'FROM golang:1.22\nARG TARGETPLATFORM\nRUN case ${TARGETPLATFORM} in \\\n  "linux/arm/v6") export VARIANT="6" ;; \\\n  *) export VARIANT="" ;; \\\n  esac\nRUN GOARM=$VARIANT go build -o /out/app .\n',
      messageId: "exportOnly",
      line: 3,
    },
  ],
  silent: [
    { name: "exported and read in the same RUN", code: "FROM golang:1.22\nRUN export CGO_ENABLED=0 && go build -o /out/app .\n" },
    { name: "a value a program computes", code: "FROM alpine:3.20\nRUN export V=$(cat /etc/alpine-release)\n" },
    { name: "a heredoc written to a file", code: "FROM node:22\nRUN <<EOF cat >> ./ui/.env\nNEXT_PUBLIC_BASE_PATH=/__PATH_PREFIX__\nEOF\n" },
    { name: "only shell options", code: "FROM alpine:3.20\nRUN set -e\n" },
    { name: "exec form", code: 'FROM alpine:3.20\nRUN ["export", "A=1"]\n' },
  ],
});

describe("run-export-only: suggestions", () => {
  it("offers ENV (preferred) and ARG with the same assignments, quoted where needed, and deleting the RUN", () => {
    const [finding] = findingsOf(rule, 'FROM debian:12\nRUN export DEBIAN_FRONTEND=noninteractive LABEL="a b"\n');
    assert.deepStrictEqual(
      finding.suggestions.map((s) => s.edits[0].newText),
      ['ENV DEBIAN_FRONTEND=noninteractive LABEL="a b"', 'ARG DEBIAN_FRONTEND=noninteractive\nARG LABEL="a b"', ""],
    );
    assert.strictEqual(finding.suggestions[0].isPreferred, true);
  });

  it("offers only deleting the RUN where a case or an if chooses the value, continuation lines included", () => {
    const code = 'FROM alpine:3.20\nRUN if [ -n "$X" ]; then \\\n  export Y=1; fi\nCMD ["sh"]\n';
    const [finding] = findingsOf(rule, code);
    assert.deepStrictEqual(
      finding.suggestions.map((s) => s.title),
      ["Delete the RUN"],
    );
    assert.deepStrictEqual(finding.suggestions[0].edits, [{ range: { start: { line: 1, character: 0 }, end: { line: 3, character: 0 } }, newText: "" }]);
  });
});
