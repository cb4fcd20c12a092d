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
      name: "a dead builder of one vendor beside its other images (dotnet/sdk and dotnet/aspnet): no builder/final set",
      code: 'FROM mcr.microsoft.com/dotnet/sdk:8.0 AS old-build\nRUN dotnet publish -o /out\nFROM mcr.microsoft.com/dotnet/aspnet:8.0\nCMD ["dotnet", "app.dll"]\n',
      messageId: "unused",
      line: 1,
      token: "old-build",
    },
    {
      name: "a dead stage on one of a project's images beside another of them (web-api, web-worker): not a builder/final set",
      code: 'FROM ghcr.io/acme/web-api:4 AS api\nRUN make\nFROM ghcr.io/acme/web-worker:4\nCMD ["worker"]\n',
      messageId: "unused",
      line: 1,
      token: "api",
    },
    {
      name: "a dead builder on a project image while the final stage starts from another publisher's image",
      code: 'FROM ghcr.io/acme/rails-base-builder:4 AS builder\nRUN bundle install\nFROM ghcr.io/other/rails-base-final:4\nCMD ["rails", "server"]\n',
      messageId: "unused",
      line: 1,
      token: "builder",
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
    {
      name: "a named builder stage built on another stage that nothing copies from: it writes files, so it is dead",
      code: 'FROM node:20 AS deps\nRUN npm ci\nFROM deps AS bundle\nRUN npm run build\nFROM node:20-slim\nCMD ["node"]\n',
      messageId: "unused",
      line: 3,
      token: "bundle",
    },
  ],
  silent: [
    {
      name: "the final stage starts from the final image of the builder's set, whose ONBUILD triggers may COPY --from the builder",
      code: 'FROM ghcr.io/acme/rails-base-builder:4.0-alpine AS Builder\nRUN rm package.json\nFROM ghcr.io/acme/rails-base-final:4.0-alpine\nUSER app\nCMD ["./bin/rails", "server"]\n',
    },
    {
      name: "one repository under a builder and a final tag",
      code: "FROM acme/app-base:3-builder AS builder\nRUN make\nFROM acme/app-base:3-final\nUSER app\n",
    },
    {
      name: "a stage built on a target (one of several images on a shared base) is a flavour of that target",
      code: 'FROM python:3.12-slim AS base\nENTRYPOINT ["tool"]\nFROM base AS tool-core\nRUN pip install tool-core\nFROM base AS tool-pg\nRUN pip install tool-pg\nFROM tool-core AS tool-plugin\nARG plugin\nRUN pip install "$plugin"\nFROM base AS tool-all\nRUN pip install tool-pg tool-core\n',
    },
    {
      name: "a target named by a README's build command (host-read buildTargets)",
      code: "FROM python:3.12-slim AS base\nFROM base AS addon\nRUN pip install addon\nFROM python:3.12-slim\nRUN pip install app\n",
      context: { buildTargets: ["addon"] },
    },
    {
      name: "a leaf variant of an unused stage that only sets how it runs (USER): an image built with --target",
      code: 'FROM node:20 AS build\nRUN npm ci\nFROM node:20-slim AS release\nCOPY --from=build /app /app\nCMD ["node", "server.js"]\nFROM release AS nightly\nRUN npm run mark-as-nightly\nFROM nightly AS nightly-rootless\nUSER node\nFROM node:20-slim AS upload\nCOPY --from=build /app /app\nRUN ./upload.sh\n',
    },
    { name: "a conventional target name", code: "FROM node:20 AS build\nFROM build AS test\nRUN npm test\nFROM build AS app\n" },
    { name: "a conventional part of a name", code: "FROM node:20 AS build\nFROM node:20 AS production\nRUN npm ci\nFROM build\n" },
    { name: "an export stage", code: "FROM golang:1.22 AS build\nFROM scratch AS binary\nCOPY --from=build /out /\nFROM alpine:3.20\n" },
    "FROM alpine:3.20\nRUN true\n",
    {
      name: "used through COPY --from",
      code: "FROM golang:1.22 AS build\nFROM alpine:3.20\nCOPY --from=build /app /app\n",
    },
    {
      name: "used through FROM",
      code: "FROM node:20 AS base\nFROM base AS build\nFROM build\n",
    },
    {
      name: "used only through RUN --mount",
      code: "FROM golang:1.22 AS src\nFROM golang:1.22\nRUN --mount=type=bind,from=src,target=/src go build /src\n",
    },
    {
      name: "used through an index",
      code: "FROM golang:1.22\nFROM alpine:3.20\nCOPY --from=0 /a /a\n",
    },
    {
      name: "stage selected by a build argument",
      code: "ARG VARIANT=prod\nFROM alpine:3.20 AS base-dev\nFROM alpine:3.20 AS base-prod\nFROM base-${VARIANT}\n",
    },
    {
      name: "stage selected by a --from build argument",
      code: "ARG SRC\nFROM a:1 AS one\nFROM b:1 AS two\nFROM c:1\nCOPY --from=${SRC} /x /x\n",
    },
    {
      name: "variable stage names cannot be judged",
      code: "ARG N=x\nFROM a:1 AS ${N}\nFROM b:1\n",
    },
    {
      name: "an alternative image with its own CMD",
      code: 'FROM alpine:3.20 AS cli\nCMD ["cli"]\nFROM alpine:3.20 AS server\nCMD ["server"]\n',
    },
    {
      name: "variants of a shared stage (published flavours built with --target)",
      code: "FROM debian:13-slim AS common\nRUN apt-get update\nFROM common AS app\nENV A=1\nFROM app AS app-cloudrun\nENV PORT=8080\nFROM app AS app-lambda\nENV PORT=9000\n",
    },
    {
      name: "a sibling of the final stage",
      code: "FROM alpine:3.20 AS base\nRUN apk add tini\nFROM base AS sidecar\nCOPY x /x\nFROM base AS server\nCOPY y /y\n",
    },
    {
      name: "a target named by compose, bake or a script",
      code: "FROM node:20 AS build\nFROM build AS development\nRUN npm i\nFROM node:20 AS old\nFROM build\n",
      context: { buildTargets: ["development", "old"] },
    },
    {
      name: "a comment documents the target",
      code: "FROM maven:3 AS build\nRUN mvn package\n# the Tomcat variant: docker build --target tomcat .\nFROM tomcat:10 AS tomcat\nCOPY --from=build /a.war /w\nFROM gcr.io/distroless/java21\nCOPY --from=build /a.war /w\n",
    },
    {
      name: "a header says the file is multi-target",
      code: "# the stages of this file are built into separate images (compose target)\nFROM php:8 AS base\nFROM nginx:1 AS web\nCOPY --from=base /p /p\nFROM base AS php\n",
    },
    {
      name: "an export stage documented with --target",
      code: "FROM php:8 AS runtime\nFROM scratch AS standalone\nCOPY --from=runtime /bin/x /x\n# last so that a build without --target gets the runtime\nFROM runtime AS default\n",
    },
  ],
});

describe("stage-unused severities and tags", () => {
  it("marks dead stages unnecessary, at info severity: they rank above conventional targets", () => {
    const [f] = findingsOf(rule, "FROM a:1 AS old\nFROM b:1\n");
    assert.strictEqual(f.severity, "info");
    assert.deepStrictEqual(f.tags, ["unnecessary"]);
  });
  it("a comment that does not speak of targets proves nothing", () => {
    const [f] = findingsOf(rule, "# old builder, kept for reference\nFROM a:1 AS old\nRUN make\nFROM b:1\n");
    assert.strictEqual(f?.messageId, "unused");
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

  it("keeps an unused stage another unused stage may name through a variable, but not one naming only itself", () => {
    const tool = (name: string) => `FROM alpine AS ${name}\nARG X\nCOPY --from=tool-\${X} /a /b\n`;
    const final = 'FROM alpine\nCMD ["sh"]\n';
    const alone = findingsOf(rule, tool("tool-a") + final);
    assert.deepStrictEqual(
      alone.map((f) => f.data.name),
      ["tool-a"],
    );
    assert.deepStrictEqual(findingsOf(rule, tool("tool-a") + tool("tool-b") + final), []);
  });

  it("counts the stages of a long chain through `FROM ${BASE}` without listing them per stage", () => {
    // each stage's base may be any earlier stage: reachability must not be quadratic in stages
    const stages = Array.from({ length: 6000 }, (_, i) => `FROM \${BASE} AS s${i}\nRUN echo ${i}\n`).join("");
    const start = Date.now();
    const findings = findingsOf(rule, `ARG BASE=alpine\n${stages}FROM \${BASE}\nCMD ["sh"]\n`);
    assert.ok(Date.now() - start < 8000, `took ${Date.now() - start} ms`);
    assert.deepStrictEqual(findings, []);
  });
});
