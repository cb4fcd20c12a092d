import { rule } from "../../../server/src/rules/copy-from-root";
import { testRule } from "../../support/rule-tester";

const BUILD = "FROM node:20 AS build\nWORKDIR /app\nCOPY . .\nRUN npm ci && npm run build\n";

testRule(rule, {
  fires: [
    {
      name: "a base ARG with a real default is an image whose whole filesystem is copied",
      code: "ARG TOOLS=alpine:3.20\nFROM ${TOOLS} AS tools\nFROM debian:12-slim\nCOPY --from=tools / /\n",
      messageId: "root",
    },
    {
      name: "root onto root",
      code: `${BUILD}FROM node:20-slim\nCOPY --from=build / /\n`,
      messageId: "root",
      line: 6,
      token: "/",
      data: { from: "build" },
      output: null,
    },
    { name: "quoted paths", code: `${BUILD}FROM node:20-slim\nCOPY --from=build "/" "/"\n`, messageId: "root", line: 6, token: '"/"' },
    { name: "an image", code: "FROM alpine:3.20\nCOPY --from=busybox:1.36 / /\n", messageId: "root", line: 2, data: { from: "busybox:1.36" } },
    { name: "fragment without FROM", code: "COPY --from=build / /\n", messageId: "root", line: 1 },
    {
      name: "ONBUILD trigger: same hazard downstream",
      code: "FROM alpine:3.20\nONBUILD COPY --from=build / /\n",
      messageId: "root",
      line: 2,
      data: { from: "build" },
    },
    { name: "ADD --from", code: `${BUILD}FROM node:20-slim\nADD --from=build / /\n`, messageId: "root", line: 6 },
    {
      name: "'.' is the stage's root, not its WORKDIR",
      code: `${BUILD}FROM nginx:1.27\nCOPY --from=build . /usr/share/nginx/html\n`,
      messageId: "relativeRoot",
      line: 6,
      token: ".",
      data: { source: ".", from: "build", hint: ", e.g. '/app'" },
      output: `${BUILD}FROM nginx:1.27\nCOPY --from=build /app /usr/share/nginx/html\n`,
    },
    {
      name: "'./' from a stage with unknown WORKDIR: no suggestion",
      code: "FROM golang:1.22 AS build\nRUN go build -o /out/app .\nFROM alpine:3.20\nCOPY --from=build ./ /srv/\n",
      messageId: "relativeRoot",
      token: "./",
      data: { source: "./", from: "build", hint: "" },
      output: null,
    },
    {
      name: "a build stage from a different image than the final stage is not flattening",
      code: "ARG BUILD_FROM=ghcr.io/example/base:3.20\nFROM ${BUILD_FROM} AS build\nRUN apk add --no-cache build-base\nFROM ghcr.io/example/base:3.21\nCOPY --from=build / /\n",
      messageId: "root",
      line: 5,
    },
    {
      name: "'.' into a stage whose WORKDIR is set lands there, not at the root: no flattening",
      code: "FROM ubuntu:20.04 AS build\nWORKDIR /app\nRUN make\nFROM ubuntu:20.04\nWORKDIR /srv\nCOPY --from=build . .\n",
      messageId: "relativeRoot",
      data: { source: ".", from: "build", hint: ", e.g. '/app'" },
    },
    {
      name: "a different tag of the build stage's image is another image",
      code: `${BUILD}FROM node:22\nCOPY --from=build / /\n`,
      messageId: "root",
    },
  ],
  silent: [
    {
      name: "flattening onto the image the build stage started from (the same ARG)",
      code: "ARG BASE_IMAGE=ghcr.io/example/base\nARG BUILD_FROM=${BASE_IMAGE}:3.23\nFROM ${BUILD_FROM} AS build\nRUN apk add --virtual .build-deps gcc && make install && apk del .build-deps\nFROM ${BUILD_FROM}\nCOPY --from=build / /\n",
    },
    {
      // jakowenko/double-take (held-out AS): node, nodemon and /.storage live outside the app folder.
      name: "flattening written with '.' into a stage with no WORKDIR of its own, on the same image",
      code: "FROM ubuntu:20.04 AS build\nRUN apt-get update && apt-get install -y nodejs\nWORKDIR /double-take\nFROM ubuntu:20.04\nCOPY --from=build . .\n",
    },
    {
      name: "flattening onto the same image written two ways",
      code: "FROM alpine:3.20 AS build\nRUN apk add --no-cache python3\nFROM docker.io/library/alpine:3.20\nCOPY --from=build / /\n",
    },
    {
      name: "flattening onto the same ARG left without a default (the build passes one image for both)",
      code: "ARG BUILD_FROM\nFROM $BUILD_FROM AS build\nRUN echo built\nFROM $BUILD_FROM\nCOPY --from=build / /\n",
    },
    {
      name: "an overlay stage whose base ARG defaults to a sentinel: the build passes a scratch-built image",
      code: "ARG OVERLAY=unknown\nFROM ${OVERLAY} AS overlay\nFROM debian:12-slim\nCOPY --from=overlay / /\n",
    },
    { name: "an overlay stage built from scratch in this file", code: "FROM scratch AS overlay\nCOPY rootfs/ /\nFROM alpine:3.20\nCOPY --from=overlay / /\n" },
    {
      name: "the root of a named build context is the folder passed",
      code: "FROM python:3.14-alpine AS app\nFROM app AS plugin\nCOPY --from=plugin-src . /opt/app/src/plugin\n",
    },
    {
      // meeb/tubesync (held-out BQ): s6-overlay's archives extracted into an image of its own.
      name: "an s6-overlay image, made to be laid over / whole",
      code: 'ARG S6_VERSION=3.2.0.2\nFROM ghcr.io/meeb/s6-overlay:v${S6_VERSION} AS s6-overlay\nFROM debian:trixie-slim\nCOPY --from=s6-overlay / /\nENTRYPOINT ["/init"]\n',
    },
    {
      name: "stagex toolchain bundles are published to be copied whole",
      code: "FROM scratch AS build\nCOPY --from=stagex/core-busybox . /\nCOPY --from=stagex/core-gcc . /\nRUN gcc -o /app main.c\n",
    },
    "COPY / /\n",
    "COPY --from=build /app /\n",
    "COPY --from=build / /app\n",
    { name: "export stage grown from scratch", code: `${BUILD}FROM scratch AS out\nCOPY --from=build /app/dist /\nFROM nginx:1.27\nCOPY --from=out / /\n` },
    { name: "flattening into scratch", code: `${BUILD}FROM scratch\nCOPY --from=build / /\n` },
    {
      name: "artifact image meant to be copied whole",
      code: "FROM --platform=$BUILDPLATFORM tonistiigi/xx:1.6.1 AS xx\nFROM golang:1.22\nCOPY --from=xx / /\n",
    },
    { name: "artifact image by name", code: "FROM alpine:3.20\nCOPY --from=crazymax/yasu / /\n" },
    { name: "stage base still a variable", code: "ARG OS\nFROM binaries-$OS AS binaries\nFROM alpine:3.20\nCOPY --from=binaries / /\n" },
    { name: "heredoc source", code: `${BUILD}FROM node:20-slim\nCOPY --from=build <<EOF /\n.\nEOF\n` },
    { name: "hadolint ignore", code: `${BUILD}FROM node:20-slim\n# hadolint ignore=DL3067\nCOPY --from=build / /\n` },
  ],
});
