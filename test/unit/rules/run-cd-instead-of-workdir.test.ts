import { rule } from "../../../server/src/rules/run-cd-instead-of-workdir";
import { testRule } from "../../support/rule-tester";

testRule(rule, {
  fires: [
    {
      name: "absolute cds into two folders: each WORKDIR is the cd's own text",
      code: "FROM node:22\nCOPY server /build/server\nRUN cd /build/server && npm ci\nRUN cd /build/server && npm run build\n",
      messageId: "cdRepeated",
      line: 4,
    },
    { code: "FROM alpine:3.20\nRUN cd /app\n", messageId: "cdLost", line: 2, token: "cd /app", data: { dir: "/app" }, output: null },
    { name: "ONBUILD", code: "FROM alpine:3.20\nONBUILD RUN cd /app\n", messageId: "cdLost", line: 2 },
    {
      name: "a last cd to a folder other than the WORKDIR, in a heredoc script",
      code: "# syntax=docker/dockerfile:1\nFROM debian:12\nWORKDIR /srv\nRUN <<EOF\nmkdir -p /opt/data\ncd /opt/data\nEOF\n",
      messageId: "cdLost",
      token: "cd /opt/data",
    },
    { name: "a last cd to an absolute path", code: "FROM python:3.12\nRUN pip install -r /req.txt && cd /tmp\n", messageId: "cdLost", token: "cd /tmp" },
    { name: "a RUN of only a relative cd", code: "FROM alpine:3.20\nWORKDIR /src\nRUN cd app\n", messageId: "cdUseless", data: { dir: "app" } },
    { name: "a RUN of only cd ..", code: "FROM alpine:3.20\nRUN cd ..\n", messageId: "cdUseless", data: { dir: ".." } },
    {
      name: "a RUN that repeats the previous RUN's cd",
      code: "FROM debian:12\nRUN git clone https://x/libvips.git && cd libvips && git checkout v8\nRUN cd libvips && meson setup build && ninja -C build install\n",
      messageId: "cdRepeated",
      line: 3,
      token: "cd libvips",
      data: { dir: "libvips" },
    },
  ],
  silent: [
    {
      name: "a last cd back to the stage's WORKDIR returns rather than moves",
      code: "FROM debian:12\nARG HOME_DIR=/srv/app\nWORKDIR $HOME_DIR\nRUN git clone https://x/lib.git /opt/lib && cd /opt/lib && make install && cd /srv/app\n",
    },
    {
      name: "the same in a heredoc script",
      code: "# syntax=docker/dockerfile:1\nFROM debian:12\nWORKDIR /srv/app\nRUN <<EOF\nmkdir -p /opt/build\ncd /opt/build\ncmake /opt/src && make install\ncd /srv/app\nEOF\n",
    },
    {
      name: "relative cds into two folders of the stage: WORKDIRs written the same way would nest",
      code: "FROM node:22\nWORKDIR /src\nCOPY . .\nRUN cd packages/server && npm ci\nRUN cd packages/server && npm run build\nRUN cd packages/web && npm ci\nRUN cd packages/web && npm run build\n",
    },
    "FROM golang:1.23\nWORKDIR /src\nRUN go build ./...\n",
    { name: "a cd that serves its own RUN", code: "FROM golang:1.23\nRUN cd /src && go build ./...\n" },
    {
      name: "a temporary source tree built and deleted in one RUN",
      code: "FROM debian:12\nRUN git clone https://x/y.git /tmp/y && cd /tmp/y && make install && cd / && rm -rf /tmp/y\n",
    },
    { name: "a cd in a subshell", code: "FROM debian:12\nRUN (cd /usr/src/ext && phpize && make) && rm -rf /usr/src/ext\n" },
    { name: "a cd inside an if", code: "FROM debian:12\nARG X=false\nRUN if [ $X = true ]; then cd /tmp && make; fi\n" },
    { name: "a last cd inside an if", code: "FROM debian:12\nARG X=false\nRUN if [ $X = true ]; then make && cd /opt; fi\n" },
    {
      name: "a last cd to '/', '..', a glob or a variable",
      code: "FROM debian:12\nRUN make && cd /\nRUN make && cd ..\nRUN make && cd /etc/php*\nRUN make && cd $HOME\n",
    },
    {
      name: "the same cd after other instructions (a WORKDIR would break the COPY between)",
      code: "FROM mcr.microsoft.com/dotnet/sdk:8.0\nWORKDIR /source\nRUN cd App && dotnet restore\nCOPY App/. ./App/\nRUN cd App && dotnet publish -o /app\n",
    },
    {
      name: "the same cd in the next stage",
      code: "FROM node:22 AS base\nRUN cd frontend && npm ci\nFROM base AS bundle\nRUN cd frontend && npm run bundle\n",
    },
    { name: "a last cd after ||", code: "FROM debian:12\nRUN test -d /opt || cd /opt\n" },
    { name: "ignored by a hadolint pragma", code: "FROM alpine:3.20\n# hadolint ignore=DL3003\nRUN cd /tmp\n" },
  ],
});
