import * as assert from "assert";
import { rule } from "../../../server/src/rules/final-stage-dev-dependencies";
import type { BuildContextFacts } from "../../../server/src/model/context";
import { findingsOf, testRule } from "../../support/rule-tester";

/** An Express app started through nps and nodemon with ts-node (a dependency), its types devDependencies (held-out BI). */
const TS_NODE_PROJECT = {
  rootEntries: ["package.json", "yarn.lock", "tsconfig.json", "nodemon.json", "package-scripts.js", "src/"],
  files: {
    "package.json":
      '{ "scripts": { "start": "nps" }, "dependencies": { "express": "4.0.0", "nodemon": "2.0.0", "nps": "5.0.0", "ts-node": "10.0.0", "typescript": "5.0.0" }, "devDependencies": { "@types/express": "4.0.0", "@types/node": "20.0.0", "jest": "29.0.0" } }',
  },
};

/**
 * Pezzo's layout (held-out BD): the image installs its ClickHouse migrations' sub-project, whose
 * only devDependency is ts-node, and compose runs them with a command of its own in `workingDir`.
 */
function clickhouseMigrations(workingDir: string): BuildContextFacts {
  return {
    files: {
      "package.json": '{ "dependencies": { "express": "^4.17.1" } }',
      "clickhouse/package.json": '{ "dependencies": { "knex": "^3.1.0" }, "devDependencies": { "ts-node": "^10.9.2" } }',
    },
    composeServices: [
      {
        file: "docker-compose.infra.yaml",
        builds: true,
        image: null,
        user: null,
        mounts: [],
        entrypoint: ["/bin/sh"],
        command: ["-c", "./migrate.sh"],
        workingDir,
      },
    ],
  };
}

const UV_DEV_GROUP = {
  files: { "pyproject.toml": '[project]\nname = "exporter"\ndependencies = ["httpx"]\n\n[dependency-groups]\ndev = ["mypy", "pytest"]\n' },
};

testRule(rule, {
  fires: [
    {
      // smart-on-fhir/smart-launcher-v2 (held-out BQ): a plain npm ci in the build stage, node_modules copied whole.
      name: "node_modules copied from a build stage whose install kept the dev dependencies",
      code: 'FROM node:22 AS build\nWORKDIR /app\nCOPY package.json package-lock.json ./\nRUN npm ci\nCOPY . .\nRUN npm run build\nFROM node:22-alpine\nWORKDIR /app\nCOPY --from=build /app/node_modules ./node_modules\nCOPY --from=build /app/build ./build\nCMD ["node", "build/server.js"]\n',
      context: { files: { "package.json": '{"dependencies":{"express":"^4"},"devDependencies":{"mocha":"^10","nodemon":"^3"}}' } },
      messageId: "copiedDevDependencies",
      line: 9,
      token: "/app/node_modules",
      data: { stage: "build", remedy: "'npm prune --omit=dev'" },
    },
    {
      // Held-out CR, MatchZy Auto Tournament: one install stage feeds the build stage and the final image.
      name: "node_modules of an install stage a build stage also copies: the prune goes in a new stage",
      code: 'FROM node:20-slim AS deps\nWORKDIR /app\nCOPY package.json yarn.lock ./\nRUN yarn install --frozen-lockfile\nFROM node:20-slim AS build\nWORKDIR /app\nCOPY --from=deps /app/node_modules ./node_modules\nCOPY . .\nRUN yarn build\nFROM node:20-slim\nWORKDIR /app\nCOPY --from=deps /app/node_modules ./node_modules\nCOPY --from=build /app/dist ./dist\nCMD ["node", "dist/server.js"]\n',
      context: { files: { "package.json": '{"dependencies":{"express":"^4"},"devDependencies":{"typescript":"^5","vite":"^5"}}' } },
      messageId: "copiedDevDependenciesShared",
      line: 12,
      token: "/app/node_modules",
      data: { stage: "deps", remedy: "'yarn install --production'" },
    },
    {
      name: "a stage built on the install stage builds with its modules too",
      code: 'FROM node:22 AS deps\nWORKDIR /app\nCOPY package.json package-lock.json ./\nRUN npm ci\nFROM deps AS build\nCOPY . .\nRUN npm run build\nFROM node:22-alpine\nWORKDIR /app\nCOPY --from=deps /app/node_modules ./node_modules\nCOPY --from=build /app/dist ./dist\nCMD ["node", "dist/server.js"]\n',
      context: { files: { "package.json": '{"dependencies":{"express":"^4"},"devDependencies":{"typescript":"^5"}}' } },
      messageId: "copiedDevDependenciesShared",
      line: 10,
      token: "/app/node_modules",
      data: { stage: "deps", remedy: "'npm prune --omit=dev'" },
    },
    {
      // jambonz/sbc-inbound (held-out BS): the whole app folder, node_modules inside, copied from the build stage.
      name: "the folder a build stage's install filled, copied whole into the final image",
      code: 'FROM node:24-alpine AS base\nWORKDIR /opt/app/\nFROM base AS build\nCOPY package.json package-lock.json ./\nRUN npm ci\nCOPY . .\nFROM base\nCOPY --from=build /opt/app /opt/app/\nCMD [ "node", "app.js" ]\n',
      context: {
        files: { "package.json": '{"scripts":{"start":"node app"},"dependencies":{"drachtio-srf":"^5"},"devDependencies":{"eslint":"^8","tape":"^5"}}' },
      },
      messageId: "copiedDevDependencies",
      line: 8,
      token: "/opt/app",
      data: { stage: "build", remedy: "'npm prune --omit=dev'" },
    },
    {
      name: "a compose service with its own command in the folder the image starts in: the image's own install, still judged",
      code: 'FROM node:22-slim\nWORKDIR /app\nCOPY package*.json ./\nRUN npm i --omit=dev\nCOPY . .\nCOPY ./clickhouse ./clickhouse\nRUN cd clickhouse && npm i\nWORKDIR /app/clickhouse\nENTRYPOINT ["node", "main.js"]\n',
      context: clickhouseMigrations("/app/clickhouse"),
      messageId: "devDependencies",
      line: 7,
    },
    {
      name: "the start's code loads only runtime dependencies: the devDependencies are not needed",
      code: 'FROM node:22-slim\nWORKDIR /usr/src/app\nCOPY package.json .\nRUN npm install\nEXPOSE 8080\nCMD [ "npm", "start" ]\nCOPY . .\n',
      context: {
        files: {
          "package.json":
            '{ "scripts": { "start": "node server.js" }, "dependencies": { "express": "^4.17.1" }, "devDependencies": { "body-parser": "^1.19.0", "eslint": "^8.0.0" } }',
          "server.js": "const express = require('express');\nconst app = express();\napp.listen(8080);\n",
        },
      },
      messageId: "devDependencies",
    },
    {
      name: "an entry script with no command that runs the project's checks",
      code: 'FROM python:3.12-alpine\nWORKDIR /app\nCOPY ./requirements.txt ./dev-requirements.txt /app/\nRUN pip install --no-cache-dir -r requirements.txt && pip install --no-cache-dir -r dev-requirements.txt\nCOPY . /app\nENTRYPOINT ["/usr/bin/dumb-init", "/app/docker-entrypoint.sh"]\nCMD ["server"]\n',
      context: { files: { "docker-entrypoint.sh": '#!/bin/sh\ncase "$1" in\n  server)\n    exec gunicorn app.wsgi\n    ;;\nesac\n' } },
      messageId: "devDependencies",
    },
    {
      // Held-out AP, alephdata/memorious: pytest and sphinx in a published crawler base image.
      name: "pip installs the project with its dev extra: the other extras stay",
      code: 'FROM python:3.12-slim\nCOPY . /memorious\nRUN pip3 install -q --no-cache-dir -e /memorious[dev,ocr]\nCMD ["memorious"]\n',
      messageId: "devExtras",
      line: 3,
      data: { spec: "/memorious[dev,ocr]", extras: "'dev' extra", shipped: "final image", without: "/memorious[ocr]" },
    },
    {
      name: "quoted, with only development extras: the plain project is left",
      code: 'FROM python:3.12-slim\nWORKDIR /app\nCOPY . .\nRUN pip install ".[test,lint]"\nCMD ["app"]\n',
      messageId: "devExtras",
      data: { spec: ".[test,lint]", extras: "'test' and 'lint' extras", shipped: "final image", without: "." },
    },
    {
      name: "a package binary run before the install in the same RUN feeds nothing it installs",
      code: 'FROM node:22-slim\nWORKDIR /app\nCOPY package.json package-lock.json ./\nRUN npx only-allow npm && npm install\nCOPY . .\nCMD ["node", "server.js"]\n',
      context: { files: { "package.json": '{ "dependencies": { "fastify": "4.0.0" }, "devDependencies": { "eslint": "9.0.0" } }' } },
      messageId: "devDependencies",
      line: 4,
    },
    {
      name: "a task runner's task not named for a build ('task lint') is no build",
      code: 'FROM node:22-slim\nWORKDIR /app\nCOPY package.json package-lock.json ./\nRUN npm install\nCOPY . .\nRUN task lint\nCMD ["node", "server.js"]\n',
      context: { files: { "package.json": '{ "dependencies": { "fastify": "4.0.0" }, "devDependencies": { "eslint": "9.0.0" } }' } },
      messageId: "devDependencies",
      line: 4,
    },
    {
      name: "package.json with an optional runtime dependency beside its devDependencies",
      code: 'FROM node:22-slim\nWORKDIR /app\nCOPY package.json package-lock.json ./\nRUN npm install\nCOPY . .\nCMD ["node", "server.js"]\n',
      context: { files: { "package.json": '{ "optionalDependencies": { "bufferutil": "4.0.0" }, "devDependencies": { "eslint": "9.0.0" } }' } },
      messageId: "devDependencies",
      line: 4,
    },
    {
      name: "composer.json lists dev requirements only for Symfony Flex to merge: they install without a lock",
      code: 'FROM php:8.4-fpm\nCOPY . /srv/app\nWORKDIR /srv/app\nRUN composer install --no-interaction\nCMD ["php-fpm"]\n',
      context: { files: { "composer.json": '{"require": {"symfony/flex": "^2"}, "require-dev": {}, "flex-require-dev": {"symfony/maker-bundle": "^1.0"}}' } },
      messageId: "devDependencies",
      line: 4,
    },
    {
      name: "composer.json without require-dev, but the lock beside it locks dev packages",
      code: 'FROM php:8.4-fpm\nCOPY composer.json composer.lock ./\nRUN composer install --no-interaction\nCMD ["php-fpm"]\n',
      context: {
        files: {
          "composer.json": '{"require": {"monolog/monolog": "^3"}}',
          "composer.lock": '{"packages": [{"name": "monolog/monolog"}], "packages-dev": [{"name": "phpunit/phpunit"}]}',
        },
      },
      messageId: "devDependencies",
      line: 3,
    },
    {
      name: "Yarn 2+ (a .yarnrc.yml at the root) has no --production flag: the remedy is workspaces focus, with no suggestion",
      code: 'FROM node:20-alpine\nWORKDIR /srv\nCOPY package.json yarn.lock .yarnrc.yml ./\nCOPY .yarn ./.yarn\nRUN yarn install --immutable\nCOPY dist ./dist\nCMD ["node", "dist/main.js"]\n',
      context: {
        rootEntries: ["package.json", "yarn.lock", ".yarnrc.yml", ".yarn/"],
        files: { "package.json": '{ "dependencies": { "fastify": "4.0.0" }, "devDependencies": { "vitest": "1.0.0" } }' },
      },
      messageId: "devDependencies",
      data: { shipped: "final image", command: "yarn install", ecosystem: "JavaScript", remedy: "'yarn workspaces focus --all --production'" },
      output: null,
    },
    {
      name: "the install scripts and the start use only programs of dependencies: the dev tools stay unused",
      code: 'FROM node:22-alpine\nWORKDIR /srv\nCOPY package.json package-lock.json ./\nRUN npm ci\nCOPY . .\nCMD ["npm", "start"]\n',
      context: {
        files: {
          "package.json":
            '{ "scripts": { "postinstall": "prisma generate", "start": "node server.js" }, "dependencies": { "prisma": "5.0.0", "express": "5.0.0" }, "devDependencies": { "eslint": "9.0.0" } }',
        },
      },
      messageId: "devDependencies",
      line: 4,
    },
    {
      name: "the sub-folder manifest the install reads has devDependencies, though the root one has none",
      code: 'FROM node:24-slim\nWORKDIR /app\nCOPY . .\nRUN cd web && npm install\nCMD ["node", "web/server.js"]\n',
      context: {
        files: {
          "package.json": '{ "name": "root", "private": true }',
          "web/package.json": '{ "name": "web", "dependencies": { "express": "5.0.0" }, "devDependencies": { "mocha": "11.0.0" } }',
        },
      },
      messageId: "devDependencies",
      line: 4,
      token: "npm install",
    },
    {
      name: "npm install with a lockfile: the lightbulb offers npm ci --omit=dev",
      code: 'FROM node:24-slim\nCOPY package.json package-lock.json ./\nRUN npm install\nCMD ["node", "server.js"]\n',
      context: { rootEntries: ["package.json", "package-lock.json"] },
      messageId: "devDependencies",
      line: 3,
      output: 'FROM node:24-slim\nCOPY package.json package-lock.json ./\nRUN npm ci --omit=dev\nCMD ["node", "server.js"]\n',
    },
    {
      // Held-out BW, Zotero's translation server: 'npm ci' there fails, no lockfile is in the image yet.
      name: "npm install before the lockfile is copied: the remedy keeps npm install and adds --omit=dev",
      code: 'FROM node:lts\nWORKDIR /app\nCOPY ./package.json /app/package.json\nRUN npm install\nCOPY . /app\nCMD ["npm", "start"]\n',
      context: { rootEntries: ["package.json", "package-lock.json", "src/"] },
      messageId: "devDependencies",
      line: 4,
      data: { shipped: "final image", command: "npm install", ecosystem: "JavaScript", remedy: "'npm install --omit=dev'" },
      output: 'FROM node:lts\nWORKDIR /app\nCOPY ./package.json /app/package.json\nRUN npm install --omit=dev\nCOPY . /app\nCMD ["npm", "start"]\n',
    },
    {
      name: "npm install after the whole context, which holds a lockfile: npm ci --omit=dev",
      code: 'FROM node:24-slim\nWORKDIR /app\nCOPY . .\nRUN npm install\nCMD ["node", "server.js"]\n',
      context: { rootEntries: ["package.json", "package-lock.json", "server.js"] },
      messageId: "devDependencies",
      line: 4,
      data: { shipped: "final image", command: "npm install", ecosystem: "JavaScript", remedy: "'npm ci --omit=dev'" },
      output: 'FROM node:24-slim\nWORKDIR /app\nCOPY . .\nRUN npm ci --omit=dev\nCMD ["node", "server.js"]\n',
    },
    {
      name: "COMPOSER_NO_DEV=0 keeps the development packages",
      code: 'FROM php:8.4-fpm\nENV COMPOSER_NO_DEV=0\nCOPY composer.json composer.lock ./\nRUN composer install --no-interaction\nCMD ["php-fpm"]\n',
      messageId: "devDependencies",
      line: 4,
      token: "composer install",
    },
    {
      name: "composer install without --no-dev",
      code: 'FROM php:8.4-fpm\nCOPY composer.json composer.lock ./\nRUN composer install --no-interaction\nCMD ["php-fpm"]\n',
      messageId: "devDependencies",
      line: 3,
      token: "composer install",
      data: { shipped: "final image", command: "composer install", ecosystem: "PHP", remedy: "'composer install --no-dev'" },
      output: 'FROM php:8.4-fpm\nCOPY composer.json composer.lock ./\nRUN composer install --no-dev --no-interaction\nCMD ["php-fpm"]\n',
    },
    {
      code: 'FROM node:24-slim\nCOPY package*.json ./\nRUN npm ci\nCOPY . .\nCMD ["node", "server.js"]\n',
      messageId: "devDependencies",
      line: 3,
      token: "npm ci",
      data: { shipped: "final image", command: "npm ci", ecosystem: "JavaScript", remedy: "'npm ci --omit=dev'" },
      output: 'FROM node:24-slim\nCOPY package*.json ./\nRUN npm ci --omit=dev\nCOPY . .\nCMD ["node", "server.js"]\n',
    },
    {
      // npm 6 (node images before 15) ignores '--omit=dev': its flag is '--production'.
      name: "an install on a node image that bundles npm 6 gets npm 6's production flag",
      code: 'FROM node:12\nCOPY package*.json ./\nRUN npm ci\nCOPY . .\nCMD ["node", "server.js"]\n',
      messageId: "devDependencies",
      line: 3,
      token: "npm ci",
      data: { shipped: "final image", command: "npm ci", ecosystem: "JavaScript", remedy: "'npm ci --production'" },
      output: 'FROM node:12\nCOPY package*.json ./\nRUN npm ci --production\nCOPY . .\nCMD ["node", "server.js"]\n',
    },
    {
      name: "deprecated --production on an old node image whose npm the file upgrades",
      code: "FROM node:14-alpine\nRUN npm install -g npm@8\nRUN npm install --production\n",
      messageId: "deprecatedFlag",
      line: 3,
      token: "--production",
      output: "FROM node:14-alpine\nRUN npm install -g npm@8\nRUN npm install --omit=dev\n",
    },
    {
      // The types ts-node checks against stay out only when it transpiles without checking.
      name: "ts-node in the dependencies told to transpile only: the @types devDependencies are not needed at start",
      code: "FROM node:22-alpine\nWORKDIR /usr/src/app\nENV TS_NODE_TRANSPILE_ONLY=true\nCOPY . /usr/src/app\nRUN yarn install\nCMD npm start serve\n",
      context: TS_NODE_PROJECT,
      messageId: "devDependencies",
      line: 5,
    },
    {
      // smart-launcher-v2 (held-out BQ): `ts-node --transpile-only` reads no @types package.
      name: "ts-node in the dependencies started with --transpile-only: the @types devDependencies are not needed at start",
      code: 'FROM node:22-alpine\nWORKDIR /usr/src/app\nCOPY . /usr/src/app\nRUN yarn install\nCMD ["node_modules/.bin/ts-node", "--transpile-only", "src/index.ts"]\n',
      context: TS_NODE_PROJECT,
      messageId: "devDependencies",
      line: 4,
    },
    {
      name: "ts-node in the dependencies, but the start runs a JavaScript file of the context",
      code: 'FROM node:22-alpine\nWORKDIR /usr/src/app\nCOPY . /usr/src/app\nRUN yarn install\nCMD ["node", "dist/app.js"]\n',
      context: TS_NODE_PROJECT,
      messageId: "devDependencies",
      line: 4,
    },
    {
      name: "deprecated --only=production is rewritten",
      code: "FROM node:24-slim\nRUN npm ci --only=production\n",
      messageId: "deprecatedFlag",
      line: 2,
      token: "--only=production",
      data: { flag: "--only=production" },
      output: "FROM node:24-slim\nRUN npm ci --omit=dev\n",
    },
    {
      name: "deprecated --production",
      code: "FROM node:24-slim\nRUN npm install --production\n",
      messageId: "deprecatedFlag",
      line: 2,
      token: "--production",
      output: "FROM node:24-slim\nRUN npm install --omit=dev\n",
    },
    {
      name: "deprecated flag in an exec-form RUN is rewritten as a JSON string",
      code: 'FROM node:24-slim\nRUN ["npm", "ci", "--only", "prod"]\n',
      messageId: "deprecatedFlag",
      token: '"--only", "prod"',
      output: 'FROM node:24-slim\nRUN ["npm", "ci", "--omit=dev"]\n',
    },
    {
      name: "deprecated --only prod in two words",
      code: "FROM node:24-slim\nRUN npm ci --only prod\n",
      messageId: "deprecatedFlag",
      token: "--only prod",
      output: "FROM node:24-slim\nRUN npm ci --omit=dev\n",
    },
    {
      name: "bun without --production",
      code: "FROM oven/bun:1.2\nRUN bun install --frozen-lockfile\n",
      messageId: "devDependencies",
      line: 2,
      token: "bun install",
      data: { shipped: "final image", command: "bun install", ecosystem: "JavaScript", remedy: "'bun install --production'" },
    },
    {
      name: "yarn without --production",
      code: "FROM node:24-alpine\nRUN yarn install --frozen-lockfile\n",
      messageId: "devDependencies",
      line: 2,
      token: "yarn install",
    },
    {
      name: "pip dev requirements",
      code: "FROM python:3.13-slim\nRUN pip install --no-cache-dir -r requirements-dev.txt\n",
      messageId: "devDependencies",
      line: 2,
      token: "pip install",
      data: { shipped: "final image", command: "pip install", ecosystem: "Python", remedy: "only the runtime requirements file" },
    },
    {
      name: "poetry default groups",
      code: "FROM python:3.13-slim\nRUN poetry install --no-root\n",
      messageId: "devDependencies",
      line: 2,
      token: "poetry install",
    },
    { name: "NODE_ENV set to development", code: "FROM node:24-slim\nENV NODE_ENV=development\nRUN npm ci\n", messageId: "devDependencies", line: 3 },
    {
      name: "installed in the stage the final builds on",
      code: 'FROM node:24-slim AS base\nRUN npm ci\nFROM base\nCMD ["node", "index.js"]\n',
      messageId: "devDependencies",
      line: 2,
    },
    {
      name: "a later step that only runs the app, not a package script",
      code: 'FROM node:24-slim AS assets\nRUN echo assets\nFROM node:24-slim\nCOPY . .\nRUN npm ci\nRUN node scripts/check-env.js\nCMD ["node", "index.js"]\n',
      messageId: "devDependencies",
      line: 5,
    },
    {
      name: "a stage named for its builder still ships what it installs",
      code: 'FROM node:24-slim AS builder\nRUN npm ci\nFROM builder AS runtime\nCMD ["node", "index.js"]\n',
      messageId: "devDependencies",
      line: 2,
    },
    {
      name: "uv sync whose options variable keeps the default groups",
      code: 'FROM python:3.13-slim\nARG UV_OPTIONS="--frozen --no-install-project"\nRUN uv sync $UV_OPTIONS\n',
      messageId: "devDependencies",
      line: 3,
    },
    {
      name: "uv run at start syncs the dev group again: the remedy is UV_NO_DEV",
      code: 'FROM python:3.12-slim\nWORKDIR /app\nCOPY . .\nRUN uv sync --all-extras\nCMD ["sh", "-c", "uv run app --port $PORT"]\n',
      messageId: "devDependenciesUvRun",
      line: 4,
      token: "uv sync",
      data: { command: "uv sync" },
      output: 'FROM python:3.12-slim\nWORKDIR /app\nCOPY . .\nENV UV_NO_DEV=1\nRUN uv sync --all-extras\nCMD ["sh", "-c", "uv run app --port $PORT"]\n',
    },
    {
      name: "uv run in exec form",
      code: 'FROM python:3.12-slim\nRUN uv sync --frozen\nENTRYPOINT ["uv", "run", "app"]\n',
      messageId: "devDependenciesUvRun",
      line: 2,
    },
    {
      name: "uv run --no-dev at start: 'uv sync --no-dev' is the whole remedy",
      code: 'FROM python:3.12-slim\nRUN uv sync --frozen\nCMD ["uv", "run", "--no-dev", "app"]\n',
      messageId: "devDependencies",
      line: 2,
      data: { shipped: "final image", command: "uv sync", ecosystem: "Python", remedy: "'uv sync --no-dev'" },
    },
    {
      name: "uv run --no-sync at start",
      code: "FROM python:3.12-slim\nRUN uv sync --frozen\nCMD uv run --no-sync app\n",
      messageId: "devDependencies",
      line: 2,
    },
    {
      name: "UV_NO_SYNC in the image's environment",
      code: 'FROM python:3.12-slim\nENV UV_NO_SYNC=1\nRUN uv sync --frozen\nCMD ["uv", "run", "app"]\n',
      messageId: "devDependencies",
      line: 3,
    },
    {
      name: "uv sync where the copied pyproject.toml declares a dev group",
      code: 'FROM python:3.12-slim\nCOPY pyproject.toml uv.lock ./\nRUN uv sync --frozen --extra cpu\nCMD ["python", "-m", "app"]\n',
      context: { files: { "pyproject.toml": '[project]\nname = "app"\ndependencies = ["fastapi"]\n\n[dependency-groups]\ndev = ["pytest"]\n' } },
      messageId: "devDependencies",
      line: 3,
    },
    {
      name: "uv sync where pyproject.toml makes another group a default one",
      code: 'FROM python:3.12-slim\nCOPY pyproject.toml uv.lock ./\nRUN uv sync --frozen\nCMD ["python", "-m", "app"]\n',
      context: { files: { "pyproject.toml": '[project]\nname = "app"\n\n[dependency-groups]\nlint = ["ruff"]\n\n[tool.uv]\ndefault-groups = ["lint"]\n' } },
      messageId: "devDependencies",
      line: 3,
    },
    {
      name: "uv sync of a pyproject.toml from a sub-folder: the root's, though read, is not the one installed",
      code: 'FROM python:3.12-slim\nCOPY services/api/pyproject.toml ./\nRUN uv sync\nCMD ["python", "-m", "app"]\n',
      context: { files: { "pyproject.toml": '[project]\nname = "root"\n' } },
      messageId: "devDependencies",
      line: 3,
    },
    {
      name: "poetry install where the pyproject.toml declares a test group",
      code: 'FROM python:3.12-slim\nCOPY . .\nRUN poetry install\nCMD ["python", "-m", "app"]\n',
      context: { files: { "pyproject.toml": '[tool.poetry]\nname = "app"\n\n[tool.poetry.group.test.dependencies]\npytest = "^8"\n' } },
      messageId: "devDependencies",
      line: 3,
    },
    {
      name: "Poetry pinned before 1.2 (no --only): the remedy is --no-dev",
      code: 'FROM python:3.10\nWORKDIR /srv\nRUN pip3 install "poetry==1.1.13"\nCOPY pyproject.toml poetry.lock ./\nRUN poetry install --no-root\nCOPY . .\nCMD ["python", "main.py"]\n',
      messageId: "devDependencies",
      line: 5,
      data: { shipped: "final image", command: "poetry install", ecosystem: "Python", remedy: "'poetry install --no-dev'" },
      output:
        'FROM python:3.10\nWORKDIR /srv\nRUN pip3 install "poetry==1.1.13"\nCOPY pyproject.toml poetry.lock ./\nRUN poetry install --no-dev --no-root\nCOPY . .\nCMD ["python", "main.py"]\n',
    },
    {
      name: "Poetry's installer told an old version through POETRY_VERSION",
      code: 'FROM python:3.9-slim\nARG POETRY_VERSION=1.0.10\nRUN curl -sSL https://install.python-poetry.org | python3 -\nCOPY . .\nRUN poetry install\nCMD ["python", "-m", "svc"]\n',
      messageId: "devDependencies",
      line: 5,
      data: { shipped: "final image", command: "poetry install", ecosystem: "Python", remedy: "'poetry install --no-dev'" },
    },
    {
      name: "Poetry pinned through a variable at a version with groups keeps --only main",
      code: 'FROM python:3.12-slim\nENV POETRY_VERSION=1.8.3\nRUN pip install poetry==$POETRY_VERSION\nCOPY . .\nRUN poetry install\nCMD ["python", "-m", "svc"]\n',
      messageId: "devDependencies",
      line: 5,
      data: { shipped: "final image", command: "poetry install", ecosystem: "Python", remedy: "'poetry install --only main'" },
    },
    {
      name: "a dev install in a branch the default build takes (ARG WITH_TOOLS=1)",
      code: 'FROM python:3.12-slim\nARG WITH_TOOLS=1\nCOPY . .\nRUN pip install -r requirements.txt\nRUN if [ "$WITH_TOOLS" = 1 ]; then pip install -r requirements-dev.txt; fi\nCMD ["python", "app.py"]\n',
      messageId: "devDependencies",
      line: 5,
    },
    {
      name: "a dev install after the fi of a chained opt-in branch: a plain build runs it",
      code: 'FROM python:3.12-slim\nARG WITH_DOCS=false\nCOPY . .\nRUN pip install -r requirements.txt && if [ "$WITH_DOCS" = "true" ]; then pip install sphinx; fi \\\n    && pip install -r requirements-dev.txt\nCMD ["python", "app.py"]\n',
      messageId: "devDependencies",
      line: 5,
    },
    {
      name: "a dev install in the branch an integer test takes by default (ARG editable=1, -eq 1)",
      code: 'FROM python:3.12-slim\nARG editable=1\nCOPY . .\nRUN if [ "$editable" -eq 1 ]; then pip install -r requirements-dev.txt; fi\nCMD ["python", "app.py"]\n',
      messageId: "devDependencies",
      line: 4,
    },
    {
      name: "uv sync of a bind-mounted pyproject.toml that declares a dev group",
      code: 'FROM python:3.12-slim\nWORKDIR /srv\nRUN --mount=type=bind,source=pyproject.toml,target=pyproject.toml --mount=type=bind,source=uv.lock,target=uv.lock uv sync --locked --no-install-project\nCOPY . .\nCMD ["python", "-m", "svc"]\n',
      context: { files: { "pyproject.toml": '[project]\nname = "svc"\n\n[dependency-groups]\ndev = ["ruff"]\n' } },
      messageId: "devDependencies",
      line: 3,
    },
    {
      // rknightion/meraki-dashboard-exporter (held-out CM): the builder's plain uv sync, its .venv copied into the runtime stage.
      name: "a uv environment copied from a builder whose sync kept the dev group",
      code: 'FROM python:3.14-slim AS builder\nWORKDIR /app\nENV UV_PROJECT_ENVIRONMENT=/app/.venv\nCOPY pyproject.toml uv.lock ./\nRUN uv sync --frozen --no-install-project\nFROM python:3.14-slim\nWORKDIR /app\nCOPY --from=builder /app/.venv /app/.venv\nENV PATH="/app/.venv/bin:$PATH"\nCMD ["python", "-m", "exporter"]\n',
      context: UV_DEV_GROUP,
      messageId: "copiedUvDevDependencies",
      line: 8,
      token: "/app/.venv",
      data: { stage: "builder" },
      output:
        'FROM python:3.14-slim AS builder\nWORKDIR /app\nENV UV_PROJECT_ENVIRONMENT=/app/.venv\nCOPY pyproject.toml uv.lock ./\nRUN uv sync --no-dev --frozen --no-install-project\nFROM python:3.14-slim\nWORKDIR /app\nCOPY --from=builder /app/.venv /app/.venv\nENV PATH="/app/.venv/bin:$PATH"\nCMD ["python", "-m", "exporter"]\n',
    },
    {
      name: "the project folder a builder's uv sync filled, copied whole, its .venv inside",
      code: 'FROM python:3.12 AS build\nWORKDIR /srv/app\nRUN --mount=type=bind,source=pyproject.toml,target=pyproject.toml --mount=type=bind,source=uv.lock,target=uv.lock uv sync --locked\nCOPY . .\nFROM python:3.12-slim\nCOPY --from=build /srv/app /srv/app\nCMD ["/srv/app/.venv/bin/python", "-m", "exporter"]\n',
      context: UV_DEV_GROUP,
      messageId: "copiedUvDevDependencies",
      line: 6,
      token: "/srv/app",
    },
    {
      // nodemailer/wildduck-webmail (held-out CM): the copy's source is written with a variable of the final stage.
      name: "node_modules copied from a builder through a variable the copy's stage sets",
      code: 'FROM alpine:3.22 AS builder\nENV APP_PATH /app\nWORKDIR ${APP_PATH}\nCOPY . .\nRUN apk add --no-cache nodejs npm\nRUN npm install && npm run bowerdeps\nFROM alpine:3.22 AS app\nRUN apk add --no-cache nodejs\nENV APP_PATH /app\nWORKDIR ${APP_PATH}\nCOPY --from=builder ${APP_PATH}/ ${APP_PATH}/\nENTRYPOINT ["node", "server.js"]\n',
      context: {
        files: {
          "package.json":
            '{"scripts":{"bowerdeps":"bower install","start":"node server.js"},"dependencies":{"express":"^4"},"devDependencies":{"bower":"^1","grunt":"^1"}}',
        },
      },
      messageId: "copiedDevDependencies",
      line: 11,
      token: "${APP_PATH}/",
      data: { stage: "builder", remedy: "'npm prune --omit=dev'" },
    },
  ],
  silent: [
    {
      // Held-out CT, Sequencescape: the entry script compose starts runs Rails' asset build (vite_ruby) at every start.
      name: "an install in an image whose start runs Rails' asset build, which runs the JavaScript one",
      code: "FROM ruby:3.4-slim\nWORKDIR /code\nADD . /code/\nRUN bundle install\nRUN yarn --install\n",
      context: {
        composeServices: [{ file: "docker-compose.yml", builds: true, image: null, user: null, mounts: [], entrypoint: ["bash", "-c", "./entrypoint.sh"] }],
        files: {
          "entrypoint.sh": "#!/bin/bash\nset -e\nbundle exec rails assets:precompile\nexec bundle exec rails s -b 0.0.0.0\n",
          "package.json": '{"dependencies":{"@hotwired/stimulus":"^3"},"devDependencies":{"vite":"^5","vite-plugin-ruby":"^5"}}',
        },
      },
    },
    {
      // Held-out CS, Lingva Translate: the start bakes NEXT_PUBLIC_* variables in with `yarn build`, which needs typescript.
      name: "node_modules copied whole into an image whose start runs the project's build",
      code: "FROM node:lts-alpine AS deps\nWORKDIR /app\nCOPY package.json yarn.lock ./\nRUN yarn install --frozen-lockfile\nFROM node:lts-alpine\nWORKDIR /app\nCOPY . .\nCOPY --from=deps /app/node_modules ./node_modules\nCMD NEXT_PUBLIC_SITE_DOMAIN=$site_domain yarn build && yarn start\n",
      context: {
        files: {
          "package.json":
            '{"scripts":{"build":"next build","start":"next start"},"dependencies":{"next":"^14","react":"^18"},"devDependencies":{"typescript":"^5","@types/react":"^18"}}',
        },
      },
    },
    {
      // Scale3-Labs/langtrace (held-out CO): `sh -c "bash entrypoint.sh"` runs `npx prisma migrate deploy`; prisma is a devDependency.
      name: "node_modules copied whole, where the entry script a shell command runs needs a dev tool",
      code: 'FROM node:22 AS builder\nWORKDIR /app\nCOPY . .\nRUN npm install\nRUN npm run build\nFROM node:22\nWORKDIR /app\nCOPY --from=builder /app/node_modules ./node_modules\nCOPY ./entrypoint.sh /app/entrypoint.sh\nCMD [ "/bin/sh", "-c", "bash entrypoint.sh" ]\n',
      context: {
        files: {
          "package.json":
            '{"scripts":{"build":"prisma generate && next build","start":"next start"},"dependencies":{"next":"^14"},"devDependencies":{"prisma":"^5"}}',
          "entrypoint.sh": "#!/bin/bash\nset -e\nnpx prisma migrate deploy\nnpm start\n",
        },
      },
    },
    {
      // notum-cz/strapi-next-monorepo-starter (held-out BR): the prune is there, commented out.
      name: "the build stage's prune commented out: the author chose to keep the dev dependencies",
      code: 'FROM node:24-alpine AS builder\nWORKDIR /app\nCOPY . .\nRUN pnpm install --frozen-lockfile\nRUN pnpm run build\n# Remove devDependencies after build to reduce image size\n# RUN pnpm prune --prod\nFROM node:24-alpine\nWORKDIR /app\nCOPY --from=builder /app /app\nCMD ["node", "server.js"]\n',
      context: {
        files: { "package.json": '{"scripts":{"build":"strapi build"},"dependencies":{"@strapi/strapi":"^5"},"devDependencies":{"typescript":"^5"}}' },
      },
    },
    {
      name: "a build output folder copied from the stage, not the folder the install ran in",
      code: 'FROM node:24-alpine AS build\nWORKDIR /opt/app\nCOPY package.json package-lock.json ./\nRUN npm ci\nCOPY . .\nRUN npm run build\nFROM node:24-alpine\nCOPY --from=build /opt/app/dist /opt/app/dist\nCMD [ "node", "/opt/app/dist/app.js" ]\n',
      context: { files: { "package.json": '{"scripts":{"build":"tsc"},"dependencies":{"express":"^4"},"devDependencies":{"typescript":"^5"}}' } },
    },
    {
      name: "the install folder copied whole after the build stage removed its node_modules",
      code: 'FROM node:24-alpine AS build\nWORKDIR /opt/app\nCOPY package.json package-lock.json ./\nRUN npm ci && npm run build && rm -rf node_modules\nFROM node:24-alpine\nCOPY --from=build /opt/app /opt/app\nCMD [ "node", "/opt/app/dist/app.js" ]\n',
      context: { files: { "package.json": '{"scripts":{"build":"tsc"},"dependencies":{"express":"^4"},"devDependencies":{"typescript":"^5"}}' } },
    },
    {
      name: "node_modules copied from a build stage that pruned the dev dependencies, or installed without them",
      code: 'FROM node:22 AS build\nWORKDIR /app\nCOPY package.json package-lock.json ./\nRUN npm ci\nCOPY . .\nRUN npm run build && npm prune --omit=dev\nFROM node:22 AS deps\nWORKDIR /deps\nCOPY package.json package-lock.json ./\nRUN npm ci --omit=dev\nFROM node:22-alpine\nWORKDIR /app\nCOPY --from=build /app/node_modules ./node_modules\nCOPY --from=deps /deps/node_modules ./vendor/node_modules\nCMD ["node", "build/server.js"]\n',
      context: { files: { "package.json": '{"dependencies":{"express":"^4"},"devDependencies":{"mocha":"^10"}}' } },
    },
    {
      name: "node_modules copied in for a start that needs a dev dependency (a dev server)",
      code: 'FROM node:22 AS build\nWORKDIR /app\nCOPY package.json package-lock.json ./\nRUN npm ci\nFROM node:22-alpine\nWORKDIR /app\nCOPY --from=build /app/node_modules ./node_modules\nCOPY . .\nCMD ["npx", "nodemon", "server.js"]\n',
      context: { files: { "package.json": '{"dependencies":{"express":"^4"},"devDependencies":{"nodemon":"^3"}}' } },
    },
    {
      // Held-out BI, express-typescript-boilerplate: judged wrong. nps and nodemon start the sources
      // through ts-node, a dependency, which type-checks them against @types devDependencies.
      name: "the start compiles the TypeScript sources with ts-node against @types devDependencies",
      code: "FROM node:22-alpine\nWORKDIR /usr/src/app\nCOPY . /usr/src/app\nRUN yarn install\nCMD npm start serve\n",
      context: TS_NODE_PROJECT,
    },
    {
      // Held-out BI, cnpmjs.org: judged wrong. npm 6 ignores '--omit=dev' and would install the dev dependencies.
      name: "'--production' on a node image that bundles npm 6, which has no '--omit=dev'",
      code: 'FROM node:12\nWORKDIR /app\nCOPY package.json /app\nRUN npm install --production\nCOPY . /app\nCMD ["node", "dispatch.js"]\n',
    },
    {
      // Held-out BD, pezzolabs/pezzo: compose runs the image's ClickHouse migrations in /app/clickhouse,
      // where knex loads its TypeScript through ts-node, a devDependency (judged wrong).
      name: "an install in a sub-folder that only a compose service's own command works in",
      code: 'FROM node:22-slim\nWORKDIR /app\nCOPY package*.json ./\nRUN npm i --omit=dev\nCOPY . .\nCOPY ./clickhouse ./clickhouse\nRUN cd clickhouse && npm i\nENTRYPOINT ["node", "main.js"]\n',
      context: clickhouseMigrations("/app/clickhouse/"),
    },
    {
      // Held-out BB, dockersamples/node-bulletin-board: server.js requires body-parser, a devDependency (judged wrong).
      name: "the file npm start runs with node loads a package listed only under devDependencies",
      code: 'FROM node:22-slim\nWORKDIR /usr/src/app\nCOPY package.json .\nRUN npm install\nEXPOSE 8080\nCMD [ "npm", "start" ]\nCOPY . .\n',
      context: {
        files: {
          "package.json":
            '{ "scripts": { "start": "node server.js" }, "dependencies": { "express": "^4.17.1" }, "devDependencies": { "body-parser": "^1.19.0", "eslint": "^8.0.0" } }',
          "server.js": "const express = require('express');\nconst bodyParser = require('body-parser');\nconst app = express();\napp.use(bodyParser.json());\n",
        },
      },
    },
    {
      // Held-out BA, mozilla-services/syncserver: CI runs `docker run app:build test_flake8` in the image.
      name: "an entry script whose commands run the project's checks (flake8, nosetests)",
      code: 'FROM python:3.12-alpine\nWORKDIR /app\nCOPY ./requirements.txt ./dev-requirements.txt /app/\nRUN pip install --no-cache-dir -r requirements.txt && pip install --no-cache-dir -r dev-requirements.txt\nCOPY . /app\nENTRYPOINT ["/usr/bin/dumb-init", "/app/docker-entrypoint.sh"]\nCMD ["server"]\n',
      context: {
        files: {
          "docker-entrypoint.sh":
            '#!/bin/sh\ncase "$1" in\n  server)\n    exec gunicorn app.wsgi\n    ;;\n  test_flake8)\n    flake8 app\n    ;;\n  test_nose)\n    nosetests --verbose app.tests\n    ;;\nesac\n',
        },
      },
    },
    {
      // Held-out BC, MONAI: the published image is the project's test environment.
      name: "an image that copies the project's test suite by name runs it, with the dev requirements",
      code: "FROM nvcr.io/nvidia/pytorch:24.10-py3\nWORKDIR /opt/monai\nCOPY requirements.txt requirements-dev.txt /tmp/\nRUN python -m pip install --no-cache-dir -r /tmp/requirements-dev.txt\nCOPY setup.py setup.cfg runtests.sh ./\nCOPY tests ./tests\nCOPY monai ./monai\nRUN python setup.py develop\n",
    },
    {
      // The entry script's checks are read as a start command's are (stage-purpose's commandRunsTests).
      name: "an entry script whose branches run the tests through python -m pytest or npm test",
      code: 'FROM python:3.12-slim\nWORKDIR /app\nCOPY requirements*.txt /app/\nRUN pip install --no-cache-dir -r requirements.txt -r requirements-dev.txt\nCOPY . /app\nENTRYPOINT ["/app/entrypoint.sh"]\nCMD ["serve"]\n',
      context: {
        files: {
          "entrypoint.sh": '#!/bin/sh\nif [ "$1" = test ]; then\n  exec python -m pytest tests\nfi\nexec gunicorn app.wsgi\n',
        },
      },
    },
    { name: "extras the program uses", code: 'FROM python:3.12-slim\nCOPY . /app\nRUN pip install "/app[postgres,ocr]"\nCMD ["app"]\n' },
    {
      name: "dev extras in a builder stage that is only copied from",
      code: 'FROM python:3.12 AS build\nCOPY . /src\nRUN pip install "/src[test]" && pytest /src\nRUN pip wheel --no-deps -w /wheels /src\nFROM python:3.12-slim\nCOPY --from=build /wheels /wheels\nRUN pip install /wheels/*.whl\nCMD ["app"]\n',
    },
    { name: "a test stage last in the file", code: 'FROM python:3.12-slim AS test\nCOPY . /app\nRUN pip install -e "/app[dev]"\nCMD ["pytest"]\n' },
    {
      name: "package.json has only devDependencies (the asset build's tools): --omit=dev would install nothing",
      code: 'FROM debian:trixie\nWORKDIR /app\nRUN apt-get update && apt-get install -y --no-install-recommends npm\nCOPY package.json package-lock.json ./\nRUN npm install\nCOPY . .\nCMD ["./app"]\n',
      context: {
        files: { "package.json": '{ "scripts": { "tailwindcss": "tailwindcss" }, "devDependencies": { "tailwindcss": "3.4.6", "esbuild": "0.23.1" } }' },
      },
    },
    {
      name: "a later build task of a task runner ('task build') may run the package scripts",
      code: 'FROM node:22-slim\nWORKDIR /app\nCOPY package.json package-lock.json ./\nRUN npm install\nCOPY . .\nRUN task fixperms && task build\nCMD ["task", "serve"]\n',
      context: { files: { "package.json": '{ "dependencies": { "htmx.org": "2.0.0" }, "devDependencies": { "tailwindcss": "3.4.6" } }' } },
    },
    {
      name: "an install script runs a program only a devDependency provides: --omit=dev would fail the install",
      code: 'FROM node:22-alpine\nWORKDIR /srv\nCOPY package.json package-lock.json ./\nRUN npm ci\nCOPY . .\nCMD ["node", "server.js"]\n',
      context: {
        files: {
          "package.json":
            '{ "scripts": { "postinstall": "drizzle-kit generate" }, "dependencies": { "hono": "4.0.0" }, "devDependencies": { "drizzle-kit": "0.30.0" } }',
        },
      },
    },
    {
      name: "prepare runs a package script whose tools are devDependencies (tsc from typescript)",
      code: 'FROM node:22-alpine\nWORKDIR /srv\nCOPY package.json package-lock.json ./\nRUN npm ci\nCOPY . .\nCMD ["node", "dist/index.js"]\n',
      context: {
        files: {
          "package.json":
            '{ "scripts": { "prepare": "npm run compile", "compile": "tsc -p ." }, "dependencies": { "koa": "2.0.0" }, "devDependencies": { "typescript": "5.6.0" } }',
        },
      },
    },
    {
      name: "the container starts a development server (npm run dev behind an entry script)",
      code: 'FROM node:22-alpine\nWORKDIR /web\nCOPY package.json package-lock.json ./\nRUN npm ci\nCOPY . .\nENTRYPOINT ["sh", "/web/start.sh"]\nCMD ["npm", "run", "dev"]\n',
      context: {
        files: {
          "package.json": '{ "scripts": { "dev": "remix dev" }, "dependencies": { "@remix-run/node": "2.0.0" }, "devDependencies": { "vitest": "2.0.0" } }',
        },
      },
    },
    {
      name: "the entry script runs a devDependency's program through npx",
      code: 'FROM node:22-alpine\nWORKDIR /api\nCOPY package.json package-lock.json ./\nRUN npm ci\nCOPY . .\nCOPY boot.sh /\nENTRYPOINT ["/boot.sh"]\nCMD ["node", "main.js"]\n',
      context: {
        files: {
          "package.json": '{ "dependencies": { "@mikro-orm/core": "6.0.0" }, "devDependencies": { "@mikro-orm/cli": "6.0.0", "jest": "29.0.0" } }',
          "boot.sh": '#!/bin/sh\nnpx mikro-orm migration:up\nexec "$@"\n',
        },
      },
    },
    {
      name: "the install's folder is filled from a stage that clones it and the context brings no manifest: the manifest is not the project's",
      code: 'FROM alpine/git:2.45.2 AS src\nARG REPO\nRUN git clone --depth 1 "$REPO" /src/app\nFROM node:22-slim\nENV APP=/opt/app\nCOPY --from=src /src/app $APP\nCOPY docker/app.conf /etc/app.conf\nRUN cd $APP/web && npm install\nCMD ["node", "/opt/app/server.js"]\n',
      context: { rootEntries: ["docker/", "Dockerfile"], files: { "docker/app.conf": "port=80\n" } },
    },
    {
      name: "composer.json declares no require-dev: --no-dev would change nothing",
      code: 'FROM php:8.4-fpm\nCOPY composer.json composer.lock ./\nRUN composer install --no-interaction\nCMD ["php-fpm"]\n',
      context: { files: { "composer.json": '{"require": {"php": "^8.2", "monolog/monolog": "^3"}}' } },
    },
    {
      name: "the composer.json of the folder the install runs in has an empty require-dev",
      code: 'FROM php:8.4-fpm\nCOPY api/ /srv/api/\nWORKDIR /srv/api\nRUN composer install --no-interaction\nCMD ["php-fpm"]\n',
      context: {
        rootEntries: ["api/"],
        files: { "api/composer.json": '{"require": {"slim/slim": "^4"}, "require-dev": {}}', "composer.json": '{"require-dev": {"phpunit/phpunit": "^11"}}' },
      },
    },
    {
      // DVWA: the API's composer.json two folders down declares no require-dev; the root has none.
      name: "a composer install run with `cd` two folders down after a copy of the whole context reads that folder's composer.json",
      code: 'FROM php:8-apache\nWORKDIR /var/www/html\nCOPY . .\nRUN cd /var/www/html/modules/api && composer install\nCMD ["apache2-foreground"]\n',
      context: {
        files: { "modules/api/composer.json": '{"require": {"monolog/monolog": "^3"}}', "modules/api/composer.lock": '{"packages": [], "packages-dev": []}' },
      },
    },
    {
      name: "COMPOSER_NO_DEV set by a build argument: Composer reads it as --no-dev",
      code: 'FROM php:8.4-fpm\nARG COMPOSER_NO_DEV=1\nCOPY composer.json composer.lock ./\nRUN composer install --no-interaction\nCMD ["php-fpm"]\n',
    },
    {
      name: "the install's stage also feeds a builder stage that builds with the dev tools: no flag fits that layout",
      code: 'FROM node:20-alpine AS deps\nWORKDIR /srv\nCOPY package.json package-lock.json ./\nRUN npm ci\n\nFROM deps AS compile\nCOPY src ./src\nRUN npm run build\n\nFROM deps\nCOPY --from=compile /srv/dist ./dist\nCMD ["node", "dist/main.js"]\n',
      context: {
        rootEntries: ["package.json", "package-lock.json"],
        files: { "package.json": '{ "dependencies": { "fastify": "4.0.0" }, "devDependencies": { "typescript": "5.0.0" } }' },
      },
    },
    {
      name: "a dev install in an opt-in branch on a build argument with no default: a variant built on request",
      code: 'FROM python:3.12-slim\nARG DEV_BUILD\nCOPY . .\nRUN pip install -r requirements.txt\nRUN if [ "$DEV_BUILD" = 1 ]; then \\\n    pip install -r requirements-dev.txt; \\\n  fi\nCMD ["python", "app.py"]\n',
    },
    {
      // Held-out CE, pycsw: the opt-in `if` is chained after the main install in the same RUN.
      name: "a dev install in an opt-in branch chained after the main install: a variant built on request",
      code: 'FROM python:3.12-slim\nARG BUILD_DEV_IMAGE="false"\nCOPY requirements.txt requirements-dev.txt ./\nRUN python3 -m venv /venv && /venv/bin/pip3 install -r requirements.txt \\\n    && if [ "$BUILD_DEV_IMAGE" = "true" ] ; then /venv/bin/pip3 install -r requirements-dev.txt; fi\nCOPY . .\nCMD ["/venv/bin/gunicorn", "app:app"]\n',
    },
    {
      // shuup (held-out BM): `ARG editable=0` and an integer test.
      name: "a dev install in an opt-in branch on an integer test against the argument's default",
      code: 'FROM python:3.12-slim\nCOPY . /app\nARG editable=0\nRUN if [ "$editable" -eq 1 ]; then pip3 install -r requirements-tests.txt; else pip3 install shop; fi\nCMD ["python3", "-m", "shop"]\n',
    },
    {
      name: "uv sync of a bind-mounted pyproject.toml whose dev packages are an optional extra: --no-dev changes nothing",
      code: 'FROM python:3.12-slim\nWORKDIR /srv\nRUN --mount=type=cache,target=/root/.cache/uv \\\n    --mount=type=bind,source=pyproject.toml,target=pyproject.toml \\\n    uv sync --locked --no-install-project\nCOPY . .\nCMD ["python", "-m", "svc"]\n',
      context: {
        files: { "pyproject.toml": '[project]\nname = "svc"\ndependencies = ["httpx"]\n\n[project.optional-dependencies]\ndev = ["pytest", "mypy"]\n' },
      },
    },
    {
      name: "the manifest comes with a release archive unpacked in the same RUN: its dev dependencies are unknown",
      code: 'FROM alpine:3.20\nRUN apk add --no-cache nodejs yarn curl && mkdir -p /opt/shop && curl -L https://example.org/shop-2.1.tar.gz | tar xz -C /opt/shop && cd /opt/shop && yarn\nCMD ["node", "/opt/shop/server.js"]\n',
    },
    {
      name: "the manifest of the folder the install runs in declares no devDependencies",
      code: 'FROM node:24-slim\nWORKDIR /app\nCOPY ui/package.json ui/package-lock.json ./ui/\nRUN cd ui && npm ci\nCOPY . .\nCMD ["node", "server.js"]\n',
      context: {
        files: {
          "package.json": '{ "name": "root", "devDependencies": { "eslint": "9.0.0" } }',
          "ui/package.json": '{ "name": "ui", "dependencies": { "htmx.org": "2.0.0" } }',
        },
      },
    },
    "FROM node:24-slim\nRUN npm ci --omit=dev\n",
    {
      name: "UV_NO_DEV keeps the dev group out of the sync and of uv run",
      code: 'FROM python:3.12-slim\nENV UV_NO_DEV=1\nRUN uv sync --frozen\nCMD ["uv", "run", "app"]\n',
    },
    {
      // tiredofit/docker-leantime (held-out AS): Laravel Mix builds the assets right after the install.
      name: "the same RUN runs a package binary after the install",
      code: 'FROM php:8.3-fpm-alpine\nWORKDIR /assets/install\nCOPY . .\nRUN apk add nodejs npm && npm install && npx mix && apk del nodejs npm\nCMD ["php-fpm"]\n',
      context: { files: { "package.json": '{ "dependencies": { "axios": "1.0.0" }, "devDependencies": { "laravel-mix": "6.0.0" } }' } },
    },
    {
      name: "a later step in the same stage runs a package script that needs the dev tools",
      code: 'FROM node:24 AS deps\nRUN echo x\nFROM ruby:3.4\nCOPY package.json yarn.lock ./\nRUN yarn install\nCOPY . /app\nRUN yarn run re:build\nCMD ["bin/start"]\n',
    },
    {
      // Held-out CS, Let's Church (relabel-cv0): tsx reads tsconfig.json, which extends @tsconfig packages listed as devDependencies.
      name: "the start compiles with tsx, whose tsconfig.json extends a package only devDependencies list",
      code: 'FROM node:20-slim\nWORKDIR /app\nCOPY package.json package-lock.json ./\nRUN npm ci\nCOPY . .\nCMD ["npm", "run", "start:worker"]\n',
      context: {
        files: {
          "package.json":
            '{ "scripts": { "start:worker": "NODE_ENV=production tsx src/worker.ts" }, "dependencies": { "tsx": "3.13.0" }, "devDependencies": { "@tsconfig/node20": "20.1.2", "typescript": "5.2.2" } }',
          "tsconfig.json":
            '{\n  // strict\n  "extends": ["@tsconfig/strictest/tsconfig.json", "@tsconfig/node20/tsconfig.json"],\n  "compilerOptions": { "outDir": "dist" }\n}\n',
        },
      },
    },
    {
      // Held-out CS, Let's Church: the server target runs prisma generate (prisma is a devDependency) on base's install.
      name: "a step of a stage built on the install's stage runs a package script that needs the dev tools",
      code: 'FROM node:20-slim AS base\nWORKDIR /app\nCOPY package.json package-lock.json ./\nRUN npm ci\nCOPY . .\nFROM base AS server\nRUN npm run prisma:generate\nCMD ["npm", "run", "start"]\n',
      context: {
        files: {
          "package.json":
            '{ "scripts": { "prisma:generate": "prisma generate", "start": "tsx src/server.ts" }, "dependencies": { "tsx": "4.0.0" }, "devDependencies": { "prisma": "5.0.0" } }',
        },
      },
    },
    {
      name: "the dev install of a development stage that only a test target builds on",
      code: 'FROM python:3.13-slim AS release\nRUN pip install -r requirements.txt\nCMD ["app"]\nFROM release AS development\nRUN pip install -r requirements-dev.txt\nFROM development AS django-unittests\nCMD ["pytest"]\n',
    },
    {
      name: "uv sync without the default groups, through an options variable",
      code: 'FROM python:3.13-slim\nARG UV_OPTIONS="--frozen --no-install-project --no-default-groups"\nARG GROUPS="--group all_ds"\nRUN uv sync $UV_OPTIONS $GROUPS\n',
    },
    {
      // super-linter's dev-dependencies image: package.json lists only dependencies.
      name: "package.json declares no devDependencies",
      code: 'FROM node:24-slim\nCOPY package.json package-lock.json ./\nRUN npm ci\nCMD ["npx", "release-please"]\n',
      context: { files: { "package.json": '{ "name": "tools", "dependencies": { "release-please": "17.0.0" } }' } },
    },
    {
      // A single-stage file that bundles after the install: --omit=dev would break the build; single-stage-build reports it.
      name: "single-stage file that builds with its dev dependencies",
      code: 'FROM node:24\nCOPY . .\nRUN npm install && npm run build\nCMD ["npx", "serve", "dist"]\n',
    },
    {
      name: "an end-to-end test image (by its path) needs its test runner",
      code: 'FROM mcr.microsoft.com/playwright:v1.50.0\nCOPY package*.json ./\nRUN npm ci\nCMD ["npx", "playwright", "test"]\n',
      context: { dockerfilePath: "frontend/Dockerfile.e2e" },
    },
    {
      name: "a compose development service that bind-mounts the sources",
      code: 'FROM node:24\nCOPY package*.json ./\nRUN npm ci\nCMD ["npm", "run", "dev"]\n',
      context: { composeSourceMount: true },
    },
    "FROM oven/bun:1.2\nRUN bun install --production --frozen-lockfile\n",
    "FROM oven/bun:1.2\nRUN bun add zod\n",
    "FROM node:24-slim\nENV NODE_ENV=production\nRUN npm ci\n",
    "FROM node:24-slim\nENV NODE_ENV production\nRUN npm ci\n",
    "FROM node:24-slim\nARG NODE_ENV=production\nRUN npm ci\n",
    "FROM node:24-slim\nRUN NODE_ENV=production npm ci\n",
    "FROM node:24-slim\nRUN export NODE_ENV=production && npm ci\n",
    "FROM node:24-slim\nRUN npm ci && npm run build && npm prune --omit=dev\n",
    "FROM node:24-alpine\nRUN yarn install --production --frozen-lockfile\n",
    "FROM node:24-alpine\nRUN yarn --version\n",
    "FROM node:24-slim\nRUN npm install -g pm2\n",
    // Held-out BZ, pelias' API: the build runs the test suite, which needs the dev dependencies.
    'FROM node:22\nWORKDIR /code\nCOPY package.json ./\nRUN npm install\nCOPY . .\nRUN npm test\nCMD ["./bin/start"]\n',
    // npm 8's spelling of -g links the project as a global command; npm ci --omit=dev installed it (held-out BY, cspell-cli).
    "FROM node:22-alpine\nWORKDIR /app\nCOPY package-lock.json package.json index.js ./\nRUN npm ci --omit=dev\nRUN npm install --location=global\n",
    "FROM node:24-slim\nRUN npm install express\n",
    "FROM python:3.13-slim\nRUN pip install -r requirements.txt\n",
    "FROM python:3.13-slim\nRUN poetry install --only main\n",
    // --only-root installs the project's own package and no group (wagtail.org, after --only main --no-root).
    'FROM python:3.13-slim\nCOPY pyproject.toml poetry.lock ./\nRUN poetry install --only main --no-root\nCOPY . .\nRUN poetry install --only-root\nCMD ["gunicorn", "app.wsgi"]\n',
    "FROM python:3.13-slim\nRUN poetry install --without dev\n",
    "FROM python:3.13-slim\nRUN uv sync --frozen --no-dev\n",
    // The front end is built in node and served by nginx: the node stage is not final.
    "FROM node:24 AS web\nRUN npm ci && npm run build\nFROM nginx:1.31-alpine\nCOPY --from=web /app/dist /usr/share/nginx/html\n",
    // Development targets install dev dependencies on purpose.
    "FROM node:24-slim AS dev\nRUN npm ci\n",
    {
      name: "uv sync of a pyproject.toml with optional extras but no dependency group: --no-dev changes nothing",
      code: 'FROM python:3.10-slim\nCOPY pyproject.toml ./pyproject.toml\nRUN uv venv && uv sync --extra cpu --no-cache\nCOPY api ./api\nCMD ["uv", "run", "python", "-m", "api"]\n',
      context: {
        files: {
          "pyproject.toml":
            '[project]\nname = "tts"\ndependencies = ["fastapi"]\n\n[project.optional-dependencies]\ncpu = ["torch"]\ntest = ["pytest"]\n\n[tool.uv]\nconflicts = []\n',
        },
      },
    },
    {
      // mozilla-services/tecken (held-out AS): the test tools are main dependencies; ipython is opt-in.
      name: "uv sync of a pyproject.toml whose only dependency group is not dev: no default group to leave out",
      code: 'FROM python:3.11-slim\nWORKDIR /app\nRUN --mount=type=bind,source=uv.lock,target=uv.lock --mount=type=bind,source=pyproject.toml,target=pyproject.toml uv sync --locked\nCMD ["gunicorn", "app"]\n',
      context: {
        files: {
          "pyproject.toml": '[project]\nname = "tecken"\ndependencies = ["django", "pytest"]\n\n[dependency-groups]\ndevcontainer = [\n    "ipython",\n]\n',
        },
      },
    },
    {
      // mozilla/remote-settings (held-out CB) and the tuned polar: the dev group left out by name.
      name: "uv sync --no-group dev in the builder whose environment is copied",
      code: 'FROM python:3.14 AS compile\nWORKDIR /opt\nCOPY ./uv.lock ./pyproject.toml ./\nRUN uv sync --frozen --no-install-project --no-group dev --no-group docs\nFROM python:3.14-slim\nCOPY --from=compile /opt/.venv /opt/.venv\nCMD ["/opt/.venv/bin/granian", "app"]\n',
      context: UV_DEV_GROUP,
    },
    {
      name: "uv sync --only-group of another group, in the final stage",
      code: 'FROM python:3.12-slim\nCOPY pyproject.toml uv.lock ./\nRUN uv sync --frozen --only-group=runtime\nCMD ["python", "-m", "app"]\n',
      context: UV_DEV_GROUP,
    },
    {
      name: "a copied uv environment whose pyproject.toml was not read",
      code: 'FROM python:3.12 AS builder\nWORKDIR /app\nCOPY pyproject.toml uv.lock ./\nRUN uv sync --frozen\nFROM python:3.12-slim\nCOPY --from=builder /app/.venv /app/.venv\nCMD ["/app/.venv/bin/python", "-m", "app"]\n',
    },
    {
      name: "a copied uv environment synced again without the dev group after the builder's tests",
      code: 'FROM python:3.12 AS builder\nWORKDIR /app\nCOPY . .\nRUN uv sync --frozen\nRUN uv run pytest\nRUN uv sync --frozen --no-dev\nFROM python:3.12-slim\nCOPY --from=builder /app/.venv /app/.venv\nCMD ["/app/.venv/bin/python", "-m", "app"]\n',
      context: UV_DEV_GROUP,
    },
    {
      name: "a copied uv environment where the project folder is chosen by --directory",
      code: 'FROM python:3.12 AS builder\nWORKDIR /app\nCOPY . .\nRUN uv sync --frozen --directory services/api\nFROM python:3.12-slim\nCOPY --from=builder /app/.venv /app/.venv\nCMD ["/app/.venv/bin/python", "-m", "app"]\n',
      context: UV_DEV_GROUP,
    },
    {
      name: "poetry install of a project with no dependency group",
      code: 'FROM python:3.12-slim\nWORKDIR /app\nCOPY . .\nRUN poetry install\nCMD ["python", "-m", "app"]\n',
      context: { files: { "pyproject.toml": '[tool.poetry]\nname = "app"\n\n[tool.poetry.dependencies]\npython = "^3.12"\n' } },
    },
  ],
});

describe("final-stage-dev-dependencies: the project's development extras", () => {
  it("suggests the install without them, keeping the others and the quotes", () => {
    const [finding] = findingsOf(rule, 'FROM python:3.12-slim\nCOPY . /app\nRUN pip install -e "/app[docs,s3,test]"\nCMD ["app"]\n');
    assert.deepStrictEqual(
      finding.suggestions.map((f) => f.edits[0].newText),
      ['"/app[s3]"'],
    );
  });
});

describe("final-stage-dev-dependencies: a run-time compiler's tsconfig.json", () => {
  const code = 'FROM node:20-slim\nWORKDIR /app\nCOPY package.json package-lock.json ./\nRUN npm ci\nCOPY . .\nCMD ["npx", "tsx", "src/worker.ts"]\n';
  const manifest = '{ "dependencies": { "tsx": "3.13.0" }, "devDependencies": { "@tsconfig/node20": "20.1.2", "vitest": "1.0.0" } }';
  const messageIds = (tsconfig: string) => findingsOf(rule, code, { files: { "package.json": manifest, "tsconfig.json": tsconfig } }).map((f) => f.messageId);

  it("keeps the dev dependencies only where the config extends one of them", () => {
    assert.deepStrictEqual(messageIds('{ "extends": "@tsconfig/node20/tsconfig.json" }'), []);
    assert.deepStrictEqual(messageIds('{ "extends": "./tsconfig.base.json" }'), ["devDependencies"]);
    assert.deepStrictEqual(messageIds('{ "compilerOptions": { "strict": true } }'), ["devDependencies"]);
  });
});
