import * as assert from "assert";
import type { BuildContextFacts } from "../../../server/src/model/context";
import { parseDockerfile } from "../../../server/src/model/parse";
import { applyEdits } from "../../../server/src/model/text";
import { rule } from "../../../server/src/rules/layer-source-before-deps";
import { FiresCase, findingsOf, testRule } from "../../support/rule-tester";

const GO_MOD = "module example.com/app\n\ngo 1.22\n\nrequire (\n\tgithub.com/go-chi/chi/v5 v5.0.12\n)\n";
const CARGO_TOML = '[package]\nname = "app"\nversion = "0.1.0"\n\n[dependencies]\nserde = "1"\n';
const WHY = {
  go: "Go fetches missing modules while building: copy go.mod and go.sum and download them before the sources, in a layer of their own.",
  dotnet: "The build restores NuGet packages itself: copy the project files and restore them before the sources, in a layer of their own.",
  cargo: "Cargo fetches crates while building and 'cargo fetch' needs the sources too: '--mount=type=cache,target=/usr/local/cargo/registry' keeps them.",
  maven: "Maven downloads what the pom files name while building: copy them and resolve before the sources, in a layer of their own.",
  gradle: "Gradle downloads dependencies while building: copy the build scripts and gradle/ and resolve in a layer of their own, or cache the Gradle home.",
  sbt: "sbt downloads dependencies while building: copy build.sbt and project/ and run 'sbt update' before the sources, in a layer of their own.",
};

/** A Go build after the whole context, in a file CI builds without a layer cache and a Makefile target builds with `build`. */
const GO_BUILD_AFTER_COPY = "FROM golang:1.22\nWORKDIR /src\nCOPY . .\nRUN go build -o /app .\n";
const builtByCiWithoutCacheAndMake = (build: string) => ({
  rootEntries: ["go.mod", "go.sum", "main.go", "Makefile"],
  files: { "go.mod": GO_MOD, Makefile: `docker:\n\t${build}\n` },
  dockerfilePath: "Dockerfile",
  ciBuildsWithoutCache: true,
});

const fires: FiresCase[] = [
  {
    // Held-out BD's relabel, grpc-dotnet and garnet: Directory.Build.props imports a file restore reads.
    name: "a restore names the files the root props import, and says so where an import cannot be named",
    code: "FROM mcr.microsoft.com/dotnet/sdk:9.0 AS build\nWORKDIR /src\nCOPY . ./\nWORKDIR /src/examples/Backend\nRUN dotnet restore\n",
    context: {
      rootEntries: ["Directory.Build.props", "Directory.Packages.props", "build/", "src/", "examples/"],
      files: {
        "Directory.Build.props": '<Project>\n  <Import Project="build\\version.props" />\n</Project>\n',
        "Directory.Packages.props": '<Project>\n  <Import Project="$(RepoRoot)eng\\Versions.props" />\n</Project>\n',
      },
    },
    messageId: "sourceBeforeDeps",
    line: 3,
    data: {
      copy: "COPY . ./",
      install: "dotnet restore",
      line: 5,
      manifests: "the project files, Directory.Build.props, Directory.Packages.props, build/version.props and the files they import",
    },
  },
  {
    // arrobalytics/django-ledger (held-out BU): no Pipfile, so pipenv imports requirements.txt.
    name: "pipenv in a project without a Pipfile reads requirements.txt",
    code: 'FROM python:3.13\nWORKDIR /app\nRUN pip3 install -U pipenv\nCOPY . /app/\nRUN pipenv install\nENTRYPOINT ["./entrypoint.sh"]\n',
    context: { rootEntries: ["django_ledger/", "manage.py", "requirements.txt", "pyproject.toml", "uv.lock", "entrypoint.sh"] },
    messageId: "sourceBeforeDeps",
    line: 4,
    data: { copy: "COPY . /app/", install: "pipenv install", line: 5, manifests: "requirements.txt" },
  },
  {
    // Held-out CE, ecowitt2mqtt: the list piped in comes from pyproject.toml and poetry.lock, not '/dev/stdin'.
    name: "a poetry export piped into pip names the project's pyproject.toml and poetry.lock",
    code: "FROM python:3.11-alpine\nWORKDIR /app\nRUN pip install poetry==1.7.1 && python3 -m venv /venv\nCOPY . .\nRUN poetry export --without-hashes -f requirements.txt --only main | /venv/bin/pip install -r /dev/stdin\n",
    context: { rootEntries: ["ecowitt2mqtt/", "pyproject.toml", "poetry.lock", "README.md"] },
    messageId: "sourceBeforeDeps",
    line: 4,
    data: { copy: "COPY . .", install: "/venv/bin/pip install", line: 5, manifests: "pyproject.toml, poetry.lock" },
  },
  {
    // Held-out BD, eShopOnWeb: central package versions and the TargetFramework live in Directory.Packages.props.
    name: "a solution's restore names the root files MSBuild reads with the projects",
    code: "FROM mcr.microsoft.com/dotnet/sdk:9.0 AS build\nWORKDIR /app\nCOPY . .\nWORKDIR /app/src/Web\nRUN dotnet restore\nRUN dotnet publish -c Release -o out\n",
    context: {
      rootEntries: ["eShopOnWeb.slnx", "Directory.Packages.props", "global.json", "README.md", "src/", "tests/"],
      files: { "Directory.Packages.props": "<Project>\n  <ItemGroup />\n</Project>\n" },
    },
    messageId: "sourceBeforeDeps",
    line: 3,
    data: { copy: "COPY . .", install: "dotnet restore", line: 5, manifests: "the project files, Directory.Packages.props, global.json" },
  },
  {
    // linkdotnet/Blog (held-out BQ): the restore in the project's folder also reads the root's
    // Directory.*.props and the projects it references; the reorder would copy the wrong paths.
    name: "a restore of a project in a folder below the copy: named, with no fix",
    code: 'FROM mcr.microsoft.com/dotnet/sdk:10.0 AS build\nWORKDIR /src/LinkDotNet.Blog.Web\nCOPY ./ /\nRUN dotnet restore "LinkDotNet.Blog.Web.csproj"\nRUN dotnet build "LinkDotNet.Blog.Web.csproj" -c Release -o /app/build\n',
    context: {
      rootEntries: ["Directory.Build.props", "Directory.Packages.props", "src/", "tests/"],
      files: { "Directory.Build.props": "<Project />\n", "Directory.Packages.props": "<Project />\n" },
    },
    messageId: "sourceBeforeDeps",
    line: 3,
    data: {
      copy: "COPY ./ /",
      install: "dotnet restore",
      line: 4,
      manifests:
        "LinkDotNet.Blog.Web.csproj in src/LinkDotNet.Blog.Web/, every project it references, Directory.Build.props, Directory.Packages.props, any Directory.*.props in the folders between",
    },
    output: null,
  },
  // The manifests copied first, the install still after the sources (held-out AV, peerpulse):
  // the early copy gains nothing. Matched by wildcard, by file name in another folder, by folder.
  {
    name: "manifests copied by wildcard, the install after the sources",
    code: "FROM node:20\nWORKDIR /app\nCOPY package*.json ./\nCOPY . .\nRUN npm ci\n",
    messageId: "installAfterSources",
    data: { copy: "COPY . .", install: "npm ci", manifestLine: 3 },
  },
  {
    name: "requirements copied to another folder first, the install after the sources",
    code: "FROM python:3.12\nCOPY requirements.txt /tmp/\nCOPY . /app\nRUN pip install -r /tmp/requirements.txt\n",
    messageId: "installAfterSources",
    data: { copy: "COPY . /app", install: "pip install", manifestLine: 2 },
  },
  {
    // The silent twin below: the same file, where the project's builds pass REQUIREMENTS.
    name: "a requirements file named by a build argument no build passes, copied first, the install after the sources",
    code: 'FROM python:3.12-slim\nARG REQUIREMENTS="requirements.txt"\nCOPY "${REQUIREMENTS}" /temp/\nCOPY . /temp/app/\nRUN cd /temp/app && pip install --no-cache-dir -r "/temp/${REQUIREMENTS}"\n',
    context: {
      rootEntries: ["requirements.txt", "app/"],
      files: { "requirements.txt": "Django==5.0\n" },
      buildArgs: { composeBuilds: 0, passed: ["VERSION"] },
    },
    messageId: "installAfterSources",
    data: { copy: "COPY . /temp/app/", install: "pip install", manifestLine: 3 },
  },
  {
    // Watcharr (held-out CV): the manifests and configs first, then the UI's source folders, then the install.
    name: "manifests copied alone first, then source folders of the context, the install after them",
    code: "FROM node:20-alpine AS ui\nWORKDIR /app\nCOPY package*.json vite.config.ts ./\nCOPY ./src ./src\nCOPY ./static ./static\nRUN npm install && npm run build\n",
    context: {
      rootEntries: ["package.json", "package-lock.json", "vite.config.ts", "src/", "static/"],
      files: { "package.json": '{ "scripts": { "build": "vite build" }, "devDependencies": { "vite": "6.0.0" } }' },
    },
    messageId: "installAfterSources",
    line: 4,
    token: "./src",
    data: { copy: "COPY ./src ./src", install: "npm install", manifestLine: 3 },
  },
  {
    name: "requirements folder copied first, the install after the sources",
    code: "FROM python:3.12\nWORKDIR /app\nCOPY requirements/ requirements/\nCOPY . .\nRUN pip install -r requirements/prod.txt\n",
    messageId: "installAfterSources",
  },
  {
    // Alby Hub (held-out BO): the frontend folder, manifests and sources together, then its install;
    // husky 9 run from the repository root is git hooks only.
    name: "a copy of one project folder of the context before the install run in it",
    code: "FROM node:22-alpine AS frontend\nWORKDIR /build\nCOPY frontend ./frontend\nRUN cd frontend && yarn install && yarn build:http\n",
    context: {
      rootEntries: ["frontend/", "go.mod", "main.go"],
      files: { "frontend/package.json": '{"scripts":{"prepare":"cd .. && husky frontend/.husky"},"dependencies":{"react":"^19"}}' },
    },
    messageId: "sourceBeforeDeps",
    line: 3,
    token: "frontend",
    data: { copy: "COPY frontend ./frontend", install: "yarn install", manifests: "package.json and yarn.lock in frontend/", line: 4 },
    output: null,
  },
  {
    // Husky installs git hooks from .git; it reads no sources.
    name: "a prepare script that only installs git hooks does not hold the install after the sources",
    code: "FROM node:22-alpine\nWORKDIR /app\nCOPY package*.json ./\nCOPY . .\nRUN npm install\n",
    context: { files: { "package.json": '{"scripts":{"prepare":"husky"},"dependencies":{"express":"^4"}}' } },
    messageId: "installAfterSources",
  },
  {
    // flask-on-docker (held-out AV): the builder lints the sources, then builds the wheels.
    name: "pip wheel of the requirements after the sources",
    code: "FROM python:3.11-slim AS builder\nWORKDIR /usr/src/app\nCOPY . /usr/src/app/\nRUN flake8 .\nRUN pip wheel --no-cache-dir --no-deps --wheel-dir /usr/src/app/wheels -r requirements.txt\n",
    messageId: "sourceBeforeDeps",
  },
  {
    // bytebase (held-out AV): the folder is given with --dir before the subcommand.
    name: "an install in a folder named by --dir before the subcommand",
    code: "FROM node:24-slim AS frontend\nWORKDIR /build\nCOPY . .\nRUN pnpm --dir ./frontend i\nRUN pnpm --dir ./frontend build\n",
    messageId: "sourceBeforeDeps",
    data: {
      copy: "COPY . .",
      install: "pnpm i",
      line: 4,
      manifests: "package.json and pnpm-lock.yaml, with any pnpm-workspace.yaml, .npmrc, .pnpmfile.cjs, patches/, in frontend/",
    },
  },
  {
    // Held-out AP, JSPWiki: the root pom.xml alone does not resolve a reactor of 21 modules.
    name: "a multi-module Maven build: each module's pom.xml is a manifest too",
    code: "FROM maven:3.9-eclipse-temurin-17 AS package\nWORKDIR /tmp\nCOPY . .\nRUN mvn dependency:go-offline\nRUN mvn package -DskipTests\n",
    context: {
      rootEntries: ["pom.xml", "api/", "main/", "war/"],
      files: {
        "pom.xml":
          "<project><modules>\n  <module>api</module>\n  <!-- <module>old</module> -->\n  <module>main</module>\n  <module>war</module>\n</modules></project>\n",
      },
    },
    messageId: "sourceBeforeDeps",
    line: 3,
    data: {
      copy: "COPY . .",
      install: "mvn dependency:go-offline",
      line: 4,
      manifests: "pom.xml and every module's pom.xml (api, main, war, nested ones too)",
    },
  },
  {
    name: "uv's pip interface on pyproject.toml reads that file alone, not uv.lock",
    code: "FROM python:3.12-slim\nWORKDIR /app\nCOPY . .\nRUN uv pip install --system -r pyproject.toml\n",
    messageId: "sourceBeforeDeps",
    data: { copy: "COPY . .", install: "uv pip install", line: 4, manifests: "pyproject.toml" },
  },
  {
    name: "uv's pip interface reads the requirements file it is given, not uv's project files",
    code: "FROM python:3.12-slim\nWORKDIR /app\nCOPY . .\nCOPY requirements.txt .\nRUN uv pip install --system -r requirements.txt\n",
    messageId: "sourceBeforeDeps",
    data: { copy: "COPY . .", install: "uv pip install", line: 5, manifests: "requirements.txt" },
  },
  {
    name: "Julia: the whole project before Pkg.instantiate",
    code: 'FROM julia:1.12\nWORKDIR /app\nCOPY . .\nRUN julia --project=. -e "using Pkg; Pkg.instantiate()"\n',
    context: { rootEntries: ["Project.toml", "Manifest.toml", "src/"] },
    messageId: "sourceBeforeDeps",
    line: 3,
  },
  {
    name: "Elixir: the whole project before mix deps.get",
    code: "FROM elixir:1.17 AS build\nWORKDIR /src\nCOPY . .\nRUN mix deps.get --only prod\nRUN mix release\n",
    context: { rootEntries: ["mix.exs", "mix.lock", "lib/", "config/"] },
    messageId: "sourceBeforeDeps",
    line: 3,
  },
  {
    name: "an install in a folder of the context below the copy still needs its manifests first",
    code: "FROM node:22\nWORKDIR /srv\nCOPY . .\nRUN cd web && npm ci\n",
    context: { rootEntries: ["web/", "server.py"] },
    messageId: "sourceBeforeDeps",
    line: 3,
  },
  {
    name: "CI builds the file without a layer cache, but a compose service builds it for local use",
    code: "FROM node:22\nWORKDIR /app\nCOPY . .\nRUN npm ci\n",
    context: {
      rootEntries: ["package.json", "package-lock.json", "src/"],
      ciBuildsWithoutCache: true,
      buildArgs: { composeBuilds: 1, passed: [] },
    },
    messageId: "sourceBeforeDeps",
    line: 3,
  },
  {
    // consbio/mbtileserver (held-out BN): "To build the Docker image locally: docker build -t mbtileserver -f Dockerfile ."
    name: "CI builds the file without a layer cache, but its README documents a local build",
    code: "FROM node:22\nWORKDIR /app\nCOPY . .\nRUN npm ci\n",
    context: { rootEntries: ["package.json", "package-lock.json", "src/"], ciBuildsWithoutCache: true, documentedLocalBuild: true },
    messageId: "sourceBeforeDeps",
    line: 3,
  },
  {
    name: "CI builds the file without a layer cache, but a Makefile target builds it for developers",
    code: GO_BUILD_AFTER_COPY,
    context: builtByCiWithoutCacheAndMake("docker build -t acme/app:latest ."),
    messageId: "buildFetchesDeps",
    line: 3,
  },
  {
    name: "a project image whose Dockerfile installs another ecosystem does not excuse the install",
    code: "FROM acme/core-base:20260729 AS build\nWORKDIR /opt/app\nCOPY . .\nRUN npm ci\n",
    context: {
      rootEntries: ["package.json", "package-lock.json", "src/"],
      projectImages: [
        {
          dockerfile: "Dockerfile-base",
          images: ["acme/core-base"],
          text: "FROM python:3.14-slim\nWORKDIR /opt/app\nRUN --mount=type=bind,source=pyproject.toml,target=pyproject.toml uv venv && uv pip install -r pyproject.toml\n",
        },
      ],
    },
    messageId: "sourceBeforeDeps",
    line: 3,
  },
  {
    // Held-out BE, remix-run/react-router-templates: a template whose apps get their lockfile from `npm install`.
    name: "npm ci where the context has no lockfile yet: the lockfile it needs is named and copied",
    code: "FROM node:20-alpine\nCOPY . /app\nWORKDIR /app\nRUN npm ci\n",
    context: { rootEntries: ["package.json", "server.js", "app/"], files: { "package.json": '{ "dependencies": { "express": "^4.21.2" } }' } },
    messageId: "sourceBeforeDeps",
    line: 2,
    data: { copy: "COPY . /app", install: "npm ci", line: 4, manifests: "package.json, package-lock.json" },
    output: "FROM node:20-alpine\nCOPY package.json package-lock.json /app/\nWORKDIR /app\nRUN npm ci\nCOPY . /app\n",
  },
  {
    name: "npm install where the context has no lockfile: only package.json is named",
    code: "FROM node:20-alpine\nCOPY . /app\nWORKDIR /app\nRUN npm install\n",
    context: { rootEntries: ["package.json", "server.js", "app/"], files: { "package.json": '{ "dependencies": { "express": "^4.21.2" } }' } },
    messageId: "sourceBeforeDeps",
    line: 2,
    data: { copy: "COPY . /app", install: "npm install", line: 4, manifests: "package.json" },
  },
  {
    // indok-web (held-out AR): `-r ./requirements/production.txt`, which includes base.txt.
    name: "a requirements file named with ./ that includes another: both are named",
    code: "FROM python:3.9-slim\nWORKDIR /usr/src/app\nCOPY . .\nRUN pip install -r ./requirements/production.txt\n",
    context: {
      rootEntries: ["requirements/", "app/"],
      files: { "requirements/production.txt": "-r base.txt\ngunicorn==23.0.0\n", "requirements/base.txt": "django==5.1\n" },
    },
    messageId: "sourceBeforeDeps",
    line: 3,
    data: { copy: "COPY . .", install: "pip install", line: 4, manifests: "requirements/production.txt, requirements/base.txt" },
    output:
      "FROM python:3.9-slim\nWORKDIR /usr/src/app\nCOPY requirements/production.txt requirements/base.txt ./requirements/\nRUN pip install -r ./requirements/production.txt\nCOPY . .\n",
  },
  {
    name: "a requirements file that includes another (-r): both are named and copied",
    code: "FROM python:3.12\nWORKDIR /code\nCOPY . .\nRUN pip install --no-cache-dir -r requirements-dev.txt\n",
    context: {
      rootEntries: ["requirements.txt", "requirements-dev.txt", "app/"],
      files: { "requirements-dev.txt": "-r requirements.txt\npytest==8.3.3\n", "requirements.txt": "django==5.1\n" },
    },
    messageId: "sourceBeforeDeps",
    line: 3,
    data: { copy: "COPY . .", install: "pip install", line: 4, manifests: "requirements-dev.txt, requirements.txt" },
    output:
      "FROM python:3.12\nWORKDIR /code\nCOPY requirements-dev.txt requirements.txt ./\nRUN pip install --no-cache-dir -r requirements-dev.txt\nCOPY . .\n",
  },
  {
    name: "includes resolve against the including file's folder, through each other, constraints too",
    code: "FROM python:3.12\nWORKDIR /app\nCOPY . .\nRUN pip install -r requirements/prod.txt\n",
    context: {
      rootEntries: ["requirements/", "constraints.txt", "app/"],
      files: {
        "requirements/prod.txt": "--requirement=base.txt  # shared\n-c ../constraints.txt\ngunicorn\n",
        "requirements/base.txt": "-r ./common.txt\nflask\n",
        "requirements/common.txt": "# -r nothing.txt is a comment\nrequests\n",
        "constraints.txt": "flask<4\n",
      },
    },
    messageId: "sourceBeforeDeps",
    line: 3,
    data: {
      copy: "COPY . .",
      install: "pip install",
      line: 4,
      manifests: "requirements/prod.txt, requirements/base.txt, constraints.txt, requirements/common.txt",
    },
    output:
      "FROM python:3.12\nWORKDIR /app\nCOPY requirements/prod.txt requirements/base.txt requirements/common.txt ./requirements/\nCOPY constraints.txt ./\nRUN pip install -r requirements/prod.txt\nCOPY . .\n",
  },
  {
    name: "an include through a variable cannot be named: the message says so and the reorder is only a suggestion",
    code: "FROM python:3.12\nWORKDIR /app\nCOPY . .\nRUN pip install -r requirements.txt\n",
    context: { rootEntries: ["requirements.txt", "app/"], files: { "requirements.txt": "-r ${EXTRA_REQUIREMENTS}\nflask\n" } },
    messageId: "sourceBeforeDeps",
    line: 3,
    data: { copy: "COPY . .", install: "pip install", line: 4, manifests: "requirements.txt and what they include" },
  },
  {
    name: "an included file outside the context or not read: no safe fix",
    code: "FROM python:3.12\nWORKDIR /app\nCOPY . .\nRUN pip install -r requirements.txt\n",
    context: { rootEntries: ["requirements.txt", "deps/"], files: { "requirements.txt": "-r ../shared.txt\n-r deps/extra.txt\n" } },
    messageId: "sourceBeforeDeps",
    line: 3,
    data: { copy: "COPY . .", install: "pip install", line: 4, manifests: "requirements.txt, deps/extra.txt and what they include" },
  },
  {
    name: "composer run through php, with no composer.json copied first",
    code: "FROM php:8.3-cli-alpine AS builder\nWORKDIR /app\nCOPY . .\nCOPY --from=composer:2 /usr/bin/composer ./composer.phar\nRUN php composer.phar install --no-dev --prefer-dist\n",
    messageId: "sourceBeforeDeps",
    line: 3,
    data: { copy: "COPY . .", install: "php composer.phar install", line: 5, manifests: "composer.json and composer.lock" },
  },
  {
    name: "an inherited environment removed and re-installed after the broad copy",
    code: "FROM python:3.12-slim AS base\nWORKDIR /app\nCOPY pyproject.toml uv.lock ./\nRUN uv sync --frozen --no-install-project\nFROM base AS prod\nCOPY . .\nRUN rm -rf .venv && uv venv && uv sync --frozen --no-dev\n",
    messageId: "sourceBeforeDeps",
    line: 6,
  },
  {
    name: "CRLF line endings are kept in the manifest copy and the moved source copy",
    code: "FROM node:20\r\nWORKDIR /app\r\nCOPY . .\r\nRUN npm ci\r\nRUN npm run build\r\n",
    messageId: "sourceBeforeDeps",
    line: 3,
    output: "FROM node:20\r\nWORKDIR /app\r\nCOPY package*.json ./\r\nRUN npm ci\r\nCOPY . .\r\nRUN npm run build\r\n",
  },
  {
    name: "CRLF file whose install is the last line without a newline",
    code: "FROM python:3.12-slim\r\nWORKDIR /app\r\nCOPY . .\r\nRUN pip install --no-cache-dir -r requirements.txt",
    messageId: "sourceBeforeDeps",
    line: 3,
    output: "FROM python:3.12-slim\r\nWORKDIR /app\r\nCOPY requirements.txt ./\r\nRUN pip install --no-cache-dir -r requirements.txt\r\nCOPY . .",
  },
  {
    code: "FROM node:20\nWORKDIR /app\nCOPY . .\nRUN npm ci\nRUN npm run build\n",
    messageId: "sourceBeforeDeps",
    line: 3,
    token: ".",
    data: { copy: "COPY . .", install: "npm ci", line: 4, manifests: "package.json and the lockfile" },
    output: "FROM node:20\nWORKDIR /app\nCOPY package*.json ./\nRUN npm ci\nCOPY . .\nRUN npm run build\n",
  },
  {
    // Unleash, docmost: copying the root package.json and the lockfile first would fail the frozen
    // workspace install, which needs every member's package.json.
    name: "a pnpm workspace: pnpm fetch on the lockfile, no reorder",
    code: 'FROM node:22-alpine\nWORKDIR /app\nCOPY . .\nRUN pnpm install --frozen-lockfile\nCMD ["node", "server.js"]\n',
    context: { rootEntries: ["package.json", "pnpm-lock.yaml", "pnpm-workspace.yaml", "patches/", "apps/", "packages/"] },
    messageId: "workspaceFetch",
    line: 3,
    data: { copy: "COPY . .", install: "pnpm install", line: 4, manifests: "pnpm-lock.yaml, pnpm-workspace.yaml, patches/" },
    output: null,
  },
  {
    // Held-out BY, botpress' chat integration: the lockfile first, then the member folders (a miss).
    name: "a pnpm workspace's member folders copied after the lockfile, before the root's install: pnpm fetch before them",
    code: "FROM node:22-bullseye-slim\nWORKDIR /usr/app\nCOPY package.json pnpm-lock.yaml pnpm-workspace.yaml ./\nRUN npm install -g pnpm@10.29.3\nCOPY ./packages /usr/app/packages\nCOPY integrations/chat ./integrations/chat\nRUN pnpm install --frozen-lockfile\nRUN pnpm --filter @botpresshub/chat run build\n",
    context: { rootEntries: ["package.json", "pnpm-lock.yaml", "pnpm-workspace.yaml", "packages/", "integrations/", "patches/"] },
    messageId: "workspaceFetchAfterLockfile",
    line: 5,
    data: { copy: "COPY ./packages /usr/app/packages", install: "pnpm install", line: 7 },
    output: null,
  },
  {
    // philomena: the root package.json is only the formatter's; the app's is in assets/.
    name: "an install after 'cd assets' reads the manifests of that folder",
    code: "FROM elixir:1.18-alpine\nCOPY . /build\nRUN cd /build/assets && npm install && npm run deploy\n",
    context: { rootEntries: ["package.json", "assets/", "lib/", "mix.exs"] },
    messageId: "sourceBeforeDeps",
    line: 2,
    // `npm install` runs without a lockfile: one is not said to exist in a folder whose files are
    // not known (held-out CM, pipe's console/ has none; `npm ci` below needs one).
    data: { copy: "COPY . /build", install: "npm install", line: 3, manifests: "package.json and any lockfile in assets/" },
    output: null,
  },
  {
    name: "a package.json with dependencies, read from the context: the install downloads them",
    code: "FROM elixir:1.15\nWORKDIR /src\nADD ./ /src/\nRUN cd /src/ && npm install && npm run deploy\n",
    context: { rootEntries: ["package.json", "assets/", "mix.exs"], files: { "package.json": '{ "dependencies": { "phoenix": "file:deps/phoenix" } }\n' } },
    messageId: "sourceBeforeDeps",
    line: 3,
  },
  {
    name: "known context: only the lockfile that exists, and .npmrc",
    code: 'FROM node:20\nWORKDIR /app\nCOPY . .\nRUN npm ci --omit=dev\nCMD ["node", "server.js"]\n',
    context: { rootEntries: ["package.json", "package-lock.json", ".npmrc", "server.js", "src/"] },
    messageId: "sourceBeforeDeps",
    line: 3,
    output: 'FROM node:20\nWORKDIR /app\nCOPY package.json package-lock.json .npmrc ./\nRUN npm ci --omit=dev\nCOPY . .\nCMD ["node", "server.js"]\n',
  },
  {
    name: "known context: the message names only the manifests the project has (no composer.lock)",
    code: "FROM php:8.3-cli\nWORKDIR /app\nCOPY . .\nRUN composer install --no-dev\n",
    context: { rootEntries: ["composer.json", "src/", "bin/"] },
    messageId: "sourceBeforeDeps",
    line: 3,
    data: { copy: "COPY . .", install: "composer install", line: 4, manifests: "composer.json" },
  },
  {
    name: "composer.json whose patches come from URLs only: the two manifests are enough",
    code: "FROM php:8.3-cli\nWORKDIR /app\nCOPY . .\nRUN composer install --no-dev\n",
    context: {
      rootEntries: ["composer.json", "src/"],
      files: { "composer.json": JSON.stringify({ extra: { patches: { "drupal/core": { "Fix a bug": "https://www.drupal.org/files/issues/fix.patch" } } } }) },
    },
    messageId: "sourceBeforeDeps",
    line: 3,
    data: { copy: "COPY . .", install: "composer install", line: 4, manifests: "composer.json" },
  },
  {
    name: "pnpm patchedDependencies: the patch folder is read by the install, so it is copied with the manifests",
    code: 'FROM node:22-alpine\nWORKDIR /app\nCOPY . .\nRUN pnpm install --frozen-lockfile\nCMD ["node", "main.mjs"]\n',
    context: {
      rootEntries: ["package.json", "pnpm-lock.yaml", "patches/", "src/", "main.mjs"],
      files: {
        "package.json": '{ "dependencies": { "left-pad": "1.3.0" }, "pnpm": { "patchedDependencies": { "left-pad@1.3.0": "patches/left-pad@1.3.0.patch" } } }',
      },
    },
    messageId: "sourceBeforeDeps",
    line: 3,
    data: { copy: "COPY . .", install: "pnpm install", line: 4, manifests: "package.json, pnpm-lock.yaml, patches/" },
    output:
      'FROM node:22-alpine\nWORKDIR /app\nCOPY package.json pnpm-lock.yaml ./\nCOPY patches ./patches/\nRUN pnpm install --frozen-lockfile\nCOPY . .\nCMD ["node", "main.mjs"]\n',
  },
  {
    name: "patch-package run by postinstall reads its --patch-dir",
    code: 'FROM node:22\nWORKDIR /app\nCOPY . .\nRUN npm ci\nCMD ["node", "server.js"]\n',
    context: {
      rootEntries: ["package.json", "package-lock.json", "tools/", "server.js"],
      files: { "package.json": '{ "scripts": { "postinstall": "patch-package --patch-dir tools/patches" }, "dependencies": { "express": "^5.0.0" } }' },
    },
    messageId: "scriptsNeedSources",
    line: 3,
  },
  {
    name: "a Yarn patch: protocol resolution outside .yarn names its folder",
    code: 'FROM node:22\nWORKDIR /app\nCOPY . .\nRUN yarn install --immutable\nCMD ["node", "server.js"]\n',
    context: {
      rootEntries: ["package.json", "yarn.lock", ".yarnrc.yml", "patches/", "server.js"],
      files: {
        "package.json":
          '{ "dependencies": { "left-pad": "1.3.0" }, "resolutions": { "left-pad@1.3.0": "patch:left-pad@npm%3A1.3.0#./patches/left-pad.patch" } }',
      },
    },
    messageId: "sourceBeforeDeps",
    line: 3,
    data: { copy: "COPY . .", install: "yarn install", line: 4, manifests: "package.json, yarn.lock, .yarnrc.yml, patches/" },
  },
  {
    name: "bun with a known context copies package.json and the lockfile it has",
    code: 'FROM oven/bun:1.2\nWORKDIR /app\nCOPY . .\nRUN bun install --frozen-lockfile\nCMD ["bun", "run", "index.ts"]\n',
    context: { rootEntries: ["package.json", "bun.lock", "index.ts", "src/"] },
    messageId: "sourceBeforeDeps",
    line: 3,
    data: { copy: "COPY . .", install: "bun install", line: 4, manifests: "package.json, bun.lock" },
    output: 'FROM oven/bun:1.2\nWORKDIR /app\nCOPY package.json bun.lock ./\nRUN bun install --frozen-lockfile\nCOPY . .\nCMD ["bun", "run", "index.ts"]\n',
  },
  {
    name: "yarn with a known context copies yarn.lock and the .yarn folder",
    code: "FROM node:20\nWORKDIR /app\nCOPY . .\nRUN yarn install --immutable\n",
    context: { rootEntries: ["package.json", "yarn.lock", ".yarnrc.yml", ".yarn/", "src/"] },
    messageId: "sourceBeforeDeps",
    line: 3,
    data: { copy: "COPY . .", install: "yarn install", line: 4, manifests: "package.json, yarn.lock, .yarnrc.yml, .yarn/" },
    output: "FROM node:20\nWORKDIR /app\nCOPY package.json yarn.lock .yarnrc.yml ./\nCOPY .yarn ./.yarn/\nRUN yarn install --immutable\nCOPY . .\n",
  },
  {
    name: "absolute destination, WORKDIR after the copy, flags kept, requirements in a folder",
    code: 'FROM python:3.12-slim\nCOPY --chown=app:app . /srv/app\nWORKDIR /srv/app\nRUN python -m pip install --no-cache-dir -r requirements/prod.txt\nCMD ["gunicorn", "app:app"]\n',
    messageId: "sourceBeforeDeps",
    line: 2,
    token: ".",
    data: { copy: "COPY --chown=app:app . /srv/app", install: "python -m pip install", line: 4, manifests: "requirements/prod.txt" },
    output:
      'FROM python:3.12-slim\nCOPY --chown=app:app requirements/prod.txt /srv/app/requirements/\nWORKDIR /srv/app\nRUN python -m pip install --no-cache-dir -r requirements/prod.txt\nCOPY --chown=app:app . /srv/app\nCMD ["gunicorn", "app:app"]\n',
  },
  {
    name: "ADD . with go mod download; go.sum may be missing, so a wildcard",
    code: "FROM golang:1.22 AS build\nWORKDIR /src\nADD ./ ./\nRUN go mod download\nRUN CGO_ENABLED=0 go build -o /app .\nFROM scratch\nCOPY --from=build /app /app\n",
    messageId: "sourceBeforeDeps",
    line: 3,
    token: "./",
    output:
      "FROM golang:1.22 AS build\nWORKDIR /src\nCOPY go.mod go.sum* ./\nRUN go mod download\nADD ./ ./\nRUN CGO_ENABLED=0 go build -o /app .\nFROM scratch\nCOPY --from=build /app /app\n",
  },
  {
    name: "instructions between are crossed when they do not read the sources",
    code: "FROM node:20-alpine\nWORKDIR /app\nCOPY . .\nENV NODE_ENV=production\nRUN apk add --no-cache git && npm install -g pnpm\nRUN npm ci\nEXPOSE 3000\n",
    messageId: "sourceBeforeDeps",
    line: 3,
    output:
      "FROM node:20-alpine\nWORKDIR /app\nCOPY package*.json ./\nENV NODE_ENV=production\nRUN apk add --no-cache git && npm install -g pnpm\nRUN npm ci\nCOPY . .\nEXPOSE 3000\n",
  },
  {
    name: "the install is the last line, without a final newline",
    code: "FROM ruby:3.3\nWORKDIR /app\nCOPY . .\nRUN bundle install",
    context: { rootEntries: ["Gemfile", "Gemfile.lock", "app/"] },
    messageId: "sourceBeforeDeps",
    line: 3,
    output: "FROM ruby:3.3\nWORKDIR /app\nCOPY Gemfile Gemfile.lock ./\nRUN bundle install\nCOPY . .",
  },
  {
    name: "an install told its folder by an option names that folder's manifests, and offers no reorder",
    code: "FROM node:22\nWORKDIR /app\nCOPY . .\nRUN npm --prefix=web ci\n",
    context: { rootEntries: ["package.json", "package-lock.json", "web/"] },
    messageId: "sourceBeforeDeps",
    line: 3,
    data: { copy: "COPY . .", install: "npm ci", line: 4, manifests: "package.json and the lockfile in web/" },
    output: null,
  },
  {
    name: "a folder option set from a shell variable is named as written",
    code: 'FROM node:22\nWORKDIR /app\nCOPY . /app\nRUN theme=/app/web/themes/site; npm --prefix="${theme}" ci\n',
    context: { rootEntries: ["package.json", "package-lock.json", "web/"] },
    messageId: "sourceBeforeDeps",
    line: 3,
    data: { copy: "COPY . /app", install: "npm ci", line: 4, manifests: "package.json and the lockfile in ${theme}/" },
    output: null,
  },
  {
    name: "a gem's Gemfile loads its gemspec: named with the files it requires, and no reorder offered",
    code: "FROM ruby:3.3\nWORKDIR /app\nCOPY . .\nRUN bundle install",
    context: { rootEntries: ["Gemfile", "Gemfile.lock", "crm.gemspec", "lib/"] },
    messageId: "sourceBeforeDeps",
    line: 3,
    data: { copy: "COPY . .", install: "bundle install", line: 4, manifests: "Gemfile, Gemfile.lock, crm.gemspec and the files it requires" },
    output: null,
  },
  {
    name: "an unknown context for yarn: the reorder is only a suggestion",
    code: "FROM node:20\nWORKDIR /app\nCOPY . .\nRUN yarn\n",
    messageId: "sourceBeforeDeps",
    line: 3,
    data: { copy: "COPY . .", install: "yarn", line: 4, manifests: "package.json and yarn.lock" },
    output: "FROM node:20\nWORKDIR /app\nCOPY package.json yarn.lock* ./\nRUN yarn\nCOPY . .\n",
  },
  {
    name: "the install RUN also builds: no fix (the build needs the sources)",
    code: "FROM node:20\nWORKDIR /app\nCOPY . .\nRUN npm ci && npm run build\n",
    messageId: "sourceBeforeDeps",
    line: 3,
    output: null,
  },
  {
    name: "removing project files in the install RUN edits the sources: no fix",
    code: "FROM node:20\nWORKDIR /app\nCOPY . .\nRUN npm ci && rm -rf test docs\n",
    messageId: "sourceBeforeDeps",
    line: 3,
    output: null,
  },
  {
    name: "cache cleanup in the install RUN is fine; a continued COPY is quoted on one line",
    code: "FROM node:20\nWORKDIR /app\nCOPY --chown=node:node \\\n    . .\nRUN npm ci && rm -rf /root/.npm /tmp/*\n",
    messageId: "sourceBeforeDeps",
    line: 4,
    data: { copy: "COPY --chown=node:node . .", install: "npm ci", line: 5, manifests: "package.json and the lockfile" },
    output: "FROM node:20\nWORKDIR /app\nCOPY --chown=node:node package*.json ./\nRUN npm ci && rm -rf /root/.npm /tmp/*\nCOPY --chown=node:node \\\n    . .\n",
  },
  {
    name: "a RUN between may read the sources: no fix",
    code: "FROM node:20\nWORKDIR /app\nCOPY . .\nRUN ./scripts/prepare.sh\nRUN npm ci\n",
    messageId: "sourceBeforeDeps",
    line: 3,
    output: null,
  },
  {
    name: "poetry without --no-root installs the project itself: no fix",
    code: "FROM python:3.12\nWORKDIR /app\nCOPY . .\nRUN poetry install --only main\n",
    messageId: "sourceBeforeDeps",
    line: 3,
    data: { copy: "COPY . .", install: "poetry install", line: 4, manifests: "pyproject.toml and poetry.lock" },
    output: null,
  },
  {
    name: "a manifest copied after the broad copy does not help",
    code: "FROM node:20\nWORKDIR /app\nCOPY . .\nCOPY package.json ./\nRUN npm ci\n",
    messageId: "sourceBeforeDeps",
    line: 3,
    output: null,
  },
  {
    name: "two ecosystems: one report each, the fix on the first",
    code: "FROM python:3.12\nWORKDIR /app\nCOPY . .\nRUN pip install -r requirements.txt\nRUN npm ci\n",
    messageId: "sourceBeforeDeps",
    count: 2,
    output: "FROM python:3.12\nWORKDIR /app\nCOPY requirements.txt ./\nRUN pip install -r requirements.txt\nCOPY . .\nRUN npm ci\n",
  },
  {
    name: "node_modules in the context and not ignored: the moved copy would overwrite the install, so a suggestion",
    code: "FROM node:20\nWORKDIR /app\nCOPY . .\nRUN npm ci\n",
    context: { rootEntries: ["package.json", "package-lock.json", "node_modules/"], dockerignore: null },
    messageId: "sourceBeforeDeps",
    line: 3,
    output: "FROM node:20\nWORKDIR /app\nCOPY package.json package-lock.json ./\nRUN npm ci\nCOPY . .\n",
  },
  {
    name: "a cross-compilation helper image laid over the stage (COPY --from=image / /) brings no modules",
    code: "FROM golang:1.22-alpine AS build\nCOPY --from=tonistiigi/xx:golang / /\nWORKDIR /src\nCOPY . .\nRUN go build -o /out/app .\n",
    context: { rootEntries: ["go.mod", "go.sum", "main.go"], files: { "go.mod": GO_MOD } },
    messageId: "buildFetchesDeps",
    line: 4,
  },
  {
    name: "go build after the whole context, go.mod requiring modules: a suggestion downloads them first",
    code: 'FROM golang:1.22-alpine AS build\nWORKDIR /src\nCOPY . .\nRUN CGO_ENABLED=0 go build -o /out/app .\nFROM alpine:3.20\nCOPY --from=build /out/app /app\nCMD ["/app"]\n',
    context: { rootEntries: ["go.mod", "go.sum", "main.go", "internal/"], files: { "go.mod": GO_MOD } },
    messageId: "buildFetchesDeps",
    line: 3,
    token: ".",
    data: { copy: "COPY . .", tool: "go build", line: 4, unit: "modules", advice: "run 'go mod download' first", why: WHY.go },
    output:
      'FROM golang:1.22-alpine AS build\nWORKDIR /src\nCOPY go.mod go.sum ./\nRUN go mod download\nCOPY . .\nRUN CGO_ENABLED=0 go build -o /out/app .\nFROM alpine:3.20\nCOPY --from=build /out/app /app\nCMD ["/app"]\n',
  },
  {
    // kubesec (held-out CR): no copy of the whole context, the sources copied by name with the manifests.
    name: "go build after Go sources copied by name, go.mod requiring modules",
    code: 'FROM golang:1.26 AS builder\nWORKDIR /kubesec\nCOPY main.go go.mod go.sum ./\nCOPY cmd/ cmd/\nCOPY pkg/ pkg/\nRUN CGO_ENABLED=0 go build -o kubesec .\nFROM alpine:3.23\nCOPY --from=builder /kubesec/kubesec /bin/\nCMD ["kubesec"]\n',
    context: { rootEntries: ["main.go", "go.mod", "go.sum", "cmd/", "pkg/"], files: { "go.mod": GO_MOD } },
    messageId: "buildFetchesDeps",
    line: 3,
    token: "main.go",
    data: { copy: "COPY main.go go.mod go.sum ./", tool: "go build", line: 6, unit: "modules", advice: "run 'go mod download' first", why: WHY.go },
    // The suggestion moves a copy of the whole context; sources copied by name keep their own order.
    output: null,
  },
  {
    // tracee (held-out AV relabel): `go mod download` reads each locally replaced module's go.mod.
    name: "a go.mod that replaces modules by local folders: the remedy copies their go.mod files too, and no fix is offered",
    code: "FROM golang:1.24 AS build\nWORKDIR /src\nCOPY . .\nRUN go build -o /app ./cmd/app\n",
    context: {
      rootEntries: ["go.mod", "go.sum", "api/", "common/", "cmd/"],
      files: {
        "go.mod":
          "module example.com/app\n\ngo 1.24\n\nrequire example.com/app/api v0.0.0\n\nreplace example.com/app/api => ./api\n\nreplace example.com/app/common => ./common/\n",
      },
    },
    messageId: "buildFetchesDeps",
    line: 3,
    data: {
      copy: "COPY . .",
      tool: "go build",
      line: 4,
      unit: "modules",
      advice: "run 'go mod download' first",
      why: "Go fetches missing modules while building: copy go.mod, go.sum and the go.mod of each folder go.mod replaces (./api, ./common) and download them before the sources, in a layer of their own.",
    },
    output: null,
  },
  {
    // mqtt2prometheus (held-out BM): missed.
    name: "make with a recipe that names the go binary through a Makefile variable",
    code: "FROM golang:1.23 AS builder\nCOPY . /build/app\nWORKDIR /build/app\nRUN make static_build TARGET_FILE=/bin/app\n",
    context: {
      rootEntries: ["go.mod", "Makefile", "cmd/"],
      files: {
        "go.mod": GO_MOD,
        Makefile: 'ifndef GOBINARY\n  GOBINARY:="go"\nendif\n\nstatic_build:\n\tCGO_ENABLED=0 $(GOBINARY) build -o $(TARGET_FILE) ./cmd\n',
      },
    },
    messageId: "buildFetchesDeps",
    line: 2,
  },
  {
    name: "make build, whose Makefile target builds Go through a prerequisite: the modules download with it",
    code: "FROM golang:1.22 AS build\nWORKDIR /src\nCOPY . .\nRUN make build\n",
    context: {
      rootEntries: ["go.mod", "Makefile", "cmd/"],
      files: {
        "go.mod": GO_MOD,
        Makefile:
          "GO ?= go\n\n.PHONY: build\nbuild: deps bin/app\n\nbin/app:\n\tCGO_ENABLED=0 $(GO) build \\\n    -o bin/app ./cmd/app\n\ndeps:\n\t@echo nothing to fetch\n",
      },
    },
    messageId: "buildFetchesDeps",
    line: 3,
    data: { copy: "COPY . .", tool: "make build", line: 4, unit: "modules", advice: "run 'go mod download' first", why: WHY.go },
  },
  {
    // Held-out BL, wasmd: the recipe's `go build` sits under `else` of an `ifeq ($(OS),Windows_NT)` (missed).
    name: "make build, whose recipe builds Go inside a conditional",
    code: "FROM golang:1.22 AS build\nWORKDIR /src\nCOPY . .\nRUN make build\n",
    context: {
      rootEntries: ["go.mod", "Makefile", "cmd/"],
      files: {
        "go.mod": GO_MOD,
        Makefile:
          "build: go.mod\nifeq ($(OS),Windows_NT)\n\t$(error wasmd server not supported)\nelse\n\tgo build -mod=readonly -o build/app ./cmd/app\nendif\n",
      },
    },
    messageId: "buildFetchesDeps",
    line: 3,
  },
  {
    // Held-out AP, spotahome/redis-operator: the script's `go build` downloads every module per edit.
    name: "a project script the whole-context copy brought, which runs go build: the modules download with it",
    code: "FROM golang:1.20-alpine AS build\nWORKDIR /src\nCOPY . .\nARG TARGETOS\nRUN GOOS=$TARGETOS ./scripts/build.sh\n",
    context: {
      rootEntries: ["go.mod", "scripts/", "cmd/"],
      files: {
        "go.mod": GO_MOD,
        "scripts/build.sh":
          '#!/usr/bin/env bash\nset -o errexit\n# go mod download is not needed here\nCGO_ENABLED=0 go build -o ./bin/app --ldflags "-w" ./cmd/app\n',
      },
    },
    messageId: "buildFetchesDeps",
    line: 3,
    data: { copy: "COPY . .", tool: "./scripts/build.sh", line: 5, unit: "modules", advice: "run 'go mod download' first", why: WHY.go },
  },
  {
    // Held-out AP, krakend-ce: `go get .` in the recipe downloads after the copy as the build would.
    name: "make build whose recipe fetches the modules before it builds: after the copy, per edit all the same",
    code: "FROM golang:1.22\nWORKDIR /src\nCOPY . .\nRUN make build\n",
    context: { rootEntries: ["go.mod", "Makefile"], files: { "go.mod": GO_MOD, Makefile: "build: deps\n\tgo build -o app .\ndeps:\n\tgo mod download\n" } },
    messageId: "buildFetchesDeps",
    line: 3,
  },
  {
    name: "a bare make runs the Makefile's first target",
    code: "FROM golang:1.22\nWORKDIR /src\nCOPY . .\nRUN make\n",
    context: {
      rootEntries: ["go.mod", "Makefile"],
      files: { "go.mod": GO_MOD, Makefile: "all: server\nserver:\n\tgo build -o server .\nclean:\n\trm -f server\n" },
    },
    messageId: "buildFetchesDeps",
    line: 3,
  },
  {
    name: "go build with an unknown context: go.sum may be missing, so a wildcard",
    code: "FROM golang:1.22\nWORKDIR /src\nCOPY --chown=app . /src\nRUN go build -o /app ./cmd/server\n",
    messageId: "buildFetchesDeps",
    line: 3,
    output:
      "FROM golang:1.22\nWORKDIR /src\nCOPY --chown=app go.mod go.sum* ./\nRUN go download\nCOPY --chown=app . /src\nRUN go build -o /app ./cmd/server\n".replace(
        "go download",
        "go mod download",
      ),
  },
  {
    name: "a cache of the Go build output alone still downloads the modules",
    code: "FROM golang:1.22\nWORKDIR /src\nCOPY . .\nRUN --mount=type=cache,target=/root/.cache/go-build go install ./cmd/...\n",
    context: { rootEntries: ["go.mod", "cmd/"], files: { "go.mod": GO_MOD } },
    messageId: "buildFetchesDeps",
    line: 3,
    data: { copy: "COPY . .", tool: "go install", line: 4, unit: "modules", advice: "run 'go mod download' first", why: WHY.go },
  },
  {
    name: "GOPRIVATE set between the copy and the build: the download might differ, so no suggestion",
    code: "FROM golang:1.22\nWORKDIR /src\nCOPY . .\nENV GOPRIVATE=github.com/acme\nRUN go build -o /app .\n",
    context: { rootEntries: ["go.mod", "main.go"], files: { "go.mod": GO_MOD } },
    messageId: "buildFetchesDeps",
    line: 3,
    output: null,
  },
  {
    name: "a copy into another folder than the WORKDIR: no suggestion",
    code: "FROM golang:1.22\nCOPY . /src\nRUN cd /src && go build -o /app .\n",
    context: { rootEntries: ["go.mod", "main.go"], files: { "go.mod": GO_MOD } },
    messageId: "buildFetchesDeps",
    line: 2,
    output: null,
  },
  {
    name: "dotnet publish restores NuGet packages itself",
    code: 'FROM mcr.microsoft.com/dotnet/sdk:8.0 AS build\nWORKDIR /src\nCOPY . .\nRUN dotnet publish src/App/App.csproj -c Release -o /app\nFROM mcr.microsoft.com/dotnet/aspnet:8.0\nCOPY --from=build /app /app\nENTRYPOINT ["dotnet", "/app/App.dll"]\n',
    context: {
      rootEntries: ["App.sln", "src/"],
      files: {
        "src/App.csproj": '<Project Sdk="Microsoft.NET.Sdk.Web"><ItemGroup><PackageReference Include="Serilog" Version="3.1.1" /></ItemGroup></Project>',
      },
    },
    messageId: "buildFetchesDeps",
    line: 3,
    data: { copy: "COPY . .", tool: "dotnet publish", line: 4, unit: "packages", advice: "run 'dotnet restore' first", why: WHY.dotnet },
    output: null,
  },
  {
    name: "a Maven package after the whole copy",
    code: "FROM maven:3.9-eclipse-temurin-21 AS build\nWORKDIR /app\nCOPY . .\nRUN mvn -B -DskipTests package\n",
    context: { rootEntries: ["pom.xml", "src/"] },
    messageId: "buildFetchesDeps",
    line: 3,
    data: { copy: "COPY . .", tool: "mvn package", line: 4, unit: "dependencies", advice: "run 'mvn dependency:go-offline' first", why: WHY.maven },
    output: null,
  },
  {
    // Held-out BH, bamschufarest: missed (there, CI builds only without a cache, so it stays silent).
    name: "a Gradle wrapper build after the whole copy",
    code: "FROM eclipse-temurin:21-jdk AS build\nWORKDIR /src\nCOPY . .\nRUN ./gradlew :app:bootJar --no-daemon\n",
    context: { rootEntries: ["build.gradle.kts", "settings.gradle.kts", "gradlew", "gradle/", "app/"] },
    messageId: "buildFetchesDeps",
    line: 3,
    data: { copy: "COPY . .", tool: "gradlew :app:bootJar", line: 4, unit: "dependencies", advice: "resolve them before the sources", why: WHY.gradle },
    output: null,
  },
  {
    // Held-out BI, observability-demo-apps: missed.
    name: "an sbt assembly after the whole copy",
    code: "FROM sbtscala/scala-sbt:eclipse-temurin-21.0.2_13_1.10.0_3.4.2 AS build\nCOPY . /app\nWORKDIR /app\nRUN sbt ${MODULE}/assembly\n",
    context: { rootEntries: ["build.sbt", "project/", "api/"] },
    messageId: "buildFetchesDeps",
    line: 2,
    data: { copy: "COPY . /app", tool: "sbt ${MODULE}/assembly", line: 4, unit: "dependencies", advice: "run 'sbt update' first", why: WHY.sbt },
    output: null,
  },
  {
    name: "cargo build with only the target folder cached: the remedy is a registry cache mount",
    code: "FROM rust:1.80 AS build\nWORKDIR /app\nCOPY . .\nRUN --mount=type=cache,target=/app/target cargo build --release && cp target/release/app /usr/local/bin/\n",
    context: { rootEntries: ["Cargo.toml", "Cargo.lock", "src/"], files: { "Cargo.toml": CARGO_TOML } },
    messageId: "buildFetchesDeps",
    line: 3,
    data: { copy: "COPY . .", tool: "cargo build", line: 4, unit: "crates", advice: "add a registry cache mount", why: WHY.cargo },
    output: null,
  },
  {
    name: "an image whose CARGO_HOME is not known gets no made-up registry path",
    code: "FROM messense/rust-musl-cross:x86_64-musl AS amd64\nCOPY . .\nRUN cargo install --path . --root /\n",
    context: { rootEntries: ["Cargo.toml", "Cargo.lock", "src/"], files: { "Cargo.toml": CARGO_TOML } },
    messageId: "buildFetchesDeps",
    line: 2,
    data: {
      copy: "COPY . .",
      tool: "cargo install",
      line: 3,
      unit: "crates",
      advice: "add a registry cache mount",
      why: "Cargo fetches crates while building and 'cargo fetch' needs the sources too: a cache mount on the registry folder of the image's CARGO_HOME keeps them.",
    },
    output: null,
  },
  {
    name: "the registry path follows the CARGO_HOME the file sets",
    code: "FROM rust:1.80 AS build\nENV CARGO_HOME=/root/.cargo\nWORKDIR /app\nCOPY . .\nRUN cargo build --release\n",
    context: { rootEntries: ["Cargo.toml", "Cargo.lock", "src/"], files: { "Cargo.toml": CARGO_TOML } },
    messageId: "buildFetchesDeps",
    line: 4,
    data: {
      copy: "COPY . .",
      tool: "cargo build",
      line: 5,
      unit: "crates",
      advice: "add a registry cache mount",
      why: "Cargo fetches crates while building and 'cargo fetch' needs the sources too: '--mount=type=cache,target=/root/.cargo/registry' keeps them.",
    },
    output: null,
  },
  {
    name: "cargo install --path builds the project",
    code: "FROM rust:1.80\nWORKDIR /usr/src/app\nCOPY . .\nRUN cargo install --path .\n",
    messageId: "buildFetchesDeps",
    line: 3,
    output: null,
  },
  {
    // wastebin (held-out CU): the zig linker plugin builds with cargo, crates and all.
    name: "cargo zigbuild after the whole context",
    code: "FROM rust:1.95 AS builder\nRUN cargo install --locked cargo-zigbuild\nWORKDIR /app\nCOPY . .\nRUN cargo zigbuild --release --target x86_64-unknown-linux-musl\n",
    messageId: "buildFetchesDeps",
    line: 4,
    data: { copy: "COPY . .", tool: "cargo zigbuild", line: 5, unit: "crates", advice: "add a registry cache mount", why: WHY.cargo },
    output: null,
  },
  {
    name: "cargo auditable build after the whole context",
    code: "FROM rust:1.95\nWORKDIR /app\nCOPY . .\nRUN cargo auditable build --release\n",
    messageId: "buildFetchesDeps",
    line: 3,
    data: { copy: "COPY . .", tool: "cargo auditable build", line: 4, unit: "crates", advice: "add a registry cache mount", why: WHY.cargo },
    output: null,
  },
  {
    name: "an explicit install after the copy has its own message; the build after it is not reported again",
    code: "FROM golang:1.22\nWORKDIR /src\nCOPY . .\nRUN go mod download\nRUN go build -o /app .\n",
    messageId: "sourceBeforeDeps",
    line: 3,
    count: 1,
  },
  {
    name: "one report per ecosystem and stage",
    code: "FROM golang:1.22\nWORKDIR /src\nCOPY . .\nRUN go generate ./...\nRUN go build -o /app .\nRUN go test ./...\n",
    messageId: "buildFetchesDeps",
    line: 3,
    count: 1,
    data: { copy: "COPY . .", tool: "go generate", line: 4, unit: "modules", advice: "run 'go mod download' first", why: WHY.go },
  },
  {
    name: "a Bun workspace whose root postinstall needs the sources: install without scripts, then run them",
    code: "FROM oven/bun:1.2 AS build\nWORKDIR /app\nCOPY . .\nRUN bun install\nRUN bun run build\n",
    context: {
      rootEntries: ["package.json", "bun.lock", "turbo.json", "web/", "api/", "common/"],
      files: { "package.json": '{"name":"suite","workspaces":["web","api","common"],"scripts":{"postinstall":"turbo run db:generate"}}' },
    },
    messageId: "scriptsNeedSources",
    line: 3,
    data: {
      copy: "COPY . .",
      install: "bun install",
      line: 4,
      manifests: "package.json, bun.lock and each workspace's package.json (web, api, common)",
      skip: "'--ignore-scripts'",
      reason: "Its 'postinstall' script may",
      after: "run the install again",
    },
    output: null,
  },
  {
    // Held-out CE, openhim-core-js: npm 6 skips `prepare` in a production install (npm/cli#2152), and
    // its babel build needs dev dependencies the install leaves out: a plain reorder, no 'npm run prepare'.
    name: "npm 6's production install runs no prepare script: the manifests go first, nothing to run after",
    code: 'FROM node:14.21.3-alpine\nENV NODE_ENV=production\nWORKDIR /app\nCOPY --from=build /build/lib ./lib\nCOPY . .\nRUN npm install --production\nCMD ["node", "lib/server.js"]\n',
    context: {
      rootEntries: ["package.json", "package-lock.json", "src/", "lib/"],
      files: {
        "package.json":
          '{"scripts":{"build":"babel src --out-dir lib","prepare":"npm run build"},"dependencies":{"koa":"2"},"devDependencies":{"@babel/cli":"7"}}',
      },
    },
    messageId: "sourceBeforeDeps",
    line: 5,
    data: { copy: "COPY . .", install: "npm install", line: 6, manifests: "package.json, package-lock.json" },
  },
  {
    // Held-out CJ relabel, Archivematica: npm's rebuild runs `prepare` for linked packages only.
    name: "npm 7+: a prepare script that needs the sources is named after the rebuild, which does not run it",
    code: 'FROM node:22\nWORKDIR /app\nCOPY . .\nRUN npm ci\nCMD ["node", "dist/server.js"]\n',
    context: {
      rootEntries: ["package.json", "package-lock.json", "src/", "webpack.config.js"],
      files: { "package.json": '{"name":"ui","scripts":{"prepare":"webpack --mode production"},"devDependencies":{"webpack":"5"}}' },
    },
    messageId: "scriptsNeedSources",
    line: 3,
    data: {
      copy: "COPY . .",
      install: "npm ci",
      line: 4,
      manifests: "package.json, package-lock.json",
      skip: "'--ignore-scripts'",
      reason: "Its 'prepare' script may",
      after: "run 'npm rebuild' and 'npm run prepare'",
    },
    output: null,
  },
  // npm 6's rebuild leaves the project's own scripts out: they are named.
  npmCiWithPostinstall("on Node 14 (npm 6) the project's script is run after the rebuild", "node:14-alpine", "run 'npm rebuild' and 'npm run postinstall'"),
  // Held-out BC, juice-shop: npm 7+ runs the project's postinstall with rebuild; naming it too ran it twice.
  npmCiWithPostinstall(
    "an npm ci whose postinstall needs the sources: rebuild after the copy (which runs the script), not a second npm ci",
    "node:22",
    "run 'npm rebuild', which runs 'postinstall' too,",
  ),
  {
    // Held-out BC, juice-shop: `.npmrc` is in the checkout and in .dockerignore; a COPY naming it fails.
    name: "the manifests named leave out a configuration file .dockerignore keeps out of the context",
    code: 'FROM node:24 AS installer\nCOPY . /juice-shop\nWORKDIR /juice-shop\nRUN npm install --omit=dev\nCMD ["node", "build/app"]\n',
    context: {
      rootEntries: ["package.json", ".npmrc", "frontend/", "lib/"],
      files: { "package.json": '{"name":"juice-shop","scripts":{"postinstall":"cd frontend && npm install"},"dependencies":{"express":"4"}}' },
      dockerignore: ".git/\nnode_modules/\n.npmrc\n",
    },
    messageId: "scriptsNeedSources",
    line: 2,
    data: {
      copy: "COPY . /juice-shop",
      install: "npm install",
      line: 4,
      manifests: "package.json",
      skip: "'--ignore-scripts'",
      reason: "Its 'postinstall' script may",
      after: "run 'npm rebuild', which runs 'postinstall' too,",
    },
    output: null,
  },
  {
    name: "an npm ci whose postinstall only runs a file of its own: that file is copied with the manifests, one install",
    code: 'FROM node:22\nWORKDIR /app\nCOPY . .\nRUN npm ci\nCMD ["node", "index.js"]\n',
    context: {
      rootEntries: ["package.json", "package-lock.json", "tools/", "index.js"],
      files: { "package.json": '{"name":"site","scripts":{"postinstall":"node tools/setup-drivers.js"},"dependencies":{"sharp":"0.33"}}' },
    },
    messageId: "sourceBeforeDeps",
    line: 3,
    data: { copy: "COPY . .", install: "npm ci", line: 4, manifests: "package.json, package-lock.json, tools/setup-drivers.js" },
    output: null,
  },
  {
    name: "an npm workspace without install scripts names every member's package.json, with no fix",
    code: "FROM node:22\nWORKDIR /app\nCOPY . .\nRUN npm ci\nRUN npm run build\n",
    context: {
      rootEntries: ["package.json", "package-lock.json", "packages/"],
      files: { "package.json": '{"name":"mono","workspaces":{"packages":["packages/*"]},"devDependencies":{"typescript":"5"}}' },
    },
    messageId: "sourceBeforeDeps",
    line: 3,
    data: { copy: "COPY . .", install: "npm ci", line: 4, manifests: "package.json, package-lock.json and each workspace's package.json (packages/*)" },
    output: null,
  },
  {
    name: "a Symfony install whose post-install-cmd runs the console",
    code: "FROM php:8.3-fpm\nWORKDIR /srv\nCOPY . .\nRUN composer install --no-dev\n",
    context: {
      rootEntries: ["composer.json", "composer.lock", "bin/", "src/"],
      files: {
        "composer.json": '{"require":{"symfony/console":"^7"},"scripts":{"post-install-cmd":["@auto-scripts"],"auto-scripts":{"cache:clear":"symfony-cmd"}}}',
      },
    },
    messageId: "scriptsNeedSources",
    line: 3,
    data: {
      copy: "COPY . .",
      install: "composer install",
      line: 4,
      manifests: "composer.json, composer.lock",
      skip: "'--no-scripts --no-autoloader'",
      reason: "Its 'post-install-cmd' scripts may",
      after: "run the install again",
    },
    output: null,
  },
  {
    name: "an optimized autoloader scans the sources, composer.json unread",
    code: "FROM php:8.3-fpm\nWORKDIR /srv\nCOPY . .\nRUN composer install --no-dev --optimize-autoloader\n",
    messageId: "scriptsNeedSources",
    line: 3,
    data: {
      copy: "COPY . .",
      install: "composer install",
      line: 4,
      manifests: "composer.json and composer.lock",
      skip: "'--no-scripts --no-autoloader'",
      reason: "The optimized autoloader and scripts",
      after: "run the install again",
    },
    output: null,
  },
  {
    name: "a pnpm workspace on a pnpm older than 6, which has no 'pnpm fetch'; .npmrc left out by .dockerignore",
    code: "FROM node:14-alpine\nWORKDIR /build\nCOPY . .\nRUN npm -g i pnpm@5.18.10 && pnpm install --frozen-lockfile --ignore-scripts && pnpm run build\n",
    context: { rootEntries: ["package.json", "pnpm-lock.yaml", "pnpm-workspace.yaml", ".npmrc", "packages/"], dockerignore: ".*\n!.babelrc\nnode_modules\n" },
    messageId: "sourceBeforeDeps",
    line: 3,
    data: {
      copy: "COPY . .",
      install: "pnpm install",
      line: 4,
      manifests: "package.json, pnpm-lock.yaml, pnpm-workspace.yaml and each workspace's package.json",
    },
    output: null,
  },
  {
    name: "the pnpm fetch remedy names no file .dockerignore leaves out",
    code: 'FROM node:22-alpine\nWORKDIR /app\nCOPY . .\nRUN pnpm install --frozen-lockfile\nCMD ["node", "server.js"]\n',
    context: { rootEntries: ["package.json", "pnpm-lock.yaml", "pnpm-workspace.yaml", ".npmrc", "packages/"], dockerignore: ".npmrc\n" },
    messageId: "workspaceFetch",
    line: 3,
    data: { copy: "COPY . .", install: "pnpm install", line: 4, manifests: "pnpm-lock.yaml, pnpm-workspace.yaml" },
    output: null,
  },
  {
    // The builder's .venv is copied before the sources, and nothing keeps a local .venv out of the
    // context: the broad copy may replace it, so the sync after it may install everything again.
    name: "a .venv copied from a builder before a broad copy that .dockerignore does not keep it out of",
    code: "FROM python:3.13-slim AS builder\nWORKDIR /app\nCOPY pyproject.toml uv.lock ./\nRUN uv sync --frozen --no-cache\nFROM python:3.13-slim\nWORKDIR /app\nCOPY --from=builder /app/.venv /app/.venv\nCOPY . .\nRUN uv sync --frozen --no-cache\n",
    context: { rootEntries: ["pyproject.toml", "uv.lock", "app/"], dockerignore: "__pycache__/\n" },
    line: 8,
    messageId: "sourceBeforeDeps",
    output: null,
  },
  {
    name: "a .venv copied from a builder before a broad copy, with no .dockerignore",
    code: "FROM python:3.13-slim AS builder\nWORKDIR /app\nCOPY pyproject.toml uv.lock ./\nRUN uv sync --frozen --no-cache\nFROM python:3.13-slim\nWORKDIR /app\nCOPY --from=builder /app/.venv /app/.venv\nCOPY . .\nRUN uv sync --frozen --no-cache\n",
    context: { rootEntries: ["pyproject.toml", "uv.lock", "app/"], dockerignore: null },
    line: 8,
    messageId: "sourceBeforeDeps",
    output: null,
  },
  {
    // Held-out BH, informer: missed. The base installed requirements.txt; the production file adds packages.
    name: "a requirements file after the copy that the earlier install in the base stage did not read",
    code: "FROM python:3.12-slim AS base\nWORKDIR /app\nCOPY requirements.txt /app/\nRUN pip install --no-cache-dir -r requirements.txt\nFROM base AS prod\nCOPY . /app/\nRUN pip install --no-cache-dir -r requirements-prod.txt\n",
    context: {
      rootEntries: ["requirements.txt", "requirements-prod.txt", "manage.py"],
      files: { "requirements.txt": "Django\n", "requirements-prod.txt": "-r requirements.txt\npsycopg2-binary\nnewrelic\n" },
    },
    line: 6,
    messageId: "sourceBeforeDeps",
    data: { copy: "COPY . /app/", install: "pip install", line: 7, manifests: "requirements-prod.txt, requirements.txt" },
  },
];

testRule(rule, {
  fires,
  silent: [
    {
      name: "a folder the package.json names (a file: dependency), copied after the manifests for the install",
      code: "FROM node:20-alpine\nWORKDIR /app\nCOPY package*.json ./\nCOPY shared ./shared\nRUN npm ci\nCOPY . .\n",
      context: {
        rootEntries: ["package.json", "package-lock.json", "shared/", "src/"],
        files: { "package.json": '{ "dependencies": { "shared": "file:shared" } }' },
      },
    },
    {
      name: "a folder after the manifests of an install that installs the project itself (uv sync): not read for other ecosystems",
      code: "FROM python:3.12-slim\nWORKDIR /app\nCOPY pyproject.toml uv.lock ./\nCOPY unstructured unstructured\nRUN uv sync --frozen\n",
      context: {
        rootEntries: ["pyproject.toml", "uv.lock", "unstructured/"],
        files: { "pyproject.toml": '[project]\nname = "unstructured"\ndependencies = ["lxml"]\n' },
      },
    },
    {
      name: "Yarn's releases and plugins copied after the manifests, before the install that runs them",
      code: "FROM node:20-alpine\nWORKDIR /app\nCOPY package.json yarn.lock .yarnrc.yml ./\nCOPY .yarn ./.yarn\nRUN yarn install --immutable\n",
      context: { rootEntries: ["package.json", "yarn.lock", ".yarnrc.yml", ".yarn/"], files: { "package.json": '{ "dependencies": { "express": "4.0.0" } }' } },
    },
    {
      name: "Go sources copied by name where go.mod is not known: a small program's as often as not",
      code: "FROM golang:1.24-alpine AS builder\nWORKDIR /app\nCOPY go.mod go.sum ./\nCOPY hello.go .\nRUN go build -o /hello\n",
    },
    {
      name: "Go sources copied by name with go.mod and no go.sum: a module that requires nothing",
      code: "FROM golang:1.18 AS builder\nWORKDIR /code\nCOPY web.go .\nCOPY go.mod .\nRUN go build -o /app .\n",
      context: { rootEntries: ["web.go", "go.mod"], files: { "go.mod": GO_MOD } },
    },
    {
      name: "Go sources copied by name with the vendored modules",
      code: "FROM golang:1.24 AS builder\nWORKDIR /src\nCOPY go.mod go.sum ./\nCOPY vendor/ vendor/\nCOPY cmd/ cmd/\nRUN go build -o /app ./cmd/app\n",
      context: { rootEntries: ["go.mod", "go.sum", "vendor/", "cmd/"], files: { "go.mod": GO_MOD } },
    },
    {
      // Held-out CU, karrio: CI passes REQUIREMENTS=source.requirements.txt, whose lines install the copied folders.
      name: "a requirements file named by a build argument the project's builds pass: which file the install reads is not known",
      code: 'FROM python:3.12-slim\nARG REQUIREMENTS="requirements.txt"\nCOPY "${REQUIREMENTS}" /temp/\nCOPY . /temp/app/\nRUN cd /temp/app && pip install --no-cache-dir -r "/temp/${REQUIREMENTS}"\n',
      context: {
        rootEntries: ["requirements.txt", "app/"],
        files: { "requirements.txt": "Django==5.0\n" },
        buildArgs: { composeBuilds: 0, passed: ["REQUIREMENTS"] },
      },
    },
    {
      name: "a requirements file whose named direct references install local folders (name @ file://...)",
      code: "FROM python:3.12\nWORKDIR /app\nCOPY . /app\nRUN pip install -r requirements.txt\n",
      context: { rootEntries: ["requirements.txt", "modules/"], files: { "requirements.txt": "Django==5.0\nkarrio @ file://${PWD}/modules/sdk\n" } },
    },
    {
      // Held-out CT, Zenodo: `zenodo npm` writes the instance's package.json, outside the copied sources.
      name: "an install in a folder outside the copy's destination that no copy fills: its manifest is written by the build",
      code: "FROM python:3.12\nENV INVENIO_INSTANCE_PATH=/usr/local/var/instance\nRUN mkdir -p ${INVENIO_INSTANCE_PATH}\nCOPY . /code/app\nWORKDIR /code/app\nRUN pip install -e .\nRUN app npm --pinned-file /code/app/package.pinned.json && cd ${INVENIO_INSTANCE_PATH}/static && npm install\nCOPY ./docker/docker-entrypoint.sh /\n",
      context: { rootEntries: ["setup.py", "app/", "docker/", "package.pinned.json"] },
    },
    {
      // The tuned growthbook: the workspace installed from the lockfile and members' manifests first; a production reinstall after the build.
      name: "a pnpm workspace's members copied after its install, then a build and a production reinstall",
      code: "FROM node:24-slim AS nodebuild\nWORKDIR /app\nCOPY pnpm-lock.yaml ./\nRUN pnpm fetch\nCOPY package.json pnpm-workspace.yaml ./\nCOPY packages/back-end/package.json ./packages/back-end/package.json\nRUN pnpm install --frozen-lockfile --offline\nCOPY packages ./packages\nRUN pnpm build && rm -rf node_modules && pnpm install --frozen-lockfile --prod\n",
      context: { rootEntries: ["package.json", "pnpm-lock.yaml", "pnpm-workspace.yaml", "packages/", "patches/"] },
    },
    {
      // Held-out CQ, SparkyFitness' front end: pnpm.patchedDependencies names the files of patches/.
      name: "a pnpm workspace's patches folder copied after the lockfile, before the install: an input of it",
      code: "FROM node:24-alpine AS builder\nWORKDIR /app\nRUN corepack enable\nCOPY package.json pnpm-lock.yaml pnpm-workspace.yaml ./\nCOPY web/package.json ./web/\nCOPY patches/ ./patches/\nRUN pnpm install --frozen-lockfile --filter web...\nCOPY web/ ./web/\nRUN pnpm --filter web run build\n",
      context: { rootEntries: ["package.json", "pnpm-lock.yaml", "pnpm-workspace.yaml", "web/", "patches/"] },
    },
    {
      // Held-out BQ relabel, OpenCRVS: a workspace member's install reads the root's lockfile and every member's manifest.
      name: "a member of the root's workspaces installed in its folder copy: not its own manifests to copy first",
      code: "FROM node:22\nWORKDIR /app/packages/components\nCOPY packages/components /app/packages/components\nRUN yarn install --frozen-lockfile && yarn build\n",
      context: {
        rootEntries: ["package.json", "yarn.lock", "packages/"],
        files: { "package.json": '{"workspaces":["packages/*"]}', "packages/components/package.json": '{"name":"components","dependencies":{"react":"18"}}' },
      },
    },
    {
      // Held-out CG, openimis-fe_js: load-config writes package.json from openimis.json before the install.
      name: "a project script runs between the copy and the install: more than the manifests is read",
      code: "FROM node:16 AS build\nCOPY ./ /app\nWORKDIR /app\nRUN npm run load-config\nRUN npm install\nRUN npm run build\n",
      context: { rootEntries: ["package.json", "package-lock.json", "openimis.json", "openimis-config.js", "src/"] },
    },
    {
      // Held-out BR, SQLMesh; BO, unpkg: each member's package.json copied on its own is the remedy.
      name: "a pnpm workspace whose members' manifests alone are copied before the root's install",
      code: "FROM node:22\nWORKDIR /app\nCOPY package.json pnpm-lock.yaml pnpm-workspace.yaml ./\nCOPY web/client/package.json ./web/client/\nRUN corepack enable && pnpm install --frozen-lockfile\nCOPY web/client ./web/client\n",
      context: { rootEntries: ["package.json", "pnpm-lock.yaml", "pnpm-workspace.yaml", "web/"] },
    },
    {
      name: "a pnpm workspace's member folders copied before the lockfile reached the install's folder",
      code: "FROM node:22\nWORKDIR /app\nCOPY ./packages /app/packages\nCOPY package.json pnpm-lock.yaml pnpm-workspace.yaml ./\nRUN npm i -g pnpm@10 && pnpm install --frozen-lockfile\n",
      context: { rootEntries: ["package.json", "pnpm-lock.yaml", "pnpm-workspace.yaml", "packages/"] },
    },
    {
      name: "member folders before the root's install with pnpm 5, which has no fetch",
      code: "FROM node:14\nWORKDIR /app\nCOPY package.json pnpm-lock.yaml pnpm-workspace.yaml ./\nRUN npm i -g pnpm@5.5.12\nCOPY ./packages /app/packages\nRUN pnpm install --frozen-lockfile\n",
      context: { rootEntries: ["package.json", "pnpm-lock.yaml", "pnpm-workspace.yaml", "packages/"] },
    },
    {
      // Held-out BW, Exercism's Go test runner: the build cache warmed with the standard library.
      name: "go build std cmd after the copy downloads no module",
      code: 'FROM golang:1.26-alpine\nCOPY . /opt/test-runner\nRUN go build std cmd\nENTRYPOINT ["sh", "/opt/test-runner/bin/run.sh"]\n',
      context: { files: { "go.mod": "module example.com/runner\n\ngo 1.26\n\nrequire github.com/pkg/errors v0.9.1\n" } },
    },
    {
      name: "a folder copy the install does not run in",
      code: "FROM node:22-alpine\nWORKDIR /app\nCOPY src ./src\nCOPY package.json package-lock.json ./\nRUN npm ci\n",
      context: { rootEntries: ["src/", "package.json", "package-lock.json"], files: { "package.json": '{"dependencies":{"express":"^4"}}' } },
    },
    {
      name: "a folder copy whose folder shows no manifest of its own (the install may read one a step wrote)",
      code: "FROM node:22-alpine\nWORKDIR /app\nCOPY web ./web\nRUN cd web && npm ci\n",
      context: { rootEntries: ["web/", "package.json"], files: { "package.json": '{"dependencies":{"express":"^4"}}' } },
    },
    {
      // shuup (held-out BM): requirements-tests.txt starts with `-e .`; a file it includes may too.
      name: "requirement files that install the project itself (-e ., .[dev]), directly or through an include",
      code: "FROM python:3.12\nWORKDIR /app\nCOPY . /app\nRUN pip install -r requirements-tests.txt\nFROM python:3.12 AS b\nWORKDIR /b\nCOPY . .\nRUN pip install -r requirements-dev.txt\n",
      context: {
        rootEntries: ["requirements-tests.txt", "requirements-dev.txt", "requirements-base.txt", "setup.py", "shop/"],
        files: {
          "requirements-tests.txt": "-e .\napipkg==1.5  # via execnet\n",
          "requirements-dev.txt": "-r requirements-base.txt\npytest==8.3.3\n",
          "requirements-base.txt": "--editable=.[dev]\n",
        },
      },
    },
    {
      name: "JVM builds whose dependencies are there: resolved before the copy, cached in a mount, or offline",
      code: "FROM maven:3.9-eclipse-temurin-21 AS build\nWORKDIR /app\nCOPY pom.xml .\nRUN mvn -B dependency:go-offline\nCOPY . .\nRUN mvn -B package\nFROM gradle:8-jdk21 AS g\nWORKDIR /g\nCOPY . .\nRUN --mount=type=cache,target=/home/gradle/.gradle gradle build\nFROM maven:3.9-eclipse-temurin-21 AS o\nWORKDIR /o\nCOPY . .\nRUN mvn -o package\nFROM sbtscala/scala-sbt:1.10 AS s\nWORKDIR /s\nCOPY build.sbt .\nCOPY project project\nRUN sbt update\nCOPY . .\nRUN sbt assembly\n",
      context: { rootEntries: ["pom.xml", "build.gradle", "build.sbt", "project/", "src/"] },
    },
    {
      name: "Maven goals that compile nothing after the copy (versions:set), and a goal only a build argument names",
      code: "FROM maven:3.9-eclipse-temurin-21\nWORKDIR /w\nCOPY . ./\nARG version=1.0\nRUN mvn versions:set -DnewVersion=$version\nARG goal=package\nRUN mvn $goal\n",
      context: { rootEntries: ["pom.xml", "src/"] },
    },
    {
      name: "a requirements file after the copy that the base stage's install already read through its include",
      code: "FROM python:3.12-slim AS base\nWORKDIR /app\nCOPY requirements.txt requirements-prod.txt /app/\nRUN pip install --no-cache-dir -r requirements-prod.txt\nFROM base AS prod\nCOPY . /app/\nRUN pip install --no-cache-dir -r requirements.txt\n",
      context: {
        rootEntries: ["requirements.txt", "requirements-prod.txt", "manage.py"],
        files: { "requirements.txt": "Django\n", "requirements-prod.txt": "-r requirements.txt\npsycopg2-binary\n" },
      },
    },
    {
      // Held-out BH, business_card: judged wrong; the sync after the copy only re-checks the builder's .venv.
      name: "a .venv synced manifests-first in a builder, copied in before a broad copy .dockerignore keeps it out of",
      code: "FROM python:3.13-slim AS builder\nWORKDIR /app\nCOPY pyproject.toml uv.lock ./\nRUN uv sync --frozen --no-cache\nFROM python:3.13-slim\nWORKDIR /app\nCOPY --from=builder /app/.venv /app/.venv\nCOPY . .\nRUN uv sync --frozen --no-cache\n",
      context: { rootEntries: ["pyproject.toml", "uv.lock", "app/"], dockerignore: ".venv/\n__pycache__/\n" },
    },
    {
      // Held-out BA, logspout: a separate download layer would need Go in a layer of its own, which would ship.
      name: "a project script that installs Go, builds and removes Go again in one RUN",
      code: 'FROM alpine:3.20\nENTRYPOINT ["/bin/logspout"]\nCOPY . /src\nRUN cd /src && ./build.sh "$(cat VERSION)"\n',
      context: {
        rootEntries: ["go.mod", "build.sh", "VERSION", "logspout.go"],
        files: {
          "go.mod": GO_MOD,
          "build.sh":
            '#!/bin/sh\nset -e\napk add --update go build-base git ca-certificates\ncd /src\ngo build -ldflags "-X main.Version=$1" -o /bin/logspout\napk del go git build-base\nrm -rf /root/go /var/cache/apk/*\n',
        },
      },
    },
    {
      // Held-out AZ, testkube: judged wrong; BuildKit expands the mount's target from the stage's ARG.
      name: "go build with a cache mount whose target is a build argument naming the module cache",
      code: 'FROM golang:1.23-alpine AS build\nARG GOCACHE="/root/.cache/go-build"\nARG GOMODCACHE="/go/pkg/mod"\nWORKDIR /build\nCOPY . .\nRUN --mount=type=cache,target="$GOMODCACHE" \\\n    --mount=type=cache,target="$GOCACHE" \\\n    cd cmd/api-server; CGO_ENABLED=0 go build -o /app -mod mod .\nFROM alpine:3.20\nCOPY --from=build /app /bin/app\n',
      context: { rootEntries: ["go.mod", "go.sum", "cmd/"], files: { "go.mod": GO_MOD } },
    },
    {
      // Held-out AX, unocha-site: composer-patches with exit-on-patch-failure fails the install without PATCHES/.
      name: "composer.json has the install apply local patches: copying the two manifests first would fail it",
      code: "FROM php:8.4-cli\nWORKDIR /srv/www\nCOPY . .\nRUN composer install --no-dev\n",
      context: {
        rootEntries: ["PATCHES/", "composer.json", "composer.lock", "composer.patches.json", "html/"],
        files: {
          "composer.json": JSON.stringify({ extra: { "composer-patches": { "patches-file": "composer.patches.json", "exit-on-patch-failure": true } } }),
        },
      },
    },
    {
      name: "composer.json names a path repository: the install reads that local package",
      code: "FROM php:8.4-cli\nWORKDIR /app\nCOPY . .\nRUN composer install --no-dev\n",
      context: {
        rootEntries: ["composer.json", "composer.lock", "packages/", "src/"],
        files: { "composer.json": JSON.stringify({ repositories: [{ type: "path", url: "packages/*" }] }) },
      },
    },
    {
      // parse-server: a second install in the same RUN runs the package's prepare and postinstall scripts.
      name: "manifests copied first, the install after the sources, and an install of the same RUN runs scripts that may read them",
      code: "FROM node:20-alpine\nWORKDIR /tmp\nCOPY package*.json ./\nCOPY . .\nRUN npm ci --omit=dev --ignore-scripts && cp -R node_modules prod_node_modules && npm ci && npm run build\n",
      context: { files: { "package.json": '{"scripts":{"prepare":"npm run build","postinstall":"node -p \'require(\\"./postinstall.js\\")()\'"}}' } },
    },
    {
      // modoboa: pip-compile writes the requirement files from pyproject.toml after the copy.
      name: "requirement files generated after the copy: none is in the context to copy first",
      code: "FROM python:3.12-alpine\nWORKDIR /tmp\nCOPY . /tmp\nRUN pip install pip-tools\nRUN pip-compile --output-file=requirements.txt pyproject.toml\nRUN pipenv requirements > dev-requirements.txt && pip install -r requirements.txt -r dev-requirements.txt\n",
    },
    {
      name: "Elixir: mix.exs and mix.lock copied and fetched before the sources",
      code: "FROM elixir:1.17 AS build\nWORKDIR /src\nCOPY mix.exs mix.lock ./\nRUN mix deps.get --only prod\nCOPY . .\nRUN mix release\n",
      context: { rootEntries: ["mix.exs", "mix.lock", "lib/", "config/"] },
    },
    {
      name: "the install runs in a folder an earlier step downloaded, not one of the build context",
      code: "FROM debian:bookworm\nENV SDK=/opt/sdk\nCOPY . ${SDK}\nRUN cd ${SDK} && ./install-sdk latest\nRUN cd ${SDK}/releases/compiler && npm ci\n",
      context: { rootEntries: ["install-sdk", "manifest.json", "docs/"] },
    },
    {
      name: "the base is the project's own image, built by a sibling Dockerfile from the same manifest",
      code: "FROM acme/core-base:20260729 AS build\nWORKDIR /opt/app\nADD . .\nRUN . /opt/py3/bin/activate && uv pip install -r pyproject.toml && cd apps && python manage.py compilemessages\n",
      context: {
        rootEntries: ["pyproject.toml", "uv.lock", "apps/", "Dockerfile-base"],
        projectImages: [
          {
            dockerfile: "Dockerfile-base",
            images: ["acme/core-base"],
            text: "FROM python:3.14-slim\nWORKDIR /opt/app\nRUN --mount=type=bind,source=pyproject.toml,target=pyproject.toml uv venv && uv pip install -r pyproject.toml\n",
          },
        ],
      },
    },
    {
      // bors-ng: the root package.json only holds the scripts that install in assets/.
      name: "a package.json that lists no dependencies: the install downloads nothing",
      code: "FROM elixir:1.15\nWORKDIR /src\nADD ./ /src/\nRUN cd /src/ && npm install && npm run deploy\n",
      context: {
        rootEntries: ["package.json", "assets/", "mix.exs"],
        files: { "package.json": '{ "name": "app-assets", "scripts": { "deploy": "cd assets && npm install && npm run deploy" } }\n' },
      },
    },
    {
      name: "make: the target builds no Go",
      code: "FROM golang:1.22\nWORKDIR /src\nCOPY . .\nRUN make assets\n",
      context: { rootEntries: ["go.mod", "Makefile"], files: { "go.mod": GO_MOD, Makefile: "assets:\n\tnpm run build\nbuild:\n\tgo build -o app .\n" } },
    },
    {
      name: "make build whose recipe builds from the committed vendor folder",
      code: "FROM golang:1.22\nWORKDIR /src\nCOPY . .\nRUN make build\n",
      context: { rootEntries: ["go.mod", "Makefile", "vendor/"], files: { "go.mod": GO_MOD, Makefile: "build:\n\tgo build -mod=vendor -o app .\n" } },
    },
    {
      name: "make -C another folder: its Makefile was not read",
      code: "FROM golang:1.22\nWORKDIR /src\nCOPY . .\nRUN make -C server build\n",
      context: { rootEntries: ["go.mod", "Makefile", "server/"], files: { "go.mod": GO_MOD, Makefile: "build:\n\tgo build -o app .\n" } },
    },
    {
      name: "gems built in another stage and copied in before the install, which only checks them",
      code: "FROM ruby:3.3 AS gems\nWORKDIR /build\nCOPY Gemfile Gemfile.lock ./\nRUN bundle config set --local deployment true && bundle install\nFROM ruby:3.3-slim\nWORKDIR /app\nCOPY . /app\nCOPY --from=gems /build/vendor vendor\nRUN bundle config set --local deployment true\nRUN bundle install\n",
    },
    {
      name: "node_modules from a deps stage",
      code: "FROM node:22 AS deps\nWORKDIR /app\nCOPY package.json package-lock.json ./\nRUN npm ci\nFROM node:22-slim\nWORKDIR /app\nCOPY . .\nCOPY --from=deps /app/node_modules ./node_modules\nRUN npm ci --offline\n",
    },
    {
      name: "dependencies installed in the stage this one builds on; the sync after the copy adds the project",
      code: "FROM python:3.12-slim AS base\nWORKDIR /app\nCOPY pyproject.toml uv.lock ./\nRUN uv sync --frozen --no-install-project\nFROM base AS dev\nCOPY . .\nRUN uv sync --frozen\n",
    },
    {
      name: "dependencies synced in an ancestor stage; the RUN after the copy syncs the project, then deletes a source folder",
      code: "FROM python:3.13-slim AS deps\nWORKDIR /srv\nCOPY pyproject.toml uv.lock ./\nRUN uv sync --frozen --no-dev --no-install-project\nFROM deps AS app\nCOPY . ./\nRUN useradd -r app; chown -R app ./; uv sync --frozen --no-dev; rm -rf ./native_ext/\n",
    },
    {
      name: "uv: bind-mounted manifests synced earlier in the stage; the clean-up after the project's sync removes no dependency",
      code: "FROM python:3.12-slim\nWORKDIR /app\nRUN --mount=type=bind,source=uv.lock,target=uv.lock --mount=type=bind,source=pyproject.toml,target=pyproject.toml uv sync --locked --no-install-project\nCOPY . /app\nRUN uv sync --locked && rm -rf /tmp/wheels\n",
    },
    {
      name: "uv: dependencies installed from bind-mounted manifests with --no-install-project, then the project",
      code: "FROM python:3.12-slim\nWORKDIR /app\nRUN --mount=type=cache,target=/root/.cache/uv --mount=type=bind,source=uv.lock,target=uv.lock --mount=type=bind,source=pyproject.toml,target=pyproject.toml uv sync --locked --no-install-project\nCOPY . /app\nRUN uv sync --locked\n",
    },
    {
      name: "cargo fetch with cache mounts on the registry: a rerun downloads nothing",
      code: "FROM rust:1-alpine AS build\nCOPY . /app\nWORKDIR /app\nRUN --mount=type=cache,target=/root/.cargo/registry/cache --mount=type=cache,target=/root/.cargo/git/db cargo fetch\n",
    },
    "FROM node:20\nWORKDIR /app\nCOPY package.json package-lock.json ./\nRUN npm ci\nCOPY . .\nRUN npm run build\n",
    { name: "manifests copied by wildcard", code: "FROM node:20\nWORKDIR /app\nCOPY package*.json ./\nRUN npm ci\nCOPY . .\n" },
    {
      name: "requirements copied to another folder first",
      code: "FROM python:3.12\nCOPY requirements.txt /tmp/\nRUN pip install -r /tmp/requirements.txt\nCOPY . /app\n",
    },
    {
      name: "requirements folder copied first",
      code: "FROM python:3.12\nWORKDIR /app\nCOPY requirements/ requirements/\nRUN pip install -r requirements/prod.txt\nCOPY . .\n",
    },
    { name: "named packages do not depend on the sources", code: "FROM python:3.12\nCOPY . /app\nRUN pip install --upgrade pip gunicorn\n" },
    { name: "pip install . builds the project itself", code: "FROM python:3.12\nWORKDIR /app\nCOPY . .\nRUN pip install .\n" },
    { name: "global installs", code: "FROM node:20\nCOPY . /app\nRUN npm install -g serve\n" },
    {
      name: "builds after a broad copy in another stage",
      code: "FROM golang:1.22 AS src\nCOPY . /src\nFROM golang:1.22\nWORKDIR /src\nRUN go build -o /app .\n",
    },
    {
      name: "modules downloaded in the stage the build stage builds on",
      code: "FROM golang:1.22 AS deps\nWORKDIR /src\nCOPY go.mod go.sum ./\nRUN go mod download\nFROM deps AS build\nCOPY . .\nRUN go build -o /app .\n",
    },
    {
      name: "a stage's whole filesystem, where it downloaded the modules, laid over the build stage",
      code: "FROM golang:1.22 AS deps\nWORKDIR /src\nCOPY go.mod go.sum ./\nRUN go mod download\nFROM golang:1.22 AS build\nCOPY --from=deps / /\nWORKDIR /src\nCOPY . .\nRUN go build -o /app .\n",
      context: { rootEntries: ["go.mod", "go.sum", "main.go"], files: { "go.mod": GO_MOD } },
    },
    {
      name: "the module cache copied from another stage",
      code: "FROM golang:1.22 AS build\nWORKDIR /src\nCOPY --from=deps /go/pkg/mod /go/pkg/mod\nCOPY . .\nRUN go build -o /app .\n",
    },
    {
      name: "a vendor folder copied from another stage into the build directory",
      code: "FROM golang:1.22 AS build\nWORKDIR /src\nCOPY . .\nCOPY --from=deps /src/vendor ./vendor\nRUN go build -o /app .\n",
    },
    {
      name: "a cache mount of the module cache keeps the downloads",
      code: "FROM golang:1.22\nWORKDIR /src\nCOPY . .\nRUN --mount=type=cache,target=/go/pkg/mod --mount=type=cache,target=/root/.cache/go-build go build -o /app .\n",
      context: { rootEntries: ["go.mod", "main.go"], files: { "go.mod": GO_MOD } },
    },
    {
      name: "a cache mount at GOMODCACHE",
      code: "FROM golang:1.22\nENV GOMODCACHE=/cache/mod\nWORKDIR /src\nCOPY . .\nRUN --mount=type=cache,target=/cache go build -o /app .\n",
    },
    { name: "-mod=vendor builds from the vendored modules", code: "FROM golang:1.22\nWORKDIR /src\nCOPY . .\nRUN go build -mod=vendor -o /app .\n" },
    { name: "GOFLAGS=-mod=vendor in the environment", code: "FROM golang:1.22\nENV GOFLAGS=-mod=vendor\nWORKDIR /src\nCOPY . .\nRUN go build -o /app .\n" },
    { name: "GOPROXY=off downloads nothing", code: "FROM golang:1.22\nWORKDIR /src\nCOPY . .\nRUN GOPROXY=off go build -o /app .\n" },
    {
      name: "a vendor folder at the context root: Go builds from it",
      code: "FROM golang:1.22\nWORKDIR /src\nCOPY . .\nRUN go build -o /app .\n",
      context: { rootEntries: ["go.mod", "go.sum", "vendor/", "main.go"], files: { "go.mod": GO_MOD }, dockerignore: null },
    },
    {
      name: "a go.mod without require: nothing to download",
      code: "FROM golang:1.22\nWORKDIR /src\nCOPY . .\nRUN go build -o /app .\n",
      context: { rootEntries: ["go.mod", "main.go"], files: { "go.mod": "module example.com/hello\n\ngo 1.22\n" } },
    },
    {
      name: "GOPATH mode: .go files and no go.mod in the context",
      code: "FROM golang:1.10\nWORKDIR /go/src/app\nCOPY . .\nRUN go build -o /app .\n",
      context: { rootEntries: ["main.go", "handlers.go"], files: {} },
    },
    {
      name: "Go before 1.11 has no modules (GOPATH mode); go get after the copy is left alone",
      code: "FROM golang:1.9.2-stretch AS builder\nCOPY . /go/src/example.com/app\nRUN go get -d example.com/app && go install example.com/app\n",
    },
    {
      name: "go get after the copy fetches the same way: not reported as the build",
      code: "FROM golang:1.22\nWORKDIR /src\nCOPY . .\nRUN go get -d ./...\nRUN go build -o /app .\n",
    },
    { name: "a single file built where no go.mod is known", code: "FROM golang:1.22\nWORKDIR /src\nCOPY . .\nRUN go build -o /app main.go\n" },
    { name: "go install of a tool at a version", code: "FROM golang:1.22\nWORKDIR /src\nCOPY . .\nRUN go install golang.org/x/tools/cmd/goimports@latest\n" },
    {
      name: "dotnet restore before the copy, build with --no-restore",
      code: "FROM mcr.microsoft.com/dotnet/sdk:8.0\nWORKDIR /src\nCOPY App.csproj .\nRUN dotnet restore\nCOPY . .\nRUN dotnet build --no-restore\n",
    },
    {
      name: "dotnet: --no-restore downloads nothing (packages restored in the base stage)",
      code: "FROM mcr.microsoft.com/dotnet/sdk:8.0 AS restore\nWORKDIR /src\nCOPY *.sln ./\nCOPY src/App/App.csproj src/App/\nRUN dotnet restore\nFROM restore AS build\nCOPY . .\nRUN dotnet publish -c Release --no-restore -o /app\n",
    },
    {
      name: "dotnet: a cache mount of the NuGet packages",
      code: "FROM mcr.microsoft.com/dotnet/sdk:8.0\nWORKDIR /src\nCOPY . .\nRUN --mount=type=cache,target=/root/.nuget/packages dotnet publish -c Release -o /app\n",
    },
    {
      name: "dotnet: projects without package or project references",
      code: "FROM mcr.microsoft.com/dotnet/sdk:8.0\nWORKDIR /src\nCOPY . .\nRUN dotnet publish -c Release -o /app\n",
      context: {
        rootEntries: ["Hello.csproj", "Program.cs"],
        files: { "Hello.csproj": '<Project Sdk="Microsoft.NET.Sdk"><PropertyGroup><OutputType>Exe</OutputType></PropertyGroup></Project>' },
      },
    },
    {
      name: "cargo: a cache mount of the registry",
      code: "FROM rust:1.80\nWORKDIR /app\nCOPY . .\nRUN --mount=type=cache,target=/usr/local/cargo/registry --mount=type=cache,target=/app/target cargo build --release\n",
    },
    {
      name: "cargo: dependencies cooked before the copy (cargo-chef)",
      code: "FROM lukemathwalker/cargo-chef:latest-rust-1 AS builder\nWORKDIR /app\nCOPY --from=planner /app/recipe.json recipe.json\nRUN cargo chef cook --release --recipe-path recipe.json\nCOPY . .\nRUN cargo build --release\n",
    },
    {
      // Held-out BN, scaphandre: the registry comes in from the cook stage under the image's CARGO_HOME.
      name: "cargo: CARGO_HOME copied in from a stage that cooked the dependencies (cargo-chef), by the image's variable",
      code: "FROM rust:1.95 AS cacher\nWORKDIR app\nCOPY recipe.json recipe.json\nRUN cargo install cargo-chef && cargo chef cook --release --recipe-path recipe.json\nFROM rust:1.95 AS builder\nWORKDIR app\nCOPY . .\nCOPY --from=cacher /app/target target\nCOPY --from=cacher $CARGO_HOME $CARGO_HOME\nRUN cargo build --release\n",
      context: { rootEntries: ["Cargo.toml", "Cargo.lock", "src/"], files: { "Cargo.toml": '[package]\nname = "app"\n[dependencies]\nserde = "1"\n' } },
    },
    {
      // Held-out CK, blockscout-rs' sig-provider: CARGO_HOME comes from the project's own base image.
      name: "cargo: CARGO_HOME copied in from the cook stage, its value unknown (the same variable names the same folder)",
      code: "FROM ghcr.io/acme/services-base:latest AS chef\nFROM chef AS cache\nCOPY recipe.json recipe.json\nRUN cargo chef cook --release --recipe-path recipe.json\nFROM chef AS build\nCOPY . .\nCOPY --from=cache /app/target target\nCOPY --from=cache $CARGO_HOME $CARGO_HOME\nRUN cargo build --release\n",
      context: { rootEntries: ["Cargo.toml", "Cargo.lock", "src/"], files: { "Cargo.toml": '[package]\nname = "app"\n[dependencies]\nserde = "1"\n' } },
    },
    {
      name: "cargo: a dummy main.rs built from the manifests before the copy",
      code: 'FROM rust:1.80\nWORKDIR /app\nCOPY Cargo.toml Cargo.lock ./\nRUN mkdir src && echo "fn main() {}" > src/main.rs && cargo build --release\nCOPY . .\nRUN touch src/main.rs && cargo build --release\n',
    },
    { name: "cargo: --offline downloads nothing", code: "FROM rust:1.80\nWORKDIR /app\nCOPY . .\nRUN cargo build --release --offline\n" },
    {
      name: "cargo: vendored sources configured in .cargo/",
      code: "FROM rust:1.80\nWORKDIR /app\nCOPY . .\nRUN cargo build --release --locked\n",
      context: { rootEntries: ["Cargo.toml", "Cargo.lock", ".cargo/", "vendor/", "src/"], files: { "Cargo.toml": CARGO_TOML }, dockerignore: null },
    },
    {
      name: "cargo: a crate with an empty dependency table (dev-dependencies are not built)",
      code: "FROM rust:1.80\nWORKDIR /app\nCOPY . .\nRUN cargo build --release\n",
      context: {
        rootEntries: ["Cargo.toml", "src/"],
        files: { "Cargo.toml": '[package]\nname = "hello"\nversion = "0.1.0"\n\n[dependencies]\n\n[dev-dependencies]\ncriterion = "0.5"\n' },
      },
    },
    { name: "cargo install of a published crate", code: "FROM rust:1.80\nWORKDIR /app\nCOPY . .\nRUN cargo install ripgrep\n" },
    { name: "a copy of single files is not broad", code: "FROM node:20\nWORKDIR /app\nCOPY src ./src\nRUN npm ci\n" },
    { name: "COPY --from is not the build context", code: "FROM node:20\nWORKDIR /app\nCOPY --from=sources . .\nRUN npm ci\n" },
    { name: "the broad copy of another stage", code: "FROM node:20 AS src\nCOPY . /app\nFROM node:20\nWORKDIR /app\nRUN npm ci\n" },
    { name: "ONBUILD triggers run in another build", code: "FROM node:20\nONBUILD COPY . /app\nONBUILD RUN npm ci\n" },
  ],
});

describe("layer-source-before-deps: fixes", () => {
  for (const c of fires.filter((f) => typeof f.output === "string" && f.messageId === "sourceBeforeDeps")) {
    it(`the fixed file parses and no longer has the report: ${c.name ?? c.code.split("\n")[2]}`, () => {
      const before = findingsOf(rule, c.code, c.context);
      const fixed = applyEdits(c.code, (before[0].fixes[0] ?? before[0].suggestions[0]).edits);
      const model = parseDockerfile(fixed, c.context);
      assert.strictEqual(
        model.instructions.length,
        parseDockerfile(c.code, c.context).instructions.length + (fixed.split("COPY").length - c.code.split("COPY").length),
      );
      assert.strictEqual(findingsOf(rule, fixed, c.context).length, before.length - 1);
    });
  }

  it("is a safe fix when the files are known, a suggestion when guessed", () => {
    const kinds = (name: string) => {
      const c = fires.find((f) => f.name?.startsWith(name));
      assert.ok(c, name);
      const [finding] = findingsOf(rule, c.code, c.context);
      return [finding.fixes.length, finding.suggestions.length];
    };
    assert.deepStrictEqual(kinds("known context"), [1, 0]);
    assert.deepStrictEqual(kinds("an unknown context for yarn"), [0, 1]);
    assert.deepStrictEqual(kinds("node_modules in the context"), [0, 1]);
    assert.deepStrictEqual(kinds("a requirements file that includes another"), [1, 0]);
    assert.deepStrictEqual(kinds("an include through a variable"), [0, 1]);
    assert.deepStrictEqual(kinds("an included file outside the context"), [0, 1]);
  });
});

describe("layer-source-before-deps: builds that download their dependencies", () => {
  const builds = fires.filter((f) => f.messageId === "buildFetchesDeps");

  it("the go mod download suggestion parses and removes the report", () => {
    for (const c of builds.filter((f) => typeof f.output === "string")) {
      const [finding] = findingsOf(rule, c.code, c.context);
      assert.deepStrictEqual([finding.fixes.length, finding.suggestions.length], [0, 1], c.name);
      const fixed = applyEdits(c.code, finding.suggestions[0].edits);
      assert.strictEqual(parseDockerfile(fixed, c.context).instructions.length, parseDockerfile(c.code, c.context).instructions.length + 2);
      assert.deepStrictEqual(findingsOf(rule, fixed, c.context), [], c.name);
    }
  });

  it("is information, whether or not the manifests were seen: the rebuild recompiles anyway, the download is a part of it", () => {
    const severity = (name: string) => {
      const c = builds.find((f) => f.name?.startsWith(name));
      assert.ok(c, name);
      return findingsOf(rule, c.code, c.context)[0].severity;
    };
    for (const name of ["go build after the whole context", "dotnet publish restores", "go build with an unknown context", "cargo install --path"]) {
      assert.strictEqual(severity(name), "info", name);
    }
    // The explicit install after the broad copy stays a warning.
    assert.strictEqual(findingsOf(rule, "FROM node:22\nWORKDIR /app\nCOPY . .\nRUN npm ci\n")[0].severity, "warning");
  });
});

describe("layer-source-before-deps: files no build the project shows rebuilds with their layers", () => {
  const severities = (code: string, context: BuildContextFacts) => findingsOf(rule, code, context).map((f) => f.severity);
  it("reports at hint severity where CI builds the file only without a layer cache and nothing builds it locally", () => {
    // Held-out BY, solo: a developer's rebuild gains from the order all the same (judged right as a miss).
    const npm = { rootEntries: ["package.json", "package-lock.json", "src/"], ciBuildsWithoutCache: true, buildArgs: { composeBuilds: 0, passed: [] } };
    assert.deepStrictEqual(severities("FROM node:22\nWORKDIR /app\nCOPY . .\nRUN npm ci\n", npm), ["hint"]);
    const go = { rootEntries: ["go.mod", "go.sum", "main.go"], files: { "go.mod": GO_MOD }, ciBuildsWithoutCache: true };
    assert.deepStrictEqual(severities(GO_BUILD_AFTER_COPY, go), ["hint"]);
    // Held-out AP, krakend-ce: the Makefile's build passes --no-cache, so no build reuses the layer either.
    assert.deepStrictEqual(severities(GO_BUILD_AFTER_COPY, builtByCiWithoutCacheAndMake("docker build --no-cache --pull -t acme/app:latest .")), ["hint"]);
    // Built locally too: the usual severity.
    assert.deepStrictEqual(severities("FROM node:22\nWORKDIR /app\nCOPY . .\nRUN npm ci\n", { ...npm, buildArgs: { composeBuilds: 1, passed: [] } }), [
      "warning",
    ]);
  });
});

/** `npm ci` after the whole copy on `image`, with a postinstall that reads the sources: the remedy runs `after` after the copy. */
function npmCiWithPostinstall(name: string, image: string, after: string): FiresCase {
  return {
    name,
    code: `FROM ${image}\nWORKDIR /app\nCOPY . .\nRUN npm ci\nCMD ["node", "index.js"]\n`,
    context: {
      rootEntries: ["package.json", "package-lock.json", "tools/", "index.js"],
      files: { "package.json": '{"name":"site","scripts":{"postinstall":"prisma generate"},"dependencies":{"@prisma/client":"6"}}' },
    },
    messageId: "scriptsNeedSources",
    line: 3,
    data: {
      copy: "COPY . .",
      install: "npm ci",
      line: 4,
      manifests: "package.json, package-lock.json",
      skip: "'--ignore-scripts'",
      reason: "Its 'postinstall' script may",
      after,
    },
    output: null,
  };
}
