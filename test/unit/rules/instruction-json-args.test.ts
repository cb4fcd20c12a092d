import { rule } from "../../../server/src/rules/instruction-json-args";
import { testRule } from "../../support/rule-tester";

testRule(rule, {
  fires: [
    {
      // The counterpart of trino-gateway's (silent): a list of commands stays a child of any shell.
      name: "a list of commands on a base the build picks by an argument with no default",
      code: "ARG BASE_IMAGE\nFROM ${BASE_IMAGE}\nCMD cd /srv && java -jar app.jar\n",
      messageId: "execLast",
      line: 3,
    },
    {
      name: "a shell running a script is no interactive shell: it runs the service",
      code: "FROM debian:bookworm-slim\nCMD bash /srv/start.sh\n",
      messageId: "shellForm",
      line: 2,
    },
    {
      name: "Debian's dash forks even a lone simple command and stays PID 1",
      code: "FROM debian:bookworm-slim\nCMD /usr/local/bin/relay --config /etc/relay.toml\n",
      messageId: "shellForm",
      line: 2,
    },
    {
      name: "an image named for Arch Linux with a list of commands: bash stays PID 1",
      code: "FROM example/tools-archlinux:latest\nCMD cd /srv && ./serve\n",
      messageId: "execLast",
      line: 2,
    },
    {
      code: "FROM node:22-slim\nCMD node server.js\n",
      messageId: "shellForm",
      line: 2,
      data: { keyword: "CMD" },
      output: 'FROM node:22-slim\nCMD ["node", "server.js"]\n',
    },
    {
      name: "tini without -g signals only its child, the shell",
      code: 'FROM debian:12-slim\nENTRYPOINT ["/tini", "--"]\nCMD bin/start\n',
      messageId: "shellForm",
    },
    {
      name: "dumb-init told to signal the child only",
      code: 'FROM node:22-slim\nENTRYPOINT ["dumb-init", "--single-child", "--"]\nCMD node server.js\n',
      messageId: "shellForm",
    },
    {
      // BaldissaraMatheus/Tasks.md (held-out BP): ash execs `sh entrypoint.sh`, whose last line runs node as its child.
      name: "Alpine, and the command runs a script whose last command is not exec'd",
      code: "FROM alpine:3.20\nRUN apk add --no-cache nodejs\nWORKDIR /api\nENTRYPOINT sh entrypoint.sh\n",
      context: { files: { "entrypoint.sh": "mkdir -p /tasks\ncd /api;\nTASKS_DIR=/tasks node /api/server.js;\n" } },
      messageId: "scriptKeepsShell",
      line: 4,
      data: { keyword: "ENTRYPOINT", script: "entrypoint.sh" },
    },
    { name: "Alpine, but the program is piped", code: "FROM node:22-alpine\nCMD node server.js | tee /var/log/app.log\n", messageId: "needsShell" },
    { name: "Alpine, but the program is backgrounded", code: "FROM alpine:3.20\nCMD crond & nginx -g 'daemon off;'\n", messageId: "needsShell" },
    {
      name: "a pipeline continued over lines needs the shell: JSON form as written would break it",
      code: "FROM alpine:3.20 AS docs-lint\nRUN apk add --no-cache git py3-pip\nCMD git ls-files -z -- '*.md' \\\n    | xargs -0 -- markdown-check --strict\n",
      messageId: "needsShell",
      line: 3,
      data: { keyword: "CMD" },
      output: null,
    },
    { name: "a pipeline on Debian", code: "FROM debian:12-slim\nCMD ./server 2>&1 | logger -t app\n", messageId: "needsShell" },
    {
      name: "Debian under a plain tini: dash stays between tini and the program",
      code: 'FROM debian:12-slim\nENTRYPOINT ["tini", "--"]\nCMD ./server\n',
      messageId: "shellForm",
    },
    {
      name: "a scratch stage holding a whole Debian stage's file system: dash forks the program",
      code: 'FROM debian:12-slim AS rootfs\nRUN apt-get update && apt-get install -y --no-install-recommends tini\nFROM scratch\nCOPY --from=rootfs / /\nENTRYPOINT ["/usr/bin/tini", "--"]\nCMD start-server.sh\n',
      messageId: "shellForm",
    },
    {
      name: "a scratch stage with only part of an Alpine stage copied in: its shell is not known",
      code: 'FROM alpine:3.22 AS rootfs\nFROM scratch\nCOPY --from=rootfs /bin /bin\nENTRYPOINT ["/sbin/tini", "--"]\nCMD start-server.sh\n',
      messageId: "shellForm",
    },
    { name: "Alpine with an ENTRYPOINT script in front", code: 'FROM node:22-alpine\nENTRYPOINT ["/entry.sh"]\nCMD node server.js\n', messageId: "shellForm" },
    {
      name: "ENTRYPOINT in shell form on Alpine, but the program is backgrounded",
      code: "FROM alpine:3.20\nENTRYPOINT /app --serve & wait\n",
      messageId: "needsShell",
    },
    {
      name: "bash execs only a single simple command: a list stays under the shell",
      code: "FROM quay.io/centos/centos:stream10\nCMD cd /app && ./server\n",
      messageId: "execLast",
    },
    { name: "bash does not exec a command with a redirection", code: "FROM rockylinux:9\nCMD /httpd-foreground > /var/log/out\n", messageId: "execLast" },
    { name: "dash forks even a single command", code: "FROM ubuntu:24.04\nENTRYPOINT ./gradlew build\n", messageId: "shellForm" },
    {
      name: "ENTRYPOINT",
      code: "FROM scratch\nENTRYPOINT /app --serve\n",
      messageId: "shellForm",
      line: 2,
      data: { keyword: "ENTRYPOINT" },
      output: 'FROM scratch\nENTRYPOINT ["/app", "--serve"]\n',
    },
    { name: "shell syntax gets no fix", code: "FROM debian:12\nCMD echo $HOME && sleep 1\n", messageId: "execLast", output: null },
    {
      name: "a runtime expansion JSON form would drop: exec keeps it",
      code: "FROM eclipse-temurin:21-jre\nCMD java $JAVA_OPTS -jar /app.jar\n",
      messageId: "execLast",
      data: { keyword: "CMD" },
      output: "FROM eclipse-temurin:21-jre\nCMD exec java $JAVA_OPTS -jar /app.jar\n",
    },
    {
      name: "an entry script chosen by a variable at run time",
      code: "FROM node:22-slim\nARG SCOPE=builder\nENV SCOPE=$SCOPE\nENTRYPOINT ./${SCOPE}-entrypoint.sh\n",
      messageId: "execLast",
      output: "FROM node:22-slim\nARG SCOPE=builder\nENV SCOPE=$SCOPE\nENTRYPOINT exec ./${SCOPE}-entrypoint.sh\n",
    },
    { name: "an assignment in front gets no exec fix", code: "FROM debian:12\nCMD PORT=$P ./server\n", messageId: "execLast", output: null },
    {
      name: 'an entry script that ends with exec "$@" on Debian: dash, now PID 1, still forks the program',
      code: 'FROM python:3.12-slim\nCOPY start.sh /start.sh\nENTRYPOINT ["/start.sh"]\nCMD gunicorn app:app\n',
      context: { files: { "start.sh": '#!/bin/sh\nset -e\npython manage.py migrate\nexec "$@"\n' } },
      messageId: "shellForm",
      line: 4,
    },
    {
      name: 'an entry script whose exec "$@" is not its last command',
      code: 'FROM python:3.12-alpine\nCOPY start.sh /start.sh\nENTRYPOINT ["/start.sh"]\nCMD gunicorn app:app\n',
      context: { files: { "start.sh": '#!/bin/sh\nif [ "$1" = "web" ]; then\n  exec "$@"\nfi\n"$@"\n' } },
      messageId: "shellForm",
      line: 4,
    },
    {
      name: "an entry script the host did not read",
      code: 'FROM python:3.12-alpine\nCOPY start.sh /start.sh\nENTRYPOINT ["/start.sh"]\nCMD gunicorn app:app\n',
      messageId: "shellForm",
      line: 4,
    },
  ],
  silent: [
    {
      // Held-out CC, trino-gateway: build.sh passes redhat/ubi10-micro, whose sh (bash) execs the java command.
      name: "one simple command on a base the build picks by an argument with no default: its shell is not known",
      code: 'ARG BASE_IMAGE\nFROM ${BASE_IMAGE}\nCOPY app.jar /app/app.jar\nCMD java -jar /app/app.jar "/etc/app/config.yaml"\n',
    },
    {
      name: "Alpine, and the command runs a script that execs its program",
      code: "FROM alpine:3.20\nRUN apk add --no-cache nodejs\nENTRYPOINT sh entrypoint.sh\n",
      context: { files: { "entrypoint.sh": "mkdir -p /tasks\nexec node /api/server.js\n" } },
    },
    { name: "an interactive shell ignores SIGTERM in any form", code: "FROM debian:12-slim\nCMD bash\n" },
    { name: "an interactive login shell opened in the mounted folder", code: "FROM ubuntu:jammy\nCMD cd /scan && /bin/bash -l\n" },
    {
      name: "a command that traps SIGTERM handles the stop signal itself",
      code: "FROM debian:12-slim\nCMD trap 'kill -TERM $child' TERM; ./server & child=$!; wait $child\n",
    },
    { name: "the shell execs the program already", code: "FROM debian:12-slim\nCMD exec java $JAVA_OPTS -jar /app.jar\n" },
    { name: "exec after preparation steps", code: "FROM debian:12-slim\nCMD cd /app && exec ./server --port $PORT\n" },
    {
      name: "an image named for Alpine: BusyBox ash execs the program",
      code: "FROM azul/zulu-openjdk-alpine:21-jre-headless\nCOPY api.jar /api.jar\nCMD java $JAVA_OPTS -jar /api.jar\n",
    },
    {
      name: "Alpine under a plain tini: ash execs the program, which becomes tini's child",
      code: 'FROM alpine:3.20\nENTRYPOINT ["tini", "--"]\nCMD ./meilisearch\n',
    },
    {
      name: "a scratch stage holding a whole Alpine stage's file system, under a plain tini",
      code: 'FROM alpine:3.22 AS rootfs\nRUN apk add --no-cache tini busybox\nFROM scratch\nCOPY --from=rootfs / /\nENTRYPOINT ["/sbin/tini", "--"]\nCMD start-server.sh\n',
    },
    {
      name: "Wolfi's base ships BusyBox as /bin/sh",
      code: 'FROM cgr.dev/chainguard/wolfi-base\nRUN apk add --no-cache tini\nENTRYPOINT ["/sbin/tini", "--"]\nCMD start-server.sh\n',
    },
    'FROM node:22-alpine\nCMD ["node", "server.js"]\n',
    {
      name: "under dumb-init, which signals the whole process group",
      code: 'FROM node:22-slim\nENTRYPOINT ["dumb-init", "--", "./entrypoint.sh"]\nCMD if [ -n "$REGION" ]; then node --import dd.mjs server.js; else node server.js; fi\n',
    },
    { name: "under tini -g", code: 'FROM debian:12-slim\nENTRYPOINT ["/usr/bin/tini", "-g", "--"]\nCMD bin/start\n' },
    {
      name: "Alpine's ash execs the last command",
      code: 'FROM node:18-alpine AS base\nFROM base\nCMD if [ -n "$PROXY_URL" ]; then proxychains node server.js; else node server.js; fi\n',
    },
    {
      name: "a shell-form ENTRYPOINT on Alpine: ash execs the command, which becomes PID 1",
      code: 'FROM golang:1.25-alpine3.23 AS test\nENTRYPOINT go test -race ./...\nFROM alpine:3.23\nCMD ["/app"]\n',
    },
    {
      name: "bash, the Red Hat family's /bin/sh, execs a string of one simple command",
      code: "ARG BASE=quay.io/centos/centos:stream10\nFROM $BASE\nCMD /httpd-foreground\nFROM eclipse-temurin:21-ubi9-minimal\nENTRYPOINT java $JAVA_OPTS -jar /app.jar\n",
    },
    {
      name: "a vendor image named for Arch Linux has bash as /bin/sh, which execs one simple command",
      code: "FROM ghcr.io/example/webapp-archlinux:2025-01-01\nWORKDIR /srv\nENTRYPOINT ./run-tests.sh\n",
    },
    { name: "SHELL in the stage", code: 'FROM alpine:3.20\nSHELL ["/bin/ash", "-c"]\nCMD run\n' },
    { name: "SHELL in the parent stage", code: 'FROM alpine:3.20 AS base\nSHELL ["/bin/ash", "-c"]\nFROM base\nCMD run\n' },
    { name: "skipped through a check comment", code: "FROM scratch\n# check=skip=JSONArgsRecommended\nCMD run\n" },
    {
      name: 'a script run by ash that ends with exec "$@" on Alpine: the CMD\'s shell takes its place and execs the program',
      code: 'FROM python:3.12-alpine\nCOPY docker/init.sh ./init.sh\nENTRYPOINT ["/bin/ash", "./init.sh"]\nCMD gunicorn -c gunicorn.conf.py app.wsgi -b 0.0.0.0:8000\n',
      context: {
        files: { "docker/init.sh": '#!/bin/ash\necho "Preparing"\nif [ -f "$SETUP" ]; then\n  . "$SETUP"\nfi\n\n# hand over to the command\nexec "$@"\n' },
      },
    },
    {
      name: "an entry script (no extension) that ends by exec'ing dumb-init, which signals the process group",
      code: 'FROM node:20-slim\nENV PATH=/app/bin:$PATH\nCOPY . /app\nENTRYPOINT ["app_entrypoint"]\nCMD $APP_HOME/bin/server --port $PORT\n',
      context: {
        files: {
          "bin/app_entrypoint":
            '#!/bin/sh\nif ! whoami > /dev/null 2>&1; then\n  echo "app:x:$(id -u):0::/app:/sbin/nologin" >> /etc/passwd\nfi\nexec /usr/bin/dumb-init -- "$@"\n',
        },
      },
    },
    {
      name: "an entry script that drops to a user with su-exec and execs the command, on Alpine",
      code: 'FROM node:22-alpine\nCOPY entrypoint.sh /usr/local/bin/\nENTRYPOINT ["entrypoint.sh"]\nCMD node server.js --port $PORT\n',
      context: { files: { "entrypoint.sh": '#!/bin/sh\nchown -R node /data\nexec su-exec node "$@"\n' } },
    },
  ],
});
