import * as assert from "assert";
import { rule } from "../../../server/src/rules/stage-unused";
import { findingsOf, testRule } from "../../support/rule-tester";

testRule(rule, {
  fires: [
    {
      code: 'FROM node:20 AS old-build\nRUN npm ci\nFROM node:20-slim\nCMD ["node"]\n',
      messageId: "unused",
      line: 1,
      token: "old-build",
      data: { name: "old-build" },
      output: null,
    },
    {
      name: "unnamed stage is reported on its image",
      code: "FROM golang:1.22\nRUN go build\nFROM alpine:3.20\n",
      messageId: "unusedUnnamed",
      line: 1,
      token: "golang:1.22",
      data: { index: 0, image: "golang:1.22" },
    },
    {
      name: "conventional target",
      code: "FROM node:20 AS build\nFROM build AS test\nRUN npm test\nFROM build AS app\n",
      messageId: "onlyTarget",
      line: 2,
      token: "test",
      data: { name: "test", kind: "test" },
    },
    {
      name: "conventional part of a name",
      code: "FROM node:20 AS build\nFROM build AS unit-test\nFROM build\n",
      messageId: "onlyTarget",
      token: "unit-test",
      data: { name: "unit-test", kind: "test" },
    },
    {
      name: "export stage",
      code: "FROM golang:1.22 AS build\nFROM scratch AS binary\nCOPY --from=build /out /\nFROM alpine:3.20\n",
      messageId: "onlyTarget",
      token: "binary",
      data: { name: "binary", kind: "export" },
    },
    {
      name: "an alternative image with its own CMD",
      code: 'FROM alpine:3.20 AS cli\nCMD ["cli"]\nFROM alpine:3.20 AS server\nCMD ["server"]\n',
      messageId: "onlyTarget",
      line: 1,
      data: { name: "cli", kind: "image" },
    },
    {
      name: "only the entry point of an unused chain is reported",
      code: "FROM golangci/golangci-lint:v1 AS golangci\nFROM golang:1.22 AS checker\nRUN --mount=from=golangci,source=/usr/bin/golangci-lint,target=/g true\nFROM alpine:3.20\n",
      messageId: "unused",
      line: 2,
      token: "checker",
    },
    {
      name: "ONBUILD triggers do not make a stage used",
      code: "FROM alpine:3.20 AS assets\nFROM alpine:3.20\nONBUILD COPY --from=assets /a /a\n",
      messageId: "unused",
      line: 1,
    },
  ],
  silent: [
    "FROM alpine:3.20\nRUN true\n",
    { name: "used through COPY --from", code: "FROM golang:1.22 AS build\nFROM alpine:3.20\nCOPY --from=build /app /app\n" },
    { name: "used through FROM", code: "FROM node:20 AS base\nFROM base AS build\nFROM build\n" },
    { name: "used only through RUN --mount", code: "FROM golang:1.22 AS src\nFROM golang:1.22\nRUN --mount=type=bind,from=src,target=/src go build /src\n" },
    { name: "used through an index", code: "FROM golang:1.22\nFROM alpine:3.20\nCOPY --from=0 /a /a\n" },
    {
      name: "stage selected by a build argument",
      code: "ARG VARIANT=prod\nFROM alpine:3.20 AS base-dev\nFROM alpine:3.20 AS base-prod\nFROM base-${VARIANT}\n",
    },
    { name: "stage selected by a --from build argument", code: "ARG SRC\nFROM a:1 AS one\nFROM b:1 AS two\nFROM c:1\nCOPY --from=${SRC} /x /x\n" },
    { name: "variable stage names cannot be judged", code: "ARG N=x\nFROM a:1 AS ${N}\nFROM b:1\n" },
  ],
});

describe("stage-unused severities and tags", () => {
  it("marks dead stages unnecessary, at hint severity", () => {
    const [f] = findingsOf(rule, "FROM a:1 AS old\nFROM b:1\n");
    assert.strictEqual(f.severity, "hint");
    assert.deepStrictEqual(f.tags, ["unnecessary"]);
  });
  it("reports conventional targets as info, without the unnecessary tag", () => {
    const [f] = findingsOf(rule, "FROM a:1 AS debug\nFROM b:1\n");
    assert.strictEqual(f.severity, "info");
    assert.deepStrictEqual(f.tags, []);
  });
});

describe("stage-unused with variables in references", () => {
  it("matches `${...}` wildcards linearly (no regular expression built from the word)", () => {
    const stage = "a".repeat(40);
    const word = `${Array.from({ length: 12 }, (_, i) => `\${V${i}}`).join("")}x`;
    const start = Date.now();
    const findings = findingsOf(rule, `FROM alpine AS ${stage}\nFROM alpine\nCOPY --from=${word} /a /b\n`);
    assert.ok(Date.now() - start < 1000, `took ${Date.now() - start} ms`);
    assert.deepStrictEqual(
      findings.map((f) => f.messageId),
      ["unused"],
    );
  });

  it("reads deeply nested `${...}` as one variable without throwing", () => {
    let nested = "x";
    for (let i = 0; i < 2000; i++) nested = `\${${nested}}`;
    const findings = findingsOf(rule, `FROM alpine AS build\nFROM alpine\nCOPY --from=${nested} /a /b\n`);
    // The whole word is one variable, so it may name `build`: not unused.
    assert.deepStrictEqual(findings, []);
  });

  it("still counts a stage a variable reference can spell as used", () => {
    const findings = findingsOf(rule, "FROM alpine AS build-amd64\nFROM alpine\nARG ARCH\nCOPY --from=build-${ARCH} /a /b\n");
    assert.deepStrictEqual(findings, []);
  });
});
