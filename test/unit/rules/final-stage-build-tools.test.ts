import { rule } from "../../../server/src/rules/final-stage-build-tools";
import { testRule } from "../../support/rule-tester";

testRule(rule, {
  fires: [
    {
      code: "FROM python:3.12-slim\nRUN apt-get update && apt-get install -y --no-install-recommends gcc libpq-dev && rm -rf /var/lib/apt/lists/*\n",
      messageId: "buildTools",
      line: 2,
      token: "gcc",
      data: { packages: "'gcc', 'libpq-dev'" },
      output: null,
    },
    { name: "apk build-base", code: "FROM alpine:3.22\nRUN apk add --no-cache build-base git\n", messageId: "buildTools", line: 2, token: "build-base" },
    {
      name: "dnf -devel",
      code: "FROM fedora:42\nRUN dnf install -y make openssl-devel\n",
      messageId: "buildTools",
      line: 2,
      token: "make",
      data: { packages: "'make', 'openssl-devel'" },
    },
    {
      name: "version-pinned package",
      code: "FROM debian:bookworm-slim\nRUN apt-get install -y build-essential=12.9\n",
      messageId: "buildTools",
      data: { packages: "'build-essential'" },
    },
    {
      name: "installed in a parent stage of the final",
      code: 'FROM debian:bookworm-slim AS base\nRUN apt-get install -y git\nFROM base\nCMD ["app"]\n',
      messageId: "buildTools",
      line: 2,
    },
    { name: "removed in a later RUN still leaves a layer", code: "FROM alpine:3.22\nRUN apk add gcc\nRUN apk del gcc\n", messageId: "buildTools", line: 2 },
  ],
  silent: [
    "FROM debian:bookworm-slim\nRUN apt-get install -y curl ca-certificates\n",
    // Removed in the same RUN.
    "FROM alpine:3.22\nRUN apk add --no-cache --virtual .build-deps gcc musl-dev && pip install x && apk del .build-deps\n",
    "FROM debian:bookworm-slim\nRUN apt-get install -y gcc && make && apt-get purge -y gcc\n",
    "FROM debian:bookworm-slim\nRUN savedAptMark=\"$(apt-mark showmanual)\" && apt-get install -y gcc make && make && apt-mark auto '.*' > /dev/null && apt-get purge -y --auto-remove\n",
    // Builder stages may install anything.
    "FROM debian:bookworm AS build\nRUN apt-get install -y build-essential\nFROM debian:bookworm-slim\nCOPY --from=build /out /out\n",
    // Development stages are built with tools on purpose.
    "FROM debian:bookworm-slim AS dev\nRUN apt-get install -y gcc git\n",
    // A toolchain base has them anyway (final-stage-toolchain's concern).
    "FROM golang:1.27-alpine\nRUN apk add --no-cache git gcc\n",
    "FROM alpine:3.22\nRUN apk add $BUILD_DEPS\n",
  ],
});
