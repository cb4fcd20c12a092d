import { rule as finalStageRoot } from "../../../server/src/rules/final-stage-root";
import { rule as finalStageNoUser } from "../../../server/src/rules/final-stage-no-user";
import type { Rule } from "../../../server/src/rules/types";
import type { ComposeServiceFacts } from "../../../server/src/model/context";
import { testRule } from "../../support/rule-tester";

// The two rules report the one judgement of images/root-at-run.ts: final-stage-root what the file
// shows (a root USER, a user never used, an unused dropper), opt-in final-stage-no-user the bare
// root default (`noUser`). Every case runs both, so a silent case proves neither reports.
const rule: Rule = {
  meta: { ...finalStageRoot.meta, optIn: true, messages: { ...finalStageRoot.meta.messages, ...finalStageNoUser.meta.messages } },
  check(model, report) {
    finalStageRoot.check(model, report);
    finalStageNoUser.check(model, report);
  },
};

// A Rails development image: compose mounts the repository over WORKDIR and runs `bundle install` at each start.
const RAILS_DEV_IMAGE =
  '# Precompile assets (optional for development, but useful for production)\nFROM ruby:3.3-slim\nWORKDIR /petrescue\nCOPY . /petrescue\nRUN bundle install\nCMD ["rails", "server"]\n';
const reinstallingService: ComposeServiceFacts = {
  file: "docker-compose.yml",
  builds: true,
  image: null,
  user: null,
  mounts: [{ target: "/petrescue", source: "project", readOnly: false }],
  command: ["bash", "-c", '"rm -f tmp/pids/server.pid && bundle install && bundle exec rails s"'],
};

// A JupyterHub single-user image on a team's own docker-stacks-derived base: the base brought
// fix-permissions and `start.sh`, which, started as root, renames jovyan to NB_USER and drops to it.
const DOCKER_STACKS_SINGLEUSER =
  "FROM acme/singleuser:2.12\nENV NB_USER=analyst\nENV NB_UID=2100\nUSER root\nRUN mkdir /home/$NB_USER && fix-permissions /home/$NB_USER\nRUN pip install --no-cache-dir acme-lab\n";

// docker-stacks' documented way to keep an image root: NB_USER=root, NB_UID=0, NB_GID=0, so that
// start.sh starts the server as root (two public Dockerfiles, verbatim).
const NOTEBOOK_USER_ROOT =
  '# Start from the specified Jupyter notebook base image\nFROM jupyter/minimal-notebook:python-3.10.10\n\n# Switch to root to install packages\nUSER root\n\n# Install Playwright and its dependencies\nRUN pip install playwright && \\\n    playwright install && \\\n    playwright install-deps\n\n# Set environment variables to make root the default user in Jupyter\nENV NB_USER=root\nENV NB_UID=0\nENV NB_GID=0\n\n# Set the default command to start the notebook\nCMD ["start-notebook.sh", "--NotebookApp.allow_root=True"]\n';
const NOTEBOOK_USER_ROOT_NO_CMD =
  "FROM quay.io/jupyter/base-notebook:2024-05-27\n\n# run as root and set environment so jupyter scripts know the user\nUSER root\nENV NB_USER=root \\\n    NB_UID=0 \\\n    NB_GID=0 \\\n    HOME=/root\n\n# ensure home exists and permissions are root:root\nRUN mkdir -p /root && chown -R root:root /root && fix-permissions /root\n\n# keep running as root\nUSER root\n";

testRule(rule, {
  fires: [
    {
      name: "the created user's home kept to itself (chmod 755): the user is simply never used",
      code: 'FROM ubuntu:24.04\nRUN useradd -m -s /bin/bash app\nENV HOME="/home/app"\nRUN chmod -R 755 $HOME\nCOPY app.py /app/app.py\nENTRYPOINT ["python3", "/app/app.py"]\n',
      messageId: "userNeverUsed",
    },
    {
      name: "the same user created and never used where the image starts a server of its own",
      code: 'FROM ubuntu:noble\nRUN apt-get update && apt-get install -y python3 && rm -rf /var/lib/apt/lists/* && adduser app\nCOPY app.py /app/app.py\nEXPOSE 8080\nCMD ["python3", "/app/app.py"]\n',
      messageId: "userNeverUsed",
      line: 1,
    },
    {
      // Held-out BG, kafka-connect-file-pulse: Confluent's images run as appuser; USER root for the install, never switched back.
      name: "USER root over a vendor image that runs as its own user, with build steps after it and no switch back",
      code: "FROM confluentinc/cp-kafka-connect-base:7.9.0\nUSER root\nCOPY plugin.zip /tmp/plugin.zip\nRUN confluent-hub install --no-prompt /tmp/plugin.zip && rm -rf /tmp/plugin.zip\n",
      messageId: "lastUserRoot",
      line: 2,
    },
    {
      // Held-out AX, djangopackages: `uv run` in the start scripts needs a cache under $HOME.
      name: "a user created without a home while the start path runs uv: the remedy gives it one first",
      code: 'FROM python:3.13-slim\nRUN pip install uv\nWORKDIR /code\nCOPY . .\nRUN groupadd -r django && useradd -r -g django django && chown -R django:django /code\nCMD ["/code/start-web.sh"]\n',
      context: { files: { "start-web.sh": "#!/bin/sh\nexec uv run gunicorn app.wsgi\n" } },
      messageId: "userNeverUsedNoHome",
      data: { user: "django" },
    },
    {
      name: "the same user created with a home: a USER line is the whole remedy",
      code: 'FROM python:3.13-slim\nRUN pip install uv\nWORKDIR /code\nCOPY . .\nRUN groupadd -r django && useradd -m -r -g django django && chown -R django:django /code\nCMD ["/code/start-web.sh"]\n',
      context: { files: { "start-web.sh": "#!/bin/sh\nexec uv run gunicorn app.wsgi\n" } },
      messageId: "userNeverUsed",
      data: { user: "django" },
    },
    {
      name: "a comment above the start command that wishes for a non-root user gives no reason for root",
      code: 'FROM alpine:3.21\nRUN adduser -S -D app\nCOPY app /app\n# TODO: the app needs to run as non-root\nCMD ["/app"]\n',
      messageId: "userNeverUsed",
    },
    {
      name: "a docker-stacks-derived image that stays root but sets no NB_USER or NB_UID for start.sh to switch to",
      code: DOCKER_STACKS_SINGLEUSER.replace("ENV NB_USER=analyst\nENV NB_UID=2100\n", ""),
      messageId: "lastUserRoot",
      line: 2,
      data: { user: "root" },
    },
    {
      name: "USER root over a base whose user is not known, in a file that creates a user it never switches back to",
      code: 'FROM acme/app-base:3\nUSER root\nRUN useradd -m app && apt-get update && apt-get install -y --no-install-recommends curl\nCMD ["/usr/local/bin/app"]\n',
      messageId: "lastUserRoot",
    },
    {
      name: "NB_USER set on a base the file shows nothing of docker-stacks about",
      code: "FROM acme/app-base:3\nENV NB_USER=analyst\nUSER root\nRUN mkdir -p /data\n",
      messageId: "lastUserRoot",
    },
    {
      name: "NB_USER set where the file copies fix-permissions itself and sets no start: the base's start is not docker-stacks'",
      code: "FROM ubuntu:24.04\nENV NB_USER=analyst\nCOPY fix-permissions /usr/local/bin/fix-permissions\nUSER root\nRUN fix-permissions /home\n",
      messageId: "lastUserRoot",
    },
    {
      name: "NB_USER set and an entry script named start.sh, with no docker-stacks fix-permissions: another project's start.sh",
      code: 'FROM acme/app-base:3\nENV NB_USER=analyst\nUSER root\nRUN mkdir -p /data\nENTRYPOINT ["/start.sh"]\n',
      messageId: "lastUserRoot",
    },
    {
      name: "a docker-stacks image that sets NB_USER=root and NB_UID=0: start.sh keeps the server root",
      code: NOTEBOOK_USER_ROOT,
      messageId: "lastUserRoot",
      line: 5,
      data: { user: "root" },
    },
    {
      name: "a docker-stacks image with no start of its own that sets NB_USER=root: the base's start.sh keeps root",
      code: NOTEBOOK_USER_ROOT_NO_CMD,
      messageId: "lastUserRoot",
    },
    {
      name: "NB_UID set to 0 through a build argument: start.sh runs the server as uid 0",
      code: DOCKER_STACKS_SINGLEUSER.replace("ENV NB_UID=2100", "ARG SERVER_UID=0\nENV NB_UID=${SERVER_UID}"),
      messageId: "lastUserRoot",
    },
    {
      name: "a docker-stacks-derived image with a CMD of its own: an older base's CMD, not its ENTRYPOINT, ran start.sh",
      code: DOCKER_STACKS_SINGLEUSER + 'CMD ["python", "/srv/app.py"]\n',
      messageId: "lastUserRoot",
    },
    {
      name: "a bare '--dir' naming a folder of static files, not state",
      code: 'FROM node:22-slim\nRUN npm install -g http-server\nCOPY public /srv/public\nEXPOSE 8080\nCMD ["http-server", "--dir", "/srv/public", "-p", "8080"]\n',
      messageId: "noUser",
    },
    {
      name: "an ML server asking for NVIDIA's capabilities: NVIDIA's devices are open to every user",
      code: 'FROM python:3.12-slim\nENV NVIDIA_DRIVER_CAPABILITIES=all\nRUN apt-get update && apt-get install -y --no-install-recommends libgl1\nCOPY serve.py /app/serve.py\nEXPOSE 8000\nCMD ["python", "/app/serve.py"]\n',
      messageId: "noUser",
    },
    {
      name: "an entry script that execs a plain server under tini: no supervisor, no drop",
      code: 'FROM node:22-slim\nWORKDIR /app\nCOPY . .\nCOPY start.sh /start.sh\nEXPOSE 3000\nENTRYPOINT ["/start.sh"]\n',
      context: { files: { "start.sh": "#!/bin/sh\nexec /usr/bin/tini -- node server.js\n" } },
      messageId: "noUser",
    },
    {
      name: "a supervisord program config inside a copied folder whose program sets no user, started by node's script",
      code: 'FROM node:22-slim\nWORKDIR /app\nCOPY . .\nCOPY rootfs/ /\nCOPY start.sh /start.sh\nEXPOSE 3000\nENTRYPOINT ["/start.sh"]\n',
      context: {
        files: {
          "start.sh": "#!/bin/sh\nexec node server.js\n",
          "rootfs/etc/supervisor/conf.d/app.conf": "[program:app]\ncommand=node /app/server.js\n",
        },
      },
      messageId: "noUser",
    },
    {
      name: "a script that names another program's socket is no Docker client",
      code: 'FROM alpine:3.22\nRUN apk add --no-cache curl\nCOPY watch.sh /watch.sh\nENTRYPOINT ["/watch.sh"]\n',
      context: {
        files: { "watch.sh": "#!/bin/sh\n# not /var/run/docker.sock: the agent's own socket\ncurl --unix-socket /run/agent.sock http://localhost/status\n" },
      },
      messageId: "noUser",
    },
    {
      name: "a pip install at start into a virtual environment the image made",
      code: 'FROM python:3.12-slim\nRUN python -m venv /opt/venv\nENV PATH=/opt/venv/bin:$PATH\nCOPY start.sh /start.sh\nENTRYPOINT ["/start.sh"]\n',
      context: { files: { "start.sh": '#!/bin/sh\npip install -r "$EXTRA_REQUIREMENTS"\nexec uvicorn api:app --port 8000\n' } },
      messageId: "noUser",
    },
    {
      name: "a pip install --user at start needs no root",
      code: 'FROM python:3.12-slim\nCOPY start.sh /start.sh\nENTRYPOINT ["/start.sh"]\n',
      context: { files: { "start.sh": "#!/bin/sh\npip install --user plugin-pack\nexec python -m server\n" } },
      messageId: "noUser",
    },
    {
      name: "an entry script that starts a session message bus, which needs no root",
      code: 'FROM debian:12-slim\nRUN apt-get update && apt-get install -y --no-install-recommends dbus && rm -rf /var/lib/apt/lists/*\nCOPY start.sh /start.sh\nENTRYPOINT ["/start.sh"]\n',
      context: { files: { "start.sh": "#!/bin/sh\ndbus-uuidgen\ndbus-daemon --session --fork\nexec /usr/local/bin/player\n" } },
      messageId: "noUser",
    },
    {
      name: "an entry script that only asks whether avahi is running",
      code: 'FROM alpine:3.22\nCOPY start.sh /start.sh\nENTRYPOINT ["/start.sh"]\n',
      context: { files: { "start.sh": "#!/bin/sh\navahi-daemon --check || echo no mDNS\nexec /usr/local/bin/app\n" } },
      messageId: "noUser",
    },
    {
      name: "a toolchain driver told to run the image's own project",
      code: 'FROM erlang:27-alpine\nCOPY --from=ghcr.io/gleam-lang/gleam:v1.9.0-scratch /bin/gleam /bin/gleam\nWORKDIR /app\nCOPY . .\nRUN gleam export erlang-shipment\nCMD ["gleam", "run"]\n',
      messageId: "noUser",
    },
    {
      // jessfraz/dockerfiles' golinks: the server is built as /usr/bin/go and shipped on alpine.
      name: "a binary named like a toolchain driver, copied onto a plain OS image, is the app",
      code: 'FROM golang:1.24-alpine AS builder\nRUN go build -o /usr/bin/go ./cmd/go\nFROM alpine:3.22\nCOPY --from=builder /usr/bin/go /usr/bin/go\nENTRYPOINT ["go"]\n',
      messageId: "noUser",
    },
    {
      name: "a compiler told to run the image's own program",
      code: 'FROM alpine:3.22\nRUN apk add --no-cache crystal shards\nWORKDIR /app\nCOPY . .\nCMD ["crystal", "run", "src/app.cr"]\n',
      messageId: "noUser",
    },
    {
      name: "a header that mentions tests in passing does not make a test image",
      code: '# API server image. Tests run in CI, see test.yml.\nFROM debian:12-slim\nCOPY api /usr/local/bin/api\nCMD ["api"]\n',
      messageId: "noUser",
    },
    {
      name: "a toolchain image that starts a service of its own",
      code: 'FROM golang:1.24\nWORKDIR /src\nCOPY . .\nRUN go build -o /usr/local/bin/api .\nEXPOSE 8080\nCMD ["api"]\n',
      messageId: "noUser",
    },
    {
      name: "a start script that execs /init with no s6-overlay in the image",
      code: 'FROM alpine:3.22\nCOPY run-me.sh /run-me.sh\nENTRYPOINT ["/run-me.sh"]\n',
      context: { files: { "run-me.sh": "#!/bin/sh\nexec /init\n" } },
      messageId: "noUser",
      output: null,
    },
    {
      name: "a non-root target of another program does not excuse the root default",
      code: 'FROM golang:1.26 AS build\nRUN go build -o /out/tool . && go build -o /out/probe ./probe\nFROM scratch AS probe\nCOPY --from=build /out/probe /bin/probe\nUSER 65532\nENTRYPOINT ["/bin/probe"]\nFROM debian:trixie-slim\nCOPY --from=build /out/tool /bin/tool\nENTRYPOINT ["/bin/tool"]\n',
      messageId: "noUser",
      line: 7,
      output: null,
    },
    {
      name: "a bash -c script whose files are outside /root",
      code: 'FROM python:3.11-slim\nWORKDIR /app\nCOPY . .\nEXPOSE 8080\nENTRYPOINT ["bash", "-c", "python -m service --config=/app/settings.json --port 8080"]\n',
      messageId: "noUser",
      data: { image: "python:3.11-slim" },
    },
    {
      name: "the runtime with a script of the project's own is a service, not a runtime image",
      code: 'FROM alpine:3.22\nRUN adduser -D app\nCOPY . /app\nCMD ["node", "/app/server.js"]\n',
      messageId: "userNeverUsed",
      line: 1,
      data: { user: "app" },
    },
    {
      name: "an entry script that starts a service of its own, whatever the SDK-like mounted folder",
      code: 'FROM ubuntu:24.04\nCOPY --from=build /opt/app /opt/app\nRUN useradd -u 1000 -m app\nWORKDIR /work\nENTRYPOINT ["/opt/app/entrypoint.sh"]\n',
      context: { files: { "entrypoint.sh": "#!/bin/sh\n/opt/app/bin/server --port 8080\n" } },
      messageId: "userNeverUsed",
      line: 1,
      data: { user: "app" },
    },
    {
      name: "the created login is useradd's operand, not the group an option names",
      code: 'FROM ubuntu:24.04\nRUN useradd svc -s /usr/sbin/nologin -g users\nCOPY app /opt/app\nCMD ["/opt/app/run"]\n',
      messageId: "userNeverUsed",
      line: 1,
      data: { user: "svc" },
    },
    {
      name: "a second name for an existing UID (useradd -o) is not a user the file made for the app",
      code: 'FROM debian:bookworm\nRUN useradd httpd -g www-data -o -u 33\nCOPY app /opt/app\nCMD ["/opt/app/run"]\n',
      messageId: "noUser",
      line: 1,
      data: { image: "debian:bookworm" },
    },
    {
      name: "a control program whose daemon has no runtime folder handed to its account",
      code: 'FROM debian:bookworm\nRUN apt-get install -y widgetd\nRUN chown www-data /var/www\nCMD ["/usr/bin/widgetctl", "start", "--foreground"]\n',
      messageId: "noUser",
      line: 1,
    },
    {
      name: "a program of a package's folder whose runtime folder goes to another account",
      code: 'FROM alpine:3.22\nRUN apk add widgetd\nRUN chown -R www-data /var/run/www\nCMD ["/usr/lib/widget/start"]\n',
      messageId: "noUser",
      line: 1,
    },
    {
      name: "tools on the PATH outside root's home, HOME unset",
      code: 'FROM debian:bookworm\nENV TOOL_HOME=/opt/tool\nENV PATH=${PATH}:${TOOL_HOME}/bin\nCMD ["tool", "serve"]\n',
      messageId: "noUser",
      line: 1,
    },
    {
      name: "a header that names production only to say where the file is not used, with no development word",
      code: '# Image for the demo server; production builds tag it with the release\nFROM python:3.12-slim\nCMD ["python", "app.py"]\n',
      messageId: "noUser",
      line: 2,
    },
    {
      name: "back to root for a build step after a non-root USER",
      code: 'FROM python:3.12-slim\nUSER app\nRUN x\nUSER root\nRUN apt-get update\nENTRYPOINT ["/app/entrypoint.sh"]\n',
      messageId: "lastUserRoot",
      line: 4,
    },
    {
      name: "back to root with a program, not an entry script, as ENTRYPOINT",
      code: 'FROM python:3.12-slim\nUSER app\nRUN x\nUSER root\nENTRYPOINT ["python", "app.py"]\n',
      messageId: "lastUserRoot",
      line: 4,
    },
    {
      name: "root from the start, with an entry script",
      code: 'FROM debian:12-slim\nUSER root\nENTRYPOINT ["/entrypoint.sh"]\n',
      messageId: "lastUserRoot",
      line: 2,
    },
    {
      name: "a copied server config whose server the read entry script never starts drops nothing",
      code: 'FROM node:22-slim\nRUN useradd -r search\nCOPY search/uwsgi.ini /etc/search/uwsgi.ini\nUSER search\nRUN x\nUSER root\nCOPY run.sh /run.sh\nCMD ["/run.sh"]\n',
      context: {
        files: {
          "search/uwsgi.ini": "[uwsgi]\nuid = search\ngid = search\n",
          "run.sh": "#!/bin/sh\nsudo -u search python -m flask run &\nexec node server.js\n",
        },
      },
      messageId: "lastUserRoot",
      line: 6,
    },
    {
      name: "uv's python-based image runs as root like the python image it is built on",
      code: 'FROM ghcr.io/astral-sh/uv:python3.13-bookworm-slim\nCOPY . /srv\nRUN uv sync\nCMD ["python", "main.py"]\n',
      messageId: "noUser",
      line: 1,
    },
    {
      name: "USER root over a non-root base with a build step after it: the switch back was forgotten",
      code: 'FROM haproxy:3.0-alpine\nUSER root\nRUN apk add --no-cache curl\nCMD ["haproxy", "-f", "/etc/haproxy.cfg"]\n',
      messageId: "lastUserRoot",
      line: 2,
    },
    {
      name: "USER root on an old HAProxy, which ran as root anyway",
      code: 'FROM haproxy:2.2\nCOPY haproxy.cfg /usr/local/etc/haproxy/\nUSER root\nCMD ["haproxy", "-f", "/usr/local/etc/haproxy/haproxy.cfg"]\n',
      messageId: "lastUserRoot",
      line: 3,
    },
    {
      name: "a created user on an unknown base, with a start command of the file's own",
      code: 'FROM vendor/base:1.2\nRUN apt-get update && apt-get install -y libfoo && useradd -r svc\nCOPY app /app\nCMD ["/app/server"]\n',
      messageId: "userNeverUsed",
      line: 1,
      data: { user: "svc" },
    },
    { code: "FROM debian:bookworm-slim\nUSER root\n", messageId: "lastUserRoot", line: 2, token: "root", data: { user: "root" }, output: null },
    { name: "uid 0", code: "FROM scratch\nUSER 0\n", messageId: "lastUserRoot", line: 2, token: "0" },
    { name: "root:root", code: "FROM scratch\nUSER root:root\n", messageId: "lastUserRoot", line: 2, token: "root:root" },
    { name: "0:0", code: "FROM scratch\nUSER 0:0\n", messageId: "lastUserRoot", line: 2 },
    {
      name: "inherited from the stage the final builds on",
      code: "FROM debian AS base\nUSER root\nRUN something\nFROM base\nRUN something else\n",
      messageId: "lastUserRoot",
      line: 2,
    },
    { name: "switched back to root at the end", code: "FROM debian:bookworm-slim\nUSER app\nRUN x\nUSER root\n", messageId: "lastUserRoot", line: 4 },
    {
      name: "resolved through ARG",
      code: "FROM debian:bookworm-slim\nARG RUN_AS=root\nUSER ${RUN_AS}\n",
      messageId: "lastUserRoot",
      line: 3,
      token: "${RUN_AS}",
    },
    {
      name: "oven/bun runs as root; its bun user is offered",
      code: 'FROM oven/bun:1.2-alpine\nCOPY . /app\nCMD ["bun", "run", "src/index.ts"]\n',
      messageId: "noUser",
      output: 'FROM oven/bun:1.2-alpine\nCOPY . /app\nUSER bun\nCMD ["bun", "run", "src/index.ts"]\n',
    },
    { name: "python -u is unbuffered output, not a user", code: 'FROM python:3.12-slim\nCOPY . /app\nCMD ["python", "-u", "main.py"]\n', messageId: "noUser" },
    {
      name: "distroless default (root) tag per architecture",
      code: "FROM gcr.io/distroless/static-debian12:latest-amd64\nCOPY app /app\n",
      messageId: "noUser",
      line: 1,
    },
    {
      // A quoted USER that resolves to root is still root; the message shows the resolved value.
      name: 'quoted USER "$UID" resolving to root',
      code: 'FROM debian:bookworm-slim\nARG UID=0\nUSER "$UID"\nCMD ["app"]\n',
      messageId: "lastUserRoot",
      line: 3,
      data: { user: "0" },
    },
    {
      name: "a VOLUME handed to the created user (find -exec chown over its parent): the USER line alone is the remedy",
      code: 'FROM debian:bookworm-slim\nRUN useradd -u 5984 -d /opt/couchdb couchdb\nCOPY app /opt/couchdb/bin/app\nRUN find /opt/couchdb \\! -user couchdb -exec chown -f couchdb:couchdb \'{}\' +\nVOLUME ["/opt/couchdb/data"]\nCMD ["/opt/couchdb/bin/app"]\n',
      messageId: "userNeverUsed",
      data: { user: "couchdb" },
    },
    {
      name: "a working directory filled by a copy to a folder above it is not empty",
      code: 'FROM debian:bookworm-slim\nWORKDIR /app\nCOPY --from=build /target /\nEXPOSE 8080\nENTRYPOINT ["./app"]\n',
      messageId: "noUser",
    },
    {
      name: "a working directory a RUN fills (git clone) is not empty",
      code: 'FROM python:3.12-slim\nWORKDIR /srv/app\nRUN git clone https://example.com/app.git .\nEXPOSE 8000\nCMD ["python", "main.py"]\n',
      messageId: "noUser",
    },
    {
      name: "a build tool's cache under /root is not the app's data",
      code: 'FROM python:3.12-slim\nENV UV_CACHE_DIR=/root/.cache/uv\nCOPY . /app\nCMD ["python", "/app/main.py"]\n',
      messageId: "noUser",
    },
    {
      name: "gosu installed but the entry script read from the context never calls it: start through it",
      code: 'FROM node:20-slim\nRUN apt-get update && apt-get install -y gosu\nCOPY start.sh /app/start.sh\nENTRYPOINT ["/app/start.sh"]\n',
      context: { files: { "start.sh": "#!/bin/bash\nnode ./server.js &\nnode ./worker.js &\nwait -n\n" } },
      messageId: "dropperUnused",
      data: { tool: "gosu" },
      output: null,
    },
    {
      name: "setuser in the context but not in what the image copies: nothing drops root",
      code: 'FROM debian:bookworm-slim\nCOPY app/ /srv/app/\nCMD ["/srv/app/server"]\n',
      context: { rootEntries: ["Dockerfile", "app/", "tool/"], files: { "tool/setuser": "" } },
      messageId: "noUser",
    },
    {
      name: "setuser shipped with the whole context, but the entry script read never calls it and runs no other script",
      code: 'FROM debian:bookworm-slim\nCOPY . /container\nENTRYPOINT ["/container/start.sh"]\n',
      context: { rootEntries: ["Dockerfile", "start.sh", "tool/"], files: { "start.sh": "#!/bin/sh\nexec /container/server\n", "tool/setuser": "" } },
      messageId: "dropperUnused",
      data: { tool: "setuser" },
      output: null,
    },
    {
      name: "a vendor base of unknown user that the build's own package install shows is root, with a user made and never used",
      code: 'FROM registry.example.com/os/minimal:9\nRUN microdnf install -y tar sudo && useradd -ms /bin/bash tool && chown -R tool /opt/tool\nWORKDIR /work\nCMD ["tool"]\n',
      messageId: "userNeverUsed",
      data: { user: "tool" },
      output:
        'FROM registry.example.com/os/minimal:9\nRUN microdnf install -y tar sudo && useradd -ms /bin/bash tool && chown -R tool /opt/tool\nWORKDIR /work\nUSER tool\nCMD ["tool"]\n',
    },
    {
      name: "a VOLUME, and a user the file creates: the missing USER is reported, with the volume to hand over",
      code: 'FROM python:3.12-slim\nRUN useradd -r app\nVOLUME /data\nCMD ["gunicorn", "app:app"]\n',
      messageId: "userNeverUsedData",
      data: { user: "app", folders: "'/data'" },
    },
    {
      name: "a user's home made by useradd, and a data volume root makes inside it afterwards: the volume is still root's",
      code: 'FROM debian:bookworm-slim\nRUN useradd -m -d /app app && mkdir /app/data\nVOLUME /app/data\nCOPY app /usr/local/bin/app\nCMD ["app"]\n',
      messageId: "userNeverUsedData",
      data: { user: "app", folders: "'/app/data'" },
    },
    {
      // COPY gives what it copies to root, --from included (moby#37123): a builder's chown is not the image's.
      name: "a builder that hands the volume's folder to its own user hands nothing to the image's",
      code: 'FROM debian:12 AS build\nRUN useradd -m app && mkdir /data && chown app /data\n\nFROM debian:12\nRUN useradd -m web\nVOLUME /data\nCMD ["/usr/local/bin/server"]\n',
      messageId: "userNeverUsedData",
      data: { user: "web", folders: "'/data'" },
    },
    {
      // apache/answer: COPY keeps a file's mode, so a folder a builder opens to any UID stays open.
      name: "a volume a builder opened to any UID and the image copies: the USER line is all that is missing",
      code: 'FROM alpine:3.20 AS build\nRUN mkdir -p /data/uploads && chmod 777 /data/uploads\n\nFROM alpine:3.20\nRUN adduser -D app\nCOPY --from=build /data /data\nVOLUME /data/uploads\nCMD ["/usr/bin/app"]\n',
      messageId: "userNeverUsed",
      data: { user: "app" },
    },
    {
      name: "adduser told not to make the home hands no folder over",
      code: 'FROM debian:bookworm-slim\nRUN adduser --system --no-create-home --home /data app\nVOLUME /data\nCOPY app /usr/local/bin/app\nCMD ["app"]\n',
      messageId: "userNeverUsedData",
      data: { user: "app", folders: "'/data'" },
    },
    ...[
      "RUN useradd app && install -d -o app -m 0750 /data",
      "RUN useradd -m -d /data app",
      "RUN useradd app && mkdir /data && find /data -type d | xargs chown app",
      "RUN useradd app && mkdir -m 0777 /data",
    ].map((handover) => ({
      name: `a VOLUME handed over another way (${handover.slice(4)}): the USER line is all that is missing`,
      code: `FROM debian:bookworm-slim\n${handover}\nVOLUME /data\nCOPY app /usr/local/bin/app\nCMD ["app"]\n`,
      messageId: "userNeverUsed",
      data: { user: "app" },
    })),
    {
      name: "an id variable named for something else than the program (.NET's APP_UID for a USER line): the user is still unused",
      code: 'FROM debian:bookworm-slim\nENV APP_UID=1654\nRUN useradd --uid=1654 --create-home app\nCOPY --chown=app out /app\nWORKDIR /app\nENTRYPOINT ["dotnet", "Api.dll"]\n',
      messageId: "userNeverUsed",
      data: { user: "app" },
    },
    {
      name: "a VOLUME chowned to the created user: the USER line is all that is missing",
      code: 'FROM python:3.12-slim\nRUN useradd -r app && mkdir /data && chown -R app:app /data\nVOLUME /data\nCMD ["gunicorn", "app:app"]\n',
      messageId: "userNeverUsed",
      data: { user: "app" },
    },
    {
      name: "a VOLUME the file opens to any UID (a folder inside it made world-writable)",
      code: 'FROM alpine:3.22\nRUN mkdir -p /data/uploads && chmod 777 /data/uploads\nVOLUME /data\nENTRYPOINT ["/entrypoint.sh"]\n',
      messageId: "noUser",
    },
    {
      name: "a compose volume on a service that pulls another project's image",
      code: 'FROM node:22-slim\nCOPY . /srv/shop\nCMD ["node", "/srv/shop/server.js"]\n',
      context: {
        composeServices: [
          { file: "compose.yaml", builds: false, image: "acme/billing:1", user: null, mounts: [{ target: "/data", source: "volume", readOnly: false }] },
        ],
      },
      messageId: "noUser",
    },
    {
      name: "a compose file that mounts the project's sources is a development setup: its volumes are no deployment's data",
      code: 'FROM node:22-slim\nCOPY . /app\nCMD ["node", "server.js"]\n',
      context: {
        composeServices: [
          { file: "compose.yaml", builds: true, image: null, user: null, mounts: [{ target: "/app/src", source: "project", readOnly: false }] },
          { file: "compose.yaml", builds: true, image: null, user: null, mounts: [{ target: "/var/lib/app", source: "volume", readOnly: false }] },
        ],
      },
      messageId: "noUser",
    },
    {
      name: "a compose service that runs the image as root",
      code: 'FROM alpine:3.22\nCOPY app /usr/bin/app\nCMD ["app"]\n',
      context: { composeServices: [{ file: "compose.yaml", builds: true, image: null, user: "0:0", mounts: [] }] },
      messageId: "noUser",
    },
    {
      name: "an entry script whose last line runs the app through su as root",
      code: "FROM debian:12-slim\nUSER app\nRUN x\nUSER root\nCOPY server /app/bin/server\nCMD /app/bin/server\n",
      context: { files: { "rel/bin/server": "#!/bin/sh\nmount-things\nsu -s /bin/bash root -c 'exec ./app start'\n" } },
      messageId: "lastUserRoot",
    },
    {
      name: "a tool as ENTRYPOINT whose working directory holds its own files",
      code: 'FROM node:22-alpine\nWORKDIR /usr/src/tool\nCOPY . .\nRUN npm install -g .\nENTRYPOINT ["tool"]\n',
      messageId: "noUser",
    },
    {
      name: "an exec-form shell line that starts no server dropping root",
      code: 'FROM node:22-slim\nCOPY . /app\nCMD ["sh", "-c", "node migrate.js && exec node server.js"]\n',
      messageId: "noUser",
    },
    {
      name: "an entry script that only looks up a root-only command (command -v) starts the app as root",
      code: 'FROM python:3.12-slim\nCOPY start.sh /start.sh\nCMD ["/start.sh"]\n',
      context: { files: { "start.sh": '#!/bin/sh\ncommand -v update-ca-certificates || echo "no chown here"\nexec gunicorn app:app\n' } },
      messageId: "noUser",
    },
    {
      name: "a CI workflow file named in a comment (test-only.yml) is no development marker",
      code: '# Set for the GitHub Action test purpose (test-only.yml).\nFROM python:3.12-slim\nCOPY . /app\nCMD ["python", "/app/main.py"]\n',
      messageId: "noUser",
      line: 2,
    },
    {
      name: "a Dockerfile.dev that the project's CI builds and pushes is the published image",
      code: 'FROM node:22-slim\nCOPY . /app\nCMD ["node", "/app/server.js"]\n',
      context: { dockerfilePath: "Dockerfile.dev", publishedByCi: true },
      messageId: "noUser",
    },
    {
      name: "a Procfile that also starts a program keeping root",
      code: 'FROM php:8.3-fpm\nUSER www-data\nRUN composer install\nUSER root\nCOPY Procfile .\nCMD ["forego", "start"]\n',
      context: { files: { Procfile: "fpm: php-fpm\nworker: php artisan queue:work\n" } },
      messageId: "lastUserRoot",
      line: 4,
    },
    {
      name: "a greeting as the default command of an image that exposes a port",
      code: 'FROM debian:bookworm-slim\nCOPY --from=bin /deno /usr/bin/deno\nEXPOSE 8000\nCMD ["deno", "eval", "console.log(\'hi\')"]\n',
      messageId: "noUser",
    },
    {
      name: "an init wrapper around a server, not a shell",
      code: 'FROM ubuntu:24.04\nCOPY app /usr/local/bin/app\nENTRYPOINT ["tini", "--"]\nCMD ["/usr/local/bin/app", "serve"]\n',
      messageId: "noUser",
    },
    {
      name: "the lightbulb adds USER for the user the file creates",
      code: 'FROM debian:bookworm-slim\nRUN useradd --system app\nCOPY app /app\nCMD ["/app"]\n',
      messageId: "userNeverUsed",
      line: 1,
      output: 'FROM debian:bookworm-slim\nRUN useradd --system app\nCOPY app /app\nUSER app\nCMD ["/app"]\n',
    },
    {
      // Found by the long fuzz (seed 101): the USER line went to a line past the end of the document.
      // A port makes it a service, not an environment image its users bring commands to.
      name: "the lightbulb adds USER at the end of a file without a final newline or start command",
      code: "FROM debian:bookworm-slim\nRUN useradd --system app\nEXPOSE 8080\nCOPY app /app",
      messageId: "userNeverUsed",
      output: "FROM debian:bookworm-slim\nRUN useradd --system app\nEXPOSE 8080\nCOPY app /app\nUSER app\n",
    },
    {
      name: "the lightbulb adds USER for the image's own non-root user",
      code: 'FROM mcr.microsoft.com/dotnet/aspnet:10.0\nCOPY out /app\nENTRYPOINT ["dotnet", "/app/Api.dll"]\n',
      messageId: "noUser",
      output: 'FROM mcr.microsoft.com/dotnet/aspnet:10.0\nCOPY out /app\nUSER app\nENTRYPOINT ["dotnet", "/app/Api.dll"]\n',
    },
    {
      // supabase realtime's run.sh: runuser only for a migration, then the server is exec-ed as root.
      name: "an entry script that drops root only for a side step",
      code: 'FROM debian:bookworm-slim\nCOPY run.sh /app/run.sh\nENTRYPOINT ["/usr/bin/tini", "--", "/app/run.sh"]\n',
      context: { files: { "run.sh": '#!/bin/sh\nrunuser -u nobody -- /app/bin/migrate\nexec "$@"\n' } },
      messageId: "noUser",
    },
    {
      name: "a supervisor service run file that starts its program as root",
      code: 'FROM alpine:3.22\nRUN apk add --no-cache s6\nCOPY services /etc/services\nENTRYPOINT ["/etc/services/boot.sh"]\n',
      context: { files: { "services/api/run": "#!/bin/sh\ncd /srv/api\nexec /srv/api/server --port 8080\n" } },
      messageId: "noUser",
    },
    {
      name: "a run file that mentions a dropper only in a comment",
      code: 'FROM alpine:3.22\nCOPY services /etc/services\nENTRYPOINT ["/start.sh"]\n',
      context: { files: { "services/api/run": "#!/bin/sh\n# TODO: switch to s6-setuidgid\nexec /srv/api/server\n" } },
      messageId: "noUser",
    },
    {
      name: "ONBUILD-free image with a command: a service, whatever it installs",
      code: 'FROM node:24-slim\nRUN curl -fsSL https://deb.nodesource.com/setup_24.x | bash\nCOPY . /app\nCMD ["node", "/app/index.js"]\n',
      messageId: "noUser",
    },
    {
      name: "an image that only mentions docker.io in its base name is no Docker client",
      code: 'FROM docker.io/python:3.13-slim\nCOPY . /app\nENTRYPOINT ["python", "/app/main.py"]\n',
      messageId: "noUser",
    },
    {
      name: "a compose file mounting the sources does not excuse a Dockerfile whose comments say it is deployed",
      code: '# The production image; compose only adds a dev entrypoint.\nFROM python:3.12-slim\nCOPY . .\nCMD ["gunicorn", "app:app"]\n',
      context: { composeSourceMount: true },
      messageId: "noUser",
    },
    {
      name: "a base-looking image that copies a program into a bin folder is an application image",
      code: "FROM ubuntu:24.04\nRUN apt-get update && apt-get install -y ca-certificates\nCOPY --from=build /src/target/release/node /usr/local/bin/node\n",
      messageId: "noUser",
    },
    {
      name: "a base-looking image that copies sources from the context is an application image",
      code: "FROM python:3.12-slim\nWORKDIR /srv\nCOPY . .\nRUN pip install -r requirements.txt\n",
      messageId: "noUser",
    },
    {
      name: "a collect-only stage that exposes a port is a service",
      code: "FROM alpine:3.22\nCOPY --from=build /out/server /srv/server\nEXPOSE 8080\n",
      messageId: "noUser",
    },
    {
      name: "a help default command on an image that exposes a port is still a server",
      code: 'FROM ubuntu:24.04\nCOPY --from=build /out/ /opt/app/\nEXPOSE 9000\nENTRYPOINT ["/opt/app/bin/admin.sh"]\nCMD ["-help"]\n',
      messageId: "noUser",
    },
    {
      name: "an entry script whose last line runs a dropper only for a side step, then the server",
      code: 'FROM debian:bookworm-slim\nCOPY start.sh /start.sh\nENTRYPOINT ["/start.sh"]\n',
      context: { files: { "start.sh": "#!/bin/sh\nsu-exec nobody /app/bin/migrate\n/app/bin/server\n" } },
      messageId: "noUser",
    },
    {
      name: "an nginx 'user' directive alone does not drop the master's root",
      code: 'FROM debian:bookworm-slim\nRUN apt-get update && apt-get install -y nginx\nCOPY nginx.conf /etc/nginx/nginx.conf\nCOPY run.sh /run.sh\nCMD ["/run.sh"]\n',
      context: { files: { "nginx.conf": "user www-data;\nworker_processes auto;\n" } },
      messageId: "noUser",
    },
    {
      name: "no USER at all",
      code: 'FROM node:24-slim\nCOPY . .\nCMD ["node", "index.js"]\n',
      messageId: "noUser",
      line: 1,
      token: "node:24-slim",
      data: { image: "node:24-slim" },
    },
    {
      name: "Debian's docker package is a docklet, not Docker",
      code: 'FROM debian:12\nRUN apt-get update && apt-get install -y docker\nCOPY app /app\nCMD ["/app"]\n',
      messageId: "noUser",
    },
    {
      name: "a file named after its base's version but with no sibling for another version",
      code: 'FROM python:3.11\nCOPY ./app /app\nCMD ["/start.sh"]\n',
      context: { dockerfilePath: "python3.11.dockerfile", dockerfileVariants: ["python3.11-slim.dockerfile"] },
      messageId: "noUser",
    },
    {
      name: "version siblings whose names do not carry the base's version",
      code: 'FROM python:3.12\nCOPY ./app /app\nCMD ["/start.sh"]\n',
      context: { dockerfilePath: "app2.dockerfile", dockerfileVariants: ["app1.dockerfile"] },
      messageId: "noUser",
    },
    {
      name: "unbound told to stay root (an empty username in the config its script writes to /tmp)",
      code: 'FROM debian:bookworm-slim\nCOPY unbound.sh /\nEXPOSE 53/udp\nCMD ["/unbound.sh"]\n',
      context: { files: { "unbound.sh": '#!/bin/sh\ncat > /tmp/unbound.conf <<EOF\nserver:\n    username: ""\nEOF\nexec unbound -d -c /tmp/unbound.conf\n' } },
      messageId: "noUser",
    },
    {
      name: "a start script that writes a config into a folder the file hands to the user (chown)",
      code: 'FROM node:22-slim\nRUN mkdir -p /etc/webapp && chown -R node /etc/webapp\nCOPY start.sh /start.sh\nEXPOSE 8080\nENTRYPOINT ["/start.sh"]\n',
      context: { files: { "start.sh": '#!/bin/sh\necho "{\\"port\\": 8080}" > /etc/webapp/settings.json\nexec node /srv/main.js\n' } },
      messageId: "noUser",
    },
    {
      name: "a start script that writes under a variable it sets itself",
      code: 'FROM node:22-slim\nWORKDIR $APP_ROOT\nCOPY run.sh /run.sh\nEXPOSE 8080\nCMD ["/run.sh"]\n',
      context: { files: { "run.sh": "#!/bin/sh\nAPP_ROOT=/tmp/site\necho ok > $APP_ROOT/ready\nexec node /srv/main.js\n" } },
      messageId: "noUser",
    },
    {
      name: "haproxy with no config naming a user stays root",
      code: 'FROM debian:bookworm-slim\nRUN apt-get update && apt-get install -y haproxy\nCMD ["haproxy", "-f", "/etc/haproxy/haproxy.cfg"]\n',
      messageId: "noUser",
    },
    {
      name: "an entry script that only checks the nginx config, then starts the app as root",
      code: 'FROM node:22-slim\nCOPY start.sh /start.sh\nCMD ["/start.sh"]\n',
      context: { files: { "start.sh": "#!/bin/sh\nnginx -t\nexec node server.js\n" } },
      messageId: "noUser",
    },
    {
      name: "a test compose file's mounts are no deployment's data",
      code: 'FROM debian:13-slim\nCOPY app /usr/bin/app\nCMD ["app"]\n',
      context: {
        composeServices: [
          {
            file: "docker/docker-compose-test.yml",
            builds: true,
            image: null,
            user: null,
            mounts: [{ target: "/test-results", source: "host", readOnly: false }],
          },
        ],
      },
      messageId: "noUser",
    },
    {
      name: "Debian's docker package from a build argument is no Docker client",
      code: 'FROM debian:13-slim\nARG TOOLS="docker curl"\nRUN apt-get update && apt-get install -y ${TOOLS}\nCOPY app /usr/bin/app\nCMD ["app"]\n',
      messageId: "noUser",
    },
    {
      name: "denoland/deno runs as root; its deno user is offered",
      code: 'FROM denoland/deno:2.1.4\nWORKDIR /srv\nCOPY . .\nRUN deno cache main.ts\nCMD ["run", "--allow-net", "main.ts"]\n',
      messageId: "noUser",
      output: 'FROM denoland/deno:2.1.4\nWORKDIR /srv\nCOPY . .\nRUN deno cache main.ts\nUSER deno\nCMD ["run", "--allow-net", "main.ts"]\n',
    },
    {
      name: "the distroless deno variant has no deno user: nothing is offered",
      code: 'FROM denoland/deno:distroless-2.1.4\nCOPY main.ts /srv/\nCMD ["run", "/srv/main.ts"]\n',
      messageId: "noUser",
      output: null,
    },
    {
      name: "an option given a user other than nobody is not read as a switch",
      code: 'FROM alpine:3.21\nCOPY relay /usr/bin/\nCMD ["relay", "-a", "admin", "-c", "/etc/relay.json"]\n',
      messageId: "noUser",
    },
    {
      name: "a wrapper whose command after -- is an app, not a daemon that drops",
      code: 'FROM alpine:3.21\nCOPY restarter app /usr/bin/\nENTRYPOINT ["restarter", "--watch", "/etc/app.yml", "--", "app", "serve"]\n',
      messageId: "noUser",
    },
    {
      name: "a shell-form exec of an app that stays root",
      code: "FROM python:3.13-slim\nCOPY . /srv\nCMD exec python /srv/server.py\n",
      messageId: "noUser",
    },
    {
      name: "an entry script that links inside the app's folder the file hands to the user",
      code: 'FROM node:22-slim\nCOPY start.sh /start.sh\nCOPY --chown=node . /srv\nCMD ["/start.sh"]\n',
      context: { files: { "start.sh": "#!/bin/sh\nln -sf /srv/config/prod.json /srv/config/current.json\nexec node /srv/index.js\n" } },
      messageId: "noUser",
    },
    {
      name: "a USER root whose comment is about a build step that follows it",
      code: 'FROM node:22-slim\nCOPY . /app\n# need root to install the system packages\nUSER root\nRUN apt-get update && apt-get install -y curl\nCMD ["node", "/app/server.js"]\n',
      messageId: "lastUserRoot",
    },
    {
      name: "a data-folder ENV under /tmp is writable by any user",
      code: 'FROM node:22-bookworm-slim\nWORKDIR /usr/app\nCOPY dist ./dist\nENV DATA_DIR=/tmp/app-data\nCMD ["node", "dist/index.js"]\n',
      messageId: "noUser",
    },
    {
      name: "a data folder under /tmp is writable by any user",
      code: 'FROM debian:13-slim\nCOPY collector /bin/collector\nENTRYPOINT ["/bin/collector"]\nCMD ["--data-dir=/tmp/collector"]\n',
      messageId: "noUser",
    },
    {
      name: "a Python entry script that runs a dropper only for a side step, then execs the app as root",
      code: 'FROM python:3.12-slim\nCOPY boot.py /boot.py\nEXPOSE 8000\nENTRYPOINT ["/boot.py"]\n',
      context: {
        files: {
          "boot.py":
            '#!/usr/bin/env python3\nimport os, subprocess, sys\nsubprocess.run(["gosu", "nobody", "/app/migrate"], check=True)\nos.execv(sys.executable, [sys.executable, "-m", "app"])\n',
        },
      },
      messageId: "noUser",
    },
    {
      name: "one file copied from a stage that installed gosu is not the dropper",
      code: 'FROM debian:13 AS tools\nRUN apt-get update && apt-get install -y gosu curl\nFROM debian:13-slim\nCOPY --from=tools /usr/bin/curl /usr/bin/curl\nCOPY server /usr/local/bin/server\nEXPOSE 8080\nCMD ["server"]\n',
      messageId: "noUser",
      line: 3,
    },
    {
      name: "a system tree copied from a stage that unpacked gosu, while the entry script starts the app itself",
      code:
        'FROM debian:13 AS debs\nRUN apt-get update && apt-get download gosu libpq5 && for d in *.deb; do dpkg -x "$d" /out; done\n' +
        'FROM python:3.12-slim\nCOPY --from=debs /out/usr /usr\nCOPY run.sh /run.sh\nEXPOSE 8000\nENTRYPOINT ["/run.sh"]\n',
      context: { files: { "run.sh": "#!/bin/sh\nchmod 700 /tmp/app\nexec python -m app\n" } },
      messageId: "dropperUnused",
      line: 3,
      data: { tool: "gosu" },
    },
    {
      name: "a system account on an image that exposes only unprivileged ports is still a forgotten user",
      code: 'FROM debian:12-slim\nRUN apt-get update && apt-get install -y libfoo && adduser --system --group resolver\nCOPY --from=build /out/resolverd /usr/sbin/\nEXPOSE 5353/udp\nCMD ["resolverd"]\n',
      messageId: "userNeverUsed",
    },
    {
      name: "a login account beside a privileged port: not a daemon's system account",
      code: 'FROM debian:12-slim\nRUN useradd -m web\nCOPY --from=build /out/web /usr/bin/web\nEXPOSE 80\nCMD ["web"]\n',
      messageId: "userNeverUsed",
    },
    {
      name: "a link into PATH from a folder that is not root's home",
      code: 'FROM node:22-slim\nRUN curl -fsSL https://example.org/install | bash && ln -s /opt/tool/bin/tool /usr/local/bin/tool\nCOPY . /srv/app\nCMD ["node", "/srv/app/main.js"]\n',
      messageId: "noUser",
    },
    {
      name: "a server given a user as a side step in the middle of the script, then the app as root",
      code: 'FROM node:22-slim\nCOPY start.sh /start.sh\nCOPY . /srv/app\nENTRYPOINT ["/start.sh"]\n',
      context: { files: { "start.sh": "#!/bin/sh\nschema-tool --user=app migrate\nexec node /srv/app/server.js\n" } },
      messageId: "noUser",
    },
    {
      name: "a bare -u on the script's last line without exec is not read as a user",
      code: 'FROM node:22-slim\nCOPY start.sh /start.sh\nCOPY . /srv/app\nENTRYPOINT ["/start.sh"]\n',
      context: { files: { "start.sh": "#!/bin/sh\nenv -u DEBUG node /srv/app/server.js\n" } },
      messageId: "noUser",
    },
    {
      name: "a documented run that mounts a folder read-only keeps no data there",
      code: '# Run with: docker run -d -v /srv/conf:/etc/app:ro acme/app\nFROM eclipse-temurin:21-jre\nCOPY app.jar /opt/app/app.jar\nCMD ["java", "-jar", "/opt/app/app.jar"]\n',
      messageId: "noUser",
      line: 2,
    },
    {
      name: "a start script that writes a marker in / at a path the file creates and hands to the user",
      code: 'FROM ubuntu:24.04\nRUN useradd -m app && touch /ready && chown app /ready\nCOPY start.sh /start.sh\nCMD ["/start.sh"]\n',
      context: { files: { "start.sh": "#!/bin/sh\ntouch /ready\nexec /opt/app/bin/server\n" } },
      messageId: "userNeverUsed",
    },
    {
      name: "a loop over a folder of scripts the file does not copy (the operator mounts it)",
      code: 'FROM ubuntu:24.04\nRUN useradd -m app\nCOPY docker-entrypoint.sh /\nENTRYPOINT ["/docker-entrypoint.sh"]\n',
      context: {
        files: {
          "docker-entrypoint.sh": '#!/bin/bash\nfor f in /custom.d/*.sh; do\n  "$f"\ndone\nexec /opt/app/bin/server\n',
          "custom.d/10-perms.sh": "#!/bin/sh\nchown -R app /srv/data\n",
        },
      },
      messageId: "userNeverUsed",
    },
    {
      name: "a loop that only lists a copied folder's scripts does not run them",
      code: 'FROM ubuntu:24.04\nRUN useradd -m app\nCOPY docker-entrypoint.sh /\nCOPY docker-entrypoint.d /docker-entrypoint.d\nENTRYPOINT ["/docker-entrypoint.sh"]\n',
      context: {
        files: {
          "docker-entrypoint.sh": '#!/bin/bash\nfor f in /docker-entrypoint.d/*.sh; do\n  echo "found $f"\ndone\nexec /opt/app/bin/server\n',
          "docker-entrypoint.d/10-perms.sh": "#!/bin/sh\nchown -R app /srv/data\n",
        },
      },
      messageId: "userNeverUsed",
    },
    {
      name: "an entry script that writes relative files after a cd into /tmp: anyone may write there",
      code: 'FROM node:22-slim\nWORKDIR /srv/app\nCOPY . .\nCOPY start.sh /start.sh\nENTRYPOINT ["/start.sh"]\n',
      context: { files: { "start.sh": "#!/bin/sh\ncd /tmp\nmkdir -p cache\necho ready > state.txt\ncd /srv/app\nexec node server.js\n" } },
      messageId: "noUser",
    },
    {
      name: "a relative write after a cd only one branch runs: the folder is not known",
      code: 'FROM node:22-slim\nCOPY . /srv/app\nCOPY start.sh /start.sh\nENTRYPOINT ["/start.sh"]\n',
      context: { files: { "start.sh": '#!/bin/sh\nif [ -n "$APP_HOME" ]; then\n  cd /srv/app\nfi\nmkdir -p logs\nexec node /srv/app/server.js\n' } },
      messageId: "noUser",
    },
    {
      name: "keytool listing a keystore in the app folder only reads it",
      code: 'FROM eclipse-temurin:21-jre\nCOPY app.jar start.sh /srv/app/\nENTRYPOINT ["/srv/app/start.sh"]\n',
      context: { files: { "start.sh": "#!/bin/sh\ncd /srv/app\nkeytool -list -keystore app.jks -storepass changeit\nexec java -jar app.jar\n" } },
      messageId: "noUser",
    },
    {
      name: "relative writes into a working directory the file hands to the image's user",
      code: 'FROM node:22-slim\nWORKDIR /app\nCOPY --chown=node:node . .\nCMD ["/app/start.sh"]\n',
      context: { files: { "start.sh": "#!/bin/sh\nmkdir -p logs\nexec node server.js > logs/out.log\n" } },
      messageId: "noUser",
    },
    {
      name: "an arithmetic comparison in the working directory is no redirection",
      code: 'FROM node:22-slim\nWORKDIR /app\nCOPY . .\nCMD ["/app/start.sh"]\n',
      context: { files: { "start.sh": "#!/bin/bash\nif (( WORKERS > limit )); then WORKERS=4; fi\nexec node server.js\n" } },
      messageId: "noUser",
    },
    {
      name: "a bare '--storage' naming a backend, not a folder",
      code: 'FROM node:22-slim\nWORKDIR /app\nCOPY . .\nCMD ["node", "server.js", "--storage", "memory"]\n',
      messageId: "noUser",
    },
    {
      name: "a relative data folder where the working directory is not known",
      code: 'FROM node:22-slim\nCOPY . /srv/app\nCMD ["node", "/srv/app/server.js", "--data-dir", "data"]\n',
      messageId: "noUser",
    },
    {
      name: "dart pub get in the final image for a program it compiles there: the binary carries its packages",
      code: 'FROM dart:stable\nWORKDIR /app\nCOPY . .\nRUN dart pub get && dart compile exe bin/server.dart -o /app/server\nEXPOSE 8080\nCMD ["/app/server"]\n',
      messageId: "noUser",
    },
    {
      name: "dart pub get into a cache the file moves out of root's home",
      code: 'FROM dart:stable\nENV PUB_CACHE=/opt/pub-cache\nWORKDIR /app\nCOPY . .\nRUN dart pub get\nEXPOSE 8080\nCMD ["dart", "run", "bin/server.dart"]\n',
      messageId: "noUser",
    },
    {
      name: "dart pub get for a snapshot the image compiles and starts: the snapshot carries its packages",
      code: 'FROM dart:stable\nWORKDIR /app\nCOPY . .\nRUN dart pub get && dart compile kernel bin/server.dart -o server.dill\nEXPOSE 8080\nCMD ["dart", "server.dill"]\n',
      messageId: "noUser",
    },
    {
      name: "a pip --user install whose packages a compiled binary never reads",
      code: 'FROM python:3.12-slim\nRUN pip install --user pyinstaller\nCOPY app /usr/local/bin/app\nEXPOSE 8080\nCMD ["/usr/local/bin/app"]\n',
      messageId: "noUser",
    },
    {
      name: "compose re-installs over the mounted sources, but CI publishes the image: it ships",
      code: RAILS_DEV_IMAGE,
      context: { composeSourceMount: true, publishedByCi: true, composeServices: [reinstallingService] },
      messageId: "noUser",
    },
    {
      name: "one compose service re-installs over the mounted sources, another runs the image as built",
      code: RAILS_DEV_IMAGE,
      context: { composeSourceMount: true, composeServices: [reinstallingService, { ...reinstallingService, mounts: [], command: ["rails", "server"] }] },
      messageId: "noUser",
    },
    {
      name: "compose mounts the sources but only starts the server: the comment that it is deployed stands",
      code: RAILS_DEV_IMAGE,
      context: { composeSourceMount: true, composeServices: [{ ...reinstallingService, command: ["rails", "server"] }] },
      messageId: "noUser",
    },
  ],
  silent: [
    {
      // Held-out CL, Keylime's agent: its config's run_as = "keylime:tss"; it opens the TPM and the IMA logs as root first.
      name: "a user created for the program to drop privileges to, with USER 0:0 kept",
      code: "FROM fedora:41\nCOPY keylime_agent /bin/keylime_agent\n# Create a system user 'keylime' to allow dropping privileges\nRUN useradd -s /sbin/nologin -r -G tss keylime\n# run as root by default\nUSER 0:0\nENTRYPOINT [\"/bin/keylime_agent\"]\n",
    },
    {
      // Held-out CN, PrairieLearn's Python grader: run.sh sets up /grade as root, then su's to ag for the grading.
      name: "a created user that the entry script runs its job as (su -c ... ag), keeping root for its setup",
      code: 'FROM amazonlinux:2023\nCOPY python_autograder /python_autograder\nRUN useradd ag && chmod +x /python_autograder/run.sh\nENTRYPOINT ["/python_autograder/run.sh"]\n',
      context: {
        rootEntries: ["python_autograder/"],
        files: {
          "python_autograder/run.sh":
            '#!/bin/bash\nmkdir -p /grade/results\nchmod 700 /grade/results\nsu -c "python3 /grade/run/pl_main.py" ag\ncp /grade/run/results.json /grade/results/\n',
        },
      },
    },
    {
      name: "a user created for the program's privilege separation, never switched to in the file",
      code: 'FROM debian:12-slim\nCOPY sshd-like /usr/sbin/daemon\n# user for privilege separation\nRUN useradd -r -s /usr/sbin/nologin daemonuser\nENTRYPOINT ["/usr/sbin/daemon"]\n',
    },
    {
      // Held-out CB, nipreps/fmriprep: the user only lends a home that every UID may write.
      name: "the created user's home opened to every UID (chmod -R go=u $HOME): the image runs as the UID it is given",
      code: 'FROM ubuntu:24.04\nRUN useradd -m -s /bin/bash -G users fmriprep\nWORKDIR /home/fmriprep\nENV HOME="/home/fmriprep"\nRUN chmod -R go=u $HOME\nCOPY app.py /app/app.py\nENTRYPOINT ["python3", "/app/app.py"]\n',
    },
    {
      // Held-out CB, linkedin/oncall: the CMD starts the app through sudo as its user.
      name: "a start command run through sudo as the user the file creates (sudo -EHu NAME)",
      code: 'FROM ubuntu:20.04\nRUN apt-get update && apt-get install -y sudo python3 && rm -rf /var/lib/apt/lists/*\nRUN useradd -m -s /bin/bash oncall\nCOPY app.py /home/oncall/app.py\nCMD ["sudo", "-EHu", "oncall", "bash", "-c", "python3 -u /home/oncall/app.py"]\n',
    },
    {
      // Held-out BW, Imposter's base image: its children run 'ONBUILD RUN chown ...' as root, then switch.
      name: "a base whose ONBUILD triggers switch to the user it creates",
      code: 'FROM eclipse-temurin:21-jre-jammy\nRUN adduser imposter --uid 2048\nONBUILD RUN chown -R imposter:imposter /opt/imposter\nONBUILD USER imposter\nENTRYPOINT ["java", "-jar", "/opt/imposter/app.jar"]\n',
    },
    {
      // Held-out BL, playwright-python: users opt into pwuser with --user; its CI pip-installs into the image as root.
      name: "an environment image with no command and no port, a user created for those who opt in",
      code: "FROM ubuntu:noble\nRUN apt-get update && apt-get install -y python3 curl && rm -rf /var/lib/apt/lists/* && adduser pwuser\nENV PLAYWRIGHT_BROWSERS_PATH=/ms-playwright\nRUN mkdir /ms-playwright && chmod -R 777 /ms-playwright\n",
    },
    {
      // Held-out AY, kube-fluentd-operator: a DaemonSet's collector reads the host's /var/log.
      name: "a node's log collector started through an entry script's exec, with USER root on purpose",
      code: 'FROM debian:12-slim\nRUN apt-get update && apt-get install -y --no-install-recommends ruby && gem install fluentd && rm -rf /var/lib/apt/lists/*\nRUN useradd -m fluent\nCOPY image/entrypoint.sh /fluentd/\nEXPOSE 24224\nUSER root\nENTRYPOINT ["/fluentd/entrypoint.sh"]\n',
      context: { files: { "image/entrypoint.sh": "#!/bin/bash\nmain() {\n  exec fluentd -c /fluentd/etc/fluent.conf\n}\nmain\n" } },
    },
    {
      // 0x2E/fusion (held-out AU): existing deployments' /data files are root's until a migration.
      name: "a comment above the start command names root and why it stays for now",
      code: 'FROM alpine:3.21\nRUN addgroup -S fusion && adduser -S -D -H -h /fusion -G fusion fusion && mkdir -p /data && chown -R fusion:fusion /data\nWORKDIR /fusion\nCOPY --chown=fusion:fusion fusion ./fusion\nEXPOSE 8080\nVOLUME ["/data"]\n# TODO: Temporarily run as root until legacy /data DB files owned by root are migrated.\nCMD [ "./fusion" ]\n',
    },
    {
      // ml-workspace's GPU flavor: the workspace base starts sshd and cron under supervisord as root.
      name: "USER root over a base whose user is not known, in a file that creates no user: the base's design",
      code: "FROM acme/workspace:latest\nUSER root\nRUN apt-get update && apt-get install -y --no-install-recommends cuda-compat-11-2\nENV CUDA_VERSION=11.2.2\n",
    },
    {
      name: "the id handed to the program started through an init (tini -- /usr/bin/vhs, ENV VHS_UID)",
      code: 'FROM debian:stable-slim\nVOLUME /vhs\nRUN useradd -u 1976 -U -s /bin/false vhs\nCOPY vhs /usr/bin/\nENV VHS_UID="1976"\nENTRYPOINT ["tini", "--", "/usr/bin/vhs"]\n',
    },
    {
      name: "a data folder made empty outside any volume, and a user given nothing: where else the app writes is not shown",
      code: 'FROM python:3.12-slim\nRUN useradd -r app && mkdir -p /app/media\nRUN mkdir /app/data\nCOPY . /app\nCMD ["gunicorn", "app:app"]\n',
    },
    {
      name: "a root-made folder for the SQLite file (mkdir /opt/sqlite) and a user given nothing: the database may sit in the root-owned WORKDIR too",
      code: 'FROM debian:bookworm-slim\nRUN groupadd taskbroker --gid 1000 && useradd --gid taskbroker --uid 1000 taskbroker\nRUN mkdir /opt/sqlite\nCOPY --from=build /app/taskbroker /opt/taskbroker\nWORKDIR /opt\nCMD ["/opt/taskbroker"]\n',
    },
    {
      name: "the program is handed the created account's id and drops to it itself (vhs serve, ENV VHS_UID)",
      code: 'FROM debian:stable-slim\nVOLUME /vhs\nWORKDIR /vhs\nRUN useradd -u 1976 -U -s /bin/false vhs\nCOPY vhs /usr/bin/\nENV VHS_PORT="1976"\nENV VHS_GID="1976"\nENV VHS_UID="1976"\nENTRYPOINT ["/usr/bin/vhs"]\n',
    },
    {
      name: "a JupyterHub single-user image on a docker-stacks-derived base, root for start.sh, which switches to NB_USER",
      code: DOCKER_STACKS_SINGLEUSER,
    },
    {
      name: "a build argument named NB_UID=0 beside a non-root ENV NB_USER: start.sh sees only the ENV",
      code: DOCKER_STACKS_SINGLEUSER.replace("ENV NB_UID=2100", "ARG NB_UID=0"),
    },
    {
      name: "NB_USER set from a build argument without a default: not known to be root",
      code: DOCKER_STACKS_SINGLEUSER.replace("ENV NB_USER=analyst\nENV NB_UID=2100", "ARG NOTEBOOK_USER\nENV NB_USER=${NOTEBOOK_USER}"),
    },
    {
      name: "docker-stacks concatenated onto a CUDA base, tini running start.sh, NB_UID set, left as root",
      code: 'FROM nvidia/cuda:12.9.1-runtime-ubuntu24.04\nENV NB_UID=1000\nCOPY fix-permissions start.sh /usr/local/bin/\nRUN fix-permissions /opt/conda\nENTRYPOINT ["tini", "-g", "--", "start.sh"]\nCMD ["start-notebook.py"]\nUSER root\nRUN apt-get update && apt-get install -y ffmpeg\n',
    },
    {
      name: "a docker-stacks launcher as the command, NB_USER set, left as root",
      code: 'FROM acme/notebook-base:5\nENV NB_USER=analyst\nUSER root\nRUN apt-get update && apt-get install -y graphviz\nCMD ["start-singleuser.sh"]\n',
    },
    {
      name: "every compose service mounts the sources over WORKDIR and re-runs bundle install at start, whatever a comment says of production",
      code: RAILS_DEV_IMAGE,
      context: {
        composeSourceMount: true,
        composeServices: [reinstallingService, { ...reinstallingService, command: ["bash", "-c", "bundle install && rails dartsass:watch"] }],
      },
    },
    {
      // osixia/docker-light-baseimage: the init starts as root; services drop through /container/tool/setuser.
      name: "a base image whose whole-context copy ships phusion's setuser for its services, under an init that runs their scripts",
      code: 'FROM debian:bookworm-slim\nCOPY . /container\nRUN /container/build.sh\nENTRYPOINT ["/container/tool/run"]\n',
      context: {
        rootEntries: ["Dockerfile", "build.sh", "tool/"],
        files: {
          "build.sh": "#!/bin/sh\nln -s /container/tool/* /sbin/\n",
          "tool/run": "#!/usr/bin/python3\nimport os\nos.system('/container/run/startup/startup.sh')\n",
          "tool/setuser": "",
        },
      },
    },
    {
      name: "packages dart pub get kept in root's home for an app that runs the SDK at run time",
      code: 'FROM dart:stable\nCOPY --from=build /app/build/ /app/\nCOPY --from=build /app/templates /app/templates\nWORKDIR /app/templates/basic\nRUN dart pub get\nWORKDIR /app\nEXPOSE 8080\nENV DART_SDK_PATH=/usr/lib/dart\nCMD ["./app"]\n',
    },
    {
      name: "packages dart pub get kept in root's home, run with dart",
      code: 'FROM dart:stable\nWORKDIR /app\nCOPY . .\nRUN dart pub get\nEXPOSE 8080\nCMD ["dart", "run", "bin/server.dart"]\n',
    },
    {
      name: "packages pip --user installed into root's home, run with python",
      code: 'FROM python:3.12-slim\nWORKDIR /srv\nCOPY requirements.txt server.py ./\nRUN pip install --user -r requirements.txt\nEXPOSE 8000\nCMD ["python", "server.py"]\n',
    },
    {
      name: "an entry script that cds into the app folder and runs a script generating a keystore there",
      code: 'FROM eclipse-temurin:21-jre\nRUN mkdir -p /srv/app/lib\nCOPY make-keys.sh start.sh /srv/app/\nCOPY app.jar /srv/app/lib/app.jar\nENTRYPOINT ["/srv/app/start.sh"]\n',
      context: {
        files: {
          "start.sh": "#!/bin/sh\ncd /srv/app\nif [ ! -e /srv/app/app.keystore ]; then\n  /srv/app/make-keys.sh\nfi\njava -jar /srv/app/lib/app.jar\n",
          "make-keys.sh": '#!/bin/sh\nSTORE=app.keystore\nkeytool -genkeypair \\\n  -keystore $STORE \\\n  -storepass changeit \\\n  -dname "cn=app"\n',
        },
      },
    },
    {
      name: "an entry script that makes a log folder in the working directory root filled",
      code: 'FROM node:22-slim\nWORKDIR /app\nCOPY . .\nCMD ["/app/start.sh"]\n',
      context: { files: { "start.sh": "#!/bin/sh\nmkdir -p logs\nexec node server.js\n" } },
    },
    {
      name: "an entry script that writes the app's config into its folder after a cd",
      code: 'FROM node:22-slim\nCOPY . /srv/site\nCOPY start.sh /start.sh\nENTRYPOINT ["/start.sh"]\n',
      context: { files: { "start.sh": "#!/bin/sh\ncd /srv/site\necho \"window.API = '$API_URL';\" > env.js\nexec node server.js\n" } },
    },
    {
      name: "a self-signed certificate made at start in the app folder",
      code: 'FROM node:22-slim\nCOPY . /srv/site\nCOPY start.sh /start.sh\nENTRYPOINT ["/start.sh"]\n',
      context: {
        files: {
          "start.sh":
            '#!/bin/sh\ncd /srv/site && openssl req -x509 -nodes -newkey rsa:2048 -keyout key.pem -out cert.pem -subj "/CN=site"\nexec node /srv/site/server.js\n',
        },
      },
    },
    {
      name: "a relative data folder in the working directory the start command names",
      code: 'FROM node:22-slim\nWORKDIR /srv/app\nCOPY . .\nCMD ["node", "server.js", "--data-dir", "data"]\n',
    },
    {
      // 84codes/crystal-container-images: the image is the Crystal compiler others build with.
      name: "a language toolchain image whose entrypoint is the compiler",
      code: 'FROM alpine:3.22\nRUN apk add --no-cache musl-dev gcc pcre2-dev openssl-dev zlib-dev make\nCOPY --from=crystallang/crystal:1.17-alpine /usr/bin/crystal /usr/bin/\nENTRYPOINT ["/usr/bin/crystal"]\n',
    },
    {
      // gleam-lang/gleam's containers/*.dockerfile: the published image is the Gleam toolchain.
      name: "a language toolchain image whose command is the toolchain's driver alone",
      code: 'FROM elixir:alpine\nARG TARGETARCH\nCOPY gleam-${TARGETARCH} /bin/gleam\nCOPY gleam-${TARGETARCH}.sbom.spdx.json /opt/sbom/\nCMD ["gleam"]\n',
    },
    {
      name: "a Gitpod workspace image, even one the project's CI pushes as a prebuilt workspace",
      code: 'FROM node:22-slim\nCOPY . /app\nCMD ["node", "/app/server.js"]\n',
      context: { dockerfilePath: "Dockerfile.gitpod", publishedByCi: true },
    },
    {
      name: "an entry script handed to bash by a shell ENTRYPOINT that writes a first-run marker in /",
      code: 'FROM ruby:3.3\nRUN useradd --create-home app\nWORKDIR /code\nCOPY . /code\nEXPOSE 3000\nENTRYPOINT ["/bin/bash"]\nCMD ["/code/docker/entrypoint.sh"]\n',
      context: {
        files: { "docker/entrypoint.sh": '#!/bin/bash\nif [ ! -f "/db-created" ]; then\n  rails db:setup\n  touch /db-created\nfi\nrails server -b 0.0.0.0\n' },
      },
    },
    {
      name: "an entry script that writes its state under /var/lib, which the file hands to no user",
      code: 'FROM debian:13-slim\nRUN useradd -m app\nCOPY start.sh /start.sh\nCMD ["/start.sh"]\n',
      context: { files: { "start.sh": "#!/bin/sh\nmkdir -p /var/lib/app\nexec /opt/app/bin/server --data /var/lib/app\n" } },
    },
    {
      name: "an entry script that runs every script of a copied folder, one of which chowns",
      code: 'FROM ubuntu:24.04\nRUN useradd -m app\nCOPY docker-entrypoint.sh /\nCOPY docker-entrypoint.d /docker-entrypoint.d\nENTRYPOINT ["/docker-entrypoint.sh"]\n',
      context: {
        files: {
          "docker-entrypoint.sh": '#!/bin/bash\nfor f in /docker-entrypoint.d/*.sh; do\n  echo "Running $f"\n  "$f"\ndone\nexec /opt/app/bin/server\n',
          "docker-entrypoint.d/30-set-permissions.sh": "#!/bin/bash\nchown -R app:app /etc/app/\n",
        },
      },
    },
    {
      name: "an entry script that runs a folder with run-parts, the folder copied inside a root tree",
      code: 'FROM debian:13-slim\nRUN useradd -m app\nCOPY rootfs/ /\nENTRYPOINT ["/usr/local/bin/entrypoint"]\n',
      context: {
        files: {
          "rootfs/usr/local/bin/entrypoint": "#!/bin/sh\nrun-parts --exit-on-error /etc/entrypoint.d\nexec /opt/app/bin/server\n",
          "rootfs/etc/entrypoint.d/10-perms": "#!/bin/sh\nchown -R app /srv/data\n",
        },
      },
    },
    {
      name: "an entry script that runs the scripts find finds in a copied folder",
      code: 'FROM ubuntu:24.04\nRUN useradd -m app\nCOPY entrypoint.sh /entrypoint.sh\nCOPY init /docker-init.d\nENTRYPOINT ["/entrypoint.sh"]\n',
      context: {
        files: {
          "entrypoint.sh": "#!/bin/sh\nfind /docker-init.d -type f -name '*.sh' -exec sh {} \\;\nexec /opt/app/bin/server\n",
          "init/10-perms.sh": "#!/bin/sh\nchown -R app /srv/data\n",
        },
      },
    },
    {
      // A packaged daemon's control program starts it as root; the daemon then runs as the account
      // its package made, which owns the folder for its pid file and socket.
      name: "a daemon started by its control program, its runtime folder handed to its own account",
      code: 'FROM debian:bookworm\nRUN apt-get update && apt-get install -y widget-server\nRUN mkdir -m755 /run/widgetd && chown widget /run/widgetd\nVOLUME /var/lib/widget\nCMD ["/usr/bin/widgetctl", "start", "server", "--no-detach"]\n',
    },
    {
      // FRR's docker-start runs watchfrr, whose daemons leave root for the frr account themselves.
      name: "a daemon suite started from its package's folder, its runtime folder handed to its own account",
      code: 'FROM alpine:3.22\nRUN apk add tini frr\nRUN mkdir -p /var/run/frr\nRUN chown -R frr:frr /etc/frr /var/run/frr\nENTRYPOINT ["/sbin/tini", "--"]\nCMD ["/usr/lib/frr/docker-start"]\n',
    },
    {
      name: "an SDK kept under $HOME (root's home when the file never sets HOME) and put on the PATH",
      code: "FROM ghcr.io/example/android-sdk:36\nUSER root\nENV FLUTTER_HOME=${HOME}/sdks/flutter\nENV PATH ${PATH}:${FLUTTER_HOME}/bin\nRUN git clone https://github.com/flutter/flutter.git ${FLUTTER_HOME}\n",
    },
    {
      // kernelsauce/turbo: CI builds it and runs the specs with `docker run --rm turbo-test`.
      name: "a file whose header names it a test image",
      code: '# Turbo.lua test image.\n#\n# Builds Turbo against LuaJIT and runs the busted test suite.\nFROM debian:bookworm-slim\nRUN apt-get update && apt-get install -y --no-install-recommends luajit luarocks build-essential libssl-dev && rm -rf /var/lib/apt/lists/*\nWORKDIR /turbo\nCOPY . /turbo\nRUN make\nENTRYPOINT ["busted-luajit"]\nCMD ["spec/util_spec.lua"]\n',
    },
    {
      name: "a file whose header says it is intended solely for local development",
      code: '# This Dockerfile is intended solely for local development of the forum\n# If you are seeking a setup for running it in\n# production, please use the forum-docker project instead\nFROM python:3.12-bookworm\nCOPY . /app\nCMD ["python", "manage.py", "runserver"]\n',
    },
    {
      name: "a launcher whose case branches start servers with their own user option, without exec",
      code: 'FROM alpine:3.22\nRUN adduser -S svc\nCOPY svc_launch /usr/local/bin\nUSER root\nENTRYPOINT ["/usr/local/bin/svc_launch"]\n',
      context: {
        files: {
          svc_launch:
            '#!/bin/sh\ncase $1 in\n  api)\n    psgi-server --listen=:5000 --user=svc --group=svc /opt/app.psgi\n    ;;\n  worker)\n    svc-worker -user=svc --group=svc foreground\n    ;;\n  *) echo "usage" ;;\nesac\n',
        },
      },
    },
    {
      name: "an entry script whose last command is a Go-style daemon told its user with -user=",
      code: 'FROM debian:trixie-slim\nCOPY --from=build /out/relay /usr/local/bin/relay\nCOPY run.sh /run.sh\nCMD ["/run.sh"]\n',
      context: { files: { "run.sh": "#!/bin/sh\nmkdir -p /tmp/relay\nrelay -listen :7000 -user=relay\n" } },
    },
    {
      name: "a uwsgi exec'd with a numeric uid",
      code: 'FROM python:3.12-slim\nCOPY . /srv/app\nCOPY start.sh /start.sh\nENTRYPOINT ["/start.sh"]\n',
      context: { files: { "start.sh": "#!/bin/sh\nexec uwsgi --http :8080 --uid 1000 --module app:app\n" } },
    },
    {
      name: "logs in a folder the documented docker run bind-mounts from the host",
      code: '# Run with: docker run -d -p 8080:8080 -v /tmp/logs:/opt/logs acme/config-service\nFROM eclipse-temurin:17-jre-jammy\nCOPY --from=0 /svc /svc\nCMD ["/svc/scripts/startup.sh"]\n',
    },
    {
      name: "an entry script that drives the Docker API through the host's socket with curl",
      code: 'FROM alpine:3.22\nRUN apk add --no-cache curl jq\nENV WATCH_LABEL=restart-me\nCOPY entry /entry\nENTRYPOINT ["/entry"]\nCMD ["watch"]\n',
      context: { files: { entry: '#!/bin/sh\nSOCK=${SOCK:-/var/run/docker.sock}\ncurl -s --unix-socket "$SOCK" http://localhost/containers/json\n' } },
    },
    {
      name: "an ENV that points at the Docker socket",
      code: 'FROM debian:trixie-slim\nCOPY --from=build /out/janitor /usr/local/bin/janitor\nENV DOCKER_HOST=unix:///var/run/docker.sock\nCMD ["janitor"]\n',
    },
    {
      // NVIDIA/dcgm-exporter: profiling metrics need CAP_SYS_ADMIN, which Docker grants only to UID 0.
      name: "a run-time USER root under a comment that says why the program needs root",
      code: 'FROM gcr.io/distroless/cc-debian12:nonroot\nCOPY --from=build /out/exporter /usr/bin/exporter\n# This container runs as root by default because profiling metrics\n# require CAP_SYS_ADMIN, which --cap-add grants only to UID 0.\nUSER root:root\nENTRYPOINT ["/usr/bin/exporter"]\n',
    },
    {
      name: "an ENV that points at the Docker socket where the image expects it mounted",
      code: 'FROM alpine:3.24\nCOPY --from=build /build/docker-gen /usr/local/bin/docker-gen\nENV DOCKER_HOST=unix:///tmp/docker.sock\nENTRYPOINT ["/usr/local/bin/docker-gen"]\n',
    },
    {
      name: "a start script that hands $DOCKER_SOCK to curl --unix-socket",
      code: 'FROM alpine:3.22\nCOPY run.sh /run.sh\nENTRYPOINT ["/run.sh"]\n',
      context: { files: { "run.sh": '#!/bin/sh\ncurl --unix-socket "${DOCKER_SOCK}" http://localhost/events\n' } },
    },
    {
      name: "a start script that pip-installs plugins' requirements into the system Python",
      code: 'FROM python:3.12-slim\nWORKDIR /srv\nCOPY . .\nRUN pip install --no-cache-dir -r requirements.txt\nENTRYPOINT ["bash", "launch.sh"]\n',
      context: {
        files: {
          "launch.sh": '#!/usr/bin/env bash\nif [ -n "$PLUGIN_REQS" ]; then\n  pip install -r "$PLUGIN_REQS"\nfi\nexec uvicorn app:api --host 0.0.0.0\n',
        },
      },
    },
    {
      name: "uv pip install --system and python -m pip install at start",
      code: 'FROM python:3.13-slim\nCOPY boot.sh /boot.sh\nCMD ["/boot.sh"]\n',
      context: { files: { "boot.sh": "#!/bin/sh\nuv pip install --system extra-pack\nexec python -m worker\n" } },
    },
    {
      name: "a builder image on a compiler base: USER 0:0 and no command, no port",
      code: "FROM rust:1.86-slim-bookworm\nUSER 0:0\nWORKDIR /build\nRUN apt-get update && apt-get install -y pkg-config libssl-dev\nCOPY . .\nRUN cargo build --release\n",
    },
    {
      name: "a builder image on the Go toolchain with no USER and no command",
      code: "FROM golang:1.24\nWORKDIR /src\nCOPY . .\nRUN go build -o /out/ ./...\n",
    },
    {
      name: "a daemon's system account beside a privileged port: it binds as root and drops through its config",
      code: "FROM debian:12-slim\nRUN apt-get update && apt-get install -y libfoo && adduser --system --group --no-create-home resolver && install -o resolver -d /var/lib/resolver\nCOPY --from=build /out/sbin/ /sbin/\nEXPOSE 53/udp\nEXPOSE 53/tcp\nVOLUME /var/lib/resolver\n",
    },
    {
      name: "BusyBox adduser -S for a mail daemon on port 25",
      code: 'FROM alpine:3.22\nRUN apk add --no-cache libfoo && adduser -S -D -H relay\nCOPY relayd /usr/sbin/relayd\nEXPOSE 25\nCMD ["relayd", "-f"]\n',
    },
    {
      name: "a tool the installer put in root's home, linked onto the PATH",
      code: 'FROM node:22\nWORKDIR /opt/filer\nRUN curl -fsSL https://example.org/install | bash && ln -s /root/.tool/bin/tool /usr/local/bin/tool\nCOPY . .\nEXPOSE 8000\nENTRYPOINT ["/opt/filer/bin/filer.js"]\n',
    },
    {
      name: "a compose service that overrides the entrypoint with this image's project script mounts its data",
      code: 'FROM ruby:3.3-alpine\nWORKDIR /srv/site\nCOPY . ./\nEXPOSE 3000\nENTRYPOINT ["./bin/serve"]\n',
      context: {
        composeServices: [
          {
            file: "docker-compose.yml",
            builds: false,
            image: "acme/portal:v3",
            user: null,
            entrypoint: ["bin/serve"],
            mounts: [{ target: "/srv/site/storage", source: "host", readOnly: false }],
          },
        ],
      },
    },
    {
      name: "a compose service pulling the image CI publishes from this file mounts its data",
      code: 'FROM node:22-slim\nWORKDIR /opt/x\nCOPY . .\nEXPOSE 8000\nCMD ["node", "main.js"]\n',
      context: {
        publishedImages: ["acme/filer"],
        composeServices: [
          {
            file: "docker-compose.yml",
            builds: false,
            image: "acme/filer",
            user: null,
            mounts: [{ target: "/var/lib/filer", source: "volume", readOnly: false }],
          },
        ],
      },
    },
    {
      name: "a Python entry script that replaces itself with gosu (os.execve of /usr/sbin/gosu)",
      code: 'FROM python:3.12-slim\nCOPY docker/launch.py /launch.py\nEXPOSE 8000\nENTRYPOINT ["/launch.py"]\n',
      context: {
        files: {
          "docker/launch.py":
            '#!/usr/local/bin/python\nimport os, sys\nargs = sys.argv[1:] or ["python", "-m", "app"]\nif os.getuid() == 0:\n    os.execve("/usr/sbin/gosu", ["gosu", "1000:1000"] + args, os.environ)\nos.execvp(args[0], args)\n',
        },
      },
    },
    {
      name: "a Ruby entry script that execs su-exec",
      code: 'FROM ruby:3.3-slim\nCOPY bin/boot /usr/local/bin/boot\nEXPOSE 3000\nENTRYPOINT ["/usr/local/bin/boot"]\n',
      context: { files: { "bin/boot": '#!/usr/bin/env ruby\nsystem("chown", "-R", "app", "/data")\nexec("su-exec", "app", *ARGV)\n' } },
    },
    {
      name: "a system tree (/out/usr to /usr) copied from a stage that unpacked gosu, the entry script not read",
      code:
        'FROM debian:13 AS debs\nRUN apt-get update && apt-get download gosu libpq5 && for d in *.deb; do dpkg -x "$d" /out; done\n' +
        'FROM python:3.12-slim\nCOPY --from=debs /out/usr /usr\nCOPY launch.py /launch.py\nEXPOSE 8000\nENTRYPOINT ["/launch.py"]\n',
    },
    {
      name: "a database server told '--location /data' on distroless: a volume there is root-owned",
      code: 'FROM rust:1 AS build\nRUN cargo install quadstore\nFROM gcr.io/distroless/cc-debian12\nCOPY --from=build /usr/local/cargo/bin/quadstore /usr/local/bin/quadstore\nENTRYPOINT ["/usr/local/bin/quadstore"]\nCMD ["serve", "--location", "/data", "--bind", "0.0.0.0:7878"]\n',
    },
    {
      name: "a transcoder with VA-API drivers: the GPU's render nodes belong to a host group a USER alone does not reach",
      code: 'FROM debian:12-slim\nRUN apt-get update && apt-get install -y --no-install-recommends ffmpeg vainfo mesa-va-drivers\nCOPY transcoder /app/transcoder\nEXPOSE 7666\nCMD ["/app/transcoder"]\n',
    },
    {
      name: "an entry script that execs supervisord under tini: the supervisor runs the services",
      code: 'FROM debian:12-slim\nRUN apt-get update && apt-get install -y --no-install-recommends tini supervisor nginx\nCOPY start.sh /start.sh\nEXPOSE 80\nENTRYPOINT ["/start.sh"]\n',
      context: { files: { "start.sh": "#!/bin/bash\nexport APP_ENV=prod\nexec /usr/bin/tini -- /usr/bin/supervisord -c /etc/supervisor/supervisord.conf\n" } },
    },
    {
      name: "a supervisord program config read inside a copied folder runs its worker as www-data",
      code: 'FROM debian:12-slim\nRUN apt-get update && apt-get install -y --no-install-recommends php-cli supervisor\nCOPY rootfs/ /\nCMD ["/usr/local/bin/boot"]\n',
      context: {
        files: {
          "rootfs/etc/supervisor/conf.d/queue.conf": "[program:queue]\ncommand=php /srv/artisan queue:work\nuser=www-data\nautorestart=true\n",
        },
      },
    },
    {
      name: "an entry script named relative to WORKDIR, brought by a stage that copied the whole context, execs supervisord",
      code:
        "FROM python:3.12 AS build\nCOPY . /srv/site\nRUN python -m venv /srv/venv\n" +
        'FROM python:3.12-slim\nCOPY --from=build /srv /srv\nWORKDIR /srv/site\nEXPOSE 80\nENTRYPOINT ["./ops/docker/entry.sh"]\nCMD ["./ops/docker/serve.sh"]\n',
      context: {
        files: {
          "ops/docker/entry.sh": '#!/bin/sh\nmkdir -p /srv/site/logs\nexec "$@"\n',
          "ops/docker/serve.sh": "#!/bin/sh\nexec /usr/bin/supervisord -c /etc/supervisor/supervisord.conf\n",
        },
      },
    },
    {
      name: "an unknown base with a user made but no root work of the build's own: its default user is not shown",
      code: 'FROM registry.example.com/os/minimal:9\nRUN sudo useradd -ms /bin/bash tool\nCMD ["tool"]\n',
    },
    {
      name: "an unknown base whose build installs packages but creates no user: the file does not show a forgotten user",
      code: 'FROM registry.example.com/os/minimal:9\nRUN microdnf install -y tar\nCMD ["tar", "--help"]\n',
    },
    {
      name: "an entry script that creates the PUID user and chowns the data as root: a USER line breaks it",
      code: 'FROM python:3.12-slim\nCOPY start.sh /start.sh\nCMD ["/start.sh"]\n',
      context: { files: { "start.sh": '#!/bin/sh\nuseradd -u "${PUID:-1000}" app\nchown -R app /data\nexec gunicorn app:app\n' } },
    },
    {
      name: "an entry script that links inside the app's folder, which root filled and nobody was given",
      code: 'FROM node:22-slim\nCOPY start.sh /start.sh\nCOPY . /srv\nCMD ["/start.sh"]\n',
      context: { files: { "start.sh": "#!/bin/sh\nln -sf /srv/config/prod.json /srv/config/current.json\nexec node /srv/index.js\n" } },
    },
    {
      name: "a start script that renders the app's config into /etc at every start",
      code: 'FROM denoland/deno:alpine-2.1.4\nCOPY ./server /srv\nEXPOSE 8080\nENTRYPOINT ["/srv/launch.sh"]\n',
      context: {
        files: {
          "server/launch.sh":
            '#!/bin/sh\nset -e\necho \'{"mode": "read"}\' \\\n  > /etc/svc-settings.json\nexec deno run -A /srv/main.ts --config /etc/svc-settings.json\n',
        },
      },
    },
    {
      name: "an entry script that rewrites files under the base image's home folder and edits its server config in place",
      code: 'FROM tomcat:10-jre21\nRUN mkdir -p $CATALINA_HOME/webapps/editor && echo ok > $CATALINA_HOME/webapps/editor/index.html\nCOPY entry.sh /\nWORKDIR $CATALINA_HOME\nEXPOSE 8080\nENTRYPOINT ["/entry.sh"]\nCMD ["catalina.sh", "run"]\n',
      context: { files: { "entry.sh": '#!/bin/bash\necho "window.BASE = \'${BASE_URL}\';" >> ${CATALINA_HOME}/webapps/editor/settings.js\nexec "$@"\n' } },
    },
    {
      name: "an entry script that edits a system config file with xmlstarlet in place",
      code: 'FROM debian:bookworm-slim\nRUN apt-get update && apt-get install -y xmlstarlet openjdk-17-jre-headless\nCOPY go.sh /go.sh\nEXPOSE 8080\nCMD ["/go.sh"]\n',
      context: { files: { "go.sh": '#!/bin/sh\nxmlstarlet ed -L -u "/cfg/port" -v "$PORT" /usr/share/viewer/cfg.xml\nexec java -jar /srv/viewer.jar\n' } },
    },
    {
      name: "an entry script that trusts a CA passed at run time (update-ca-certificates)",
      code: 'FROM mcr.microsoft.com/dotnet/aspnet:10.0\nCOPY entrypoint.sh /entrypoint.sh\nENTRYPOINT ["/entrypoint.sh"]\nCMD ["dotnet", "/app/Api.dll"]\n',
      context: {
        files: {
          "entrypoint.sh":
            '#!/bin/sh\nif [ -n "$EXTRA_CA_CERT" ]; then\n  cp "$EXTRA_CA_CERT" /usr/local/share/ca-certificates/\n  if ! update-ca-certificates; then exit 1; fi\nfi\nexec "$@"\n',
        },
      },
    },
    {
      name: "an entry script that starts the system message bus and avahi before the app",
      code: 'FROM alpine:3.22\nRUN apk add --no-cache avahi dbus && adduser -D player\nCOPY run.sh /run.sh\nENTRYPOINT ["/run.sh"]\n',
      context: {
        files: {
          "run.sh": '#!/bin/sh\nrm -rf /run/dbus/dbus.pid\ndbus-daemon --system\navahi-daemon --daemonize --no-chroot\nexec /usr/local/bin/player "$@"\n',
        },
      },
    },
    {
      name: "an entry script that starts cron beside the app",
      code: 'FROM debian:12-slim\nRUN apt-get update && apt-get install -y --no-install-recommends cron && rm -rf /var/lib/apt/lists/*\nCOPY start.sh /start.sh\nENTRYPOINT ["/start.sh"]\n',
      context: { files: { "start.sh": "#!/bin/sh\ncron && exec /usr/local/bin/app\n" } },
    },
    {
      name: "a shell-form start that runs syslog beside the app",
      code: "FROM debian:12-slim\nRUN apt-get update && apt-get install -y --no-install-recommends rsyslog && rm -rf /var/lib/apt/lists/*\nCMD rsyslogd && exec /usr/local/bin/app\n",
    },
    {
      name: "cron as the container's own command",
      code: 'FROM alpine:3.22\nCOPY crontab /etc/crontabs/root\nCMD ["crond", "-f", "-l", "2"]\n',
    },
    {
      name: "an entry script that starts the server through start-stop-daemon --chuid",
      code: 'FROM eclipse-temurin:17-jre\nCOPY entrypoint.sh /sbin/entrypoint.sh\nENTRYPOINT ["/sbin/entrypoint.sh"]\n',
      context: { files: { "entrypoint.sh": "#!/bin/bash\nexec start-stop-daemon --start --chuid app:app \\\n  --exec /opt/app/bin/app.sh\n" } },
    },
    {
      name: "an entry script that drops only when the operator passes a uid (set -- setpriv ...)",
      code: 'FROM eclipse-temurin:17-jre\nCOPY docker-entrypoint.sh /\nENTRYPOINT ["/docker-entrypoint.sh"]\n',
      context: {
        files: {
          "docker-entrypoint.sh": '#!/bin/bash\nif [ "$uid" != "" ]; then\n  set -- setpriv --reuid=$uid --regid=$uid --init-groups "$@"\nfi\nexec "$@"\n',
        },
      },
    },
    {
      name: "USER root for a start script that execs supervisord, the CMD written before ENTRYPOINT tini",
      code: 'FROM alpine:3.22\nRUN adduser -D app\nUSER app\nCOPY run.sh /scripts/run.sh\nUSER root\nCMD ["/bin/sh", "-c", "/scripts/run.sh"]\nENTRYPOINT ["/tini", "--"]\n',
      context: { files: { "run.sh": "#!/bin/sh\nexec supervisord -c /etc/supervisord.conf\n" } },
    },
    {
      name: "USER root for a start script that execs supervisord",
      code: 'FROM alpine:3.22\nRUN adduser -D app\nUSER app\nCOPY run.sh /scripts/run.sh\nUSER root\nCMD ["/bin/sh", "-c", "/scripts/run.sh"]\n',
      context: { files: { "run.sh": "#!/bin/sh\nexec supervisord -c /etc/supervisord.conf\n" } },
    },
    {
      name: "the app's work folder under /root: deployments mount it there, moving it is a migration",
      code: 'FROM eclipse-temurin:21-jre\nCOPY app.jar .\nENV APP_WORK_DIR="/root/.app"\nEXPOSE 8090\nENTRYPOINT ["java", "-jar", "app.jar"]\n',
    },
    {
      name: "a config file in /root named inside the script of an exec-form bash -c",
      code: 'FROM python:3.11-slim\nWORKDIR /app\nCOPY . .\nCOPY docker/settings.json /root/settings.json\nEXPOSE 8080\nENTRYPOINT ["bash", "-c", "python -m service --config=/root/settings.json --port 8080"]\n',
    },
    {
      name: "a script of sh -c that starts the app from /root",
      code: 'FROM node:22-slim\nCOPY . /root/app\nCMD ["sh", "-c", "cd /root/app && node server.js"]\n',
    },
    {
      name: "a start option pointing the app at /root",
      code: 'FROM eclipse-temurin:21-jre\nCOPY app.jar .\nENTRYPOINT ["java", "-Duser.home=/root", "-jar", "app.jar"]\n',
    },
    {
      name: "the last WORKDIR in /root, after an explicit USER root",
      code: 'FROM debian:bookworm-slim\nUSER root\nWORKDIR /root/app\nCOPY app .\nCMD ["./app"]\n',
    },
    {
      name: "a compose volume in root's home",
      code: 'FROM python:3.10-bookworm\nCOPY . /app\nCMD ["whisper-service"]\n',
      context: {
        composeServices: [
          { file: "compose.yaml", builds: true, image: null, user: null, mounts: [{ target: "/root/.cache", source: "volume", readOnly: false }] },
        ],
      },
    },
    {
      name: "a compose volume in root's home, in a file that also mounts the sources",
      code: 'FROM python:3.10-bookworm\nWORKDIR /app\nCOPY . .\nCMD ["whisper-service"]\n',
      context: {
        composeServices: [
          {
            file: "docker-compose.yml",
            builds: true,
            image: null,
            user: null,
            mounts: [
              { target: "/app/app", source: "project", readOnly: false },
              { target: "/root/.cache", source: "volume", readOnly: false },
            ],
          },
        ],
      },
    },
    {
      name: "tools installed in root's home and run through PATH (uv in /root/.local/bin)",
      code: 'FROM python:3.12-slim\nRUN curl -LsSf https://astral.sh/uv/install.sh | sh\nENV PATH="/root/.local/bin:$PATH"\nWORKDIR /app\nCOPY . .\nCMD ["uv", "run", "app"]\n',
    },
    {
      name: "a data folder the image creates empty, no user prepared for it: existing deployments' data is root-owned",
      code: 'FROM alpine:3.22\nWORKDIR /app\nCOPY dist ./dist\nRUN mkdir /app/data\nEXPOSE 8080\nCMD ["node", "dist/index.js"]\n',
    },
    {
      name: "a server started in an empty working directory, where it writes its store",
      code: 'FROM alpine:3.22\nCOPY --from=build /out/server /usr/bin/server\nWORKDIR /data\nEXPOSE 8080\nENTRYPOINT ["server"]\n',
    },
    {
      name: "data in a VOLUME and no user prepared for it: a USER would be a migration of every deployment's data",
      code: 'FROM alpine:3.22\nCOPY --from=build /out/vault /vault\nVOLUME /data\nEXPOSE 80\nCMD ["/start.sh"]\n',
    },
    {
      name: "a world-writable folder elsewhere does not prepare the VOLUME",
      code: 'FROM alpine:3.22\nRUN chmod 777 /app/cache\nVOLUME /data\nCMD ["/app/server"]\n',
    },
    {
      name: "a VOLUME given by a variable",
      code: 'FROM debian:12-slim\nENV DATA=/var/lib/app\nVOLUME ["$DATA"]\nCMD ["/usr/bin/app"]\n',
    },
    {
      name: "a named compose volume on the service that builds the Dockerfile",
      code: 'FROM python:3.11-slim\nCOPY . /app\nCMD ["python", "./changedetection.py", "-d", "/datastore"]\n',
      context: {
        composeServices: [
          { file: "docker-compose.yml", builds: true, image: null, user: null, mounts: [{ target: "/datastore", source: "volume", readOnly: false }] },
        ],
      },
    },
    {
      name: "a host folder mounted into the service that pulls the project's image (named as package.json's name)",
      code: 'FROM node:22-slim\nWORKDIR /data\nCOPY . .\nCMD ["yarn", "start"]\n',
      context: {
        files: { "package.json": '{ "name": "linkwarden", "private": true }' },
        composeServices: [
          {
            file: "docker-compose.yml",
            builds: false,
            image: "postgres:16-alpine",
            user: null,
            mounts: [{ target: "/var/lib/postgresql/data", source: "host", readOnly: false }],
          },
          {
            file: "docker-compose.yml",
            builds: false,
            image: "ghcr.io/linkwarden/linkwarden:latest",
            user: null,
            mounts: [{ target: "/data/data", source: "host", readOnly: false }],
          },
        ],
      },
    },
    {
      name: "the Docker socket mounted into the service that pulls the image named as the program it starts",
      code: 'FROM gcr.io/distroless/static:latest\nCOPY --from=builder /app/wings /usr/bin/\nCMD ["/usr/bin/wings", "--config", "/etc/pterodactyl/config.yml"]\n',
      context: {
        composeServices: [
          {
            file: "docker-compose.example.yml",
            builds: false,
            image: "ghcr.io/pterodactyl/wings:latest",
            user: null,
            mounts: [{ target: "/var/run/docker.sock", source: "host", readOnly: false }],
          },
        ],
      },
    },
    {
      name: "a compose service that runs the image as a chosen user",
      code: 'FROM ubuntu:22.04\nCOPY . /home/app/textgen\nCMD ["python3", "server.py"]\n',
      context: {
        composeServices: [{ file: "docker-compose.yml", builds: true, image: null, user: "${APP_RUNTIME_UID:-6972}:${APP_RUNTIME_GID:-6972}", mounts: [] }],
      },
    },
    {
      name: "a rootless variant of the Dockerfile beside it: this one is the root variant",
      code: 'FROM node:22-slim\nCOPY . /app\nCMD ["pnpm", "start"]\n',
      context: { dockerfilePath: "packages/app/Dockerfile", dockerfileVariants: ["Dockerfile.rootless"] },
    },
    {
      name: "an entry script whose comments say it runs as a non-root user too",
      code: 'FROM python:3.13-alpine\nCOPY boot.sh /opt/app/boot.sh\nENTRYPOINT ["/sbin/tini", "--", "/opt/app/boot.sh"]\n',
      context: { files: { "boot.sh": "#!/bin/sh\n# use /tmp since that is writable as a non-root user\nexec gunicorn --bind unix:/tmp/app.sock app.wsgi\n" } },
    },
    {
      name: "back to root for an entry script that mounts a bucket, then starts the app through su",
      code: "FROM debian:bullseye-slim\nRUN chown nobody /app\nUSER nobody\nCOPY --chown=nobody:root rel ./\nUSER root\nCMD /app/bin/server\n",
      context: { files: { "rel/overlays/bin/server": "#!/bin/sh\ns3fs bucket /mnt\ncd /app\nsu -s /bin/bash nobody -c 'PHX_SERVER=true exec ./app start'\n" } },
    },
    {
      name: "USER from a build argument the project's builds set: the root default is one variant",
      code: 'FROM debian:13-slim\nARG USER_ID=0\nUSER "$USER_ID:$USER_ID"\nENTRYPOINT ["./entrypoint.sh"]\n',
      context: { buildArgs: { composeBuilds: 0, passed: ["USER_ID"] } },
    },
    {
      name: "a tool run on the folder its users mount: the program as ENTRYPOINT, an empty WORKDIR, no port",
      code: 'FROM alpine:3.22\nRUN apk add --no-cache ca-certificates\nCOPY --from=builder /src/dist/tflint /usr/local/bin\nENTRYPOINT ["tflint"]\nWORKDIR /data\n',
    },
    {
      name: "an exec-form shell line that starts nginx, whose workers drop root, beside the app",
      code: 'FROM node:22-slim\nRUN apt-get update && apt-get install -y nginx\nCOPY . /app\nCMD ["sh", "-c", "nginx && pnpm run pm2"]\n',
    },
    {
      name: "Alpine's docker package: the image drives a Docker socket",
      code: 'FROM alpine:3.22\nRUN apk add --no-cache git python3 docker\nCOPY app /app\nCMD ["/app"]\n',
    },
    {
      name: "one of a family published per version of its base (python3.11 beside python3.10)",
      code: 'FROM python:3.11\nCOPY ./app /app\nWORKDIR /app/\nCMD ["/start.sh"]\n',
      context: { dockerfilePath: "docker-images/python3.11.dockerfile", dockerfileVariants: ["python3.10.dockerfile", "python3.11-slim.dockerfile"] },
    },
    {
      name: "setcap with a quoted capability: the binary is made for a user picked at run time",
      code: "FROM alpine:3.22\nCOPY --chown=nobody app /opt/app\nRUN setcap 'cap_net_bind_service=+eip' /opt/app\nENTRYPOINT [\"/opt/app\"]\n",
    },
    {
      name: "setcap with a capability list",
      code: 'FROM alpine:3.22\nCOPY app /opt/app\nRUN setcap cap_net_raw,cap_net_bind_service+ep /opt/app\nENTRYPOINT ["/opt/app"]\n',
    },
    {
      name: "an entry script that creates the PUID user and writes it into supervisord's user=",
      code: 'FROM python:3.12-slim\nCOPY app/ /opt/app/webapp\nCMD ["/opt/app/webapp/startup"]\n',
      context: {
        files: {
          "app/startup":
            '#!/bin/bash\nuseradd -M -u "${PUID}" app\nsed -i -e "s/^#\\?[ \\t]*\\(user[ \\t]*=[ \\t]*\\).*$/\\1app/g" \\\n  /opt/app/webapp/etc/supervisord.conf\nexec supervisord -c /opt/app/webapp/etc/supervisord.conf\n',
        },
      },
    },
    {
      name: "gosu installed and the entry script runs another script that may call it",
      code: 'FROM node:20-slim\nRUN apt-get update && apt-get install -y gosu\nCOPY scripts/ /scripts/\nCOPY start.sh /start.sh\nENTRYPOINT ["/start.sh"]\n',
      context: { files: { "start.sh": "#!/bin/bash\n/scripts/init.sh\nexec node server.js\n" } },
    },
    {
      name: "gosu installed and the entry script not readable",
      code: 'FROM node:20-slim\nRUN apt-get update && apt-get install -y gosu\nCOPY start.sh /start.sh\nENTRYPOINT ["/start.sh"]\n',
    },
    {
      name: "an image without facts about its default user may set one (a project's own base)",
      code: 'FROM ghcr.io/acme/runtime:2.1\nCOPY app /app\nCMD ["/app"]\n',
    },
    {
      name: "a build-environment base with a command: its user is not known",
      code: 'FROM ossrs/srs:dev\nRUN ./configure && make\nCMD ["./objs/srs", "-c", "conf/docker.conf"]\n',
    },
    {
      name: "apache2 in a shell-form CMD: its workers run as www-data",
      code: "FROM debian:12-slim\nRUN apt-get install -y apache2 cron\nCMD cron && exec apache2 -D FOREGROUND\n",
    },
    {
      name: "mosquitto switches to its own user when started as root",
      code: 'FROM alpine:3.20\nRUN apk add --no-cache mosquitto\nCMD ["/usr/sbin/mosquitto", "-c", "/mosquitto/config/mosquitto.conf"]\n',
    },
    {
      name: "a daemon given its user on the command line",
      code: 'FROM debian:12-slim\nCOPY netdata /usr/sbin/netdata\nCMD ["/usr/sbin/netdata", "-D", "-u", "netdata"]\n',
    },
    {
      name: "an entry script whose last process is a daemon given its user",
      code: 'FROM debian:12-slim\nCOPY run.sh /usr/sbin/run.sh\nENTRYPOINT ["/usr/sbin/run.sh"]\n',
      context: { files: { "run.sh": '#!/bin/sh\nchown -R netdata /var/cache/netdata\nexec /usr/sbin/netdata -u "${DOCKER_USR}" -D "$@"\n' } },
    },
    {
      name: "a file named a base, with no command of its own",
      code: "FROM node:22 AS deps\nCOPY . .\nRUN yarn install && yarn build\n",
      context: { dockerfilePath: "Dockerfile.base" },
    },
    "FROM scratch\nUSER foo\n",
    {
      name: "back to root after a non-root USER, only for the entry script",
      code: 'FROM python:3.12-slim\nRUN useradd -m app\nUSER app\nCOPY --chown=app . /app\nUSER root\nWORKDIR /app\nENTRYPOINT ["/app/entrypoint.sh"]\nCMD ["uvicorn", "app:app"]\n',
    },
    {
      name: "an entry script named for dropping to a user",
      code: 'FROM debian:12\nCOPY run-as-user.sh /run-as-user.sh\nENTRYPOINT ["/usr/bin/tini", "--", "/run-as-user.sh"]\nCMD ["server"]\n',
    },
    {
      name: "a packaging image on the project's dev image, with no command of its own",
      code: "FROM ossrs/srs:dev\nRUN yum install -y zip\nADD srs-server-1.0.tar.gz /srs\nRUN ./scripts/package.sh --x86-x64\n",
    },
    {
      name: "a CI cross toolchain built on a build-tools image",
      code: "FROM mcr.microsoft.com/dotnet-buildtools/prereqs:azurelinux-3.0-net10.0-crossdeps-llvm-amd64\nCOPY --from=mcr.microsoft.com/dotnet-buildtools/prereqs:azurelinux-3.0-net10.0-crossdeps-builder-amd64 /crossrootfs /crossrootfs\nENV ROOTFS_DIR=/crossrootfs/arm64\n",
    },
    "FROM scratch\nUSER root\nRUN something\nUSER foo\n",
    // hadolint fires on the builder's USER root; we judge the final image only (documented).
    "FROM debian AS base\nUSER root\nRUN something\nFROM scratch\nUSER foo\nRUN something else\n",
    "FROM debian AS base\nUSER root\nRUN something\nUSER foo\nFROM scratch\nRUN something else\n",
    // scratch without USER: no user database, usually a lone static binary.
    "FROM scratch\nCOPY app /app\n",
    "FROM gcr.io/distroless/static-debian12:nonroot\nCOPY app /app\n",
    // Per-architecture and debug forms of the nonroot tag (Prometheus' Dockerfile.distroless).
    'ARG DISTROLESS_ARCH="amd64"\nFROM gcr.io/distroless/static-debian13:nonroot-${DISTROLESS_ARCH}\nCOPY app /app\n',
    "FROM gcr.io/distroless/base-debian12:debug-nonroot\nCOPY app /app\n",
    "FROM cgr.dev/chainguard/node:latest\nCOPY . .\n",
    "FROM nginxinc/nginx-unprivileged:1.27\n",
    "FROM mcr.microsoft.com/windows/servercore:ltsc2022\nRUN echo hi\n",
    "FROM quay.io/jupyter/base-notebook:2025-01-01\n",
    "FROM grafana/k6:1.4.0\nCOPY script.js /scripts/\n",
    'FROM debian:bookworm-slim\nRUN apt-get install -y gosu\nENTRYPOINT ["docker-entrypoint.sh"]\n',
    "FROM debian:bookworm-slim\nUSER ${APP_USER}\n",
    "FROM debian:bookworm-slim AS dev\n",
    "ARG BASE\nFROM ${BASE}\n",
    "FROM ubuntu\n# hadolint ignore=DL3002\nUSER root\n",
    {
      // nicegui's docker-entrypoint.sh ends in 'exec setpriv --reuid ...'.
      name: "an entry script from the context that execs through setpriv",
      code: 'FROM python:3.12-slim\nCOPY docker-entrypoint.sh /resources/docker-entrypoint.sh\nENTRYPOINT ["/resources/docker-entrypoint.sh"]\nCMD ["python", "main.py"]\n',
      context: { files: { "docker-entrypoint.sh": '#!/bin/sh\nchown -R app /app\nexec setpriv --reuid="$PUID" --regid="$PGID" --init-groups "$@"\n' } },
    },
    {
      // duplicati's run-as-user.sh.
      name: "an entry script that execs through su",
      code: 'FROM debian:bookworm-slim\nCOPY run-as-user.sh /run-as-user.sh\nENTRYPOINT ["/usr/bin/tini", "--", "/run-as-user.sh"]\nCMD ["server"]\n',
      context: { files: { "run-as-user.sh": '#!/bin/bash\nuseradd -u "$UID" app\nexec su app -c "$*"\n' } },
    },
    {
      // OpenHands: USER root on purpose, the entrypoint drops with su-exec/gosu.
      name: "USER root before an entry script that drops privileges",
      code: 'FROM python:3.12-slim\nUSER root\nCOPY entrypoint.sh /app/entrypoint.sh\nENTRYPOINT ["/app/entrypoint.sh"]\n',
      context: { files: { "entrypoint.sh": '#!/bin/bash\nexec gosu enduser "$@"\n' } },
    },
    {
      // linkding: uwsgi.ini sets uid/gid.
      name: "a uwsgi config that runs the workers as another user",
      code: 'FROM python:3.12-slim\nCOPY uwsgi.ini ./uwsgi.ini\nCMD ["./bootstrap.sh"]\n',
      context: { files: { "uwsgi.ini": "[uwsgi]\nmodule = app.wsgi\nuid = www-data\ngid = www-data\n" } },
    },
    { name: "s6-overlay's /init starts as root and runs services as their users", code: 'FROM alpine:3.22\nCOPY rootfs/ /\nENTRYPOINT ["/init"]\n' },
    {
      name: "a copied start script that only execs s6-overlay's /init",
      code: 'FROM alpine:3.22\nENV S6_OVERLAY_VERSION=3.2.1.0\nRUN wget -qO- "https://example.org/s6-overlay-noarch.tar.xz" | tar -C / -Jxpf -\nCOPY rootfs /\nEXPOSE 80\nENTRYPOINT ["/run-me.sh"]\n',
      context: { files: { "rootfs/run-me.sh": '#!/bin/sh\nset -e\nif [ "$#" -gt 0 ]; then exec "$@"; fi\nexec /init\n' } },
    },
    {
      name: "the shell start command chowns the data folder before it starts the app",
      code: 'FROM node:24-alpine\nWORKDIR /srv\nCOPY . .\nCMD ["sh", "-c", "chown -R node /srv/state && node index.js"]\n',
    },
    {
      name: "a shell-form start command that hands a folder to a user first",
      code: "FROM node:24-alpine\nWORKDIR /srv\nCOPY . .\nCMD chown -R node /srv/state && exec node index.js\n",
    },
    {
      name: "the file ships a non-root target of the same program beside the root default",
      code: 'FROM golang:1.26 AS build\nRUN go build -o /out/tool .\nFROM scratch AS slim\nCOPY --from=build /out/tool /bin/tool\nUSER 65532:65532\nENTRYPOINT ["/bin/tool"]\nFROM debian:trixie-slim AS full\nCOPY --from=build /out/tool /bin/tool\nENTRYPOINT ["/bin/tool"]\n',
    },
    { name: "supervisord as the command", code: 'FROM debian:bookworm-slim\nCOPY supervisord.conf /etc/\nCMD ["/usr/bin/supervisord", "-n"]\n' },
    { name: "postgres' entrypoint drops to postgres with gosu", code: "FROM postgres:17\nRUN apt-get update && apt-get install -y postgresql-17-pgvector\n" },
    { name: "php-fpm workers run as www-data", code: "FROM php:8.4-fpm-alpine\nCOPY . /var/www/html\n" },
    { name: "Apache workers run as www-data", code: 'FROM php:8.4-apache\nCOPY . /var/www/html\nCMD ["apache2-foreground"]\n' },
    {
      name: "a GitHub Action image (action.yml in the context)",
      code: 'FROM python:3.12-slim\nCOPY entrypoint.sh /entrypoint.sh\nENTRYPOINT ["/entrypoint.sh"]\n',
      context: { rootEntries: ["Dockerfile", "action.yml", "entrypoint.sh"] },
    },
    { name: "a GitHub Action image (labels)", code: 'FROM alpine:3.22\nLABEL com.github.actions.name="lint"\nENTRYPOINT ["/action/lint.sh"]\n' },
    { name: "Docker Hardened Images run as non-root", code: 'FROM dhi.io/node:24-debian12\nCOPY . .\nCMD ["node", "server.js"]\n' },
    {
      name: "tailscaled programs IPv6 firewall rules",
      code: "FROM alpine:3.22\nRUN apk add --no-cache ca-certificates iptables ip6tables iproute2\nCOPY tailscaled /usr/local/bin/\n",
    },
    { name: "an image that drives the Docker socket", code: 'FROM ruby:3.4-alpine\nRUN apk add --no-cache docker-cli openssh-client\nENTRYPOINT ["kamal"]\n' },
    { name: "a devcontainer", code: "FROM mcr.microsoft.com/devcontainers/ruby:3.4\nRUN gem install rails\n" },
    {
      name: "a CI image by its path",
      code: 'FROM node:24\nRUN npm i -g cypress\nCMD ["cypress", "run"]\n',
      context: { dockerfilePath: ".ci/Dockerfile.cypress" },
    },
    {
      name: "SQL Server 2019+ runs as mssql",
      code: 'FROM mcr.microsoft.com/mssql/server:2022-latest\nCOPY setup.sql /setup/\nENTRYPOINT ["/bin/bash", "/entrypoint.sh"]\n',
    },
    { name: "AWS Lambda runs function containers as a sandbox user", code: 'FROM public.ecr.aws/lambda/python:3.14\nCOPY app.py ./\nCMD ["app.handler"]\n' },
    {
      // nginx unit: built with --user=unit, the router drops to it.
      name: "a master/worker server as the command",
      code: 'FROM debian:bookworm-slim\nRUN make install\nENTRYPOINT ["/usr/local/bin/docker-entrypoint.sh"]\nCMD ["unitd", "--no-daemon"]\n',
    },
    { name: "USER root before php-fpm, whose workers run as www-data", code: 'FROM php:8.4-fpm\nUSER root\nCMD ["php-fpm"]\n' },
    {
      // pypiserver: gosu fetched in a builder stage and copied in for the entrypoint.
      name: "gosu copied in from another stage",
      code: 'FROM debian:bookworm-slim AS gosu\nRUN wget -O /usr/local/bin/gosu https://example.com/gosu\nFROM python:3.12-slim\nCOPY --from=gosu /usr/local/bin/gosu /usr/local/bin/gosu\nENTRYPOINT ["/entrypoint.sh"]\n',
    },
    { name: "a throwaway helper that only sleeps", code: 'FROM debian:12\nRUN make\nCMD ["sleep", "60s"]\n' },
    {
      name: "a compose file mounting the sources, and nothing in the file says it ships",
      code: 'FROM ruby:3.4\nWORKDIR /srv\nCOPY . ./\nRUN bundle install\nCMD ["bin/dev"]\n',
      context: { composeSourceMount: true },
    },
    {
      name: "a runner base for other Dockerfiles: packages and locale, no command, no program",
      code: "FROM debian:trixie-slim AS runner\nRUN apt-get update -y && apt-get install -y libstdc++6 openssl locales\nENV LANG=C.UTF-8\n",
    },
    {
      name: "a library base: a virtualenv from a builder, no command",
      code: 'FROM python:3.12-slim AS build\nRUN python -m venv /opt/venv && /opt/venv/bin/pip install mylib\nFROM python:3.12-slim\nCOPY --from=build /opt/venv /opt/venv\nENV PATH="/opt/venv/bin:$PATH"\n',
    },
    {
      name: "an SDK image that downloads its toolchain, no command of its own",
      code: "FROM debian:bookworm-slim\nRUN apt-get update && apt-get install -y curl unzip\nRUN curl -fsSL https://example.org/sdk.zip -o /tmp/sdk.zip && unzip /tmp/sdk.zip -d /usr/lib\nENV PATH=/usr/lib/sdk/bin:$PATH\n",
    },
    {
      name: "a thin extension of a published image that only adds a package",
      code: "FROM example/orchestrator:3-python3.12\nRUN pip install orchestrator-aws==1.2\n",
    },
    {
      name: "an export stage that only collects build output for --output",
      code: "FROM golang:1.24 AS build\nRUN go build -o /out/app ./cmd/app\nFROM alpine:3.22 AS export\nCOPY --from=build /out/app /usr/local/bin/app\n",
    },
    {
      name: "a shell with -c as the entrypoint runs the user's own command",
      code: 'FROM ubuntu:24.04\nCOPY --from=build /app /app\nENTRYPOINT ["bash", "-c"]\n',
    },
    {
      name: "a CLI toolbox whose default command prints its usage",
      code: 'FROM opensuse/tumbleweed:latest\nCOPY --from=builder /src/target/release/admin /sbin/\nCMD ["/sbin/admin", "-h"]\n',
    },
    {
      name: "a comment documents picking the user with docker run --user",
      code: '# A non-root user exists; opt in with `docker run --user tool`.\nFROM alpine:3.22\nRUN adduser -D tool\nCOPY --from=build /out/tool /bin\nENTRYPOINT ["/bin/tool"]\n',
    },
    {
      name: "passwordless sudo for every user, whichever UID runs it",
      code: "FROM node:24-slim\nCOPY . /app\nRUN echo 'ALL ALL=NOPASSWD: /usr/sbin/tc' > /etc/sudoers.d/tc\nENTRYPOINT [\"/start.sh\"]\n",
    },
    {
      name: "the server binary may bind low ports without root, for a user picked later",
      code: 'FROM debian:bookworm-slim\nCOPY --from=build /out/server /usr/local/bin/server\nRUN setcap cap_net_bind_service=+ep /usr/local/bin/server\nCMD ["server"]\n',
    },
    {
      name: "composer allowed to run as root on purpose",
      code: 'FROM php:8-alpine\nENV COMPOSER_ALLOW_SUPERUSER=1\nCOPY --from=build /composer /usr/bin/composer\nCMD ["composer"]\n',
    },
    {
      name: "a CI agent runs builds as root by design",
      code: 'FROM alpine:3.22\nCOPY --from=build /src/dist/woodpecker-agent /bin/\nEXPOSE 3000\nENTRYPOINT ["/bin/woodpecker-agent"]\n',
    },
    {
      name: "gunicorn switches its workers to --user",
      code: 'FROM python:3.12-slim\nCOPY . /app\nCMD ["gunicorn", "--user", "www-data", "--bind", "0.0.0.0:8000", "app:app"]\n',
    },
    {
      name: "a gunicorn config that runs the workers as another user",
      code: 'FROM python:3.12-slim\nCOPY . /app\nCMD ["gunicorn", "-c", "gunicorn.conf.py", "app:app"]\n',
      context: { files: { "gunicorn.conf.py": 'bind = "0.0.0.0:8000"\nuser = "app"\n' } },
    },
    {
      name: "a php-fpm pool config that runs the workers as another user",
      code: 'FROM alpine:3.22\nRUN apk add --no-cache php84-fpm\nCOPY www.conf /etc/php84/php-fpm.d/www.conf\nCMD ["/start.sh"]\n',
      context: { files: { "www.conf": "[www]\nuser = nobody\ngroup = nobody\nlisten = 9000\n" } },
    },
    {
      name: "an entry script whose last command drops root without exec",
      code: 'FROM debian:bookworm-slim\nCOPY entrypoint.sh /entrypoint.sh\nENTRYPOINT ["/entrypoint.sh"]\nCMD ["server"]\n',
      context: { files: { "entrypoint.sh": '#!/bin/sh\nchown -R app /data\nif [ -n "$DEBUG" ]; then\n  set -x\nfi\ns6-setuidgid app "$@"\n' } },
    },
    {
      name: "an s6 service run file, copied in with a folder, that execs its program through a dropper",
      code: 'FROM alpine:3.22\nRUN apk add --no-cache s6 openssh\nCOPY deploy ./deploy\nENTRYPOINT ["/app/deploy/prepare.sh"]\nCMD ["s6-svscan", "/app/deploy/services"]\n',
      context: { files: { "deploy/services/web/run": '#!/bin/sh\n[ -f ./env ] && . ./env\nexec gosu "$APP_USER" /app/web serve\n' } },
    },
    {
      name: "an execline run file of s6-overlay that chains s6-setuidgid into the program",
      code: 'FROM debian:bookworm-slim\nCOPY rootfs/ /\nENTRYPOINT ["/init"]\n',
      context: { files: { "rootfs/etc/s6-overlay/s6-rc.d/worker/run": "#!/command/execlineb -P\ns6-setuidgid app\n/usr/local/bin/worker\n" } },
    },
    {
      name: "a runit service run file that drops with chpst -u",
      code: 'FROM debian:bookworm-slim\nRUN apt-get update && apt-get install -y runit\nCOPY sv/ /etc/service/\nCMD ["runsvdir", "/etc/service"]\n',
      context: { files: { "sv/queue/run": "#!/bin/sh\nexec chpst -u queue:queue /usr/bin/queue-daemon\n" } },
    },
    {
      name: "a parent image whose ONBUILD triggers install into the child build",
      code: "FROM debian:13-slim\nRUN apt-get update && apt-get install -y --no-install-recommends curl\nCOPY ./setup /opt/setup\nONBUILD ARG TOOL_VERSION\nONBUILD RUN /opt/setup/install.sh ${TOOL_VERSION} && rm -rf /opt/setup\n",
    },
    {
      name: "the Docker engine from Docker's convenience script: the image drives a Docker socket",
      code: 'FROM node:24-slim\nCOPY --from=build /out /app\nRUN curl -fsSL https://get.docker.com | sh\nEXPOSE 3000\nCMD ["node", "/app/server.js"]\n',
    },
    {
      name: "the Docker CLI copied from the docker image",
      code: 'FROM python:3.13-slim\nCOPY --from=docker:28-cli /usr/local/bin/docker /usr/local/bin/docker\nCOPY . /app\nCMD ["python", "/app/deployer.py"]\n',
    },
    {
      name: "a base given by a build argument whose default is a placeholder, not an image",
      code: "ARG BASEIMAGE=unknown\nFROM ${BASEIMAGE}\nCOPY rootfs/ /\nEXPOSE 5800\n",
    },
    {
      name: "an interactive shell behind an init wrapper (tini --): a base to work in and extend",
      code: 'FROM ubuntu:24.04\nRUN apt-get update && apt-get install -y --no-install-recommends tini wget\nENTRYPOINT ["tini", "--"]\nCMD ["/bin/bash"]\n',
    },
    {
      name: "an interactive shell behind dumb-init with options",
      code: 'FROM debian:bookworm-slim\nCOPY tools /opt/tools\nENTRYPOINT ["/usr/bin/dumb-init", "-c", "--"]\nCMD ["bash", "-l"]\n',
    },
    {
      name: "a runtime image whose default command only prints a greeting, through an entry script",
      code: 'FROM debian:bookworm-slim\nRUN useradd --uid 1993 --user-group deno\nCOPY --from=bin /deno /usr/bin/deno\nCOPY entry.sh /usr/local/bin/docker-entrypoint.sh\nENTRYPOINT ["/tini", "--", "docker-entrypoint.sh"]\nCMD ["eval", "console.log(\'Welcome to Deno!\')"]\n',
    },
    {
      name: "a runtime image whose command is the bare runtime, through an entry script that execs the command",
      code: 'FROM debian:bookworm-slim\nCOPY --from=fetch /usr/local/bin/lua /usr/local/bin/\nCOPY run.sh /usr/local/bin/\nRUN useradd -u 1000 -m lua\nWORKDIR /home/lua/app\nENTRYPOINT ["/usr/local/bin/run.sh"]\nCMD ["/usr/local/bin/lua"]\n',
      context: { files: { "run.sh": '#!/bin/sh\nset -e\nexec "$@"\n' } },
    },
    {
      name: "a runtime image whose command is the bare runtime, run directly",
      code: 'FROM alpine:3.22\nCOPY --from=build /out/node /usr/local/bin/node\nRUN addgroup -g 1000 node && adduser -u 1000 -G node -D node\nCMD ["node"]\n',
    },
    {
      name: "a comment says the image can be run as a non-root user picked at run time",
      code: 'FROM ubuntu:24.04\nCOPY --from=sdk /opt/sdk /opt/sdk\n# A 1000:1000 user, so the image can be run as non-root user and files it writes stay yours\nRUN useradd -u 1000 -m builder\nCOPY serve.py /opt/serve.py\nENTRYPOINT ["python3", "/opt/serve.py"]\n',
    },
    {
      name: "an SDK image running its user's command through an entry script in an empty mounted folder",
      code: 'FROM ubuntu:24.04\nCOPY --from=build /opt/sdk /opt/sdk\nRUN useradd -u 1000 -m dev\nRUN apt-get update && apt-get install -y --no-install-recommends make cmake\nWORKDIR /work\nENTRYPOINT ["/opt/sdk/entrypoint.sh"]\n',
      context: { files: { "entrypoint.sh": '#!/bin/bash\nsource /opt/sdk/env.sh\nexec "$@"\n' } },
    },
    {
      name: "a tool image whose default command is an echo",
      code: 'FROM alpine:3.22\nCOPY --from=build /out/tool /usr/local/bin/tool\nCMD ["echo", "run tool with your own command"]\n',
    },
    {
      name: "back to root for a Procfile manager whose processes drop to their workers' user (php-fpm, nginx)",
      code: 'FROM php:8.3-fpm\nUSER www-data\nRUN composer install\nUSER root\nRUN cp -r storage storage.skel\nCOPY Procfile .\nENTRYPOINT ["/docker/entrypoint.sh"]\nCMD ["forego", "start", "-r"]\n',
      context: { files: { "docker/nginx/Procfile": 'fpm: php-fpm\nnginx: nginx -g "daemon off;"\n' } },
    },
    {
      name: "a Dockerfile.dev no CI workflow publishes stays a development image",
      code: 'FROM node:22-slim\nCOPY . /app\nCMD ["node", "/app/server.js"]\n',
      context: { dockerfilePath: "Dockerfile.dev", publishedByCi: false },
    },
    {
      name: "a file that says it is for development only",
      code: '# DEVELOPMENT ONLY: lets developers try the proxy locally.\nFROM debian:bookworm-slim\nCOPY . /src\nCMD ["/src/proxy"]\n',
    },
    {
      name: "a regression harness by its path",
      code: 'FROM debian:trixie-slim\nCOPY --from=builder /out/agent /usr/bin/agent\nENTRYPOINT ["/usr/bin/agent"]\n',
      context: { dockerfilePath: "regression/Dockerfile" },
    },
    {
      name: "sshd as the command: it switches to each user who logs in",
      code: 'FROM debian:bookworm\nRUN apt-get update && apt-get install -y openssh-server\nEXPOSE 22\nCMD ["/usr/sbin/sshd", "-D", "-e"]\n',
    },
    {
      name: "an entry script that execs sshd",
      code: 'FROM debian:bookworm\nRUN apt-get update && apt-get install -y openssh-server\nCOPY files/entrypoint /\nEXPOSE 22\nENTRYPOINT ["/entrypoint"]\n',
      context: { files: { "files/entrypoint": '#!/bin/bash\ncreate-users\nif $startSshd; then\n    exec /usr/sbin/sshd -D -e\nelse\n    exec "$@"\nfi\n' } },
    },
    {
      name: "unbound exec'd by its script: it binds 53 and chroots, then drops to its username",
      code: 'FROM debian:bookworm\nCOPY data/ /\nEXPOSE 53/udp\nCMD ["/unbound.sh"]\n',
      context: {
        files: {
          "data/unbound.sh":
            '#!/bin/bash\ncat > /opt/unbound/etc/unbound/unbound.conf <<EOT\nserver:\n    username: "_unbound"\n    chroot: "/opt/unbound/etc/unbound"\nEOT\nexec /opt/unbound/sbin/unbound -d -c /opt/unbound/etc/unbound/unbound.conf\n',
        },
      },
    },
    {
      name: "haproxy whose config names its user",
      code: 'FROM debian:bookworm-slim\nRUN apt-get update && apt-get install -y haproxy\nCOPY haproxy.cfg /etc/haproxy/haproxy.cfg\nCMD ["haproxy", "-f", "/etc/haproxy/haproxy.cfg"]\n',
      context: { files: { "haproxy.cfg": "global\n    user haproxy\n    group haproxy\n" } },
    },
    {
      name: "an entry script, copied under another name through a build stage, whose web role starts apache2-foreground",
      code: 'FROM php:8.3-apache AS builder\nCOPY ./common/ /common/\nFROM php:8.3-apache\nCOPY --from=builder --chmod=755 /common/docker-entrypoint.sh /entrypoint.sh\nCOPY --from=builder --chmod=755 /common/entrypoint_web.sh /entrypoint_web.sh\nENTRYPOINT ["/entrypoint.sh"]\n',
      context: {
        files: {
          "common/docker-entrypoint.sh": '#!/bin/bash\ncase "$ROLE" in\n  web)\n    /entrypoint_web.sh "$@"\n    ;;\n  cron)\n    cron -f\n    ;;\nesac\n',
          "common/entrypoint_web.sh": "#!/bin/bash\nsu -s /bin/bash www-data -c 'php bin/console migrate'\napache2-foreground\n",
        },
      },
    },
    {
      name: "a server told on its command line to run as nobody, whatever the option's name",
      code: 'FROM alpine:3.21\nCOPY proxy-server /usr/bin/\nCOPY entry.sh /usr/bin/\nENTRYPOINT ["entry.sh"]\nCMD ["proxy-server", "--quiet", "-a", "nobody", "-c", "/etc/proxy.json"]\n',
    },
    { name: "a --runas option", code: 'FROM alpine:3.21\nCOPY gw /usr/bin/\nCMD ["gw", "--runas", "gw"]\n' },
    {
      name: "a wrapper that starts dnsmasq after --: dnsmasq binds 53 and drops to nobody itself",
      code: 'FROM alpine:3.21\nRUN apk add --no-cache dnsmasq\nCOPY restarter /usr/local/bin/\nENTRYPOINT ["restarter", "--watch", "/etc/dnsmasq.conf", "--", "dnsmasq", "-k"]\n',
    },
    {
      name: "supervisord started by a shell-form exec",
      code: "FROM debian:12-slim\nRUN apt-get update && apt-get install -y supervisor exim4\nCOPY supervisord.conf /etc/supervisor/\nCMD exec /usr/bin/supervisord -c /etc/supervisor/supervisord.conf\n",
    },
    {
      name: "an entry script that links a loader into /lib at every start",
      code: 'FROM alpine:3.21\nCOPY run.sh /run.sh\nCOPY --from=build /out /srv\nENTRYPOINT ["/run.sh"]\n',
      context: { files: { "run.sh": "#!/bin/sh\nln -sf /lib/ld-musl-x86_64.so.1 /lib64/ld-linux-x86-64.so.2\nexec /srv/app\n" } },
    },
    {
      name: "an entry script that installs extra packages at start",
      code: 'FROM python:3.13-slim\nCOPY boot.sh /boot.sh\nCOPY . /srv\nCMD ["/boot.sh"]\n',
      context: {
        files: { "boot.sh": '#!/bin/sh\nif [ -n "$EXTRA_PKGS" ]; then apt-get update && apt-get install -y $EXTRA_PKGS; fi\nexec python /srv/main.py\n' },
      },
    },
    {
      name: "an entry script that refreshes the linker cache",
      code: 'FROM debian:13-slim\nCOPY boot.sh /boot.sh\nCMD ["/boot.sh"]\n',
      context: { files: { "boot.sh": "#!/bin/sh\nldconfig /opt/plugins/lib\nexec /opt/app/bin/app\n" } },
    },
    {
      name: "a program installed into root's home (pipx as root) and started from there",
      code: 'FROM python:3.12-slim\nRUN apt-get update && apt-get install -y pipx\nRUN pipx install some-tool\nENTRYPOINT ["/root/.local/bin/some-tool", "serve"]\n',
    },
    {
      // museofficial/muse: the README mounts ./data at /data for its SQLite database and cache.
      name: "an ENV that tells the app to keep its data in a folder, with no user prepared",
      code: 'FROM node:22-bookworm-slim\nWORKDIR /usr/app\nCOPY dist ./dist\nENV DATA_DIR=/data\nCMD ["node", "dist/index.js"]\n',
    },
    {
      name: "the default command writes its data under a folder root created (/etc), with no user prepared",
      code: 'FROM ubuntu:24.04\nCOPY --from=build /out/collector /bin/collector\nCOPY collector.yaml /etc/collector/config.yaml\nENTRYPOINT ["/bin/collector"]\nCMD ["--config.file=/etc/collector/config.yaml", "--storage.wal-directory=/etc/collector/wal"]\n',
    },
    {
      name: "tools that manage the host's block devices and storage pools need root",
      code: 'FROM alpine:3.23\nRUN apk --no-cache add device-mapper thin-provisioning-tools zfs\nCOPY --from=build /out/agent /usr/bin/agent\nEXPOSE 8080\nENTRYPOINT ["/usr/bin/agent"]\n',
    },
    { name: "sbt as the command: a build-tool image", code: 'FROM eclipse-temurin:21-jdk\nUSER app\nRUN x\nUSER root\nWORKDIR /root\nCMD ["sbt"]\n' },
    {
      name: "a compose service pulling the image the OCI source label names, with a host folder for data",
      code: 'FROM node:20-alpine\nCOPY --from=build /app /app\nCMD ["node", "index.js"]\nLABEL org.opencontainers.image.source=https://github.com/acme/pds\n',
      context: {
        composeServices: [
          { file: "compose.yaml", builds: false, image: "ghcr.io/acme/pds:0.4", user: null, mounts: [{ target: "/pds", source: "host", readOnly: false }] },
        ],
      },
    },
    {
      name: "USER root over a base that runs as a non-root user, nothing built after it: root chosen for run time",
      code: 'FROM haproxy:3.1-alpine\nCOPY haproxy.cfg /usr/local/etc/haproxy/haproxy.cfg.tpl\nCOPY entry.sh /usr/local/bin/\nUSER root\nCMD ["haproxy", "-f", "/tmp/haproxy.cfg"]\n',
    },
    {
      name: "a server config's uid counts when the read entry script starts that server",
      code: 'FROM python:3.12-slim\nCOPY uwsgi.ini /etc/uwsgi.ini\nCOPY start.sh /start.sh\nCMD ["/start.sh"]\n',
      context: { files: { "uwsgi.ini": "[uwsgi]\nuid = www-data\n", "start.sh": "#!/bin/sh\npython manage.py migrate\nexec uwsgi --ini /etc/uwsgi.ini\n" } },
    },
    {
      name: "a created system account on an unknown base that starts the image itself: the base's init runs the added services",
      code: "FROM vendor/service-base:2.0\nRUN groupadd -r ldap && useradd -r -g ldap ldap\nRUN apt-get update && apt-get install -y --no-install-recommends slapd\nADD service /container/service\nEXPOSE 389\n",
    },
    {
      name: "an s6-overlay base starts as root and runs the copied services; the file sets no start command",
      code: "FROM vendor/alpine-s6:3.21\nRUN adduser -S -D -H -h /var/lib/pg pg && apk add --no-cache postgresql-client\nCOPY install /\n",
    },
    { name: "uv's bare version image holds only the binaries", code: 'FROM ghcr.io/astral-sh/uv:0.8.3\nCOPY app /app\nCMD ["/app/run"]\n' },
    {
      name: "the Docker CLI installed from a build argument's package list",
      code: 'FROM python:3.14-slim\nARG TOOLS="cron docker-cli"\nRUN apt-get update && apt-get install -y --no-install-recommends ${TOOLS}\nEXPOSE 8080\nENTRYPOINT ["./entrypoint.sh"]\n',
    },
  ],
});
