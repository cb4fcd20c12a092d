import * as assert from "assert";
import { rule } from "../../../server/src/rules/base-image-latest";
import { findingsOf, testRule } from "../../support/rule-tester";

testRule(rule, {
  fires: [
    {
      // jupyterhub-deploy-docker (held-out CV): compose passes JUPYTERHUB_VERSION: latest to the hub's build.
      name: "the compose services that build the file pass a moving tag for the FROM's version",
      code: 'ARG JUPYTERHUB_VERSION\nFROM quay.io/jupyterhub/jupyterhub:$JUPYTERHUB_VERSION\nCMD ["jupyterhub"]\n',
      context: { buildArgs: { composeBuilds: 1, passed: ["JUPYTERHUB_VERSION"], published: [], composeValues: { JUPYTERHUB_VERSION: ["latest"] } } },
      messageId: "latestFromCompose",
      line: 2,
      data: { name: "JUPYTERHUB_VERSION", value: "latest", image: "quay.io/jupyterhub/jupyterhub" },
    },
    {
      // Crawlab's other bases: the CI step rewrites only the images it names.
      name: "a :latest tag of an image the CI step's sed does not rewrite",
      code: 'FROM crawlabteam/crawlab-base:latest\nCOPY app /app\nCMD ["/app/server"]\n',
      context: { templatePlaceholders: ["crawlab-backend:latest", "crawlab-frontend:latest"] },
      messageId: "latestOrDigest",
      line: 1,
    },
    {
      // Held-out BK, rabbitmq cluster-operator: the Makefile passes DOCKER_REGISTRY only (missed).
      name: "the project's builds pass a registry variable, and the tag is written: every build takes latest",
      code: "ARG DOCKER_REGISTRY=docker.io\nFROM ${DOCKER_REGISTRY}/library/alpine:latest AS etc\nRUN apk add --no-cache ca-certificates\nFROM scratch\nCOPY --from=etc /etc/ssl/certs/ca-certificates.crt /etc/ssl/certs/\n",
      context: { buildArgs: { composeBuilds: 0, passed: ["DOCKER_REGISTRY"] } },
      messageId: "latest",
      line: 2,
    },
    {
      // Held-out BD, hcsshim: the builder runs on Windows too, where a Debian-variant tag has no image.
      name: "a builder of a Windows image: no Linux-variant tag is named",
      code: 'FROM golang:latest AS build\nENV GOOS=windows\nWORKDIR /app\nCOPY ./main.go ./\nRUN go build -o app.exe\nFROM mcr.microsoft.com/windows/servercore:ltsc2022\nCOPY --from=build /app/app.exe .\nENTRYPOINT ["app.exe"]\n',
      messageId: "latest",
      line: 1,
      data: { image: "golang:latest", resolved: "golang:latest", pinHint: "", others: "" },
    },
    {
      name: "an image named for Alpine on its edge tag whose RUNs never read edge",
      code: "FROM ghcr.io/linuxserver/baseimage-alpine:edge\nRUN apk add --no-cache curl\n",
      messageId: "floating",
      line: 1,
    },
    {
      name: "a placeholder ARG in the image's path, not its tag: the written 'latest' still floats",
      code: 'ARG OWNER=unset\nFROM docker.io/${OWNER}/tool:latest\nCMD ["tool"]\n',
      messageId: "latestOrDigest",
      line: 2,
    },
    {
      name: "the tag's ARG defaults to a moving tag, not a placeholder",
      code: 'ARG PYTHON_VER=bookworm\nFROM python:${PYTHON_VER}\nCMD ["python"]\n',
      messageId: "floating",
      line: 2,
    },
    {
      name: "compose builds the image under another tag than the one FROM pulls",
      code: 'FROM acme/app-base:latest\nCOPY . /app\nCMD ["/app/run"]\n',
      context: { locallyBuiltImages: ["acme/app-base:dev"] },
      messageId: "latestOrDigest",
      line: 1,
    },
    {
      // fluent-bit's packaging: the stage downloads CMake, and builders are built on it.
      name: "a stage that downloads and installs a toolchain other stages build on is no throwaway download",
      code: "FROM debian:latest AS base\nRUN apt-get update && apt-get install -y curl build-essential && curl -sSL https://example.com/cmake.tgz | tar -xz -C /opt\nFROM base AS build\nRUN make\nFROM debian:trixie-slim\nCOPY --from=build /out /out\n",
      messageId: "latest",
      line: 1,
    },
    {
      name: "Debian testing with only its own packages installed still drifts",
      code: "FROM debian:testing\nRUN apt-get update && apt-get install -y --no-install-recommends curl\n",
      messageId: "floating",
      data: { image: "debian:testing", tag: "testing", others: "" },
    },
    {
      name: "an image whose only major is 1 is pinned to its minor: rust:1 would move as latest does",
      code: "FROM rust:latest AS build\nRUN cargo build --release\n",
      messageId: "latest",
      data: { image: "rust:latest", resolved: "rust:latest", pinHint: " ('rust:1.98')", others: "" },
      output: "FROM rust:1.98 AS build\nRUN cargo build --release\n",
    },
    {
      name: "a Rust toolchain file pinned to a release does not make the image's moving tag the project's line",
      code: "FROM rust:alpine AS build\nCOPY . /app\nRUN cargo build --release\nFROM alpine:3.22\nCOPY --from=build /app/target/release/app /usr/bin/\n",
      context: { files: { "rust-toolchain.toml": '[toolchain]\nchannel = "1.85.0"\n' } },
      messageId: "floating",
      line: 1,
    },
    {
      name: "a published name ending in a wildcard matches only its own registry and namespace",
      code: "FROM ghcr.io/other/db-17:latest AS previous\nRUN cp -R /usr/lib/db /prev\nFROM debian:13-slim\nCOPY --from=previous /prev /usr/lib/db\n",
      context: { publishedImages: ["ghcr.io/acme/db-*"] },
      messageId: "latestOrDigest",
      line: 1,
    },
    {
      name: "an image of another account whose name the project's CI also builds under a literal namespace",
      code: 'FROM other/base:latest\nCOPY . /app\nCMD ["/app/run"]\n',
      context: { projectImages: [{ dockerfile: "docker/base/Dockerfile", images: ["acme/base"], text: null }] },
      messageId: "latestOrDigest",
      line: 1,
    },
    {
      name: "an official image from Docker Hub's per-architecture namespace floats like the library's",
      code: "FROM amd64/rust:alpine AS wasm\nRUN cargo build --release\nFROM alpine:3.22\nCOPY --from=wasm /app /app\n",
      messageId: "floating",
      line: 1,
      data: { image: "amd64/rust:alpine", tag: "alpine", others: "" },
    },
    {
      name: "Debian testing rolls to each new snapshot",
      code: "FROM debian:testing-slim\n",
      messageId: "floating",
      data: { image: "debian:testing-slim", tag: "testing-slim", others: "" },
    },
    { name: "Ubuntu's devel release rolls", code: "FROM ubuntu:devel\n", messageId: "floating" },
    {
      name: "a stage that only installs packages hands on files of its base's release",
      code: "FROM alpine:latest AS certs\nRUN apk --update add ca-certificates\nFROM scratch\nCOPY --from=certs /etc/ssl/certs/ca-certificates.crt /etc/ssl/certs/\n",
      messageId: "latest",
      line: 1,
    },
    {
      code: "FROM debian:latest\nRUN true\n",
      messageId: "latest",
      line: 1,
      token: "debian:latest",
      data: { image: "debian:latest", resolved: "debian:latest", pinHint: " ('debian:trixie')", others: "" },
      output: "FROM debian:trixie\nRUN true\n",
    },
    { name: "named stage", code: "FROM node:latest AS build\n", messageId: "latest", line: 1, token: "node:latest", output: "FROM node:26 AS build\n" },
    { name: "channel tag pinned to a version", code: "FROM nginx:latest\n", messageId: "latest", output: "FROM nginx:1.31\n" },
    {
      name: "registry path kept as written",
      code: "FROM docker.io/library/alpine:latest\n",
      messageId: "latest",
      token: "docker.io/library/alpine:latest",
      output: "FROM docker.io/library/alpine:3.24\n",
    },
    {
      name: "an image outside the official library: its tags are unknown, so the remedy names a digest too",
      code: "FROM ghcr.io/acme/app:latest\n",
      messageId: "latestOrDigest",
      line: 1,
      output: null,
    },
    {
      name: "a registry mirror's busybox base handed a prebuilt binary: a digest pin where no version tag is published",
      code: 'FROM registry.example.com/monitoring/busybox:latest\nARG TARGETARCH\nCOPY dist/linux-${TARGETARCH}/exporter /bin/exporter\nENTRYPOINT ["/bin/exporter"]\n',
      messageId: "latestOrDigest",
      data: { image: "registry.example.com/monitoring/busybox:latest", resolved: "registry.example.com/monitoring/busybox:latest", pinHint: "", others: "" },
    },
    {
      name: "arguments that pick the platform in the image's name are no version: the tag itself is pinned",
      code: 'ARG CPU="arm64"\nARG KERNEL="linux"\nFROM ghcr.io/acme/runtime-${KERNEL}-${CPU}:latest\nCOPY out/agent /bin/agent\nENTRYPOINT ["/bin/agent"]\n',
      messageId: "latestOrDigest",
      line: 3,
      data: { image: "ghcr.io/acme/runtime-${KERNEL}-${CPU}:latest", resolved: "ghcr.io/acme/runtime-linux-arm64:latest", pinHint: "", others: "" },
    },
    {
      name: "an argument with a default tag inside the braces still sets the tag",
      code: "ARG TAG\nFROM ghcr.io/acme/runtime:${TAG:-latest}\nCOPY out/agent /bin/agent\n",
      messageId: "latestFromArg",
      line: 2,
    },
    {
      name: "an official image always publishes version tags: the remedy names one",
      code: "FROM busybox:latest\nCOPY exporter /bin/exporter\n",
      messageId: "latest",
    },
    {
      name: "latest through an ARG default",
      code: "ARG TAG=latest\nFROM alpine:${TAG}\n",
      messageId: "latestFromArg",
      line: 2,
      token: "alpine:${TAG}",
      output: null,
    },
    {
      name: "a channel tag floats like latest",
      code: "FROM node:lts-alpine AS build\n",
      messageId: "floating",
      line: 1,
      token: "node:lts-alpine",
      data: { image: "node:lts-alpine", tag: "lts-alpine", others: "" },
      output: null,
    },
    {
      // Held-out BH, godoxy: missed. The version belongs to the Alpine variant; the channel still moves.
      name: "a channel tag whose variant carries a version (lts-alpine3.22) in a COPY --from",
      code: "FROM alpine:3.22\nCOPY --from=node:lts-alpine3.22 /usr/local/bin/node /usr/local/bin/node\n",
      messageId: "floating",
      line: 2,
      data: { image: "node:lts-alpine3.22", tag: "lts-alpine3.22", others: "" },
    },
    {
      name: "a word naming a member of Object.prototype is no Node.js codename",
      code: "FROM node:constructor\n",
      messageId: "floating",
      data: { image: "node:constructor", tag: "constructor", others: "" },
    },
    { name: "stable", code: "FROM debian:stable-slim\n", messageId: "floating", data: { image: "debian:stable-slim", tag: "stable-slim", others: "" } },
    {
      name: "a bare variant floats over versions",
      code: "FROM golang:alpine AS build\nFROM scratch\n",
      messageId: "floating",
      line: 1,
      data: { image: "golang:alpine", tag: "alpine", others: "" },
    },
    {
      name: "an image in COPY --from",
      code: "FROM python:3.13-slim\nCOPY --from=ghcr.io/astral-sh/uv:latest /uv /bin/\n",
      messageId: "floating",
      line: 2,
      token: "ghcr.io/astral-sh/uv:latest",
    },
    {
      name: "an image in RUN --mount from=",
      code: "FROM golang:1.27\nRUN --mount=from=golangci/golangci-lint:latest,source=/usr/bin/golangci-lint,target=/g /g run\n",
      messageId: "floating",
      line: 2,
    },
    {
      name: "a stage copied from for what its base image holds",
      code: "FROM node:lts-alpine AS node\nCOPY package.json /tmp/\nFROM debian:12-slim\nCOPY --from=node /usr/local/bin/node /usr/local/bin/\n",
      messageId: "floating",
      line: 1,
    },
    {
      name: "a web server started by a script of the project's own is tied to its base",
      code: 'FROM nginx:alpine\nCOPY dist /usr/share/nginx/html\nCOPY docker-run.sh /usr/local/bin/\nCMD ["sh", "/usr/local/bin/docker-run.sh"]\n',
      messageId: "floating",
      line: 1,
    },
    {
      name: "a web server stage that installs packages",
      code: "FROM nginx:stable-alpine\nRUN apk add --no-cache curl\nCOPY dist /usr/share/nginx/html\n",
      messageId: "floating",
      line: 1,
    },
    {
      name: "a Node version file pinned to a major does not follow lts",
      code: "FROM node:lts-alpine\nCOPY . .\n",
      messageId: "floating",
      context: { files: { ".nvmrc": "22\n" } },
    },
    {
      name: "a collecting stage copied from for a folder its base holds",
      code: "FROM alpine:latest AS collect\nCOPY --from=pg /usr/local/bin/psql /usr/local/pgsql/\nFROM python:3.13-alpine\nCOPY --from=collect /usr/local /usr/local/\n",
      messageId: "latest",
      line: 1,
    },
    {
      name: "a helper image on a moving tag, the final base distroless (which rolls only by release name)",
      code: "FROM golang:1.27 AS build\nCOPY --from=ghcr.io/astral-sh/uv:latest /uv /bin/\nFROM gcr.io/distroless/static-debian12\nCOPY --from=build /app /app\n",
      messageId: "floating",
      line: 2,
    },
    {
      name: "another organisation's image in a labelled file",
      code: 'FROM acme/builder:latest AS helper\nFROM alpine:3.22\nLABEL org.opencontainers.image.source="https://github.com/example/tool"\nCOPY --from=helper /out/tool /usr/bin/\n',
      messageId: "latestOrDigest",
      line: 1,
    },
    {
      name: "a tag variable defaulting to latest that no build of the project passes",
      code: "ARG RUNTIME_TAG=latest\nFROM example/runtime:$RUNTIME_TAG\nCOPY app /usr/bin/\n",
      context: { buildArgs: { composeBuilds: 0, passed: ["TARGETARCH"] } },
      messageId: "latestFromArg",
      line: 2,
    },
    {
      name: "a clone moved to a pinned revision is no rolling build",
      code: "FROM golang:alpine AS build\nRUN git clone https://github.com/acme/tool /src\nRUN cd /src && git checkout $VERSION && go build -o /out/tool .\nFROM alpine:3.22\nCOPY --from=build /out/tool /bin/\n",
      messageId: "floating",
      line: 1,
    },
    {
      name: "a test stage that clones a fixture repository ships nothing: the final image's bare variant still floats",
      code: 'FROM ruby:slim AS app\nCOPY bin/tool /usr/src/tool\nFROM app AS check\nRUN git clone https://github.com/acme/fixtures.git && make check\nFROM app AS release\nENTRYPOINT ["/usr/src/tool"]\n',
      messageId: "floating",
      line: 1,
      data: { image: "ruby:slim", tag: "slim", others: "" },
    },
    {
      // esmBot: the bot is built from the checkout and ImageMagick from its default branch.
      name: "a build of the project's checkout that clones a library's branch head is no nightly: its runtime base still floats",
      code: 'FROM node:lts-alpine AS base\nWORKDIR /app\nFROM base AS native\nRUN git clone https://github.com/acme/imagelib.git /imagelib && make -C /imagelib install\nFROM native AS build\nCOPY . /app\nRUN npm ci && npm run build\nFROM base\nCOPY . /app\nCOPY --from=build /app/dist /app/dist\nCMD ["node", "dist/app.js"]\n',
      messageId: "floating",
      line: 1,
      data: { image: "node:lts-alpine", tag: "lts-alpine", others: "" },
    },
    {
      name: "a clone of a tagged branch is no rolling build",
      code: 'FROM golang:alpine AS build\nRUN git clone --branch "v1.2.0" https://github.com/acme/tool /src\nFROM alpine:3.22\nCOPY --from=build /src/tool /bin/\n',
      messageId: "floating",
      line: 1,
    },
    {
      name: "a third-party image whose tag only is a build argument defaulting to latest",
      code: "ARG INSTALLER_VERSION=latest\nFROM mlocati/php-extension-installer:${INSTALLER_VERSION} AS installer\nFROM php:8.4-fpm\nCOPY --from=installer /usr/bin/install-php-extensions /usr/local/bin/\n",
      messageId: "latestFromArg",
      line: 2,
    },
    {
      name: "an official image behind a registry argument (a mirror) is no image of the project's",
      code: "ARG REGISTRY=docker.io\nARG NODE_TAG=latest\nFROM ${REGISTRY}/library/node:${NODE_TAG}\n",
      messageId: "latestFromArg",
      line: 3,
    },
    {
      name: "a stage whose script builds what it downloads hands on what its base's toolchain made",
      code: "FROM debian:stable-slim AS fetcher\nCOPY build/fetch.sh /tmp/fetch.sh\nRUN /tmp/fetch.sh\nFROM alpine:3.24\nCOPY --from=fetcher /tmp/tool /usr/local/bin/tool\n",
      context: {
        files: { "build/fetch.sh": "#!/bin/sh\ncurl -fsSL https://example.com/tool.tar.gz | tar xz\ncd tool && ./configure && make\ncp tool /tmp/tool\n" },
      },
      messageId: "floating",
      line: 1,
    },
    {
      name: "one moving tag in two stages is one finding, on the first FROM, naming the other line",
      code: "FROM python:slim AS build\nRUN pip install --prefix=/install app\nFROM python:slim\nCOPY --from=build /install /usr/local\n",
      messageId: "floating",
      line: 1,
      count: 2,
      data: { image: "python:slim", tag: "slim", others: " Also the base of line 3." },
    },
    {
      name: "the repeat keeps a hint pointing at the first FROM",
      code: "FROM python:slim AS build\nRUN pip install --prefix=/install app\nFROM python:slim\nCOPY --from=build /install /usr/local\n",
      messageId: "sameAsFirst",
      line: 3,
      count: 2,
      data: { line: 1, image: "python:slim" },
    },
    {
      name: "one image copied from in two stages is one finding on the first COPY, naming the other line",
      code: "FROM python:3.13-slim AS build\nCOPY --from=ghcr.io/astral-sh/uv:latest /uv /bin/\nFROM python:3.13-slim\nCOPY --from=ghcr.io/astral-sh/uv:latest /uv /bin/\n",
      messageId: "floating",
      line: 2,
      count: 2,
      data: { image: "ghcr.io/astral-sh/uv:latest", tag: "latest", others: " Also used on line 4." },
    },
    {
      name: "the repeated COPY --from keeps a hint pointing at the first",
      code: "FROM python:3.13-slim AS build\nCOPY --from=ghcr.io/astral-sh/uv:latest /uv /bin/\nFROM python:3.13-slim\nCOPY --from=ghcr.io/astral-sh/uv:latest /uv /bin/\n",
      messageId: "sameAsFirst",
      line: 4,
      count: 2,
      data: { line: 2, image: "ghcr.io/astral-sh/uv:latest" },
    },
    {
      name: "an image copied from that a stage is also built on points at that FROM",
      code: "FROM alpine:latest AS tools\nRUN apk add curl\nFROM debian:12\nCOPY --from=alpine:latest /etc/apk /x\n",
      messageId: "sameAsFirst",
      line: 4,
      count: 2,
      data: { line: 1, image: "alpine:latest" },
    },
  ],
  silent: [
    {
      name: "compose passes a version for the FROM's tag",
      code: 'ARG JUPYTERHUB_VERSION\nFROM quay.io/jupyterhub/jupyterhub:$JUPYTERHUB_VERSION\nCMD ["jupyterhub"]\n',
      context: { buildArgs: { composeBuilds: 1, passed: ["JUPYTERHUB_VERSION"], published: [], composeValues: { JUPYTERHUB_VERSION: ["5.2"] } } },
    },
    {
      name: "compose passes latest, but a build that publishes the image passes the name too (CI pins what it ships)",
      code: 'ARG APP_VERSION\nFROM ghcr.io/acme/base:${APP_VERSION}\nCMD ["app"]\n',
      context: { buildArgs: { composeBuilds: 1, passed: ["APP_VERSION"], published: ["APP_VERSION"], composeValues: { APP_VERSION: ["latest"] } } },
    },
    {
      name: "compose passes latest for a variable of the registry, not the tag",
      code: 'ARG REGISTRY=docker.io\nFROM ${REGISTRY}/library/python:3.13-slim\nCMD ["python"]\n',
      context: { buildArgs: { composeBuilds: 1, passed: ["REGISTRY"], published: [], composeValues: { REGISTRY: ["latest"] } } },
    },
    {
      // Held-out CD, Crawlab: its release job rewrites these two tags with sed before it builds.
      name: "a :latest tag that a CI step rewrites with sed before the build",
      code: 'FROM crawlabteam/crawlab-backend:latest AS backend\nFROM debian:12\nCOPY --from=backend /app /app\nCMD ["/app/server"]\n',
      context: { templatePlaceholders: ["crawlab-backend:latest"] },
    },
    {
      // Held-out BP, navigation2: its CI image follows ROS 2 Rolling, the distribution main targets.
      name: "ROS 2 Rolling, a distribution whose every tag moves",
      code: 'ARG FROM_IMAGE=ros:rolling\nFROM $FROM_IMAGE AS cacher\nFROM osrf/ros:rolling-desktop-full\nCMD ["bash"]\n',
    },
    { name: "a version after the channel pins it", code: "FROM lukemathwalker/cargo-chef:latest-rust-1.95 AS chef\nFROM example/browser:edge-25.11.3\n" },
    {
      name: "a version tag with a versioned variant",
      code: "FROM node:22-alpine3.22 AS build\nFROM python:3.12-slim-bookworm\nFROM example/tool:v1.2-alpine3.20\n",
    },
    {
      // Held-out BD, amazon-ecs-agent: a bare name no official image has is tagged locally first (its scripts' docker tag).
      name: "a bare image name Docker Hub does not publish: a local image",
      code: "FROM amazon-ecs-ftest-windows-base:make\nMAINTAINER Amazon Web Services, Inc.\n",
    },
    {
      // Held-out AY, aurweb: every pacman install syncs to the live repositories.
      name: "Arch Linux, which only rolls",
      code: 'FROM archlinux:base-devel\nRUN pacman -Syu --noconfirm python\nCMD ["python3"]\n',
    },
    {
      // strimzi (held-out AV): UBI's microdnf installs the unpack tools, a [[ ]] test picks the file.
      name: "a download stage on ubi-minimal that installs tar and gzip with microdnf",
      code: 'FROM registry.access.redhat.com/ubi9/ubi-minimal:latest AS downloader\nARG TARGETARCH\nRUN microdnf --setopt=install_weak_deps=0 install -y tar gzip\nRUN set -ex; if [[ "${TARGETARCH}" = "arm64" ]]; then curl -LO https://x/t-arm64.tgz; else curl -LO https://x/t-amd64.tgz; fi; sha512sum -c t.sha512; tar xzf t-*.tgz -C /opt/t\nFROM strimzi/base:1.0\nCOPY --from=downloader /opt/t /opt/t\n',
    },
    {
      // rapidsai/docker: CI always passes PYTHON_VER; without it the build asks for python:notset and fails.
      name: "the tag is an ARG whose default is a placeholder that fails a build without arguments",
      code: 'ARG PYTHON_VER=notset\nFROM python:${PYTHON_VER} AS deps\nRUN pip download -d /wheels flask\nFROM python:3.12-slim\nCOPY --from=deps /wheels /wheels\nCMD ["python"]\n',
    },
    {
      name: "a placeholder ARG that is part of the tag, with a default of its own inside the braces",
      code: 'ARG PY=unset\nFROM python:${PY:-3.12}-slim\nCMD ["python"]\n',
    },
    {
      name: "a latest image a compose service builds and tags itself",
      code: 'FROM acme/app-base:latest\nCOPY . /app\nCMD ["/app/run"]\n',
      context: { locallyBuiltImages: ["${REGISTRY:-acme}/app-base:${TAG:-latest}"] },
    },
    {
      name: "a rolling suite the stage installs from: unstable sources added, packages taken with -t",
      code: "FROM debian:testing\nRUN printf 'Types: deb\\nURIs: http://deb.debian.org/debian\\nSuites: unstable\\nComponents: main\\n' > /etc/apt/sources.list.d/sid.sources \\\n && echo 'APT::Default-Release \"testing\";' > /etc/apt/apt.conf.d/default\nRUN apt-get update && apt-get install -y -t unstable --no-install-recommends octave\n",
    },
    {
      // Held-out BB, linuxserver/docker-transmission: the version comes from edge's APKINDEX (judged wrong to pin).
      name: "an image built on Alpine edge, named so, whose RUN reads the edge repositories",
      code: "FROM ghcr.io/linuxserver/baseimage-alpine:edge\nARG TRANSMISSION_VERSION\nRUN if [ -z ${TRANSMISSION_VERSION+x} ]; then \\\n    TRANSMISSION_VERSION=$(curl -sL \"http://dl-cdn.alpinelinux.org/alpine/edge/community/x86_64/APKINDEX.tar.gz\" | tar -xz -C /tmp && awk '/^P:transmission$/,/V:/' /tmp/APKINDEX | sed -n 2p | sed 's/^V://'); \\\n  fi && apk add --no-cache transmission-daemon==${TRANSMISSION_VERSION}\n",
    },
    {
      name: "Alpine edge with packages from the edge repositories",
      code: "FROM alpine:edge\nRUN apk add --no-cache --repository=https://dl-cdn.alpinelinux.org/alpine/edge/testing some-tool\n",
    },
    {
      name: "registry and tag both build arguments, the name written: the project's own image, its tag passed by the caller",
      code: "ARG JITSI_REPO=ghcr.io/acme\nARG BASE_TAG=latest\nFROM ${JITSI_REPO}/base:${BASE_TAG}\nRUN apt-get update\n",
    },
    { name: "a named Debian release is pinned", code: "FROM debian:trixie-slim\n" },
    {
      name: "a stage that downloads with curl hands on the same files whatever its base",
      code: "FROM alpine:latest AS fetch\nRUN apk add curl && curl -fsSLo /tool https://example.com/tool\nFROM scratch\nCOPY --from=fetch /tool /tool\n",
    },
    {
      // permitio/opal: the registry client fetches an image by its own pinned tag, as curl a release.
      name: "a stage that copies a pinned image with skopeo and picks its binary out",
      code: "FROM alpine:latest AS opa\nRUN apk update && apk add skopeo tar\nRUN skopeo copy docker://openpolicyagent/opa:1.9.0-static docker-archive:./image.tar && mkdir image && tar xf image.tar -C image && find image -name 'opa*' -print0 | xargs -0 -I {} cp {} ./opa && chmod 755 ./opa\nFROM debian:12-slim\nCOPY --from=opa /opa /usr/bin/opa\n",
    },
    {
      name: "a stage that picks the download for the target architecture in a case statement",
      code: 'FROM alpine:latest AS fetch\nRUN apk add --no-cache wget\nARG TARGETARCH\nRUN case "${TARGETARCH}" in \\\n  amd64) A=x86_64 ;; \\\n  arm64) A=arm64 ;; \\\n  *) echo "unsupported" && exit 1 ;; \\\n esac && wget -O /tool "https://example.com/tool_${A}" && chmod +x /tool\nFROM debian:12-slim\nCOPY --from=fetch /tool /usr/bin/tool\n',
    },
    {
      name: "a stage whose RUN is the project's script that only downloads (read from the context)",
      code: "FROM debian:stable-slim AS fetcher\nCOPY build/fetch.sh /tmp/fetch.sh\nRUN apt-get update && apt-get install -y curl wget\nRUN /tmp/fetch.sh\nFROM alpine:3.24\nCOPY --from=fetcher /tmp/ctop /usr/local/bin/ctop\n",
      context: {
        files: {
          "build/fetch.sh":
            "#!/usr/bin/env bash\nset -euo pipefail\nARCH=$(uname -m)\nget_ctop() {\n  VERSION=$(curl -s https://api.example.com/ctop | grep tag | sed -E 's/v//')\n  wget \"https://example.com/ctop-${VERSION}-${ARCH}\" -O /tmp/ctop && chmod +x /tmp/ctop\n}\nget_ctop\n",
        },
      },
    },
    {
      name: "a stage that only collects files for a later COPY --from",
      code: "FROM node:22-alpine AS assets\nRUN npm run build\nFROM alpine:latest AS collect\nCOPY --from=assets /app/dist /out/dist\nCOPY LICENSE /out/\nFROM nginx:1.27-alpine\nCOPY --from=collect /out /usr/share/nginx/html\n",
    },
    {
      name: "the project's own image, named by its source label",
      code: 'ARG TOOL_TAG=latest\nFROM docker.io/example/tool:${TOOL_TAG}-debian\nLABEL org.opencontainers.image.source="https://github.com/example/tool"\nCOPY loader.sh /usr/bin/\n',
    },
    {
      name: "the image is named after the labelled repository, published under another account of the project",
      code: 'ARG RELEASE=latest\nFROM ghcr.io/example/widget-tools:$RELEASE\nLABEL org.opencontainers.image.source=https://github.com/example-org/widget-tools\nCMD ["widget-serve"]\n',
    },
    {
      name: "the project's builds pass the tag variable: latest is only the local fallback",
      code: "ARG RUNTIME_TAG=latest\nFROM example/runtime:$RUNTIME_TAG\nCOPY app /usr/bin/\n",
      context: { buildArgs: { composeBuilds: 0, passed: ["RUNTIME_TAG"] } },
    },
    { name: "Chainguard's free images are published only as latest", code: "FROM cgr.dev/chainguard/wolfi-base:latest\n" },
    {
      name: "distroless publishes no version tags, with or without the release suffix",
      code: "FROM golang:1.27 AS build\nFROM gcr.io/distroless/static:latest\nCOPY --from=build /app /app\n",
    },
    {
      // Held-out BK, troylusty.com: judged debatable, as nginx's would not be reported.
      name: "static-web-server handed only the built site",
      code: "FROM node:22 AS build\nRUN npm ci && npx astro build\nFROM ghcr.io/static-web-server/static-web-server:latest\nWORKDIR /\nCOPY --from=build /usr/src/app/dist /public\n",
    },
    {
      name: "a web server image handed only files and config (nginx's stable line)",
      code: 'FROM node:24-alpine AS build\nRUN npm run build\nFROM nginx:stable-alpine\nCOPY --from=build /app/dist /usr/share/nginx/html\nCOPY nginx.conf /etc/nginx/conf.d/default.conf\nEXPOSE 80\nCMD ["nginx", "-g", "daemon off;"]\n',
    },
    {
      name: "an unprivileged nginx serving files, owners set in a RUN",
      code: "FROM nginxinc/nginx-unprivileged:stable\nCOPY dist/ /usr/share/nginx/html/\nRUN chown -R nginx:nginx /usr/share/nginx/html\n",
    },
    {
      name: "the project's own base image, which its CI builds from another Dockerfile under a namespace CI sets",
      code: 'FROM acme/base:latest\nCOPY . /app\nCMD ["/app/run"]\n',
      context: { projectImages: [{ dockerfile: "docker/base/Dockerfile", images: ["*/base"], text: "FROM ubuntu:24.04\n" }] },
    },
    {
      name: "the project's own base image, which its CI builds and tags by name",
      code: 'FROM ghcr.io/acme/base:latest\nCOPY . /app\nCMD ["/app/run"]\n',
      context: { projectImages: [{ dockerfile: "docker/base/Dockerfile", images: ["ghcr.io/acme/base"], text: null }] },
    },
    {
      name: "the project's own image, which its CI publishes from this very Dockerfile, one name per matrix value",
      code: "ARG PG=17\nFROM ghcr.io/acme/db-${PG}:latest AS previous\nRUN cp -R /usr/lib/db /prev\nFROM debian:13-slim\nCOPY --from=previous /prev /usr/lib/db\n",
      context: { publishedImages: ["ghcr.io/acme/db-*"] },
    },
    {
      name: "the project's Rust toolchain file follows stable: rustup builds with the newest stable anyway",
      code: "FROM rust:slim-bullseye AS build\nCOPY . /app\nRUN cargo build --locked --release\nFROM debian:12-slim\nCOPY --from=build /app/target/release/app /usr/bin/\n",
      context: { files: { "rust-toolchain.toml": '[toolchain]\nchannel = "stable"\ncomponents = ["rustfmt"]\n' } },
    },
    {
      name: "the project's Node version file follows LTS too",
      code: "FROM docker.io/library/node:lts-alpine AS build\nCOPY . .\nRUN npm ci && npm run build\n",
      context: { files: { ".nvmrc": "lts/*\n" } },
    },
    {
      // Held-out AN, ambry: judged wrong (relabelled). asdf's version file names the LTS line.
      name: "the project's .tool-versions follows LTS",
      code: "FROM docker.io/node:lts-alpine3.15 AS assets\nCOPY . .\nRUN npm ci && npm run deploy\n",
      context: { files: { ".tool-versions": "elixir 1.13.4-otp-25\nerlang 25.0\nnodejs lts\n" } },
    },
    {
      name: "a final stage on an image that only rolls: the whole build floats by design",
      code: "FROM python:3.13 AS build\nCOPY --from=ghcr.io/astral-sh/uv:latest /uv /bin/\nFROM cgr.dev/chainguard/wolfi-base:latest\nCOPY --from=build /app /app\n",
    },
    {
      name: "a nightly that builds the branch head it clones (no --branch, no checkout)",
      code: "FROM debian:stable-slim AS build\nRUN git clone --depth 1 https://github.com/acme/browser.git\nRUN cd browser && make\nFROM debian:stable-slim\nCOPY --from=build /browser/out/app /bin/app\n",
    },
    {
      name: "a build that installs whatever release is newest",
      code: 'FROM alpine:latest\nARG RELEASE_API="https://api.github.com/repos/acme/tool/releases/latest"\nRUN wget -qO- "$RELEASE_API" | grep browser_download_url\n',
    },
    {
      name: "a stage that only marks a copied binary, copied from for that binary",
      code: "FROM debian:stable-slim AS build\nRUN apt-get update && apt-get install -y --no-install-recommends libcap2-bin\nCOPY app /app\nRUN setcap cap_net_bind_service=+ep /app\nFROM gcr.io/distroless/static-debian12\nCOPY --from=build /app /app\n",
    },
    {
      name: "a collecting stage copied from for a folder of its own that holds what it collected",
      code: "FROM postgres:16-alpine AS pg16\nFROM alpine:latest AS tools\nCOPY --from=pg16 /usr/local/bin/psql /usr/local/pgsql/pgsql-16/\nFROM python:3.13-alpine\nCOPY --from=tools /usr/local/pgsql /usr/local/\n",
    },
    { name: "openSUSE Tumbleweed is rolling and published as latest", code: "FROM opensuse/tumbleweed:latest AS build\nFROM scratch\n" },
    { name: "a nightly image is meant to be current", code: "FROM ghcr.io/zaproxy/zaproxy:nightly\nFROM softwaresecurityproject/zap-nightly:latest\n" },
    { name: "release names pin a distribution release", code: "FROM debian:bookworm-slim\nFROM ubuntu:noble\n" },
    {
      name: "a Node.js LTS codename pins its major line, as 22-alpine does",
      code: 'FROM node:jod-alpine\nCOPY . /app\nCMD ["node", "/app/index.js"]\nFROM node:lts-krypton AS tools\nFROM node:iron-bookworm-slim AS old\n',
    },
    { name: "a Traefik codename pins its minor line", code: "FROM traefik:mimolette\nCOPY traefik.yml /etc/traefik/\n" },
    { name: "a pinned image in COPY --from", code: "FROM alpine:3.22\nCOPY --from=ghcr.io/astral-sh/uv:0.5.31 /uv /bin/\n" },
    { name: "a stage in COPY --from", code: "FROM alpine:3.22 AS latest\nFROM alpine:3.22\nCOPY --from=latest /a /a\n" },

    "FROM debian:jessie\n",
    "FROM debian\n",
    "FROM debian@sha256:7959ed6f7e35f8b1aaa06d1d8259d4ee25aa85a086d5c125480c333183f9deeb\n",
    "FROM debian:latest@sha256:7959ed6f7e35f8b1aaa06d1d8259d4ee25aa85a086d5c125480c333183f9deeb\n",
    "ARG TAG\nFROM alpine:${TAG}\n",
    "FROM node:24 AS latest\nFROM latest\n",
    "FROM scratch\n",
    "# hadolint ignore=DL3007\nFROM debian:latest\n",
  ],
});

describe("base-image-latest: a pin the stages still build on", () => {
  const hint = (code: string) => findingsOf(rule, code)[0].data.pinHint;
  it("pins to the last Alpine branch that ships a package the newest one dropped, also from Alpine's own edge repository", () => {
    assert.strictEqual(hint("FROM alpine:latest\nRUN apk add --no-cache php7 php7-fpm nginx\n"), " ('alpine:3.15')");
    assert.strictEqual(
      hint("FROM alpine:latest\nRUN apk add php81-fpm --repository https://dl-cdn.alpinelinux.org/alpine/edge/community\n"),
      " ('alpine:3.19')",
    );
  });
  it("names no tag when the last release with the package is not recorded, or a third-party repository may ship it", () => {
    assert.strictEqual(hint("FROM debian:latest\nRUN apt-get update && apt-get install -y python2 make\n"), "");
    assert.strictEqual(hint("FROM alpine:latest\nRUN apk add libexecinfo-dev\n"), "");
    assert.strictEqual(hint("FROM alpine:latest\nRUN apk add php7 --repository https://packages.example.org/php-alpine\n"), " ('alpine:3.24')");
  });
  it("pins a builder on the Debian release of the final stage that copies its binary", () => {
    const code =
      "FROM rust:latest AS build\nCOPY . /src\nRUN cargo build --release --manifest-path /src/Cargo.toml\nFROM debian:bookworm-slim\nCOPY --from=build /src/target/release/app /usr/bin/app\n";
    assert.strictEqual(hint(code), " ('rust:1.98-bookworm')");
    assert.strictEqual(hint(code.replace("debian:bookworm-slim", "debian:trixie-slim")), " ('rust:1.98')");
    assert.strictEqual(hint(code.replace("debian:bookworm-slim", "gcr.io/distroless/cc-debian12")), " ('rust:1.98')");
  });
});
