import { rule } from "../../../server/src/rules/final-stage-heavy-base";
import * as assert from "assert";
import { findingsOf, testRule } from "../../support/rule-tester";

testRule(rule, {
  fires: [
    {
      name: "poetry installs a pyproject whose dependencies all have wheels: the slim variant fits",
      code: 'FROM python:3.12\nENV POETRY_VIRTUALENVS_CREATE=0\nWORKDIR /app\nCOPY . ./\nRUN pip install poetry\nRUN poetry install --only main\nCMD ["uvicorn", "main:app"]\n',
      context: {
        files: {
          "pyproject.toml": '[tool.poetry.dependencies]\npython = "^3.12"\nfastapi = "^0.115"\nuvicorn = { version = "^0.30", extras = ["standard"] }\n',
        },
      },
      messageId: "heavyBase",
      line: 1,
    },
    {
      name: "a base named by a build argument nothing passes: the default ships",
      code: 'ARG BASE_IMAGE=debian:bullseye\nFROM ${BASE_IMAGE}\nRUN apt-get update && apt-get install -y --no-install-recommends git quilt debootstrap && rm -rf /var/lib/apt/lists/*\nCOPY . /pi-gen/\nCMD ["./build.sh"]\n',
      context: { buildArgs: { composeBuilds: 0, passed: ["OTHER"] } },
      messageId: "heavyBase",
      line: 2,
    },
    {
      name: "curl installed before it is used: slim still works",
      code: 'FROM python:3.12\nRUN apt-get update && apt-get install -y curl && curl -fsSL https://example.com/x -o /x\nCMD ["app"]\n',
      messageId: "heavyBase",
      line: 1,
    },
    {
      code: 'FROM node:24\nCOPY . .\nCMD ["node", "server.js"]\n',
      messageId: "heavyBase",
      line: 1,
      token: "node:24",
      data: {
        shippedBase: "Final base",
        image: "node:24",
        size: "409 MB",
        variant: "node:24-slim",
        variantSize: "80 MB",
        saving: "329 MB",
        estimate: " compressed on amd64",
        caveat: "slim images lack compilers and some libraries",
      },
      output: 'FROM node:24-slim\nCOPY . .\nCMD ["node", "server.js"]\n',
    },
    {
      name: "the builder generates the Prisma client: the query engine needs libssl, so the remedy names openssl",
      code: 'FROM node:22 AS build\nWORKDIR /srv\nCOPY . .\nRUN npm ci && npx prisma generate && npm run build\nFROM node:22\nCOPY --from=build /srv /srv\nCMD ["node", "/srv/dist/main.js"]\n',
      messageId: "heavyBaseWithLibrary",
      line: 5,
      data: {
        shippedBase: "Final base",
        library: "'openssl'",
        needs: "Prisma",
        image: "node:22",
        variant: "node:22-slim",
        size: "408 MB",
        variantSize: "80 MB",
        saving: "328 MB",
        estimate: " compressed on amd64",
        caveat: "slim images lack compilers and some libraries",
      },
      output: null,
    },
    {
      name: "a package.json the host read depends on @prisma/client",
      code: 'FROM node:22\nWORKDIR /srv\nCOPY . .\nCMD ["node", "server.js"]\n',
      context: { files: { "package.json": '{ "dependencies": { "@prisma/client": "^6.1.0", "express": "^5.0.0" } }' } },
      messageId: "heavyBaseWithLibrary",
      output: null,
    },
    {
      name: "JDK to JRE",
      code: "FROM eclipse-temurin:21-jdk\nCOPY app.jar /app.jar\n",
      messageId: "heavyBase",
      line: 1,
      output: "FROM eclipse-temurin:21-jre\nCOPY app.jar /app.jar\n",
    },
    {
      name: "python with codename keeps the codename",
      code: 'FROM python:3.12-bookworm\nCOPY app.py .\nCMD ["python", "app.py"]\n',
      messageId: "heavyBase",
      output: 'FROM python:3.12-slim-bookworm\nCOPY app.py .\nCMD ["python", "app.py"]\n',
    },
    {
      name: "multi-stage final",
      code: "FROM golang:1.27 AS build\nRUN go build -o /app\nFROM debian:bookworm\nCOPY --from=build /app /app\n",
      messageId: "heavyBase",
      line: 3,
      output: "FROM golang:1.27 AS build\nRUN go build -o /app\nFROM debian:bookworm-slim\nCOPY --from=build /app /app\n",
    },
    {
      name: "resolved through ARG: reported, no rewrite",
      code: 'ARG V=24\nFROM node:${V}\nCOPY server.js .\nCMD ["node", "server.js"]\n',
      messageId: "heavyBase",
      line: 2,
      output: null,
    },
    {
      name: "a Debian-based stage is offered slim, not Alpine",
      code: 'FROM node:24\nRUN apt-get update && apt-get install -y --no-install-recommends tini\nCOPY . /app\nCMD ["node", "/app/server.js"]\n',
      messageId: "heavyBase",
      data: {
        shippedBase: "Final base",
        image: "node:24",
        size: "409 MB",
        variant: "node:24-slim",
        variantSize: "80 MB",
        saving: "329 MB",
        estimate: " compressed on amd64",
        caveat: "slim images lack compilers and some libraries",
      },
    },
    {
      name: "a JDK stage that manages users with shadow is offered the same-distro JRE only",
      code: 'FROM eclipse-temurin:21-jdk\nRUN groupadd app && useradd -g app app\nCOPY app.jar /app.jar\nCMD ["java", "-jar", "/app.jar"]\n',
      messageId: "heavyBase",
      output: 'FROM eclipse-temurin:21-jre\nRUN groupadd app && useradd -g app app\nCOPY app.jar /app.jar\nCMD ["java", "-jar", "/app.jar"]\n',
    },
    {
      name: "a file named after its base with no sibling for another version is no published family",
      code: 'FROM python:3.11\nCOPY . /app\nCMD ["/start.sh"]\n',
      context: { dockerfilePath: "python3.11.dockerfile", dockerfileVariants: [] },
      messageId: "heavyBase",
    },
    {
      name: "a runner base on debian with no command: no compilers are lost by slim",
      code: "FROM debian:bookworm\nRUN apt-get update && apt-get install -y --no-install-recommends libpq5\n",
      messageId: "heavyBase",
    },
    {
      name: "a requirements file the host did not read: nothing shows a source build",
      code: 'FROM python:3.12\nCOPY reqs.txt /tmp/\nRUN pip install -r /tmp/reqs.txt\nCOPY . /srv\nCMD ["gunicorn", "app:app"]\n',
      messageId: "heavyBase",
    },
    {
      name: "uwsgi compiled, but the stage installs its own compiler: slim builds it too",
      code: 'FROM python:3.12\nRUN apt-get update && apt-get install -y --no-install-recommends build-essential\nCOPY reqs.txt /tmp/\nRUN pip install -r /tmp/reqs.txt\nCOPY . /srv\nCMD ["uwsgi", "--ini", "/srv/app.ini"]\n',
      context: { files: { "reqs.txt": "Flask==3.0\nuWSGI==2.0.26\n" } },
      messageId: "heavyBase",
    },
    {
      name: "a Gemfile of pure-Ruby gems compiles nothing",
      code: 'FROM ruby:3.3\nWORKDIR /site\nCOPY Gemfile ./\nRUN bundle install\nCOPY . .\nCMD ["ruby", "serve.rb"]\n',
      context: { files: { Gemfile: 'source "https://rubygems.org"\ngem "sinatra"\ngem "rack"\n' } },
      messageId: "heavyBase",
    },
    {
      name: "a HEALTHCHECK that installs its own curl still fires: slim gets it too",
      code: 'FROM node:24\nRUN apt-get update && apt-get install -y curl\nCOPY . /srv\nHEALTHCHECK CMD curl -f http://localhost:3000/ || exit 1\nCMD ["node", "/srv/index.js"]\n',
      messageId: "heavyBase",
    },
  ],
  silent: [
    {
      // Held-out BH, ika-api: mysqlclient has no Linux wheel, and py-cord comes from git.
      name: "poetry installs a pyproject whose dependencies compile or come from git: slim lacks the tools",
      code: 'FROM python:3.10\nENV POETRY_VIRTUALENVS_CREATE=0\nWORKDIR /app\nCOPY . ./\nRUN pip install poetry\nRUN poetry install --no-dev\nCMD ["uvicorn", "main:app"]\n',
      context: {
        files: {
          "pyproject.toml": '[tool.poetry.dependencies]\npython = "^3.10"\nfastapi = "^0.70.1"\nmysqlclient = "^2.1.0"\n',
        },
      },
    },
    {
      name: "uv sync of a PEP 621 dependency fetched with git: slim has no git",
      code: 'FROM python:3.12\nWORKDIR /app\nCOPY . ./\nRUN pip install uv && uv sync --frozen\nCMD ["uv", "run", "app"]\n',
      context: {
        files: {
          "pyproject.toml":
            '[project]\nname = "app"\ndependencies = [\n  "fastapi>=0.115",\n  "pycord @ git+https://github.com/Pycord-Development/pycord.git",\n]\n',
        },
      },
    },
    {
      // Held-out BB, carlossg/docker-maven: Maven compiles with the JDK's javac (the JRE judged wrong).
      name: "an image whose command is a JVM build tool: the Maven image itself",
      code: 'FROM maven:3.9.16-eclipse-temurin-17 AS maven_upstream\nFROM eclipse-temurin:21-jdk-noble\nENV MAVEN_HOME=/usr/share/maven\nCOPY --from=maven_upstream ${MAVEN_HOME} ${MAVEN_HOME}\nRUN ln -s ${MAVEN_HOME}/bin/mvn /usr/bin/mvn\nENTRYPOINT ["/usr/local/bin/mvn-entrypoint.sh"]\nCMD ["mvn"]\n',
    },
    {
      // Held-out AW, pi-gen: build-docker.sh always passes BASE_IMAGE.
      name: "a base named by a build argument the project's build script passes",
      code: 'ARG BASE_IMAGE=debian:bullseye\nFROM ${BASE_IMAGE}\nRUN apt-get update && apt-get install -y --no-install-recommends git quilt debootstrap && rm -rf /var/lib/apt/lists/*\nCOPY . /pi-gen/\nCMD ["./build.sh"]\n',
      context: { buildArgs: { composeBuilds: 0, passed: ["BASE_IMAGE"] } },
    },
    {
      name: "a Prisma app on slim that installs openssl: nothing to switch",
      code: 'FROM node:22-slim\nRUN apt-get update && apt-get install -y openssl && rm -rf /var/lib/apt/lists/*\nCOPY prisma ./prisma\nCMD ["node", "server.js"]\n',
    },
    {
      name: "the HEALTHCHECK calls curl, which only the full variant ships: the switch makes every check fail",
      code: "FROM nginx:stable-alpine\nCOPY dist /usr/share/nginx/html\nHEALTHCHECK --interval=30s CMD curl --fail --silent http://localhost || exit 1\n",
    },
    {
      name: "the entry script the host read downloads with wget, which slim lacks",
      code: 'FROM python:3.12\nCOPY start.sh /start.sh\nCOPY . /srv\nCMD ["/start.sh"]\n',
      context: { files: { "start.sh": '#!/bin/sh\nwget -q -O /srv/config.json "$CONFIG_URL"\nexec gunicorn app:app\n' } },
    },
    {
      name: "requirement files listed by ls and handed to pip through xargs, one naming psycopg2: compiled with the full image's gcc",
      code: 'FROM python:3.11\nCOPY requirements.txt plugins/requirements-*.txt /tmp/\nRUN ls /tmp/requirements*.txt | xargs -i,, pip --no-cache-dir install -r ,,\nCOPY . /srv\nCMD ["python", "/srv/main.py"]\n',
      context: { files: { "requirements.txt": "redis==5.0.8\npsycopg2==2.9.9\n", "plugins/requirements-s3.txt": "boto3\n" } },
    },
    {
      // A family of files per version of the base image: a runtime others build their apps on.
      name: "one of a family published per version of its base (python3.11.dockerfile beside python3.10.dockerfile)",
      code: 'FROM python:3.11\nCOPY . /app\nCMD ["/start.sh"]\n',
      context: { dockerfilePath: "python3.11.dockerfile", dockerfileVariants: ["python3.10.dockerfile"] },
    },
    {
      name: "a language base for other Dockerfiles: no command, no program of its own",
      code: "FROM node:24\nRUN npm install -g pnpm@9\nENV PNPM_HOME=/pnpm\n",
    },
    {
      name: "a requirements file naming uWSGI, which has no wheels: pip compiles it with the full image's gcc",
      code: 'FROM python:3.12\nCOPY deps/reqs.txt /tmp/reqs.txt\nRUN pip install --no-cache-dir -r /tmp/reqs.txt\nCOPY . /srv\nCMD ["uwsgi", "--ini", "/srv/app.ini"]\n',
      context: { files: { "deps/reqs.txt": "Flask==3.0\nuWSGI==2.0.26  # server\n" } },
    },
    {
      name: "psycopg2 named on the pip command line (not -binary)",
      code: 'FROM python:3.13\nRUN python -m pip install "psycopg2>=2.9" gunicorn\nCOPY . /srv\nCMD ["gunicorn", "app:app"]\n',
    },
    {
      name: "pip told to build from source",
      code: 'FROM python:3.12\nRUN pip install --no-binary :all: lxml\nCOPY . /srv\nCMD ["python", "/srv/main.py"]\n',
    },
    {
      name: "a Gemfile naming a gem with a C extension (puma)",
      code: 'FROM ruby:3.3\nWORKDIR /site\nCOPY Gemfile Gemfile.lock ./\nRUN bundle install\nCOPY . .\nCMD ["bundle", "exec", "puma"]\n',
      context: { files: { Gemfile: 'source "https://rubygems.org"\ngem "sinatra"\ngem "puma", "~> 6.4"\n' } },
    },
    {
      name: "an npm install told to compile native modules",
      code: 'FROM node:22\nWORKDIR /app\nCOPY package*.json ./\nRUN npm ci --build-from-source\nCOPY . .\nCMD ["node", "index.js"]\n',
    },
    {
      name: "the stage runs the JDK's jar tool: a JRE would break it",
      code: 'FROM eclipse-temurin:25-jdk\nCOPY app.jar /app/\nRUN jar -xf /app/app.jar && rm /app/app.jar\nENTRYPOINT ["./run.sh"]\n',
    },
    {
      name: "the full variant of a file published with a slim sibling (python3.11-slim.dockerfile)",
      code: 'FROM python:3.11\nCOPY . /app\nCMD ["/start.sh"]\n',
      context: { dockerfilePath: "docker-images/python3.11.dockerfile", dockerfileVariants: ["python3.11-slim.dockerfile"] },
    },
    {
      name: "Dockerfile beside Dockerfile.slim",
      code: 'FROM node:24\nCOPY . .\nCMD ["node", "server.js"]\n',
      context: { dockerfilePath: "Dockerfile", dockerfileVariants: ["Dockerfile.slim"] },
    },
    {
      // The only variant that saves enough is an Alpine JRE, which has neither apt nor bash.
      name: "a JDK stage that installs with apt and starts with bash, when only an Alpine JRE would save",
      code: 'FROM eclipse-temurin:8-jdk\nRUN apt update ; apt install -y sudo\nCOPY app /opt/app\nCMD ["/bin/bash", "/opt/app/start.sh"]\n',
    },
    {
      name: "a JDK stage that starts with bash, when only an Alpine JRE would save",
      code: 'FROM eclipse-temurin:8-jdk\nCOPY app /opt/app\nENTRYPOINT ["bash", "/opt/app/start.sh"]\n',
    },
    {
      // mage-ai: 'curl ... | apt-key add -' before any install; slim has no curl, so the switch breaks the build.
      name: "a RUN uses curl that only the full image ships",
      code: 'FROM python:3.10-bookworm\nRUN curl -fsSL https://example.com/key.asc | apt-key add - && apt-get update && apt-get install -y nfs-common\nCMD ["app"]\n',
    },
    "FROM node:24-slim\n",
    "FROM node:24-alpine\n",
    "FROM golang:1.27\nCOPY app /app\n",
    // Building on a toolchain image needs a multi-stage build, not a variant.
    "FROM node:24\nRUN npm ci && npm run build\n",
    // The apt-based stage cannot move to Alpine, and postgres has no slim variant.
    "FROM postgres:17\nRUN apt-get update && apt-get install -y --no-install-recommends postgresql-17-pgvector\n",
    "FROM node:24@sha256:2f5a0e2e7a3b7b8d8a6c4e9f1b0c3d2e1f0a9b8c7d6e5f4a3b2c1d0e9f8a7b6c\n",
    "FROM node:18\n",
    "FROM node:24 AS build\nFROM build\n",
    "FROM ghcr.io/acme/app:1\n",
    "FROM ubuntu:24.04\n",
  ],
});

describe("final-stage-heavy-base: variants of another distribution", () => {
  it("offers no Alpine tag to a stage that relies on Debian's userland", () => {
    const code = "FROM eclipse-temurin:21-jdk\nRUN groupadd app && useradd -g app app\nCOPY app.jar /app.jar\n";
    const titles = findingsOf(rule, code).flatMap((f) => f.suggestions.map((s) => s.title));
    assert.ok(titles.length > 0);
    assert.deepStrictEqual(
      titles.filter((t) => t.includes("alpine")),
      [],
    );
  });
});
