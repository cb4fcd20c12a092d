import * as assert from "assert";
import { rule } from "../../../server/src/rules/layer-packages-after-source";
import { findingsOf, testRule } from "../../support/rule-tester";

testRule(rule, {
  fires: [
    {
      name: "an install a build argument turns on by default still reruns on every edit",
      code: 'FROM debian:12\nCOPY . /src\nARG WITH_EXTRAS=true\nRUN if [ "$WITH_EXTRAS" = "true" ]; then apt-get install -y jq; fi\n',
      messageId: "afterSource",
      line: 4,
    },
    {
      name: "a test of a file, not of a build argument, guards nothing the defaults decide",
      code: "FROM debian:12\nCOPY . /src\nRUN if [ -f /src/needs-jq ]; then apt-get install -y jq; fi\n",
      messageId: "afterSource",
      line: 3,
    },
    {
      code: 'FROM python:3.12-slim\nWORKDIR /app\nCOPY . .\nRUN apt-get update && apt-get install -y --no-install-recommends libpq5 \\\n    && rm -rf /var/lib/apt/lists/*\nCMD ["python", "app.py"]\n',
      messageId: "afterSource",
      line: 4,
      token: "apt-get install",
      data: { command: "apt-get install", copy: "COPY . .", line: 3 },
      output:
        'FROM python:3.12-slim\nWORKDIR /app\nRUN apt-get update && apt-get install -y --no-install-recommends libpq5 \\\n    && rm -rf /var/lib/apt/lists/*\nCOPY . .\nCMD ["python", "app.py"]\n',
    },
    {
      name: "CI builds the file without a layer cache, but a compose service builds it for local use",
      code: "FROM debian:12\nCOPY . /src\nRUN apt-get install -y curl\n",
      context: { ciBuildsWithoutCache: true, composeServices: [{ file: "compose.yaml", builds: true, image: null, user: null, mounts: [] }] },
      messageId: "afterSource",
      line: 3,
    },
    {
      name: "apk after ADD . and an unrelated RUN in between",
      code: "FROM node:20-alpine\nADD . /src\nRUN npm ci\nRUN apk add --no-cache tini\n",
      messageId: "afterSource",
      line: 4,
      token: "apk add",
      data: { command: "apk add", copy: "ADD . /src", line: 2 },
      output: "FROM node:20-alpine\nRUN apk add --no-cache tini\nADD . /src\nRUN npm ci\n",
    },
    {
      name: "CRLF file whose RUN is the last line without a newline keeps CRLF",
      code: "FROM node:20-alpine\r\nADD . /src\r\nRUN apk add --no-cache tini",
      messageId: "afterSource",
      line: 3,
      output: "FROM node:20-alpine\r\nRUN apk add --no-cache tini\r\nADD . /src\r\n",
    },
    {
      name: "dnf, yum and zypper too",
      code: "FROM fedora:40\nCOPY ./ /opt/app/\nRUN dnf install -y gcc && yum -y install make && zypper --non-interactive install git\n",
      messageId: "afterSource",
      count: 3,
    },
    {
      name: "the RUN builds too: no suggestion to move it",
      code: "FROM debian:12\nCOPY . /src\nRUN apt-get install -y make && make -C /src\n",
      messageId: "afterSource",
      line: 3,
      output: null,
    },
    {
      name: "a USER between the copy and the install: no suggestion",
      code: "FROM debian:12\nCOPY . /src\nUSER root\nRUN apt-get install -y curl\n",
      messageId: "afterSource",
      line: 4,
      output: null,
    },
    {
      name: "a COPY between may bring package configuration: no suggestion",
      code: "FROM debian:12\nCOPY . /src\nCOPY pin.pref /etc/apt/preferences.d/\nRUN apt-get install -y curl\n",
      messageId: "afterSource",
      line: 4,
      output: null,
    },
  ],
  silent: [
    {
      name: "an install only an opt-in build argument (default false) turns on",
      code: 'FROM debian:12 AS build\nWORKDIR /src\nCOPY . .\nARG WITH_EXTRAS=false\nRUN if [ "$WITH_EXTRAS" = "true" ]; then apt-get update && apt-get install -y --no-install-recommends jq; fi\n',
    },
    {
      name: "an install chained after a test of an argument with no default",
      code: 'FROM debian:12\nCOPY . /src\nARG EXTRA_TOOLS\nRUN [ -n "${EXTRA_TOOLS}" ] && apt-get install -y ${EXTRA_TOOLS} || true\n',
    },
    {
      name: "the packages serve a script the copy brought, run in the same RUN",
      code: "FROM golang:1.22 AS build\nWORKDIR /workspace\nCOPY . .\nRUN apt-get update && apt-get install -y --no-install-recommends curl && ./tools/fetch-addons.sh\n",
    },
    {
      name: "a script under the copy's destination run through bash",
      code: "FROM debian:12\nCOPY . /opt/app\nRUN apt-get install -y unzip && bash /opt/app/scripts/setup.sh\n",
    },
    {
      name: "build packages installed, used and removed in one RUN: a RUN of their own would keep them",
      code: "FROM alpine:3.20\nCOPY . /src\nRUN apk add --no-cache --virtual .deps gcc make && make -C /src && apk del .deps\n",
    },
    "FROM debian:12\nRUN apt-get update && apt-get install -y curl\nCOPY . /app\n",
    { name: "copies of single files are not the whole context", code: "FROM debian:12\nCOPY requirements.txt /app/\nRUN apt-get install -y curl\n" },
    { name: "a local package from the context", code: "FROM debian:12\nCOPY . /src\nRUN apt-get install -y /src/dist/app.deb\n" },
    { name: "a package list read from the context", code: "FROM debian:12\nCOPY . /src\nRUN apt-get install -y $(cat /src/packages.txt)\n" },
    { name: "xargs reads a list file", code: "FROM debian:12\nCOPY . /src\nRUN xargs apt-get install -y < /src/packages.txt\n" },
    { name: "another stage's broad copy does not count", code: "FROM node:20 AS build\nCOPY . .\nFROM debian:12\nRUN apt-get install -y curl\n" },
    { name: "COPY --from is not the build context", code: "FROM debian:12\nCOPY --from=build . /app\nRUN apt-get install -y curl\n" },
    { name: "removing packages is not installing", code: "FROM debian:12\nCOPY . /src\nRUN apt-get purge -y gcc\n" },
  ],
});

describe("layer-packages-after-source: files no build the project shows rebuilds with their layers", () => {
  it("reports at hint severity where CI builds the file only without a layer cache and nothing builds it locally", () => {
    const code = "FROM debian:12\nCOPY . /src\nRUN apt-get install -y curl\n";
    assert.deepStrictEqual(
      findingsOf(rule, code, { ciBuildsWithoutCache: true }).map((f) => f.severity),
      ["hint"],
    );
    assert.deepStrictEqual(
      findingsOf(rule, code).map((f) => f.severity),
      ["warning"],
    );
  });
});
