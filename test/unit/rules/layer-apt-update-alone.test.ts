import { rule } from "../../../server/src/rules/layer-apt-update-alone";
import { testRule } from "../../support/rule-tester";

testRule(rule, {
  fires: [
    {
      // Held-out CQ, weewx-docker: the build stage's later steps run the project's own tool, no installer.
      name: "an update in a build stage whose later steps run a project tool named for something else",
      code: 'FROM python:3.12 AS build\nRUN apt-get update\nRUN pip install virtualenv\nRUN bin/wee_extension --install /tmp/weewx-mqtt.zip\nFROM python:3.12-slim\nCOPY --from=build /root /home/weewx\nCMD ["weewxd"]\n',
      messageId: "updateUnused",
      line: 2,
    },
    {
      name: "an update in a build stage whose later step runs a project script named for setup",
      code: 'FROM python:3.12 AS build\nRUN apt-get update\nRUN scripts/install-deps\nFROM python:3.12-slim\nCOPY --from=build /out /out\nCMD ["app"]\n',
      messageId: "updateAlone",
      line: 2,
    },
    {
      // Held-out AY, krr: an update left from a removed install, in the app image that ships.
      name: "the final image starts its own program and nothing after the update installs: remove it",
      code: 'FROM python:3.12-slim\nRUN apt-get update && dpkg --add-architecture arm64\nWORKDIR /app\nCOPY . .\nRUN pip install --no-cache-dir -r requirements.txt\nCMD ["python", "krr.py"]\n',
      messageId: "updateUnused",
      line: 2,
    },
    {
      // Held-out CH, t2v-transformers: a later stage runs `./download.py`, a Python program, not an install.
      name: "a later stage runs a Python program of the project: no install follows, remove the update",
      code: 'FROM python:3.11-slim AS base\nWORKDIR /app\nRUN apt-get update\nRUN pip install -r requirements.txt\nFROM base AS model\nCOPY download.py .\nRUN ./download.py\nFROM base\nCOPY --from=model /app/models /app/models\nCOPY . .\nCMD ["uvicorn", "app:app"]\n',
      messageId: "updateUnused",
      line: 3,
    },
    {
      code: "FROM debian:12\nRUN apt-get update\nRUN apt-get install -y --no-install-recommends curl\n",
      messageId: "updateAlone",
      line: 2,
      token: "apt-get update",
      data: { command: "apt-get update", install: "apt-get install" },
      output: "FROM debian:12\nRUN apt-get update && \\\n    apt-get install -y --no-install-recommends curl\n",
    },
    {
      name: "apt update with options, install later in the stage",
      code: "FROM ubuntu:24.04\nRUN apt update -qq\nCOPY pkgs.txt /tmp/\nRUN apt install -y $(cat /tmp/pkgs.txt)\n",
      messageId: "updateAlone",
      line: 2,
      token: "apt update",
      data: { command: "apt update", install: "apt install" },
      output: null,
    },
    {
      name: "the update is chained with something that is no install",
      code: "FROM debian:12\nRUN apt-get update && echo updated\nRUN apt-get install -y curl\n",
      messageId: "updateAlone",
      line: 2,
      output: null,
    },
    {
      name: "an install RUN with || would treat a failed update differently once merged: no fix",
      code: "FROM debian:12\nRUN apt-get update\nRUN apt-get install -y curl || true\n",
      messageId: "updateAlone",
      line: 2,
      output: null,
    },
    {
      name: "different mounts: no fix",
      code: "FROM debian:12\nRUN apt-get update\nRUN --mount=type=cache,target=/var/cache/apt apt-get install -y curl\n",
      messageId: "updateAlone",
      line: 2,
      output: null,
    },
    {
      name: "lists on a tmpfs mount vanish with the RUN",
      code: "FROM debian:12\nRUN --mount=type=tmpfs,target=/var/lib/apt \\\n    apt-get update\n",
      messageId: "updateDiscarded",
      line: 3,
      token: "apt-get update",
      data: { command: "apt-get update", install: "apt-get install" },
    },
    {
      name: "lists on a cache mount still go stale with the cached RUN",
      code: "FROM debian:12\nRUN --mount=type=cache,target=/var/lib/apt apt-get update\nRUN --mount=type=cache,target=/var/lib/apt apt-get install -y curl\n",
      messageId: "updateAlone",
      line: 2,
      output: "FROM debian:12\nRUN --mount=type=cache,target=/var/lib/apt apt-get update && \\\n    apt-get install -y curl\n",
    },
    {
      name: "in an ONBUILD trigger",
      code: "FROM debian:12\nONBUILD RUN apt-get update\n",
      messageId: "updateAlone",
      line: 2,
      token: "apt-get update",
      output: null,
    },
    {
      name: "a builder stage with no install after the update: the update is dead, not stale",
      code: "FROM node:22 AS build\nCOPY package.json yarn.lock ./\nRUN apt-get update && \\\n    yarn install --frozen-lockfile\nCOPY . .\nRUN yarn build\nFROM node:22\nCOPY --from=build /app /app\nRUN apt-get update && apt-get install -y chromium\n",
      messageId: "updateUnused",
      line: 3,
      token: "apt-get update",
      data: { command: "apt-get update", install: "apt-get install" },
      output: null,
    },
    {
      name: "an unused update alone in its RUN: removing the RUN is offered",
      code: "FROM debian:12 AS fetch\nRUN apt-get update\nRUN curl -fsSLo /tmp/app.tgz https://example.com/app.tgz\nFROM debian:12\nCOPY --from=fetch /tmp/app.tgz /opt/\n",
      messageId: "updateUnused",
      line: 2,
      output: "FROM debian:12 AS fetch\nRUN curl -fsSLo /tmp/app.tgz https://example.com/app.tgz\nFROM debian:12\nCOPY --from=fetch /tmp/app.tgz /opt/\n",
    },
    {
      name: "a stage built on the builder installs from its lists: still stale, not unused",
      code: "FROM debian:12 AS base\nRUN apt-get update\nFROM base AS build\nRUN apt-get install -y gcc\nFROM debian:12\nCOPY --from=build /usr/bin/gcc /usr/bin/\n",
      messageId: "updateAlone",
      line: 2,
      output: null,
    },
    {
      name: "the final image may be the base of another image that installs: not called unused",
      code: 'FROM debian:12\nRUN apt-get update\nCMD ["bash"]\n',
      messageId: "updateAlone",
      line: 2,
      output: null,
    },
    {
      name: "a sudo wrapper and a continuation line",
      code: "FROM debian:12\nRUN sudo \\\n    apt-get update\n",
      messageId: "updateAlone",
      line: 3,
      token: "apt-get update",
    },
  ],
  silent: [
    {
      name: "an installer that calls apt itself (playwright --with-deps)",
      code: "FROM node:20\nRUN apt-get update && npx -y playwright install --with-deps chromium\n",
    },
    {
      name: "update and install inside one heredoc RUN",
      code: "FROM debian:12\nRUN <<EOF\nset -e\napt-get update\napt-get install -y curl\nrm -rf /var/lib/apt/lists/*\nEOF\n",
    },
    "FROM debian:12\nRUN apt-get update && apt-get install -y curl && rm -rf /var/lib/apt/lists/*\n",
    {
      name: "install on continued lines before a heredoc that writes a file",
      code: "FROM debian:12\nRUN apt-get update \\\n && apt-get install -y gnupg \\\n && cat <<EOF > /etc/apt/sources.list.d/x.sources\nTypes: deb\nEOF\n",
    },
    { name: "heredoc RUN with the install", code: "FROM debian:12\nRUN <<EOF\napt-get update\napt-get install -y git\nEOF\n" },
    { name: "upgrade uses the lists", code: "FROM debian:12\nRUN apt-get update && apt-get -y dist-upgrade\n" },
    { name: "a project script may install", code: "FROM debian:12\nRUN apt-get update && ./scripts/install-deps.sh\n" },
    { name: "piped into a shell", code: "FROM debian:12\nRUN apt-get update && curl -fsSL https://deb.nodesource.com/setup_20.x | bash -\n" },
    { name: "cross-build apt wrapper", code: "FROM debian:12\nRUN apt-get update && xx-apt-get install -y gcc\n" },
    { name: "apt-cache reads the lists", code: "FROM debian:12\nRUN apt-get update && apt-cache policy curl\n" },
    {
      name: "an install earlier in the same RUN: refreshing a local repository on purpose",
      code: "FROM debian:12\nRUN apt-get build-dep -y hello && dpkg-scanpackages . > Packages && apt-get update\n",
    },
    { name: "apk and dnf are other managers", code: "FROM alpine:3.20\nRUN apk update\n" },
  ],
});
