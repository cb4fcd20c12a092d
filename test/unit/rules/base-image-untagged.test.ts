import { rule } from "../../../server/src/rules/base-image-untagged";
import { testRule } from "../../support/rule-tester";

testRule(rule, {
  fires: [
    {
      // Held-out CK, the Minecraft Bedrock server: four tools pinned by version, one helper from /releases/latest.
      name: "a build that pins its other downloads takes one newest release by exception, not as its design",
      code: 'FROM debian\nARG EASY_ADD_VERSION=0.8.17\nADD https://github.com/itzg/easy-add/releases/download/${EASY_ADD_VERSION}/easy-add_linux_amd64 /usr/bin/easy-add\nRUN curl -fsSL "https://github.com/poeggi/bds-ipv6fix/releases/latest/download/fix.so" -o /usr/lib/fix.so\n',
      messageId: "untagged",
      line: 1,
    },
    {
      name: "a local registry with a port is a registry: its latest moves",
      code: "FROM localhost:5000/app-base\nRUN true\n",
      messageId: "untagged",
    },
    {
      // An image that may set a WORKDIR of its own: where `./` lands is not known, nor what the copy takes.
      name: "a collecting stage on an image whose working folder is not known",
      code: "FROM acme/toolbox AS temp\nCOPY cloudprober-linux-* ./\nRUN mv cloudprober-linux-amd64 cloudprober\nFROM debian:12-slim\nCOPY --from=temp /cloudprober /cloudprober\n",
      messageId: "untagged",
      line: 1,
    },
    {
      name: "a compose service builds another image of the same namespace",
      code: "FROM acme/app-base\nCOPY . /app\n",
      context: { locallyBuiltImages: ["acme/app-web", "${USER}/app-worker"] },
      messageId: "untagged",
      line: 1,
    },
    {
      name: "a compose image written all in variables names no image",
      code: "FROM acme/app-base\nCOPY . /app\n",
      context: { locallyBuiltImages: ["${REGISTRY}/${IMAGE}"] },
      messageId: "untagged",
      line: 1,
    },
    {
      name: "a published name ending in a wildcard matches only the rest of that name, not a deeper path",
      code: "FROM ghcr.io/acme/db-17/tools AS previous\nRUN cp -R /usr/lib/db /prev\nFROM debian:13-slim\nCOPY --from=previous /prev /usr/lib/db\n",
      context: { publishedImages: ["ghcr.io/acme/db-*"] },
      messageId: "untagged",
      line: 1,
    },
    {
      name: "a published name ending in a wildcard needs the written start of the name",
      code: "FROM ghcr.io/acme/cache AS previous\nRUN cp -R /usr/lib/db /prev\nFROM debian:13-slim\nCOPY --from=previous /prev /usr/lib/db\n",
      context: { publishedImages: ["ghcr.io/acme/db-*"] },
      messageId: "untagged",
      line: 1,
    },
    {
      code: "FROM debian\nRUN true\n",
      messageId: "untagged",
      line: 1,
      token: "debian",
      data: { image: "debian", others: "" },
      output: "FROM debian:trixie\nRUN true\n",
    },
    {
      name: "a quoted name is read without its quotes; no edit that would drop one",
      code: 'FROM "debian"\n',
      messageId: "untagged",
      data: { image: "debian", others: "" },
      output: null,
    },
    { name: "a sentinel word inside a longer name is no sentinel", code: "ARG REPO=unknown\nFROM ${REPO}/app\n", messageId: "untaggedFromArg" },
    { name: "unofficial image: no pin suggestion", code: "FROM bitnami/redis\n", messageId: "untagged", line: 1, token: "bitnami/redis", output: null },
    {
      name: "official image pinned to what latest was in the facts",
      code: "FROM node AS web\n",
      messageId: "untagged",
      line: 1,
      token: "node",
      output: "FROM node:26 AS web\n",
    },
    { name: "registry with port", code: "FROM localhost:5000/app\n", messageId: "untagged", token: "localhost:5000/app" },
    {
      name: "an untagged helper image running the project's download script still floats whole",
      code: "FROM byrnedo/alpine-curl AS qt-downloader\nCOPY dockerfiles/download-qt.sh /tmp/download-qt.sh\nRUN /tmp/download-qt.sh /tmp/qt.run\nFROM ubuntu:24.04\nCOPY --from=qt-downloader /tmp/qt.run /tmp/\n",
      context: { files: { "dockerfiles/download-qt.sh": '#!/bin/sh\ncurl -fsSL -o "$1" https://example.com/qt.run\nchmod +x "$1"\n' } },
      messageId: "untagged",
      line: 1,
      output: null,
    },
    {
      name: "resolved ARG without tag names the image it defaults to",
      code: "ARG BASE=alpine\nFROM ${BASE}\n",
      messageId: "untaggedFromArg",
      line: 2,
      token: "${BASE}",
      data: { image: "${BASE}", resolved: "alpine", pinHint: " ('alpine:3.24')", others: "" },
      output: null,
    },
    { name: "later stage base on an image", code: "FROM node:20 AS build\nFROM nginx\nCOPY --from=build /a /b\n", messageId: "untagged", line: 2 },
    {
      name: "an untagged image in COPY --from",
      code: "FROM nginx:1.27-alpine\nCOPY --from=nginx /etc/nginx/mime.types /etc/nginx/\n",
      messageId: "untaggedCopy",
      line: 2,
      token: "nginx",
      data: { image: "nginx" },
      output: "FROM nginx:1.27-alpine\nCOPY --from=nginx:1.31 /etc/nginx/mime.types /etc/nginx/\n",
    },
    {
      // Held-out BK, yii2-docker: two full warnings for one image (judged debatable).
      name: "the same untagged image copied from in two stages: one warning, a hint pointing back",
      code: "FROM php:8.4-fpm AS min\nCOPY --from=mlocati/php-extension-installer /usr/bin/install-php-extensions /usr/local/bin/\nFROM php:8.4-fpm AS dev\nCOPY --from=mlocati/php-extension-installer /usr/bin/install-php-extensions /usr/local/bin/\n",
      messageId: "untaggedCopy",
      line: 2,
      count: 2,
    },
    {
      name: "the second copy from the same untagged image is a hint naming the first line",
      code: "FROM php:8.4-fpm AS min\nCOPY --from=mlocati/php-extension-installer /usr/bin/install-php-extensions /usr/local/bin/\nFROM php:8.4-fpm AS dev\nCOPY --from=mlocati/php-extension-installer /usr/bin/install-php-extensions /usr/local/bin/\n",
      messageId: "sameAsFirst",
      line: 4,
      count: 2,
      data: { line: 2, image: "mlocati/php-extension-installer" },
    },
    {
      name: "a stage copied from for what its image holds is not a download stage",
      code: "FROM nginxproxymanager/testca AS testca\nFROM alpine:3.22\nCOPY --from=testca /ca.crt /ca.crt\n",
      messageId: "untagged",
      line: 1,
    },
    {
      name: "a builder stage that compiles is not a download stage",
      code: "FROM alpine AS build\nRUN apk add gcc && gcc -o /app main.c\nFROM scratch\nCOPY --from=build /app /app\n",
      messageId: "untagged",
      line: 1,
    },
    {
      name: "one untagged image through the same ARG in four stages is one finding, on the first FROM, naming the others",
      code: "ARG RUST_IMAGE=rust\nFROM ${RUST_IMAGE} AS a\nRUN cargo build\nFROM ${RUST_IMAGE} AS b\nRUN cargo build\nFROM ${RUST_IMAGE} AS c\nCOPY --from=a /x /x\nCOPY --from=b /y /y\nRUN cargo test\nFROM ${RUST_IMAGE}\nCOPY --from=c /x /x\nRUN make\n",
      messageId: "untaggedFromArg",
      line: 2,
      count: 4,
      data: { image: "${RUST_IMAGE}", resolved: "rust", pinHint: " ('rust:1.98')", others: " Also the base of lines 4, 6, 10." },
    },
    {
      name: "the repeats of that ARG keep a hint pointing at the first FROM",
      code: "ARG RUST_IMAGE=rust\nFROM ${RUST_IMAGE} AS a\nRUN cargo build\nFROM ${RUST_IMAGE}\nCOPY --from=a /x /x\nRUN make\n",
      messageId: "sameAsFirst",
      line: 4,
      count: 2,
      data: { line: 2, image: "rust" },
    },
    {
      name: "the same literal untagged image in two stages is one finding too",
      code: "FROM bitnami/redis AS a\nRUN make\nFROM bitnami/redis\nCOPY --from=a /x /x\nRUN make\n",
      messageId: "untagged",
      line: 1,
      count: 2,
      data: { image: "bitnami/redis", others: " Also the base of line 3." },
    },
    {
      name: "the same image written once literally and once through an ARG: two remedies, two findings",
      code: "ARG BASE=bitnami/redis\nFROM bitnami/redis AS a\nRUN make\nFROM ${BASE}\nCOPY --from=a /x /x\nRUN make\n",
      messageId: "untaggedFromArg",
      line: 4,
      count: 2,
    },
  ],
  silent: [
    {
      // stackabletech/docker-images (held-out BS): boil maps each local-image/<name> to a build target of the repository.
      name: "images whose namespace says they are local, and podman's local storage",
      code: "FROM local-image/shared/statsd-exporter AS statsd\nFROM local-image/stackable-devel AS builder\nFROM localhost/app-base\nCOPY --from=statsd /statsd /statsd\n",
    },
    {
      // Held-out BD, amazon-ecs-agent: a bare name no official image has is tagged locally first (its scripts' docker tag).
      name: "a bare image name Docker Hub does not publish: a local image",
      code: "FROM acme-app-base\nCOPY app /app\n",
    },
    {
      // Held-out AP, cloudprober: busybox sets no WORKDIR, so `./` is `/` and the copy takes only what the stage collected.
      name: "a distribution image that only collects binaries into its root and picks one by platform",
      code: 'FROM busybox AS temp\nCOPY cloudprober-linux-* ./\nARG TARGETPLATFORM\nRUN if [ "$TARGETPLATFORM" = "linux/amd64" ]; then mv cloudprober-linux-amd64 cloudprober && rm cloudprober-linux-*; fi\nRUN rm -f cloudprober-linux-*\nFROM debian:12-slim\nCOPY --from=temp /cloudprober /cloudprober\nENTRYPOINT ["/cloudprober"]\n',
    },
    {
      name: "an image a compose service builds and tags itself, its variables matched as wildcards",
      code: "ARG dist=ubuntu\nARG tag=latest\nARG username=acme\nFROM ${username}/${dist}-${tag}-app-base\nCOPY . /app\n",
      context: { locallyBuiltImages: ["${USER}/${DIST-ubuntu}-${TAG-latest}-app-base"] },
    },
    {
      name: "a COPY --from image a bake target tags",
      code: "FROM alpine:3.22\nCOPY --from=acme/assets /srv /srv\n",
      context: { locallyBuiltImages: ["acme/assets"] },
    },
    {
      name: "the project's own base image, which its CI builds from another Dockerfile",
      code: 'FROM acme/base-java\nCOPY . /app\nCMD ["/app/run"]\n',
      context: { projectImages: [{ dockerfile: "deploy/base-java/Dockerfile", images: ["*/base-java"], text: null }] },
    },
    {
      name: "the project's own image, which its CI publishes from this very Dockerfile, one name per matrix value",
      code: "ARG PG=17\nFROM ghcr.io/acme/db-${PG} AS previous\nRUN cp -R /usr/lib/db /prev\nFROM debian:13-slim\nCOPY --from=previous /prev /usr/lib/db\n",
      context: { publishedImages: ["ghcr.io/acme/db-*"] },
    },
    {
      name: "the project's own image, which its CI publishes from this very Dockerfile by name",
      code: "FROM ghcr.io/acme/db AS previous\nRUN cp -R /usr/lib/db /prev\nFROM debian:13-slim\nCOPY --from=previous /prev /usr/lib/db\n",
      context: { publishedImages: ["ghcr.io/acme/db"] },
    },
    {
      name: "a sentinel default the build always overrides (wholly one ARG)",
      code: "ARG BASEIMAGE=unknown\nARG COMMON=undefined\nFROM ${COMMON} AS common\nFROM ${BASEIMAGE}\nCOPY --from=common /opt /opt\n",
    },
    {
      // VictoriaMetrics: the Makefile always passes certs_image and root_image.
      name: "a non-existing default the build always overrides",
      code: "ARG certs_image=non-existing\nARG root_image=non-existing\nFROM $certs_image AS certs\nRUN apk add --no-cache ca-certificates\nFROM $root_image\nCOPY --from=certs /etc/ssl/certs/ca-certificates.crt /etc/ssl/certs/\n",
    },
    { name: "distroless names its Debian release and has no version tags", code: "FROM gcr.io/distroless/cc-debian12\n" },
    {
      name: "distroless without the release suffix has no version tags either",
      code: "FROM rust:1.90 AS build\nFROM gcr.io/distroless/cc\nCOPY --from=build /app /app\n",
    },
    {
      name: "a final stage on an image that only rolls: the whole build floats by design",
      code: "FROM python:3.13 AS build\nCOPY --from=ghcr.io/astral-sh/uv /uv /bin/\nFROM cgr.dev/chainguard/wolfi-base:latest\nCOPY --from=build /app /app\n",
    },
    {
      name: "a build that installs whatever release is newest",
      code: "FROM php:8.4-fpm\nARG URL=https://github.com/acme/app/releases/latest/download/app.tar.gz\nADD ${URL} /tmp/app.tar.gz\nCOPY --from=ghcr.io/mlocati/php-extension-installer /usr/bin/install-php-extensions /usr/local/bin/\n",
    },
    { name: "a quoted tag is a tag", code: "FROM 'debian:12-slim'\nRUN true\n" },
    { name: "Chainguard's wolfi-base has no version tags to pin", code: "FROM cgr.dev/chainguard/wolfi-base\n" },
    {
      name: "a throwaway stage that only downloads and unpacks files",
      code: "FROM alpine AS download\nRUN apk add --update wget\nRUN wget -O app.jar https://repo.example/app-1.2.jar && unzip app.jar\nFROM eclipse-temurin:21-jre\nCOPY --from=download /app.jar /app.jar\n",
    },
    {
      name: "a prepare stage that only unpacks an archive",
      code: "FROM alpine AS prepare\nADD target/app.tar.gz /opt\nRUN mv /opt/app /srv/app\nFROM alpine:3.22\nCOPY --from=prepare /srv/app /srv/app\n",
    },
    { name: "FROM a build context bake passes by name (pinned there)", code: "FROM php-base\nRUN true\n", context: { namedContexts: ["php-base"] } },
    {
      name: 'FROM a bake target passed as a named context (`contexts = { toolchain = "target:toolchain" }`)',
      code: "ARG APP_DIR=/srv/app\nFROM toolchain AS deps\nWORKDIR ${APP_DIR}\nCOPY Gemfile Gemfile.lock ./\nRUN bundle install\n",
      context: { namedContexts: ["toolchain"] },
    },
    { name: "a named build context is a folder", code: "FROM alpine:3.22\nCOPY --from=assets . /www\n", context: { namedContexts: ["assets"] } },

    "FROM debian:bookworm\n",
    "FROM debian@sha256:2f5a0e2e7a3b7b8d8a6c4e9f1b0c3d2e1f0a9b8c7d6e5f4a3b2c1d0e9f8a7b6c\n",
    "FROM scratch\n",
    "FROM node:20 AS build\nFROM build\n",
    "ARG TAG\nFROM alpine:${TAG}\n",
    "ARG IMAGE\nFROM ${IMAGE}\n",
    "FROM localhost:5000/app:1.0\n",
    "# hadolint ignore=DL3006\nFROM debian\n",
  ],
});
