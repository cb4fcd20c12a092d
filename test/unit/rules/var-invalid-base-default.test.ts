import * as assert from "assert";
import { ValidationCode } from "dockerfile-utils";
import { analyze } from "../../../server/src/engine";
import { rule } from "../../../server/src/rules/var-invalid-base-default";
import { syntaxCodeName } from "../../../server/src/syntax-checks";
import { testRule } from "../../support/rule-tester";

testRule(rule, {
  fires: [
    { code: "ARG TAG=\nFROM alpine:${TAG}\n", messageId: "invalid", line: 2, token: "alpine:${TAG}", data: { base: "alpine:${TAG}" }, output: null },
    { name: "a default that is not an image name", code: "ARG IMAGE=Registry/App\nFROM $IMAGE\n", messageId: "invalid" },
    { name: "a variable no ARG declares", code: "FROM $IMAGE\n", messageId: "invalid" },
    { name: "quotes removed, an empty default still leaves no tag", code: 'ARG TAG=\nFROM alpine:"${TAG}"\n', messageId: "invalid" },
    { name: "an empty default used by another default", code: "ARG A=\nARG B=node:${A}\nFROM $B\n", messageId: "invalid", line: 3 },
    {
      name: "required build arguments that the compose service building the file does not pass",
      code: "ARG ELIXIR_VERSION\nARG ALPINE_VERSION\nFROM hexpm/elixir:${ELIXIR_VERSION}-alpine-${ALPINE_VERSION}\n",
      context: { buildArgs: { composeBuilds: 1, passed: ["NODE_ENV"] } },
      messageId: "notPassed",
      line: 3,
      data: { name: "ELIXIR_VERSION" },
    },
  ],
  silent: [
    {
      name: "quotes around the variables are removed by BuildKit's word lexer",
      code: 'ARG version=3206.v1-1\nARG JDK=17\nFROM example/agent:"${version}"-jdk"${JDK}" AS base\n',
    },
    "ARG TAG=3.20\nFROM alpine:${TAG}\n",
    // Held-out BC, mosaicml/composer: the word after `:+` holds references of its own, in quotes.
    'ARG CUDA_VERSION=11.3.1\nARG UBUNTU_VERSION=22.04\nARG BASE_IMAGE=${CUDA_VERSION:+"nvidia/cuda:${CUDA_VERSION}-cudnn8-devel-ubuntu${UBUNTU_VERSION}"}\nARG BASE_IMAGE=${BASE_IMAGE:-"ubuntu:${UBUNTU_VERSION}"}\nFROM ${BASE_IMAGE} AS pytorch_stage\n',
    // Held-out BC, restic-robot: `:?` fails an empty build argument; the default names a real tag.
    "ARG RESTIC_VERSION=latest\nFROM golang:alpine AS builder\nRUN go build\nFROM restic/restic:${RESTIC_VERSION:?} AS runner\n",
    "ARG TAG\nFROM alpine:${TAG:-3.20}\n",
    { name: "a required build argument (no default at all)", code: "ARG PYTHON_VERSION\nFROM python:${PYTHON_VERSION}-slim\n" },
    {
      name: "a required build argument a script passes (--build-arg), with compose building the file too",
      code: "ARG PYTHON_VERSION\nFROM python:${PYTHON_VERSION}-slim\n",
      context: { buildArgs: { composeBuilds: 1, passed: ["PYTHON_VERSION"] } },
    },
    {
      name: "a required build argument with no compose service building the file: the caller is unknown",
      code: "ARG PYTHON_VERSION\nFROM python:${PYTHON_VERSION}-slim\n",
      context: { buildArgs: { composeBuilds: 0, passed: [] } },
    },
    {
      name: "a script passes build arguments through a variable: any may be passed",
      code: "ARG PYTHON_VERSION\nFROM python:${PYTHON_VERSION}-slim\n",
      context: { buildArgs: { composeBuilds: 1, passed: ["*"] } },
    },
    {
      name: "a default built from a required argument, compose passing nothing: its value is left to the build",
      code: "ARG PG_MAJOR\nARG BASE=postgres:${PG_MAJOR}-alpine\nFROM ${BASE}\n",
      context: { buildArgs: { composeBuilds: 1, passed: [] } },
    },
    { name: "a required digest passed per target", code: "ARG TARGET=x86_64-linux\nARG DIGEST\nFROM ghcr.io/acme/cross-${TARGET}@${DIGEST}\n" },
    { name: "a default built from a required argument", code: "ARG PG_MAJOR\nARG BASE=postgres:${PG_MAJOR}-alpine\nFROM ${BASE}\n" },
    "FROM --platform=$BUILDPLATFORM golang:1.23-${TARGETOS}\n",
    {
      name: "a default that uses a platform argument",
      code: "ARG ARCH=${TARGETARCH:-amd64}\nFROM debian:12 AS deps-amd64\nFROM debian:12 AS deps-arm64\nFROM deps-${ARCH} AS app\n",
    },
    { name: "a Maven template placeholder", code: "FROM ${docker.base.image}\nCOPY ${pkg.name}.deb /tmp/\n" },
  ],
});

describe("var-invalid-base-default and dockerfile-utils' BASE_NAME_EMPTY", () => {
  it("keeps BASE_NAME_EMPTY away from a template placeholder the rule leaves alone", () => {
    const { findings, syntax } = analyze("FROM ${docker.base.image}\n");
    assert.deepStrictEqual(
      findings.map((f) => f.ruleId),
      [],
    );
    assert.deepStrictEqual(
      syntax.filter((p) => p.code === syntaxCodeName(ValidationCode.BASE_NAME_EMPTY)),
      [],
    );
  });

  it("reports an undeclared base once, as the rule", () => {
    const { findings, syntax } = analyze("FROM $IMAGE\n");
    assert.ok(findings.some((f) => f.ruleId === "var-invalid-base-default"));
    assert.deepStrictEqual(
      syntax.filter((p) => p.code === syntaxCodeName(ValidationCode.BASE_NAME_EMPTY)),
      [],
    );
  });
});
