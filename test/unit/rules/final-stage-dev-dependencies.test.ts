import { rule } from "../../../server/src/rules/final-stage-dev-dependencies";
import { testRule } from "../../support/rule-tester";

testRule(rule, {
  fires: [
    {
      code: "FROM node:24-slim\nCOPY package*.json ./\nRUN npm ci\nCOPY . .\nCMD [\"node\", \"server.js\"]\n",
      messageId: "devDependencies",
      line: 3,
      token: "npm ci",
      data: { command: "npm ci", ecosystem: "JavaScript", remedy: "'npm ci --omit=dev'" },
      output: null,
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
    { name: "deprecated --production", code: "FROM node:24-slim\nRUN npm install --production\n", messageId: "deprecatedFlag", line: 2, token: "--production", output: "FROM node:24-slim\nRUN npm install --omit=dev\n" },
    {
      name: "deprecated flag in an exec-form RUN is rewritten as a JSON string",
      code: 'FROM node:24-slim\nRUN ["npm", "ci", "--only", "prod"]\n',
      messageId: "deprecatedFlag",
      token: '"--only", "prod"',
      output: 'FROM node:24-slim\nRUN ["npm", "ci", "--omit=dev"]\n',
    },
    { name: "deprecated --only prod in two words", code: "FROM node:24-slim\nRUN npm ci --only prod\n", messageId: "deprecatedFlag", token: "--only prod", output: "FROM node:24-slim\nRUN npm ci --omit=dev\n" },
    { name: "bun without --production", code: "FROM oven/bun:1.2\nRUN bun install --frozen-lockfile\n", messageId: "devDependencies", line: 2, token: "bun install", data: { command: "bun install", ecosystem: "JavaScript", remedy: "'bun install --production'" } },
    { name: "yarn without --production", code: "FROM node:24-alpine\nRUN yarn install --frozen-lockfile\n", messageId: "devDependencies", line: 2, token: "yarn install" },
    { name: "pip dev requirements", code: "FROM python:3.13-slim\nRUN pip install --no-cache-dir -r requirements-dev.txt\n", messageId: "devDependencies", line: 2, token: "pip install", data: { command: "pip install", ecosystem: "Python", remedy: "only the runtime requirements file" } },
    { name: "poetry default groups", code: "FROM python:3.13-slim\nRUN poetry install --no-root\n", messageId: "devDependencies", line: 2, token: "poetry install" },
    { name: "NODE_ENV set to development", code: "FROM node:24-slim\nENV NODE_ENV=development\nRUN npm ci\n", messageId: "devDependencies", line: 3 },
    { name: "installed in the stage the final builds on", code: "FROM node:24-slim AS base\nRUN npm ci\nFROM base\nCMD [\"node\", \"index.js\"]\n", messageId: "devDependencies", line: 2 },
  ],
  silent: [
    "FROM node:24-slim\nRUN npm ci --omit=dev\n",
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
    "FROM node:24-slim\nRUN npm install express\n",
    "FROM python:3.13-slim\nRUN pip install -r requirements.txt\n",
    "FROM python:3.13-slim\nRUN poetry install --only main\n",
    "FROM python:3.13-slim\nRUN poetry install --without dev\n",
    "FROM python:3.13-slim\nRUN uv sync --frozen --no-dev\n",
    // The front end is built in node and served by nginx: the node stage is not final.
    "FROM node:24 AS web\nRUN npm ci && npm run build\nFROM nginx:1.31-alpine\nCOPY --from=web /app/dist /usr/share/nginx/html\n",
    // Development targets install dev dependencies on purpose.
    "FROM node:24-slim AS dev\nRUN npm ci\n",
  ],
});
