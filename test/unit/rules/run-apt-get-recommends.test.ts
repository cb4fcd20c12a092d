import { rule } from "../../../server/src/rules/run-apt-get-recommends";
import { testRule } from "../../support/rule-tester";

testRule(rule, {
  fires: [
    {
      name: "ImageMagick and curl without Ghostscript or the CA bundle named: both in the remedy",
      code: 'FROM debian:trixie-slim\nRUN apt-get update && apt-get install -y curl imagemagick && rm -rf /var/lib/apt/lists/*\nCMD ["convert"]\n',
      messageId: "recommendsGhostscriptCertificates",
      line: 2,
    },
    {
      // Held-out BL, scanservjs: PDF thumbnails need Ghostscript, an ImageMagick recommendation (the bare flag judged wrong).
      name: "ImageMagick without Ghostscript named: the remedy names Ghostscript for PDFs",
      code: 'FROM debian:trixie-slim\nRUN apt-get update && apt-get install -yq ca-certificates nodejs imagemagick tesseract-ocr && rm -rf /var/lib/apt/lists/*\nCMD ["node", "server.js"]\n',
      messageId: "recommendsGhostscript",
      line: 2,
    },
    {
      name: "ImageMagick with Ghostscript named in the same install: the plain remedy",
      code: 'FROM debian:bookworm-slim\nRUN apt-get update && apt-get install -y imagemagick ghostscript && rm -rf /var/lib/apt/lists/*\nCMD ["convert"]\n',
      messageId: "recommends",
      line: 2,
    },
    {
      // Held-out BK, automq: CI publishes the image; compose runs it (image: automqinc/automq) with each
      // broker's own start line, so the idle CMD is a placeholder, not a development image (missed).
      name: "an idle CMD where compose runs the image CI publishes with a start command of its own",
      code: "FROM debian:bookworm\nRUN apt-get update && apt-get install -y ca-certificates curl openjdk-17-jre-headless && rm -rf /var/lib/apt/lists/*\nCOPY kafka /opt/kafka\nCMD tail -f /dev/null\n",
      context: {
        publishedByCi: true,
        githubRepository: "automq/automq",
        composeServices: [
          {
            file: "docker-compose.yaml",
            builds: false,
            image: "minio/minio:RELEASE.2025-05-24T17-08-30Z",
            user: null,
            mounts: [],
            command: ["server", "/data"],
          },
          {
            file: "docker-compose.yaml",
            builds: false,
            image: "automqinc/automq:1.6.0",
            user: null,
            mounts: [],
            command: ["bash", "-c", "/opt/kafka/bin/kafka-server-start.sh --override node.id=0"],
          },
          {
            file: "docker-compose-cluster.yaml",
            builds: false,
            image: "automqinc/automq:1.6.0",
            user: null,
            mounts: [],
            command: ["bash", "-c", "/opt/kafka/bin/kafka-server-start.sh --override node.id=1"],
          },
        ],
      },
      messageId: "recommends",
      line: 2,
    },
    {
      name: "r-base with r-base-dev named: the compilers come without recommends",
      code: "FROM ubuntu:24.04\nRUN apt-get update && apt-get install -y r-base r-base-dev && rm -rf /var/lib/apt/lists/*\n",
      messageId: "recommends",
      line: 2,
    },
    {
      // arroyo: CI pushes the 'arroyo' target next to the last stage's 'arroyo-full' image.
      name: "a target CI pushes beside the last stage, not under it: its image keeps recommends too",
      code: 'FROM debian:12-slim AS app\nRUN apt-get update && apt-get install -y gdal-bin && rm -rf /var/lib/apt/lists/*\nCMD ["/app/serve"]\nFROM debian:12-slim AS full\nRUN apt-get update && apt-get install -y --no-install-recommends curl postgresql && rm -rf /var/lib/apt/lists/*\nCMD ["/app/serve"]\n',
      context: { buildTargets: ["app"] },
      messageId: "recommends",
      line: 2,
    },
    {
      name: "curl and git on python:*-slim, whose image installs the CA bundle itself: the flag alone is the remedy",
      code: 'FROM python:3.12-slim\nRUN apt-get update && apt-get install -y curl git && rm -rf /var/lib/apt/lists/*\nCMD ["app"]\n',
      messageId: "recommendsGit",
    },
    {
      name: "autoconf with automake named: the autotools are whole without recommends",
      code: "FROM debian:12-slim\nRUN apt-get update && apt-get install -y autoconf automake libtool && rm -rf /var/lib/apt/lists/*\nRUN cd /src && autoreconf -fi && ./configure && make install\n",
      messageId: "recommends",
      line: 2,
    },
    {
      // Held-out AP, Netflix/dynomite: dh-autoreconf depends on automake.
      name: "autoconf with dh-autoreconf named, which depends on automake: autoreconf has it without recommends",
      code: 'FROM ubuntu:22.04\nRUN apt-get update && apt-get install -y autoconf build-essential dh-autoreconf git libtool\nCOPY . /src\nRUN cd /src && autoreconf -fvi && ./configure && make install\nENTRYPOINT ["/src/startup.sh"]\n',
      messageId: "recommendsGitCertificates",
      line: 2,
    },
    {
      name: "a test stage last in the file, CI pushing the prod target: the prod image keeps recommends",
      code: 'FROM debian:12-slim AS base\nRUN apt-get update && apt-get install -y gdal-bin && rm -rf /var/lib/apt/lists/*\nFROM base AS prod\nCOPY app /app\nCMD ["/app/serve"]\nFROM prod AS test\nRUN apt-get update && apt-get install -y bats\nCMD ["bats", "/tests"]\n',
      context: { buildTargets: ["prod"] },
      messageId: "recommends",
      line: 2,
    },
    {
      name: "the same RUN writes the key on, not off: the install still brings recommends",
      code: "FROM debian:12-slim\nRUN echo 'APT::Install-Recommends \"1\";' > /etc/apt/apt.conf.d/10recs && apt-get update && apt-get install -y nodejs\n",
      messageId: "recommends",
    },
    {
      name: "the key off is only echoed to the log, not written into apt's configuration",
      code: "FROM debian:12-slim\nRUN echo 'APT::Install-Recommends \"0\";' && apt-get update && apt-get install -y nodejs\n",
      messageId: "recommends",
    },
    {
      name: "what echo writes to stderr is not the key it prints",
      code: "FROM debian:12-slim\nRUN echo 'APT::Install-Recommends \"0\";' 2> /etc/apt/apt.conf.d/00slim && apt-get update && apt-get install -y nodejs\n",
      messageId: "recommends",
    },
    {
      name: "a copied apt config part that the host read and that keeps recommends on",
      code: "FROM debian:12-slim\nCOPY build/10apt /etc/apt/apt.conf.d/\nRUN apt-get update && apt-get install -y nodejs\n",
      context: { files: { "build/10apt": 'Acquire::Retries "3";\n' } },
      messageId: "recommends",
      line: 3,
    },
    {
      name: "only names the table does not know (a vendor's package): the finding stays",
      code: "FROM debian:12-slim\nRUN apt-get update && apt-get install -y acme-agent\n",
      messageId: "recommends",
    },
    {
      name: "NodeSource's nodejs in an image that names no Python: what its Python dependency brings is not in the file",
      code: 'FROM ubuntu:22.04\nRUN apt-get update && apt-get install -y --no-install-recommends ca-certificates curl gnupg\nRUN curl -fsSL https://deb.nodesource.com/setup_20.x | bash - && apt-get install -y nodejs\nCMD ["/app/run"]\n',
      messageId: "recommends",
      line: 3,
    },
    {
      name: "NodeSource's Node.js 10 depends on Python 2's python-minimal: a Python 3 named earlier does not bring what it recommends",
      code: 'FROM example/base:1.0\nRUN apt-get update && apt-get install -y --no-install-recommends python3-dev\nRUN curl -sL https://deb.nodesource.com/setup_10.x | bash - && apt-get install -y nodejs\nCMD ["/app/run"]\n',
      messageId: "recommends",
      line: 3,
    },
    {
      name: "NodeSource's nodejs after the image purged the Python 3 it had named: the finding stays",
      code: 'FROM ubuntu:24.04\nRUN apt-get update && apt-get install -y --no-install-recommends python3-venv && python3 -m venv /opt/tools && apt-get purge -y python3-venv python3\nRUN curl -fsSL https://deb.nodesource.com/setup_22.x | bash - && apt-get install -y nodejs\nCMD ["/app/run"]\n',
      messageId: "recommends",
      line: 3,
    },
    {
      name: "a deadsnakes Python after the release's own, whose recommends came with it: only the first install fires",
      code: 'FROM ubuntu:24.04\nRUN apt-get update && apt-get install -y python3-dev python3-venv\nRUN add-apt-repository -y ppa:deadsnakes/ppa && apt-get update && apt-get install -y python3.14 python3.14-dev python3.14-venv\nCMD ["/app/run"]\n',
      messageId: "recommends",
      line: 2,
    },
    {
      name: "a header whose recommends come through libc6-dev, next to a name the table does not know: no proof that nothing is kept out",
      code: 'FROM example/base:1.0\nRUN apt-get update && apt-get install -y --no-install-recommends build-essential\nRUN apt-get install -y libpcre3-dev acme-tool\nCMD ["/app/run"]\n',
      messageId: "recommends",
      line: 3,
    },
    {
      name: "a vendor's list fetched into sources.list.d before the install: it may serve its own libpcre3-dev, no proof that nothing is kept out",
      code: 'FROM example/base:1.0\nRUN apt-get update && apt-get install -y --no-install-recommends build-essential\nRUN curl -fsSL https://apt.example.org/example.list -o /etc/apt/sources.list.d/example.list && apt-get update && apt-get install -y libpcre3-dev\nCMD ["/app/run"]\n',
      messageId: "recommends",
      line: 3,
    },
    {
      name: "a PPA added before the install: no proof that nothing is kept out",
      code: 'FROM example/base:1.0\nRUN apt-get update && apt-get install -y --no-install-recommends build-essential\nRUN add-apt-repository -y ppa:example/tools && apt-get update && apt-get install -y libpcre3-dev\nCMD ["/app/run"]\n',
      messageId: "recommends",
      line: 3,
    },
    {
      name: "a vendor's sources line written to a list the file names by a variable: no proof that nothing is kept out",
      code: 'FROM example/base:1.0\nRUN apt-get update && apt-get install -y --no-install-recommends build-essential\nRUN printf \'deb https://apt.example.org/debian stable main\\n\' | tee "$VENDOR_LIST" && apt-get update && apt-get install -y libpcre3-dev\nCMD ["/app/run"]\n',
      messageId: "recommends",
      line: 3,
    },
    {
      name: "build-essential installed in an amd64 branch of an earlier RUN may not be there: libc6-dev's recommends may come",
      code: 'FROM example/base:1.0\nRUN if [ "$TARGETARCH" = amd64 ]; then apt-get update && apt-get install -y --no-install-recommends build-essential; fi\nRUN apt-get install -y libpcre3-dev\nCMD ["/app/run"]\n',
      messageId: "recommends",
      line: 3,
    },
    {
      name: "libc-dev-bin purged after build-essential (libc6-dev and build-essential go with it): libpcre3-dev brings it back with its recommends",
      code: 'FROM example/base:1.0\nRUN apt-get update && apt-get install -y --no-install-recommends build-essential && apt-get purge -y libc-dev-bin\nRUN apt-get install -y libpcre3-dev\nCMD ["/app/run"]\n',
      messageId: "recommends",
      line: 3,
    },
    {
      name: "an autoremove after build-essential: what is still there cannot be told",
      code: 'FROM example/base:1.0\nRUN apt-get update && apt-get install -y --no-install-recommends build-essential && apt-get autoremove -y\nRUN apt-get install -y libpcre3-dev\nCMD ["/app/run"]\n',
      messageId: "recommends",
      line: 3,
    },
    {
      name: "a known package with recommends decides next to an unknown one",
      code: "FROM debian:bookworm-slim\nRUN apt-get update && apt-get install -y acme-agent nodejs ca-certificates\n",
      messageId: "recommends",
    },
    {
      name: "gpg with dirmngr named: the recommends are not needed for the keyserver",
      code: 'FROM ubuntu:24.04\nRUN apt-get update && apt-get -y install gpg dirmngr gettext-base\nRUN gpg --batch --keyserver hkps://keys.openpgp.org --recv-keys "$GPG_KEY"\n',
      messageId: "recommends",
    },
    {
      name: "the same package installed earlier in the RUN, but in one branch of an if: the later install may be the first",
      code: 'FROM debian:bookworm-slim\nRUN if [ "$(uname -m)" = x86_64 ]; then apt-get update && apt-get install -y --no-install-recommends npm; fi && apt-get update && apt-get install -y npm\n',
      messageId: "recommends",
    },
    {
      name: "the same package installed earlier in the RUN only when something failed ('||')",
      code: "FROM debian:bookworm-slim\nRUN apt-get update && command -v npm || apt-get install -y --no-install-recommends npm; apt-get install -y npm\n",
      messageId: "recommends",
    },
    {
      name: "a copied setup script that runs no gpg",
      code: "FROM debian:bookworm-slim\nCOPY tools/setup_runtime /tmp/setup_runtime\nRUN apt-get update && apt-get install -y curl gpg ca-certificates\nRUN /tmp/setup_runtime 22\n",
      context: {
        files: {
          "tools/setup_runtime": "#!/usr/bin/env bash\nset -e\ncurl -fsSLO https://example.org/runtime-$1.tar.gz\ntar -xzf runtime-$1.tar.gz -C /usr/local\n",
        },
      },
      messageId: "recommends",
      line: 3,
    },
    {
      name: "gpg that only verifies with a key it was given",
      code: "FROM ubuntu:24.04\nRUN apt-get update && apt-get -y install gpg gettext-base\nRUN gpg --batch --import key.asc && gpg --verify app.asc app\n",
      messageId: "recommends",
    },
    {
      name: "a full buildpack-deps image where the file uses the flag elsewhere: the project trims",
      code: 'FROM ruby:3.2\nRUN apt-get update && apt-get install -y --no-install-recommends curl\nRUN apt-get install -y libgtk-3-0 xdg-utils\nCMD ["bin/rails", "s"]\n',
      messageId: "recommends",
      line: 3,
    },
    {
      name: "software-properties-common with no PPA added: nothing needs its recommends",
      code: "FROM ubuntu:22.04\nRUN apt-get update && apt-get install -y software-properties-common gdal-bin\n",
      messageId: "recommends",
      line: 2,
    },
    {
      name: "Debian's golang where nothing is built with go afterwards: its compiler serves nothing",
      code: 'FROM debian:bullseye-slim\nRUN apt-get update && apt-get install -y golang tesseract-ocr\nCOPY ocrserver /usr/local/bin/ocrserver\nCMD ["ocrserver"]\n',
      messageId: "recommends",
    },
    {
      name: "cmake in a stage that builds nothing after it: its make and compiler serve nothing",
      code: 'FROM ubuntu:22.04\nRUN apt-get update && apt-get install -y ffmpeg cmake\nCOPY --from=build /app /app\nENTRYPOINT ["/app/main"]\n',
      messageId: "recommends",
      line: 2,
    },
    {
      // seurat-docker (held-out BC, labelled right): rocker/r-ver keeps R's compilers.
      name: "pip with Python's headers named on a base the facts do not describe: its own compiler is assumed",
      code: "FROM rocker/r-ver:4.2.0\nRUN apt-get update\nRUN apt-get install -y libxml2-dev python3-dev python3-pip\nRUN pip3 install umap-learn\n",
      messageId: "recommends",
      line: 3,
    },
    {
      name: "pip with its build tools named: the recommends add nothing it needs",
      code: 'FROM ubuntu:22.04\nRUN apt-get update && apt-get install -y python3-pip python3-dev build-essential\nCMD ["python3", "app.py"]\n',
      messageId: "recommends",
      line: 2,
    },
    {
      code: "FROM debian:12-slim\nRUN apt-get update && apt-get install -y procps\n",
      messageId: "recommends",
      line: 2,
      token: "install",
      output: "FROM debian:12-slim\nRUN apt-get update && apt-get install --no-install-recommends -y procps\n",
    },
    {
      name: "apt install pulls recommends just as apt-get does",
      code: "FROM debian:12-slim\nRUN apt update && apt install -y libvips42 ffmpeg\n",
      messageId: "recommends",
      data: { program: "apt" },
      token: "install",
      output: "FROM debian:12-slim\nRUN apt update && apt install --no-install-recommends -y libvips42 ffmpeg\n",
    },
    {
      name: "the flag on an earlier RUN does not configure the later installs",
      code: "FROM ubuntu:24.04\nRUN apt-get update && apt-get install -y --no-install-recommends curl\nRUN apt-get update && apt-get install -y ghostscript fontconfig\n",
      messageId: "recommends",
      line: 3,
    },
    {
      name: "an Ubuntu older than the Debian releases read (xenial): a package without Recommends in Debian still fires",
      code: "FROM ubuntu:16.04\nRUN apt-get update && apt-get install -y make\n",
      messageId: "recommends",
    },
    {
      name: "on a bookworm base, recommends that earlier installs did not bring and that weigh over half a megabyte",
      code: "FROM debian:bookworm-slim\nRUN apt-get update && apt-get install -y --no-install-recommends wget ca-certificates && apt-get install -y curl\n",
      // ca-certificates is named by the install before: the flag alone keeps curl's HTTPS working.
      messageId: "recommends",
    },
    {
      name: "on bookworm, the later curl is silent: its recommends came with the earlier install without the flag (wget, gnupg), and what is left is under half a megabyte",
      code: "FROM node:20-bookworm-slim\nRUN apt-get update && apt-get install -y wget gnupg ca-certificates \\\n && apt-get install -y curl unzip && rm -rf /var/lib/apt/lists/*\n",
      messageId: "recommends",
      line: 2,
    },
    {
      name: "one package with Recommends among packages without: the flag still matters",
      code: "FROM debian:12-slim\nRUN apt-get update && apt-get install -y ca-certificates tzdata procps\n",
      messageId: "recommends",
    },
    {
      name: "curl gets the CA bundle only as a recommendation: the remedy names ca-certificates",
      code: "FROM ubuntu:20.04\nRUN apt-get update && apt-get install -y curl libicu66\n",
      messageId: "recommendsCertificates",
      token: "install",
      output: "FROM ubuntu:20.04\nRUN apt-get update && apt-get install --no-install-recommends -y curl libicu66 ca-certificates\n",
    },
    {
      name: "curl with ca-certificates named: the plain remedy",
      code: "FROM debian:12-slim\nRUN apt-get update && apt-get install -y ca-certificates curl\n",
      messageId: "recommends",
    },
    {
      name: "an autoremove that keeps recommends: the RUN removes gcc again but keeps procps, whose recommends stay",
      // No compile after it (gcc's libc6-dev would be needed then: see the silent cases).
      code: "FROM python:3.12-slim\nRUN apt-get install -y gcc procps && ps aux && apt-get purge -y --auto-remove gcc\n",
      messageId: "recommends",
    },
    {
      name: "a removal without autoremove leaves what the install brought",
      code: "FROM python:3.12-slim\nRUN apt-get install -y gcc && ps aux && apt-get remove -y gcc\n",
      messageId: "recommends",
    },
    {
      name: "an install outside the opt-in branch (the else runs by default)",
      code: "FROM php:8.3-fpm\nARG WITH_GD=false\nRUN if [ ${WITH_GD} = true ]; then \\\n    apt-get install -y libpng-dev; \\\n  else \\\n    apt-get install -y zip; \\\n  fi\n",
      messageId: "recommends",
      line: 6,
    },
    {
      name: "the else of an opt-in if runs in a plain build, even after a nested if",
      code: "FROM php:8.3-fpm\nARG WITH_GD=false\nRUN if [ ${WITH_GD} = true ]; then \\\n    if [ -f x ]; then echo a; fi; \\\n  else \\\n    apt-get install -y zip; \\\n  fi\n",
      messageId: "recommends",
      line: 6,
    },
    {
      name: "a switch joined by '||' does not guard the branch",
      code: "FROM php:8.3-fpm\nARG WITH_GD=false\nRUN if [ ${WITH_GD} = true ] || [ -f /etc/gd ]; then apt-get install -y libpng-dev; fi\n",
      messageId: "recommends",
    },
    {
      name: "a switch that is on by default",
      code: "FROM php:8.3-fpm\nARG WITH_GD=true\nRUN if [ ${WITH_GD} = true ]; then apt-get install -y libpng-dev; fi\n",
      messageId: "recommends",
    },
    {
      name: "git without an SSH client named: its recommends carry git's SSH transport, so the message says so",
      code: "FROM ubuntu:22.04\nRUN apt update && apt install -y git\n",
      messageId: "recommendsGitCertificates",
      data: { program: "apt" },
      token: "install",
      output: "FROM ubuntu:22.04\nRUN apt update && apt install --no-install-recommends -y git ca-certificates\n",
    },
    {
      name: "git with ca-certificates named and no SSH client: the remedy can add openssh-client",
      code: "FROM debian:12-slim\nRUN apt-get update && apt-get install -y ca-certificates git\n",
      messageId: "recommendsGit",
      output: "FROM debian:12-slim\nRUN apt-get update && apt-get install --no-install-recommends -y ca-certificates git\n",
    },
    {
      // Held-out AQ, lancachenet/monolithic: its base's entry point runs /hooks/entrypoint-pre.d/*.
      name: "git in an image whose start hook, copied in with a folder, sets GIT_SSH_COMMAND: the remedy names openssh-client",
      code: "FROM ubuntu:24.04\nRUN apt-get update && apt-get install -y jq git\nCOPY overlay/ /\n",
      context: {
        files: {
          "overlay/hooks/entrypoint-pre.d/15_maps.sh": '#!/bin/bash\nexport GIT_SSH_COMMAND="ssh -o StrictHostKeyChecking=no"\ngit clone "$REPO" /data/maps\n',
        },
      },
      messageId: "recommendsSshUseCertificates",
      line: 2,
    },
    {
      name: "git in an image that sets GIT_SSH_VARIANT: the remedy names openssh-client, the suggestion adds it",
      code: "FROM ubuntu:22.04\nENV LANG=C.UTF-8 \\\n    GIT_SSH_VARIANT=ssh\nRUN apt-get update && apt-get install -y ca-certificates git\n",
      messageId: "recommendsGitSsh",
      line: 4,
      output:
        "FROM ubuntu:22.04\nENV LANG=C.UTF-8 \\\n    GIT_SSH_VARIANT=ssh\nRUN apt-get update && apt-get install --no-install-recommends -y ca-certificates git openssh-client\n",
    },
    {
      name: "git in an image that fetches a host key: the remedy names ca-certificates and openssh-client",
      code: "FROM debian:12-slim\nRUN apt-get update && apt-get install -y git && ssh-keyscan gitlab.example.org >> /etc/ssh/ssh_known_hosts\n",
      messageId: "recommendsGitSshCertificates",
      output:
        "FROM debian:12-slim\nRUN apt-get update && apt-get install --no-install-recommends -y git ca-certificates openssh-client && ssh-keyscan gitlab.example.org >> /etc/ssh/ssh_known_hosts\n",
    },
    {
      name: "git cloning an SSH remote during the build: the remedy names openssh-client",
      code: "FROM debian:12-slim\nRUN apt-get update && apt-get install -y ca-certificates git\nRUN --mount=type=ssh git clone git@github.com:acme/tools.git /opt/tools\n",
      messageId: "recommendsGitSsh",
      line: 2,
    },
    {
      // JasonRivers/Docker-Nagios: check_by_ssh runs from the nagios account's SSH folder.
      name: "git in an image that prepares an account's .ssh folder: the remedy names openssh-client, which only git recommends",
      code: "FROM ubuntu:24.04\nRUN apt-get update && apt-get install -y apache2 git\nRUN mkdir -p -m 700 ${NAGIOS_HOME}/.ssh && chown nagios:nagios ${NAGIOS_HOME}/.ssh\n",
      messageId: "recommendsSshUseCertificates",
      line: 2,
      output:
        "FROM ubuntu:24.04\nRUN apt-get update && apt-get install --no-install-recommends -y apache2 git ca-certificates openssh-client\nRUN mkdir -p -m 700 ${NAGIOS_HOME}/.ssh && chown nagios:nagios ${NAGIOS_HOME}/.ssh\n",
    },
    {
      name: "git in an image whose copied script copies backups with scp: the remedy names openssh-client",
      code: 'FROM debian:12-slim\nRUN apt-get update && apt-get install -y ca-certificates git\nCOPY backup.sh /usr/local/bin/\nCMD ["/usr/local/bin/backup.sh"]\n',
      context: { files: { "backup.sh": "#!/bin/sh\n# nightly backup\nscp /data/dump.sql backup@example.org:/srv/\n" } },
      messageId: "recommendsSshUse",
      line: 2,
    },
    {
      name: "git in an image whose script only mentions ssh in a comment: git's plain message",
      code: 'FROM debian:12-slim\nRUN apt-get update && apt-get install -y ca-certificates git\nCOPY run.sh /usr/local/bin/\nCMD ["/usr/local/bin/run.sh"]\n',
      context: { files: { "run.sh": "#!/bin/sh\n# no ssh here\nexec git daemon\n" } },
      messageId: "recommendsGit",
      line: 2,
    },
    {
      name: "git with an SSH client named elsewhere in the image: the plain message",
      code: "FROM debian:12-slim\nRUN apt-get update && apt-get install -y --no-install-recommends openssh-client sudo\nRUN apt-get install -y ca-certificates git\n",
      messageId: "recommends",
      line: 3,
    },
  ],
  silent: [
    {
      name: "an idle CMD where compose runs another project's image: still a placeholder for a development container",
      code: "FROM debian:bookworm\nRUN apt-get update && apt-get install -y ca-certificates curl openjdk-17-jre-headless && rm -rf /var/lib/apt/lists/*\nCOPY kafka /opt/kafka\nCMD tail -f /dev/null\n",
      context: {
        publishedByCi: true,
        githubRepository: "acme/tools",
        composeServices: [
          { file: "docker-compose.yaml", builds: false, image: "automqinc/automq:1.6.0", user: null, mounts: [], command: ["bash", "-c", "run"] },
        ],
      },
    },
    {
      // Held-out AW, r-hub's check image: r-base-core recommends r-base-dev, what install.packages compiles with.
      name: "r-base with no r-base-dev named",
      code: "FROM ubuntu:24.04\nRUN apt-get update && apt-get install -y r-base && rm -rf /var/lib/apt/lists/*\n",
    },
    {
      name: "supervisor on .NET 10's aspnet image (Ubuntu noble): python3's one recommend, ca-certificates, is in the image",
      code: "FROM mcr.microsoft.com/dotnet/aspnet:10.0 AS final\nWORKDIR /app\nRUN apt-get update && \\\n    apt-get install -y supervisor && \\\n    apt-get clean && rm -rf /var/lib/apt/lists/*\n",
    },
    {
      // Held-out BD, Jpom: maven's eclipse-temurin images install git and openssh-client.
      name: "git on maven's eclipse-temurin image, which installs git itself",
      code: "FROM maven:3.9.6-eclipse-temurin-8\nRUN apt-get update && apt-get install -y git && rm -rf /var/lib/apt/lists/*\n",
    },
    {
      name: "curl on eclipse-temurin, whose image installs curl itself: the install is a no-op, it adds no recommends",
      code: "FROM eclipse-temurin:17-jre\nRUN apt-get update && apt-get install -y curl && rm -rf /var/lib/apt/lists/*\n",
    },
    {
      name: "autoconf without automake, a stage built on it generating configure with autogen.sh: automake comes as its recommendation",
      code: "FROM debian:12-slim AS base\nRUN apt-get update && apt-get install -y autoconf libxml2-dev zlib1g-dev figlet && rm -rf /var/lib/apt/lists/*\nFROM base AS prod\nRUN cd /src/pointcloud && ./autogen.sh && ./configure && make install\n",
    },
    {
      name: "a test stage last in the file and no target CI builds: the test image's installs are not judged",
      code: 'FROM debian:12-slim AS base\nRUN apt-get update && apt-get install -y gdal-bin && rm -rf /var/lib/apt/lists/*\nFROM base AS prod\nCOPY app /app\nCMD ["/app/serve"]\nFROM prod AS test\nRUN apt-get update && apt-get install -y bats\nCMD ["bats", "/tests"]\n',
    },
    {
      name: "a stage beside the last one that no build targets: not an image the project ships",
      code: 'FROM debian:12-slim AS app\nRUN apt-get update && apt-get install -y gdal-bin && rm -rf /var/lib/apt/lists/*\nCMD ["/app/serve"]\nFROM debian:12-slim AS full\nRUN apt-get update && apt-get install -y --no-install-recommends curl postgresql && rm -rf /var/lib/apt/lists/*\nCMD ["/app/serve"]\n',
    },
    {
      name: "a test stage last, CI pushing the prod target: the test stage's own install is not in it",
      code: 'FROM debian:12-slim AS base\nRUN apt-get update && apt-get install -y --no-install-recommends gdal-bin && rm -rf /var/lib/apt/lists/*\nFROM base AS prod\nCOPY app /app\nCMD ["/app/serve"]\nFROM prod AS test\nRUN apt-get update && apt-get install -y bats\nCMD ["bats", "/tests"]\n',
      context: { buildTargets: ["prod"] },
    },
    {
      name: "an install the same RUN undoes: gcc removed again, then autoremove takes its recommends too",
      code: "FROM python:3.11-slim-bullseye\nCOPY prod.txt ./\nRUN apt-get install --yes gcc \\\n  && pip install --no-cache-dir -r prod.txt \\\n  && apt-get remove --yes gcc \\\n  && apt-get autoremove --yes\n",
    },
    {
      name: "an install the same RUN purges again with --auto-remove",
      code: "FROM python:3.12-slim\nRUN apt-get install -y gcc && pip install x && apt-get purge -y --auto-remove gcc\n",
    },
    {
      // tensorchord/pgvecto.rs: the project's own extension package.
      name: "an install of only a local .deb file, whose recommends the table cannot speak for",
      code: "FROM postgres:17\nCOPY ./build/vectors.deb /tmp/vectors.deb\nRUN apt-get install -y /tmp/vectors.deb && rm -f /tmp/vectors.deb\n",
    },
    {
      name: "git over SSH installed with the flag and openssh-client named: nothing to ask",
      code: "FROM debian:12-slim\nENV GIT_SSH_COMMAND='ssh -o StrictHostKeyChecking=accept-new'\nRUN apt-get update && apt-get install -y --no-install-recommends ca-certificates git openssh-client\n",
    },
    {
      name: "the same RUN appends the key off to apt.conf before its installs",
      code: "FROM debian:12-slim\nRUN printf 'APT::Install-Recommends \"0\";\\n' >> /etc/apt/apt.conf \\\n && apt-get update && apt-get install -y nodejs \\\n && apt-get install -y git\n",
    },
    {
      name: "the same RUN appends the key off with the redirection glued to the path (>>file)",
      code: "FROM debian:12-slim\nRUN echo 'APT::Install-Recommends \"0\";' >>/etc/apt/apt.conf.d/00slim && apt-get update && apt-get install -y nodejs\n",
    },
    {
      name: "the same RUN pipes the key off through tee into apt.conf.d",
      code: "FROM ubuntu:24.04\nRUN echo 'APT::Install-Recommends \"false\";' | tee /etc/apt/apt.conf.d/00slim && apt-get update && apt-get install -y nodejs\n",
    },
    {
      name: "the same RUN writes the key off with a heredoc",
      code: 'FROM debian:12-slim\nRUN cat <<CONF > /etc/apt/apt.conf.d/00slim && apt-get update && apt-get install -y nodejs\nAPT::Install-Recommends "0";\nCONF\n',
    },
    {
      name: "an earlier stage of the lineage configured it",
      code: "FROM debian:12-slim AS base\nRUN echo 'APT::Install-Recommends \"0\";' > /etc/apt/apt.conf.d/00slim\nFROM base\nRUN apt-get update && apt-get install -y nodejs\n",
    },
    {
      name: "a copied apt config part, read by the host, turns recommends off",
      code: "FROM debian:12-slim\nCOPY build/01norecommends /etc/apt/apt.conf.d/\nRUN apt-get update && apt-get install -y nodejs\n",
      context: { files: { "build/01norecommends": 'APT::Install-Recommends "false";\nAPT::Install-Suggests "false";\n' } },
    },
    {
      name: "a builder stage the final image copies one folder from",
      code: 'FROM ubuntu:24.04 AS rootfs\nRUN apt-get update && apt-get install -y libcurl4 openssl\nFROM scratch\nCOPY --from=rootfs /usr/lib /usr/lib\nCMD ["/usr/bin/server"]\n',
    },
    {
      name: "a package an earlier RUN of the stage installed: the install is a no-op",
      code: "FROM debian:bookworm-slim\nRUN apt-get update && apt-get install -y --no-install-recommends ca-certificates curl\nRUN apt-get update && apt-get install -y curl && curl -fsSL https://example.org/x -o /x\n",
    },
    {
      name: "a package an earlier install of the same RUN put there (outside any branch): the install is a no-op",
      code: "FROM debian:trixie\nRUN apt update && apt install -y --no-install-recommends wget git npm ca-certificates && \\\n    apt install -y npm && npm install -g n@latest\n",
    },
    {
      name: "NodeSource's nodejs where an earlier install names Python 3: it has no Recommends, and its Python dependency is there",
      code: 'FROM ubuntu:24.04\nRUN apt-get update && apt-get install -y --no-install-recommends python3-venv\nRUN curl -fsSL https://deb.nodesource.com/setup_22.x | bash - && apt-get install -y nodejs\nCMD ["/app/run"]\n',
    },
    {
      name: "NodeSource's repository written as a sources line, Python 3 named earlier",
      code: 'FROM debian:bookworm-slim\nRUN apt-get update && apt-get install -y --no-install-recommends ca-certificates python3 python3-pip\nRUN echo "deb [signed-by=/etc/apt/keyrings/nodesource.gpg] https://deb.nodesource.com/node_$NODE_MAJOR.x nodistro main" > /etc/apt/sources.list.d/nodesource.list && apt-get update && apt-get install -y nodejs\nCMD ["/app/run"]\n',
    },
    {
      name: "a header whose only recommends come through libc6-dev, which build-essential brought (unknown base, an unrelated purge between)",
      code: 'FROM example/base:1.0\nRUN apt-get update && apt-get install -y --no-install-recommends build-essential\nRUN apt-get update && apt-get purge -y nginx && apt-get install -y libssl-dev libpcre3-dev apache2-utils\nCMD ["/app/run"]\n',
    },
    {
      name: "a tool with no Recommends in any release that has it (pcregrep), on an unknown base",
      code: 'FROM example/base:1.0\nRUN apt-get update && apt-get install -y pcregrep\nCMD ["/app/run"]\n',
    },
    {
      name: "an Essential package (in every Debian image) next to one with no recommends",
      code: 'FROM debian:bookworm-slim\nRUN apt-get update && apt-get install -y bash jq\nCMD ["run.sh"]\n',
    },
    {
      name: "Ubuntu read as the Debian release it was taken from; an unknown name shows no gain",
      code: 'FROM ubuntu:24.04\nRUN apt-get update && apt-get install -y libssl3 ca-certificates liblz4-9 && rm -rf /var/lib/apt/lists/*\nCMD ["broker"]\n',
    },
    {
      name: "a vendor driver next to a Debian package whose recommends on trixie are none",
      code: "FROM ubuntu:24.04\nRUN apt-get update && ACCEPT_EULA=Y apt-get install -y unixodbc-dev acme-odbc-driver\n",
    },
    {
      name: "what is left to keep out weighs under a megabyte (noble read as trixie)",
      code: "FROM ubuntu:24.04\nRUN apt-get update && apt-get install -y nginx\n",
    },
    {
      name: "Xdebug and PCOV on every build: a PHP development image (Laravel Sail's)",
      code: 'FROM ubuntu:24.04\nRUN apt-get update && apt-get install -y php8.4-cli php8.4-xdebug php8.4-pcov git\nCMD ["start-container"]\n',
    },
    {
      name: "gpg fetches keys in a context script the RUN runs: dirmngr only comes through gpg's recommends",
      code: "FROM debian:bookworm-slim\nCOPY tools/setup_runtime /tmp/setup_runtime\nRUN apt-get update && apt-get install -y curl gpg ca-certificates\nRUN /tmp/setup_runtime 22\n",
      context: {
        files: {
          "tools/setup_runtime":
            "#!/usr/bin/env bash\nset -e\ngpg --keyserver hkps://keys.openpgp.org --recv-keys 0123456789ABCDEF\ncurl -fsSLO https://example.org/runtime-$1.tar.gz\n",
        },
      },
    },
    {
      name: "gpg runs later in the RUN and no install names it: it arrives as a recommendation (dpkg-dev's gnupg)",
      code: 'FROM python:3.12-slim\nRUN set -eux; apt-get update; apt-get install -y build-essential wget; wget -O /usr/local/bin/tool https://example.org/tool; wget -O /tmp/tool.asc https://example.org/tool.asc; gpg --batch --verify /tmp/tool.asc /usr/local/bin/tool\nCMD ["python"]\n',
    },
    {
      name: "gpg fetches keys from a keyserver: dirmngr only comes through its recommends",
      code: 'FROM ubuntu:24.04\nRUN apt-get update && apt-get -y install gpg gettext-base\nRUN gpg --batch --keyserver hkps://keys.openpgp.org --recv-keys "$GPG_KEY"\n',
    },
    {
      name: "a full buildpack-deps image, and a file that asks for the flag nowhere: the recommends are mostly there",
      code: 'FROM ruby:3.2\nRUN apt-get update && apt-get install -y postgresql-client libvips\nCMD ["bin/rails", "s"]\n',
    },
    {
      // Held-out CN, ClassQuiz: pip builds psycopg2 from source with gcc on python:3.13-slim.
      name: "gcc recommends the libc6-dev a later compile needs, and neither the image nor its base has it",
      code: 'FROM python:3.13-slim\nCOPY requirements.txt /app/\nRUN apt update && apt install -y gcc libpq5 libpq-dev libmagic1\nRUN pip install -r /app/requirements.txt\nCMD ["python", "-m", "app"]\n',
    },
    {
      // Held-out CD, ocrserver: gosseract is a cgo binding of libtesseract.
      name: "Debian's golang recommends the gcc and libc6-dev a later cgo build (go get, go install) compiles with",
      code: 'FROM debian:bullseye-slim\nRUN apt update && apt install -y ca-certificates libtesseract-dev=4.1.1-2.1 golang=2:1.15~1\nENV GOPATH=/go\nADD . /go/src/app\nWORKDIR /go/src/app\nRUN go get -v ./... && go install .\nCMD ["app"]\n',
    },
    {
      name: "Debian's cmake recommends the make and compiler a later gem build runs, and the image names neither",
      code: "FROM ruby:3.3-slim-bookworm\nRUN apt-get update && apt-get install -y cmake pkg-config libssl-dev\nRUN gem install rugged\n",
    },
    {
      name: "software-properties-common before add-apt-repository ppa: launchpadlib comes only through its recommends",
      code: "FROM ubuntu:22.04\nRUN apt-get update && apt-get install -y software-properties-common && add-apt-repository ppa:ubuntugis/ppa && apt-get install -y --no-install-recommends gdal-bin\n",
    },
    {
      name: "Debian's pip recommends the compiler and headers it builds source packages with",
      code: "FROM ubuntu:22.04\nRUN apt-get update && apt-get install -y python3-pip\nCOPY . /app\nRUN pip3 install /app\n",
    },
    {
      // shuup (held-out BM): python3-dev named, build-essential only recommended.
      name: "pip with Python's headers named but no compiler: build-essential comes only as pip's recommendation",
      code: 'FROM node:12-buster-slim\nRUN apt-get update && apt-get --assume-yes install python3 python3-dev python3-pil python3-pip\nCOPY . /app\nRUN pip3 install -r /app/requirements.txt\nCMD ["python3", "-m", "shop"]\n',
    },
    {
      name: "pip on an official image that holds a compiler (php, its PHPIZE_DEPS) but not Python's headers",
      code: "FROM php:8.3-cli\nRUN apt-get update && apt-get install -y python3-pip\nRUN pip3 install --break-system-packages pre-commit\n",
    },
    {
      // HDX's CKAN (held-out BZ): build-essential named, python3-dev only recommended; psycopg2 builds from source.
      name: "pip with a compiler named but not Python's headers: python3-dev comes only as pip's recommendation",
      code: 'FROM ubuntu:jammy\nRUN apt-get update && apt-get install -y build-essential libpq-dev python3 python3-pip\nCOPY . /srv\nRUN pip install -r /srv/requirements.txt\nCMD ["unitd", "--no-daemon"]\n',
    },
    {
      name: "git in a workspace image (sudo installed) with no SSH client named: its users need git over SSH",
      code: "FROM ubuntu:24.04\nRUN apt-get update && apt-get install -y git nano sudo && rm -rf /var/lib/apt/lists/*\nEXPOSE 8443\n",
    },
    {
      name: "git in a CI runner that installs sudo in another RUN",
      code: "FROM ubuntu:24.04\nRUN apt-get update && apt-get install -y --no-install-recommends sudo curl jq\nRUN apt-get update && apt-get install -y git\nUSER runner\n",
    },
    {
      name: "an opt-in branch after 'set -eux', narrowed by '&&', with a nested if/else inside",
      code: 'FROM php:8.3-fpm\nARG INSTALL_DECIMAL=false\nRUN set -eux; if [ ${INSTALL_DECIMAL} = true ] && [ -n "$PHP_VERSION" ]; then \\\n    if [ -f /tmp/src.tgz ]; then make install; else apt-get install -y libmpdec-dev; fi; \\\n    apt-get install -y zip; \\\n  fi\n',
    },
    {
      name: "an opt-in branch a plain build skips",
      code: "FROM php:8.3-fpm\nARG INSTALL_IMAGICK=false\nRUN if [ ${INSTALL_IMAGICK} = true ]; then \\\n    apt-get install -y libmagickwand-dev && \\\n    pecl install imagick; \\\n  fi\n",
    },
    {
      // Held-out CH, dim: libva2 recommends va-driver-all, the VAAPI drivers its transcoding uses.
      name: "libva's loader, whose VAAPI drivers come only as recommends",
      code: 'FROM debian:bullseye\nRUN apt-get update && apt-get install -y ca-certificates libfontconfig libfribidi0 libharfbuzz0b libtheora0 libva-drm2 libva2 libvorbis0a \\\n    && rm -rf /var/lib/apt/lists/*\nCOPY dim /opt/dim/dim\nEXPOSE 8000\nCMD ["/opt/dim/dim"]\n',
    },
    {
      name: "a Vulkan loader needs its recommends (the GPU drivers)",
      code: "FROM ubuntu:22.04\nRUN apt-get update && apt-get install -y libvulkan1 && rm -rf /var/lib/apt/lists/*\n",
    },
    {
      // Held-out AV, livekit egress: without its recommends, fonts-noto is the Latin core alone.
      name: "the fonts-noto metapackage, whose other scripts' fonts are recommends",
      code: "FROM debian:12-slim\nRUN apt-get update && apt-get install -y fonts-noto pulseaudio-utils && rm -rf /var/lib/apt/lists/*\n",
    },
    {
      name: "a browser needs its recommends (sandbox, fonts)",
      code: "FROM python:3.12-slim\nRUN apt-get update && apt-get install -y chromium chromium-driver\n",
    },
    {
      name: "a browser from a downloaded .deb",
      code: "FROM debian:12-slim\nRUN apt-get install -y ./google-chrome-stable_current_amd64.deb && rm google-chrome-stable_current_amd64.deb\n",
    },
    {
      name: "the Docker engine needs its recommends (apparmor, pigz)",
      code: "FROM ubuntu:24.04\nRUN apt-get update && apt-get install -y docker-ce docker-ce-cli containerd.io\n",
    },
    "FROM debian:12-slim\nRUN apt-get install -y --no-install-recommends curl\n",
    {
      name: "only packages that have no Recommends (checked on Debian 12): the flag would change nothing",
      code: "FROM debian:12-slim\nRUN apt-get update && apt-get install -y ca-certificates libssl3 tzdata=2024a-0+deb12u1 && rm -rf /var/lib/apt/lists/*\n",
    },
    {
      name: "a development header whose package and dependencies recommend nothing in any Debian release read, on Ubuntu 22.04",
      code: "FROM ubuntu:22.04\nRUN apt-get update && apt-get install -y --no-install-recommends git \\\n && apt-get install -y libyaml-dev && rm -rf /var/lib/apt/lists/*\n",
    },
    { name: "apt install with the flag", code: "FROM debian:12-slim\nRUN apt update && apt -y install --no-install-recommends imagemagick\n" },
    { name: "builder stage", code: "FROM debian:12-slim AS build\nRUN apt-get install -y make\nFROM scratch\nCOPY --from=build /usr/bin/make /make\n" },
    {
      name: "configured once",
      code: "FROM debian:12-slim\nRUN echo 'APT::Install-Recommends \"false\";' > /etc/apt/apt.conf.d/norecs\nRUN apt-get install -y curl\n",
    },
    "FROM debian:12-slim\nRUN apt-get -o APT::Install-Recommends=false install -y curl\n",
    {
      name: "recommends purged later in the same RUN",
      code: "FROM python:3.12-slim\nRUN apt-get update && apt-get install -y build-essential && pip install x && apt-get purge -y --auto-remove -o APT::AutoRemove::RecommendsImportant=false build-essential\n",
    },
    { name: "a development image by its stage name", code: "FROM debian:12-slim AS dev\nRUN apt-get update && apt-get install -y git vim\n" },
    {
      name: "a development image by its shell command",
      code: 'FROM ubuntu:24.04\nRUN apt-get update && apt-get install -y build-essential git\nCMD ["bash"]\n',
    },
  ],
});
