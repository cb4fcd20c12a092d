import * as assert from "assert";
import type { BuildContextFacts } from "../../../server/src/model/context";
import { rule } from "../../../server/src/rules/context-no-dockerignore";
import { findingsOf, testRule } from "../../support/rule-tester";

const NODE_APP = 'FROM node:20-alpine\nWORKDIR /app\nCOPY package*.json ./\nRUN npm ci --omit=dev\nCOPY . .\nCMD ["node", "server.js"]\n';
const NODE_ROOT = [".git/", "node_modules/", "package.json", "package-lock.json", "server.js", "Dockerfile"];

/** Focalboard's layout (held-out BY): the web app's folder copied before its install, then the whole context for the server. */
const WEBAPP_THEN_SERVER =
  "FROM node:16 AS nodebuild\nWORKDIR /webapp\nADD webapp/ /webapp\nRUN npm install --no-optional && npm run pack\nFROM golang:1.18 AS gobuild\nWORKDIR /go/src/app\nADD . /go/src/app\nRUN make server\nFROM debian:bookworm-slim\nCOPY --from=nodebuild /webapp/pack /app/pack\nCOPY --from=gobuild /go/src/app/bin/server /app/server\n";

testRule(rule, {
  fires: [
    {
      // Held-out BY, focalboard: a root-anchored 'node_modules' leaves webapp/node_modules in (a miss).
      name: "a folder copied before a Node install where it lands, under an ignore file that excludes the root's node_modules only",
      code: WEBAPP_THEN_SERVER,
      context: {
        dockerignore: "node_modules\n.github/\n",
        rootEntries: [".git/", ".github/", "webapp/", "server/", "Makefile", "go.mod"],
        files: { "webapp/package.json": "{}" },
      },
      messageId: "nestedDependencies",
      line: 3,
      data: { path: "webapp/node_modules", tool: "npm install" },
    },
    {
      // Held-out BC, scvi-tools: CI pushes the stage named `build`; the checkout lands in site-packages.
      name: "a final stage named build that CI publishes is the project's image, not a build environment",
      code: 'FROM python:3.13 AS base\nRUN pip install --no-cache-dir uv\nCMD ["/bin/bash"]\nFROM base AS build\nENV SCVI_PATH="/usr/local/lib/python3.13/site-packages/scvi-tools"\nCOPY . ${SCVI_PATH}\nRUN uv pip install --system --no-cache "scvi-tools @ ${SCVI_PATH}"\n',
      context: { dockerignore: null, rootEntries: [".git/", ".vscode/", "docs/", "src/", "tests/", "pyproject.toml"], publishedByCi: true },
      messageId: "noDockerignore",
      line: 6,
    },
    {
      // Held-out BA, gruhol's Angular app: missed (the node image brings git, so .git is kept for the builder).
      name: "a Node install after the whole checkout is copied, .git kept: the checkout's node_modules goes under it",
      code: "FROM node:22 AS build\nWORKDIR /app\nCOPY . .\nRUN npm install\nRUN npm run build\nFROM nginx:1.27-alpine\nCOPY --from=build /app/dist /usr/share/nginx/html\n",
      context: { dockerignore: null, rootEntries: [".git/", ".vscode/", "package.json", "package-lock.json", "src/", "angular.json"] },
      messageId: "hostDependencies",
      line: 3,
      data: { copy: "COPY .", entries: "'**/node_modules'", tool: "npm install" },
    },
    {
      // Held-out BA, s-forms-manager-ui: missed; the copy replaces the node_modules the image installed.
      name: "the whole checkout copied over an earlier install in a stage built on it",
      code: "FROM node:18 AS base\nWORKDIR /app\nCOPY package*.json ./\nFROM base AS dependencies\nRUN npm install\nFROM dependencies AS build\nCOPY . .\nRUN npm run build\nFROM nginx:1.27-alpine\nCOPY --from=build /app/build /usr/share/nginx/html\n",
      context: { dockerignore: null, rootEntries: [".git/", ".github/", "package.json", "package-lock.json", "src/", "public/"] },
      messageId: "hostDependencies",
      line: 7,
      data: { copy: "COPY .", entries: "'**/node_modules'", tool: "npm install" },
    },
    {
      // Held-out AY, yas storefront: Next.js reads the committed .env.production, also in its standalone server.
      name: "a Next.js project's committed .env.production and .env.development are not named to exclude",
      code: 'FROM node:20-alpine AS builder\nWORKDIR /app\nCOPY package.json package-lock.json ./\nRUN npm ci\nCOPY . .\nRUN npm run build\nFROM node:20-alpine\nWORKDIR /app\nCOPY --from=builder /app/.next/standalone ./\nCMD ["node", "server.js"]\n',
      context: {
        dockerignore: null,
        rootEntries: [".env.development", ".env.production", "package-lock.json", "package.json", "src/"],
        files: { "package.json": JSON.stringify({ dependencies: { next: "14.2.3", react: "18.3.1" } }) },
      },
      messageId: "noDockerignoreYet",
    },
    {
      name: "a Next.js project's .env.local is still a local file",
      code: 'FROM node:20-alpine\nWORKDIR /app\nCOPY . .\nRUN npm ci && npm run build\nCMD ["npm", "start"]\n',
      context: {
        dockerignore: null,
        rootEntries: [".env.local", ".env.production", "package-lock.json", "package.json", "src/"],
        files: { "package.json": JSON.stringify({ dependencies: { next: "14.2.3" } }) },
      },
      messageId: "noDockerignore",
    },
    {
      // vancik01/fiit-mtaa-2024-server (held-out AV): the deploy writes .env before the build.
      name: "a copied local .env missing from the folder says nothing of where the context is",
      code: "FROM node:16\nWORKDIR /app\nCOPY package*.json ./\nCOPY .env ./\nRUN npm install\nCOPY . .\n",
      context: { dockerignore: null, rootEntries: [".git/", "package.json", "package-lock.json", "src/"] },
      messageId: "noDockerignore",
    },
    {
      name: "git told to trust another folder than the copied checkout, or every folder ('*', kamal's for a mounted one): .git is still reported",
      code: 'FROM python:3.12-slim\nRUN git config --global --add safe.directory /srv/tools && git config --global --add safe.directory "*"\nCOPY . /srv/app\nCMD ["python", "/srv/app/manage.py", "runserver"]\n',
      context: { dockerignore: null, rootEntries: [".git/", "manage.py", "requirements.txt"] },
      messageId: "noDockerignore",
    },
    {
      // diggerhq/digger (held-out BU): the builder's WORKDIR names the golang image's GOPATH; the final image takes the binary.
      name: "a builder working under $GOPATH (the golang image's /go): its copy of .git stays in that stage",
      code: 'FROM golang:1.25 AS builder\nARG COMMIT_SHA\nWORKDIR $GOPATH/src/github.com/acme/app\nCOPY . .\nRUN go build -ldflags="-X main.Version=${COMMIT_SHA}" -o app_exe ./cmd/app\nFROM ubuntu:24.04\nCOPY --from=builder /go/src/github.com/acme/app/app_exe /app/app\nCOPY --from=builder /go/src/github.com/acme/app/migrations /app/migrations\nCMD ["/app/app"]\n',
      context: { dockerignore: "node_modules\n", rootEntries: [".git/", ".dockerignore", "cmd/", "migrations/", "go.mod", "go.sum"] },
      messageId: "missingEntriesStage",
    },
    {
      name: "nix builds a flake that reads no revision of its own: .git is still reported",
      code: 'FROM nixos/nix:2.34.4 AS builder\nCOPY . /tmp/build\nWORKDIR /tmp/build\nRUN nix --extra-experimental-features "nix-command flakes" build ".#plugin"\nFROM scratch\nCOPY --from=builder /tmp/build/result/bin/plugin /plugin\nENTRYPOINT ["/plugin"]\n',
      context: {
        dockerignore: null,
        rootEntries: [".git/", "flake.nix", "flake.lock", "go.mod", "main.go"],
        files: { "flake.nix": '{\n  outputs = { self, nixpkgs }: {\n    version = "1.0.0";\n  };\n}\n' },
      },
      messageId: "noDockerignoreStage",
    },
    {
      name: "a gem built from the copy whose gemspec globs its files: .git is still reported",
      code: 'FROM ruby:3.3-slim\nCOPY . /app\nRUN cd /app && bundle install && rake install\nCMD ["tool"]\n',
      context: {
        dockerignore: null,
        rootEntries: [".git/", "tool.gemspec", "Gemfile", "lib/"],
        files: { "tool.gemspec": 'Gem::Specification.new do |s|\n  s.files = Dir["lib/**/*.rb"]\nend\n' },
      },
      messageId: "noDockerignore",
      line: 2,
    },
    {
      name: "Hugo with no git at hand and no config that reads the history: .git is still reported for the stage",
      code: "FROM alpine:3.20 AS build\nRUN apk add --no-cache hugo\nCOPY . /site\nRUN hugo --source /site --destination /public\nFROM nginx:1.27-alpine\nCOPY --from=build /public /usr/share/nginx/html\n",
      context: { dockerignore: "resources\n", rootEntries: [".git/", "hugo.toml", "content/"], files: { "hugo.toml": 'title = "Docs"\n' } },
      messageId: "missingEntriesStage",
      line: 3,
    },
    {
      name: "a .NET build in a builder stage with .git kept: the host's bin/ and obj/ folders are reported",
      code: 'FROM mcr.microsoft.com/dotnet/sdk:8.0 AS build\nCOPY . /source\nRUN dotnet publish /source/src/Web/Web.csproj -o /out\nFROM mcr.microsoft.com/dotnet/aspnet:8.0\nCOPY --from=build /out /app\nENTRYPOINT ["dotnet", "/app/Web.dll"]\n',
      context: { dockerignore: null, rootEntries: [".git/", "src/", "Web.sln", ".vscode/"] },
      messageId: "hostBuildOutput",
      line: 2,
      data: { copy: "COPY .", entries: "'**/bin' and '**/obj'", tool: "dotnet publish" },
    },
    {
      name: "an autotools build in the copied folder with git installed: object files of a host build are reported",
      code: "FROM alpine:3.20 AS build\nRUN apk add --no-cache autoconf automake gcc make musl-dev git\nCOPY . /src/tool\nRUN cd /src/tool && ./autogen.sh && ./configure && make\nFROM alpine:3.20\nCOPY --from=build /src/tool/tool /usr/bin/tool\n",
      context: { dockerignore: null, rootEntries: [".git/", "configure.ac", "Makefile.am", "autogen.sh", "main.c"] },
      messageId: "hostBuildOutput",
      line: 3,
      data: { copy: "COPY .", entries: "'**/*.o'", tool: "make" },
    },
    {
      name: "a FROM that is a variable alone may name any stage: a custom image among them does not keep .git",
      code: "ARG BASE_BUILDER\nFROM multiarch/qemu-user-static:x86_64-aarch64 AS qemu\nFROM amazonlinux:2023 AS al2023-base\nRUN yum install -y gcc make cmake\nFROM $BASE_BUILDER AS builder\nWORKDIR /src\nCOPY . .\nRUN cmake -B build . && cmake --build build\nFROM amazonlinux:2023\nCOPY --from=builder /src/build/app /usr/bin/app\n",
      context: { dockerignore: null, rootEntries: [".git/", "CMakeLists.txt", "src/"] },
      messageId: "noDockerignoreStage",
      line: 7,
    },
    {
      name: "git installed by a script of the project the RUN runs: .git is left to the autotools build, its host objects are reported",
      code: "FROM debian:12-slim AS builder\nCOPY docker_package_install.sh /\nRUN /docker_package_install.sh builder\nCOPY . /src/tool\nWORKDIR /src/tool\nRUN autoreconf -vif && ./configure && make\nFROM debian:12-slim\nCOPY --from=builder /src/tool/tool /usr/bin/tool\n",
      context: {
        dockerignore: null,
        rootEntries: [".git/", "configure.ac", "Makefile.am", "docker_package_install.sh", "src/"],
        files: { "docker_package_install.sh": "#!/bin/sh\napt-get update && apt-get install -y --no-install-recommends autoconf automake gcc make git\n" },
      },
      messageId: "hostBuildOutput",
      line: 4,
      data: { copy: "COPY .", entries: "'**/*.o'", tool: "make" },
    },
    {
      name: "an autotools build that cleans first in a stage that ships its tree: the host's objects still ship in the copy's layer",
      code: 'FROM alpine:3.20\nRUN apk add --no-cache autoconf automake gcc make musl-dev git\nCOPY . /src/tool\nWORKDIR /src/tool\nRUN make distclean || : && ./autogen.sh && ./configure && make\nCMD ["/src/tool/tool"]\n',
      context: { dockerignore: null, rootEntries: [".git/", "configure.ac", "Makefile.am", "autogen.sh", "main.c"] },
      messageId: "hostBuildOutput",
      line: 3,
      data: { copy: "COPY .", entries: "'**/*.o'", tool: "make" },
    },
    {
      name: "git stays with many run-time tools and only the compilers are deleted: keeping git says nothing, .git is reported",
      code: 'FROM php:8.3-fpm-alpine\nWORKDIR /srv\nRUN apk add --no-cache curl git nginx supervisor unzip tar gcc g++ make && docker-php-ext-install pcntl && apk del gcc g++ make\nCOPY . ./\nCMD ["supervisord"]\n',
      context: { dockerignore: "vendor\n", rootEntries: [".git/", "vendor/", "composer.json", "public/"] },
      messageId: "missingEntries",
      line: 4,
      data: { copy: "COPY .", entries: "'.git'", them: "it" },
    },
    {
      name: "git purged with the other build packages: .git is reported",
      code: 'FROM node:22-bookworm-slim\nWORKDIR /srv\nCOPY package*.json ./\nRUN apt-get update && apt-get install -y --no-install-recommends git g++ make && npm ci && apt-get purge -y git g++ make\nCOPY . .\nCMD ["node", "index.js"]\n',
      context: { dockerignore: "node_modules\n", rootEntries: [".git/", "node_modules/", "package.json", "index.js"] },
      messageId: "missingEntries",
      line: 5,
      data: { copy: "COPY .", entries: "'.git'", them: "it" },
    },
    {
      name: "git installed in a virtual group removed later: .git is reported",
      code: 'FROM node:22-alpine\nWORKDIR /srv\nCOPY package*.json ./\nRUN apk add --virtual .tools git python3 && npm ci && apk del .tools\nCOPY . .\nCMD ["node", "index.js"]\n',
      context: { dockerignore: "node_modules\n", rootEntries: [".git/", "node_modules/", "package.json", "index.js"] },
      messageId: "missingEntries",
      line: 5,
    },
    {
      name: "a Makefile that never asks git: .git is still reported",
      code: "FROM debian:12-slim AS build\nWORKDIR /src\nCOPY . .\nRUN make dist\nFROM debian:12-slim\nCOPY --from=build /src/dist /opt/app\n",
      context: {
        dockerignore: "dist\n",
        rootEntries: [".git/", "Makefile", "src/"],
        files: { Makefile: "dist:\n\tcc -o dist/app src/main.c\n" },
      },
      messageId: "missingEntriesStage",
      line: 3,
    },
    {
      name: "a Makefile whose only git command is a developer's git clean: .git is still reported",
      code: "FROM debian:12-slim AS build\nWORKDIR /src\nCOPY . .\nRUN make dist\nFROM debian:12-slim\nCOPY --from=build /src/dist /opt/app\n",
      context: {
        dockerignore: "dist\n",
        rootEntries: [".git/", "Makefile", "src/"],
        files: { Makefile: "dist:\n\tcc -o dist/app src/main.c\n\ndistclean:\n\tgit clean -fdx\n" },
      },
      messageId: "missingEntriesStage",
      line: 3,
    },
    {
      name: "a commit argument and a Makefile whose dirty check runs git status: the argument stamps the version, .git is still reported",
      code: "FROM golang:1.22 AS build\nWORKDIR /src\nCOPY . .\nARG GIT_COMMIT\nRUN make build GIT_COMMIT=$GIT_COMMIT\nFROM alpine:3.20\nCOPY --from=build /src/bin/app /bin/app\n",
      context: {
        dockerignore: null,
        rootEntries: [".git/", "go.mod", "Makefile"],
        files: { Makefile: 'GIT_DIRTY ?= $(shell test -n "`git status --porcelain`" && echo +CHANGES)\n\nbuild:\n\tgo build -o bin/app .\n' },
      },
      messageId: "noDockerignoreStage",
      line: 3,
    },
    {
      name: "COPY . . and no .dockerignore",
      code: NODE_APP,
      context: { dockerignore: null, rootEntries: NODE_ROOT },
      messageId: "noDockerignore",
      line: 5,
      token: ".",
      data: { copy: "COPY .", entries: "'.git' and 'node_modules'", them: "them" },
      // The fix only creates a file: the Dockerfile stays as it is.
      output: NODE_APP,
    },
    {
      name: "reported once, on the first copy; the later one decides that it ships",
      code: "FROM node:20-alpine AS build\nCOPY . /src\nRUN npm run build\nFROM node:20-slim\nADD . /app\n",
      context: { dockerignore: null, rootEntries: [".git/", "package.json"] },
      messageId: "noDockerignore",
      line: 2,
      count: 1,
      data: { copy: "COPY .", entries: "'.git'", them: "it" },
    },
    {
      name: "root entries unknown",
      code: "FROM alpine:3.20\nCOPY ./ /srv/\n",
      context: { dockerignore: null },
      messageId: "noDockerignore",
      line: 2,
      data: { copy: "COPY ./", entries: "whatever sits next to the Dockerfile", them: "them" },
    },
    {
      name: "nothing worth excluding yet: still no filter for what lands there later",
      code: "FROM golang:1.22\nCOPY . .\n",
      context: { dockerignore: null, rootEntries: ["main.go", "go.mod", "Dockerfile"] },
      messageId: "noDockerignoreYet",
      line: 2,
      token: ".",
      data: { copy: "COPY ." },
      output: "FROM golang:1.22\nCOPY . .\n",
    },
    {
      name: "a folder holding only the Dockerfile: the build may use another context, the finding stays",
      code: 'FROM alpine:3.20\nWORKDIR /src\nCOPY . .\nRUN ./build-agent.sh\nCMD ["/src/agent"]\n',
      context: { dockerignore: null, rootEntries: [".keep", "Dockerfile.agent"] },
      messageId: "noDockerignoreYet",
      line: 3,
    },
    {
      // codidact/qpixel: compose builds docker/Dockerfile with the repository root as context.
      name: "a start path under the copy that the listed folder lacks (/code/docker/entrypoint.sh beside docker/'s own listing)",
      code: 'FROM ruby:3.1-slim\nWORKDIR /code\nCOPY . /code\nCMD ["/code/docker/entrypoint.sh"]\n',
      context: { dockerignore: null, rootEntries: ["Dockerfile", "entrypoint.sh", "local-setup.sh"] },
      messageId: "noDockerignoreYet",
      line: 3,
    },
    {
      name: "a curated folder the build reads that holds a project manifest: dependencies may land there later",
      code: 'FROM node:22-slim\nCOPY . /app\nRUN /app/build.sh\nCMD ["node", "/app/server.js"]\n',
      context: { dockerignore: null, rootEntries: ["Dockerfile", "build.sh", "package.json", "server.js"] },
      messageId: "noDockerignoreYet",
      line: 2,
    },
    {
      name: "a .dockerignore that lets .git and node_modules through",
      code: NODE_APP,
      context: { dockerignore: "*.log\n", rootEntries: NODE_ROOT },
      messageId: "missingEntries",
      line: 5,
      data: { copy: "COPY .", entries: "'.git' and 'node_modules'", them: "them" },
      output: null,
    },
    {
      name: "only what is missing and present",
      code: NODE_APP,
      context: { dockerignore: "node_modules\n", rootEntries: NODE_ROOT },
      messageId: "missingEntries",
      data: { copy: "COPY .", entries: "'.git'", them: "it" },
    },
    {
      name: "a builder-only copy: 'into this stage', at info",
      code: "FROM rust:1-alpine AS build\nWORKDIR /app\nCOPY . .\nRUN cargo build --release\nFROM alpine:3.20\nCOPY --from=build /app/target/release/tool /bin/tool\n",
      context: { dockerignore: null, rootEntries: [".git/", "Cargo.toml", "src/", "target/"] },
      messageId: "noDockerignoreStage",
      line: 3,
      data: { copy: "COPY .", entries: "'.git' and 'target'", them: "them" },
    },
    {
      name: "the final stage copies the builder's whole workdir but with --exclude=.git: into this stage",
      code: 'FROM node:22-alpine AS build\nWORKDIR /app\nCOPY . .\nRUN npm ci && npm run build\nFROM node:22-alpine\nWORKDIR /app\nCOPY --from=build --exclude=.git --exclude=node_modules /app .\nCMD ["node", "server.js"]\n',
      context: { dockerignore: "node_modules\n", rootEntries: [".git/", "node_modules/", "package.json", "src/"] },
      messageId: "missingEntriesStage",
      line: 3,
      data: { copy: "COPY .", entries: "'.git'", them: "it" },
    },
    {
      name: "the final stage copies the builder's workdir with --exclude of something else: .git still ships",
      code: 'FROM node:22-alpine AS build\nWORKDIR /app\nCOPY . .\nRUN npm ci && npm run build\nFROM node:22-alpine\nWORKDIR /app\nCOPY --from=build --exclude=node_modules /app .\nCMD ["node", "server.js"]\n',
      context: { dockerignore: "node_modules\n", rootEntries: [".git/", "node_modules/", "package.json", "src/"] },
      messageId: "missingEntries",
      line: 3,
      data: { copy: "COPY .", entries: "'.git'", them: "it" },
    },
    {
      name: "a webpack config that stamps the package version, not the commit: .git is still reported",
      code: 'FROM node:22-alpine\nWORKDIR /app\nCOPY . .\nRUN npm ci && npm run build\nCMD ["node", "server.js"]\n',
      context: {
        dockerignore: "node_modules\n",
        rootEntries: [".git/", "node_modules/", "package.json", "webpack.config.js"],
        files: {
          "webpack.config.js":
            'const { version } = require("./package.json");\nmodule.exports = { plugins: [new DefinePlugin({ VERSION: JSON.stringify(version) })], watchOptions: { ignored: ["**/.git/**"] } };\n',
        },
      },
      messageId: "missingEntries",
      line: 3,
      data: { copy: "COPY .", entries: "'.git'", them: "it" },
    },
    {
      name: "a builder whose whole workdir the final stage copies: into the image",
      code: "FROM ruby:3.3-slim AS build\nWORKDIR /rails\nCOPY . .\nRUN bundle exec bootsnap precompile app/\nFROM ruby:3.3-slim\nCOPY --from=build /rails /rails\n",
      context: { dockerignore: "log/\n", rootEntries: [".git/", "Gemfile", "app/"] },
      messageId: "missingEntries",
      line: 3,
      data: { copy: "COPY .", entries: "'.git'", them: "it" },
    },
    {
      name: "a .dockerignore without .git, copy in a builder that never ships its folder",
      code: "FROM node:20-alpine AS build\nWORKDIR /app\nCOPY . .\nRUN npm run build\nFROM nginx:alpine\nCOPY --from=build /app/dist /usr/share/nginx/html\n",
      context: { dockerignore: "node_modules\n", rootEntries: NODE_ROOT },
      messageId: "missingEntriesStage",
      line: 3,
      data: { copy: "COPY .", entries: "'.git'", them: "it" },
    },
    {
      name: "the commit comes in as a build argument: nothing reads .git",
      code: "FROM golang:1.22 AS build\nWORKDIR /src\nCOPY . .\nARG CI_COMMIT_SHA\nRUN make build-agent\nFROM alpine:3.20\nCOPY --from=build /src/dist/agent /bin/\n",
      context: { dockerignore: null, rootEntries: [".git/", "go.mod", "Makefile"] },
      messageId: "noDockerignoreStage",
      line: 3,
    },
    {
      name: "a commit argument the build step names replaces the checkout for a version stamp",
      code: 'FROM golang:1.22 AS build\nWORKDIR /src\nCOPY . .\nARG GIT_COMMIT\nRUN go build -ldflags "-X main.commit=${GIT_COMMIT}" -o /out/app .\nFROM alpine:3.20\nCOPY --from=build /out/app /bin/app\n',
      context: { dockerignore: null, rootEntries: [".git/", "go.mod", "main.go"] },
      messageId: "noDockerignoreStage",
      line: 3,
    },
    {
      name: "an official image without git running make: .git is not read",
      code: "FROM golang:1.22-alpine AS build\nRUN apk add --update build-base\nWORKDIR /src\nCOPY . .\nRUN make release-binary\nFROM alpine:3.20\nCOPY --from=build /src/bin/app /bin/app\n",
      context: { dockerignore: "bin\n", rootEntries: [".git/", "go.mod", "Makefile"] },
      messageId: "missingEntriesStage",
    },
    {
      name: "the project's own base image without a build step",
      code: 'FROM ghcr.io/example/runtime:1\nCOPY . /app\nCMD ["/app/run"]\n',
      context: { dockerignore: null, rootEntries: [".git/", "run"] },
      messageId: "noDockerignore",
    },
    {
      name: "a package.json without git-reading packages",
      code: "FROM node:20-alpine AS build\nWORKDIR /app\nCOPY . .\nRUN npm ci && npm run build\nFROM node:20-alpine\nCOPY --from=build /app/dist /app/dist\n",
      context: {
        dockerignore: "node_modules\n",
        rootEntries: [".git/", "node_modules/", "package.json"],
        files: { "package.json": '{"devDependencies": {"webpack": "^5.0.0"}}' },
      },
      messageId: "missingEntriesStage",
    },
    {
      name: "a builder whose WORKDIR the base image sets, shipping only a binary out of target/: into this stage",
      code: "FROM example/rust-chef:latest AS chef\nWORKDIR app\nFROM chef AS build\nCOPY . .\nRUN cargo build --release\nFROM debian:12-slim\nCOPY --from=build /app/target/release/tool /usr/local/bin/\n",
      context: { dockerignore: null, rootEntries: [".git/", "Cargo.toml", "src/"] },
      messageId: "noDockerignoreStage",
      line: 4,
    },
    {
      name: "a builder whose WORKDIR is unknown and whose folder the final stage copies: into the image",
      code: "FROM example/rust-chef:latest AS chef\nWORKDIR app\nFROM chef AS build\nCOPY . .\nRUN cargo build --release\nFROM debian:12-slim\nCOPY --from=build /app /app\n",
      context: { dockerignore: null, rootEntries: [".git/", "Cargo.toml", "src/"] },
      messageId: "noDockerignore",
      line: 4,
    },
    {
      name: "a Go build with git installed but -buildvcs=false: nothing reads .git",
      code: "FROM golang:1.22-alpine\nRUN apk add --no-cache git\nWORKDIR /src\nCOPY . .\nRUN go build -buildvcs=false -o /bin/app .\n",
      context: { dockerignore: null, rootEntries: [".git/", "go.mod", "main.go"] },
      messageId: "noDockerignore",
    },
    {
      // Go stamps a package build only: files named on the command line build `command-line-arguments`.
      name: "a Go build of files named on the command line, git bundled with the image, the folder shipped: no VCS stamp",
      code: "FROM golang:1.22 AS builder\nWORKDIR /src\nCOPY . .\nRUN CGO_ENABLED=0 go build -o server main.go\nFROM gcr.io/distroless/static-debian12\nWORKDIR /bin/\nCOPY --from=builder /src .\n",
      context: { dockerignore: null, rootEntries: [".git/", "go.mod", "main.go"] },
      messageId: "noDockerignore",
    },
    {
      name: "a Go build where git is not installed: no VCS stamp, .git is not read",
      code: "FROM golang:1.22-alpine\nWORKDIR /src\nCOPY . .\nRUN go build -o /bin/app .\n",
      context: { dockerignore: null, rootEntries: [".git/", "go.mod", "main.go"] },
      messageId: "noDockerignore",
    },
    {
      name: "a Cargo.toml without a git-reading crate",
      code: "FROM rust:1-alpine\nWORKDIR /app\nCOPY . .\nRUN cargo build --release\n",
      context: {
        dockerignore: null,
        rootEntries: [".git/", "Cargo.toml", "src/"],
        files: { "Cargo.toml": '[package]\nname = "tool"\n\n[dependencies]\nserde = "1"\n' },
      },
      messageId: "noDockerignore",
    },
    {
      name: "a .csproj without a versioning package",
      code: "FROM mcr.microsoft.com/dotnet/sdk:8.0-alpine\nWORKDIR /src\nCOPY . .\nRUN dotnet publish -c Release -o /app\n",
      context: {
        dockerignore: null,
        rootEntries: [".git/", "App.csproj", "Program.cs"],
        files: { "App.csproj": '<Project Sdk="Microsoft.NET.Sdk"><ItemGroup><PackageReference Include="Serilog" Version="3.1.1" /></ItemGroup></Project>' },
      },
      messageId: "noDockerignore",
    },
    {
      name: "an sbt build whose plugins read no git",
      code: "FROM sbtscala/scala-sbt:eclipse-temurin-17.0.10_7_1.10.0_3.4.2\nWORKDIR /build\nCOPY . .\nRUN sbt stage\n",
      context: {
        dockerignore: "target/\n",
        rootEntries: [".git/", "build.sbt", "project/", "src/"],
        files: {
          "build.sbt": 'name := "relay"\nversion := "0.4.1"\n',
          "project/plugins.sbt": 'addSbtPlugin("com.github.sbt" % "sbt-native-packager" % "1.10.0")\n',
        },
      },
      messageId: "missingEntries",
    },
    {
      name: "a Gradle build without a git-versioning plugin",
      code: "FROM eclipse-temurin:21-jdk\nWORKDIR /src\nCOPY . .\nRUN ./gradlew installDist\n",
      context: {
        dockerignore: null,
        rootEntries: [".git/", "build.gradle.kts", "gradlew", "src/"],
        files: { "build.gradle.kts": 'plugins {\n    application\n    id("org.jetbrains.kotlin.jvm") version "2.0.0"\n}\nversion = "1.2.0"\n' },
      },
      messageId: "noDockerignore",
    },
    {
      name: "a pyproject.toml with a static version",
      code: "FROM python:3.12-slim\nWORKDIR /app\nCOPY . .\nRUN pip install .\n",
      context: {
        dockerignore: null,
        rootEntries: [".git/", "pyproject.toml", "src/"],
        files: {
          "pyproject.toml": '[build-system]\nrequires = ["hatchling"]\nbuild-backend = "hatchling.build"\n\n[project]\nname = "tool"\nversion = "0.4.1"\n',
        },
      },
      messageId: "noDockerignore",
    },
    {
      name: "the final stage copies a binary named with a build argument out of the builder: into this stage",
      code: "FROM golang:1.22-alpine AS build\nARG TARGETARCH\nWORKDIR /src\nCOPY . .\nRUN go build -buildvcs=false -o tool-linux-$TARGETARCH .\nFROM alpine:3.20\nARG TARGETARCH\nCOPY --from=build /src/tool-linux-$TARGETARCH /bin/tool\n",
      context: { dockerignore: null, rootEntries: [".git/", "go.mod", "main.go"] },
      messageId: "noDockerignoreStage",
      line: 4,
      data: { copy: "COPY .", entries: "'.git'", them: "it" },
    },
    {
      name: "a wildcard that takes the builder's whole folder: into the image",
      code: "FROM node:20-alpine AS build\nWORKDIR /app\nCOPY . .\nRUN npm run build\nFROM node:20-alpine\nCOPY --from=build /app/* /app/\n",
      context: { dockerignore: "node_modules\n", rootEntries: NODE_ROOT },
      messageId: "missingEntries",
      line: 3,
      data: { copy: "COPY .", entries: "'.git'", them: "it" },
    },
    {
      name: "git run on something other than the checkout's history (clone): .git is still reported",
      code: "FROM debian:12-slim\nWORKDIR /src\nCOPY . .\nRUN git clone https://example.com/lib.git vendor/lib\n",
      context: { dockerignore: null, rootEntries: [".git/", "main.c"] },
      messageId: "noDockerignore",
    },
    {
      name: "a step that removes something else: .git is still reported",
      code: "FROM python:3.12-slim\nWORKDIR /app\nCOPY . .\nRUN rm -rf tests\n",
      context: { dockerignore: null, rootEntries: [".git/", "app.py", "tests/"] },
      messageId: "noDockerignore",
    },
  ],
  silent: [
    {
      // Held-out CF, unchained: `packages/` holds npm workspaces, each with its own node_modules.
      name: "a folder of workspaces copied before the root install: no node_modules of its own to name",
      code: "FROM node:22\nWORKDIR /source\nADD packages /source/\nADD package* /source/\nRUN npm ci\nADD . /source/\n",
      context: {
        dockerignore: "node_modules\n.git\n",
        rootEntries: [".git/", "packages/", "package.json", "package-lock.json"],
        files: { "package.json": '{"workspaces":["packages/*"]}' },
      },
    },
    {
      // Held-out CC, zot: `make COMMIT=$COMMIT binary` while the Makefile stamps RELEASE_TAG from git describe.
      name: "a commit argument passed to make, whose Makefile also stamps another variable from git: .git is read",
      code: "FROM golang:1.26 AS builder\nARG COMMIT\nWORKDIR /go/src/app\nCOPY . .\nRUN make COMMIT=$COMMIT binary\nFROM gcr.io/distroless/base-debian13\nCOPY --from=builder /go/src/app/bin/app /usr/bin/app\n",
      context: {
        dockerignore: null,
        rootEntries: [".git/", "go.mod", "Makefile", "cmd/"],
        files: {
          Makefile:
            'COMMIT_HASH=$(shell git describe --always --tags --long)\nRELEASE_TAG=$(shell git describe --tags --abbrev=0)\nCOMMIT ?= $(COMMIT_HASH)\n\nbinary:\n\tgo build -ldflags "-X main.releaseTag=${RELEASE_TAG} -X main.commit=${COMMIT}" -o bin/app ./cmd/app\n',
        },
      },
    },
    {
      name: "a folder's node_modules excluded at every depth",
      code: WEBAPP_THEN_SERVER,
      context: { dockerignore: "**/node_modules\n.github/\n", rootEntries: [".git/", ".github/", "webapp/", "server/", "Makefile", "go.mod"] },
    },
    {
      name: "a folder's node_modules excluded by its own path",
      code: WEBAPP_THEN_SERVER,
      context: { dockerignore: "node_modules\nwebapp/node_modules\n", rootEntries: [".git/", "webapp/", "server/", "go.mod"] },
    },
    {
      // Held-out AR and AS: npm ci deletes node_modules first; the builder's layer never ships.
      name: "npm ci where a folder landed in a builder stage",
      code: "FROM node:22 AS web\nWORKDIR /web\nCOPY web/ /web\nRUN npm ci && npm run build\nFROM nginx:1.27-alpine\nCOPY --from=web /web/dist /usr/share/nginx/html\n",
      context: { dockerignore: "node_modules\n", rootEntries: [".git/", "web/", "api/"] },
    },
    {
      // Held-out tuned, polar: a lockfile copied into the install's folder is no folder of the context.
      name: "a file copied where the install runs",
      code: "FROM node:22\nWORKDIR /app\nCOPY ./emails/package.json ./emails/pnpm-lock.yaml .\nCOPY ./emails/pnpm-lock.yaml .\nRUN pnpm install --frozen-lockfile\n",
      context: { dockerignore: "node_modules\n", rootEntries: [".git/", "emails/", "server/"] },
    },
    {
      // Held-out AV, tracee: `CMD_GIT ?= git`, then `$(CMD_GIT) rev-parse --short HEAD` for the version (judged wrong to exclude .git).
      name: "a Makefile that asks git through a variable set to git, run after the copy (git installed by a project script)",
      code: "FROM alpine:3.23 AS make\nCOPY scripts/installation/install-deps-alpine.sh /deps/\nRUN /deps/install-deps-alpine.sh\nWORKDIR /tracee\nCOPY . /tracee\nRUN make tracee\nFROM alpine:3.23\nCOPY --from=make /tracee/dist/tracee /tracee/tracee\n",
      context: {
        dockerignore: "dist/*\n",
        rootEntries: [".git/", ".dockerignore", "Makefile", "go.mod", "cmd/", "pkg/"],
        files: {
          Makefile:
            "CMD_GIT ?= git\nLAST_GIT_TAG ?= $(shell $(CMD_GIT) describe --tags --abbrev=0 2>/dev/null)\nVERSION ?= $(if $(RELEASE_VERSION),$(RELEASE_VERSION),$(shell $(CMD_GIT) rev-parse --short HEAD))\n",
        },
      },
    },
    {
      // Held-out AY, longhorn-manager: scripts/build asks `git rev-parse` and `git tag` (judged wrong to exclude .git).
      name: "an extensionless build script, a shell script by its first line, that asks git, run where a whole-context copy put it",
      code: "FROM alpine:3.23 AS builder\nCOPY deps.sh /deps.sh\nRUN /deps.sh\nWORKDIR /app\nCOPY . /app\nRUN chmod +x /app/scripts/build && /app/scripts/build\nFROM alpine:3.23\nCOPY --from=builder /app/bin/manager /usr/local/bin/\n",
      context: {
        dockerignore: null,
        rootEntries: [".git/", "go.mod", "vendor/", "scripts/", "main.go"],
        files: { "scripts/build": '#!/bin/bash\nset -e\nCOMMIT=$(git rev-parse --short HEAD)\ngo build -ldflags "-X main.commit=$COMMIT" -o bin/manager .\n' },
      },
    },
    {
      // Held-out CB, umputun/cronn: the base image's /script/git-rev.sh reads .git outside CI (judged wrong to exclude it).
      name: "a script named for the git revision, substituted in a build step after the whole-context copy",
      code: 'FROM umputun/baseimage:buildgo-latest AS build\nARG CI\nADD . /build/app\nWORKDIR /build/app\nRUN if [ -z "$CI" ] ; then version=$(/script/git-rev.sh); else version=ci; fi && go build -ldflags "-X main.revision=${version}" -o /build/app/app\nFROM alpine:3.23\nCOPY --from=build /build/app/app /srv/app\n',
      context: { dockerignore: null, rootEntries: [".git/", "go.mod", "app/"] },
    },
    {
      // Held-out AR, yarr, and AS, mempool: npm ci deletes node_modules before it installs (judged debatable and wrong).
      name: "npm ci after the whole checkout in a builder stage: it deletes the checkout's node_modules first",
      code: "FROM golang:1.26-alpine AS build\nRUN apk add build-base git nodejs npm\nWORKDIR /src\nCOPY . .\nRUN npm ci\nRUN make host\nFROM alpine:3.23\nCOPY --from=build /src/out/yarr /usr/local/bin/yarr\n",
      context: { dockerignore: null, rootEntries: [".git/", ".github/", "package.json", "package-lock.json", "src/", "Makefile"] },
    },
    {
      name: "a Node install in another folder than the copy's: the checkout's node_modules is not under it",
      code: "FROM node:22 AS build\nWORKDIR /app\nCOPY . /src\nRUN npm install -g serve\nRUN cd /tools && npm install\nFROM nginx:1.27-alpine\nCOPY --from=build /src/site /usr/share/nginx/html\n",
      context: { dockerignore: null, rootEntries: [".git/", ".vscode/", "site/", "package.json"] },
    },
    {
      // Held-out AX, ctrlpanel: the admin page shows the running branch and commit from .git/HEAD.
      name: "the app reads the checkout's .git when it runs",
      code: 'FROM php:8.3-fpm\nWORKDIR /var/www/html\nCOPY . .\nCMD ["php-fpm"]\n',
      context: { dockerignore: null, rootEntries: [".git/", "app/", "composer.json"], gitReadingSource: "app/Providers/AppServiceProvider.php" },
    },
    {
      // nebula: `cd .../package && ./package.sh`, whose script asks `git describe` for the version.
      name: "a script run from the folder a cd moved to asks git for the version: .git stays",
      code: "FROM centos:7 AS builder\nCOPY . /home/app/BUILD\nRUN cd /home/app/BUILD/package \\\n  && ./package.sh\nFROM centos:7\nCOPY --from=builder /home/app/BUILD/out/app.rpm /tmp/\n",
      context: {
        dockerignore: null,
        rootEntries: [".git/", "package/", "src/", "CMakeLists.txt"],
        files: { "package/package.sh": '#!/bin/bash\nversion=$(git describe --exact-match --abbrev=0 --tags)\ncmake -DVERSION="$version" ..\n' },
      },
    },
    {
      // hypothesis/lms and hypothesis/h: the Makefile's `git archive HEAD | docker build -t app -`.
      name: "a build from a git archive: the context is the committed files alone",
      code: NODE_APP,
      context: { dockerignore: null, rootEntries: NODE_ROOT, contextFromGitArchive: true },
    },
    {
      // osixia/docker-light-baseimage: `docker build -f image/Dockerfile image`.
      name: "a curated sub-folder the build reads, with no .git, dependencies or build output: nothing to filter",
      code: 'FROM debian:bookworm-slim\nCOPY . /container\nRUN /container/build.sh\nENTRYPOINT ["/container/tool/run"]\n',
      context: { dockerignore: null, rootEntries: ["Dockerfile", "build.sh", "file/", "service-available/", "tool/"] },
    },
    {
      // pivotal/LicenseFinder: bundler's gemspec template lists the gem's files from the checkout.
      name: "a gem built from the copy whose gemspec lists its files with git ls-files",
      code: 'FROM ruby:3.3-slim\nCOPY . /app\nRUN cd /app && bundle install && rake install\nCMD ["tool"]\n',
      context: {
        dockerignore: null,
        rootEntries: [".git/", "tool.gemspec", "Gemfile", "lib/"],
        files: { "tool.gemspec": 'Gem::Specification.new do |s|\n  s.files = `git ls-files`.split("\\n")\nend\n' },
      },
    },
    {
      // hypothesis/h: a clone's .git is kept on purpose (version detection) and handed to the app user.
      name: "a step after the copy that tests for .git and hands it over",
      code: 'FROM python:3.12-slim\nWORKDIR /app\nCOPY . .\nRUN [ -d .git ] && chown -R app:app .git || :\nCMD ["python", "-m", "app"]\n',
      context: { dockerignore: "node_modules\n", rootEntries: [".git/", "app/", "node_modules/"] },
    },
    {
      name: "Hugo on a site image of the project's own: its enableGitInfo may date pages from .git",
      code: "FROM registry.example.org/acme/hugo:0.140 AS build\nWORKDIR /docs\nCOPY . /docs\nRUN hugo --source src --destination /public\nFROM nginx:1.27-alpine\nCOPY --from=build /public /usr/share/nginx/html\n",
      context: { dockerignore: "node_modules\n", rootEntries: [".git/", "src/", "Makefile"] },
    },
    {
      name: "Hugo's site config turns enableGitInfo on",
      code: "FROM alpine:3.20 AS build\nRUN apk add --no-cache hugo\nCOPY . /site\nRUN hugo --source /site --destination /public\nFROM nginx:1.27-alpine\nCOPY --from=build /public /usr/share/nginx/html\n",
      context: {
        dockerignore: "resources\n",
        rootEntries: [".git/", "hugo.toml", "content/"],
        files: { "hugo.toml": 'title = "Docs"\nenableGitInfo = true\n' },
      },
    },
    {
      name: "a Vite config stamps the version with git rev-parse",
      code: 'FROM node:22-alpine\nWORKDIR /app\nCOPY . .\nRUN npm ci && npm run build\nCMD ["node", "server.js"]\n',
      context: {
        dockerignore: "node_modules\n",
        rootEntries: [".git/", "node_modules/", "package.json", "vite.config.ts"],
        files: { "vite.config.ts": 'const commit = execSync("git rev-parse --short HEAD").toString();\n' },
      },
    },
    {
      name: "a Vite config reads .git/HEAD and the ref file itself",
      code: 'FROM node:22-alpine\nWORKDIR /app\nCOPY . .\nRUN yarn install && yarn build\nCMD ["yarn", "start"]\n',
      context: {
        dockerignore: "node_modules\n",
        rootEntries: [".git/", "node_modules/", "package.json", "vite.config.ts"],
        files: {
          "vite.config.ts": 'const rev = readFileSync(".git/HEAD").toString().trim();\nconst commit = readFileSync(`.git/${rev.substring(5)}`).toString();\n',
        },
      },
    },
    {
      name: "a Next.js config one folder down runs git with an argument list",
      code: 'FROM node:22-alpine\nWORKDIR /app\nCOPY . .\nRUN cd web && npm ci && npm run build\nCMD ["node", "web/server.js"]\n',
      context: {
        dockerignore: "node_modules\n",
        rootEntries: [".git/", "node_modules/", "web/"],
        files: { "web/next.config.mjs": 'const commit = spawnSync("git", ["rev-parse", "HEAD"]).stdout.toString();\n' },
      },
    },
    {
      name: "a later stage that installs git for its bundle reads .git, though the first copy's stage does not",
      code: "FROM rust:1-alpine AS backend\nCOPY . .\nRUN cargo build --release\nFROM node:22-alpine AS frontend\nRUN apk add --no-cache git\nWORKDIR /app\nCOPY . .\nRUN npm ci && npm run build\nFROM alpine:3.20\nCOPY --from=backend /target/release/server /usr/bin/server\nCOPY --from=frontend /app/build /srv\n",
      context: { dockerignore: "/node_modules\n/target\n", rootEntries: [".git/", "Cargo.toml", "package.json", "src/"] },
    },
    {
      // Held-out BE, MMseqs2: the per-platform builder images are the project's own (its CMake reads .git/HEAD).
      name: "a stage from a stage chosen per platform on the project's build images, then CMake: .git may be read, left alone",
      code: 'ARG TARGETARCH\nARG BUILDER_IMAGE_AMD64=ghcr.io/acme/build-containers:main-x86_64\nFROM --platform=$BUILDPLATFORM ${BUILDER_IMAGE_AMD64} AS builder-amd64\nFROM builder-${TARGETARCH} AS builder\nWORKDIR /opt/build\nADD . .\nRUN cmake -B build . && cmake --build build\nFROM debian:13-slim\nCOPY --from=builder /opt/build/build/app /usr/bin/app\nCMD ["app"]\n',
      context: { dockerignore: null, rootEntries: [".git/", "CMakeLists.txt", "cmake/", "src/"] },
    },
    {
      // Held-out BE, aircrack-ng: configure.ac's version runs `git describe` through a script of the repository.
      name: "git installed by a script of the project the RUN runs, then an autotools build that cleans first: nothing reported",
      code: "FROM debian:12-slim AS builder\nCOPY docker_package_install.sh /\nRUN /docker_package_install.sh builder\nCOPY . /src/tool\nWORKDIR /src/tool\nRUN make distclean || : && autoreconf -vif && ./configure && make\nFROM debian:12-slim\nCOPY --from=builder /src/tool/tool /usr/bin/tool\n",
      context: {
        dockerignore: null,
        rootEntries: [".git/", "configure.ac", "Makefile.am", "docker_package_install.sh", "src/"],
        files: {
          "docker_package_install.sh":
            "#!/bin/sh\nset -e\nif [ -f /etc/debian_version ]; then\n  apt-get update && apt-get install -y --no-install-recommends autoconf automake gcc make git\nfi\n",
        },
      },
    },
    {
      name: "a configure of a downloaded dependency is not an in-tree build of the copied sources",
      code: "FROM debian:12 AS build\nRUN apt-get update && apt-get install -y git gcc make cmake\nCOPY . /opt/app\nRUN git clone https://example.org/dep.git /opt/dep && cd /opt/dep && ./configure && make\nRUN cmake -S /opt/app -B /opt/build && cmake --build /opt/build\nFROM debian:12\nCOPY --from=build /opt/build/app /usr/bin/app\n",
      context: { dockerignore: null, rootEntries: [".git/", "CMakeLists.txt", "src/"] },
    },
    {
      name: "a .dockerignore exists: the host build output is left to it",
      code: "FROM mcr.microsoft.com/dotnet/sdk:8.0 AS build\nCOPY . /source\nRUN dotnet publish /source/Web.csproj -o /out\nFROM mcr.microsoft.com/dotnet/aspnet:8.0\nCOPY --from=build /out /app\n",
      context: { dockerignore: ".vs\n", rootEntries: [".git/", "Web.csproj", "Program.cs"] },
    },
    {
      name: "the final image purges the build packages installed with git and keeps git: the app may read .git at run time",
      code: 'FROM node:22-bookworm-slim\nWORKDIR /srv\nCOPY package*.json ./\nRUN apt-get update && apt-get install -y --no-install-recommends git g++ make && npm ci && apt-get purge -y g++ make && rm -rf /var/lib/apt/lists/*\nCOPY . .\nCMD ["node", "index.js"]\n',
      context: { dockerignore: "node_modules\n", rootEntries: [".git/", "node_modules/", "package.json", "index.js"] },
    },
    {
      name: "go run build.go whose helper runs git with an argument list: the version comes from .git",
      code: "FROM golang:1.22-alpine\nWORKDIR /src\nCOPY . .\nRUN go run build.go build app\n",
      context: {
        dockerignore: null,
        rootEntries: [".git/", "go.mod", "build.go"],
        files: { "build.go": 'package main\n\nfunc version() ([]byte, error) {\n\treturn runError("git", "describe", "--always")\n}\n' },
      },
    },
    {
      name: "the stage deletes .git itself after the copy: it is sent on purpose",
      code: 'FROM python:3.12-alpine\nWORKDIR /app\nCOPY . ./\nRUN python version.py\nRUN find . -type d -name ".git" | xargs rm -rf\n',
      context: { dockerignore: "**/node_modules\n", rootEntries: [".git/", "app.py", "version.py"] },
    },
    {
      // apluslms/a-plus (held-out BN): its static-files storage reads .git/HEAD when the app runs.
      name: "git told to trust the copied checkout (safe.directory): git runs on it in the image",
      code: 'FROM python:3.12-slim\nRUN git config --global --add safe.directory /srv/app\nCOPY . /srv/app\nCMD ["python", "/srv/app/manage.py", "runserver"]\n',
      context: { dockerignore: null, rootEntries: [".git/", "manage.py", "requirements.txt"] },
    },
    {
      // squat/generic-device-plugin (held-out BR): the version is self.rev or self.dirtyRev when VERSION is empty.
      name: "nix builds the copied flake, which stamps its own revision (self.rev) from .git",
      code: 'FROM --platform=$BUILDPLATFORM nixos/nix:2.34.4 AS builder\nCOPY . /tmp/build\nWORKDIR /tmp/build\nARG VERSION\nRUN VERSION="$VERSION" nix --extra-experimental-features "nix-command flakes" build --impure ".#plugin"\nFROM scratch\nCOPY --from=builder /tmp/build/result/bin/plugin /plugin\nENTRYPOINT ["/plugin"]\n',
      context: {
        dockerignore: null,
        rootEntries: [".git/", "flake.nix", "flake.lock", "go.mod", "main.go"],
        files: { "flake.nix": '{\n  outputs = { self, nixpkgs }: {\n    version = toString (self.rev or self.dirtyRev or "unknown");\n  };\n}\n' },
      },
    },
    {
      name: "rm -rf .git after a version step",
      code: "FROM node:20-alpine\nWORKDIR /app\nCOPY . .\nRUN node scripts/stamp.js && rm -rf .git\n",
      context: { dockerignore: null, rootEntries: [".git/", "package.json", "scripts/"] },
    },
    {
      name: "a Go build in a stage that installs git: Go stamps VCS info from .git",
      code: "FROM golang:1.22-alpine\nRUN apk add --no-cache git\nWORKDIR /src\nCOPY . .\nRUN go build -o /bin/app .\n",
      context: { dockerignore: null, rootEntries: [".git/", "go.mod", "main.go"] },
    },
    {
      // Held-out AV, openmeter: git installed through tonistiigi/xx's wrapper.
      name: "a Go build in a stage that installs git with xx-apk: Go stamps VCS info from .git",
      code: "FROM --platform=$BUILDPLATFORM tonistiigi/xx:1.9.0 AS xx\nFROM --platform=$BUILDPLATFORM golang:1.26-alpine AS builder\nCOPY --from=xx / /\nRUN xx-apk add --update --no-cache make git clang\nWORKDIR /src\nCOPY . .\nRUN go build -o /bin/app ./cmd/server\nFROM alpine:3.23\nCOPY --from=builder /bin/app /bin/app\n",
      context: { dockerignore: null, rootEntries: [".git/", "go.mod", "cmd/"] },
    },
    {
      // Held-out BC, kustomize: the official Debian golang image ships git, pulled through the ECR mirror.
      name: "a Go build of a package on the golang image, which bundles git, through a registry mirror: Go stamps VCS info",
      code: 'FROM public.ecr.aws/docker/library/golang:1.26.5 AS builder\nRUN mkdir /build\nADD . /build/\nWORKDIR /build/kustomize\nRUN CGO_ENABLED=0 go build -ldflags="-s"\nFROM public.ecr.aws/docker/library/alpine:3.23\nCOPY --from=builder /build/kustomize/kustomize /app/\nENTRYPOINT ["/app/kustomize"]\n',
      context: { dockerignore: null, rootEntries: [".git/", "go.work", "kustomize/", "api/"] },
    },
    {
      name: "git installed with a pinned version before a Go build (git=~2)",
      code: "FROM golang:1.22-alpine AS builder\nWORKDIR /src\nCOPY . .\nRUN apk --no-cache add git=~2\nRUN CGO_ENABLED=0 go build -trimpath -o /usr/bin/app\nFROM alpine:3.20\nCOPY --from=builder /usr/bin/app /usr/bin/app\n",
      context: { dockerignore: "dist\n", rootEntries: [".git/", ".dockerignore", "go.mod", "main.go", "dist/"] },
    },
    {
      name: "a commit argument declared only for a LABEL after the build does not replace a Gradle versioning plugin",
      code: "FROM eclipse-temurin:21-jdk AS build\nCOPY . /build\nWORKDIR /build\nRUN ./gradlew :server:shadowJar\nARG VCS_REF\nLABEL org.opencontainers.image.revision=$VCS_REF\n\nFROM eclipse-temurin:21-jre\nCOPY --from=build /build/server/build/libs/server.jar /app.jar\n",
      context: {
        dockerignore: "build/\n.gradle/\n",
        rootEntries: [".git/", "build.gradle.kts", "gradlew", "server/"],
        files: { "build.gradle.kts": 'plugins {\n    id("pl.allegro.tech.build.axion-release") version "1.18.0"\n}\nversion = scmVersion.version\n' },
      },
    },
    {
      name: "a bootstrap script that fetches tags when .git is there, beside a cache-busting REVISION argument",
      code: "FROM archlinux:base AS builder\nARG REVISION\nCOPY ./ /src\nWORKDIR /src\nRUN build-aux/docker-bootstrap.sh\nRUN cargo build --release\n\nFROM archlinux:base\nCOPY --from=builder /src/target/release/tool /usr/bin/\n",
      context: {
        dockerignore: null,
        rootEntries: [".git/", "build-aux/", "Cargo.toml", "src/"],
        files: { "build-aux/docker-bootstrap.sh": '#!/bin/sh\nif [ -e ".git" ]; then\n  git fetch --unshallow || :\n  git fetch --tags || :\nfi\n' },
      },
    },
    {
      name: "a Haskell package.yaml depending on githash: the commit is compiled in from .git",
      code: "FROM haskell:9.10 AS dev\nWORKDIR /src\nCOPY stack.yaml ./\nRUN stack setup\nCOPY . .\nRUN stack install\n\nFROM debian:stable-slim\nCOPY --from=dev /root/.local/bin/tool /usr/bin/\n",
      context: {
        dockerignore: "**/.stack-work\n",
        rootEntries: [".git/", "stack.yaml", "tool/"],
        files: { "tool/package.yaml": "name: tool\ndependencies:\n- base >=4.18\n- githash >=0.1.6\n- text\n" },
      },
    },
    {
      name: "a .cabal file whose build-depends lists gitrev",
      code: "FROM haskell:9.10 AS build\nWORKDIR /src\nCOPY . .\nRUN cabal install --installdir=/out\n\nFROM debian:stable-slim\nCOPY --from=build /out/tool /usr/bin/\n",
      context: {
        dockerignore: "dist-newstyle\n",
        rootEntries: [".git/", "tool.cabal", "src/"],
        files: { "tool.cabal": "executable tool\n  build-depends: base >=4 && <5, gitrev, text\n" },
      },
    },
    {
      name: "Cargo.toml depends on git-version: git_version! reads .git",
      code: "FROM rust:1-alpine\nWORKDIR /app\nCOPY . .\nRUN cargo build --release\n",
      context: {
        dockerignore: null,
        rootEntries: [".git/", "Cargo.toml", "src/"],
        files: { "Cargo.toml": '[package]\nname = "tool"\n\n[dependencies]\ngit-version = "0.3"\n' },
      },
    },
    {
      name: "Cargo.toml's build-dependencies table for vergen-gitcl",
      code: "FROM rust:1-alpine\nWORKDIR /app\nCOPY . .\nRUN cargo build --release\n",
      context: {
        dockerignore: null,
        rootEntries: [".git/", "Cargo.toml", "src/"],
        files: { "Cargo.toml": '[package]\nname = "tool"\n\n[build-dependencies.vergen-gitcl]\nversion = "1"\n' },
      },
    },
    {
      name: "project/plugins.sbt adds sbt-dynver: the version comes from the git tag",
      code: "FROM sbtscala/scala-sbt:eclipse-temurin-17.0.10_7_1.10.0_3.4.2 AS build\nWORKDIR /build\nCOPY build.sbt ./\nCOPY project/ project/\nRUN sbt update\nCOPY . .\nRUN sbt assembly\n\nFROM eclipse-temurin:17-jre\nCOPY --from=build /build/target/scala-3.4.2/relay.jar /app.jar\n",
      context: {
        dockerignore: "target/\n",
        rootEntries: [".git/", "build.sbt", "project/", "src/"],
        files: {
          "build.sbt": 'name := "relay"\n// no version here: tag the release\n',
          "project/plugins.sbt": 'addSbtPlugin("com.eed3si9n" % "sbt-assembly" % "2.2.0")\naddSbtPlugin("com.github.sbt" % "sbt-dynver" % "5.0.1")\n',
        },
      },
    },
    {
      name: "build.sbt sets sbt-git's describe-based version",
      code: "FROM sbtscala/scala-sbt:eclipse-temurin-17.0.10_7_1.10.0_3.4.2\nWORKDIR /build\nCOPY . .\nRUN sbt stage\n",
      context: {
        dockerignore: "target/\n",
        rootEntries: [".git/", "build.sbt", "project/", "src/"],
        files: { "build.sbt": 'enablePlugins(GitVersioning)\ngit.useGitDescribe := true\nname := "relay"\n' },
      },
    },
    {
      name: "a Gradle subproject applies palantir's git-version: versionDetails() reads .git",
      code: "FROM eclipse-temurin:17-jdk AS build\nWORKDIR /src\nCOPY . .\nRUN ./gradlew :app:installDist\n\nFROM eclipse-temurin:17-jre\nCOPY --from=build /src/app/build/install/app /app\n",
      context: {
        dockerignore: null,
        rootEntries: [".git/", "app/", "build.gradle", "gradlew", "settings.gradle"],
        files: {
          "app/build.gradle": "plugins {\n  id 'application'\n  id 'com.palantir.git-version' version '3.1.0'\n}\nversion = versionDetails().lastTag\n",
        },
      },
    },
    {
      name: "a Groovy build script runs git describe for the version",
      code: "FROM gradle:8-jdk21\nWORKDIR /src\nCOPY . .\nRUN gradle shadowJar\n",
      context: {
        dockerignore: null,
        rootEntries: [".git/", "build.gradle", "src/"],
        files: { "build.gradle": "def tag = 'git describe --tags --always'.execute().text.trim()\nversion = tag\n" },
      },
    },
    {
      name: "a Maven build with git-commit-id-maven-plugin, which fails without .git",
      code: "FROM maven:3-eclipse-temurin-21\nWORKDIR /src\nCOPY . .\nRUN mvn -B package\n",
      context: {
        dockerignore: null,
        rootEntries: [".git/", "pom.xml", "src/"],
        files: {
          "pom.xml":
            "<project><build><plugins><plugin><groupId>io.github.git-commit-id</groupId><artifactId>git-commit-id-maven-plugin</artifactId></plugin></plugins></build></project>",
        },
      },
    },
    {
      name: "pyproject.toml takes its version from hatch-vcs",
      code: "FROM python:3.12-slim\nWORKDIR /app\nCOPY . .\nRUN pip install .\n",
      context: {
        dockerignore: null,
        rootEntries: [".git/", "pyproject.toml", "src/"],
        files: {
          "pyproject.toml":
            '[build-system]\nrequires = ["hatchling", "hatch-vcs"]\nbuild-backend = "hatchling.build"\n\n[project]\nname = "tool"\ndynamic = ["version"]\n\n[tool.hatch.version]\nsource = "vcs"\n',
        },
      },
    },
    {
      name: "setup.py asks setuptools-scm for the version",
      code: "FROM python:3.11-slim\nWORKDIR /app\nCOPY . .\nRUN pip install --no-cache-dir .\n",
      context: {
        dockerignore: null,
        rootEntries: [".git/", "setup.py", "tool/"],
        files: { "setup.py": 'from setuptools import setup\n\nsetup(name="tool", use_scm_version=True, setup_requires=["setuptools_scm"])\n' },
      },
    },
    {
      name: "COPY --exclude leaves .git and node_modules out",
      code: 'FROM node:20-alpine\nWORKDIR /app\nCOPY --exclude=.git --exclude=node_modules . .\nCMD ["node", "server.js"]\n',
      context: { dockerignore: "*.log\n", rootEntries: NODE_ROOT },
    },
    {
      name: "a .dockerignore that lets .git back in on purpose",
      code: NODE_APP,
      context: { dockerignore: "node_modules\n.git\n!.git\n", rootEntries: NODE_ROOT },
    },
    {
      name: "alpine-sdk brings git along for the make build",
      code: "FROM golang:1.22-alpine AS build\nRUN apk add --update alpine-sdk\nWORKDIR /src\nCOPY . .\nRUN make release-binary\nFROM alpine:3.20\nCOPY --from=build /src/bin/app /bin/app\n",
      context: { dockerignore: "bin\n", rootEntries: [".git/", "go.mod", "Makefile"] },
    },
    {
      name: "git-lfs brings git along for the make build (its packages depend on git)",
      code: "FROM debian:trixie-slim AS build\nRUN apt-get update && apt-get install -y build-essential git-lfs\nCOPY . /src\nRUN cd /src && make -j4 app\nFROM debian:trixie-slim\nCOPY --from=build /src/build/app /usr/bin/app\n",
      context: { dockerignore: "vendor/*\n", rootEntries: [".git/", ".gitmodules", "Makefile", "src/", "vendor/"] },
    },
    {
      name: "a Makefile that fetches the submodules through a variable of git options: .git stays",
      code: "FROM debian:12-slim AS build\nWORKDIR /src\nCOPY . .\nRUN make init && make app\nFROM debian:12-slim\nCOPY --from=build /src/build/app /usr/bin/app\n",
      context: {
        dockerignore: "build\n",
        rootEntries: [".git/", ".gitmodules", "Makefile", "src/"],
        files: {
          Makefile: "GIT_UPDATE := git $(GIT_OPTS) submodule update --init vendor/lib\n\ninit:\n\t$(GIT_UPDATE)\n\napp:\n\tcc -o build/app src/main.c\n",
        },
      },
    },
    {
      name: "a Makefile that fetches the submodules with git's -c option first: .git stays",
      code: "FROM debian:12-slim AS build\nWORKDIR /src\nCOPY . .\nRUN make init\nFROM debian:12-slim\nCOPY --from=build /src/build/app /usr/bin/app\n",
      context: {
        dockerignore: "build\n",
        rootEntries: [".git/", ".gitmodules", "Makefile", "src/"],
        files: { Makefile: 'init:\n\tgit -c submodule."docs".update=none submodule update --init --recursive\n' },
      },
    },
    {
      name: "make -C names the folder whose Makefile fetches the submodules: .git stays",
      code: "FROM debian:12-slim AS build\nWORKDIR /src\nCOPY . .\nRUN make -C native init\nFROM debian:12-slim\nCOPY --from=build /src/native/build/lib.so /usr/lib/\n",
      context: {
        dockerignore: "build\n",
        rootEntries: [".git/", ".gitmodules", "native/"],
        files: { "native/Makefile": "init:\n\tgit submodule update --init\n" },
      },
    },
    {
      name: "a build script that unshallows with git's -c option first: .git stays",
      code: "FROM debian:12-slim AS build\nWORKDIR /src\nCOPY . .\nRUN ./build.sh\nFROM debian:12-slim\nCOPY --from=build /src/out/app /usr/bin/app\n",
      context: {
        dockerignore: "out\n",
        rootEntries: [".git/", "build.sh", "src/"],
        files: { "build.sh": "#!/bin/sh\ngit -c protocol.version=2 fetch --tags\ncc -o out/app src/main.c\n" },
      },
    },
    {
      name: "git and git-lfs kept while the build packages installed with them are purged: the program uses git, .git stays",
      code: 'FROM python:3.12-slim\nRUN apt-get update && apt-get install -y git git-lfs build-essential && pip install --no-cache-dir gitpython && apt-get purge -y build-essential\nCOPY . /app\nCMD ["python", "/app/main.py"]\n',
      context: { dockerignore: "__pycache__\n", rootEntries: [".git/", "main.py", "__pycache__/"] },
    },
    {
      name: "a justfile build on the project's own toolchain image, which may bundle git",
      code: "FROM ghcr.io/example/dev:v5-rust AS build\nWORKDIR /src\nCOPY . .\nRUN just build\nFROM debian:12-slim\nCOPY --from=build /src/target/release/proxy /bin/\n",
      context: { dockerignore: "target\n", rootEntries: [".git/", "Cargo.toml", "justfile"] },
    },
    {
      name: "a build script on the project's own base image, in the final stage",
      code: "FROM ghcr.io/example/ubuntu-22.04-base:latest\nCOPY ./ /app/src\nRUN cd /app/src && ./scripts/build_and_install_all.sh && rm -rf /app/src\n",
      context: { dockerignore: null, rootEntries: [".git/", "CMakeLists.txt", "scripts/"] },
    },
    {
      name: "package.json depends on git-rev-sync: the build stamps the commit from .git",
      code: "FROM node:20-alpine AS build\nWORKDIR /app\nCOPY . .\nRUN npm ci && npm run build\nFROM node:20-alpine\nCOPY --from=build /app/dist /app/dist\n",
      context: {
        dockerignore: "node_modules\n",
        rootEntries: [".git/", "node_modules/", "package.json", "webpack.config.js"],
        files: { "package.json": '{"devDependencies": {"git-rev-sync": "^3.0.2", "webpack": "^5.0.0"}}' },
      },
    },
    {
      name: "a Go build whose -ldflags stamp the version from git describe: .git stays",
      code: 'FROM golang:1.23-alpine AS build\nWORKDIR /src\nCOPY . .\nRUN go build -ldflags "-X main.version=$(git describe --tags --always)" -o /out/app .\nFROM alpine:3.20\nCOPY --from=build /out/app /bin/app\n',
      context: { dockerignore: "bin\n", rootEntries: [".git/", "go.mod", "main.go"] },
    },
    {
      name: "go run build.go, which asks git for the version: .git stays",
      code: "FROM golang:1.23-alpine AS build\nWORKDIR /src\nCOPY . .\nRUN go run build.go -release\nFROM alpine:3.20\nCOPY --from=build /src/bin/app /bin/app\n",
      context: {
        dockerignore: "bin\n",
        rootEntries: [".git/", "go.mod", "build.go"],
        files: {
          "build.go":
            'package main\n\nimport "os/exec"\n\nfunc version() string {\n\tout, _ := exec.Command("git", "describe", "--tags").Output()\n\treturn string(out)\n}\n',
        },
      },
    },
    {
      name: "a Makefile that stamps the version from git rev-parse, on a base without git in sight: .git stays",
      code: "FROM debian:12-slim AS build\nWORKDIR /src\nCOPY . .\nRUN make dist\nFROM debian:12-slim\nCOPY --from=build /src/dist /opt/app\n",
      context: {
        dockerignore: "dist\n",
        rootEntries: [".git/", "Makefile", "src/"],
        files: { Makefile: "VERSION := $(shell git rev-parse --short HEAD)\n\ndist:\n\tcc -DVERSION=$(VERSION) -o dist/app src/main.c\n" },
      },
    },
    {
      name: "a Makefile build with git installed may stamp the version from git: .git stays",
      code: "FROM golang:1.22-alpine AS build\nRUN apk add --no-cache git make\nWORKDIR /src\nCOPY . .\nRUN make release-binary\nFROM alpine:3.20\nCOPY --from=build /src/bin/app /bin/app\n",
      context: { dockerignore: "bin\n", rootEntries: [".git/", "go.mod", "Makefile"] },
    },
    {
      name: "a CMake build with git installed, in the final stage, may read git too",
      code: "FROM ubuntu:24.04\nRUN apt-get update && apt-get install -y cmake g++ git\nCOPY . /src\nRUN cmake -S /src -B /build && cmake --build /build\n",
      context: { dockerignore: null, rootEntries: [".git/", "CMakeLists.txt"] },
    },
    {
      name: "git installed in a builder stage: the build may read .git, which never ships",
      code: "FROM node:20-alpine AS build\nRUN apk add --no-cache git\nWORKDIR /app\nCOPY . .\nRUN npm run build\nFROM nginx:alpine\nCOPY --from=build /app/dist /usr/share/nginx/html\n",
      context: { dockerignore: "node_modules\n", rootEntries: NODE_ROOT },
    },
    {
      name: "a toolchain image that bundles git, in a builder",
      code: "FROM rust:1.80-bookworm AS build\nCOPY . /src\nRUN cargo build --release --manifest-path /src/Cargo.toml\nFROM debian:12-slim\nCOPY --from=build /src/target/release/app /bin/app\n",
      context: { dockerignore: "target\n", rootEntries: [".git/", "Cargo.toml", "src/"] },
    },
    { name: "context unknown", code: NODE_APP },
    { name: "no broad copy", code: "FROM node:20\nCOPY package.json server.js ./\n", context: { dockerignore: null, rootEntries: NODE_ROOT } },
    {
      name: "COPY --from . is no context copy",
      code: "FROM alpine:3.20 AS a\nRUN true\nFROM alpine:3.20\nCOPY --from=a . /x\n",
      context: { dockerignore: null, rootEntries: NODE_ROOT },
    },
    { name: "ONBUILD COPY runs in a downstream build", code: "FROM node:20\nONBUILD COPY . .\n", context: { dockerignore: null, rootEntries: NODE_ROOT } },
    { name: "a complete .dockerignore", code: NODE_APP, context: { dockerignore: ".git\nnode_modules\n", rootEntries: NODE_ROOT } },
    { name: "globbed patterns count", code: NODE_APP, context: { dockerignore: "**/.git\nnode_modules/*\n", rootEntries: NODE_ROOT } },
    { name: "an allow-list .dockerignore", code: NODE_APP, context: { dockerignore: "*\n!server.js\n!package*.json\n", rootEntries: NODE_ROOT } },
    {
      name: "a build that reads the git checkout keeps .git",
      code: 'FROM golang:1.22\nCOPY . .\nRUN go build -ldflags "-X main.version=$(git describe --tags)" -o /app\n',
      context: { dockerignore: "node_modules\n", rootEntries: [".git/", "go.mod", "main.go"] },
    },
    {
      name: "a .dockerignore with .git and no node_modules folder",
      code: NODE_APP,
      context: { dockerignore: ".git\n", rootEntries: [".git/", "package.json"] },
    },
    { name: "root entries unknown with a .dockerignore", code: NODE_APP, context: { dockerignore: "" } },
    {
      name: "the folder is not the context: a copied file is missing from it",
      code: "FROM golang:1.22\nCOPY go.mod go.sum ./\nRUN go mod download\nCOPY . .\n",
      context: { dockerignore: null, rootEntries: [".git/", "Dockerfile", "entrypoint.sh"] },
    },
  ],
});

describe("context-no-dockerignore: the proposed .dockerignore", () => {
  const proposal = (code: string, rootEntries?: string[]) => {
    const [finding] = findingsOf(rule, code, { dockerignore: null, rootEntries });
    assert.ok(finding, "expected a report");
    const [fix] = finding.suggestions;
    assert.strictEqual(fix.createFiles?.length, 1);
    assert.strictEqual(fix.createFiles[0].path, ".dockerignore");
    assert.deepStrictEqual(fix.edits, []);
    return { title: fix.title, lines: fix.createFiles[0].text.split("\n").filter((l) => l !== "" && !l.startsWith("#")) };
  };

  it("excludes what the context holds, grouped, and is never applied automatically", () => {
    const { title, lines } = proposal(NODE_APP, [
      ...NODE_ROOT,
      "dist/",
      "coverage/",
      ".env",
      ".env.local",
      ".env.example",
      ".env.local.example",
      ".vscode/",
      "npm-debug.log",
    ]);
    assert.deepStrictEqual(lines, [".git", "**/node_modules", "dist", "coverage", "*.log", ".env", ".env.local", ".vscode"]);
    assert.strictEqual(title, "Create a .dockerignore excluding '.git', '**/node_modules', 'dist' and 5 more");
    const [finding] = findingsOf(rule, NODE_APP, { dockerignore: null, rootEntries: NODE_ROOT });
    assert.deepStrictEqual(finding.fixes, []);
  });

  it("a copy that only reaches a builder stage is info, one that ships keeps the warning", () => {
    const builder = "FROM rust:1-alpine AS build\nCOPY . /app\nRUN cargo build\nFROM alpine:3.20\nCOPY --from=build /app/target/release/x /bin/x\n";
    assert.strictEqual(findingsOf(rule, builder, { dockerignore: null, rootEntries: [".git/", "Cargo.toml"] })[0].severity, "info");
    assert.strictEqual(findingsOf(rule, NODE_APP, { dockerignore: null, rootEntries: NODE_ROOT })[0].severity, "warning");
  });

  it("leaves in what the Dockerfile copies or runs by name", () => {
    const code = 'FROM node:20\nWORKDIR /app\nCOPY . .\nCOPY .env.production ./\nRUN git rev-parse HEAD > REVISION\nCMD ["node", "dist/server.js"]\n';
    const { lines } = proposal(code, [".git/", "node_modules/", "dist/", "package.json", ".env.production"]);
    assert.deepStrictEqual(lines, ["**/node_modules"]);
  });

  it("recognises build output by the project's build files", () => {
    assert.deepStrictEqual(proposal("FROM rust:1\nCOPY . .\n", ["target/", "Cargo.toml", "src/"]).lines, ["target"]);
    assert.deepStrictEqual(proposal("FROM mcr.microsoft.com/dotnet/sdk:8.0\nCOPY . .\n", ["bin/", "obj/", "app.csproj"]).lines, ["bin", "obj"]);
    // A Ruby app's bin/ holds sources, not output: only the entries every project grows are proposed.
    assert.deepStrictEqual(proposal("FROM ruby:3.3\nCOPY . .\n", ["bin/", "Gemfile"]).lines, [".git", "**/node_modules"]);
  });

  it("proposes .git and node_modules when the context's entries are unknown", () => {
    assert.deepStrictEqual(proposal("FROM alpine:3.20\nCOPY . .\n").lines, [".git", "**/node_modules"]);
  });

  it("a Node build that reads git keeps .git: only the checkout's node_modules is reported", () => {
    const cases: { name: string; code: string; context: BuildContextFacts }[] = [
      {
        name: "a webpack config runs git rev-parse for the asset paths (no .dockerignore at all)",
        code: 'FROM node:20-alpine AS build\nRUN apk add --no-cache git\nWORKDIR /app\nCOPY . .\nRUN npm install && npm run build\nFROM node:20-alpine\nWORKDIR /app\nCOPY . .\nCOPY --from=build /app/build ./build\nCMD ["node", "server.js"]\n',
        context: {
          dockerignore: null,
          rootEntries: [".git/", "package.json", "webpack.config.js", "src/"],
          files: { "webpack.config.js": "const COMMIT_HASH = execSync('git rev-parse HEAD').toString().trim();\n" },
        },
      },
      {
        // juspay/hyperswitch-control-center (held-out AT): webpack.prod.js requires webpack.server.js, which asks git.
        name: "a split webpack config (webpack.server.js) runs git rev-parse",
        code: 'FROM node:18\nWORKDIR /app\nCOPY . .\nRUN npm ci && npm run build:prod\nCMD ["node", "server.js"]\n',
        context: {
          dockerignore: null,
          rootEntries: [".git/", "package.json", "webpack.prod.js", "webpack.server.js", "src/"],
          files: { "webpack.server.js": "const commit = require('child_process').execSync('git rev-parse HEAD').toString();\n" },
        },
      },
      {
        name: "an install script of package.json runs git (postinstall), which fails outside a repository",
        code: 'FROM node:18\nWORKDIR /app\nCOPY . .\nRUN npm i\nCMD ["node", "server.js"]\n',
        context: {
          dockerignore: null,
          rootEntries: [".git/", "package.json", "src/"],
          files: {
            "package.json": '{ "scripts": { "postinstall": "git config core.hooksPath .githooks && patch-package" }, "dependencies": { "express": "4.0.0" } }',
          },
        },
      },
    ];
    assertOnlyHostFinding(cases, "hostDependencies");
  });

  it("a .NET build that versions from git keeps .git: only the host's bin/ and obj/ are reported", () => {
    const cases: { name: string; code: string; context: BuildContextFacts }[] = [
      {
        name: "a root .csproj referencing MinVer",
        code: "FROM mcr.microsoft.com/dotnet/sdk:8.0-alpine\nWORKDIR /src\nCOPY . .\nRUN dotnet publish -c Release -o /app\n",
        context: {
          dockerignore: null,
          rootEntries: [".git/", "App.csproj", "Program.cs"],
          files: {
            "App.csproj":
              '<Project Sdk="Microsoft.NET.Sdk"><ItemGroup><PackageReference Include="MinVer" Version="5.0.0" PrivateAssets="All" /></ItemGroup></Project>',
          },
        },
      },
      {
        name: "Directory.Packages.props naming Nerdbank.GitVersioning",
        code: "FROM mcr.microsoft.com/dotnet/sdk:8.0-alpine\nWORKDIR /src\nCOPY . .\nRUN dotnet publish src/App -c Release -o /app\n",
        context: {
          dockerignore: null,
          rootEntries: [".git/", "Directory.Packages.props", "src/"],
          files: {
            "Directory.Packages.props": '<Project><ItemGroup><PackageVersion Include="Nerdbank.GitVersioning" Version="3.6.143" /></ItemGroup></Project>',
          },
        },
      },
    ];
    assertOnlyHostFinding(cases, "hostBuildOutput");
  });
});

/**
 * Each case gets one finding, `messageId`, whose proposed .dockerignore leaves .git in: the build
 * reads the checkout, so only what a developer's own build or install left in it is excluded.
 */
function assertOnlyHostFinding(cases: readonly { name: string; code: string; context: BuildContextFacts }[], messageId: string): void {
  for (const c of cases) {
    const findings = findingsOf(rule, c.code, c.context);
    assert.deepStrictEqual(
      findings.map((f) => f.messageId),
      [messageId],
      c.name,
    );
    const proposed = findings[0].suggestions.flatMap((fix) => fix.createFiles ?? []);
    assert.ok(proposed.length > 0, `${c.name}: a .dockerignore is proposed`);
    assert.ok(!proposed.some((f) => f.text.split("\n").includes(".git")), c.name);
  }
}
