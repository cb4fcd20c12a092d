import { rule } from "../../../server/src/rules/layer-chown-after-copy";
import { testRule } from "../../support/rule-tester";

testRule(rule, {
  fires: [
    {
      // Held-out CR, NewTon: a rename and a removal in the web root, other copies and a script's chmod in between.
      name: "RUNs between the COPY and the chown that only rename, remove or chmod other files",
      code: 'FROM php:8.2-fpm-alpine\nCOPY . /var/www/html/\nRUN mv /var/www/html/tournament.html /var/www/html/tournament.php\nRUN rm -rf /var/www/html/docker\nCOPY docker/entrypoint.sh /entrypoint.sh\nRUN chmod +x /entrypoint.sh\nRUN mkdir -p /var/www/html/tournaments\nRUN chown -R www-data:www-data /var/www/html\nENTRYPOINT ["/entrypoint.sh"]\n',
      // The folder made inside it (tournaments/) needs the owner too: "chown the rest", not "without -R".
      messageId: "chownParentAfterCopy",
      line: 8,
      data: { folder: "/var/www/html", line: 2, owner: "www-data:www-data" },
    },
    {
      // Held-out Q relabel, Ghostwriter: Django's static and media folders made beside the chown.
      name: "folders made inside the copied folder in the chown's RUN are named as the rest to chown",
      code: 'FROM python:3.12-slim\nRUN useradd django\nCOPY . /app\nRUN mkdir -p /app/staticfiles && mkdir -p /app/media && chown -R django /app\nUSER django\nCMD ["/start"]\n',
      messageId: "chownParentAfterCopy",
      line: 4,
      data: { folder: "/app", line: 3, owner: "django" },
    },
    {
      // Held-out CK, lido-oracle: the chown's RUN also cleans the package index.
      name: "a chown beside package-index cleanup and a find that only deletes",
      code: 'FROM python:3.12-slim\nWORKDIR /app\nCOPY . .\nRUN apt-get clean && find /var/lib/apt/lists/ -type f -delete && chown -R www-data /app/\nCMD ["python", "-m", "src.main"]\n',
      messageId: "chownAfterCopy",
      line: 4,
      token: "chown -R www-data /app/",
      data: { line: 3, owner: "www-data" },
    },
    {
      name: "a chown beside syntax checks of the copied sources",
      code: 'FROM perl:5.40-slim\nRUN useradd -m app\nWORKDIR /app\nCOPY . /app\nRUN chown -R app:app /app && perl -I/app -c /app/scripts/entrypoint.pl\nUSER app\nCMD ["perl", "/app/app.pl"]\n',
      messageId: "chownAfterCopy",
      line: 5,
      data: { line: 4, owner: "app:app" },
    },
    {
      // Held-out CR, GeneWeb: its home's folders and a config line made before the copy.
      name: "a folder above the copy that an earlier RUN only made folders and a small file in",
      code: 'FROM debian:bookworm-slim\nRUN adduser --system --group --home /home/geneweb geneweb\nWORKDIR /home/geneweb\nRUN mkdir -p bin etc log share/dist && echo "0.0.0.0" >> etc/gwsetup_only\nCOPY --from=ocaml/opam:debian /home/opam/distribution share/dist\nRUN touch log/gwd.log && chown -R geneweb:geneweb .\nUSER geneweb\nCMD ["/home/geneweb/bin/start.sh"]\n',
      messageId: "chownParentAfterCopy",
      line: 6,
      token: "chown -R geneweb:geneweb .",
      data: { folder: "/home/geneweb", line: 5, owner: "geneweb:geneweb" },
    },
    {
      // Held-out BC, minio/mc's release image: ADD by URL gives the download mode 600.
      name: "chmod +x of a release binary an ADD downloaded by URL",
      code: 'FROM registry.access.redhat.com/ubi9/ubi-micro:latest\nARG TARGETARCH\nARG RELEASE\nADD https://dl.minio.io/client/mc/release/linux-${TARGETARCH}/archive/mc.${RELEASE} /usr/bin/mc\nRUN chmod +x /usr/bin/mc\nENTRYPOINT ["mc"]\n',
      messageId: "chmodFileAfterAdd",
      data: { line: 4, file: "mc", mode: "755" },
    },
    {
      // Held-out BJ, docker-mc-proxy: missed. The URL starts with a build argument.
      name: "chmod +x of a release binary an ADD downloaded by a URL a build argument starts",
      code: "FROM eclipse-temurin:21-jre\nARG GITHUB_BASEURL=https://github.com\nARG EASY_ADD_VERSION=0.8.15\nADD ${GITHUB_BASEURL}/itzg/easy-add/releases/download/${EASY_ADD_VERSION}/easy-add_linux_amd64 /usr/bin/easy-add\nRUN chmod +x /usr/bin/easy-add\n",
      messageId: "chmodFileAfterAdd",
      data: { line: 4, file: "easy-add", mode: "755" },
    },
    {
      // Held-out BJ, homebox: missed. `/app` is a folder already, so the binary lands inside it.
      name: "chmod +x of a program copied into a folder an earlier RUN made, named without a trailing slash",
      code: 'FROM golang:1.24 AS builder\nRUN go build -o /go/bin/api ./app/api\nFROM alpine:3.22\nRUN mkdir /app\nCOPY --from=builder /go/bin/api /app\nRUN chmod +x /app/api\nCMD ["/app/api"]\n',
      messageId: "chmodFileAfterCopy",
      line: 6,
      data: { line: 5, file: "api", mode: "755" },
    },
    {
      name: "chmod +x of a program copied from an image's bin folder",
      code: "FROM alpine:3.22\nCOPY --from=minio/mc:RELEASE.2025-05-21T01-59-54Z /usr/bin/mc /usr/bin/mc\nRUN chmod +x /usr/bin/mc\n",
      messageId: "chmodFileAfterCopy",
      data: { line: 2, file: "mc", mode: "755" },
    },
    {
      name: "a recursive chmod before a recursive chown of the same copied folder: the chown is still reported, beside the chmod",
      code: 'FROM node:22-slim\nCOPY . /app\nRUN chmod -R 755 /app && chown -R node /app\nUSER node\nCMD ["node", "/app/index.js"]\n',
      messageId: "chownAfterCopy",
    },
    {
      name: "each program a RUN chmods after copying it from a stage is reported, past the chown and the wrapper script",
      code: 'FROM golang:1.24 AS builder\nWORKDIR /src\nRUN go build -o bin/semaphore ./cli\nFROM alpine:3.22\nCOPY --from=builder /src/server-wrapper /usr/local/bin/\nCOPY --from=builder /src/bin/semaphore /usr/local/bin/\nRUN chown -R app:0 /usr/local/bin/server-wrapper && chmod +x /usr/local/bin/server-wrapper && chown -R app:0 /usr/local/bin/semaphore && chmod +x /usr/local/bin/semaphore\nCMD ["server-wrapper"]\n',
      messageId: "chmodFileAfterCopy",
      data: { line: 6, file: "semaphore", mode: "755" },
    },
    {
      name: "a recursive chmod with an octal mode of the folder just copied: the suggestion moves the mode onto the COPY",
      code: 'FROM python:3.12-slim\nCOPY . /app/sickchill\nRUN chmod -R 777 /app/sickchill\nCMD ["python", "/app/sickchill/SickChill.py"]\n',
      messageId: "chmodAfterCopy",
      line: 3,
      data: { line: 2, mode: "777" },
      output: 'FROM python:3.12-slim\nCOPY --chmod=777 . /app/sickchill\nRUN chmod 777 /app/sickchill\nCMD ["python", "/app/sickchill/SickChill.py"]\n',
    },
    {
      name: "the mode before the recursion flag (chmod 775 -R)",
      code: 'FROM alpine:3.22\nWORKDIR /srv\nCOPY --from=build /out/release ./\nRUN chmod 775 -R /srv\nCMD ["/srv/bin/server"]\n',
      messageId: "chmodAfterCopy",
      data: { line: 3, mode: "775" },
    },
    {
      name: "chmod +x of a program just copied from a build stage",
      code: 'FROM golang:1.24 AS builder\nWORKDIR /build\nRUN go build -o wg-ui .\nFROM alpine:3.22\nCOPY --from=builder /build/wg-ui /app/\nRUN chmod +x /app/wg-ui\nCMD ["/app/wg-ui"]\n',
      messageId: "chmodFileAfterCopy",
      line: 6,
      data: { line: 5, file: "wg-ui", mode: "755" },
    },
    {
      name: "chmod +x of a program copied from a stage under a new name, by a path relative to the working directory",
      code: 'FROM rust:1.83 AS build\nWORKDIR /src\nRUN cargo build --release\nFROM debian:bookworm-slim\nWORKDIR /usr/local/bin\nCOPY --from=build /src/target/release/relay relayd\nRUN chmod a+x relayd\nCMD ["relayd"]\n',
      messageId: "chmodFileAfterCopy",
      data: { line: 6, file: "relayd", mode: "755" },
    },
    {
      name: "a folder copied, then handed to an account created before it: the suggestion moves the owner onto the COPY and keeps the folder's own chown",
      code: 'FROM php:8.3-apache\nRUN useradd --system webapp\nCOPY site/ /var/www/html/\nRUN chown -R webapp:webapp /var/www/html\nCMD ["apache2-foreground"]\n',
      messageId: "chownAfterCopy",
      line: 4,
      data: { line: 3, owner: "webapp:webapp" },
      output:
        'FROM php:8.3-apache\nRUN useradd --system webapp\nCOPY --chown=webapp:webapp site/ /var/www/html/\nRUN chown webapp:webapp /var/www/html\nCMD ["apache2-foreground"]\n',
    },
    {
      name: "the whole context copied into the working directory, chowned by a relative path",
      code: 'FROM python:3.12-slim\nWORKDIR /app\nCOPY . .\nRUN chown -R 1000:1000 .\nUSER 1000\nCMD ["python", "main.py"]\n',
      messageId: "chownAfterCopy",
      line: 4,
      data: { line: 3, owner: "1000:1000" },
      output: 'FROM python:3.12-slim\nWORKDIR /app\nCOPY --chown=1000:1000 . .\nRUN chown 1000:1000 .\nUSER 1000\nCMD ["python", "main.py"]\n',
    },
    {
      name: "a stage's build output copied in; the user's login group (nobody:) is named as the user",
      code: 'FROM alpine:3.22\nWORKDIR /app\nCOPY --from=build /src/_build/prod/rel/app ./\nRUN chown -R nobody: /app\nUSER nobody\nCMD ["/app/bin/app", "start"]\n',
      messageId: "chownAfterCopy",
      data: { line: 3, owner: "nobody" },
    },
    {
      name: "combined flags lose only the R (-hR to -h)",
      code: 'FROM debian:bookworm-slim\nRUN useradd app\nWORKDIR /srv\nCOPY . .\nRUN chown -hR app:app /srv\nCMD ["./run"]\n',
      messageId: "chownAfterCopy",
      output: 'FROM debian:bookworm-slim\nRUN useradd app\nWORKDIR /srv\nCOPY --chown=app:app . .\nRUN chown -h app:app /srv\nCMD ["./run"]\n',
    },
    {
      name: "the account created in the same RUN, after the COPY: reported, and no suggestion since it must move first",
      code: 'FROM debian:bookworm-slim\nCOPY dist/ /opt/app/\nRUN useradd app && chown -R app:app /opt/app\nCMD ["/opt/app/run"]\n',
      context: { rootEntries: ["dist/", "Dockerfile"] },
      messageId: "chownAfterCopyAccountLater",
      line: 3,
      data: { line: 2, user: "app" },
      output: null,
    },
    {
      name: "every copy into the folder already set the owner the chown repeats: the suggestion keeps only the folder's own chown",
      code: 'FROM alpine:3.22\nWORKDIR /app\nRUN adduser -h /app -u 1000 -D svc\nCOPY --from=build --chown=svc:svc /src/rel /app\nCOPY --from=build --chown=svc:svc /src/priv /app/priv\nRUN chown -R svc:svc /app\nUSER svc\nCMD ["/app/bin/svc", "start"]\n',
      messageId: "chownRepeatsCopy",
      line: 6,
      data: { line: 4 },
      output:
        'FROM alpine:3.22\nWORKDIR /app\nRUN adduser -h /app -u 1000 -D svc\nCOPY --from=build --chown=svc:svc /src/rel /app\nCOPY --from=build --chown=svc:svc /src/priv /app/priv\nRUN chown svc:svc /app\nUSER svc\nCMD ["/app/bin/svc", "start"]\n',
    },
    {
      name: "only the account is created between the COPY and the chown: no suggestion, the account must come first",
      code: 'FROM php:8.3-fpm-alpine\nARG APP_UID=1000\nCOPY ./ /srv/site\nRUN addgroup -g $APP_UID -S web && adduser -u $APP_UID -S web -G web\nRUN chown -R web:web /srv/site /var/log/php\nCMD ["php-fpm"]\n',
      messageId: "chownAfterCopyAccountLater",
      line: 5,
      data: { line: 3, user: "web" },
      output: null,
    },
    {
      // whoogle-search (tuned set, judged debatable before: the message did not say the account came later).
      name: "a folder above the copies chowned to an account a RUN after them creates, by a variable",
      code: 'FROM python:3.12-alpine\nARG DOCKER_USER=whoogle\nWORKDIR /whoogle\nCOPY --from=build /src/app /whoogle/app\nRUN adduser -D -g 927 -u 927 $DOCKER_USER\nRUN chown -R ${DOCKER_USER}:${DOCKER_USER} /whoogle\nCMD ["./run"]\n',
      messageId: "chownParentAccountLater",
      line: 6,
      data: { folder: "/whoogle", line: 4, user: "${DOCKER_USER}" },
      output: null,
    },
    {
      name: "a built program copied into a folder the file made, then the whole folder chowned: the files are stored twice",
      code: 'FROM rust:1 AS build\nRUN cargo build --release\nFROM debian:bookworm-slim\nRUN useradd svc && mkdir -p /opt/svc/state\nCOPY --from=build /work/target/release/svc /opt/svc/svc\nRUN chown -R svc:svc /opt/svc\nCMD ["/opt/svc/svc"]\n',
      messageId: "chownParentAfterCopy",
      line: 6,
      data: { folder: "/opt/svc", line: 5, owner: "svc:svc" },
      output: null,
    },
    {
      name: "a parent made by a WORKDIR after the copy, chowned twice in one RUN: the owner the files end with is named",
      code: 'FROM registry.example.org/micro:2\nCOPY --from=build /out/*-runner /srv/program\nWORKDIR /srv\nRUN chmod 775 /srv && chown -R 1001 /srv && chmod -R g+rwX /srv && chown -R 1001:root /srv\nUSER 1001\nCMD ["./program"]\n',
      messageId: "chownParentAfterCopy",
      line: 4,
      data: { folder: "/srv", line: 2, owner: "1001:root" },
    },
    {
      // Held-out BN (freeciv-web): twelve COPYs into /docker/... on debian, then chown -R /docker.
      name: "copies into a top-level folder a distribution image lacks, then the whole folder chowned: the first COPY made it",
      code: 'FROM node:22 AS build\nRUN npm ci && npm run build\nFROM debian:bookworm-slim\nRUN useradd -m app\nCOPY --from=build /src/package.json /app/package.json\nCOPY --from=build /src/dist /app/dist\nCOPY --from=build /src/node_modules /app/node_modules\nRUN chown -R app:app /app\nUSER app\nCMD ["node", "/app/dist/server.js"]\n',
      messageId: "chownParentAfterCopy",
      line: 8,
      data: { folder: "/app", line: 5, owner: "app:app" },
    },
  ],
  silent: [
    {
      name: "copies into a top-level folder of a vendor image, whose own files may be there",
      code: 'FROM node:22 AS build\nRUN npm run build\nFROM registry.example.org/runtime:2\nCOPY --from=build /src/dist /app/dist\nRUN chown -R 1000:1000 /app\nCMD ["/app/dist/server"]\n',
    },
    {
      name: "copies into a top-level folder of the FHS (/srv), which the image may hold files in",
      code: 'FROM node:22 AS build\nRUN npm run build\nFROM debian:bookworm-slim\nCOPY --from=build /src/dist /srv/dist\nRUN chown -R 1000:1000 /srv\nCMD ["/srv/dist/server"]\n',
    },
    {
      name: "copies into a top-level folder an earlier RUN wrote into: the chown hands its files over too",
      code: 'FROM node:22 AS build\nRUN npm run build\nFROM debian:bookworm-slim\nRUN git clone https://example.org/plugins.git /app/plugins\nCOPY --from=build /src/dist /app/dist\nRUN chown -R 1000:1000 /app\nCMD ["/app/dist/server"]\n',
    },
    {
      name: "chmod +x of a script an ADD downloaded, of tini (under a megabyte), or of a download ADD already gave its mode",
      code: 'FROM debian:12-slim\nADD https://raw.githubusercontent.com/vishnubob/wait-for-it/master/wait-for-it.sh /usr/local/bin/wait-for-it.sh\nRUN chmod +x /usr/local/bin/wait-for-it.sh\nADD https://github.com/krallin/tini/releases/download/v0.19.0/tini /tini\nRUN chmod +x /tini\nADD --chmod=755 https://dl.example.com/tool /usr/local/bin/tool\nRUN chmod +x /usr/local/bin/tool\nCMD ["tool"]\n',
    },
    {
      name: "chmod +x of a folder a stage holds: not a program, and --chmod would make its files executable",
      code: "FROM node:22 AS build\nRUN npm run build\nFROM nginx:1.27\nCOPY --from=build /out/assets /srv/assets\nRUN chmod +x /srv/assets\n",
    },
    {
      name: "chmod +x of a script a stage holds without building it",
      code: "FROM alpine:3.22 AS src\nCOPY . /src\nFROM alpine:3.22\nCOPY --from=src /src/bin/deploy /usr/local/bin/deploy\nRUN chmod +x /usr/local/bin/deploy\n",
    },
    {
      name: "chmod +x of a wrapper script a stage holds, named without an extension",
      code: 'FROM alpine:3.22\nCOPY --from=builder /src/deployment/server-wrapper /usr/local/bin/\nRUN chmod +x /usr/local/bin/server-wrapper\nCMD ["server-wrapper"]\n',
    },
    {
      name: "chmod +x of an entry script a stage holds, named without an extension",
      code: 'FROM node:22-alpine\nCOPY --from=build /sqlpad/docker-entrypoint /docker-entrypoint\nRUN chmod +x /docker-entrypoint\nENTRYPOINT ["/docker-entrypoint"]\n',
    },
    {
      name: "a recursive chmod with a symbolic mode: no octal --chmod says the same (X marks folders only)",
      code: 'FROM python:3.12-slim\nCOPY ./ /app/\nRUN chmod -R u=rwX,go=rX /app\nCMD ["python", "/app/main.py"]\n',
    },
    {
      name: "chmod +x of a script copied from the context: a small file",
      code: 'FROM alpine:3.22\nCOPY entrypoint.sh /entrypoint.sh\nRUN chmod +x /entrypoint.sh\nENTRYPOINT ["/entrypoint.sh"]\n',
    },
    {
      name: "chmod +x of a script a stage built: a file with an extension is no program build",
      code: 'FROM alpine:3.22\nCOPY --from=build /src/run.sh /app/\nRUN chmod +x /app/run.sh\nCMD ["/app/run.sh"]\n',
    },
    {
      name: "a recursive chmod after an install wrote into the copied folder",
      code: 'FROM node:22-slim\nWORKDIR /app\nCOPY . .\nRUN npm ci --omit=dev\nRUN chmod -R 755 /app\nCMD ["node", "index.js"]\n',
    },
    {
      name: "the copy already sets a mode: the chmod is the author's own second word",
      code: 'FROM alpine:3.22\nCOPY --chmod=755 --from=builder /build/server /app/\nRUN chmod +x /app/server\nCMD ["/app/server"]\n',
    },
    {
      name: "a recursive chmod of a folder the base image filled before the copy",
      code: "FROM nginx:1.27\nCOPY --from=build /src/dist /usr/share/nginx/html\nRUN chmod -R 755 /usr/share/nginx\n",
    },
    {
      name: "the account created in between has its home inside the copied folder",
      code: 'FROM alpine:3.22\nCOPY . /srv/site\nRUN adduser -D -h /srv/site/home web\nRUN chown -R web:web /srv/site\nCMD ["/srv/site/run"]\n',
    },
    {
      name: "the account created in between has its home in a variable",
      code: 'FROM alpine:3.22\nENV HOME_DIR=/srv/site\nCOPY . /srv/site\nRUN useradd -m -d "$HOME_DIR" web\nRUN chown -R web:web /srv/site\nCMD ["/srv/site/run"]\n',
    },
    {
      name: "a recursive copy into the folder between the COPY and the chown",
      code: 'FROM alpine:3.22\nCOPY . /srv/site\nRUN cp -r /usr/share/assets /srv/site/assets\nRUN chown -R nobody /srv/site\nCMD ["/srv/site/run"]\n',
    },
    {
      name: "a find that changes modes between the COPY and the chown",
      code: 'FROM alpine:3.22\nCOPY . /srv/site\nRUN find /srv/site -type f -exec chmod 644 {} +\nRUN chown -R nobody /srv/site\nCMD ["/srv/site/run"]\n',
    },
    {
      name: "a chown of the folder in between already handed the files over",
      code: 'FROM alpine:3.22\nRUN adduser -D web\nCOPY . /srv/site\nRUN chown -R web /srv/site/static || true\nRUN chown -R web /srv/site\nCMD ["/srv/site/run"]\n',
    },
    {
      name: "an install between the COPY and the chown writes into the folder",
      code: 'FROM node:22-slim\nWORKDIR /srv\nCOPY . .\nRUN npm ci --omit=dev\nRUN chown -R node:node /srv\nCMD ["node", "server.js"]\n',
    },
    {
      name: "the folder already holds an earlier install's output",
      code: 'FROM node:22-slim\nWORKDIR /srv\nCOPY package.json package-lock.json ./\nRUN npm ci --omit=dev\nCOPY . .\nRUN chown -R node:node /srv\nCMD ["node", "server.js"]\n',
    },
    {
      name: "a RUN that installs and then chowns in the same layer",
      code: 'FROM php:8.3-fpm\nWORKDIR /app\nCOPY . ./\nRUN composer install --no-dev && chown -R www-data:www-data .\nCMD ["php-fpm"]\n',
    },
    {
      name: "a single file",
      code: 'FROM alpine:3.22\nCOPY entrypoint.sh /usr/local/bin/entrypoint.sh\nRUN chown -R nobody /usr/local/bin/entrypoint.sh\nENTRYPOINT ["/usr/local/bin/entrypoint.sh"]\n',
    },
    {
      name: "a folder above the COPY's destination holds other layers' files",
      code: 'FROM debian:bookworm-slim\nCOPY conf/ /etc/app/conf/\nRUN chown -R app /etc/app\nCMD ["app"]\n',
    },
    {
      name: "a COPY that sets another owner than the chown: which one is meant is the author's call",
      code: 'FROM debian:bookworm-slim\nCOPY --chown=app conf/ /etc/app/\nRUN chown -R root:app /etc/app\nCMD ["app"]\n',
    },
    {
      name: "a builder stage never ships",
      code: "FROM golang:1.24 AS build\nWORKDIR /src\nCOPY . .\nRUN chown -R 1000 /src\nFROM scratch\nCOPY --from=build /src/app /app\n",
    },
    {
      name: "a parent that already held an install's output before the copies",
      code: 'FROM node:22-alpine\nWORKDIR /web\nCOPY package.json package-lock.json ./\nRUN npm ci --omit=dev\nCOPY lib lib\nRUN chown -R node:node /web\nCMD ["node", "lib/main.js"]\n',
      context: { rootEntries: ["lib/", "package.json", "package-lock.json", "Dockerfile"] },
    },
    {
      name: "a parent copied with --chown already: nothing but the folder is handed over",
      code: 'FROM debian:bookworm-slim\nRUN mkdir -p /opt/svc\nCOPY --from=build --chown=svc /out/svc /opt/svc/bin\nRUN chown -R svc /opt/svc\nCMD ["/opt/svc/bin/svc"]\n',
    },
    { name: "a non-recursive chown", code: 'FROM debian:bookworm-slim\nWORKDIR /app\nCOPY . .\nRUN chown app /app\nCMD ["./run"]\n' },
  ],
});
