import { rule } from "../../../server/src/rules/var-secret";
import * as assert from "assert";
import { findingsOf, testRule } from "../../support/rule-tester";

/** A Node image that sets `env`, copies the project (with its .npmrc) and runs `npm ci`. */
const nodeImageWithEnv = (env: string) => `FROM node:24-slim\nWORKDIR /app\nENV ${env}\nCOPY . .\nRUN npm ci\nCMD ["node", "server.js"]\n`;
/** A project .npmrc that logs in to the registry with ${NPM_TOKEN}. */
const NPMRC_WITH_TOKEN = { files: { ".npmrc": "//registry.npmjs.org/:_authToken=${NPM_TOKEN}\n" } };

testRule(rule, {
  fires: [
    {
      name: "a value naming its own kind with no sibling written the same way is a known weak key",
      code: 'FROM python:3.12-slim\nENV FLASK_APP=app SECRET_KEY=my-secret-key\nCMD ["flask", "run"]\n',
      messageId: "runtime",
      line: 2,
    },
    {
      name: "a self-naming password beside a self-naming user is still a login password",
      code: 'FROM python:3.12-slim\nENV DB_USER=app-user DB_PASSWORD=app-password\nCMD ["app"]\n',
      messageId: "defaultLogin",
      line: 2,
    },
    {
      // Held-out BF, travis-ci/travis-hub: the Sidekiq Pro licence, in the form Bundler reads per gem host.
      name: "Bundler's credentials for a gem host, named after the host",
      code: 'FROM ruby:3.3-slim\nWORKDIR /app\nCOPY Gemfile Gemfile.lock ./\nARG bundle_gems__contribsys__com\nRUN bundle config https://gems.contribsys.com/ $bundle_gems__contribsys__com && bundle install\nCMD ["bin/hub"]\n',
      messageId: "secret",
      data: { keyword: "ARG", name: "bundle_gems__contribsys__com" },
      line: 4,
    },
    {
      // Held-out BF, stephub-io/provider-java-utils: build/settings.xml logs in with ${env.REPO_PASSWORD}.
      name: "an ENV a build step reads through Maven's settings file: the build-secret remedy, not the run-time one",
      code: "FROM maven:3.9-eclipse-temurin-21\nWORKDIR /workspace\nENV REPO_PASSWORD=Xk9mQ2vL7pR4tW8z\nCOPY . ./\nRUN mvn deploy -s build/settings.xml\n",
      context: {
        files: { "build/settings.xml": "<settings><servers><server><id>repo</id><password>${env.REPO_PASSWORD}</password></server></servers></settings>\n" },
      },
      messageId: "secret",
      data: { keyword: "ENV", name: "REPO_PASSWORD" },
      line: 3,
    },
    {
      name: "an ENV npm reads through the project's .npmrc: the build-secret remedy",
      code: nodeImageWithEnv("NPM_TOKEN=npm_0123456789abcdefABCDEF0123456789abcd"),
      context: NPMRC_WITH_TOKEN,
      messageId: "secret",
      data: { keyword: "ENV", name: "NPM_TOKEN" },
      line: 3,
    },
    {
      name: "an ENV the project's .npmrc does not name: read when the container runs",
      code: nodeImageWithEnv("API_TOKEN=tok_0123456789abcdefABCDEF0123456789abcd"),
      context: NPMRC_WITH_TOKEN,
      messageId: "runtime",
      line: 3,
    },
    {
      // Held-out BD, apache/roller: apt-get and wget downloads read no variable they do not name.
      name: "an ARG that feeds an ENV of its name, then only package installs and downloads: one finding, on the ENV",
      code: 'FROM tomcat:9-jdk17-openjdk-slim\nARG DATABASE_JDBC_PASSWORD=tiger\nENV DATABASE_JDBC_PASSWORD ${DATABASE_JDBC_PASSWORD}\nRUN apt-get update && apt-get install -y wget\nRUN wget -O postgresql.jar https://jdbc.postgresql.org/download/postgresql-42.3.1.jar\nCMD ["catalina.sh", "run"]\n',
      messageId: "runtime",
      line: 3,
    },
    {
      // Held-out BC, identity-idp: .gitlab-ci.yml builds the file with the kaniko executor.
      name: "a secret build argument where CI builds with kaniko: the step moves to CI, not to a secret mount",
      code: "FROM ruby:3.3-slim AS builder\nARG LARGE_FILES_TOKEN\nRUN git clone https://ci:$LARGE_FILES_TOKEN@git.example.com/files.git\nFROM ruby:3.3-slim\nCOPY --from=builder /files /app/files\n",
      context: { ciKanikoBuild: true },
      messageId: "kaniko",
      data: { keyword: "ARG", name: "LARGE_FILES_TOKEN" },
      line: 2,
    },
    {
      name: "the same literal credential in a repository not named for a test fixture",
      code: 'FROM debian:bookworm-slim\nENV LDAP_BINDDN="cn=admin,dc=planetexpress,dc=com"\nENV LDAP_SECRET=GoodNewsEveryone\nCMD ["/init"]\n',
      context: { githubRepository: "acme/directory-server" },
      messageId: "runtime",
      line: 3,
    },
    {
      // Held-out BA, docker-test-openldap: the build-secret remedy judged wrong; the value is read at run time.
      name: "an ENV only named in single-quoted text an echo writes to a run-time script: the run-time remedy",
      code: "FROM debian:bookworm-slim\nENV LDAP_SECRET=GoodNewsEveryone\nCMD [\"/init\"]\nRUN echo '#!/bin/sh' > /healthcheck.sh && \\\n    echo 'ldapsearch -H ldap://127.0.0.1:10389 -w \"${LDAP_SECRET}\" >/dev/null 2>&1 || exit 1' >> /healthcheck.sh\n",
      messageId: "runtime",
      line: 2,
    },
    {
      name: "a marked value with digits is no sentinel word",
      code: "FROM debian:bookworm-slim\nENV FTP_PASS **Secret42**\n",
      messageId: "runtime",
      line: 2,
    },
    {
      name: "a single-quoted variable given to sh -c is read by the build's shell",
      code: "FROM debian:bookworm-slim\nENV DEPLOY_TOKEN=9f8e7d6c5b4a39281706\nRUN sh -c 'curl -H \"Authorization: $DEPLOY_TOKEN\" https://example.com/pkg.tgz | tar -xz'\n",
      messageId: "secret",
      line: 2,
    },
    {
      name: "an apt key name whose value is neither a fingerprint nor a key file's URL",
      code: "FROM ubuntu:22.04\nARG APT_KEY_PASSPHRASE=s3cr3tPa55w0rd\nRUN echo $APT_KEY_PASSPHRASE | gpg --batch --passphrase-fd 0 -d key.gpg\n",
      messageId: "secret",
      line: 2,
    },
    {
      name: "an apt key URL that carries a login",
      code: "FROM ubuntu:22.04\nARG APT_KEY_PRIVATE=https://deploy:9f8e7d6c5b4a@repo.example.com/Release.key\nRUN curl -fsSL $APT_KEY_PRIVATE | apt-key add -\n",
      messageId: "secret",
      line: 2,
    },
    {
      name: "a build argument linked into the program and also written to a file",
      code: 'FROM golang:1.23 AS build\nARG REGISTRY_TOKEN\nWORKDIR /src\nCOPY . .\nRUN echo "$REGISTRY_TOKEN" > token.txt && go build -ldflags "-X main.key=${REGISTRY_TOKEN}" -o /app .\nFROM alpine:3.20\nCOPY --from=build /app /app\n',
      messageId: "builder",
      line: 2,
    },
    {
      name: "a build argument a mount reads besides the linker",
      code: 'FROM golang:1.23 AS build\nARG DEPLOY_TOKEN\nWORKDIR /src\nCOPY . .\nRUN --mount=type=secret,id=${DEPLOY_TOKEN} go build -ldflags "-X main.key=${DEPLOY_TOKEN}" -o /app .\nFROM alpine:3.20\nCOPY --from=build /app /app\n',
      messageId: "builder",
      line: 2,
    },
    {
      name: "a scanner of vulnerabilities is no training app: its planted-looking key ships",
      code: "FROM python:3.12-slim\nENV API_TOKEN=9f8e7d6c5b4a39281706f5e4d3c2b1a0\n",
      context: { githubRepository: "acme/vulnerability-scanner" },
      messageId: "runtime",
      line: 2,
    },
    {
      name: "a vendor's token prefix with key material after it",
      code: "FROM ruby:3.3\nENV SLACK_API_TOKEN=xoxb-2913847-9f8e7d6c5b4a\n",
      messageId: "runtime",
      line: 2,
    },
    {
      name: "the same ENV on a project's own base image, which may set the variable",
      code: 'FROM acme/node-base:22\nENV GITHUB_OAUTH_CLIENT_SECRET=${GITHUB_OAUTH_CLIENT_SECRET}\nCMD ["node", "main.js"]\n',
      messageId: "runtime",
      line: 2,
    },
    {
      // The tuned set's whoogle-search: an ARG of the stage with an empty default takes --build-arg.
      name: "an ENV copying an ARG the stage declares with an empty default",
      code: "FROM python:3.12-alpine\nARG password=''\nENV APP_PASS=$password\nCMD [\"app\"]\n",
      messageId: "runtime",
      count: 2,
      line: 3,
    },
    {
      name: "an ENV copying a global ARG the stage declares again: a build argument reaches the image",
      code: 'ARG DB_PASS\nFROM node:22-alpine\nARG DB_PASS\nENV DB_PASS=${DB_PASS}\nCMD ["node", "main.js"]\n',
      messageId: "runtime",
      line: 4,
    },
    {
      name: "a token named for the browser is still a token",
      code: "FROM node:22-alpine\nARG FRONTEND_TOKEN\nRUN npm run build\n",
      messageId: "secret",
      token: "FRONTEND_TOKEN",
    },
    {
      // fast-data-dev: the private archive's password, passed to wget in the build.
      name: "a password shortened to PASS as the name's last part",
      code: 'FROM alpine:3.20 AS fetch\nARG DEVARCH_USER\nARG DEVARCH_PASS\nRUN wget --user="$DEVARCH_USER" --password="$DEVARCH_PASS" https://archive.example.com/kafka.tgz\n',
      messageId: "secret",
      token: "DEVARCH_PASS",
    },
    {
      name: "a field-key name whose value is key material, not a field name",
      code: "FROM alpine:3.20\nENV GCP_JSON_KEY=7f3c9a2e1b5d4c80a6e2f1b3\n",
      messageId: "runtime",
      token: "GCP_JSON_KEY",
    },
    {
      name: "a field-key name as a build argument without a default",
      code: "FROM alpine:3.20\nARG SERVICE_JSON_KEY\n",
      messageId: "secret",
      token: "SERVICE_JSON_KEY",
    },
    {
      name: "a switch-like name whose value is key material",
      code: "FROM alpine:3.20\nENV SIGNING_KEY_NO_ROTATE=9f3a7c1e2b8d4f60\n",
      messageId: "runtime",
      token: "SIGNING_KEY_NO_ROTATE",
    },
    {
      // gpu-jupyter: the server reads JUPYTER_TOKEN when it starts; no build step reads the ARG.
      name: "an ARG that only feeds the run-time ENV of its name: one finding, on the ENV, with the run-time remedy",
      code: 'FROM python:3.12-slim\nARG JUPYTER_TOKEN\nENV JUPYTER_TOKEN=$JUPYTER_TOKEN\nCOPY token_config.py /etc/app/\nRUN cat /etc/app/token_config.py >> /etc/app/config.py\nCMD ["app"]\n',
      messageId: "runtime",
      line: 3,
      token: "JUPYTER_TOKEN",
    },
    {
      name: "an ARG that only feeds the run-time ENV of its name, before a loop that copies files: the loop arranges files too",
      code: 'FROM python:3.12-slim\nARG JUPYTER_TOKEN\nENV JUPYTER_TOKEN=$JUPYTER_TOKEN\nRUN for f in a.py b.py; do cp /src/$f /etc/app/; done\nCMD ["app"]\n',
      messageId: "runtime",
      line: 3,
    },
    {
      name: "an ARG copied into an ENV before a RUN in which no command is read: not known to arrange files only",
      code: 'FROM python:3.12-slim\nARG JUPYTER_TOKEN\nENV JUPYTER_TOKEN=$JUPYTER_TOKEN\nRUN []\nCMD ["app"]\n',
      messageId: "secret",
      line: 2,
      count: 2,
    },
    {
      // Review AL #5: the build fetches with the token, so the ENV's remedy would break the ADD.
      name: "an ARG copied into an ENV that an ADD's URL also reads: the build needs the value",
      code: 'FROM alpine:3.21\nARG GITHUB_TOKEN\nADD https://x-access-token:${GITHUB_TOKEN}@github.com/org/repo.git /src\nENV GITHUB_TOKEN=$GITHUB_TOKEN\nCMD ["/src/run"]\n',
      messageId: "secret",
      line: 2,
      count: 2,
    },
    {
      name: "an ARG copied into an ENV that a LABEL also stores",
      code: 'FROM alpine:3.21\nARG API_TOKEN\nLABEL token=$API_TOKEN\nENV API_TOKEN=$API_TOKEN\nCMD ["/app"]\n',
      messageId: "secret",
      line: 2,
      count: 2,
    },
    {
      name: "an ARG copied into an ENV before an ONBUILD RUN that installs: child builds read the token",
      code: 'FROM node:22-slim\nARG NPM_TOKEN\nENV NPM_TOKEN=$NPM_TOKEN\nWORKDIR /app\nONBUILD COPY . .\nONBUILD RUN npm ci\nCMD ["node", "server.js"]\n',
      messageId: "secret",
      line: 2,
      count: 2,
    },
    {
      name: "an ARG copied into an ENV that a COPY's --chown flag reads",
      code: 'FROM alpine:3.21\nARG DEPLOY_TOKEN\nENV DEPLOY_TOKEN=$DEPLOY_TOKEN\nCOPY --chown=${DEPLOY_TOKEN} app /app\nCMD ["/app/run"]\n',
      messageId: "secret",
      line: 2,
      count: 2,
    },
    {
      name: "an ARG copied into an ENV of its name and, in the same ENV, into another name",
      code: 'FROM python:3.12-slim\nARG JUPYTER_TOKEN\nENV JUPYTER_TOKEN=$JUPYTER_TOKEN SERVER_URL=http://x/?t=${JUPYTER_TOKEN}\nCMD ["app"]\n',
      messageId: "secret",
      line: 2,
      count: 2,
    },
    {
      name: "an ARG copied into an ENV that a file-arranging RUN names in a loop list: the value is read while building",
      code: 'FROM python:3.12-slim\nARG JUPYTER_TOKEN\nENV JUPYTER_TOKEN=$JUPYTER_TOKEN\nRUN for t in $JUPYTER_TOKEN; do echo "$t" > /etc/app/token; done\nCMD ["app"]\n',
      messageId: "secret",
      line: 2,
      count: 2,
    },
    {
      name: "an ARG copied into an ENV before an install, which may read the token from the environment (npm through .npmrc)",
      code: 'FROM node:22-slim\nARG NPM_TOKEN\nENV NPM_TOKEN=$NPM_TOKEN\nCOPY .npmrc package.json package-lock.json ./\nRUN npm ci --omit=dev\nCMD ["node", "server.js"]\n',
      messageId: "secret",
      line: 2,
      count: 2,
    },
    {
      name: "an ARG copied into an ENV that a later RUN names: a build step reads it",
      code: 'FROM alpine:3.20\nARG API_TOKEN\nENV API_TOKEN=$API_TOKEN\nRUN echo "$API_TOKEN" > /etc/app-token\nCMD ["app"]\n',
      messageId: "secret",
      line: 2,
      count: 2,
    },
    {
      name: "an ARG copied into an ENV of a builder stage: the builder's history keeps it, a secret mount is the remedy",
      code: "FROM node:22 AS build\nARG SENTRY_AUTH_TOKEN\nENV SENTRY_AUTH_TOKEN=$SENTRY_AUTH_TOKEN\nRUN cp -r src dist\nFROM nginx:1.27\nCOPY --from=build /dist /usr/share/nginx/html\n",
      messageId: "builder",
      line: 2,
      count: 2,
    },
    {
      name: "an ARG copied into an ENV of another name: the ARG is where the secret is named",
      code: 'FROM python:3.12-slim\nARG JUPYTER_TOKEN\nENV SERVER_CONFIG=$JUPYTER_TOKEN\nCMD ["app"]\n',
      messageId: "secret",
      line: 2,
    },
    {
      name: "an ARG of a base stage and an ENV of the image built on it, where the ARG is out of scope",
      code: 'FROM python:3.12-slim AS base\nARG API_TOKEN\nFROM base\nENV API_TOKEN=$API_TOKEN\nCMD ["app"]\n',
      messageId: "secret",
      line: 2,
      count: 2,
    },
    { code: "FROM alpine:3.20\nARG NPM_TOKEN\n", messageId: "secret", line: 2, token: "NPM_TOKEN", data: { keyword: "ARG", name: "NPM_TOKEN" }, output: null },
    { name: "ENV pairs", code: "FROM scratch\nENV password=bar secret=baz\n", messageId: "runtime", count: 2 },
    {
      name: "an ARG defaulting to an off word still takes its real value from --build-arg",
      code: "FROM alpine:3.20\nARG DB_PASSWORD=disabled\nRUN ./migrate.sh\n",
      messageId: "secret",
      token: "DB_PASSWORD",
    },
    { name: "key material beside an off word", code: "FROM alpine:3.20\nENV DB_PASSWORD=disabled-7f3c9a2e\n", messageId: "runtime", token: "DB_PASSWORD" },
    {
      name: "a secret next to its lifetime",
      code: "FROM debian:12-slim\nENV AUTH_TOKEN=s3cr3t AUTH_TOKEN_TTL=60\n",
      messageId: "runtime",
      token: "AUTH_TOKEN",
    },
    {
      name: "a SvelteKit project's private prefix, and names without its public prefix, stay secret",
      code: "FROM node:22\nARG PRIV_STRIPE_SECRET_KEY\nARG APP_SESSION_SECRET\n",
      context: {
        files: { "svelte.config.js": "const config = { kit: { env: { publicPrefix: 'PUB_', privatePrefix: 'PRIV_' } } };\nexport default config;\n" },
      },
      messageId: "secret",
      count: 2,
    },
    {
      name: "a secret word last, after a commit-like word",
      code: "FROM alpine:3.20\nARG GIT_COMMIT_TOKEN\n",
      messageId: "secret",
      token: "GIT_COMMIT_TOKEN",
    },
    { name: "legacy ENV", code: "FROM scratch\nENV DB_PASSWORD hunter2\n", messageId: "runtime", token: "DB_PASSWORD" },
    {
      // Only a checkout's revision operands say what the value is: a path after `--` and a clone URL do not.
      name: "an ARG git reads as a path or in a URL, not as a revision",
      code: 'FROM alpine:3.20\nARG DEPLOY_KEY\nARG GIT_TOKEN\nRUN git checkout -- "$DEPLOY_KEY" && git clone "https://${GIT_TOKEN}@github.com/x/y" /y\n',
      messageId: "secret",
      count: 2,
    },
    { name: "an ARG with an empty default still takes --build-arg", code: "FROM python:3.12\nARG password=''\n", messageId: "secret" },
    {
      // No build step follows: the ENV stores the value for the container, and is the one finding.
      name: "an ENV copying a secret ARG in the image that runs",
      code: "FROM node:22\nARG SENTRY_AUTH_TOKEN\nENV SENTRY_AUTH_TOKEN=$SENTRY_AUTH_TOKEN\n",
      messageId: "runtime",
      line: 3,
    },
    {
      name: "an ENV copying a build ARG in a builder stage",
      code: "FROM node:22 AS build\nARG SENTRY_AUTH_TOKEN\nENV SENTRY_AUTH_TOKEN=$SENTRY_AUTH_TOKEN\nRUN npm run build\nFROM nginx:1.27\nCOPY --from=build /app/dist /usr/share/nginx/html\n",
      messageId: "builder",
      count: 2,
    },
    {
      name: "a literal ENV in the final image",
      code: 'FROM ruby:3.3 AS base\nENV SECRET_KEY_BASE=0123abcd\nFROM base\nCMD ["rails", "s"]\n',
      messageId: "runtime",
    },
    {
      name: "a test-only file's build argument without a default still expects a real value",
      code: "# This Dockerfile is for testing only.\nFROM debian:12-slim\nARG NPM_TOKEN\nRUN npm ci\n",
      messageId: "secret",
    },
    {
      name: "a literal password in a file that does not say it is for tests only",
      code: "# Test suite runner\nFROM debian:12-slim\nENV DB_PASSWORD password\nCMD tail -f /dev/null\n",
      messageId: "runtime",
    },
    {
      name: "a builder stage's ARG without a default expects a real value from --build-arg",
      code: "FROM node:22 AS build\nARG NPM_TOKEN\nRUN npm ci\nFROM node:22-slim\nCOPY --from=build /app /app\n",
      messageId: "builder",
    },
    {
      name: "a secret a final-image stage stores is reported there, not again in a builder stage",
      code: "FROM node:22 AS base\nARG NX_TOKEN\nRUN corepack enable\nFROM base AS build\nARG NX_TOKEN\nENV NX_TOKEN=$NX_TOKEN\nRUN pnpm build\nFROM base\nCOPY --from=build /app /app\n",
      messageId: "secret",
      line: 2,
      count: 1,
    },
    {
      name: "a captcha's secret key is still a secret, and so is a bare SITE_KEY",
      code: "FROM node:22\nARG RECAPTCHA_SECRET_KEY\nARG SITE_KEY\n",
      messageId: "secret",
      count: 2,
    },
    {
      name: "a browser variable that only embeds the name in a longer value does not make it public",
      code: "FROM node:22\nARG API_TOKEN\nENV VITE_FEED_URL=https://feed.example.com/?t=$API_TOKEN\n",
      messageId: "secret",
      token: "API_TOKEN",
    },
    { name: "a GPG passphrase is a secret", code: "FROM debian:12-slim\nENV GPG_PASSPHRASE_KEY=hunter2\n", messageId: "runtime" },
    { name: "a GPG-named key that is not a fingerprint", code: "FROM debian:12-slim\nENV GPG_KEY=c2VjcmV0LWtleS1ibG9i\n", messageId: "runtime" },
    { name: "a signing key that is not a fingerprint", code: "FROM debian:12-slim\nENV RELEASE_SIGNING_KEY=c2VjcmV0LWtleS1ibG9i\n", messageId: "runtime" },
    {
      name: "a URL that carries a credential: user info, a query, a webhook's token segment",
      code: "FROM debian:12-slim\nENV GIT_AUTH=https://ci:hunter2@git.example.com SLACK_TOKEN=https://hooks.slack.com/services/T0001/B0001/abcdefghijklmnopqrstuvwx\nARG API_KEY=https://api.example.com/?key=abc\n",
      messageId: "secret",
      count: 3,
    },
    { name: "a hex key without the 0x of a key ID", code: "FROM debian:12-slim\nENV API_KEY=F7529FAE24811A5C0DF3CA741596BBF0726835D8\n", messageId: "runtime" },
    {
      name: "a known default password ships: set it at run time",
      code: "FROM postgres:16\nENV POSTGRES_PASSWORD=changeme\n",
      messageId: "default",
      data: { name: "POSTGRES_PASSWORD", value: "changeme" },
    },
    {
      name: "a login password that is an environment's name is still a known default login",
      code: "FROM mariadb:11.8\nENV MARIADB_PASSWORD=test\n",
      messageId: "runtime",
      data: { name: "MARIADB_PASSWORD" },
    },
    {
      name: "an environment's name as the whole value of a key whose feature runs is a known weak key that ships",
      code: "FROM python:3.13-slim\nENV SECRET_KEY=dev API_TOKEN=test STUB_SECRET=local\n",
      messageId: "runtime",
      count: 3,
    },
    {
      name: "an environment's name beside a switch that turns another feature off still ships",
      code: "FROM php:8.4-fpm\nENV PROFILER_ENABLED=0 APP_SECRET=dev\n",
      messageId: "runtime",
      data: { name: "APP_SECRET" },
    },
    {
      name: "an environment's name beside its feature's switch turned on still ships",
      code: "FROM php:8.4-fpm\nENV PROFILER_ENABLED=1 PROFILER_HTTP_KEY=dev\n",
      messageId: "runtime",
      data: { name: "PROFILER_HTTP_KEY" },
    },
    {
      name: "an environment's name inside a longer value is a known default that ships",
      code: "FROM node:22-alpine\nENV JWT_SECRET=jwt-secret-dev SESSION_KEY=dev-session-key\n",
      messageId: "runtime",
      count: 2,
    },
    {
      name: "an ARG defaulting to an environment's name still takes --build-arg",
      code: "FROM alpine:3.20\nARG DEPLOY_TOKEN=dev\nRUN fetch-release --token $DEPLOY_TOKEN\n",
      messageId: "secret",
    },
    {
      name: "an ARG defaulting to a change-me value still takes --build-arg",
      code: "FROM alpine:3.20\nARG ADMIN_PASSWORD=change_me\nRUN echo $ADMIN_PASSWORD | setup-admin\n",
      messageId: "secret",
    },
    {
      name: "a default word next to key material is a real key",
      code: "FROM python:3.12-slim\nENV APP_SECRET_KEY=default-9f8e7d6c5b4a\n",
      messageId: "runtime",
    },
    {
      name: "a real-looking value inside sentinel marks is still a value",
      code: 'FROM alpine:3.20\nENV ADMIN_TOKEN="**s3cr3t-admin**"\n',
      messageId: "runtime",
    },
    {
      name: "a comment above that only describes the key",
      code: 'FROM alpine:3.20\n# The key for the geo database download\nARG GEO_LICENSE_KEY="bGljZW5zZS1rZXktdmFsdWU="\nRUN echo $GEO_LICENSE_KEY > /etc/geo.key\n',
      messageId: "secret",
      line: 3,
    },
    {
      name: "a literal ENV a later build step reads keeps the secret-mount remedy",
      code: "FROM node:22-slim\nENV NPM_TOKEN=npm_5f2c9a81d7e3\nRUN echo //registry.npmjs.org/:_authToken=${NPM_TOKEN} > .npmrc && npm ci\n",
      messageId: "secret",
      data: { keyword: "ENV", name: "NPM_TOKEN" },
    },
    {
      name: "an app's fixed login password the app reads at run time: pass it when the container starts",
      code: 'FROM node:22-alpine AS build\nWORKDIR /srv\nCOPY . .\nRUN npm ci --omit=dev\nFROM node:22-alpine\nCOPY --from=build /srv /srv\nENV NODE_ENV=production\nENV LOGIN_PASSWORD=panel_pass\nCMD ["node", "/srv/index.js"]\n',
      messageId: "runtime",
      line: 8,
      data: { name: "LOGIN_PASSWORD" },
    },
    {
      name: "a key only a builder stage declares is kept in the builder's history, not in the shipped image",
      code: 'FROM ruby:3.3 AS build\nARG MAPS_LICENSE_KEY\nRUN curl -u "me:${MAPS_LICENSE_KEY}" -o /data/db.tgz https://maps.example.com/db\nFROM ruby:3.3-slim\nCOPY --from=build /data /data\n',
      messageId: "builder",
      line: 2,
      data: { keyword: "ARG", name: "MAPS_LICENSE_KEY" },
    },
    {
      name: "BuildKit's cases, but an empty ENV",
      code: "FROM scratch\nARG SECRET_PASSPHRASE\nENV SUPER_Secret=foo\nENV password=bar secret=baz\nARG super_duper_secret_token=foo auth=bar\nENV apikey=bar sunflower=foo\n",
      messageId: "secret",
      count: 7,
    },
    {
      name: "a literal broker password beside the literal user of the same login: a default account, reported quietly",
      code: 'FROM eclipse-temurin:21-jre\nENV QUEUE_USER=queue\nENV QUEUE_PASSWORD=queue\nENTRYPOINT ["/run-broker.sh"]\n',
      messageId: "defaultLogin",
      line: 3,
      token: "QUEUE_PASSWORD",
      data: { name: "QUEUE_PASSWORD" },
    },
    {
      name: "a superuser pair set in one ENV",
      code: "FROM python:3.12-slim\nENV APP_ADMIN_USERNAME=admin \\\n    APP_ADMIN_PASSWORD=letmein\n",
      messageId: "defaultLogin",
      token: "APP_ADMIN_PASSWORD",
    },
    {
      name: "a password with no user beside it keeps the run-time message",
      code: "FROM node:22-alpine\nENV PANEL_PASSWORD=letmein\n",
      messageId: "runtime",
      token: "PANEL_PASSWORD",
    },
    {
      name: "a password whose user comes from a build argument is no documented default",
      code: "FROM alpine:3.20\nARG DB_USER_IN\nENV DB_USER=$DB_USER_IN DB_PASSWORD=s3cret\n",
      messageId: "runtime",
      token: "DB_PASSWORD",
    },
    {
      name: "an ARG a RUN reads before an ENV of the same name replaces it",
      code: "FROM alpine:3.20\nARG DB_PASSWORD=s3cret\nRUN ./seed.sh $DB_PASSWORD\nENV DB_PASSWORD=other\n",
      messageId: "secret",
      line: 2,
      count: 2,
      token: "DB_PASSWORD",
    },
    {
      name: "an ENV of a base the final stage does not reach, built on by images of their own (--target): a run-time setting",
      code: 'FROM php:8.4-fpm AS php-base\nENV APP_SECRET=9f3a7c1e2b8d4f60\nCMD ["php-fpm"]\nFROM php-base AS admin\nENTRYPOINT ["/entrypoint.sh"]\nFROM php:8.4-apache AS app\nCMD ["apache2-foreground"]\n',
      messageId: "runtime",
      line: 2,
      data: { name: "APP_SECRET" },
    },
    {
      name: "a compose target's literal login, with no command of its own: its base image's server reads it at run time",
      code: 'FROM mysql:8 AS db\nENV MYSQL_USER=app\nENV MYSQL_PASSWORD=app\nFROM alpine:3.20\nCMD ["/app"]\n',
      context: { buildTargets: ["db"] },
      messageId: "defaultLogin",
      token: "MYSQL_PASSWORD",
    },
    {
      name: "a base only test stages build on keeps the secret-mount remedy: a test run may read it",
      code: 'FROM python:3.12 AS base\nENV API_TOKEN=9f3a7c1e2b8d4f60\nFROM base AS test\nRUN pytest\nFROM python:3.12-slim\nCMD ["app"]\n',
      messageId: "secret",
      token: "API_TOKEN",
    },
    {
      name: "a value whose camel-case words ask to be changed is a known default",
      code: "FROM php:8.4-fpm\nENV APP_SECRET=ThisTokenIsNotSoSecretChangeIt\n",
      messageId: "default",
      data: { name: "APP_SECRET", value: "ThisTokenIsNotSoSecretChangeIt" },
    },
    {
      // ph-ash/server (held-out AS): the public API's token asks to be chosen by the deployment.
      name: "a value that opens with a request to choose one is a known default",
      code: "FROM php:8.4-fpm\nENV API_TOKEN=pleaseChooseASecretTokenForThePublicAPI\n",
      messageId: "default",
      data: { name: "API_TOKEN", value: "pleaseChooseASecretTokenForThePublicAPI" },
    },
    {
      name: "mixed-case letters that do not spell words are key material",
      code: "FROM alpine:3.20\nENV API_KEY=kJhYourPqWxChangeIt\n",
      messageId: "runtime",
    },
    {
      name: "a stage marked for development that a shipped stage builds on ships its values",
      code: '# Base for local development\nFROM node:22 AS base\nENV DB_PASSWORD=hunter2\nFROM base AS app\nCMD ["node", "server.js"]\n',
      messageId: "runtime",
      token: "DB_PASSWORD",
    },
    {
      name: "a comment that names production too does not mark a stage for development",
      code: '# Database for development and production\nFROM postgres:16 AS db\nENV POSTGRES_PASSWORD=hunter2\nFROM alpine:3.20\nCMD ["/app"]\n',
      messageId: "runtime",
      token: "POSTGRES_PASSWORD",
    },
    {
      name: "a demo stage's build argument without a default still expects a real value",
      code: 'FROM mysql:8 AS mysql-demo\nARG MYSQL_PASSWORD\nFROM alpine:3.20\nCMD ["/app"]\n',
      messageId: "secret",
      token: "MYSQL_PASSWORD",
    },
    {
      name: "AUTH beside TOKEN names a credential, whatever its value",
      code: "FROM alpine:3.20\nENV APP_AUTH_TOKEN dolibarr\n",
      messageId: "runtime",
      token: "APP_AUTH_TOKEN",
    },
    { name: "AUTH beside PASS names a password", code: "FROM alpine:3.20\nENV APP_AUTH_PASS admin\n", messageId: "runtime", token: "APP_AUTH_PASS" },
    { name: "an AUTH value shaped like a token", code: "FROM alpine:3.20\nENV APP_AUTH hGtkQpzR7x2\n", messageId: "runtime", token: "APP_AUTH" },
    { name: "an AUTH value holding a login", code: "FROM alpine:3.20\nENV PROXY_AUTH user:s3cret\n", messageId: "runtime", token: "PROXY_AUTH" },
  ],
  silent: [
    {
      // Held-out BK, s3proxy: labels for the login the deployment supplies (judged wrong as secrets, twice).
      name: "an identity and credential pair whose values only name what they stand in for",
      code: 'FROM eclipse-temurin:21-jre\nENV S3PROXY_IDENTITY="local-identity" \\\n    S3PROXY_CREDENTIAL="local-credential" \\\n    JCLOUDS_IDENTITY="remote-identity" \\\n    JCLOUDS_CREDENTIAL="remote-credential"\nCMD ["/opt/s3proxy/run.sh"]\n',
    },
    {
      name: "Bundler's other per-name settings: a gem's build flags and a mirror",
      code: "FROM ruby:3.3-slim\nENV BUNDLE_BUILD__NOKOGIRI=--use-system-libraries BUNDLE_MIRROR__RUBYGEMS__ORG=https://mirror.example.org\nRUN bundle install\n",
    },
    {
      // Held-out BA, rroemhild/docker-test-openldap: the fixture's published admin password (judged wrong twice).
      name: "a literal credential of a test fixture image, by the checkout's repository name",
      code: 'FROM debian:bookworm-slim\nENV LDAP_BINDDN="cn=admin,dc=planetexpress,dc=com"\nENV LDAP_SECRET=GoodNewsEveryone\nCMD ["/init"]\n',
      context: { githubRepository: "rroemhild/docker-test-openldap" },
    },
    {
      // Held-out BA, docker-vsftpd: run-vsftpd.sh swaps `**Random**` for a random password at start.
      name: "a sentinel word inside marks that a start script replaces",
      code: 'FROM centos:7\nENV FTP_USER **String**\nENV FTP_PASS **Random**\nCMD ["/usr/sbin/run-vsftpd.sh"]\n',
    },
    {
      // Held-out AZ, envoy-build-tools: both judged wrong as secrets.
      name: "apt repository keys: a fingerprint and a Release.key URL",
      code: "FROM ubuntu:focal\nARG APT_KEY_TOOLCHAIN=60C317803A41BA51845E371A1E9377A2BA9EF27F \\\n    APT_KEY_K8S=https://download.opensuse.org/repositories/devel:kubic:libcontainers:stable/xUbuntu_20.04/Release.key \\\n    APT_KEY_DOCKER=https://download.docker.com/linux/ubuntu/gpg\nRUN apt-key adv --keyserver keyserver.ubuntu.com --recv-keys $APT_KEY_TOOLCHAIN && curl -fsSL $APT_KEY_K8S | apt-key add -\n",
    },
    {
      // Held-out AZ, testkube: telemetry keys linked into /bin/app; the secret mount was judged wrong.
      name: "a build argument only a Go build's -ldflags reads: linked into the shipped program",
      code: 'FROM golang:1.23 AS build\nARG VERSION\nARG CLOUD_API_TOKEN\nWORKDIR /src\nCOPY . .\nRUN cd cmd/api; \\\n    CGO_ENABLED=0 go build -ldflags \\\n     "-X main.Version=${VERSION} \\\n      -X main.CloudKey=${CLOUD_API_TOKEN}" \\\n    -o /app .\nFROM alpine:3.20\nCOPY --from=build /app /bin/app\nENTRYPOINT ["/bin/app"]\n',
    },
    {
      name: "the -ldflags=... spelling, in the final stage",
      code: 'FROM golang:1.23\nARG API_SECRET\nWORKDIR /src\nCOPY . .\nRUN go build -ldflags="-s -w -X main.secret=$API_SECRET" -o /usr/local/bin/app .\nCMD ["app"]\n',
    },
    {
      // Held-out AX, OWASP WrongSecrets: challenge 3's answer is the image's DOCKER_ENV_PASSWORD.
      name: "a training app that plants its secrets on purpose, by the checkout's repository",
      code: 'FROM eclipse-temurin:26-jre-alpine\nENV DOCKER_ENV_PASSWORD="This is it"\nENV WRONGSECRETS_MCP_SECRET=MCPStolenSecret42!\n',
      context: { githubRepository: "owasp/wrongsecrets" },
    },
    {
      name: "a fork of a damn-vulnerable app, by the image its CI publishes",
      code: "FROM php:8.3-apache\nENV DB_PASSWORD=p@ssw0rd\n",
      context: { publishedImages: ["ghcr.io/acme/damn-vulnerable-web-app:latest"] },
    },
    {
      // Held-out AW, decidim-cfj: the Slack initializer only logs when the token is missing.
      name: "a dummy glued to a vendor's token prefix",
      code: "FROM ruby:3.3\nENV SLACK_API_TOKEN=xoxbdummy\nENV SLACK_BOT_TOKEN=xoxb-dummy\n",
    },
    {
      // Held-out AR, ever-gauzy line 510: nothing declares it, and node sets no credential.
      name: "an ENV copying a secret's name that nothing in the file declares, on an official image",
      code: 'FROM node:22-alpine\nENV GITHUB_OAUTH_CLIENT_SECRET=${GITHUB_OAUTH_CLIENT_SECRET}\nCMD ["node", "main.js"]\n',
    },
    {
      // Held-out AR, ever-gauzy: the global ARG does not reach the stage, so the ENV stores nothing.
      name: "an ENV copying a global ARG the stage does not declare again: it expands empty",
      code: 'ARG DB_PASS\nARG JWT_SECRET\nFROM node:22-alpine\nENV DB_PASS=${DB_PASS} JWT_SECRET=${JWT_SECRET:-}\nCMD ["node", "main.js"]\n',
    },
    {
      // nulib/meadow: the frontend's error-reporting key, defined into the browser bundle.
      name: "a key named for the browser: the bundle carries it to every visitor",
      code: "FROM hexpm/elixir:1.18.4-erlang-27.3.4-ubuntu-noble-20250415 AS build\nARG HONEYBADGER_API_KEY_FRONTEND=\nARG BROWSER_API_KEY\nRUN mix release\n",
    },
    {
      name: "PASS as a name's first part, or inside a word",
      code: "FROM alpine:3.20\nENV PASS_THROUGH_HEADERS=1 BYPASS=1 COMPASS=north\n",
    },
    {
      // tuxgasy/docker-dolibarr: the entrypoint writes it to conf.php's $dolibarr_main_authentication.
      name: "an AUTH variable whose value is a login mode",
      code: "FROM php:8.2-apache\nENV DOLI_AUTH dolibarr\nENV SITE_AUTH=ldap,dolibarr APP_AUTH=oauth2\n",
    },
    {
      // glpi-project/docker-images: CI passes a new key to rerun the download steps.
      name: "a cache-busting key passed as a build argument",
      code: 'FROM alpine:3.22\n# Cache-busting key for CI workflows\nARG GLPI_CACHE_KEY=""\nARG CACHEBUST\nRUN curl -fsSL https://example.com/latest.json\n',
    },
    {
      name: "a stage whose comment says it is for development: its literal login is a fixture",
      code: '# Setup a mysql server running the demo database for use in development\nFROM mysql:8 AS db\nENV MYSQL_USER=app\nENV MYSQL_PASSWORD=app\nFROM alpine:3.20\nCMD ["/app"]\n',
      context: { buildTargets: ["db"] },
    },
    {
      name: "a stage named for a demo, and one built on it",
      code: 'FROM postgres:16 AS db-demo\nENV POSTGRES_PASSWORD=demo\nFROM db-demo AS demo-seeded\nENV SEED_TOKEN=9f3a7c1e2b8d4f60\nFROM alpine:3.20\nCMD ["/app"]\n',
    },
    {
      name: "camel-case words that say the value is a placeholder",
      code: "FROM alpine:3.20\nENV API_KEY=YourApiKeyHere SIGNING_SECRET=InsecureDefaultSecret\n",
    },
    {
      // Held-out AQ, jammsen/docker-palworld-dedicated-server: the start script refuses these values.
      name: "values whose last word says where the real one goes",
      code: "FROM debian:12-slim\nENV ADMIN_PASSWORD=adminPasswordHere \\\n    SERVER_PASSWORD=serverPasswordHere API_TOKEN=PUT_TOKEN_HERE\n",
    },
    {
      // bestpractical/rt: the password equals the throwaway test database's root password.
      name: "a literal password in a file whose header says it is for testing only",
      code: "# This Dockerfile is for testing only.\n\nFROM debian:12-slim\nENV DB_USER root\nENV DB_PASSWORD password\nCMD tail -f /dev/null\n",
    },
    {
      name: "a literal token in a file named for development",
      code: 'FROM node:22\nENV API_TOKEN=dev-token-123\nCMD ["npm", "run", "dev"]\n',
      context: { dockerfilePath: "docker/Dockerfile.dev" },
    },
    {
      name: "an ARG that a later ENV of the same stage replaces before any RUN reads it",
      code: 'FROM debian:12-slim\n# only a test compile would need these\nARG DB_PASSWORD=whatever_for_tests\nENV DB_PASSWORD=""\nRUN ./build.sh\n',
    },
    {
      name: "a name whose KEY is a JSON field, a sort key or a header, with a plain word as the value",
      code: 'FROM alpine:3.20\nENV NOTIFY_URL="" NOTIFY_JSON_KEY="message" \\\n    SORT_KEY=created_at TRACE_HEADER_KEY=X-Trace-Id\n',
    },
    {
      name: "a switch named after the key tool it quiets, with a setting word",
      code: "FROM debian:12-slim\nENV APT_KEY_DONT_WARN_ON_DANGEROUS_USAGE=DontWarn\nRUN apt-key add /tmp/repo.asc\n",
    },
    { name: "a verification switch with a word value", code: "FROM alpine:3.20\nENV SSL_KEY_VERIFY=strict\n" },
    { name: "a skip switch declared as a build argument", code: "FROM alpine:3.20\nARG TOKEN_SKIP_CHECK\nRUN ./build.sh\n" },
    { name: "a sentinel placeholder a start script compares against", code: 'FROM nginx:1.27-alpine\nENV API_KEY "**None**"\nCOPY run.sh /run.sh\n' },
    {
      name: "a database password switched off like its host and name until the deployment enables it",
      code: 'FROM tomcat:10-jdk17\nENV DB_LOOKUP_ENABLED=false\nENV DB_HOST=disabled\nENV DB_NAME=disabled\nENV DB_PASSWORD=disabled\nCMD ["catalina.sh", "run"]\n',
    },
    { name: "off words said another way", code: "FROM alpine:3.20\nENV SMTP_PASSWORD=unset MAIL_TOKEN=n/a LDAP_BIND_PASSWORD=auth-disabled\n" },
    { name: "another sentinel spelling", code: "FROM alpine:3.20\nENV SERVICE_TOKEN=__UNSET__\n" },
    {
      name: "a comment right above says the key is public on purpose",
      code: 'FROM python:3.12-slim\n# This read-only download key is intended to be public: it has no billing and only\n# reaches the free datasets, so the image works as pulled.\nARG GEO_LICENSE_KEY="bGljZW5zZS1rZXktdmFsdWU="\nRUN echo $GEO_LICENSE_KEY > /etc/geo.key\n',
    },
    {
      name: "a comment right above says the project deliberately exposes it",
      code: 'FROM node:22-slim\n# We deliberately ship this demo token in the image; it is not a secret.\nENV DEMO_API_TOKEN="demo-8d3f0c"\n',
    },
    {
      name: "a release signing key's fingerprint is public, used to verify a download",
      code: "FROM ubuntu:jammy\nARG SWIFT_SIGNING_KEY=A62AE125BBBFBB96A6E042EC925CC1CCED3D1561\nENV SWIFT_SIGNING_KEY=$SWIFT_SIGNING_KEY\n",
    },
    {
      name: "a GPG key fingerprint or key IDs are public, fetched with gpg --recv-keys",
      code: 'FROM debian:12-slim\nENV GPG_KEY=F7529FAE24811A5C0DF3CA741596BBF0726835D8\nARG PGP_KEYS="0x1596BBF0726835D8 726835D8"\n',
    },
    {
      name: "a global ARG only feeds FROM lines; the stage that re-declares it is where it is stored",
      code: "ARG NX_CLOUD_ACCESS_TOKEN\nFROM node:22 AS base\n",
    },
    {
      name: "a token's lifetime and a password's minimum length measure a secret, they hold none",
      code: "FROM debian:12-slim\nENV WEB_AUTH_TOKEN_VALIDITY_TIME=24 SESSION_KEY_TTL=3600 PASSWORD_MIN_LENGTH=12\nARG API_TOKEN_EXPIRY\n",
    },
    "FROM scratch\nARG PUBLIC_KEY\nENV PASSWORD_FILE=/run/secrets/pw\nARG AUTH_MODULE_VERSION\n",
    {
      name: "an identifier next to the secret (the secret itself still fires)",
      code: "FROM elixir:1.17\nARG AWS_ACCESS_KEY_ID\nARG OAUTH_CLIENT_ID\nENV AWS_ACCESS_KEY_ID=$AWS_ACCESS_KEY_ID\n",
    },
    {
      // Held-out BE, awesome-nest-boilerplate: the Secrets Manager entry the app reads at run time.
      name: "an AWS resource name locates a secret, it holds none",
      code: "FROM node:24-slim\nARG secret_manager_arn\nENV SECRET_MANAGER_ARN=$secret_manager_arn\n",
    },
    { name: "keyword inside a word", code: "FROM scratch\nENV MONKEY=1 AUTHOR=me\n" },
    { name: "skipped through a check comment", code: "FROM scratch\n# check=skip=SecretsUsedInArgOrEnv // test only\nARG password\n" },
    { name: "empty ENV values set at run time", code: "FROM node:22\nENV OPENAI_API_KEY=\"\" GOOGLE_API_KEY='' git_key=\n" },
    {
      name: "placeholder ENV values",
      code: "FROM ruby:3.3\nENV SECRET_KEY_BASE=nokey AWS_SECRET_ACCESS_KEY=dummy_secret_access_key JWT_AUTH_SECRET=unused_yet_required\n",
    },
    { name: "a boolean switch, and the ENV copying it", code: "FROM php:8.3\nARG COMPOSER_AUTH_JSON=false\nENV COMPOSER_AUTH_JSON ${COMPOSER_AUTH_JSON}\n" },
    {
      name: "public client keys",
      code: 'FROM node:22\nARG VITE_AMPLITUDE_API_KEY=""\nENV VITE_AMPLITUDE_API_KEY=$VITE_AMPLITUDE_API_KEY NEXT_PUBLIC_API_KEY=abc REACT_APP_MAPS_KEY=abc\n',
    },
    {
      name: "captcha site keys and a publishable key are the public half of their pair",
      code: "FROM node:22\nARG RECAPTCHA_SITE_KEY\nENV HCAPTCHA_SITEKEY=10000000-ffff STRIPE_PUBLISHABLE_KEY=pk_live_abc\n",
    },
    {
      name: "a value the frontend stage hands to a browser-bundle variable is public wherever it is stored",
      code: "FROM node:22 AS web\nARG TURNSTILE_KEY\nENV VITE_TURNSTILE_KEY=${TURNSTILE_KEY}\nRUN npm run build\nFROM node:22-slim\nARG TURNSTILE_KEY\nENV TURNSTILE_KEY=$TURNSTILE_KEY\nCOPY --from=web /src/dist /srv\n",
    },
    {
      name: "a literal ENV in a builder stage that does not ship",
      code: "FROM ruby:3.3 AS assets\nENV SECRET_KEY_BASE=0123abcd\nRUN rake assets:precompile\nFROM ruby:3.3-slim\nCOPY --from=assets /app/public /app/public\n",
    },
    {
      name: "a builder stage's committed stand-in: an ARG default and the ENV copying it (the key comes at run time)",
      code: 'FROM node:22 AS installer\nARG NEXT_PRIVATE_ENCRYPTION_KEY="CAFEBABE"\nENV NEXT_PRIVATE_ENCRYPTION_KEY="$NEXT_PRIVATE_ENCRYPTION_KEY"\nRUN npm run build\nFROM node:22-slim\nCOPY --from=installer /app/dist /app\n',
    },
    {
      // Held-out BD, Docker-Provider: the instrumentation key is an identifier Microsoft calls no secret.
      name: "an Application Insights instrumentation key the agent reports with",
      code: 'FROM mcr.microsoft.com/windows/servercore:ltsc2022\nENV APPLICATIONINSIGHTS_AUTH "NzAwZGM5OGYtYTdhZC00NThkLWI5NWMtMjA3ZjM3NmM3YmRi"\nENV APPINSIGHTS_INSTRUMENTATIONKEY=00000000-0000-0000-0000-000000000000\n',
    },
    {
      name: "telemetry ingestion keys, baked into the client on purpose",
      code: 'FROM node:22\nARG NEXT_PRIVATE_TELEMETRY_KEY=""\nENV NEXT_PRIVATE_TELEMETRY_KEY="$NEXT_PRIVATE_TELEMETRY_KEY" POSTHOG_API_KEY=phc_x SEGMENT_WRITE_KEY=abc\n',
    },
    {
      name: "where a secret is: a secret-file or config path, by name or by value",
      code: "FROM alpine:3.20\nENV OPENVPN_PASSWORD_SECRETFILE=/run/secrets/openvpn_password AUTH_CONFIG_FILEPATH=/etc/app/auth.toml\nARG TLS_KEY=/certs/tls.key\nENV TOKEN_CACHE_DIRS=a:b SMTP_PASSWORD_PORT=587\n",
    },
    {
      name: "a plain URL and a public key's 0x ID, also through an ARG",
      code: 'FROM debian:12-slim\nARG PASSBOLT_SERVER_KEY="https://download.passbolt.com"\nENV PASSBOLT_PKG_KEY=0xDE8B853FC155581D SERVER_KEY=$PASSBOLT_SERVER_KEY\n',
    },
    {
      name: "an ENV value whose words say it is a default, an example or unusable",
      code: "FROM python:3.12-slim\nENV WEB_SECRET_KEY=DEFAULT_BAD_KEY MAIL_PASSWORD=example API_TOKEN=your-api-token-here SIGNING_KEY=insecure\n",
    },
    {
      // AzuraCast: the PHP-SPX profiler's own default key, in a profiling switch that is off.
      name: "an ENV key whose whole value names a development environment, beside the switch that turns its feature off",
      code: "FROM php:8.4-fpm\nENV PROFILER_ENABLED=0 PROFILER_HTTP_KEY=dev ENABLE_TRACER=false TRACER_TOKEN=Testing\n",
    },
    { name: "an empty JSON object or list as an ENV default", code: 'FROM alpine:3.20\nENV AUTH_DEFAULT_ROLE="{}" AUTH_KEYS=[]\n' },
    {
      name: "a name whose last word says it holds a commit, ref, tag or checksum of a public source",
      code: "FROM debian:12-slim\nARG PG_AUTH_CHECK_COMMIT=3f1e9a0c7b2d4e5f60718293a4b5c6d7e8f90a1b\nENV OAUTH_LIB_REF=v2.4.1 TOKEN_PARSER_TAG=1.9.0 KEYRING_SHA256=0a1b2c3d4e5f60718293a4b5c6d7e8f90a1b2c3d4e5f60718293a4b5c6d7e8f9\n",
    },
    {
      // timescaledb-docker-ha (held-out AV): the pg_auth_mon extension's ref, recorded in a file too.
      name: "an ARG git checks out: a revision, whatever its name holds",
      code: 'FROM debian:12-slim\nARG PG_AUTH_MON\nRUN if [ -n "${PG_AUTH_MON}" ]; then git clone https://github.com/x/pg_auth_mon /b && cd /b && git checkout "${PG_AUTH_MON}"; fi && echo "PG_AUTH_MON=${PG_AUTH_MON}" >> /.config\nARG AUTH_LIB\nRUN git clone --depth 1 --branch "$AUTH_LIB" https://github.com/x/auth-lib /a\n',
    },
    {
      name: "a prefix the project's SvelteKit config declares public (kit.env.publicPrefix)",
      code: "FROM node:22 AS build\nARG PUB_PAYMENTS_KEY\nENV PUB_PAYMENTS_KEY=${PUB_PAYMENTS_KEY}\nRUN npm run build\nFROM nginx:1.27-alpine\nCOPY --from=build /app/build /usr/share/nginx/html\n",
      context: { files: { "svelte.config.js": 'export default {\n  kit: {\n    env: { publicPrefix: "PUB_", privatePrefix: "PRIV_" },\n  },\n};\n' } },
    },
    {
      name: "a prefix the project's Vite config lists in envPrefix",
      code: "FROM node:22 AS build\nARG APP_MAPS_API_KEY\nENV APP_MAPS_API_KEY=$APP_MAPS_API_KEY\nRUN npm run build\n",
      context: { files: { "web/vite.config.ts": "export default defineConfig({\n  envPrefix: ['VITE_', 'APP_'],\n});\n" } },
    },
    {
      name: "a value whose words say it is not used",
      code: "FROM node:20-slim\nENV AUTH_SECRET NOT_USED_SESSIONS_ARE_STATELESS\nENV OTHER_SECRET=unused_by_this_app SIGNING_KEY=ignored\n",
    },
    { name: "a list of provider names", code: "FROM node:22\nENV AUTH_PROVIDERS='credentials,oidc' AUTH_URL=https://example.com\n" },
  ],
});

describe("var-secret: a default login", () => {
  it("is reported at information level, not as a leaked secret", () => {
    const findings = findingsOf(rule, "FROM alpine:3.20\nENV QUEUE_USER=queue QUEUE_PASSWORD=queue\n");
    assert.deepStrictEqual(
      findings.map((f) => f.severity),
      ["info"],
    );
  });
});
