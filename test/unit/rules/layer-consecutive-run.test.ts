import { rule } from "../../../server/src/rules/layer-consecutive-run";
import { testRule } from "../../support/rule-tester";

testRule(rule, {
  fires: [
    {
      name: "a mkdir of the folder the next WORKDIR creates is a step to delete, not to merge",
      code: "FROM alpine:3.21\nRUN apk add --no-cache openssl\nRUN mkdir -p /srv/www/\nENV HOME=/srv/www\nWORKDIR /srv/www\nCOPY site /srv/www\n",
      messageId: "folderOfNextWorkdir",
      line: 3,
      output: "FROM alpine:3.21\nRUN apk add --no-cache openssl\nENV HOME=/srv/www\nWORKDIR /srv/www\nCOPY site /srv/www\n",
    },
    {
      name: "a mkdir of a folder above a relative WORKDIR is done by WORKDIR too; the RUNs before still merge",
      code: 'FROM debian:12\nWORKDIR /opt\nRUN useradd svc\nRUN mkdir -p /var/log/svc\nRUN mkdir tool\nWORKDIR tool/bin\nCMD ["svc"]\n',
      messageId: "consecutive",
      count: 2,
      line: 4,
    },
    {
      name: "a line written into a file of the folder the RUN before created merges: one step on one path",
      code: 'FROM alpine:3.20\nRUN mkdir -p /etc/default/\nRUN echo "ENABLED=1" > /etc/default/resolver\nCMD ["resolver"]\n',
      messageId: "consecutive",
      line: 3,
    },
    {
      name: "a folder and the owner of that folder merge",
      code: 'FROM node:22-slim\nWORKDIR /srv\nRUN mkdir build\nRUN chown node build\nCMD ["node", "server.js"]\n',
      messageId: "consecutive",
      line: 4,
    },
    {
      name: "a folder next to a new account still merges: it may be the account's data",
      code: 'FROM debian:12\nRUN useradd --system worker\nRUN mkdir /var/spool/jobs\nCMD ["worker"]\n',
      messageId: "consecutive",
      line: 3,
    },
    {
      name: "a deletion of what the RUN before it used merges: the file never reaches a layer",
      code: "FROM php:8.3-fpm\nRUN curl -o composer-setup.php https://getcomposer.org/installer\nRUN php composer-setup.php\nRUN rm -rf composer-setup.php\n",
      messageId: "consecutiveMany",
      line: 3,
    },
    {
      name: "a copy and the deletion of its source merge",
      code: 'FROM debian:12\nRUN cp -r /opt/app/bin/priv/static /opt/app/lib/static\nRUN rm -r /opt/app/bin/priv\nCMD ["app"]\n',
      messageId: "consecutive",
      line: 3,
    },
    {
      name: "two RUNs each under a comment of its own are steps of one documented sequence",
      code: 'FROM alpine:3.22\nCOPY app /app\n# Create the user\nRUN adduser -D app\n\n# Fix ownership\nRUN chown -R app /app\nCMD ["app"]\n',
      messageId: "consecutive",
      line: 7,
    },
    {
      name: "the stage's first RUN is headed by its FROM line",
      code: 'FROM jetty:12\nRUN java -jar "$JETTY_HOME/start.jar" --add-modules=ee11-deploy\n\n# Allow empty path segments\nRUN echo "jetty.httpConfig.uriCompliance=DEFAULT" >> /var/lib/jetty/start.d/server.ini\n',
      messageId: "consecutive",
      line: 5,
    },
    {
      name: "a step on the cloned folder merges with the clone",
      code: 'FROM debian:12\nRUN git clone https://example.org/acme/widget.git /src/widget\nRUN chmod +x /src/widget/install.sh\nCMD ["/src/widget/run"]\n',
      messageId: "consecutive",
      line: 3,
    },
    {
      name: "a system install and a plain step merge",
      code: "FROM alpine:3.20\nRUN apk add --no-cache bash\nRUN mkdir /appdata\n",
      messageId: "consecutive",
      line: 3,
    },
    {
      name: "a project install and the global install of the same tool merge",
      code: "FROM node:22-alpine\nCOPY . .\nRUN npm install --production\nRUN npm install --global\n",
      messageId: "consecutive",
      line: 4,
    },
    {
      name: "a user and the ownership of its folder merge",
      code: 'FROM python:3.12-slim\nRUN useradd -r app\nRUN chown -R app /srv\nCMD ["app"]\n',
      messageId: "consecutive",
      line: 3,
    },
    {
      name: "a build task and a plain step merge",
      code: 'FROM ruby:3.3\nCOPY . .\nRUN bundle exec rake assets:precompile\nRUN touch public/assets/.prebuilt\nCMD ["rails", "server"]\n',
      messageId: "consecutive",
      line: 4,
    },
    {
      name: "a generated-by notice below the first instruction is no file header",
      code: "FROM debian:12\n# grammars generated with tree-sitter 0.25\nRUN useradd app\nRUN mkdir /data\n",
      messageId: "consecutive",
      line: 4,
    },
    {
      name: "bundler's configuration and its install merge",
      code: "FROM ruby:3.3\nRUN bundle config set --local deployment true\nRUN bundle install\n",
      messageId: "consecutive",
      line: 3,
    },
    {
      name: "two installs of the same package manager merge",
      code: "FROM python:3.12-slim\nRUN pip install --no-cache-dir -U pip\nRUN pip install --no-cache-dir flask\n",
      messageId: "consecutive",
      line: 3,
      output: "FROM python:3.12-slim\nRUN pip install --no-cache-dir -U pip && \\\n    pip install --no-cache-dir flask\n",
    },
    {
      // abarichello/godot-ci: ten `RUN echo ... >> editor_settings` in the image release.yml pushes (held-out BN).
      name: "a CI image its workflow publishes counts its layers as a shipped image does",
      code: "FROM ubuntu:noble\nRUN apt-get update && apt-get install -y --no-install-recommends openjdk-17-jdk-headless && rm -rf /var/lib/apt/lists/*\nRUN echo a >> /root/settings.tres\nRUN echo b >> /root/settings.tres\n",
      context: { publishedByCi: true },
      messageId: "consecutive",
      line: 4,
    },
    {
      name: "a development image still gets a bare index update merged into its install",
      code: "FROM debian:12\nRUN apt-get update\nRUN apt-get install -y curl\n",
      context: { dockerfilePath: "docker/dev/Dockerfile" },
      messageId: "consecutive",
      line: 3,
      data: { line: 2 },
    },
    {
      code: "FROM debian:12\nRUN useradd app\nRUN mkdir /data\n",
      messageId: "consecutive",
      line: 3,
      token: "RUN",
      data: { line: 2 },
      output: "FROM debian:12\nRUN useradd app && \\\n    mkdir /data\n",
    },
    {
      name: "CRLF line endings are kept in the merged RUN (comments included)",
      code: "FROM debian:12\r\nRUN useradd app\r\n# the data volume\r\nRUN mkdir /data\r\n",
      messageId: "consecutive",
      line: 4,
      output: "FROM debian:12\r\nRUN useradd app && \\\r\n# the data volume\r\n    mkdir /data\r\n",
    },
    {
      name: "comments between the RUNs are kept inside the merged RUN",
      code: "FROM debian:12\nRUN useradd app\n# the data volume\n\nRUN mkdir /data\n",
      messageId: "consecutive",
      line: 5,
      output: "FROM debian:12\nRUN useradd app && \\\n# the data volume\n    mkdir /data\n",
    },
    {
      name: "a multi-line RUN keeps its continuation indent",
      code: "FROM debian:12\nRUN useradd \\\n      --create-home \\\n      app\nRUN mkdir /data\n",
      messageId: "consecutive",
      line: 5,
      output: "FROM debian:12\nRUN useradd \\\n      --create-home \\\n      app && \\\n      mkdir /data\n",
    },
    {
      name: "three in a row: one finding for the run, and a fix merging all three",
      code: "FROM alpine:3.20\nRUN touch a\nRUN touch b\nRUN touch c\n",
      messageId: "consecutiveMany",
      count: 1,
      line: 3,
      data: { count: 3, first: 2, last: 4 },
      output: "FROM alpine:3.20\nRUN touch a && \\\n    touch b && \\\n    touch c\n",
    },
    {
      name: "two runs split by another instruction: two findings",
      code: "FROM alpine:3.20\nRUN touch a\nRUN touch b\nENV X=1\nRUN touch c\nRUN touch d\n",
      messageId: "consecutive",
      count: 2,
    },
    {
      name: "same flags: merged keeping the flags once",
      code: "FROM alpine:3.20\nRUN --mount=type=secret,id=npm sha256sum /run/secrets/npm\nRUN --mount=type=secret,id=npm wc -c /run/secrets/npm\n",
      messageId: "consecutive",
      line: 3,
      output: "FROM alpine:3.20\nRUN --mount=type=secret,id=npm sha256sum /run/secrets/npm && \\\n    wc -c /run/secrets/npm\n",
    },
    {
      name: "backtick escape directive",
      code: "# escape=`\nFROM mcr.microsoft.com/windows/servercore:ltsc2022\nRUN mkdir C:\\app\nRUN mkdir C:\\data\n",
      messageId: "consecutive",
      line: 4,
      output: "# escape=`\nFROM mcr.microsoft.com/windows/servercore:ltsc2022\nRUN mkdir C:\\app && `\n    mkdir C:\\data\n",
    },
    {
      name: "the base stage of the final stage ships its layers too",
      code: 'FROM debian:12 AS base\nRUN useradd app\nRUN mkdir /data\nFROM base\nCMD ["app"]\n',
      messageId: "consecutive",
      line: 3,
    },
    {
      name: "exec form: reported without a fix",
      code: 'FROM alpine:3.20\nRUN ["mkdir", "/a"]\nRUN mkdir /b\n',
      messageId: "consecutive",
      line: 3,
      output: null,
    },
    {
      name: "heredoc: reported without a fix",
      code: "FROM alpine:3.20\nRUN mkdir /a\nRUN <<EOF\nmkdir /b\nEOF\n",
      messageId: "consecutive",
      line: 3,
      output: null,
    },
    { name: "trailing semicolon: no fix", code: "FROM alpine:3.20\nRUN mkdir /a;\nRUN mkdir /b\n", messageId: "consecutive", line: 3, output: null },
    {
      name: "trailing comment: no fix (it would swallow the merged command)",
      code: "FROM alpine:3.20\nRUN mkdir /a # data\nRUN mkdir /b\n",
      messageId: "consecutive",
      line: 3,
      output: null,
    },
    {
      name: "an account and a chown of a file: the chown copies the whole file into its layer",
      code: 'FROM debian:12\nCOPY app.jar /srv/app.jar\nRUN useradd -r svc\nRUN chown svc /srv/app.jar\nCMD ["java", "-jar", "/srv/app.jar"]\n',
      messageId: "consecutive",
      line: 4,
    },
    {
      name: "an account and a recursive chown of the working directory",
      code: 'FROM debian:12\nWORKDIR /srv\nCOPY . .\nRUN useradd --home /srv svc\nRUN chown -R svc /srv\nCMD ["./run"]\n',
      messageId: "consecutive",
      line: 5,
    },
    {
      name: "two in-place edits of the same file",
      code: 'FROM php:8.3-fpm\nRUN sed -i "s/^pm = .*/pm = static/" /usr/local/etc/php-fpm.d/www.conf\nRUN sed -i "s/^pm.max_children = .*/pm.max_children = 8/" /usr/local/etc/php-fpm.d/www.conf\nCMD ["php-fpm"]\n',
      messageId: "consecutive",
      line: 3,
    },
  ],
  silent: [
    {
      // tianon/gosu: one build per architecture, each cached and failing on its own.
      name: "a project build script run once per architecture",
      code: "FROM golang:1.24\nCOPY gosu-build-and-test.sh /usr/local/bin/\nRUN ARCH=amd64 GOARCH=amd64 gosu-build-and-test.sh\nRUN ARCH=arm64 GOARCH=arm64 gosu-build-and-test.sh\nRUN ARCH=s390x GOARCH=s390x gosu-build-and-test.sh\n",
    },
    {
      name: "a step that only prints a build argument to the log is a debugging aid, not a layer to merge",
      code: 'FROM debian:12\nARG TARGETARCH\nRUN echo "building for $TARGETARCH"\nRUN sed -i "s/ main/ main contrib/" /etc/apt/sources.list.d/debian.sources\nCMD ["app"]\n',
    },
    {
      name: "a listing of the work folder next to a build step prints only",
      code: 'FROM node:22-slim\nWORKDIR /app\nCOPY . .\nRUN ls -la /app\nRUN chmod 0755 bin/start\nCMD ["bin/start"]\n',
    },
    {
      name: "an account and a line appended to a config file that names no path of it: a few bytes either way",
      code: 'FROM alpine:3.20\nRUN adduser -S -s /bin/sh -G root web\nRUN echo "web ALL=(ALL) NOPASSWD: /usr/sbin/sendmail" >> /etc/sudoers\nCMD ["web"]\n',
    },
    {
      name: "an empty folder and a symlink elsewhere are two tiny, unrelated steps",
      code: 'FROM node:22-slim\nWORKDIR /srv\nRUN mkdir -p /srv/.config/store\nRUN ln -s out/build-info.json build-info.json\nCMD ["node", "server.js"]\n',
    },
    {
      name: "a Deno install and the warm-up of the entry file's module cache",
      code: 'FROM denoland/deno:2.1\nWORKDIR /srv\nCOPY . .\nRUN deno install\nRUN deno cache server.ts\nCMD ["run", "server.ts"]\n',
    },
    {
      name: "a Deno install and the install of an entry point's imports",
      code: 'FROM denoland/deno:2.1\nWORKDIR /srv\nCOPY . .\nRUN deno install\nRUN deno install --allow-import -e dist/server.js\nCMD ["run", "dist/server.js"]\n',
    },
    {
      name: "two Dart tasks of the project write different output and delete nothing",
      code: 'FROM dart:3.5\nWORKDIR /src\nCOPY . .\n# Fetch the SDK the compiler needs\nRUN dart pub run grinder fetch-sdk\n\n# Build the snapshots\nRUN dart run grinder build-snapshots\nCMD ["dart", "bin/server.dart"]\n',
    },
    {
      name: "a Deno task and the cache warm-up after it",
      code: 'FROM denoland/deno:2.1\nWORKDIR /srv\nCOPY . .\nRUN deno task build\nRUN deno cache --reload main.ts\nCMD ["run", "main.ts"]\n',
    },
    {
      name: "a package install and a chown of the WORKDIR itself: the second layer holds one inode",
      code: "FROM alpine:3.22\nWORKDIR /home/app/srv\n# Base packages\nRUN apk add --no-cache perl tzdata\n# The user owns its folder\nRUN chown app:app .\n",
    },
    {
      name: "links and an account, each under its own comment: only bytes to save",
      code: "FROM debian:12\n# Link the CLI\nRUN ln -sv /opt/tool/bin/tool /usr/local/bin/tool\n\n# Link the viewer script\nRUN ln -sv /usr/lib/node_modules/viewer/viewer.js /usr/local/bin/viewer\n\n# A user for optional use\nRUN useradd tool --system --user-group --home-dir /opt/tool\n",
    },
    {
      name: "a deletion of a folder and a copy of a file whose name only contains the folder's",
      code: "FROM php:8.3-fpm\nCOPY . ./\nRUN rm -Rf deploy/\nRUN cp .env.example_deploy .env\n",
    },
    {
      name: "a clone and a step that does not use it: merged, an edit of either downloads the clone again",
      code: 'FROM python:3.12-slim\nRUN git clone --depth 1 https://example.org/acme/widget.git /opt/widget/src\nRUN python3 -m venv /opt/widget/venv\nCMD ["widget"]\n',
    },
    {
      name: "a clone with no destination lands in the repository's folder, which the other step does not name",
      code: 'FROM debian:12\nRUN mkdir -p /var/cache/app\nRUN git clone https://example.org/acme/widget.git\nCMD ["widget"]\n',
    },
    {
      name: "deletions of files earlier layers wrote free nothing merged or apart",
      code: 'FROM node:22-alpine\nCOPY . .\nRUN rm -rf ./src/client\nRUN rm -rf ./website\nRUN apk upgrade --no-cache\nCMD ["node", "server.js"]\n',
    },
    {
      name: "a package install next to a new account: the account's layer is a few bytes, the merge saves nothing",
      code: 'FROM node:22-alpine\nRUN apk --no-cache add curl\n\nRUN adduser --disabled-password app\nCMD ["node", "index.js"]\n',
    },
    {
      name: "a deletion of an earlier layer's files next to a new group frees nothing either way",
      code: 'FROM python:3.12-alpine\nRUN rm /var/cache/apk/*\n\nRUN addgroup -S -g 10111 app\nCMD ["app"]\n',
    },
    {
      name: "Xdebug installed on every build marks a PHP development image (Sail)",
      code: 'FROM ubuntu:24.04\nRUN apt-get update && apt-get install -y php8.4-cli php8.4-xdebug\nRUN setcap "cap_net_bind_service=+ep" /usr/bin/php8.4\nRUN userdel -r ubuntu\nCMD ["php", "artisan", "serve"]\n',
    },
    {
      name: "a comment opens another part of the file after a RUN that finishes the part before",
      code: 'FROM alpine:3.22\nCOPY awg /usr/bin/awg\nRUN chmod +x /usr/bin/awg\n\n# Install Linux packages\nRUN apk add --no-cache iptables\nCMD ["app"]\n',
    },
    {
      name: "a comment says the steps are split for caching",
      code: "FROM elixir:1.17\nCOPY mix.exs mix.lock ./\n# do the setup, break into steps for caching during debugging\nRUN mix deps.get\nRUN mix deps.compile\n",
    },
    {
      name: "a smoke test of the installed program is kept apart as a check",
      code: 'FROM debian:12-slim\nCOPY --from=build /out/app /usr/bin/app\nRUN mkdir -p /var/lib/app\nRUN ["/usr/bin/app", "--version"]\n',
    },
    { name: "a shell-form version check", code: "FROM alpine:3.22\nRUN adduser -D app\nRUN node --version\n" },
    {
      name: "never joins installs of different package managers (apt-get + pip)",
      code: "FROM debian:12\nRUN apt-get install -y python3-pip\nRUN pip install flask\n",
    },
    { name: "never joins apk and a global npm tool install", code: "FROM node:20-alpine\nRUN apk add --no-cache bash\nRUN npm install -g pnpm@9\n" },
    { name: "never joins apk and npm", code: "FROM node:20-alpine\nRUN apk add --no-cache git\nRUN npm ci --omit=dev\n" },
    {
      name: "never joins an install with an unrelated step",
      code: "FROM node:20-alpine\nWORKDIR /app\nCOPY package*.json ./\nRUN npm ci\nRUN npm run build\n",
    },
    {
      // documenso, umami, guacamole: a few bytes of /etc/passwd per layer; reviewers would not act.
      name: "a group and its user created in two RUNs",
      code: 'FROM node:22-alpine\nRUN addgroup --system --gid 1001 nodejs\nRUN adduser --system --uid 1001 nextjs\nCMD ["node", "server.js"]\n',
    },
    {
      name: "two build tasks of the project write different output and delete nothing",
      code: 'FROM ruby:3.3\nCOPY . .\nRUN yarn run re:build\nRUN bundle exec vite build\nCMD ["rails", "server"]\n',
    },
    { name: "two package.json build scripts", code: 'FROM node:22-alpine\nCOPY . .\nRUN pnpm build\nRUN pnpm build:widget\nCMD ["node", "dist/index.js"]\n' },
    {
      name: "the project's install and a tool it names: the tool would reinstall with every manifest change",
      code: "FROM node:22\nCOPY package*.json ./\nRUN npm install\nRUN npm install -g serve\nCOPY . .\n",
    },
    {
      // FreeRADIUS: each RUN is a block of an m4 template shared across distributions.
      name: "a generated file is changed in its template",
      code: "# Auto generated for rocky9\n# from scripts/docker/m4/service.rpm.m4\nFROM rockylinux/rockylinux:9\nRUN rpm --import /etc/pki/rpm-gpg/key.asc\nRUN dnf config-manager --enable crb\n",
    },
    {
      name: "a file that must not be edited by hand",
      code: '# DO NOT EDIT: created by update.sh from Dockerfile.template\nFROM alpine:3.22\nRUN mkdir /a\nRUN mkdir /b\nCMD ["app"]\n',
    },
    {
      // nicegui: the project's own install is the slow step; merged, a chmod edit would rerun it.
      name: "nor a plain step with the project's own install from its sources",
      code: 'FROM python:3.12-slim\nWORKDIR /app\nCOPY . .\nRUN chmod 777 /resources/docker-entrypoint.sh\nRUN uv pip install --system .\nCMD ["app"]\n',
    },
    { name: "nor an unrelated step with the install after it", code: "FROM python:3.12-slim\nRUN useradd app\nRUN pip install --no-cache-dir flask\n" },
    "FROM alpine:3.20\nRUN mkdir /a\nWORKDIR /a\nRUN mkdir b\n",
    {
      // Held-out BD, OctopusTentacle: the image's shell is not in the file (cmd by default, where
      // `setx` sets PATH only for later RUNs' processes).
      name: "a Windows image of another publisher with no SHELL in the file: its shell is not known",
      code: 'FROM octopusdeploy/tool-containers/windowsservercore\nRUN setx path "%path%;C:\\Program Files\\Octopus Deploy\\Tentacle"\nRUN Tentacle create-instance --console --instance Tentacle\n',
    },
    {
      // zeek's ci/windows: '&&' is no PowerShell 5 operator, so the advice would break the build.
      name: "never under a PowerShell SHELL",
      code: 'FROM mcr.microsoft.com/windows/servercore:ltsc2022\nSHELL ["powershell", "-Command"]\nRUN New-Item -ItemType Directory C:/a\nRUN New-Item -ItemType Directory C:/b\n',
    },
    {
      name: "cmd's setx sets the variable for later RUNs only",
      code: 'FROM mcr.microsoft.com/windows/servercore:ltsc2022\nRUN setx /M PATH "%PATH%;C:\\tools"\nRUN tool init C:\\data\n',
    },
    { name: "nor under cmd", code: 'FROM mcr.microsoft.com/windows/servercore:ltsc2022\nSHELL ["cmd", "/S", "/C"]\nRUN mkdir C:\\a\nRUN mkdir C:\\b\n' },
    {
      // celery's per-interpreter installs, each commented as split for memory and caching.
      name: "a comment above the RUNs says they are split on purpose",
      code: 'FROM python:3.13\n# Split into separate RUN commands to reduce memory pressure\nRUN pip install -r a.txt\nRUN pip install -r b.txt\nCMD ["app"]\n',
    },
    {
      name: "tiny layers in a build environment with a JDK and no command, which no workflow publishes",
      code: "FROM ubuntu:noble\nRUN apt-get update && apt-get install -y --no-install-recommends openjdk-17-jdk-headless && rm -rf /var/lib/apt/lists/*\nRUN echo a >> /root/settings.tres\nRUN echo b >> /root/settings.tres\n",
    },
    {
      name: "tiny layers in a development image (by its path)",
      code: 'FROM debian:12\nRUN mkdir /work\nRUN chmod 777 /work\nCMD ["app"]\n',
      context: { dockerfilePath: ".devcontainer/Dockerfile" },
    },
    { name: "tiny layers in an interactive toolbox image", code: 'FROM debian:12\nRUN mkdir /work\nRUN chmod 777 /work\nCMD ["bash"]\n' },
    { name: "chained commands were split on purpose", code: "FROM debian:12\nRUN apt-get update && apt-get install -y curl\nRUN curl --version\n" },
    {
      name: "different mounts cannot be merged",
      code: "FROM alpine:3.20\nRUN --mount=type=secret,id=a sha256sum /run/secrets/a\nRUN sha256sum /etc/os-release\n",
    },
    {
      name: "builder stages never ship their layers",
      code: "FROM golang:1.22 AS build\nRUN go env\nRUN go build -o /app .\nFROM scratch\nCOPY --from=build /app /app\n",
    },
    { name: "ONBUILD triggers are not RUNs of this image", code: "FROM alpine:3.20\nONBUILD RUN touch a\nONBUILD RUN touch b\n" },
    { name: "suppressed by hadolint's DL3059 pragma", code: "FROM alpine:3.20\nRUN touch a\n# hadolint ignore=DL3059\nRUN touch b\n" },
    {
      name: "an account, then a non-recursive chown of the WORKDIR it lives in: one inode, no bytes saved",
      code: 'FROM debian:12-slim\nWORKDIR "/srv"\nRUN useradd --uid 1000 --home /srv svc\nRUN chown svc /srv\nCMD ["/srv/bin/server"]\n',
    },
    {
      name: "two in-place edits of different small config files",
      code: "FROM php:8.3-fpm-alpine\nRUN sed -i 's/listen = /;listen = /' /usr/local/etc/php-fpm.d/www.conf\nRUN sed -i 's/listen = 9000/listen = \\/run\\/php.sock/' /usr/local/etc/php-fpm.d/zz-docker.conf\nCMD [\"php-fpm\"]\n",
    },
  ],
});
