import { rule } from "../../../server/src/rules/final-stage-root";
import { testRule } from "../../support/rule-tester";

testRule(rule, {
  fires: [
    { code: "FROM debian:bookworm-slim\nUSER root\n", messageId: "lastUserRoot", line: 2, token: "root", data: { user: "root" }, output: null },
    { name: "uid 0", code: "FROM scratch\nUSER 0\n", messageId: "lastUserRoot", line: 2, token: "0" },
    { name: "root:root", code: "FROM scratch\nUSER root:root\n", messageId: "lastUserRoot", line: 2, token: "root:root" },
    { name: "0:0", code: "FROM scratch\nUSER 0:0\n", messageId: "lastUserRoot", line: 2 },
    {
      name: "inherited from the stage the final builds on",
      code: "FROM debian AS base\nUSER root\nRUN something\nFROM base\nRUN something else\n",
      messageId: "lastUserRoot",
      line: 2,
    },
    { name: "switched back to root at the end", code: "FROM debian:bookworm-slim\nUSER app\nRUN x\nUSER root\n", messageId: "lastUserRoot", line: 4 },
    {
      name: "resolved through ARG",
      code: "FROM debian:bookworm-slim\nARG RUN_AS=root\nUSER ${RUN_AS}\n",
      messageId: "lastUserRoot",
      line: 3,
      token: "${RUN_AS}",
    },
    {
      name: "distroless default (root) tag per architecture",
      code: "FROM gcr.io/distroless/static-debian12:latest-amd64\nCOPY app /app\n",
      messageId: "noUser",
      line: 1,
    },
    {
      name: "an image without facts about its default user: said so, not claimed to be root",
      code: "FROM ghcr.io/acme/runtime:2.1\nCOPY app /app\n",
      messageId: "noUserUnknownBase",
      line: 1,
      token: "ghcr.io/acme/runtime:2.1",
      data: { image: "ghcr.io/acme/runtime:2.1" },
    },
    {
      name: "no USER at all",
      code: 'FROM node:24-slim\nCOPY . .\nCMD ["node", "index.js"]\n',
      messageId: "noUser",
      line: 1,
      token: "node:24-slim",
      data: { image: "node:24-slim" },
    },
  ],
  silent: [
    "FROM scratch\nUSER foo\n",
    "FROM scratch\nUSER root\nRUN something\nUSER foo\n",
    // hadolint fires on the builder's USER root; we judge the final image only (documented).
    "FROM debian AS base\nUSER root\nRUN something\nFROM scratch\nUSER foo\nRUN something else\n",
    "FROM debian AS base\nUSER root\nRUN something\nUSER foo\nFROM scratch\nRUN something else\n",
    // scratch without USER: no user database, usually a lone static binary.
    "FROM scratch\nCOPY app /app\n",
    "FROM gcr.io/distroless/static-debian12:nonroot\nCOPY app /app\n",
    // Per-architecture and debug forms of the nonroot tag (Prometheus' Dockerfile.distroless).
    'ARG DISTROLESS_ARCH="amd64"\nFROM gcr.io/distroless/static-debian13:nonroot-${DISTROLESS_ARCH}\nCOPY app /app\n',
    "FROM gcr.io/distroless/base-debian12:debug-nonroot\nCOPY app /app\n",
    "FROM cgr.dev/chainguard/node:latest\nCOPY . .\n",
    "FROM nginxinc/nginx-unprivileged:1.27\n",
    "FROM mcr.microsoft.com/windows/servercore:ltsc2022\nRUN echo hi\n",
    "FROM quay.io/jupyter/base-notebook:2025-01-01\n",
    "FROM grafana/k6:1.4.0\nCOPY script.js /scripts/\n",
    'FROM debian:bookworm-slim\nRUN apt-get install -y gosu\nENTRYPOINT ["docker-entrypoint.sh"]\n',
    "FROM debian:bookworm-slim\nUSER ${APP_USER}\n",
    "FROM debian:bookworm-slim AS dev\n",
    "ARG BASE\nFROM ${BASE}\n",
    "FROM ubuntu\n# hadolint ignore=DL3002\nUSER root\n",
  ],
});
