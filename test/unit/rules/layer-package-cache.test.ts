import * as assert from "assert";
import { runShell } from "../../../server/src/images/default-shell";
import { findLeftPackageCaches } from "../../../server/src/model/package-caches";
import { parseDockerfile } from "../../../server/src/model/parse";
import { pipConfigTurnsCacheOff } from "../../../server/src/model/pip-config";
import type { DockerfileModel } from "../../../server/src/model/types";
import { rule } from "../../../server/src/rules/layer-package-cache";
import { growthOf } from "../../support/growth";
import { testRule } from "../../support/rule-tester";

const APT_BUILDER = "FROM debian:12 AS build\nRUN apt-get update && apt-get install -y gcc\nRUN gcc -o /app main.c\n";

testRule(rule, {
  fires: [
    {
      // Held-out CT, Lotus: `FROM build AS production`; the stage named `build` is the shipped image's base.
      name: "a stage named for building that the final image is built on: what it leaves ships",
      code: 'FROM python:3.12-bookworm AS build\nRUN apt-get update && apt-get install -y netcat-openbsd\nFROM build AS development\nCMD ["python", "manage.py", "runserver"]\nFROM build AS production\nCMD ["gunicorn", "app.wsgi"]\n',
      messageId: "aptLists",
      line: 2,
    },
    {
      name: "a pip install on Ubuntu 14.04 after pip upgraded itself",
      code: 'FROM ubuntu:14.04\nRUN apt-get install --yes python python-pip && rm -rf /var/lib/apt/lists/*\nRUN pip install --upgrade pip\nRUN pip install uwsgi\nCMD ["uwsgi"]\n',
      messageId: "pipCache",
      line: 4,
    },
    {
      // Held-out BJ, Langchain-Chatchat: `poetry config virtualenvs.create false`, then an install
      // whose downloads stay in /root/.cache/pypoetry (missed). No virtualenv in the cache folder:
      // all of it can go.
      name: "poetry install with virtualenvs.create false: the whole cache folder can go",
      code: 'FROM python:3.11\nRUN pip install --no-cache-dir poetry\nRUN poetry config virtualenvs.create false\nRUN poetry install --with lint -E extra\nCMD ["app"]\n',
      messageId: "poetryCache",
      line: 4,
      data: { command: "poetry install", folder: "/root/.cache/pypoetry" },
      output:
        'FROM python:3.11\nRUN pip install --no-cache-dir poetry\nRUN poetry config virtualenvs.create false\nRUN poetry install --with lint -E extra && rm -rf /root/.cache/pypoetry\nCMD ["app"]\n',
    },
    {
      // Held-out AR, openstates-core: the first install's downloads stay in its layer; a later RUN
      // removes them, which frees nothing (missed). Appending the removal here would make that
      // RUN's `rm -r` fail: its install downloads nothing (judged wrong with the appended removal).
      name: "a later RUN removes the downloads in a layer of its own: move that removal here, no removal appended",
      code: 'FROM python:3.9-slim\nWORKDIR /opt/os\nCOPY pyproject.toml poetry.lock ./\nRUN pip install --no-cache-dir poetry && poetry install -q --no-root\nCOPY . .\nRUN poetry install -q && rm -r /root/.cache/pypoetry/cache /root/.cache/pypoetry/artifacts/\nENTRYPOINT ["poetry", "run"]\n',
      messageId: "poetryCacheRemovedLater",
      line: 4,
      data: { command: "poetry install", line: 6 },
    },
    {
      // wagtail.org (held-out BM): `useradd --create-home` then `USER wagtailio`; missed.
      name: "poetry install as a user the file creates with a home: the cache is in that home",
      code: 'FROM python:3.12-slim\nRUN pip install --no-cache-dir poetry && useradd --create-home --uid 1000 app\nUSER app\nENV POETRY_VIRTUALENVS_CREATE=false\nRUN poetry install --no-root\nCMD ["app"]\n',
      messageId: "poetryCache",
      line: 5,
      data: { command: "poetry install", folder: "/home/app/.cache/pypoetry" },
      output:
        'FROM python:3.12-slim\nRUN pip install --no-cache-dir poetry && useradd --create-home --uid 1000 app\nUSER app\nENV POETRY_VIRTUALENVS_CREATE=false\nRUN poetry install --no-root && rm -rf /home/app/.cache/pypoetry\nCMD ["app"]\n',
    },
    {
      name: "poetry install as a user made with a home folder of its own (-m -d /srv/svc)",
      code: 'FROM python:3.12-slim\nRUN pip install --no-cache-dir poetry && useradd -m -d /srv/svc svc\nUSER svc\nENV POETRY_VIRTUALENVS_CREATE=false\nRUN poetry install --only main --no-root\nCMD ["app"]\n',
      messageId: "poetryCache",
      line: 5,
      data: { command: "poetry install", folder: "/srv/svc/.cache/pypoetry" },
    },
    {
      name: "poetry install into its default virtualenv: only the artifacts can go",
      code: 'FROM python:3.12-slim\nRUN pip install --no-cache-dir poetry\nWORKDIR /app\nCOPY pyproject.toml poetry.lock ./\nRUN poetry install --no-root --only main\nCMD ["poetry", "run", "app"]\n',
      messageId: "poetryCache",
      line: 5,
      data: { command: "poetry install", folder: "/root/.cache/pypoetry/artifacts" },
      output:
        'FROM python:3.12-slim\nRUN pip install --no-cache-dir poetry\nWORKDIR /app\nCOPY pyproject.toml poetry.lock ./\nRUN poetry install --no-root --only main && rm -rf /root/.cache/pypoetry/artifacts\nCMD ["poetry", "run", "app"]\n',
    },
    {
      name: "a second poetry install reuses the downloads the first left in its own layer: the first alone",
      code: 'FROM python:3.12-slim\nRUN pip install --no-cache-dir poetry\nCOPY pyproject.toml poetry.lock ./\nRUN poetry install --no-root\nCOPY . .\nRUN poetry install --only-root\nCMD ["app"]\n',
      messageId: "poetryCache",
      line: 4,
      count: 1,
    },
    {
      name: "POETRY_CACHE_DIR set by the file: that folder",
      code: 'FROM python:3.12-slim\nENV POETRY_CACHE_DIR=/opt/poetry-cache POETRY_VIRTUALENVS_IN_PROJECT=1\nRUN pip install --no-cache-dir poetry\nRUN poetry sync --only main\nCMD ["app"]\n',
      messageId: "poetryCache",
      line: 4,
      data: { command: "poetry sync", folder: "/opt/poetry-cache" },
    },
    {
      name: "a project script the RUN runs afterwards that cleans something else",
      code: "FROM ubuntu:24.04\nCOPY scripts /scripts\nRUN apt-get -y update && apt-get -y install --no-install-recommends sudo curl && /scripts/sys/purge_cache.sh\n",
      context: { files: { "scripts/sys/purge_cache.sh": "#!/bin/bash\napt-get clean -y\nrm -rf /tmp/* ~/.cache/\n" } },
      messageId: "aptLists",
      line: 3,
    },
    {
      // Held-out AZ, PX4's development image: missed.
      name: "a brace list of sub-folders of the apt lists: dash expands no braces, bash names sub-folders",
      code: "FROM ubuntu:22.04\nRUN apt-get update && apt-get -y --no-install-recommends install cmake \\\n\t&& apt-get -y autoremove && apt-get clean autoclean \\\n\t&& rm -rf /var/lib/apt/lists/{apt,dpkg,cache,log} /tmp/* /var/tmp/*\n",
      messageId: "aptLists",
      line: 2,
    },
    {
      // Held-out AM, openstreetmap-tile-server: judged right.
      name: "a brace list holding the apt folder, under dash, which expands no braces",
      code: "FROM ubuntu:22.04\nRUN apt-get update && apt-get install -y --no-install-recommends cmake && rm -rf /var/lib/{apt,dpkg,cache,log}/\n",
      messageId: "aptLists",
      line: 2,
    },
    {
      // Held-out AY, harbor's Photon images: the later RUN cleans with tdnf.
      name: "tdnf's cache left where the later RUN cleans with tdnf: this RUN's clean alone saves",
      code: 'FROM photon:5.0\nRUN tdnf install -y shadow\nRUN tdnf install -y postgresql15 && tdnf clean all\nCMD ["postgres"]\n',
      messageId: "rpmCache",
      line: 2,
    },
    {
      // Held-out AY, pulp-oci-images: the next RUN's `dnf module enable` loads the metadata again.
      name: "dnf's cache left where a later RUN runs dnf again without cleaning: clean in both",
      code: 'FROM quay.io/centos/centos:stream9\nRUN dnf install -y python3.11 python3.11-pip\nRUN dnf module enable -y postgresql:15\nCMD ["python3.11"]\n',
      messageId: "rpmCacheEverywhere",
      line: 2,
      data: { command: "dnf install", line: 3 },
    },
    {
      name: "dnf's cache left where the later RUN cleans after itself: this RUN's clean alone saves",
      code: 'FROM quay.io/centos/centos:stream9\nRUN dnf install -y python3.11\nRUN dnf module enable -y postgresql:15 && dnf clean all\nCMD ["python3.11"]\n',
      messageId: "rpmCache",
      line: 2,
    },
    {
      name: "another folder removed through ${HOME}: pip's cache stays",
      code: 'FROM python:3.12-slim\nRUN pip install flask && rm -rf ${HOME}/.config\nCMD ["flask", "run"]\n',
      messageId: "pipCache",
      line: 2,
    },
    {
      // No script between: the later deletion leaves the lists in the install's layer all the same.
      name: "apt lists deleted by a later RUN with nothing between that may use them",
      code: "FROM debian:12\nRUN apt-get update && apt-get install -y --no-install-recommends curl\nRUN rm -rf /var/lib/apt/lists/*\n",
      messageId: "aptLists",
    },
    {
      // Held-out AQ, feast: UV_CACHE_DIR moves the cache, it does not remove it.
      name: "uv pip install in the final image keeps uv's cache: --no-cache is added after install",
      code: 'FROM python:3.12-slim\nENV UV_CACHE_DIR=/tmp/uv-cache\nRUN uv pip install --system -r requirements.txt\nCMD ["app"]\n',
      messageId: "uvCache",
      line: 3,
      output: 'FROM python:3.12-slim\nENV UV_CACHE_DIR=/tmp/uv-cache\nRUN uv pip install --no-cache --system -r requirements.txt\nCMD ["app"]\n',
    },
    {
      name: "uv sync in the final image",
      code: 'FROM python:3.12-slim\nWORKDIR /app\nCOPY pyproject.toml uv.lock ./\nRUN uv sync --frozen --no-dev\nCMD ["app"]\n',
      messageId: "uvCache",
      output: 'FROM python:3.12-slim\nWORKDIR /app\nCOPY pyproject.toml uv.lock ./\nRUN uv sync --no-cache --frozen --no-dev\nCMD ["app"]\n',
    },
    {
      name: "the distribution's pip on Ubuntu 24.04 told to break system packages: it installs and caches",
      code: "FROM ubuntu:24.04\nRUN apt-get update && apt-get install -y --no-install-recommends python3-pip && rm -rf /var/lib/apt/lists/*\nRUN pip3 install --break-system-packages httpie\n",
      messageId: "pipCache",
      line: 3,
    },
    {
      name: "the distribution's pip on Ubuntu 22.04: its Python is not externally managed",
      code: "FROM ubuntu:22.04\nRUN apt-get update && apt-get install -y --no-install-recommends python3-pip && rm -rf /var/lib/apt/lists/*\nRUN pip3 install httpie\n",
      messageId: "pipCache",
      line: 3,
    },
    {
      name: "PIP_BREAK_SYSTEM_PACKAGES set: pip installs on Debian 12",
      code: "FROM debian:bookworm-slim\nENV PIP_BREAK_SYSTEM_PACKAGES=1\nRUN apt-get update && apt-get install -y --no-install-recommends python3-pip && rm -rf /var/lib/apt/lists/*\nRUN pip install httpie\n",
      messageId: "pipCache",
      line: 4,
    },
    {
      name: "a later install only names a package an earlier install put there: it needs no lists",
      code: 'FROM ubuntu:24.04\nRUN apt-get update && apt-get install -y nodejs\nRUN apt-get install -y nodejs\nCMD ["node"]\n',
      messageId: "aptLists",
      line: 2,
    },
    {
      name: "pip install of a local folder with no earlier --no-cache-dir install keeps the wheels of its dependencies",
      code: 'FROM python:3.12\nCOPY . /src\nRUN pip install /src\nCMD ["app"]\n',
      messageId: "pipCache",
      line: 3,
    },
    {
      // With /etc/apk/cache made a folder, apk caches there, not in the mounted /var/cache/apk.
      name: "/etc/apk/cache made a folder: a mount at /var/cache/apk does not hold the cache",
      code: 'FROM alpine:3.20\nRUN mkdir -p /etc/apk/cache\nRUN --mount=type=cache,target=/var/cache/apk apk add bash\nCMD ["sh"]\n',
      messageId: "apkCache",
      line: 3,
    },
    {
      // Review AL #11: the link is gone and a folder takes its place; apk caches in the layer.
      name: "/etc/apk/cache linked to the mounted folder, then removed and made a plain folder",
      code: 'FROM alpine:3.23\nRUN ln -s /var/cache/apk /etc/apk/cache\nRUN rm /etc/apk/cache && mkdir -p /etc/apk/cache\nRUN --mount=type=cache,target=/var/cache/apk apk add curl\nCMD ["curl"]\n',
      messageId: "apkCache",
      line: 4,
    },
    {
      name: "/etc/apk/cache linked to the mounted folder in a base stage, its folder removed with rm -rf /etc/apk and made again",
      code: 'FROM alpine:3.23 AS base\nRUN ln -s /var/cache/apk /etc/apk/cache\nFROM base\nRUN rm -rf /etc/apk && mkdir -p /etc/apk/cache\nRUN --mount=type=cache,target=/var/cache/apk apk add curl\nCMD ["curl"]\n',
      messageId: "apkCache",
      line: 5,
    },
    {
      name: "/etc/apk/cache linked to a folder no mount holds",
      code: 'FROM alpine:3.20\nRUN --mount=type=cache,target=/var/cache/apk ln -s /srv/apk /etc/apk/cache && apk update && apk add --no-cache bash\nCMD ["sh"]\n',
      messageId: "apkIndexUpdate",
      line: 2,
    },
    {
      name: "rm of a folder named cleanup, and make's own clean target, are not cleanup helpers",
      code: 'FROM alpine:3.20\nRUN apk add curl make && rm -rf /tmp/cleanup && make clean\nCMD ["sh"]\n',
      messageId: "apkCache",
      line: 2,
    },
    {
      name: "a final stage kept under the name 'build' that serves on a port with a start command ships",
      code: 'FROM python:3.12 AS build\nRUN apt-get update && apt-get install -y --no-install-recommends wget\nEXPOSE 8192\nENTRYPOINT ["./serve.py"]\n',
      messageId: "aptLists",
      line: 2,
    },
    {
      // Yarn 1 run as root on Linux keeps its cache under /usr/local/share/.cache/yarn, not /root/.cache.
      name: "yarn as root, then only /root/.cache deleted",
      code: 'FROM alpine:3.20\nRUN apk add --no-cache yarn && cd /opt/web && yarn && rm -rf /root/.cache /tmp/*\nCMD ["node", "/opt/web/index.js"]\n',
      messageId: "yarnCache",
      line: 2,
    },
    {
      name: "a pip install of a package the requirements file does not list downloads it",
      code: "FROM python:3.12-slim\nCOPY ./api /app/api\nWORKDIR /app/api\nRUN pip3 install --no-cache-dir -r requirements.txt\nRUN pip3 install python-multipart gunicorn\n",
      context: { files: { "api/requirements.txt": "fastapi==0.110.0\npython-multipart\n" } },
      messageId: "pipCache",
      line: 5,
    },
    {
      name: "a package the requirements install only on Windows or another Python is downloaded by the later install",
      code: "FROM python:3.12-slim\nWORKDIR /app\nCOPY requirements.txt .\nRUN pip3 install --no-cache-dir -r requirements.txt\nRUN pip3 install pyreadline3\n",
      context: { files: { "requirements.txt": 'pyreadline3>=3.5.4;platform_system=="Windows"\n' } },
      messageId: "pipCache",
      line: 5,
    },
    {
      name: "an upgrade of a listed package downloads the newer release",
      code: "FROM python:3.12-slim\nWORKDIR /app\nCOPY requirements.txt .\nRUN pip3 install --no-cache-dir -r requirements.txt\nRUN pip3 install -U fastapi\n",
      context: { files: { "requirements.txt": "fastapi==0.110.0\n" } },
      messageId: "pipCache",
      line: 5,
    },
    {
      name: "a package installed before the requirements file is downloaded then",
      code: "FROM python:3.12-slim\nWORKDIR /app\nCOPY requirements.txt .\nRUN pip3 install fastapi\nRUN pip3 install --no-cache-dir -r requirements.txt\n",
      context: { files: { "requirements.txt": "fastapi==0.110.0\n" } },
      messageId: "pipCache",
      line: 4,
    },
    {
      name: "an image a script copies files out of, which CI also publishes, ships all the same",
      code: "FROM debian:12\nRUN apt-get update -y && apt-get install -y cmake g++ libboost-dev\nRUN cmake .. && make && cpack -G DEB\n",
      context: { outputCopiedOut: true, publishedByCi: true },
      messageId: "aptLists",
      line: 2,
    },
    {
      name: "a file named for development that CI publishes ships all the same",
      code: 'FROM ruby:3.3\nRUN apt-get update && apt-get install -y vim\nCMD ["rails", "s"]\n',
      context: { dockerfilePath: "Dockerfile.dev", publishedByCi: true },
      messageId: "aptLists",
      line: 2,
    },
    {
      name: "a branch a publishing build turns on (--build-arg GPU=nvidia --push) ships in that variant",
      code: 'FROM ubuntu:24.04\nARG GPU\nRUN if [ -n "$GPU" ]; then apt-get update && apt-get install -y libvulkan1 ; fi\n',
      context: { buildArgs: { composeBuilds: 0, passed: ["GPU"], published: ["GPU"] } },
      messageId: "aptLists",
      line: 3,
    },
    {
      name: "a set-test branch whose build argument has a default runs in a plain build",
      code: 'FROM python:3.13-slim\nARG INSTALL_DEBUG=false\nRUN if [ -n "$INSTALL_DEBUG" ]; then pip install ipython; fi\n',
      messageId: "pipCache",
      line: 3,
    },
    {
      name: "a stage CI builds with --target and runs (a ubi variant) ships like the final one",
      code: 'FROM alpine:3.22 AS bin\nRUN echo\nFROM registry.access.redhat.com/ubi9-minimal:9.6 AS ubi\nRUN microdnf install -y ca-certificates\nCMD ["app"]\nFROM gcr.io/distroless/static-debian12 AS distroless\nCMD ["app"]\n',
      context: { buildTargets: ["ubi", "distroless"] },
      messageId: "rpmCache",
      line: 4,
    },
    {
      name: "a test stage last in the file, on the base of the target CI pushes: the base's caches ship with that target",
      code: 'FROM ruby:3.3-alpine AS base\nRUN apk update && apk add postgresql-libs\nFROM base AS web\nCOPY . /app\nCMD ["rails", "server"]\nFROM base AS test\nCOPY . /app\nCMD ["rake"]\n',
      context: { buildTargets: ["web"] },
      messageId: "apkIndexUpdate",
      line: 2,
    },
    {
      name: "a test stage built on the target CI pushes: the target's caches ship",
      code: 'FROM debian:12 AS app\nRUN apt-get update && apt-get install -y postgresql\nENTRYPOINT ["/entry.sh"]\nFROM app AS app-test\nRUN echo tests\n',
      context: { buildTargets: ["app"] },
      messageId: "aptLists",
      line: 2,
    },
    {
      // Issue #15: appended inside the open quote, the cleanup became part of the string.
      name: "no cleanup offered when the RUN's shell text ends inside an open quote",
      code: 'FROM debian:12\nRUN apt-get update && apt-get install -y curl && echo "unterminated\n',
      messageId: "aptLists",
      line: 2,
      output: null,
    },
    {
      name: "apt-get update without removing the lists",
      code: "FROM debian:12\nRUN apt-get update && apt-get install -y curl\n",
      messageId: "aptLists",
      line: 2,
      token: "apt-get update",
      data: { command: "apt-get update" },
      output: "FROM debian:12\nRUN apt-get update && apt-get install -y curl && rm -rf /var/lib/apt/lists/*\n",
    },
    {
      name: "multi-line RUN with leading '&&' keeps its layout",
      code: "FROM ubuntu:24.04\nRUN apt-get update \\\n    && apt-get install -y --no-install-recommends curl\n",
      messageId: "aptLists",
      line: 2,
      output: "FROM ubuntu:24.04\nRUN apt-get update \\\n    && apt-get install -y --no-install-recommends curl \\\n    && rm -rf /var/lib/apt/lists/*\n",
    },
    {
      name: "CRLF line endings are kept",
      code: "FROM debian:12\r\nRUN apt-get update && \\\r\n\tapt-get install -y curl\r\n",
      messageId: "aptLists",
      line: 2,
      output: "FROM debian:12\r\nRUN apt-get update && \\\r\n\tapt-get install -y curl && \\\r\n\trm -rf /var/lib/apt/lists/*\r\n",
    },
    {
      name: "exec-form pip install gets the option as a JSON string",
      code: 'FROM python:3.13-slim\nRUN ["pip", "install", "flask"]\n',
      messageId: "pipCache",
      line: 2,
      token: '"pip", "install"',
      output: 'FROM python:3.13-slim\nRUN ["pip", "install", "--no-cache-dir", "flask"]\n',
    },
    {
      name: "exec-form apt-get: no shell to append the cleanup to",
      code: 'FROM debian:12\nRUN ["apt-get", "update"]\n',
      messageId: "aptLists",
      line: 2,
      output: null,
    },
    {
      name: "a 'sh -c' script in exec form is read as shell",
      code: 'FROM alpine:3.20\nRUN ["/bin/sh", "-c", "apk add curl git && update-ca-certificates"]\n',
      messageId: "apkCache",
      line: 2,
      token: "apk add",
      output: 'FROM alpine:3.20\nRUN ["/bin/sh", "-c", "apk add --no-cache curl git && update-ca-certificates"]\n',
    },
    {
      name: "lists removed in a later RUN still ship in the earlier layer",
      code: "FROM debian:12\nRUN apt-get update && apt-get install -y curl\nRUN rm -rf /var/lib/apt/lists/*\n",
      messageId: "aptLists",
      line: 2,
    },
    {
      name: "a stage the final stage builds on",
      code: 'FROM ubuntu:24.04 AS base\nRUN apt-get update && apt-get install -y python3\nFROM base\nCMD ["python3"]\n',
      messageId: "aptLists",
      line: 2,
    },
    {
      name: "downloaded packages kept once docker-clean is removed",
      code: "FROM debian:12\nRUN rm -f /etc/apt/apt.conf.d/docker-clean\nRUN --mount=type=cache,target=/var/lib/apt apt-get update && apt-get install -y curl\n",
      messageId: "aptArchives",
      line: 3,
      token: "apt-get install",
      output: null,
    },
    {
      name: "apk add without --no-cache",
      code: "FROM alpine:3.20\nRUN apk add curl\n",
      messageId: "apkCache",
      line: 2,
      token: "apk add",
      output: "FROM alpine:3.20\nRUN apk add --no-cache curl\n",
    },
    {
      name: "apk update writes the index before add: reported on the update, no automatic fix",
      code: "FROM alpine:3.20\nRUN apk update && apk add curl\n",
      messageId: "apkIndexUpdate",
      line: 2,
      output: null,
    },
    {
      // prometheus-pve-exporter: --no-cache on the add does not undo the update's index.
      name: "apk update before apk add --no-cache still leaves the update's index",
      code: "FROM python:3.13-alpine\nRUN apk update && apk add --no-cache py3-pip\n",
      messageId: "apkIndexUpdate",
      output: null,
    },
    {
      // Y2Z/monolith: the quoted glob is not expanded, so rm deletes nothing and the index ships.
      name: "a quoted glob removes nothing: the update's index stays",
      code: 'FROM alpine:3.24\nRUN apk update && apk add --no-cache openssl && rm -rf "/var/cache/apk/*"\n',
      messageId: "apkIndexUpdate",
      output: null,
    },
    {
      // h2oai/h2o-llmstudio: dropping the first update alone would leave the second's index.
      name: "two updates in one RUN (one before a new repository) are one finding: remove the index at the end",
      code: "FROM alpine:3.20\nRUN apk update && apk add wget && echo https://example.com/extras >> /etc/apk/repositories && apk update && apk add --no-cache tool\n",
      messageId: "apkIndexUpdateAlone",
      count: 1,
    },
    {
      // spinnaker/clouddriver: the upgrade without --no-cache stores the index itself.
      name: "an update followed by an upgrade without --no-cache: remove the index at the end of the RUN",
      code: "FROM alpine:3.20\nRUN apk update && apk upgrade && apk add --no-cache bash\n",
      messageId: "apkIndexUpdateAlone",
      output: "FROM alpine:3.20\nRUN apk update && apk upgrade && apk add --no-cache bash && rm -rf /var/cache/apk/*\n",
    },
    {
      // spinnaker/clouddriver: the later add fetches the missing index and stores it in its own layer.
      name: "an update before a later RUN's add without --no-cache: the flag is needed on every apk command",
      code: "FROM alpine:3.20\nRUN apk update && apk upgrade\nRUN apk add aws-cli\n",
      messageId: "apkIndexEverywhere",
      line: 2,
    },
    {
      // langfuse: the command after the update is an upgrade; the message names it.
      name: "an update followed by an upgrade with --no-cache: drop it, the upgrade fetches its own index",
      code: "FROM node:24-alpine\nRUN apk update && apk upgrade --no-cache libcrypto3 libssl3\n",
      messageId: "apkIndexUpdate",
      data: { command: "apk update", next: "upgrade" },
    },
    {
      name: "an update in its own RUN that a later RUN's add with --no-cache follows: drop it",
      code: "FROM alpine:3.20\nRUN apk update\nRUN apk add --no-cache curl\n",
      messageId: "apkIndexUpdate",
      line: 2,
    },
    {
      name: "an update that nothing installs after: remove the index in the same RUN (a suggestion)",
      code: "FROM alpine:3.20\nRUN apk update && apk upgrade\n",
      messageId: "apkIndexUpdateAlone",
      output: "FROM alpine:3.20\nRUN apk update && apk upgrade && rm -rf /var/cache/apk/*\n",
    },
    {
      name: "pip upgrading itself with the requirements: the requirements leave a cache",
      code: "FROM python:3.12-slim\nCOPY requirements.txt .\nRUN pip install --upgrade pip -r requirements.txt\n",
      messageId: "pipCache",
    },
    {
      name: "pip install without --no-cache-dir",
      code: "FROM python:3.12-slim\nRUN pip install -r requirements.txt\n",
      messageId: "pipCache",
      line: 2,
      token: "pip install",
      output: "FROM python:3.12-slim\nRUN pip install --no-cache-dir -r requirements.txt\n",
    },
    {
      name: "python -m pip install",
      code: "FROM python:3.12-slim\nRUN python3 -m pip install flask\n",
      messageId: "pipCache",
      token: "python3 -m pip install",
      data: { command: "python3 -m pip install" },
    },
    {
      name: "yum install without clean all",
      code: "FROM centos:7\nRUN yum install -y httpd\n",
      messageId: "rpmCache",
      line: 2,
      data: {
        command: "yum install",
        clean: "yum clean all && rm -rf /var/cache/yum",
      },
      output: "FROM centos:7\nRUN yum install -y httpd && yum clean all && rm -rf /var/cache/yum\n",
    },
    {
      name: "dnf cleaned by another tool",
      code: "FROM fedora:40\nRUN dnf install -y httpd && microdnf clean all\n",
      messageId: "rpmCache",
      data: { command: "dnf install", clean: "dnf clean all" },
    },
    {
      name: "one report per RUN for a cleanup that covers every command",
      code: "FROM centos:7\nRUN yum -y update && yum -y install cmake && yum -y groupinstall 'Development Tools'\n",
      messageId: "rpmCache",
      line: 2,
      token: "yum -y update",
      output: "FROM centos:7\nRUN yum -y update && yum -y install cmake && yum -y groupinstall 'Development Tools' && yum clean all && rm -rf /var/cache/yum\n",
    },
    {
      name: "clean before install does not count",
      code: "FROM fedora:40\nRUN dnf clean all && dnf install -y httpd\n",
      messageId: "rpmCache",
      line: 2,
    },
    {
      name: "yarn install without cache clean",
      code: "FROM node:20\nCOPY package.json yarn.lock ./\nRUN yarn install --frozen-lockfile\n",
      messageId: "yarnCache",
      line: 3,
      token: "yarn install",
      output: "FROM node:20\nCOPY package.json yarn.lock ./\nRUN yarn install --frozen-lockfile && yarn cache clean\n",
    },
    {
      name: "Yarn 4 through corepack in the shipped image: Berry's clean, which empties the global mirror too",
      code: "FROM node:22\nWORKDIR /app\nRUN corepack enable\nCOPY package.json yarn.lock ./\nRUN yarn install --immutable\n",
      context: { files: { "package.json": '{ "name": "web", "packageManager": "yarn@4.5.3" }\n' } },
      messageId: "yarnCache",
      line: 5,
      output: "FROM node:22\nWORKDIR /app\nRUN corepack enable\nCOPY package.json yarn.lock ./\nRUN yarn install --immutable && yarn cache clean --all\n",
    },
    {
      name: "Yarn 4 with nodeLinker: node-modules: the cache is not the install",
      code: "FROM node:22\nWORKDIR /app\nCOPY . ./\nRUN yarn install --immutable\n",
      context: { files: { ".yarnrc.yml": "enableGlobalCache: false\nnodeLinker: node-modules\n" } },
      messageId: "yarnCache",
      line: 4,
    },
    {
      name: "ONBUILD trigger ships in the downstream image",
      code: "FROM python:3.12\nONBUILD RUN pip install -r requirements.txt\n",
      messageId: "pipCache",
      line: 2,
    },
    {
      name: "builder stage: a cache-mount hint for the project's own install, which reruns with every source edit",
      code: "FROM python:3.12 AS build\nWORKDIR /src\nCOPY . .\nRUN pip install .\nFROM python:3.12-slim\nCOPY --from=build /usr/local/lib /usr/local/lib\n",
      messageId: "builderCacheMount",
      line: 4,
      token: "pip install",
      data: { command: "pip install", target: "/root/.cache/pip" },
      output:
        "FROM python:3.12 AS build\nWORKDIR /src\nCOPY . .\nRUN --mount=type=cache,target=/root/.cache/pip pip install .\nFROM python:3.12-slim\nCOPY --from=build /usr/local/lib /usr/local/lib\n",
    },
    {
      name: "an image named for development gets the hint, not the report",
      code: 'FROM python:3.12 AS dev-envs\nCOPY . .\nRUN pip install -e ".[test]"\nCMD ["bash"]\n',
      messageId: "builderCacheMount",
      line: 3,
      data: { command: "pip install", target: "/root/.cache/pip" },
    },
    {
      name: "one cache-mount hint per RUN and tool",
      code: "FROM python:3.12 AS build\nCOPY . .\nRUN pip install -U pip && pip install . && pip install ./plugins/extra\nFROM python:3.12-slim\nCOPY --from=build /usr/local/lib /usr/local/lib\n",
      messageId: "builderCacheMount",
      line: 3,
      count: 1,
    },
    {
      name: "builder stage with one mount already: only the missing one is added",
      code: "FROM python:3.12 AS wheels\nCOPY . .\nRUN --mount=type=cache,target=/tmp/x pip wheel -w /w . && pip install .\nFROM python:3.12-slim\nCOPY --from=wheels /w /w\n",
      messageId: "builderCacheMount",
      line: 3,
      output:
        "FROM python:3.12 AS wheels\nCOPY . .\nRUN --mount=type=cache,target=/root/.cache/pip --mount=type=cache,target=/tmp/x pip wheel -w /w . && pip install .\nFROM python:3.12-slim\nCOPY --from=wheels /w /w\n",
    },
    {
      name: "builder: a later install of the project finds the cache an earlier one of the stage left on disk, so only the first gets the hint",
      code: "FROM python:3.12 AS build\nWORKDIR /src\nCOPY . .\nRUN pip install .\nRUN python -m build\nRUN pip install .\nFROM python:3.12-slim\nCOPY --from=build /usr/local/lib /usr/local/lib\n",
      messageId: "builderCacheMount",
      line: 4,
      count: 1,
    },
    {
      // pypiserver: the dependencies go to a --prefix that is not on sys.path, so the project's
      // install resolves and downloads them again whenever a source edit reruns it.
      name: "builder: the project's install after an install of its dependencies still downloads them",
      code: "FROM python:3.12-alpine AS deps\nWORKDIR /code\nCOPY pyproject.toml .\nRUN python -m pip install --prefix=/install --group docker\nCOPY src src\nRUN python -m pip install --prefix=/install .\nFROM python:3.12-alpine\nCOPY --from=deps /install /usr/local\n",
      messageId: "builderCacheMount",
      line: 6,
      count: 1,
    },
    {
      name: "builder: the earlier install's cache was cleaned before this one",
      code: "FROM python:3.12 AS build\nWORKDIR /src\nCOPY . .\nRUN pip install .\nRUN pip cache purge\nRUN pip install .\nFROM python:3.12-slim\nCOPY --from=build /usr/local/lib /usr/local/lib\n",
      messageId: "builderCacheMount",
      line: 4,
      count: 2,
    },
    {
      name: "builder: the earlier install kept its cache in a mount, not on disk",
      code: "FROM python:3.12 AS build\nWORKDIR /src\nCOPY . .\nRUN --mount=type=cache,target=/root/.cache/pip pip install .\nRUN pip install .\nFROM python:3.12-slim\nCOPY --from=build /usr/local/lib /usr/local/lib\n",
      messageId: "builderCacheMount",
      line: 5,
    },
    {
      name: "the project's dev image as base, but a service with its own command",
      code: 'FROM ossrs/srs:dev\nRUN yum install -y zip\nCMD ["./objs/srs"]\n',
      messageId: "rpmCache",
    },
    {
      name: "a later install after an unconditional update of its own does not need these lists",
      code: "FROM ubuntu:24.04\nRUN apt-get update && apt-get install -y curl\nRUN if true; then apt-get update; fi && apt-get update && apt-get install -y b && rm -rf /var/lib/apt/lists/*\n",
      messageId: "aptLists",
      line: 2,
    },
    {
      name: "the final image's base keeps its lists for a throwaway builder that installs without an update: they still ship",
      code: 'FROM ruby:3.4-slim AS base\nRUN apt-get update -qq && apt-get install --no-install-recommends -y curl libvips\nFROM base AS build\nRUN apt-get install --no-install-recommends -y build-essential\nFROM base\nRUN rm -rf /var/lib/apt/lists /var/cache/apt/archives\nCOPY --from=build /rails /rails\nCMD ["./bin/rails", "server"]\n',
      messageId: "aptListsBuilder",
      line: 2,
      data: { command: "apt-get update", stages: "stage 'build'" },
      output: null,
    },
    {
      // Held-out BJ, AutoRAG: missed. The shipped stage built on the base installs with the base's lists.
      name: "a shipped stage built on this one installs without an update: the lists ship in both images",
      code: 'FROM pytorch/pytorch:2.4.1-cuda11.8-cudnn9-devel AS base\nRUN apt-get update && apt-get install -y gcc libssl-dev\nFROM base AS gpu\nENTRYPOINT ["python", "-m", "app"]\nFROM base AS gpu-parsing\nRUN apt-get install -y poppler-utils\nENTRYPOINT ["python", "-m", "app"]\n',
      messageId: "aptListsBuilder",
      line: 2,
      data: { command: "apt-get update", stages: "stage 'gpu-parsing'" },
      output: null,
    },
    {
      name: "stages built on this one, the final one too, install without an update: each gets the update",
      code: 'FROM debian:12 AS base\nRUN apt-get update && apt-get install -y curl\nFROM base AS build\nRUN apt-get install -y gcc\nFROM base\nRUN apt-get install -y --no-install-recommends jq\nCOPY --from=build /a /a\nCMD ["app"]\n',
      messageId: "aptListsBuilder",
      line: 2,
      data: { command: "apt-get update", stages: "stages 'build' and '2'" },
    },
    {
      name: "a stage built on this one installs before its own update (nodesource setup pattern)",
      code: "FROM debian:12 AS base\nRUN apt-get update && apt-get install -y curl\nFROM base AS plus\nRUN apt-get install -y gnupg2 && curl -fsSL https://example.com/setup | sh && apt-get update && apt-get install -y nodejs && rm -rf /var/lib/apt/lists/*\n",
      messageId: "aptListsBuilder",
      line: 2,
      data: { command: "apt-get update", stages: "stage 'plus'" },
    },
    {
      // elixir-webrtc/apps' broadcaster (held-out BS): an opt-in install between, the cleanup a RUN of its own.
      name: "a later install relies on the lists and the next RUN removes them: they ship in the first layer",
      code: 'FROM debian:12-slim\nARG TARGETPLATFORM\nRUN apt-get update -y && apt-get install -y libstdc++6 openssl locales\nRUN if [ "$TARGETPLATFORM" = "linux/arm64" ]; then apt-get install -y libsrtp2-dev; fi\nRUN apt-get clean && rm -f /var/lib/apt/lists/*_*\nCMD ["/app/bin/server"]\n',
      messageId: "aptListsRemovedLater",
      line: 3,
      data: { command: "apt-get update", line: 5 },
      output: null,
    },
    {
      // zendesk/maxwell (held-out BT): an update with an upgrade, the install in the next RUN, no removal anywhere.
      name: "the install in the next RUN relies on the lists and nothing removes them",
      code: 'FROM eclipse-temurin:23-jdk\nRUN apt-get update \\\n    && apt-get -y upgrade\n# Add curl for the healthcheck\nRUN apt-get -y install --no-install-recommends curl jq\nCOPY app /app\nCMD ["/app/run"]\n',
      messageId: "aptListsLaterInstall",
      line: 2,
      data: { command: "apt-get update", line: 5 },
      output: null,
    },
    {
      // Removing the lists in the first RUN would break the second; merging the two, with the removal, is the remedy.
      name: "a later install names a package not installed yet: it needs the lists this RUN leaves, which ship",
      code: 'FROM ubuntu:24.04\nRUN apt-get update && apt-get install -y nodejs\nRUN apt-get install -y jq\nCMD ["node"]\n',
      messageId: "aptListsLaterInstall",
      line: 2,
      data: { command: "apt-get update", line: 3 },
      output: null,
    },
    {
      name: "the else branch runs in a plain build when the default does not match the test",
      code: 'FROM ruby:3.3-alpine\nARG APP_ENV=development\nRUN if [ "$APP_ENV" = "production" ]; then rm -rf spec; else apk add nodejs; fi\n',
      messageId: "apkCache",
      line: 3,
    },
    {
      name: "a platform argument is set by BuildKit for every build, whatever its default",
      code: 'FROM alpine:3.22\nARG TARGETARCH=amd64\nRUN if [ "$TARGETARCH" = "arm64" ]; then apk add gcompat; fi\n',
      messageId: "apkCache",
      line: 3,
    },
    {
      name: "a comparison with a build argument that has no default cannot be decided",
      code: 'FROM alpine:3.22\nARG FLAVOR\nRUN if [ "$FLAVOR" = "full" ]; then apk add ffmpeg; fi\n',
      messageId: "apkCache",
      line: 3,
    },
    {
      name: "a wheel downloaded by URL is cached like any other",
      code: 'FROM python:3.12-slim\nRUN pip install https://example.org/releases/tool-1.0-py3-none-any.whl\nCMD ["tool"]\n',
      messageId: "pipCache",
      line: 2,
    },
    {
      name: "a wheel file named next to a package from the index still downloads that package",
      code: 'FROM python:3.12-slim\nWORKDIR /src\nCOPY app-1.0-py3-none-any.whl ./\nRUN pip install app-1.0-py3-none-any.whl gunicorn\nCMD ["app"]\n',
      messageId: "pipCache",
      line: 4,
    },
    {
      name: "a local wheel with a requirements file still downloads the requirements",
      code: 'FROM python:3.12-slim\nCOPY . /src\nRUN pip install /src/dist/app-1.0-py3-none-any.whl -r /src/requirements.txt\nCMD ["app"]\n',
      messageId: "pipCache",
      line: 3,
    },
    // pip's configuration files: `no-cache-dir` there turns the cache off, but only where pip reads it.
    {
      name: "a plain echo on Alpine keeps the backslash: the pip.conf is one line with no key",
      code: 'FROM alpine:3.20\nRUN apk add --no-cache py3-pip && echo "[global]\\nno-cache-dir = true" > /etc/pip.conf && pip install --break-system-packages httpie\n',
      messageId: "pipCache",
      line: 2,
    },
    {
      name: "dash prints echo's -e: the appended line is the key '-e no-cache-dir', which pip ignores",
      code: 'FROM debian:12\nRUN echo "[global]" > /etc/pip.conf && echo -e "no-cache-dir = 1" >> /etc/pip.conf\nRUN python3 -m pip install --break-system-packages httpie\n',
      messageId: "pipCache",
      line: 3,
    },
    {
      name: "echo -e where the shell is not known: dash would write the option into the file",
      code: 'FROM example/python-runtime:1\nRUN echo -e "[global]" > /etc/pip.conf && echo -e "no-cache-dir = true" >> /etc/pip.conf && pip install httpie\n',
      messageId: "pipCache",
      line: 2,
    },
    {
      name: "a copied pip.conf that only names an index",
      code: "FROM python:3.12-slim\nCOPY docker/pip.conf /etc/pip.conf\nRUN pip install flask\n",
      messageId: "pipCache",
      line: 3,
      context: { files: { "docker/pip.conf": "[global]\nindex-url = https://pypi.example.org/simple\n" } },
    },
    {
      name: "a copied pip.conf the host did not read",
      code: "FROM python:3.12-slim\nCOPY pip.conf /etc/pip.conf\nRUN pip install flask\n",
      messageId: "pipCache",
      line: 3,
    },
    {
      name: "root's pip.conf, then the install as another user: pip reads that user's files",
      code: 'FROM python:3.12-slim\nRUN mkdir -p /root/.config/pip && printf "[global]\\nno-cache-dir = true\\n" > /root/.config/pip/pip.conf\nUSER app\nRUN pip install --user flask\n',
      messageId: "pipCache",
      line: 4,
    },
    {
      name: "the user's pip.conf with --isolated: pip skips the user's files",
      code: 'FROM python:3.12-slim\nRUN printf "[global]\\nno-cache-dir = true\\n" > ~/.pip/pip.conf && pip install --isolated flask\n',
      messageId: "pipCache",
      line: 2,
    },
    {
      name: "PIP_CONFIG_FILE=/dev/null: pip reads no configuration file",
      code: 'FROM python:3.12-slim\nENV PIP_CONFIG_FILE=/dev/null\nRUN printf "[global]\\nno-cache-dir = true\\n" > /etc/pip.conf && pip install flask\n',
      messageId: "pipCache",
      line: 3,
    },
    {
      name: "a --cache-dir on the command line chooses a cache after the files are read",
      code: 'FROM python:3.12-slim\nRUN printf "[global]\\nno-cache-dir = true\\n" > /etc/pip.conf && pip install --cache-dir /var/cache/pip flask\n',
      messageId: "pipCache",
      line: 2,
    },
    {
      name: "XDG_CONFIG_DIRS set: pip no longer reads /etc/xdg",
      code: 'FROM python:3.12-slim\nENV XDG_CONFIG_DIRS=/opt/config\nRUN mkdir -p /etc/xdg/pip && printf "[global]\\nno-cache-dir = true\\n" > /etc/xdg/pip/pip.conf && pip install flask\n',
      messageId: "pipCache",
      line: 3,
    },
    {
      name: "a pip.conf written inside an if may not be written",
      code: 'FROM python:3.12-slim\nARG OFFLINE\nRUN if [ -n "$OFFLINE" ]; then printf "[global]\\nno-cache-dir = true\\n" > /etc/pip.conf; fi && pip install flask\n',
      messageId: "pipCache",
      line: 3,
    },
    {
      name: "sed -i on the pip.conf afterwards may change it",
      code: 'FROM python:3.12-slim\nRUN printf "[global]\\nno-cache-dir = true\\n" > /etc/pip.conf\nRUN sed -i "/no-cache-dir/d" /etc/pip.conf && pip install flask\n',
      messageId: "pipCache",
      line: 3,
    },
    {
      name: "a folder copied over / after the pip.conf may replace it",
      code: 'FROM python:3.12-slim\nRUN printf "[global]\\nno-cache-dir = true\\n" > /etc/pip.conf\nCOPY rootfs/ /\nRUN pip install flask\n',
      messageId: "pipCache",
      line: 4,
    },
    {
      name: "no-cache-dir under a section pip does not read for install",
      code: 'FROM python:3.12-slim\nRUN printf "[download]\\nno-cache-dir = true\\n" > /etc/pip.conf && pip install flask\n',
      messageId: "pipCache",
      line: 2,
    },
    {
      name: "no-cache-dir with a value pip refuses",
      code: 'FROM python:3.12-slim\nRUN printf "[global]\\nno-cache-dir = sometimes\\n" > /etc/pip.conf && pip install flask\n',
      messageId: "pipCache",
      line: 2,
    },
    {
      name: "a key before any section: configparser refuses the file",
      code: 'FROM python:3.12-slim\nRUN echo "no-cache-dir = true" > /etc/pip.conf && pip install flask\n',
      messageId: "pipCache",
      line: 2,
    },
    {
      name: "an indented line continues the value above it: no key of its own",
      code: 'FROM python:3.12-slim\nRUN printf "[global]\\nindex-url = https://pypi.example.org/simple\\n  no-cache-dir = true\\n" > /etc/pip.conf && pip install flask\n',
      messageId: "pipCache",
      line: 2,
    },
    {
      name: "a blank line inside a continued value does not end it: the indented line is still the value's",
      code: 'FROM python:3.12-slim\nRUN printf "[global]\\nindex-url = https://pypi.example.org/simple\\n\\n  no-cache-dir = true\\n" > /etc/pip.conf && pip install flask\n',
      messageId: "pipCache",
      line: 2,
    },
    {
      name: "an option twice in a section: configparser refuses the file",
      code: 'FROM python:3.12-slim\nRUN printf "[global]\\nno-cache-dir = true\\nno-cache-dir = true\\n" > /etc/pip.conf && pip install flask\n',
      messageId: "pipCache",
      line: 2,
    },
    {
      name: "bash's echo -e reads octal only after a 0: '\\12' stays in the header line, and the key is lost",
      code: 'FROM example/python-runtime:1\nSHELL ["/bin/bash", "-c"]\nRUN echo -e "[global]\\12no-cache-dir = true" > /etc/pip.conf && pip install httpie\n',
      messageId: "pipCache",
      line: 3,
    },
    {
      name: "BusyBox's echo -e reads octal only after a 0 too",
      code: 'FROM alpine:3.20\nRUN apk add --no-cache py3-pip && echo -e "[global]\\12no-cache-dir = true" > /etc/pip.conf && pip install --break-system-packages httpie\n',
      messageId: "pipCache",
      line: 2,
    },
    {
      name: "a cat << EOF heredoc (a space before the delimiter): the parser gives no body, so the file is not known",
      code: "# syntax=docker/dockerfile:1\nFROM python:3.12-slim\nRUN cat << EOF > /etc/pip.conf\n[global]\nno-cache-dir = true\nEOF\nRUN pip install flask\n",
      messageId: "pipCache",
      line: 7,
    },
    {
      name: "an indented line appended to a file continues the file's last value: no key of its own",
      code: 'FROM python:3.12-slim\nRUN printf "[global]\\ntimeout = 60\\n" > /etc/pip.conf && printf "  no-cache-dir = 1\\n" >> /etc/pip.conf && pip install flask\n',
      messageId: "pipCache",
      line: 2,
    },
    {
      name: "a second [global] appended: configparser refuses the file",
      code: 'FROM python:3.12-slim\nRUN printf "[global]\\ntimeout = 60\\n" > /etc/pip.conf && printf "[global]\\nno-cache-dir = 1\\n" >> /etc/pip.conf && pip install flask\n',
      messageId: "pipCache",
      line: 2,
    },
    {
      name: "pip config unset after set",
      code: "FROM python:3.12-slim\nRUN pip config set global.no-cache-dir true && pip config unset global.no-cache-dir\nRUN pip install flask\n",
      messageId: "pipCache",
      line: 3,
    },
    {
      name: "pip config --site writes into an environment's prefix, not read here",
      code: "FROM python:3.12-slim\nRUN pip config --site set global.no-cache-dir true\nRUN pip install flask\n",
      messageId: "pipCache",
      line: 3,
    },
    {
      name: "the pip.conf is written after the install",
      code: 'FROM python:3.12-slim\nRUN pip install flask && printf "[global]\\nno-cache-dir = true\\n" > /etc/pip.conf\n',
      messageId: "pipCache",
      line: 2,
    },
    // bspm reads or rewrites the apt lists, but only for an R install that goes through it.
    {
      name: "an R install with bspm turned off first compiles from source: the lists are not read",
      code: "FROM rocker/r2u:24.04\nRUN apt-get update && apt-get install -y libgdal-dev\nRUN Rscript -e 'bspm::disable(); install.packages(\"sf\")'\n",
      messageId: "aptLists",
      line: 2,
    },
    {
      name: "Rscript --vanilla skips Rprofile.site, where bspm is enabled",
      code: "FROM rocker/r2u:24.04\nRUN apt-get update && apt-get install -y libgdal-dev\nRUN Rscript --vanilla -e 'install.packages(\"sf\")'\n",
      messageId: "aptLists",
      line: 2,
    },
    {
      name: "rocker's versioned R does not read Debian's /etc/R/Rprofile.site",
      code: "FROM rocker/rstudio:4.4.1\nRUN apt-get update && apt-get install -y r-cran-bspm && echo 'bspm::enable()' >> /etc/R/Rprofile.site\nRUN install2.r sf\n",
      messageId: "aptLists",
      line: 2,
    },
    {
      name: "install2.r without bspm builds from CRAN's sources",
      code: "FROM rocker/r-ver:4.4.1\nRUN apt-get update && apt-get install -y libgdal-dev\nRUN install2.r sf\n",
      messageId: "aptLists",
      line: 2,
    },
    {
      name: "bspm enabled inside an if may not be",
      code: "FROM ubuntu:24.04\nARG BINARIES\nRUN apt-get update && apt-get install -y r-base-core r-cran-bspm && if [ -n \"$BINARIES\" ]; then echo 'bspm::enable()' >> /etc/R/Rprofile.site; fi\nRUN install2.r sf\n",
      messageId: "aptLists",
      line: 3,
    },
    {
      name: "a commented bspm::enable() in the profile",
      code: "FROM ubuntu:24.04\nRUN apt-get update && apt-get install -y r-base-core r-cran-bspm && echo '# bspm::enable()' >> /etc/R/Rprofile.site\nRUN install2.r sf\n",
      messageId: "aptLists",
      line: 2,
    },
    {
      name: "an R script file: what it does is not shown",
      code: "FROM rocker/r2u:24.04\nRUN apt-get update && apt-get install -y libgdal-dev\nCOPY setup.R /tmp/\nRUN Rscript /tmp/setup.R\n",
      messageId: "aptLists",
      line: 2,
    },
    {
      name: "R code that installs nothing",
      code: "FROM rocker/r2u:24.04\nRUN apt-get update && apt-get install -y libgdal-dev\nRUN Rscript -e 'library(sf)'\n",
      messageId: "aptLists",
      line: 2,
    },
    {
      name: "a later RUN updates (in a branch) before its R install: that RUN does not read these lists",
      code: 'FROM rocker/r2u:24.04\nARG REFRESH=1\nRUN apt-get update && apt-get install -y libgdal-dev\nRUN if [ "$REFRESH" = 1 ]; then apt-get update; fi && install2.r sf\n',
      messageId: "aptLists",
      line: 3,
      count: 2,
    },
    {
      name: "PIP_CONFIG_FILE set: pip may skip the user's files",
      code: 'FROM python:3.12-slim\nENV PIP_CONFIG_FILE=/opt/pip/pip.conf\nRUN printf "[global]\\nno-cache-dir = true\\n" > ~/.config/pip/pip.conf && pip install flask\n',
      messageId: "pipCache",
      line: 3,
    },
    {
      name: "an ONBUILD pip.conf is written in another build",
      code: 'FROM python:3.12-slim\nONBUILD RUN printf "[global]\\nno-cache-dir = true\\n" > /etc/pip.conf\nRUN pip install flask\n',
      messageId: "pipCache",
      line: 3,
    },
    {
      name: "a pip.conf written after || may not be written",
      code: 'FROM python:3.12-slim\nRUN test -f /etc/pip.conf || printf "[global]\\nno-cache-dir = true\\n" > /etc/pip.conf\nRUN pip install flask\n',
      messageId: "pipCache",
      line: 3,
    },
    {
      name: "a commented no-cache-dir line",
      code: 'FROM python:3.12-slim\nRUN printf "[global]\\n# no-cache-dir = true\\n" > /etc/pip.conf && pip install flask\n',
      messageId: "pipCache",
      line: 2,
    },
    {
      name: "printf with a conversion the file does not show",
      code: 'FROM python:3.12-slim\nRUN printf "[global]\\nno-cache-dir = %d\\n" 1 > /etc/pip.conf && pip install flask\n',
      messageId: "pipCache",
      line: 2,
    },
    {
      name: "bspm enabled only after the R install",
      code: "FROM ubuntu:24.04\nRUN apt-get update && apt-get install -y r-base-core r-cran-bspm\nRUN install2.r sf\nRUN echo 'bspm::enable()' >> /etc/R/Rprofile.site\n",
      messageId: "aptLists",
      line: 2,
    },
    {
      name: "a plain echo with a backslash where the shell is not known",
      code: 'FROM example/python-runtime:1\nRUN echo "[global]\\nno-cache-dir = true" > /etc/pip.conf && pip install httpie\n',
      messageId: "pipCache",
      line: 2,
    },
    {
      name: "what echo writes to stderr is not its text",
      code: 'FROM python:3.12-slim\nRUN echo "[global]" > /etc/pip.conf && echo "no-cache-dir = 1" 2>>/etc/pip.conf && pip install flask\n',
      messageId: "pipCache",
      line: 2,
    },
    {
      name: "a heredoc fed to grep: what it prints is not the body",
      code: "FROM python:3.12-slim\nRUN grep -v no-cache-dir > /etc/pip.conf <<EOF\n[global]\nno-cache-dir = true\nEOF\nRUN pip install flask\n",
      messageId: "pipCache",
      line: 6,
    },
    {
      name: "a section pip already read appended after another: configparser refuses the file",
      code: 'FROM python:3.12-slim\nRUN printf "[global]\\ntimeout = 60\\n[install]\\nprogress-bar = off\\n" > /etc/pip.conf && printf "[global]\\nno-cache-dir = 1\\n" >> /etc/pip.conf && pip install flask\n',
      messageId: "pipCache",
      line: 2,
    },
    {
      name: "only the install before the pip.conf keeps its wheels",
      code: 'FROM python:3.12-slim\nRUN pip install flask\nRUN printf "[global]\\nno-cache-dir = true\\n" > /etc/pip.conf && pip install gunicorn\nRUN pip install redis\n',
      messageId: "pipCache",
      line: 2,
      count: 1,
    },
  ],
  silent: [
    {
      // Held-out CQ, Staffjoy's suite: Ubuntu 14.04's python-pip is pip 1.5.4, which caches nothing and rejects --no-cache-dir.
      name: "a pip install by the distribution's pip of Ubuntu 14.04",
      code: 'FROM ubuntu:14.04\nRUN apt-get install --yes python python-pip && rm -rf /var/lib/apt/lists/*\nRUN pip install uwsgi\nCMD ["uwsgi"]\n',
    },
    {
      name: "an install relying on the lists after other work in between: not one step split up",
      code: 'FROM debian:12-slim\nRUN apt-get update && apt-get install -y curl\nCOPY app /app\nRUN apt-get install -y jq\nCMD ["/app/run"]\n',
    },
    {
      name: "a removal of the lists far on, after other work: the file's structure, not one step split up",
      code: 'FROM debian:12-slim\nRUN apt-get update && apt-get install -y curl\nRUN apt-get install -y jq\nCOPY app /app\nRUN make -C /app\nRUN apt-get clean && rm -rf /var/lib/apt/lists/*\nCMD ["/app/run"]\n',
    },
    {
      name: "a bare update before the install and the removal: layer-apt-update-alone's",
      code: 'FROM debian:12-slim\nRUN apt-get update\nRUN apt-get install -y curl\nRUN apt-get clean && rm -rf /var/lib/apt/lists/*\nCMD ["curl"]\n',
    },
    {
      // Held-out CD, Castopod: mlocati's install-php-extensions cleans the apt lists up when it is done.
      name: "apt-get update before install-php-extensions in the same RUN, which cleans up after itself",
      code: "FROM dunglas/frankenphp:1-php8.4\nRUN apt-get update && apt-get install -y --no-install-recommends libicu-dev && install-php-extensions intl gd\n",
    },
    {
      // Magda's Postgres (held-out BQ): Bitnami's install_packages removes the lists and archives it used.
      name: "apt-get update before Bitnami's install_packages, which cleans up after itself",
      code: "FROM bitnami/postgresql:13\nUSER root\nRUN apt-get update && install_packages daemontools\nUSER 1001\n",
    },
    {
      name: "poetry install removing its downloads in the same RUN",
      code: 'FROM python:3.12-slim\nRUN pip install --no-cache-dir poetry && poetry install --no-root && rm -rf ~/.cache/pypoetry/artifacts\nCMD ["app"]\n',
    },
    {
      name: "poetry install removing $POETRY_CACHE_DIR in the same RUN",
      code: 'FROM python:3.12-slim\nENV POETRY_CACHE_DIR=/tmp/poetry_cache\nRUN pip install --no-cache-dir poetry && poetry install --no-root && rm -rf $POETRY_CACHE_DIR\nCMD ["app"]\n',
    },
    {
      name: "poetry install with a cache mount over root's cache folder",
      code: 'FROM python:3.12-slim\nRUN pip install --no-cache-dir poetry\nRUN --mount=type=cache,target=/root/.cache poetry install --no-root\nCMD ["app"]\n',
    },
    {
      name: "poetry --no-cache",
      code: 'FROM python:3.12-slim\nRUN pip install --no-cache-dir poetry\nRUN poetry install --no-cache --no-root\nCMD ["app"]\n',
    },
    {
      // Held-out AP, forms-backend: owl-corp's python-poetry-base sets POETRY_CACHE_DIR=/opt/poetry/cache.
      name: "poetry install on a base image the facts do not know: it may move Poetry's cache",
      code: 'FROM ghcr.io/owl-corp/python-poetry-base:3.12-slim\nCOPY pyproject.toml poetry.lock ./\nRUN poetry install --without dev\nENTRYPOINT ["poetry", "run"]\n',
    },
    {
      // openstates (held-out AS relabel): the same RUN removes the downloads through `~`, as the created user.
      name: "poetry install as a created user whose RUN removes the downloads through ~",
      code: 'FROM python:3.12-slim\nRUN pip install --no-cache-dir poetry && useradd -m app\nUSER app\nRUN poetry install --no-root && rm -r ~/.cache/pypoetry/cache ~/.cache/pypoetry/artifacts/\nCMD ["app"]\n',
    },
    {
      name: "poetry install as a user whose home is not known: made without one, or the base image's",
      code: "FROM python:3.12-slim\nRUN pip install --no-cache-dir poetry && useradd app\nUSER app\nRUN poetry install --no-root\nFROM node:22-slim AS n\nUSER node\nRUN poetry install --no-root\n",
    },
    {
      name: "poetry install in a builder stage whose virtualenv the final stage copies",
      code: 'FROM python:3.12-slim AS build\nENV POETRY_VIRTUALENVS_IN_PROJECT=1\nRUN pip install --no-cache-dir poetry\nWORKDIR /app\nCOPY pyproject.toml poetry.lock ./\nRUN poetry install --no-root --only main\nFROM python:3.12-slim\nCOPY --from=build /app/.venv /app/.venv\nCMD ["/app/.venv/bin/python", "-m", "app"]\n',
    },
    {
      // Held-out BA, legendu-net's base image: judged wrong.
      name: "a project script the RUN runs afterwards, brought by a folder copy, removes the lists",
      code: "FROM ubuntu:24.04\nCOPY scripts /scripts\nRUN apt-get -y update && apt-get -y install --no-install-recommends sudo curl && /scripts/sys/purge_cache.sh\n",
      context: { files: { "scripts/sys/purge_cache.sh": "#!/bin/bash\napt-get clean -y\nrm -rf /tmp/* /var/lib/apt/lists/* /var/tmp/* ~/.cache/\n" } },
    },
    {
      // The script's commands are read as the RUN's own: apt 3's distclean, a cleanup inside an `if`.
      name: "a project script the RUN runs afterwards removes the lists with apt-get distclean or inside an if",
      code: "FROM ubuntu:24.04\nCOPY scripts /scripts\nRUN apt-get -y update && apt-get -y install --no-install-recommends sudo curl && /scripts/sys/purge_cache.sh\n",
      context: {
        files: { "scripts/sys/purge_cache.sh": "#!/bin/bash\nif command -v apt-get >/dev/null; then apt-get distclean; fi\nrm -rf /tmp/*\n" },
      },
    },
    {
      // Held-out AW, b-data: `rm -rf ${HOME}/.cache` as root.
      name: "pip's cache removed through ${HOME} in braces",
      code: 'FROM python:3.12-slim\nRUN pip install flask && rm -rf ${HOME}/.cache\nCMD ["flask", "run"]\n',
    },
    {
      // livekit egress (held-out AV): the installer script needs the lists; a later RUN deletes them.
      name: "apt lists kept for a script a later RUN runs, deleted by a RUN after it",
      code: "FROM debian:12\nRUN apt-get update && apt-get install -y --no-install-recommends curl\nCOPY --from=vendor/installer:1.0 /installer /installer\nRUN /installer/install-browser amd64\nRUN rm -rf /var/lib/apt/lists/*\n",
    },
    {
      // opendatalab/MinerU (held-out AT): the purge through `python3 -m pip` empties the cache in the same layer.
      name: "pip's cache purged through python -m pip later in the same RUN",
      code: "FROM ubuntu:24.04\nRUN python3 -m pip install -U 'mineru[core]>=3.4.0' --break-system-packages && \\\n    python3 -m pip cache purge\n",
    },
    { name: "uv told not to cache", code: 'FROM python:3.12-slim\nRUN uv pip install --system --no-cache -r requirements.txt\nCMD ["app"]\n' },
    {
      name: "uv told not to cache with pip's spelling, or as a global flag",
      code: 'FROM python:3.12-slim\nRUN uv pip install --system --no-cache-dir -r requirements.txt && uv --no-cache sync\nCMD ["app"]\n',
    },
    { name: "UV_NO_CACHE set for the stage", code: 'FROM python:3.12-slim\nENV UV_NO_CACHE=1\nRUN uv sync --frozen\nCMD ["app"]\n' },
    {
      name: "uv's cache in a cache mount",
      code: 'FROM python:3.12-slim\nRUN --mount=type=cache,target=/root/.cache/uv uv sync --frozen\nCMD ["app"]\n',
    },
    {
      name: "uv's custom cache folder removed in the same RUN",
      code: 'FROM python:3.12-slim\nENV UV_CACHE_DIR=/tmp/uv-cache\nRUN uv pip install --system -r requirements.txt && rm -rf /tmp/uv-cache\nCMD ["app"]\n',
    },
    {
      name: "uv pip install of a local wheel without its dependencies, or of pip's packaging tools",
      code: 'FROM python:3.12-slim\nARG WHEEL=app-1.0-py3-none-any.whl\nRUN uv pip install --system --upgrade wheel setuptools && uv pip install --system --no-deps /tmp/$WHEEL\nCMD ["app"]\n',
    },
    { name: "uv cache clean after the install", code: 'FROM python:3.12-slim\nRUN uv sync --frozen && uv cache clean\nCMD ["app"]\n' },
    {
      name: "uv in a builder stage whose output is copied",
      code: 'FROM python:3.12 AS build\nRUN uv venv /venv && uv pip install --python /venv -r requirements.txt\nFROM python:3.12-slim\nCOPY --from=build /venv /venv\nCMD ["/venv/bin/app"]\n',
    },
    { name: "uv commands that download nothing", code: 'FROM python:3.12-slim\nRUN uv venv /venv && uv pip list && uv --version\nCMD ["app"]\n' },
    {
      name: "a file named for development whose stage shares its name with a target in reach: still a development image",
      code: 'FROM python:3.12-slim AS app\nRUN apt-get update && apt-get install -y gcc\nRUN pip install flask\nCMD ["flask", "run"]\n',
      context: { dockerfilePath: "Dockerfile.dev", buildTargets: ["app"] },
    },
    {
      name: "a test stage last in the file and no target CI pushes: the image is a test image",
      code: 'FROM ruby:3.3-alpine AS base\nRUN apk update && apk add postgresql-libs\nFROM base AS web\nCOPY . /app\nCMD ["rails", "server"]\nFROM base AS test\nCOPY . /app\nCMD ["rake"]\n',
    },
    {
      name: "a test stage last in the file, CI pushing only a stage it does not build on: the test image's own caches stay unreported",
      code: 'FROM ruby:3.3-alpine AS base\nRUN echo base\nFROM base AS web\nCMD ["rails", "server"]\nFROM ruby:3.3-alpine AS test\nRUN apk update && apk add chromium\nCMD ["rake"]\n',
      context: { buildTargets: ["web"] },
    },
    {
      name: "the distribution's pip on an image built on Ubuntu 24.04 refuses the install (PEP 668): no cache",
      code: "FROM mcr.microsoft.com/dotnet/runtime:9.0-noble\nRUN apt-get update && apt-get install -y --no-install-recommends python3 python3-pip && rm -rf /var/lib/apt/lists/*\nRUN pip3 install seleniumbase || true\n",
    },
    {
      name: "python3 -m pip of Debian 12's python3-pip in the same RUN refuses too",
      code: "FROM debian:12\nRUN apt-get update && apt-get install -y --no-install-recommends python3-pip && python3 -m pip install httpie && rm -rf /var/lib/apt/lists/*\n",
    },

    {
      name: "PIP_NO_CACHE_DIR=off turns the cache off too (pip's _handle_no_cache_dir)",
      code: "FROM python:3.12-slim\nENV PIP_NO_CACHE_DIR=off\nRUN pip install flask\n",
    },
    {
      name: "PIP_NO_CACHE_DIR=0: pip turns its cache off for any boolean value, false ones included",
      code: "FROM python:3.12-slim\nENV PIP_NO_CACHE_DIR=0\nCOPY requirements.txt .\nRUN pip install -r requirements.txt\n",
    },
    {
      name: "pip install of the project's folder after every requirement went in with --no-cache-dir: nothing left worth a flag",
      code: 'FROM python:3.11\nCOPY requirements.txt /tmp/\nRUN pip install --no-cache-dir -r /tmp/requirements.txt\nCOPY . /opt/svc/\nRUN pip install /opt/svc\nCMD ["svc"]\n',
    },
    {
      name: "a base image's cleanup helper runs later in the same RUN: what it removes is not shown",
      code: 'FROM example/alpine-base:3.20\nRUN apk add --allow-untrusted /tmp/driver.apk && package cleanup && rm -rf /tmp/*\nCMD ["/init"]\n',
    },
    {
      name: "a final stage named 'build' with no port of its own is a build environment",
      code: 'FROM python:3.12 AS build\nRUN apt-get update && apt-get install -y --no-install-recommends gcc\nCMD ["make"]\n',
    },
    {
      name: "the RUN deletes the folder that holds Yarn 1's cache for root",
      code: "FROM node:20\nCOPY package.json yarn.lock ./\nRUN yarn install --frozen-lockfile && rm -rf /usr/local/share/.cache\n",
    },
    {
      name: "Yarn Plug'n'Play (no nodeLinker in .yarnrc.yml): the app loads its packages from the cache",
      code: "FROM node:22-alpine\nCOPY . /app\nWORKDIR /app\nRUN corepack enable\nRUN yarn install --immutable\n",
      context: { files: { ".yarnrc.yml": "enableGlobalCache: false\nyarnPath: .yarn/releases/yarn-4.0.2.cjs\n" } },
    },
    {
      // mindwendel: compose builds `target: development`; the published image is the last stage.
      name: "a base stage that only a development target and builders build on does not ship",
      code: 'FROM elixir:1.11-alpine AS base\nRUN apk add --update-cache nodejs npm\nFROM base AS development\nENTRYPOINT ["sh", "./entrypoint.sh"]\nFROM base AS build\nRUN mix release\nFROM alpine:3.20 AS app\nCOPY --from=build /app/_build /app\nENTRYPOINT ["/app/bin/server"]\n',
      context: { buildTargets: ["development"] },
    },
    {
      // NextChat, docuseal: the layer reruns only when yarn.lock changes; a mount is a minor speed-up.
      name: "builder: an install from the manifests copied before it gets no cache-mount hint",
      code: "FROM node:20 AS deps\nWORKDIR /app\nCOPY package.json yarn.lock ./\nRUN yarn install --frozen-lockfile\nFROM node:20-slim\nCOPY --from=deps /app/node_modules /app/node_modules\n",
    },
    {
      name: "builder: pip installing from a requirements file gets no cache-mount hint",
      code: "FROM python:3.12 AS build\nCOPY requirements.txt .\nRUN pip install -r requirements.txt\nFROM python:3.12-slim\nCOPY --from=build /usr/local/lib /usr/local/lib\n",
    },
    {
      // pterodactyl: layer-source-before-deps names the remedy, copying the manifests first.
      name: "builder: an install after a copy of all the sources is layer-source-before-deps' finding",
      code: "FROM node:20 AS build\nWORKDIR /app\nCOPY . ./\nRUN yarn install --frozen-lockfile && yarn run build\nFROM nginx:alpine\nCOPY --from=build /app/dist /usr/share/nginx/html\n",
    },
    {
      name: "builder: tools named on the command line are a small download",
      code: "FROM python:3.10-slim AS wheels\nCOPY . .\nRUN pip install poetry==2.1.1 && pip install poetry-plugin-export\nFROM python:3.10-slim\nCOPY --from=wheels /opt/dist /opt/dist\n",
    },
    {
      name: "a --target stage with no command of its own is a builder or export stage, not an image",
      code: 'FROM registry.access.redhat.com/ubi9-minimal:9.6 AS tools\nRUN microdnf install -y tar\nFROM gcr.io/distroless/static-debian12\nCMD ["app"]\n',
      context: { buildTargets: ["tools"] },
    },
    {
      name: "pip upgrading only its own packaging tools (a few megabytes)",
      code: "FROM python:3.12-slim\nRUN pip install --upgrade pip setuptools wheel==0.45.1\n",
    },
    {
      name: "an install in an opt-in branch a plain build skips",
      code: 'FROM node:22-alpine\nARG BUILD_JS=0\nRUN if [ "$BUILD_JS" = "1" ]; then yarn install && yarn build; fi\n',
    },
    {
      name: "an opt-in branch that tests the build argument is set at all, with no default",
      code: 'FROM python:3.13-slim\nARG INSTALL_DEBUG\nRUN if [ "$INSTALL_DEBUG" ] ; then apt-get -y update && apt-get -y install vim && pip install --user ipython ; fi\n',
    },
    {
      name: "a file named for development that CI does not publish: its caches are never pulled",
      code: 'FROM ruby:3.3\nRUN apt-get update && apt-get install -y vim\nCMD ["rails", "s"]\n',
      context: { dockerfilePath: "Dockerfile.dev", publishedByCi: false },
    },
    {
      name: "a pip install of packages the requirements file installed before downloads nothing",
      code: "FROM python:3.12-slim\nCOPY ./api /app/api\nWORKDIR /app/api\nRUN pip3 install --no-cache-dir -r requirements.txt\nRUN pip3 install Python_Multipart uvicorn\n",
      context: {
        files: { "api/requirements.txt": 'fastapi==0.110.0\npython-multipart\nuvicorn[standard]>=0.29 # server\nPyAutoGUI>=0.9.54;platform_system=="Linux"\n' },
      },
    },
    {
      name: "...and a package a Linux-only line of the requirements installed (held-out BR, SeleniumBase's pyautogui)",
      code: "FROM python:3.12-slim\nCOPY requirements.txt /SeleniumBase/requirements.txt\nRUN cd /SeleniumBase && pip install --no-cache-dir -r requirements.txt --upgrade\nRUN pip install pyautogui\n",
      context: { files: { "requirements.txt": 'selenium==4.47.0\nPyAutoGUI>=0.9.54;platform_system=="Linux"\n' } },
    },
    {
      name: "an image its build script only copies the .deb out of (docker cp, then docker rmi): never pulled",
      code: "FROM debian:12\nRUN apt-get update -y && apt-get install -y cmake g++ libboost-dev\nRUN cmake .. && make && cpack -G DEB\n",
      context: { outputCopiedOut: true },
    },
    {
      name: "a one-shot packaging image built on the project's dev image (no command of its own)",
      code: "FROM ossrs/srs:dev\nRUN yum install -y zip\nRUN ./scripts/package.sh --x86-x64\n",
    },
    {
      name: "update-only RUN whose lists a later RUN installs with: removing them would break that install",
      code: "FROM debian:12\nRUN apt-get update\nRUN apt-get install -y --no-install-recommends ca-certificates\n",
    },
    {
      name: "later heredoc RUN installs without its own update",
      code: "FROM debian:12\nRUN apt-get update && echo fetched\nRUN <<EOF\nset -e\napt-get install -y curl\nEOF\n",
    },
    {
      name: "an opt-in RUN's own update does not refresh the lists for a later opt-in install",
      code: "FROM ubuntu:24.04\nRUN apt-get update && apt-get install -y curl\nARG INSTALL_A=false\nRUN if [ $INSTALL_A = true ]; then apt-get update && apt-get install -y a; fi\nARG INSTALL_B=false\nRUN if [ $INSTALL_B = true ]; then apt-get install -y b; fi\n",
    },
    {
      name: "apt 3's 'apt-get distclean' removes the lists",
      code: "FROM debian:trixie-slim\nRUN apt-get update && apt-get install -y curl && apt-get distclean\n",
    },
    {
      // spinnaker/clouddriver: the fix would span three RUNs, and its later `rm` of the glob would fail.
      name: "an update before later adds without --no-cache in a stage that removes the index in a later RUN",
      code: "FROM alpine:3.20\nRUN apk update && apk upgrade\nRUN apk add aws-cli\nRUN rm /var/cache/apk/*\n",
    },
    {
      name: "an update that fetches without storing the index",
      code: "FROM alpine:3.20\nRUN apk --no-cache update && apk add --no-cache curl\n",
    },
    {
      name: "an update whose index the same RUN removes",
      code: "FROM alpine:3.20\nRUN apk update && apk add curl && rm -rf /var/cache/apk/*\n",
    },
    {
      name: "pip install --no-deps of the local project, through the variable that names it",
      code: 'FROM python:3.12-slim\nENV CODE_DIR=/app\nCOPY . "$CODE_DIR"\nRUN pip install --no-deps "$CODE_DIR"\n',
    },
    {
      // Held-out BC, bioconda-utils: the wheel a build stage made, found in a local folder by its name.
      name: "pip install --no-deps of the project's own wheel from a local --find-links folder",
      code: "FROM python:3.12-slim\nCOPY --from=build /opt/bioconda-utils /opt/bioconda-utils\nRUN pip install --no-deps --find-links /opt/bioconda-utils bioconda_utils\n",
    },
    {
      name: "pip install --no-deps of the local project downloads nothing",
      code: "FROM python:3.12-slim\nCOPY . /src\nRUN pip install --no-deps /src\n",
    },
    {
      name: "pip cache kept in a mount at PIP_CACHE_DIR",
      code: "FROM python:3.12-slim\nENV PIP_CACHE_DIR=/var/cache/pypi\nRUN --mount=type=cache,target=/var/cache/pypi pip install flask\n",
    },
    {
      name: "Yarn 4 through corepack (packageManager in package.json) in a builder: no Yarn 1 cache-mount advice",
      code: "FROM node:22 AS build\nWORKDIR /app\nRUN corepack enable\nCOPY package.json yarn.lock ./\nRUN yarn install --immutable\nFROM nginx:alpine\nCOPY --from=build /app/dist /usr/share/nginx/html\n",
      context: { files: { "package.json": '{\n  "name": "web",\n  "packageManager": "yarn@4.5.3"\n}\n' } },
    },
    {
      name: "Yarn 4 prepared by corepack in a builder",
      code: "FROM node:22 AS build\nWORKDIR /app\nRUN corepack prepare yarn@4.5.3 --activate\nCOPY package.json yarn.lock ./\nRUN yarn install --immutable\nFROM nginx:alpine\nCOPY --from=build /app/dist /usr/share/nginx/html\n",
    },
    {
      name: "Yarn 2+ (a .yarnrc.yml is copied) in a builder: Yarn 1's cache-mount path would miss its cache",
      code: "FROM node:20 AS build\nCOPY package.json yarn.lock .yarnrc.yml ./\nRUN yarn install --immutable\nFROM nginx:alpine\nCOPY --from=build /dist /usr/share/nginx/html\n",
    },
    {
      name: "Yarn 2+ told by its own flag (--immutable), sources copied whole: no Yarn 1 cache-mount advice",
      code: "FROM node:22 AS assets\nWORKDIR /srv\nCOPY . ./\nRUN yarn install --immutable && yarn run build\nFROM nginx:alpine\nCOPY --from=assets /srv/public /usr/share/nginx/html\n",
    },
    {
      name: "Yarn 2+ named by packageManager without corepack enable (Yarn 1 would refuse it): no Yarn 1 advice",
      code: "FROM node:22 AS assets\nWORKDIR /srv\nCOPY package.json yarn.lock ./\nRUN yarn install\nFROM nginx:alpine\nCOPY --from=assets /srv/public /usr/share/nginx/html\n",
      context: { files: { "package.json": '{ "name": "shop", "packageManager": "yarn@3.8.1" }\n' } },
    },
    {
      name: "yarn workspaces focus is a Yarn 2+ command: no Yarn 1 advice",
      code: "FROM node:22 AS deps\nWORKDIR /srv\nCOPY package.json yarn.lock ./\nRUN yarn workspaces focus --production && yarn install\nFROM node:22-slim\nCOPY --from=deps /srv/node_modules /srv/node_modules\n",
    },
    {
      name: "pip install of local wheel files a wheel stage built (dependencies among them) downloads nothing",
      code: 'FROM python:3.12-slim AS wheels\nCOPY requirements.txt .\nRUN pip wheel --wheel-dir /wheels -r requirements.txt\nFROM python:3.12-slim\nRUN --mount=type=bind,from=wheels,source=/wheels,target=/tmp/wheels \\\n    pip install --upgrade /tmp/wheels/*.whl\nCMD ["python", "-m", "app"]\n',
    },
    {
      name: "pip install of a wheel file named relative to the working directory (no ./) downloads nothing",
      code: 'FROM python:3.12-alpine\nARG TARGETPLATFORM\nWORKDIR /etc/app\nCOPY ./grpcio-1.64.1-cp312-cp312-linux_aarch64.whl ./\nRUN if [ "$TARGETPLATFORM" = "linux/arm64" ]; then \\\n    pip install grpcio-1.64.1-cp312-cp312-linux_aarch64.whl \\\n    && rm grpcio-1.64.1-cp312-cp312-linux_aarch64.whl; \\\n    fi\nCMD ["app"]\n',
    },
    {
      name: "pip install of a relative glob of wheel files downloads nothing",
      code: 'FROM python:3.12-slim\nWORKDIR /src\nCOPY dist/ dist/\nRUN pip install dist/*.whl\nCMD ["app"]\n',
    },
    {
      name: "pip install of local wheel files with --find-links to their folder",
      code: 'FROM python:3.12-slim\nCOPY dist/ /dist/\nRUN pip install --find-links /dist /dist/app-1.0-py3-none-any.whl\nCMD ["app"]\n',
    },
    {
      name: "pip install --no-index from local wheels downloads nothing",
      code: "FROM python:3.12-slim\nCOPY --from=wheels /wheels /wheels\nRUN pip install --no-index --find-links=/wheels app\n",
    },
    {
      name: "builder-stage system packages before any COPY: the layer only rebuilds with the base image",
      code: `${APT_BUILDER}FROM debian:12-slim\nCOPY --from=build /app /app\n`,
    },
    {
      name: "builder-stage pip self-upgrade: a few wheels, nothing a mount would save",
      code: "FROM python:3.12 AS build\nCOPY requirements.txt .\nRUN pip install --upgrade pip setuptools\nFROM python:3.12-slim\nCOPY --from=build /usr/local/lib /usr/local/lib\n",
    },
    {
      name: "lists removed in the same RUN",
      code: "FROM debian:12\nRUN apt-get update && apt-get install -y curl && rm -rf /var/lib/apt/lists/*\n",
    },
    {
      name: "lists in a cache mount",
      code: "FROM debian:12\nRUN --mount=type=cache,target=/var/lib/apt/lists apt-get update && apt-get install -y curl\n",
    },
    {
      name: "canonical BuildKit apt cache mounts",
      code: "FROM debian:12\nRUN rm -f /etc/apt/apt.conf.d/docker-clean\nRUN --mount=type=cache,target=/var/cache/apt,sharing=locked \\\n    --mount=type=cache,target=/var/lib/apt,sharing=locked \\\n    apt-get update && apt-get install -y curl\n",
    },
    {
      name: "apt-get install alone (lists come from elsewhere)",
      code: "FROM debian:12\nRUN apt-get install -y curl\n",
    },
    {
      name: "apk add --no-cache",
      code: "FROM alpine:3.20\nRUN apk add --no-cache curl\n",
    },
    {
      name: "apk add --no-network downloads nothing",
      code: "FROM alpine:3.20\nRUN apk add --no-network --virtual .rundeps $runDeps\n",
    },
    {
      name: "apt 3 dist-clean removes the lists",
      code: "FROM ubuntu:25.04\nRUN apt-get update; apt-get install -y wget; apt-get dist-clean\n",
    },
    {
      // apk caches in /etc/apk/cache whenever that path exists: the mount creates it.
      name: "apk add with a cache mount at /etc/apk/cache, apk's preferred cache folder",
      code: 'FROM alpine:3.20\nRUN --mount=type=cache,target=/etc/apk/cache apk add gcc musl-dev\nCMD ["sh"]\n',
    },
    {
      name: "apk update with a cache mount at /etc/apk/cache",
      code: 'FROM alpine:3.20\nRUN --mount=type=cache,target=/etc/apk/cache apk update && apk add curl\nCMD ["sh"]\n',
    },
    {
      name: "/etc/apk/cache linked to a mounted folder earlier in the RUN",
      code: 'FROM alpine:3.20\nRUN --mount=type=cache,target=/pkg-cache ln -s /pkg-cache /etc/apk/cache && apk add bash\nCMD ["sh"]\n',
    },
    {
      name: "/etc/apk/cache linked by an earlier RUN, relatively, to the mounted /var/cache/apk",
      code: 'FROM alpine:3.20\nRUN ln -s ../../var/cache/apk /etc/apk/cache\nRUN --mount=type=cache,target=/var/cache/apk apk add bash\nCMD ["sh"]\n',
    },
    {
      name: "/etc/apk/cache linked to the mounted /var/cache/apk, then made again with mkdir -p (a no-op)",
      code: 'FROM alpine:3.20\nRUN ln -s /var/cache/apk /etc/apk/cache && mkdir -p /etc/apk/cache\nRUN --mount=type=cache,target=/var/cache/apk apk add bash\nCMD ["sh"]\n',
    },
    {
      name: "/etc/apk/cache linked to the mounted /var/cache/apk, then only emptied (rm -rf /etc/apk/cache/*): the link stays",
      code: 'FROM alpine:3.20\nRUN ln -s /var/cache/apk /etc/apk/cache\nRUN rm -rf /etc/apk/cache/* && mkdir -p /etc/apk/cache\nRUN --mount=type=cache,target=/var/cache/apk apk add bash\nCMD ["sh"]\n',
    },
    {
      name: "/etc/apk/cache linked to the mounted /var/cache/apk, removed only in a branch that may not run",
      code: 'FROM alpine:3.20\nRUN ln -s /var/cache/apk /etc/apk/cache\nRUN test -L /etc/apk/cache || rm -f /etc/apk/cache\nRUN --mount=type=cache,target=/var/cache/apk apk add bash\nCMD ["sh"]\n',
    },
    {
      name: "/etc/apk/cache made only in a branch that may not run: the mounted /var/cache/apk is read as the cache",
      code: 'FROM alpine:3.20\nRUN if [ "$KEEP" = 1 ]; then mkdir -p /etc/apk/cache; fi\nRUN --mount=type=cache,target=/var/cache/apk apk add bash\nCMD ["sh"]\n',
    },
    {
      name: "/etc/apk/cache made only after `||`",
      code: 'FROM alpine:3.20\nRUN test -n "$NO_CACHE" || mkdir -p /etc/apk/cache\nRUN --mount=type=cache,target=/var/cache/apk apk add bash\nCMD ["sh"]\n',
    },
    {
      name: "/etc/apk/cache linked to a folder named by a variable: not known, the mounted /var/cache/apk is read as the cache",
      code: 'FROM alpine:3.20\nRUN ln -s "$APK_CACHE" /etc/apk/cache\nRUN --mount=type=cache,target=/var/cache/apk apk add bash\nCMD ["sh"]\n',
    },
    {
      name: "apk cache in a tmpfs",
      code: "FROM alpine:3.20\nRUN --mount=type=tmpfs,target=/var/cache/apk apk add -U curl\n",
    },
    {
      name: "pip --no-cache-dir",
      code: "FROM python:3.12\nRUN pip install --no-cache-dir flask\n",
    },
    {
      name: "PIP_NO_CACHE_DIR inherited through FROM <stage>",
      code: "FROM python:3.12 AS base\nENV PIP_NO_CACHE_DIR=1\nFROM base\nRUN pip install six\n",
    },
    {
      name: "pip cache mount",
      code: "FROM python:3.12\nRUN --mount=type=cache,target=/root/.cache/pip pip install flask\n",
    },
    {
      name: "pipx and pipenv are other tools",
      code: "FROM python:3.12\nRUN pipx install black && pipenv install\n",
    },
    {
      name: "yum clean all",
      code: "FROM centos:7\nRUN yum install -y httpd && yum clean all\n",
    },
    {
      name: "dnf cache dir removed",
      code: "FROM fedora:40\nRUN dnf install -y httpd && rm -rf /var/cache/dnf/*\n",
    },
    {
      name: "yarn cache clean",
      code: "FROM node:20\nRUN yarn install && yarn cache clean\n",
    },
    {
      name: "yarn build is no install",
      code: "FROM node:20\nRUN yarn build\n",
    },
    {
      name: "throwaway stage the final image never reaches",
      code: "FROM debian:12 AS scratchpad\nRUN apt-get update && apt-get install -y gcc\nFROM alpine:3.20\nRUN echo ok\n",
    },
    {
      name: "builder stage that already mounts the caches",
      code: "FROM python:3.12 AS build\nCOPY . .\nRUN --mount=type=cache,target=/root/.cache/pip pip wheel -w /w . && pip install .\nFROM python:3.12-slim\nCOPY --from=build /w /w\n",
    },
    {
      name: "builder stage pip install as a non-root user: its cache path is unknown",
      code: "FROM python:3.12 AS build\nUSER app\nCOPY --chown=app . /home/app/src\nRUN pip install --user /home/app/src && pip install --user .\nFROM python:3.12-slim\nCOPY --from=build /home/app/.local /home/app/.local\n",
    },
    {
      name: "heredoc with cleanup",
      code: "FROM debian:12\nRUN <<EOF\napt-get update\napt-get install -y curl\nrm -rf /var/lib/apt/lists/*\nEOF\n",
    },
    {
      name: "an install in the else branch of a test the default satisfies (a development variant)",
      code: 'FROM ruby:3.3-alpine\nARG APP_ENV=production\nENV APP_ENV ${APP_ENV}\nRUN if [ "$APP_ENV" = "production" ]; then \\\n  rm -rf spec tmp/cache; \\\n  else apk add nodejs yarn; \\\n  fi\n',
    },
    {
      name: "an install behind a '!=' test that the default makes false",
      code: 'FROM python:3.13-alpine\nARG MODE=release\nRUN if [ "$MODE" != "release" ]; then pip install debugpy; fi\n',
    },
    {
      name: "a pip.conf written with echo -e on Alpine sets no-cache-dir before the install (BusyBox reads the escapes)",
      code: 'FROM alpine:3.20\nRUN apk add --no-cache py3-pip && echo -e "[global]\\nbreak-system-packages = true\\nno-cache-dir = true" > /etc/pip.conf && python3 -m pip install httpie\n',
    },
    {
      name: "PIP_CACHE_DIR does not bring the cache back: pip applies no-cache-dir after it",
      code: 'FROM python:3.12-slim\nENV PIP_CACHE_DIR=/var/cache/pip\nRUN printf "[global]\\nno-cache-dir = true\\n" > /etc/pip.conf && pip install flask\n',
    },
    {
      name: "a blank line and a comment line between options end nothing, and the key after them is the section's",
      code: 'FROM python:3.12-slim\nRUN printf "[global]\\nindex-url = https://pypi.example.org/simple\\n\\n# no wheels\\nno-cache-dir = true\\n" > /etc/pip.conf && pip install flask\n',
    },
    {
      name: "a blank line, then a key appended unindented: the section's key",
      code: 'FROM python:3.12-slim\nRUN printf "[global]\\ntimeout = 60\\n" > /etc/pip.conf && printf "\\nno-cache-dir = 1\\n" >> /etc/pip.conf && pip install flask\n',
    },
    {
      name: "bash's echo -e reads '\\012' as a newline",
      code: 'FROM example/python-runtime:1\nSHELL ["/bin/bash", "-c"]\nRUN echo -e "[global]\\012no-cache-dir = true" > /etc/pip.conf && pip install httpie\n',
    },
    {
      name: "dash's echo reads '\\12' as a newline, as printf does",
      code: 'FROM debian:12\nRUN echo "[global]\\12no-cache-dir = true" > /etc/pip.conf\nRUN pip install --break-system-packages httpie\n',
    },
    {
      name: "pip config set after a file written by the build keeps what the file set",
      code: 'FROM python:3.12-slim\nRUN mkdir -p ~/.config/pip && printf "[install]\\nno-cache-dir = yes\\n" > ~/.config/pip/pip.conf && pip config set global.timeout 60\nRUN pip install flask\n',
    },
    {
      name: "dash's echo reads the escapes without -e",
      code: 'FROM debian:12\nRUN echo "[global]\\nno-cache-dir = true" > /etc/pip.conf\nRUN pip install --break-system-packages httpie\n',
    },
    {
      name: "SHELL bash with echo -e",
      code: 'FROM example/python-runtime:1\nSHELL ["/bin/bash", "-c"]\nRUN echo -e "[global]\\nno-cache-dir = true" > /etc/pip.conf && pip install httpie\n',
    },
    {
      name: "root's ~/.config/pip/pip.conf from an earlier RUN, read by a later install as root",
      code: 'FROM python:3.12-slim\nRUN mkdir -p ~/.config/pip && printf "[global]\\nno-cache-dir = true\\n" > ~/.config/pip/pip.conf\nRUN pip install flask\n',
    },
    {
      name: "the legacy ~/.pip/pip.conf under $HOME, read by the same user",
      code: 'FROM python:3.12-slim\nUSER app\nRUN mkdir -p $HOME/.pip && printf "[global]\\nno-cache-dir = true\\n" > "$HOME/.pip/pip.conf"\nRUN pip install --user flask\n',
    },
    {
      name: "a heredoc into /etc/xdg/pip/pip.conf with [install] and no_cache_dir = false (pip turns the cache off for false too)",
      code: "FROM python:3.12-slim\nRUN mkdir -p /etc/xdg/pip && cat > /etc/xdg/pip/pip.conf <<'EOF'\n[install]\nno_cache_dir = false\nEOF\nRUN pip install flask\n",
    },
    {
      name: "printf piped into tee",
      code: 'FROM python:3.12-slim\nRUN printf "%s\\n" "[global]" "no-cache-dir: yes" | tee /etc/pip.conf > /dev/null && pip install flask\n',
    },
    {
      name: "a section header, then the key appended",
      code: 'FROM python:3.12-slim\nRUN echo "[global]" > /etc/pip.conf && echo "no-cache-dir = on" >> /etc/pip.conf\nRUN pip install flask\n',
    },
    {
      name: "pip config set writes the user's pip.conf",
      code: "FROM python:3.12-slim\nRUN pip config set global.no-cache-dir false\nRUN pip install flask\n",
    },
    {
      name: "pip config --global set writes /etc/pip.conf, read by every user",
      code: "FROM python:3.12-slim\nRUN python3 -m pip config --global set install.no-cache-dir 1\nUSER app\nRUN pip install --user flask\n",
    },
    {
      name: "the file PIP_CONFIG_FILE names",
      code: 'FROM python:3.12-slim\nENV PIP_CONFIG_FILE=/opt/pip/pip.conf\nRUN mkdir -p /opt/pip && printf "[global]\\nno-cache-dir = 1\\n" > /opt/pip/pip.conf && pip install flask\n',
    },
    {
      name: "a pip.conf copied from the context into root's ~/.pip/ that sets no-cache-dir",
      code: "FROM python:3.12-slim\nCOPY docker/pip.conf /root/.pip/\nRUN pip install flask\n",
      context: { files: { "docker/pip.conf": "[global]\nno-cache-dir = true\nindex-url = https://pypi.example.org/simple\n" } },
    },
    {
      name: "a heredoc COPY of /etc/pip.conf",
      code: "# syntax=docker/dockerfile:1\nFROM python:3.12-slim\nCOPY <<EOF /etc/pip.conf\n[global]\nno-cache-dir = true\nEOF\nRUN pip install flask\n",
    },
    {
      name: "bspm from the r2u image installs the R packages as apt binaries: it reads or rewrites the lists",
      code: "FROM rocker/r2u:24.04\nRUN apt-get update && apt-get install -y libgdal-dev\nRUN install2.r sf terra\n",
    },
    {
      name: "bspm enabled in Rprofile.site by the build, then R code installing packages",
      code: "FROM ubuntu:24.04\nRUN apt-get update && apt-get install -y r-base-core r-cran-bspm && echo 'suppressMessages(bspm::enable())' >> /etc/R/Rprofile.site\nRUN Rscript -e 'install.packages(c(\"sf\", \"terra\"))'\n",
    },
    {
      name: "bspm::enable() in the R code itself",
      code: "FROM ubuntu:24.04\nRUN apt-get update && apt-get install -y r-base-core r-cran-bspm\nRUN Rscript --vanilla -e 'bspm::enable(); install.packages(\"sf\")'\n",
    },
    {
      name: "R reading a heredoc on an r2u image",
      code: "FROM eddelbuettel/r2u:22.04\nRUN apt-get update && apt-get install -y libgdal-dev\nRUN R --no-save <<EOF\ninstall.packages('sf')\nEOF\n",
    },
    {
      name: "plain echo lines where the shell is not known: they print the same in every shell",
      code: 'FROM example/python-runtime:1\nRUN echo "[global]" >/etc/pip.conf && echo "no-cache-dir = 1" >>/etc/pip.conf && pip install httpie\n',
    },
    {
      name: "the user's pip.conf under XDG_CONFIG_HOME",
      code: 'FROM python:3.12-slim\nENV XDG_CONFIG_HOME=/config\nRUN mkdir -p /config/pip && printf "[global]\\nno-cache-dir = true\\n" > /config/pip/pip.conf\nRUN pip install flask\n',
    },
    {
      name: "HOME set by ENV: the user's files are under it",
      code: 'FROM python:3.12-slim\nENV HOME=/home/app\nRUN mkdir -p /home/app/.pip && printf "[global]\\nno-cache-dir = true\\n" > /home/app/.pip/pip.conf\nRUN pip install flask\n',
    },
    {
      name: "reading the pip.conf or listing pip's configuration changes nothing",
      code: "FROM python:3.12-slim\nRUN pip config set global.no-cache-dir false && pip config list && cat /etc/pip.conf ~/.config/pip/pip.conf && chmod 644 ~/.config/pip/pip.conf\nRUN pip install flask\n",
    },
    {
      name: "a context pip.conf copied into /etc (a folder every image has)",
      code: "FROM python:3.12-slim\nCOPY docker/pip.conf /etc\nRUN pip install flask\n",
      context: { files: { "docker/pip.conf": "[global]\nno-cache-dir = true\n" } },
    },
    {
      name: "tee -a appends the key to a section written before",
      code: 'FROM python:3.12-slim\nRUN echo "[global]" > /etc/pip.conf && echo "no-cache-dir = 1" | tee -a /etc/pip.conf 2>/dev/null && pip install flask\n',
    },
    {
      name: "two heredocs named alike: each command writes its own body",
      code: "FROM python:3.12-slim\nRUN cat > /tmp/notes <<EOF && cat > /etc/pip.conf <<EOF\nnothing here\nEOF\n[global]\nno-cache-dir = true\nEOF\nRUN pip install flask\n",
    },
    {
      name: "comment lines in the pip.conf",
      code: 'FROM python:3.12-slim\nRUN printf "# written for the image\\n[global]\\n; no wheels kept\\nno-cache-dir = true\\n" > /etc/pip.conf && pip install flask\n',
    },
    {
      name: "a redirection glued to the text it writes (echo key=value>>file)",
      code: 'FROM python:3.12-slim\nRUN echo "[global]" > /etc/pip.conf && echo no-cache-dir=1>>/etc/pip.conf && pip install flask\n',
    },
    {
      name: "a pip.conf written in the stage the final one is built on",
      code: 'FROM python:3.12-slim AS base\nRUN printf "[global]\\nno-cache-dir = true\\n" > /etc/pip.conf\nFROM base\nCOPY requirements.txt .\nRUN pip install -r requirements.txt\n',
    },
  ],
});

describe("layer-package-cache: growth on files that configure pip", () => {
  // A file that names pip.conf has every pip install read the configuration the build left: the walk
  // of the RUNs before it must go on from the last install's, not start again.
  const PIP_CONF = "RUN printf '[global]\\ntimeout = 60\\n' > /etc/pip.conf";
  // Sizes where the walk that started again at each install was already well past linear.
  const shapes: Record<string, { sizes: [number, number]; make: (n: number) => string; timed: (model: DockerfileModel) => void }> = {
    "RUNs and COPYs, then installs": {
      sizes: [2000, 8000],
      make: (n) =>
        ["FROM python:3.12", "WORKDIR /app", PIP_CONF]
          .concat(Array.from({ length: n }, (_, i) => `RUN echo hi > log${i}.txt && cp log${i}.txt ~/\nCOPY f${i} d${i}/`))
          .concat(Array.from({ length: n / 5 }, (_, i) => `RUN pip install pkg${i}`))
          .join("\n"),
      timed: (model) => rule.check(model, () => {}),
    },
    "an install in every RUN": {
      sizes: [2000, 8000],
      make: (n) =>
        ["FROM python:3.12", "WORKDIR /app", PIP_CONF]
          .concat(Array.from({ length: n }, (_, i) => `RUN echo hi > log${i}.txt && pip install pkg${i}`))
          .join("\n"),
      timed: (model) => rule.check(model, () => {}),
    },
    // The rule's other checks walk a stage's lineage per install: only the configuration is timed here.
    "a chain of stages, each installing": {
      sizes: [500, 2000],
      make: (n) =>
        ["FROM python:3.12 AS s0", PIP_CONF]
          .concat(Array.from({ length: n }, (_, i) => `FROM s${i} AS s${i + 1}\nUSER u${i % 2}\nRUN echo hi > log${i}.txt && pip install pkg${i}`))
          .join("\n"),
      timed: (model) => {
        for (const cache of findLeftPackageCaches(model)) pipConfigTurnsCacheOff(model, cache.instruction, cache.command, runShell);
      },
    },
  };
  for (const [shape, { sizes, make, timed }] of Object.entries(shapes)) {
    it(`grows linearly with ${shape} (n and 4n)`, function () {
      this.timeout(120000);
      const [small, large] = sizes.map(make);
      // A fresh parse for each run, not timed: the walks are kept per model.
      const { ratio, exponent } = growthOf(small, large, timed, { prepare: parseDockerfile });
      // Linear is 1 (x4), quadratic 2 (x16); cache and GC effects on a loaded machine reach ~1.35.
      assert.ok(exponent < 1.5, `${shape}: time x${ratio.toFixed(2)} for 4x the input (exponent ${exponent.toFixed(2)})`);
    });
  }
});
