import * as assert from "assert";
import { rule } from "../../../server/src/rules/copy-from-undefined";
import { findingsOf, testRule } from "../../support/rule-tester";

const BUILDER = "FROM golang:1.22 AS builder\nRUN go build -o /out/app .\n";

testRule(rule, {
  fires: [
    {
      name: "near miss of a stage name",
      code: `${BUILDER}FROM alpine:3.20\nCOPY --from=buidler /out/app /app\n`,
      messageId: "didYouMean",
      line: 4,
      token: "buidler",
      data: { name: "buidler", suggestion: "builder" },
      output: `${BUILDER}FROM alpine:3.20\nCOPY --from=builder /out/app /app\n`,
    },
    {
      name: "near miss written in another case",
      code: `${BUILDER}FROM alpine:3.20\nCOPY --from=BUIDLER /out/app /app\n`,
      messageId: "didYouMean",
      token: "BUIDLER",
      output: `${BUILDER}FROM alpine:3.20\nCOPY --from=builder /out/app /app\n`,
    },
    {
      name: "quoted value keeps its quotes",
      code: `${BUILDER}FROM alpine:3.20\nCOPY --from="biulder" /out/app /app\n`,
      messageId: "didYouMean",
      token: '"biulder"',
      output: `${BUILDER}FROM alpine:3.20\nCOPY --from="builder" /out/app /app\n`,
    },
    {
      name: "a name that is the last part of one stage name",
      code: "FROM golang:1.22 AS license-set\nRUN true\nFROM scratch AS license-update\nCOPY --from=set /out /\n",
      messageId: "didYouMean",
      line: 4,
      token: "set",
      data: { name: "set", suggestion: "license-set" },
    },
    {
      name: "RUN --mount from=",
      code: "FROM node:20 AS deps\nFROM node:20\nRUN --mount=type=bind,from=dpes,target=/deps ls /deps\n",
      messageId: "didYouMean",
      line: 3,
      token: "dpes",
      output: "FROM node:20 AS deps\nFROM node:20\nRUN --mount=type=bind,from=deps,target=/deps ls /deps\n",
    },
    {
      name: "value from an ARG default: reported on the variable, no fix",
      code: `ARG SRC=biulder\n${BUILDER}FROM alpine:3.20\nCOPY --from=\${SRC} /out/app /app\n`,
      messageId: "didYouMean",
      line: 5,
      token: "${SRC}",
      data: { name: "biulder", suggestion: "builder" },
      output: null,
    },
    {
      name: "FROM with a near miss of an earlier stage",
      code: `${BUILDER}FROM buidler AS test\nRUN go test ./...\n`,
      messageId: "didYouMean",
      line: 3,
      token: "buidler",
      output: `${BUILDER}FROM builder AS test\nRUN go test ./...\n`,
    },
    {
      name: "bare name that is no stage and no known image",
      code: "FROM node:20 AS build\nRUN npm run build\nFROM nginx:1.27\nCOPY --from=artifacts /dist /usr/share/nginx/html\n",
      messageId: "undefined",
      line: 4,
      token: "artifacts",
      data: { name: "artifacts" },
      output: null,
    },
    { name: "fragment without FROM", code: "COPY --from=foo bar .\n", messageId: "undefined", line: 1, token: "foo" },
  ],
  silent: [
    {
      name: "a build context passed on the command line: its whole root copied into a folder",
      code: "FROM python:3.14-alpine AS app\nFROM app AS app-plugin\nCOPY --from=plugin-src . /opt/app/src/plugin\n",
    },
    {
      name: "a build context copied from its root into a sibling folder",
      code: "FROM elixir:1.18 AS builder\nWORKDIR /b/app\nCOPY --from=telemetry / /b/telemetry\nFROM debian:13-slim\nCOPY --from=builder /b/app/_build /app\n",
    },
    { name: "a bind-mounted build context", code: "FROM golang:1.22\nRUN --mount=type=bind,from=proto,target=/proto ls /proto\n" },
    `${BUILDER}FROM alpine:3.20\nCOPY --from=builder /out/app /app\n`,
    { name: "stage names are case-insensitive", code: `${BUILDER}FROM alpine:3.20\nCOPY --from=Builder /out/app /app\n` },
    { name: "official image", code: "FROM alpine:3.20\nCOPY --from=nginx /etc/nginx/nginx.conf /etc/\n" },
    { name: "official image close to a stage name", code: "FROM node:20 AS nodes\nFROM alpine:3.20\nCOPY --from=node /usr/local/bin/node /usr/local/bin/\n" },
    { name: "image with tag", code: "FROM python:3.12-slim\nCOPY --from=ghcr.io/astral-sh/uv:0.5.31 /uv /uvx /bin/\n" },
    { name: "image with namespace", code: "FROM alpine:3.20\nCOPY --from=crazymax/yasu / /\n" },
    {
      name: "image with digest",
      code: "FROM alpine:3.20\nCOPY --from=busybox@sha256:2f5a0e2e7a3b7b8d8a6c4e9f1b0c3d2e1f0a9b8c7d6e5f4a3b2c1d0e9f8a7b6c /bin/busybox /bin/\n",
    },
    { name: "docker-image:// form", code: "FROM alpine:3.20\nCOPY --from=docker-image://alpine:3.20 /etc/alpine-release /\n" },
    { name: "unresolvable variable", code: "ARG SRC\nFROM alpine:3.20\nCOPY --from=$SRC /a /b\n" },
    { name: "variable resolved to a stage", code: `ARG SRC=builder\n${BUILDER}FROM alpine:3.20\nCOPY --from=\${SRC} /out/app /app\n` },
    { name: "quoted variable resolved to a stage", code: `${BUILDER}FROM alpine:3.20\nARG SRC="builder"\nCOPY --from="\${SRC}" /out/app /app\n` },
    {
      name: "platform-dependent variable",
      code: 'ARG D=${TARGETPLATFORM#linux/amd64}\nARG D=${D:+"unsupported"}\nFROM alpine:3.20 AS delve-supported\nFROM alpine:3.20\nCOPY --from=delve-${D} /a /b\n',
    },
    { name: "stage names written with variables", code: "ARG NAME=first\nFROM alpine:3.20 AS ${NAME}\nFROM alpine:3.20\nCOPY --from=first /a /b\n" },
    { name: "ONBUILD resolves in the downstream build", code: "FROM alpine:3.20\nONBUILD COPY --from=builder /out/app /app\n" },
    { name: "index is copy-from-index-invalid's", code: "FROM alpine:3.20\nCOPY --from=3 /a /b\n" },
    { name: "later stage is copy-from-later-stage's", code: "FROM alpine:3.20\nCOPY --from=build /a /b\nFROM alpine:3.20 AS build\n" },
    { name: "scratch", code: "FROM alpine:3.20\nCOPY --from=scratch /a /b\n" },
    { name: "FROM of an unknown bare image far from any stage", code: "FROM golang:1.22 AS builder\nFROM mycompany-runtime\n" },
    {
      name: "a build context the project passes by name (compose additional_contexts, bake contexts)",
      code: "FROM node:20 AS build\nRUN npm run build\nFROM nginx:1.27\nCOPY --from=artifacts /dist /usr/share/nginx/html\nCOPY --from=Templates /t /etc/t\n",
      context: { namedContexts: ["artifacts", "templates"] },
    },
    { name: "hadolint ignore", code: `${BUILDER}FROM alpine:3.20\n# hadolint ignore=DL3022\nCOPY --from=buidler /out/app /app\n` },
  ],
});

describe("copy-from-undefined severities", () => {
  it("an unseen named build context is no finding: BuildKit builds it silently when --build-context passes it", () => {
    assert.deepStrictEqual(findingsOf(rule, "FROM alpine:3.22\nCOPY --from=shared-src . /src\n"), []);
  });
  it("a near miss of a stage is still a typo, whatever the signs of a context", () => {
    const [f] = findingsOf(rule, "FROM golang:1.22 AS plugin-src\nRUN true\nFROM alpine:3.22\nCOPY --from=plugin-scr . /src\n");
    assert.deepStrictEqual([f.messageId, f.severity], ["didYouMean", "error"]);
  });
  it("a bare unknown name without those signs stays an error: BuildKit pulls docker.io/library/<name> and fails", () => {
    const [f] = findingsOf(rule, "FROM alpine:3.22\nCOPY --from=artifacts /dist /www\n");
    assert.deepStrictEqual([f.messageId, f.severity], ["undefined", "error"]);
  });
});
