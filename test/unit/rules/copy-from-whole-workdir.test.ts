import { rule } from "../../../server/src/rules/copy-from-whole-workdir";
import { testRule } from "../../support/rule-tester";

const BUILD = "FROM node:20 AS build\nWORKDIR /app\nCOPY . .\nRUN npm ci && npm run build\n";

/** A server image whose entry script, copied from the context, runs `script`; the context's root holds the sources. */
function startedBy(script: string) {
  return {
    code: `${BUILD}FROM node:20-slim\nWORKDIR /app\nCOPY --from=build /app /app\nCOPY docker/entrypoint.sh /entrypoint.sh\nENTRYPOINT ["/entrypoint.sh"]\n`,
    context: { rootEntries: ["ace", "app/", "database/", "docker/", "package.json", "scripts/"], files: { "docker/entrypoint.sh": `#!/bin/sh\n${script}` } },
  };
}

testRule(rule, {
  fires: [
    {
      name: "an entry script that runs only the build's output",
      ...startedBy("exec node build/server.js\n"),
      messageId: "wholeWorkdir",
      line: 7,
    },
    {
      name: "the whole WORKDIR into the final stage",
      code: `${BUILD}FROM node:20-slim\nCOPY --from=build /app /app\nCMD ["node", "/app/dist/server.js"]\n`,
      messageId: "wholeWorkdir",
      line: 6,
      token: "/app",
      data: { path: "/app", stage: "build" },
      output: null,
    },
    {
      name: "into '.' with a trailing slash",
      code: `${BUILD}FROM node:20-slim\nWORKDIR /srv\nCOPY --from=build /app/ .\n`,
      messageId: "wholeWorkdir",
      line: 7,
      token: "/app/",
    },
    {
      name: "a parent of the directory",
      code: "FROM golang:1.22 AS builder\nWORKDIR /go/src/example.com/app/\nCOPY . .\nRUN go build -o app .\nFROM gcr.io/distroless/static-debian12\nCOPY --from=builder /go/src/example.com /src\n",
      messageId: "holdsWorkdir",
      token: "/go/src/example.com",
      data: { path: "/go/src/example.com", workdir: "/go/src/example.com/app", stage: "builder" },
    },
    {
      name: "context copied to an absolute path, WORKDIR set after",
      code: "FROM gcc:14 AS build-env\nCOPY . /app\nWORKDIR /app\nRUN cc hello.c -o hello\nFROM gcr.io/distroless/cc-debian12\nCOPY --from=build-env /app /app\n",
      messageId: "wholeWorkdir",
      line: 6,
    },
    {
      name: "relative WORKDIRs join",
      code: "FROM python:3.12 AS build\nWORKDIR /srv\nWORKDIR app\nCOPY . .\nRUN pip wheel -w /wheels .\nFROM python:3.12-slim\nCOPY --from=build /srv/app /srv/app\n",
      messageId: "wholeWorkdir",
      token: "/srv/app",
    },
    {
      name: "a source written with the build argument that set the WORKDIR",
      code: "ARG APP_DIR=/opt/app\nFROM python:3.13 AS build\nARG APP_DIR\nWORKDIR ${APP_DIR}\nCOPY . .\nRUN python -m build\nFROM python:3.13-slim\nARG APP_DIR\nCOPY --from=build ${APP_DIR} ${APP_DIR}\n",
      messageId: "wholeWorkdir",
      line: 9,
      token: "${APP_DIR}",
      data: { path: "/opt/app", stage: "build" },
    },
    {
      name: "in a stage the final stage builds on",
      code: `${BUILD}FROM node:20-slim AS runtime\nCOPY --from=build /app /app\nFROM runtime\nUSER node\n`,
      messageId: "wholeWorkdir",
      line: 6,
    },
    {
      name: "interpreted app whose builder installed development dependencies",
      code: "FROM node:22 AS build-env\nCOPY . /app\nWORKDIR /app\nRUN npm ci\nFROM gcr.io/distroless/nodejs22-debian12\nCOPY --from=build-env /app /app\n",
      messageId: "wholeWorkdir",
      line: 6,
    },
    {
      name: "context copied in the builder's parent stage",
      code: "FROM node:20 AS src\nWORKDIR /app\nCOPY . .\nFROM src AS build\nRUN npm run build\nFROM node:20-slim\nCOPY --from=build /app /app\n",
      messageId: "wholeWorkdir",
      line: 7,
    },
    {
      name: "a Python app whose builder also builds wheels (the wheels are the artifact)",
      code: "FROM python:3.12 AS build\nWORKDIR /app\nCOPY . .\nRUN pip install -r requirements.txt && pip wheel -w /wheels .\nFROM python:3.12-slim\nCOPY --from=build /app /app\n",
      messageId: "wholeWorkdir",
    },
    {
      name: "a Rails app that also compiles a Go helper",
      code: "FROM ruby:3.3 AS build\nWORKDIR /rails\nCOPY . .\nRUN bundle install && go build -o bin/helper ./helper\nFROM ruby:3.3-slim\nCOPY --from=build /rails /rails\n",
      messageId: "wholeWorkdir",
    },
    {
      name: "a Node app whose builder installs everything and builds dist/",
      code: "FROM node:20 AS build\nWORKDIR /app\nCOPY . .\nRUN npm ci\nRUN npm run build\nFROM node:20-slim\nCOPY --from=build /app /app\n",
      messageId: "wholeWorkdir",
    },
    {
      name: "dev dependencies pruned after the build, but the sources stay",
      code: 'FROM node:22-alpine AS build\nWORKDIR /srv\nCOPY . .\nRUN pnpm install --frozen-lockfile && pnpm build\nRUN pnpm prune --prod\nFROM node:22-alpine\nCOPY --from=build /srv /srv\nCMD ["node", "/srv/dist/main.js"]\n',
      messageId: "wholeWorkdir",
      line: 7,
    },
    {
      name: "a reinstall that keeps the dev dependencies is no prune, though the sources go",
      code: 'FROM node:22-alpine AS build\nWORKDIR /app\nCOPY . ./\nRUN yarn install && yarn build\nRUN yarn install --ignore-scripts\nRUN rm -rf src\nFROM node:22-alpine\nCOPY --from=build /app /app\nCMD ["yarn", "start"]\n',
      messageId: "wholeWorkdir",
      line: 8,
    },
    {
      name: "sources deleted but dev dependencies kept",
      code: 'FROM node:22-alpine AS build\nWORKDIR /srv\nCOPY . .\nRUN npm ci && npm run build && rm -rf src\nFROM node:22-alpine\nCOPY --from=build /srv /srv\nCMD ["node", "/srv/dist/main.js"]\n',
      messageId: "wholeWorkdir",
      line: 6,
    },
    {
      name: "a compile step after the sources arrive still counts when an earlier one only built dependencies",
      code: "FROM python:3.12 AS build\nRUN pip wheel --wheel-dir /wheels -r /tmp/requirements.txt\nWORKDIR /app\nCOPY . .\nRUN python -m build --wheel\nFROM python:3.12-slim\nCOPY --from=build /app /app\n",
      messageId: "wholeWorkdir",
      line: 7,
    },
    {
      name: "a client sub-project built into the folder but kept, with its dev dependencies",
      code: 'FROM node:22-alpine AS build\nWORKDIR /srv\nCOPY package*.json ./\nRUN npm ci --omit=dev\nCOPY . .\nRUN cd web && npm ci && npm run build && cp -r dist ../static\nFROM node:22-alpine\nCOPY --from=build /srv /srv\nCMD ["node", "/srv/index.js"]\n',
      messageId: "wholeWorkdir",
      line: 8,
    },
    {
      name: "the sub-project folder is removed but the app folder itself got development dependencies",
      code: 'FROM node:22-alpine AS build\nWORKDIR /srv\nCOPY . .\nRUN npm ci\nRUN cd web && npm ci && npm run build && mv dist ../static && cd .. && rm -rf web\nFROM node:22-alpine\nCOPY --from=build /srv /srv\nCMD ["node", "/srv/index.js"]\n',
      messageId: "wholeWorkdir",
      line: 7,
    },
    {
      name: "the final stage builds, but outside the copied folder",
      code: 'FROM gcc:14 AS build\nWORKDIR /src\nCOPY . .\nRUN make\nFROM debian:12\nRUN apt-get update && apt-get install -y build-essential\nCOPY --from=build /src /src\nRUN cd /tmp/helper && ./configure && make\nCMD ["/src/app"]\n',
      messageId: "wholeWorkdir",
      line: 7,
    },
    {
      name: "the final stage runs a script of the folder that builds nothing",
      code: 'FROM gcc:14 AS build\nWORKDIR /src\nCOPY . .\nRUN make\nFROM debian:12\nCOPY --from=build /src /src\nRUN /src/scripts/migrate.sh\nCMD ["/src/app"]\n',
      messageId: "wholeWorkdir",
      line: 6,
    },
    {
      name: "a build in the folder before the copy arrives does not count",
      code: 'FROM gcc:14 AS build\nWORKDIR /src\nCOPY . .\nRUN make\nFROM gcc:14\nWORKDIR /src\nRUN make -v || true\nRUN cc -o /usr/local/bin/tool /tmp/tool.c\nCOPY --from=build /src /src\nCMD ["/src/app"]\n',
      messageId: "wholeWorkdir",
      line: 9,
    },
    {
      name: "copied into '/', where any build would run inside it",
      code: 'FROM gcc:14 AS build\nWORKDIR /src\nCOPY . .\nRUN make\nFROM debian:12\nCOPY --from=build /src /\nRUN cd /tmp/helper && make\nCMD ["/app"]\n',
      messageId: "wholeWorkdir",
      line: 6,
    },
  ],
  silent: [
    {
      // renovate (held-out AV): fetch and install production packages only, over prebuilt dist/.
      name: "a builder that fetches and installs production packages with pnpm, building nothing",
      code: 'FROM node:24-slim AS build\nWORKDIR /usr/local/renovate\nCOPY pnpm-lock.yaml ./\nRUN pnpm fetch --prod --ignore-scripts\nCOPY . ./\nRUN pnpm install --prod --offline --ignore-scripts && pnpm rebuild re2\nFROM node:24-slim\nCOPY --from=build /usr/local/renovate/ /usr/local/renovate/\nCMD ["node", "/usr/local/renovate/dist/renovate.js"]\n',
    },
    {
      // ferdium: the entry script migrates with the framework's console from the source root.
      name: "an entry script that runs the project's sources from the copied folder",
      ...startedBy("set -e\nsh /app/scripts/upgrade.sh\nnode ace migration:run --force\nexec node build/server.js\n"),
    },
    {
      // Held-out CJ, digitransit-ui: `yarn run start` runs `node $NODE_OPTS server/server`, which loads app/ at start.
      name: "a start through the package manager whose script runs a source file after a variable of options",
      code: "FROM node:20-alpine AS builder\nWORKDIR /opt/ui\nCOPY package.json yarn.lock ./\nRUN yarn install --immutable\nCOPY . .\nRUN yarn run build\nFROM node:20-alpine\nWORKDIR /opt/ui\nCOPY --from=builder /opt/ui/ .\nCMD yarn run start\n",
      context: {
        rootEntries: ["package.json", "yarn.lock", "app/", "server/", "static/"],
        files: { "package.json": '{"scripts":{"build":"webpack","start":"NODE_ENV=production node $NODE_OPTS server/server"}}' },
      },
    },
    {
      name: "a plain-JS server with production dependencies whose client sub-project is built, moved in and deleted",
      code: 'FROM node:22-alpine AS build\nWORKDIR /srv\nCOPY package*.json ./\nRUN npm install --omit=dev\nCOPY . .\nRUN mkdir -p static \\\n    && cd web \\\n    && npm install \\\n    && npm run build \\\n    && cd .. \\\n    && mv web/dist/* static/ \\\n    && rm -rf web\nFROM node:22-alpine\nCOPY --from=build /srv /srv\nWORKDIR /srv\nCMD ["node", "index.js"]\n',
    },
    {
      name: "composer install with its dev packages in vendor/: a PHP app is its sources plus vendor/",
      code: "FROM composer:2 AS build\nWORKDIR /app\nCOPY . .\nRUN composer install --prefer-dist\nFROM php:8.4-fpm-alpine\nCOPY --from=build /app /var/www/html\n",
    },
    {
      name: "a Laravel builder that installs vendor/ before the sources arrive (composer.json bind-mounted)",
      code: 'FROM php:8.3-apache AS src\nWORKDIR /var/www\nRUN --mount=type=bind,source=composer.json,target=/var/www/composer.json composer install --no-autoloader\nCOPY . /var/www/\nFROM php:8.3-apache\nCOPY --from=src /var/www /var/www\nCMD ["apache2-foreground"]\n',
    },
    {
      name: "wheels built before the sources arrive, outside the folder: it holds only the sources of a Django app",
      code: 'FROM python:3.12-slim AS builder\nCOPY requirements.txt /tmp\nRUN pip wheel --wheel-dir /wheels -r /tmp/requirements.txt\nCOPY . /opt/app/\nRUN rm -rf /opt/app/.git\nFROM python:3.12-slim\nWORKDIR /opt/app\nRUN --mount=type=bind,target=/wheels,source=/wheels,from=builder pip install --no-cache /wheels/*\nCOPY --from=builder /opt/app/ /opt/app/\nCMD ["uwsgi", "/opt/app/uwsgi.ini"]\n',
    },
    {
      name: "after the build the builder prunes dev dependencies and deletes its sources: the folder is the artifact",
      code: 'FROM node:22-alpine AS build\nWORKDIR /srv\nCOPY . .\nRUN npm ci && npm run build\nRUN npm prune --omit=dev\nRUN rm -rf src tests docs\nFROM node:22-alpine\nCOPY --from=build /srv ./\nCMD ["npm", "start"]\n',
    },
    {
      name: "after the build a production-only reinstall (yarn v1 install --production) drops dev dependencies, and the sources go",
      code: 'FROM node:22-alpine AS build\nWORKDIR /app\nCOPY package.json yarn.lock ./\nRUN yarn install --frozen-lockfile\nCOPY . ./\nRUN yarn build\nRUN yarn install --production --ignore-scripts --prefer-offline\nRUN rm -rf src server .next/cache\nFROM node:22-alpine\nWORKDIR /app\nCOPY --from=build /app ./\nCMD ["yarn", "start"]\n',
    },
    {
      name: "a Rails app: bundle install with development gems and assets:precompile",
      code: 'FROM ruby:3.3 AS build\nWORKDIR /rails\nCOPY . .\nRUN bundle install && bundle exec rake assets:precompile\nFROM ruby:3.3-slim\nCOPY --from=build /rails /rails\nCMD ["bin/rails", "server"]\n',
    },
    {
      name: "a Rails app whose asset build runs npm run build in place",
      code: "FROM ruby:3.3 AS build\nWORKDIR /rails\nCOPY . .\nRUN bundle install && npm ci && npm run build\nFROM ruby:3.3-slim\nCOPY --from=build /rails /rails\n",
    },
    {
      name: "a uv-synced Python app (dependency groups aside)",
      code: "FROM python:3.12 AS build\nWORKDIR /app\nCOPY . .\nRUN uv sync --frozen --no-group dev\nFROM python:3.12-slim\nCOPY --from=build /app /app\n",
    },
    {
      name: "a Python app installing wheels built in another stage",
      code: "FROM python:3.12 AS wheels\nRUN pip wheel -w /wheels lxml\nFROM python:3.12 AS build\nWORKDIR /app\nCOPY --from=wheels /wheels /wheels\nCOPY . .\nRUN pip install --no-index --find-links /wheels -r requirements.txt\nFROM python:3.12-slim\nCOPY --from=build /app /app\n",
    },
    {
      name: "a PHP app installed with composer",
      code: "FROM composer:2 AS build\nWORKDIR /app\nCOPY . .\nRUN composer install --no-dev\nFROM php:8.3-fpm\nCOPY --from=build /app /var/www/html\n",
    },
    `${BUILD}FROM node:20-slim\nCOPY --from=build /app/dist /app/dist\n`,
    { name: "not the final stage", code: `${BUILD}FROM node:20-slim AS extra\nCOPY --from=build /app /app\nFROM node:20-slim\n` },
    { name: "a source whose build argument has no value", code: `${BUILD}FROM node:20-slim\nARG FROM_DIR\nCOPY --from=build \${FROM_DIR} /app\n` },
    // The builder holds nothing but an interpreted app and its runtime dependencies: that is the artifact.
    {
      name: "production-only install, nothing compiled (distroless nodejs example)",
      code: 'FROM node:22 AS build-env\nCOPY . /app\nWORKDIR /app\nRUN npm ci --omit=dev\nFROM gcr.io/distroless/nodejs22-debian12\nCOPY --from=build-env /app /app\nCMD ["hello.js"]\n',
    },
    {
      name: "Rails with BUNDLE_WITHOUT=development (rails new Dockerfile)",
      code: 'FROM ruby:3.3-slim AS base\nWORKDIR /rails\nENV BUNDLE_WITHOUT="development"\nFROM base AS build\nCOPY Gemfile Gemfile.lock ./\nRUN bundle install\nCOPY . .\nRUN ./bin/rails assets:precompile\nFROM base\nCOPY --from=build /rails /rails\n',
    },
    {
      name: "uv sync --no-dev (uv's multi-stage example)",
      code: "FROM ghcr.io/astral-sh/uv:python3.12-bookworm-slim AS builder\nWORKDIR /app\nCOPY . /app\nRUN uv sync --frozen --no-dev\nFROM python:3.12-slim-bookworm\nCOPY --from=builder /app /app\n",
    },
    {
      name: "builder that only received manifests",
      code: "FROM node:20 AS deps\nWORKDIR /app\nCOPY package.json package-lock.json ./\nRUN npm ci --omit=dev\nFROM node:20-slim\nCOPY --from=deps /app /app\n",
    },
    {
      name: "WORKDIR unknown (image default)",
      code: "FROM golang:1.22 AS build\nCOPY . .\nRUN go build -o /out/app .\nFROM alpine:3.20\nCOPY --from=build /go /go\n",
    },
    // The final stage builds from the folder it copied: the folder is that build's input.
    {
      name: "the final stage compiles an extension in a subfolder (perl Makefile.PL && make)",
      code: "FROM ubuntu:22.04 AS builder\nENV SRC=/opt/tool/src\nWORKDIR $SRC\nADD . tool\nRUN git clone --depth 1 https://example.org/ext.git && make -C tool/lib\nFROM ubuntu:22.04\nENV SRC=/opt/tool/src\nCOPY --from=builder $SRC $SRC\nWORKDIR $SRC/ext\nRUN perl Makefile.PL && make && make install\n",
    },
    {
      name: "the final stage cd's into the folder and runs ./configure",
      code: "FROM gcc:14 AS build\nWORKDIR /usr/src/app\nCOPY . .\nRUN ./autogen.sh\nRUN make dist\nFROM debian:12\nCOPY --from=build /usr/src/app /usr/src/app\nRUN cd /usr/src/app && ./configure --prefix=/usr && make install\n",
    },
    {
      name: "the final stage runs the folder's build script and installer",
      code: "FROM ubuntu:22.04 AS builder\nWORKDIR /opt/src\nCOPY . app\nRUN make -C app/native\nFROM ubuntu:22.04\nCOPY --from=builder /opt/src /opt/src\nWORKDIR /opt/src\nRUN app/tools/build_c.sh\nWORKDIR /opt/src/app\nRUN ./INSTALL.pl --auto\n",
    },
    {
      name: "a parent of the folder copied, the project pip-installed from its landing place",
      code: "FROM python:3.12 AS build\nWORKDIR /srv/app\nCOPY . .\nRUN python -m build\nFROM python:3.12-slim\nCOPY --from=build /srv /opt\nRUN pip install /opt/app || true\nWORKDIR /opt/app\nRUN pip install .\n",
    },
    { name: "root is copy-from-root's", code: `${BUILD}FROM node:20-slim\nCOPY --from=build . /app\n` },
    { name: "builder the final stage builds on", code: `${BUILD}FROM build\nCOPY --from=build /app /app\n` },
  ],
});
