import * as assert from "assert";
import { parseDockerfile } from "../../../server/src/model/parse";
import { applyEdits } from "../../../server/src/model/text";
import { rule } from "../../../server/src/rules/layer-source-before-deps";
import { FiresCase, findingsOf, testRule } from "../../support/rule-tester";

const fires: FiresCase[] = [
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
];

testRule(rule, {
  fires,
  silent: [
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
      name: "uv: dependencies installed from bind-mounted manifests with --no-install-project, then the project",
      code: "FROM python:3.12-slim\nWORKDIR /app\nRUN --mount=type=cache,target=/root/.cache/uv --mount=type=bind,source=uv.lock,target=uv.lock --mount=type=bind,source=pyproject.toml,target=pyproject.toml uv sync --locked --no-install-project\nCOPY . /app\nRUN uv sync --locked\n",
    },
    {
      name: "cargo fetch with cache mounts on the registry: a rerun downloads nothing",
      code: "FROM rust:1-alpine AS build\nCOPY . /app\nWORKDIR /app\nRUN --mount=type=cache,target=/root/.cargo/registry/cache --mount=type=cache,target=/root/.cargo/git/db cargo fetch\n",
    },
    "FROM node:20\nWORKDIR /app\nCOPY package.json package-lock.json ./\nRUN npm ci\nCOPY . .\nRUN npm run build\n",
    { name: "manifests copied by wildcard", code: "FROM node:20\nWORKDIR /app\nCOPY package*.json ./\nCOPY . .\nRUN npm ci\n" },
    {
      name: "requirements copied to another folder first",
      code: "FROM python:3.12\nCOPY requirements.txt /tmp/\nCOPY . /app\nRUN pip install -r /tmp/requirements.txt\n",
    },
    {
      name: "requirements folder copied first",
      code: "FROM python:3.12\nWORKDIR /app\nCOPY requirements/ requirements/\nCOPY . .\nRUN pip install -r requirements/prod.txt\n",
    },
    { name: "named packages do not depend on the sources", code: "FROM python:3.12\nCOPY . /app\nRUN pip install --upgrade pip gunicorn\n" },
    { name: "pip install . builds the project itself", code: "FROM python:3.12\nWORKDIR /app\nCOPY . .\nRUN pip install .\n" },
    { name: "global installs", code: "FROM node:20\nCOPY . /app\nRUN npm install -g serve\n" },
    { name: "builds are not dependency installs", code: "FROM golang:1.22\nWORKDIR /src\nCOPY . .\nRUN go build -o /app .\n" },
    { name: "a copy of single files is not broad", code: "FROM node:20\nWORKDIR /app\nCOPY src ./src\nRUN npm ci\n" },
    { name: "COPY --from is not the build context", code: "FROM node:20\nWORKDIR /app\nCOPY --from=sources . .\nRUN npm ci\n" },
    { name: "the broad copy of another stage", code: "FROM node:20 AS src\nCOPY . /app\nFROM node:20\nWORKDIR /app\nRUN npm ci\n" },
    { name: "ONBUILD triggers run in another build", code: "FROM node:20\nONBUILD COPY . /app\nONBUILD RUN npm ci\n" },
  ],
});

describe("layer-source-before-deps: fixes", () => {
  for (const c of fires.filter((f) => typeof f.output === "string")) {
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
  });
});
