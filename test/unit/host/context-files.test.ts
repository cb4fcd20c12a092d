import * as assert from "assert";
import { join } from "path";
import { pathToFileURL } from "url";
import { composeMountsSource, copiedContextPaths, readComposeSourceMount, readCopiedFiles, repositoryPath } from "../../../server/src/host/context-files";
import { FolderReader } from "../../../server/src/host/folder-reader";
import { readBuildContext } from "../../../server/src/host/node-context";
import { TempProjects } from "../../support/temp-project";

describe("host/context-files: what the host reads for the final-image rules", () => {
  const projects = new TempProjects("stagecraft-context-files");
  after(() => projects.dispose());

  it("gives the Dockerfile's path from the repository root, or its name outside a repository", async () => {
    const repo = projects.create({ ".git/HEAD": "ref: refs/heads/main\n", ".devcontainer/Dockerfile": "FROM debian\n" });
    assert.strictEqual(await repositoryPath(join(repo, ".devcontainer", "Dockerfile")), ".devcontainer/Dockerfile");
    const loose = projects.create({ "docker/Dockerfile.dev": "FROM debian\n" });
    assert.strictEqual(await repositoryPath(join(loose, "docker", "Dockerfile.dev")), "Dockerfile.dev");
  });

  it("lists plain context sources of COPY and ADD, not stages, URLs, wildcards or variables", () => {
    const text = [
      "FROM debian",
      "COPY ./docker-entrypoint.sh /usr/local/bin/",
      'COPY ["conf/uwsgi.ini", "/etc/uwsgi.ini"]',
      "COPY --from=build /out /out",
      "ADD https://example.com/x.tgz /x",
      "COPY *.sh $DIR/ /scripts/",
      "COPY ../outside.sh /x",
    ].join("\n");
    assert.deepStrictEqual(copiedContextPaths(text), ["docker-entrypoint.sh", "conf/uwsgi.ini"]);
  });

  it("reads a source written from the context root (`/apt/vendor.list`) as the context's file, and leaves folders out", () => {
    assert.deepStrictEqual(copiedContextPaths("FROM debian\nCOPY /apt/vendor.list ./rootfs/ / /etc/apt/sources.list.d/\n"), ["apt/vendor.list"]);
  });

  it("counts a RUN's bind mount of a context file as a copy of it, not one from another stage", () => {
    const text =
      "FROM python:3.12\nRUN --mount=type=cache,target=/root/.cache --mount=type=bind,source=pyproject.toml,target=pyproject.toml --mount=type=bind,from=web,source=/dist,target=/dist uv sync\n";
    assert.deepStrictEqual(copiedContextPaths(text), ["pyproject.toml"]);
  });

  it("reads the small scripts and configs the Dockerfile copies, and the root package.json", async () => {
    const dir = projects.create({
      Dockerfile: "FROM node\nCOPY entrypoint.sh /e.sh\nCOPY big.sh /b.sh\nCOPY src/index.js /app/\n",
      "entrypoint.sh": '#!/bin/sh\nexec gosu node "$@"\n',
      "big.sh": "#".repeat(70 * 1024),
      "src/index.js": "console.log(1)\n",
      "package.json": '{ "dependencies": {} }',
    });
    const files = await readCopiedFiles(dir, "FROM node\nCOPY entrypoint.sh /e.sh\nCOPY big.sh /b.sh\nCOPY src/index.js /app/\n");
    assert.deepStrictEqual(Object.keys(files).sort(), ["entrypoint.sh", "package.json"]);
    assert.match(files["entrypoint.sh"], /exec gosu/);
  });

  it("reads a script a RUN runs by its path in the image after a folder copy brought it, not the folder's other files", async () => {
    // Held-out BA, legendu-net: `COPY scripts /scripts`, then `RUN ... && /scripts/sys/purge_cache.sh`.
    const dockerfile = "FROM ubuntu:24.04\nCOPY scripts /scripts\nRUN apt-get update && apt-get install -y curl && /scripts/sys/purge_cache.sh\n";
    const dir = projects.create({
      Dockerfile: dockerfile,
      "scripts/sys/purge_cache.sh": "#!/bin/bash\nrm -rf /var/lib/apt/lists/*\n",
      "scripts/sys/other.txt": "notes\n",
    });
    const files = await readCopiedFiles(dir, dockerfile);
    assert.deepStrictEqual(Object.keys(files).sort(), ["scripts/sys/purge_cache.sh"]);
  });

  it("reads the package.json and bundler config where a Node install runs in a folder copied by a dotted name", async () => {
    // Held-out CJ, ryanwallace.cloud: `ADD ryanwallace.cloud .`, then `WORKDIR /build/map` and pnpm's
    // install; its vite.config.ts makes `MT_` public (var-secret judged wrong without it).
    const dockerfile = "FROM node:24\nWORKDIR /build\nADD ryanwallace.cloud .\nWORKDIR /build/map\nARG MT_KEY\nRUN pnpm install && pnpm build\n";
    const dir = projects.create({
      Dockerfile: dockerfile,
      "ryanwallace.cloud/map/package.json": '{"name":"map"}\n',
      "ryanwallace.cloud/map/vite.config.ts": "export default { envPrefix: ['VITE_', 'MT_'] };\n",
      "ryanwallace.cloud/hugo.toml": "title = 'x'\n",
    });
    const files = await readCopiedFiles(dir, dockerfile, undefined, ["Dockerfile", "ryanwallace.cloud/"]);
    assert.deepStrictEqual(Object.keys(files).sort(), ["ryanwallace.cloud/map/package.json", "ryanwallace.cloud/map/vite.config.ts"]);
  });

  it("reads the settings file Maven is given and the .npmrc npm reads where it runs, the config files they take variables through", async () => {
    // Held-out BF, stephub-io/provider-java-utils: `mvn $goal -s build/settings.xml` after `COPY . ./`.
    const dockerfile =
      "FROM maven:3.9-eclipse-temurin-21\nWORKDIR /workspace\nCOPY . ./\nRUN mvn deploy -s build/settings.xml\nFROM node:24-slim\nWORKDIR /web\nCOPY web/ .\nRUN npm ci\n";
    const dir = projects.create({
      Dockerfile: dockerfile,
      "build/settings.xml": "<settings><servers><server><password>${env.REPO_PASSWORD}</password></server></servers></settings>\n",
      "build/other.xml": "<x/>\n",
      "web/.npmrc": "//registry.npmjs.org/:_authToken=${NPM_TOKEN}\n",
    });
    const files = await readCopiedFiles(dir, dockerfile);
    assert.ok(files["build/settings.xml"]?.includes("${env.REPO_PASSWORD}"));
    assert.ok(files["web/.npmrc"]?.includes("${NPM_TOKEN}"));
    assert.strictEqual(files["build/other.xml"], undefined);
  });

  it("reads the JavaScript file the start runs with node through package.json's scripts", async () => {
    // Held-out BB, node-bulletin-board: `CMD ["npm", "start"]`, whose script is `node server.js`.
    const dockerfile = 'FROM node:22-slim\nWORKDIR /app\nCOPY package.json .\nRUN npm install\nCOPY . .\nCMD ["npm", "start"]\n';
    const dir = projects.create({
      Dockerfile: dockerfile,
      "package.json": '{ "scripts": { "start": "node server.js" }, "devDependencies": { "body-parser": "1.0.0" } }',
      "server.js": "const bodyParser = require('body-parser');\n",
      "app.js": "console.log(1)\n",
    });
    const files = await readCopiedFiles(dir, dockerfile);
    assert.deepStrictEqual(Object.keys(files).sort(), ["package.json", "server.js"]);
  });

  it("reads the Python module the start runs, not the project's other modules", async () => {
    // Held-out CU, Pastey: `CMD ["python3", "app.py"]`, whose imports decide a move past Python 3.12.
    const dockerfile = 'FROM python:3.8-slim\nWORKDIR /app\nCOPY . /app/\nCMD ["python3", "app.py"]\n';
    const dir = projects.create({ Dockerfile: dockerfile, "app.py": "from distutils.util import strtobool\n", "worker.py": "import os\n" });
    const files = await readCopiedFiles(dir, dockerfile);
    assert.deepStrictEqual(Object.keys(files).sort(), ["app.py"]);
  });

  it("reads the programs copied into a bin folder under names that do not say script, not other such files", async () => {
    const dockerfile = "FROM ubuntu:24.04\nCOPY r-check /usr/local/bin\nCOPY tools/image /bin/image\nCOPY NOTICE /usr/share/doc/app/\n";
    const dir = projects.create({
      Dockerfile: dockerfile,
      "r-check": "#!/bin/bash\nR CMD check $1\n",
      "tools/image": "#!/bin/bash\ncmake --build /build\n",
      NOTICE: "Copyright\n",
    });
    const files = await readCopiedFiles(dir, dockerfile);
    assert.deepStrictEqual(Object.keys(files).sort(), ["r-check", "tools/image"]);
  });

  it("reads the requirement files pip's files include, and long hash-pinned ones", async () => {
    // Held-out AR: indok-web's production.txt includes base.txt; akvo-rsr's hash-pinned file is 120 KB.
    const text = "FROM python:3.9-slim\nWORKDIR /app\nCOPY requirements ./requirements\nRUN pip install -r requirements/prod.txt -r requirements/hashed.txt\n";
    const hashed = `numpy==1.24.4 \\\n${"    --hash=sha256:0123456789abcdef0123456789abcdef0123456789abcdef0123456789abcdef \\\n".repeat(1500)}`;
    const dir = projects.create({
      Dockerfile: text,
      "requirements/prod.txt": "-r base.txt\n",
      "requirements/base.txt": "-c constraints.txt\nDjango==3.2.25\n",
      "requirements/constraints.txt": "numpy<2\n",
      "requirements/hashed.txt": hashed,
    });
    const files = await readCopiedFiles(dir, text);
    assert.deepStrictEqual(
      Object.keys(files)
        .filter((p) => p.startsWith("requirements/"))
        .sort(),
      ["requirements/base.txt", "requirements/constraints.txt", "requirements/hashed.txt", "requirements/prod.txt"],
    );
  });

  it("reads the start hooks in a copied folder that an entry point runs every file of", async () => {
    // Held-out AQ, lancachenet/monolithic: `COPY overlay/ /`, its base's entry point runs /hooks/entrypoint-pre.d/*.
    const text = "FROM lancachenet/ubuntu-nginx:latest\nCOPY overlay/ /\n";
    const dir = projects.create({
      Dockerfile: text,
      "overlay/hooks/entrypoint-pre.d/15_generate_maps.sh": 'export GIT_SSH_COMMAND="ssh -o StrictHostKeyChecking=no"\n',
      "overlay/docker-entrypoint.d/20-envsubst.sh": "envsubst < /t > /etc/nginx/conf.d/default.conf\n",
      "overlay/etc/nginx/nginx.conf.d/readme": "not a hook\n",
    });
    const files = await readCopiedFiles(dir, text);
    assert.deepStrictEqual(
      Object.keys(files)
        .filter((p) => p.startsWith("overlay/"))
        .sort(),
      ["overlay/docker-entrypoint.d/20-envsubst.sh", "overlay/hooks/entrypoint-pre.d/15_generate_maps.sh"],
    );
  });

  it("reads the scripts the entry script sources, under the path the ENV names, and those they source in turn", async () => {
    const text =
      'FROM ruby:3.3-slim\nENV ASSETS=/etc/app\nCOPY assets/runtime/ ${ASSETS}/runtime/\nCOPY entrypoint.sh /sbin/entrypoint.sh\nENTRYPOINT ["/sbin/entrypoint.sh"]\n';
    const dir = projects.create({
      Dockerfile: text,
      "entrypoint.sh": "#!/bin/bash\nsource ${ASSETS}/runtime/functions\ninstall_plugins\n",
      "assets/runtime/functions": "#!/bin/bash\n. ${ASSETS}/runtime/env-defaults\ninstall_plugins() { bundle install; }\n",
      "assets/runtime/env-defaults": "APP_USER=${APP_USER:-app}\n",
      // Neither sourced nor a script the start names: not read.
      "assets/runtime/notes": "not read\n",
    });
    const files = await readCopiedFiles(dir, text);
    assert.deepStrictEqual(Object.keys(files).sort(), ["assets/runtime/env-defaults", "assets/runtime/functions", "entrypoint.sh"]);
  });

  it("reads the scripts the start path runs by their path in the image, round after round", async () => {
    // Held-out CA, PhasecoreX/docker-red-discordbot: `COPY root/ /`, the CMD's script sources a loop
    // that runs /app/functions/update-redbot.sh, which pip-installs the bot at every start.
    const text = 'FROM python:3.11-slim\nCOPY root/ /\nCMD ["/app/start.sh"]\n';
    const dir = projects.create({
      Dockerfile: text,
      "root/app/start.sh": "#!/bin/sh\n. /app/functions/main-loop.sh\n",
      "root/app/functions/main-loop.sh": "while true; do\n    /app/functions/update.sh\n    python -m redbot\ndone\n",
      "root/app/functions/update.sh": "#!/bin/sh\n/app/functions/pip-step.sh\n",
      "root/app/functions/pip-step.sh": "python -m pip install --upgrade Red-DiscordBot\n",
      // Run by nothing on the start path: not read.
      "root/app/functions/backup.sh": "tar czf /data/backup.tgz /data\n",
    });
    const files = await readCopiedFiles(dir, text);
    assert.deepStrictEqual(
      Object.keys(files)
        .filter((p) => p.startsWith("root/"))
        .sort(),
      ["root/app/functions/main-loop.sh", "root/app/functions/pip-step.sh", "root/app/functions/update.sh", "root/app/start.sh"],
    );
  });

  it("reads the manifests Node and Composer installs read where they run, however deep, not those of other folders", async () => {
    const text =
      "FROM php:8-apache\nWORKDIR /var/www/html\nCOPY . .\nRUN cd /var/www/html/modules/api && composer install\nWORKDIR /var/www/html/tools/web/ui\nRUN npm install\n";
    const dir = projects.create({
      Dockerfile: text,
      "modules/api/composer.json": '{ "require": { "monolog/monolog": "^3.0" } }',
      "modules/api/composer.lock": '{ "packages": [], "packages-dev": [] }',
      "tools/web/ui/package.json": '{ "dependencies": { "express": "^4.0.0" } }',
      // No install runs in these folders: not read.
      "modules/admin/composer.json": '{ "require-dev": { "phpunit/phpunit": "^11" } }',
      "tools/web/other/package.json": '{ "devDependencies": { "jest": "^29.0.0" } }',
    });
    const files = await readCopiedFiles(dir, text);
    assert.deepStrictEqual(Object.keys(files).sort(), ["modules/api/composer.json", "modules/api/composer.lock", "tools/web/ui/package.json"]);
  });

  it("reads the service run files of supervisors inside the folders the Dockerfile copies", async () => {
    const text = "FROM alpine\nCOPY deploy ./deploy\nCOPY rootfs/ /\nCOPY . /src\n";
    const dir = projects.create({
      Dockerfile: text,
      "deploy/s6/web/run": "#!/bin/sh\nexec gosu app /app/web\n",
      "deploy/s6/web/finish": "#!/bin/sh\n",
      "rootfs/etc/services.d/worker/run": "#!/bin/sh\nexec s6-setuidgid app worker\n",
      "rootfs/etc/services.d/worker/notes.txt": "not a run file\n",
      // The whole context (`COPY . /src`) is not walked: only folders copied by name.
      "other/s6/db/run": "#!/bin/sh\nexec postgres\n",
    });
    const files = await readCopiedFiles(dir, text);
    assert.deepStrictEqual(Object.keys(files).sort(), ["deploy/s6/web/run", "rootfs/etc/services.d/worker/run"]);
  });

  it("reads supervisord's configs inside the folders the Dockerfile copies, not other configs there", async () => {
    const text = "FROM debian:12-slim\nCOPY files/ /\n";
    const dir = projects.create({
      Dockerfile: text,
      "files/etc/supervisor/supervisord.conf": "[supervisord]\nnodaemon=true\n[include]\nfiles = /etc/supervisor/conf.d/*.conf\n",
      "files/etc/supervisor/conf.d/20-jobs.conf": "[program:jobs]\ncommand=/srv/bin/jobs\nuser=www-data\n",
      "files/etc/nginx/sites-available/site.conf": "server { listen 80; }\n",
    });
    const files = await readCopiedFiles(dir, text);
    assert.deepStrictEqual(
      Object.keys(files)
        .filter((p) => p !== "package.json")
        .sort(),
      ["files/etc/supervisor/conf.d/20-jobs.conf", "files/etc/supervisor/supervisord.conf"],
    );
  });

  it("reads the apt configuration parts the Dockerfile copies into /etc/apt, named without an extension", async () => {
    const text = "FROM debian:12-slim\nCOPY build/01slim /etc/apt/apt.conf.d/\nCOPY build/notes /opt/notes\n";
    const dir = projects.create({ Dockerfile: text, "build/01slim": 'APT::Install-Recommends "0";\n', "build/notes": "release notes\n" });
    const files = await readCopiedFiles(dir, text);
    assert.deepStrictEqual(Object.keys(files).sort(), ["build/01slim"]);
  });

  it("reads the apt source lists the Dockerfile copies (one-line .list, deb822 .sources)", async () => {
    const text = "FROM ubuntu:bionic\nCOPY apt/vendor.list apt/extra.sources /etc/apt/sources.list.d/\nCOPY docs/notes.txt /srv/\n";
    const dir = projects.create({
      Dockerfile: text,
      "apt/vendor.list": "deb https://pkgs.example.com/ubuntu bionic main\n",
      "apt/extra.sources": "Types: deb\nSuites: bionic\n",
      "docs/notes.txt": "notes\n",
    });
    const files = await readCopiedFiles(dir, text);
    assert.deepStrictEqual(Object.keys(files).sort(), ["apt/extra.sources", "apt/vendor.list"]);
  });

  it("reads a copied file without a telling name when the start command runs it", async () => {
    const text = 'FROM alpine\nCOPY svc_launch /usr/local/bin\nCOPY notes /opt/notes\nENTRYPOINT ["/usr/local/bin/svc_launch"]\n';
    const dir = projects.create({ Dockerfile: text, svc_launch: "#!/bin/sh\nexec /init\n", notes: "release notes\n" });
    const files = await readCopiedFiles(dir, text);
    assert.deepStrictEqual(Object.keys(files).sort(), ["svc_launch"]);
  });

  it("reads a copied script without a telling name when a RUN runs it by path", async () => {
    const text = "FROM debian\nCOPY tools/setup_runtime /tmp/setup_runtime\nCOPY tools/notes /tmp/notes\nRUN /tmp/setup_runtime 22 && cat /tmp/notes\n";
    const dir = projects.create({
      Dockerfile: text,
      "tools/setup_runtime": "#!/usr/bin/env bash\ngpg --recv-keys 0123\n",
      // Copied but only read by a command found on PATH: not a program the RUN runs.
      "tools/notes": "release notes\n",
    });
    const files = await readCopiedFiles(dir, text);
    assert.deepStrictEqual(Object.keys(files).sort(), ["tools/setup_runtime"]);
  });

  it("reads the requirement files pip installs, copied under another name from a deep folder, not other copied text files", async () => {
    const text =
      "FROM python:3.12 AS build\nWORKDIR /app/\nCOPY ./packages/server/requires.txt ./server_requires.txt\nCOPY docs/notes.txt /srv/\n" +
      "RUN pip install --no-cache-dir -r ./server_requires.txt\n";
    const dir = projects.create({ Dockerfile: text, "packages/server/requires.txt": "pygit2>=1.14.1,<1.15\n", "docs/notes.txt": "notes\n" });
    const files = await readCopiedFiles(dir, text);
    assert.deepStrictEqual(Object.keys(files).sort(), ["packages/server/requires.txt"]);
  });

  it("reads the requirement file a pip install names through the stage's ARG default", async () => {
    // Held-out AX, uobtheatre-api (cookiecutter-django): `pip wheel -r ${BUILD_ENVIRONMENT}.txt`.
    const text =
      "FROM python:3.10-slim AS build\nARG BUILD_ENVIRONMENT=production\nWORKDIR /app\nCOPY ./requirements .\nRUN pip wheel --wheel-dir /wheels -r ${BUILD_ENVIRONMENT}.txt\n";
    const dir = projects.create({ Dockerfile: text, "requirements/production.txt": "gunicorn==23.0.0\n", "requirements/local.txt": "pytest\n" });
    const files = await readCopiedFiles(dir, text);
    assert.deepStrictEqual(Object.keys(files).sort(), ["requirements/production.txt"]);
  });

  it("reads the entry script the start command names when a folder copy brings it", async () => {
    const text = 'FROM python:3.12-slim\nCOPY app/ /opt/app/webapp\nCMD ["/opt/app/webapp/startup"]\n';
    const dir = projects.create({
      Dockerfile: text,
      "app/startup": "#!/bin/bash\nexec supervisord\n",
      // Named like no word of the start command: not read.
      "app/other": "#!/bin/bash\n",
    });
    const files = await readCopiedFiles(dir, text);
    assert.deepStrictEqual(Object.keys(files).sort(), ["app/startup"]);
  });

  it("reads the entry script a build stage copied with the whole context, and a CMD set before ENTRYPOINT", async () => {
    const text =
      "FROM eclipse-temurin:17 AS build\nWORKDIR /usr/src\nCOPY . .\nFROM eclipse-temurin:17-jre\n" +
      'COPY --from=build /usr/src/build/docker/entrypoint.sh /sbin/entrypoint.sh\nCMD ["/sbin/entrypoint.sh"]\nENTRYPOINT ["/tini", "--"]\n';
    const dir = projects.create({ Dockerfile: text, "build/docker/entrypoint.sh": "#!/bin/bash\nexec start-stop-daemon --start --chuid app\n" });
    const files = await readCopiedFiles(dir, text);
    assert.deepStrictEqual(Object.keys(files).sort(), ["build/docker/entrypoint.sh"]);
  });

  it("reads the entry scripts the start command names relative to WORKDIR, brought by a stage that copied the whole context", async () => {
    const text =
      "FROM python:3.12 AS build\nCOPY . /srv/site\nFROM python:3.12-slim\nCOPY --from=build /srv /srv\nWORKDIR /srv/site\n" +
      'ENTRYPOINT ["./ops/entry.sh"]\nCMD ["ops/serve.sh", "--port", "80"]\n';
    const dir = projects.create({
      Dockerfile: text,
      "ops/entry.sh": '#!/bin/sh\nexec "$@"\n',
      "ops/serve.sh": "#!/bin/sh\nexec supervisord\n",
      "ops/other.sh": "#!/bin/sh\n",
    });
    const files = await readCopiedFiles(dir, text);
    assert.deepStrictEqual(Object.keys(files).sort(), ["ops/entry.sh", "ops/serve.sh"]);
  });

  it("lists only the copied folders the context holds: thousands of absent sources cost no listing each", async () => {
    const absent = Array.from({ length: 5_000 }, (_, i) => `COPY generated-${i}.txt ./`);
    const text = ["FROM alpine", ...absent, "COPY deploy ./deploy", ""].join("\n");
    const dir = projects.create({ Dockerfile: text, "deploy/s6/web/run": "#!/bin/sh\nexec gosu app /app/web\n" });
    const reader = new FolderReader({ sync: true });
    const listed = new Set<string>();
    const list = reader.list.bind(reader);
    reader.list = (folder) => {
      listed.add(folder);
      return list(folder);
    };
    const files = await readCopiedFiles(dir, text, reader);
    assert.deepStrictEqual(Object.keys(files), ["deploy/s6/web/run"]);
    // The context's parent and root, then deploy and the folders below it: not one per absent path.
    assert.ok(listed.size < 10, `${listed.size} folders listed`);
  });

  it("recognises a compose service that builds the Dockerfile and bind-mounts the sources", () => {
    const root = "/repo";
    const dev = "services:\n  php:\n    build:\n      context: .\n      dockerfile: ./data/infra/php.Dockerfile\n    volumes:\n      - ./:/home/app/www\n";
    assert.strictEqual(composeMountsSource(dev, root, "/repo/data/infra/php.Dockerfile"), true);
    assert.strictEqual(composeMountsSource("services:\n  web:\n    build: .\n    volumes:\n      - .:/usr/src/app\n", root, "/repo/Dockerfile"), true);
    // Another Dockerfile, a named volume, a data folder, or no mount at all: not a development service.
    assert.strictEqual(composeMountsSource(dev, root, "/repo/Dockerfile"), false);
    assert.strictEqual(composeMountsSource("services:\n  web:\n    build: .\n    volumes:\n      - data:/data\n", root, "/repo/Dockerfile"), false);
    assert.strictEqual(composeMountsSource("services:\n  web:\n    build: .\n    volumes:\n      - ./data:/data\n", root, "/repo/Dockerfile"), false);
    assert.strictEqual(composeMountsSource("services: [\n", root, "/repo/Dockerfile"), false);
  });

  it("reads the target a source-mounting service builds, a variable's default included (ministryofjustice/cla_backend)", async () => {
    const compose = "services:\n  app:\n    build:\n      context: .\n      target: ${ENVIRONMENT:-development}\n    volumes:\n      - .:/home/app\n";
    const root = projects.create({ ".git/HEAD": "", "docker-compose.yaml": compose, Dockerfile: "FROM alpine:3.22 AS base\n" });
    assert.deepStrictEqual(await readComposeSourceMount(join(root, "Dockerfile")), { whole: false, targets: ["development"] });
    const unknown = projects.create({
      ".git/HEAD": "",
      "docker-compose.yaml": compose.replace("${ENVIRONMENT:-development}", "${ENVIRONMENT}"),
      Dockerfile: "FROM alpine:3.22\n",
    });
    assert.deepStrictEqual(await readComposeSourceMount(join(unknown, "Dockerfile")), { whole: true, targets: [] });
  });

  it("reads a lower-case `dockerfile` as what `build: .` builds when the folder has no `Dockerfile`", async () => {
    const compose = "services:\n  app:\n    build: .\n    volumes:\n      - .:/petrescue\n";
    const alone = projects.create({ ".git/HEAD": "", "docker-compose.yml": compose, dockerfile: "FROM ruby:3.3\n" });
    assert.strictEqual((await readComposeSourceMount(join(alone, "dockerfile"))).whole, true);
    // Beside a `Dockerfile`, the build reads that one.
    const both = projects.create({ ".git/HEAD": "", "docker-compose.yml": compose, dockerfile: "FROM ruby:3.3\n", Dockerfile: "FROM ruby:3.3\n" });
    assert.strictEqual((await readComposeSourceMount(join(both, "dockerfile"))).whole, false);
    assert.strictEqual((await readComposeSourceMount(join(both, "Dockerfile"))).whole, true);
    // Named in the service, only the named file is built.
    assert.strictEqual(composeMountsSource("services:\n  app:\n    build: .\n    volumes:\n      - .:/app\n", "/repo", "/repo/dockerfile"), false);
    assert.strictEqual(composeMountsSource("services:\n  app:\n    build: .\n    volumes:\n      - .:/app\n", "/repo", "/repo/dockerfile", "dockerfile"), true);
  });

  it("reads a service that extends one of another file, as compose merges them (held-out CO, cabot)", async () => {
    const base = "version: '2'\nservices:\n  base:\n    build: .\n    image: cabot:web\n    volumes:\n     - .:/code\n";
    const web =
      "version: '2'\nservices:\n  web:\n    extends:\n      file: docker-compose-base.yml\n      service: base\n    command: python manage.py runserver\n";
    const root = projects.create({ ".git/HEAD": "", "docker-compose-base.yml": base, "docker-compose.yml": web, Dockerfile: "FROM node:4-alpine\n" });
    assert.deepStrictEqual(await readComposeSourceMount(join(root, "Dockerfile")), { whole: true, targets: [] });
    // A base in another folder would resolve its relative paths from there: not followed.
    const elsewhere = projects.create({
      ".git/HEAD": "",
      "compose/base.yml": base,
      "docker-compose.yml": web.replace("docker-compose-base.yml", "compose/base.yml"),
      Dockerfile: "FROM node:4-alpine\n",
    });
    assert.deepStrictEqual(await readComposeSourceMount(join(elsewhere, "Dockerfile")), { whole: false, targets: [] });
  });

  it("finds the compose file above the Dockerfile, up to the repository root", async () => {
    const dir = projects.create({
      ".git/HEAD": "",
      "docker-compose.yml": "services:\n  app:\n    build:\n      context: .\n      dockerfile: docker/Dockerfile\n    volumes:\n      - .:/app\n",
      "docker/Dockerfile": "FROM python:3.12\n",
    });
    assert.strictEqual((await readComposeSourceMount(join(dir, "docker", "Dockerfile"))).whole, true);
    const facts = await readBuildContext(pathToFileURL(join(dir, "docker", "Dockerfile")).href);
    assert.strictEqual(facts.dockerfilePath, "docker/Dockerfile");
    assert.strictEqual(facts.composeSourceMount, true);
  });
  it("names the other Dockerfiles in the Dockerfile's folder, and none when it is alone", async () => {
    const dir = projects.create({
      ".git/HEAD": "",
      "scraper/dev/docker/Dockerfile.base": "FROM ubuntu:18.04\n",
      "scraper/dev/docker/Dockerfile": "FROM base\n",
      "scraper/dev/docker/Dockerfile.dev": "FROM base\n",
      "scraper/dev/docker/Dockerfile.dockerignore": "",
      "scraper/dev/docker/notes.md": "",
      "solo/Dockerfile": "FROM alpine:3.22\n",
    });
    const facts = await readBuildContext(pathToFileURL(join(dir, "scraper", "dev", "docker", "Dockerfile.base")).href);
    assert.deepStrictEqual(facts.siblingDockerfiles, ["Dockerfile", "Dockerfile.dev"]);
    assert.strictEqual((await readBuildContext(pathToFileURL(join(dir, "solo", "Dockerfile")).href)).siblingDockerfiles, undefined);
  });

  it("reads a manifest copied by a bare name from the repository root when the Dockerfile's folder lacks it", async () => {
    const dir = projects.create({
      ".git/HEAD": "ref: refs/heads/main\n",
      "pyproject.toml": '[project]\nname = "svc"\n',
      "package.json": '{"name": "root"}',
      "deploy/cpu/Dockerfile": "FROM python:3.12\nCOPY pyproject.toml ./\nRUN pip install .\n",
      "deploy/cpu/notes.txt": "",
    });
    const facts = await readBuildContext(pathToFileURL(join(dir, "deploy", "cpu", "Dockerfile")).href);
    assert.strictEqual(facts.files?.["pyproject.toml"], '[project]\nname = "svc"\n');
    // Not copied by the Dockerfile: the root's package.json stays unread.
    assert.strictEqual(facts.files?.["package.json"], undefined);
  });

  it("reads no file above the context, whatever path the Dockerfile names (`COPY ../outside/package.json`)", async () => {
    const dir = projects.create({
      "outside/package.json": '{"name": "outside"}',
      "proj/Dockerfile": "FROM node:22-slim\nWORKDIR /app\nCOPY ../outside/package.json ./\nRUN npm install\nCOPY . .\n",
      "proj/package.json": '{"name": "proj", "devDependencies": {"jest": "^29.0.0"}}',
    });
    const facts = await readBuildContext(pathToFileURL(join(dir, "proj", "Dockerfile")).href);
    assert.deepStrictEqual(
      Object.keys(facts.files ?? {}).filter((path) => path.includes("..")),
      [],
    );
  });

  it("keeps the folder's own file for a bare name the folder holds", async () => {
    const dir = projects.create({
      ".git/HEAD": "ref: refs/heads/main\n",
      "pyproject.toml": '[project]\nname = "root"\n',
      "svc/pyproject.toml": '[project]\nname = "svc"\n',
      "svc/Dockerfile": "FROM python:3.12\nCOPY pyproject.toml ./\n",
    });
    const facts = await readBuildContext(pathToFileURL(join(dir, "svc", "Dockerfile")).href);
    assert.strictEqual(facts.files?.["pyproject.toml"], '[project]\nname = "svc"\n');
  });

  it("reads entry scripts named without an extension one folder down (docker-bin/uid_entrypoint)", async () => {
    const dir = projects.create({
      ".git/HEAD": "ref: refs/heads/main\n",
      Dockerfile: 'FROM node:20-alpine\nCOPY . /app\nENTRYPOINT ["uid_entrypoint"]\n',
      "docker-bin/uid_entrypoint": '#!/bin/sh\nexec dumb-init -- "$@"\n',
    });
    const facts = await readBuildContext(pathToFileURL(join(dir, "Dockerfile")).href);
    assert.strictEqual(facts.files?.["docker-bin/uid_entrypoint"], '#!/bin/sh\nexec dumb-init -- "$@"\n');
  });
});
