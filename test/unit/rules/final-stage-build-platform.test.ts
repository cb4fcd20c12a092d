import { rule } from "../../../server/src/rules/final-stage-build-platform";
import { testRule } from "../../support/rule-tester";

testRule(rule, {
  fires: [
    {
      name: "the only stage (wildduck: the arm64 image ran x86_64 node, 'exec format error')",
      code: 'FROM --platform=${BUILDPLATFORM} node:lts-alpine\nWORKDIR /app\nCOPY . .\nRUN npm ci --omit=dev\nCMD ["node", "server.js"]\n',
      messageId: "buildPlatform",
      line: 1,
      token: "--platform=${BUILDPLATFORM}",
      data: { platform: "${BUILDPLATFORM}" },
      output: 'FROM node:lts-alpine\nWORKDIR /app\nCOPY . .\nRUN npm ci --omit=dev\nCMD ["node", "server.js"]\n',
    },
    {
      name: "on the stage the final stage is built on (microservices-demo's base), reported where the image is named",
      code: "FROM --platform=$BUILDPLATFORM python:3.13-alpine AS base\nFROM base AS builder\nRUN pip install flask\nFROM base\nCOPY --from=builder /usr/local /usr/local\n",
      messageId: "buildPlatform",
      line: 1,
      output: "FROM python:3.13-alpine AS base\nFROM base AS builder\nRUN pip install flask\nFROM base\nCOPY --from=builder /usr/local /usr/local\n",
    },
    {
      name: "a FROM continued over lines: the flag alone is removed",
      code: "FROM --platform=$BUILDPLATFORM \\\n    mcr.microsoft.com/dotnet/aspnet:8.0\nCOPY app /app\n",
      messageId: "buildPlatform",
      line: 1,
      output: "FROM \\\n    mcr.microsoft.com/dotnet/aspnet:8.0\nCOPY app /app\n",
    },
    { name: "the value quoted", code: 'FROM --platform="$BUILDPLATFORM" node:22-alpine\nCMD ["node"]\n', messageId: "buildPlatform", line: 1 },
    {
      name: "a target the project builds with a command of its own, not the last stage",
      code: 'FROM --platform=$BUILDPLATFORM node:22-alpine AS release\nCMD ["node", "server.js"]\nFROM golang:1.26 AS gotestsum\nRUN go install gotest.tools/gotestsum@latest\n',
      messageId: "buildPlatform",
      line: 1,
      context: { buildTargets: ["release"] },
    },
  ],
  silent: [
    {
      name: "a last stage the project does not build (it builds another target)",
      code: 'FROM node:22-alpine AS release\nCMD ["node", "server.js"]\nFROM --platform=$BUILDPLATFORM golang:1.26 AS gotestsum\nRUN go install gotest.tools/gotestsum@latest\n',
      context: { buildTargets: ["release"] },
    },
    {
      name: "the flag on a FROM naming a stage, which BuildKit ignores",
      code: 'FROM node:22-alpine AS base\nFROM --platform=$BUILDPLATFORM base\nCMD ["node"]\n',
    },
    { name: "an image a build argument chooses (it may be a static one)", code: "ARG BASE\nFROM --platform=$BUILDPLATFORM ${BASE}\nCOPY app /app\n" },
    {
      name: "an export stage: files collected for --output",
      code: "FROM --platform=$BUILDPLATFORM golang:1.26 AS build\nRUN go build -o /out/app .\nFROM --platform=$BUILDPLATFORM alpine:3.23 AS export\nCOPY --from=build /out/app /\n",
    },
    {
      name: "build stages cross-compile on it; the shipped stage follows the target",
      code: "FROM --platform=$BUILDPLATFORM golang:1.26 AS build\nRUN go build -o /app .\nFROM alpine:3.23\nCOPY --from=build /app /app\n",
    },
    { name: "a scratch base holds nothing of a platform", code: "FROM --platform=$BUILDPLATFORM scratch\nCOPY app /app\n" },
    {
      name: "a static base holds no executables (kube-webhook-certgen: a binary cross-compiled for the target)",
      code: 'FROM --platform=$BUILDPLATFORM gcr.io/distroless/static:nonroot\nCOPY certgen /certgen\nENTRYPOINT ["/certgen"]\n',
    },
    { name: "a Chainguard static base", code: "FROM --platform=${BUILDPLATFORM} cgr.dev/chainguard/static:latest\nCOPY app /app\n" },
    {
      name: "a development image (a dev container, never pushed)",
      code: "FROM --platform=$BUILDPLATFORM golang:1.26 AS builder\nRUN go build ./...\nFROM builder AS dev-envs\nRUN apk add git\n",
    },
    { name: "the target's platform, written out", code: 'FROM --platform=$TARGETPLATFORM node:22-alpine\nCMD ["node"]\n' },
    { name: "a fixed platform (base-image-platform-constant's)", code: 'FROM --platform=linux/amd64 node:22-alpine\nCMD ["node"]\n' },
  ],
});
