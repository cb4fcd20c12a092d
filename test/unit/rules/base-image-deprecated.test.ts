import * as assert from "assert";
import { rule } from "../../../server/src/rules/base-image-deprecated";
import { findingsOf, testRule } from "../../support/rule-tester";

testRule(rule, {
  fires: [
    {
      name: "two builder stages on two versions are not a version matrix",
      code: "FROM node:18-slim AS ui\nRUN npm ci && npm run build\nFROM node:24-slim AS ui2\nRUN npm ci && npm run build\nFROM nginx:1.27\nCOPY --from=ui /dist /a\nCOPY --from=ui2 /dist /b\n",
      messageId: "endOfLife",
      line: 1,
    },
    {
      name: "a single old client stage is not a version matrix",
      code: "FROM postgres:12-bookworm AS pg\nFROM debian:bookworm-slim\nCOPY --from=pg /usr/lib/postgresql/12/bin/pg_dump /usr/bin/\n",
      messageId: "endOfLife",
      line: 1,
    },
    {
      code: 'FROM node:18-alpine\nCMD ["node"]\n',
      messageId: "endOfLife",
      line: 1,
      token: "node:18-alpine",
      data: {
        image: "node:18-alpine",
        subject: "Node.js 18",
        since: "2025-04-30",
        asOf: "2026-11-22",
        source: "Node.js release schedule (github.com/nodejs/Release)",
        replacement: "'node:24-alpine'",
        others: "",
      },
      output: 'FROM node:24-alpine\nCMD ["node"]\n',
    },
    { name: "deprecated image", code: "FROM openjdk:17-jdk-slim\n", messageId: "deprecated", line: 1, token: "openjdk:17-jdk-slim" },
    {
      name: "python 3.9",
      code: "FROM python:3.9-slim\n",
      messageId: "endOfLife",
      data: {
        image: "python:3.9-slim",
        subject: "Python 3.9",
        since: "2025-10-31",
        asOf: "2026-11-22",
        source: "Python devguide, status of Python versions",
        replacement: "'python:3.14-slim'",
        others: "",
      },
    },
    { name: "EOL distribution in a variant suffix", code: "FROM ruby:3.3-slim-buster\n", messageId: "endOfLife", line: 1 },
    { name: "builder stage on an old Go", code: "FROM golang:1.22 AS build\nFROM scratch\n", messageId: "endOfLife", line: 1, token: "golang:1.22" },
    { name: "resolved through ARG", code: "ARG V=20\nFROM node:${V}-slim\n", messageId: "endOfLife", line: 2, token: "node:${V}-slim" },
    { name: "centos", code: "FROM centos:7\n", messageId: "endOfLife", line: 1 },
    {
      name: ".NET 8 past its end of support",
      code: "FROM mcr.microsoft.com/dotnet/aspnet:8.0\n",
      messageId: "endOfLife",
      line: 1,
    },
    {
      name: "the variant is kept and the old Alpine release dropped",
      code: "FROM node:16.13-alpine3.13 AS build\n",
      messageId: "endOfLife",
      output: "FROM node:24-alpine AS build\n",
    },
    {
      name: "one image, one warning: the first FROM mentions the other stages",
      code: "FROM node:18-alpine AS deps\nFROM node:18-alpine AS builder\nFROM node:18-alpine AS runner\n",
      messageId: "endOfLife",
      line: 1,
      count: 3,
      data: {
        image: "node:18-alpine",
        subject: "Node.js 18",
        since: "2025-04-30",
        asOf: "2026-11-22",
        source: "Node.js release schedule (github.com/nodejs/Release)",
        replacement: "'node:24-alpine'",
        others: " Also the base of lines 2, 3.",
      },
    },
  ],
  silent: [
    {
      name: "one client stage per server version, each only copied from",
      code:
        "FROM postgres:12-bookworm AS pg12\nFROM postgres:13-bookworm AS pg13\nFROM postgres:17-bookworm AS pg17\nFROM debian:bookworm-slim\n" +
        "COPY --from=pg12 /usr/lib/postgresql/12/bin/pg_dump /opt/pg/12/\nCOPY --from=pg13 /usr/lib/postgresql/13/bin/pg_dump /opt/pg/13/\nCOPY --from=pg17 /usr/lib/postgresql/17/bin/pg_dump /opt/pg/17/\n",
    },
    "FROM node:24-slim\n",
    "FROM python:3.13\n",
    "FROM golang:1.26-alpine\n",
    "FROM debian:bookworm-slim\n",
    "FROM ubuntu:24.04\n",
    "FROM eclipse-temurin:21-jre\n",
    "FROM alpine:3.22\n",
    "FROM scratch\n",
    "ARG V\nFROM node:${V}\n",
    "FROM ghcr.io/acme/node:18\n",
  ],
});

describe("base-image-deprecated: one problem, one finding", () => {
  it("reports an end-of-life base shared by stages once as a warning, the other FROMs as hints with the same lightbulb", () => {
    const findings = findingsOf(rule, "FROM node:20-alpine AS a\nRUN x\nFROM node:20-alpine AS b\nFROM node:20-alpine\n");
    assert.deepStrictEqual(
      findings.map((f) => [f.range.start.line + 1, f.severity]),
      [
        [1, "warning"],
        [3, "hint"],
        [4, "hint"],
      ],
    );
    assert.strictEqual(findings[1].messageId, "sameAsFirst");
    assert.strictEqual(findings[1].message, "Same end-of-life base as line 1 ('node:20-alpine'); move it with that one.");
    assert.deepStrictEqual(findings[0].suggestions[0].edits.length, 3);
    assert.strictEqual(findings[1].suggestions[0].title, "Move to 'node:24-alpine'");
  });
});
