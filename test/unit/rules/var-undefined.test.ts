import { rule } from "../../../server/src/rules/var-undefined";
import { testRule } from "../../support/rule-tester";

testRule(rule, {
  fires: [
    {
      // spacemanspiff2007/HABApp (held-out CO): its entry script reads `${GROUP_ID:-$NEW_USER_ID}`, as its docs promise.
      name: "the same ENV's name, where the start script defaults the empty value: the pair is what misleads",
      code: 'FROM python:3.11\nCOPY container/entrypoint.sh /entrypoint.sh\nENV HABAPP_HOME=/habapp \\\n\tUSER_ID=9001 \\\n\tGROUP_ID=${USER_ID}\nENTRYPOINT ["/entrypoint.sh"]\n',
      context: { files: { "container/entrypoint.sh": "#!/bin/bash\nNEW_USER_ID=${USER_ID}\nNEW_GROUP_ID=${GROUP_ID:-$NEW_USER_ID}\n" } },
      messageId: "defaultedAtStart",
      line: 5,
      data: { name: "USER_ID", declared: "GROUP_ID" },
    },
    {
      name: "the same ENV's name, where the start script reads the value without a default for empty",
      code: 'FROM python:3.11\nCOPY container/entrypoint.sh /entrypoint.sh\nENV USER_ID=9001 GROUP_ID=${USER_ID}\nENTRYPOINT ["/entrypoint.sh"]\n',
      context: { files: { "container/entrypoint.sh": "#!/bin/bash\nNEW_GROUP_ID=${GROUP_ID-$USER_ID}\n" } },
      messageId: "sameInstruction",
      line: 3,
    },
    {
      // Held-out AW, OpenDroneMap: both stages extend PYTHONPATH the same way; "set it here too" named the other stage.
      name: "a search path extended with itself in two stages of a known image: the empty entry, not the other stage",
      code: 'FROM ubuntu:24.04 AS builder\nENV PYTHONPATH="$PYTHONPATH:/code/lib"\nFROM ubuntu:24.04\nENV PYTHONPATH="$PYTHONPATH:/code/lib"\n',
      messageId: "emptyEntry",
      count: 2,
      line: 2,
      data: { name: "PYTHONPATH" },
    },
    {
      name: "a global ARG a FROM tag uses, read in the stage of a known image: the stage sees it empty",
      code: "ARG ALPINE_VERSION=3.20\nFROM alpine:${ALPINE_VERSION}\nENV ALPINE_RELEASE=${ALPINE_VERSION}\n",
      messageId: "globalArg",
      line: 3,
      data: { name: "ALPINE_VERSION" },
    },
    {
      // Held-out AR, ever-gauzy: adding the ARG would carry a build-time credential into the image.
      name: "a secret-named global ARG copied into an ENV: the remedy is the run time, not an ARG",
      code: "ARG DB_PASS\nFROM node:22-alpine\nENV DB_PASS=${DB_PASS} DB_HOST=${DB_HOST}\n",
      messageId: "globalArgSecret",
      line: 3,
    },
    {
      // Held-out CC, Conjur (missed): the ENV sets CONJUR_HOME in a later pair; LOG_DIR gets the old, empty value.
      name: "a name a later pair of the same ENV sets, on an image whose environment is not known (hadolint's DL3044)",
      code: "FROM cyberark/ubuntu-ruby-fips:latest\nENV PORT=80 \\\n    LOG_DIR=${CONJUR_HOME}/log \\\n    TMP_DIR=${CONJUR_HOME}/tmp \\\n    CONJUR_HOME=/opt/conjur-server\n",
      messageId: "sameInstruction",
      line: 3,
    },
    {
      // OpenAtomFoundation/pika: /pika/bin never reaches PATH.
      name: "a variable set by an earlier pair of the same ENV still expands to its value before the ENV",
      code: "FROM ubuntu:22.04\nENV PIKA=/pika \\\n    PATH=${PIKA}:${PIKA}/bin:${PATH}\n",
      messageId: "sameInstruction",
      line: 3,
      data: { name: "PIKA", keyword: "ENV" },
    },
    {
      // JetBrains/kotlin-compiler-server: each COPY then takes the builder's whole folder.
      name: "a variable another stage on the same image sets does not cross FROM",
      code: "FROM amazoncorretto:17-al2023 AS build\nARG KOTLIN_VERSION\nENV KOTLIN_LIB=$KOTLIN_VERSION\nRUN ./gradlew build\nFROM amazoncorretto:17-al2023\nCOPY --from=build /src/${KOTLIN_LIB} /srv/${KOTLIN_LIB}\n",
      messageId: "otherStage",
      line: 6,
      data: { name: "KOTLIN_LIB", stage: "build" },
    },
    {
      code: "FROM alpine:3.20\nARG DIST_DIR=dist\nCOPY $DIST_DIRR /app\n",
      messageId: "didYouMean",
      line: 3,
      token: "$DIST_DIRR",
      data: { name: "DIST_DIRR", suggestion: "DIST_DIR" },
      output: "FROM alpine:3.20\nARG DIST_DIR=dist\nCOPY $DIST_DIR /app\n",
    },
    {
      name: "a global ARG not declared again in the stage, on an image whose environment is not known",
      code: "ARG BUILD_SHA\nFROM gcr.io/project/flutter:stable\nENV BUILD_SHA=$BUILD_SHA\n",
      messageId: "globalArg",
      line: 3,
      token: "$BUILD_SHA",
      data: { name: "BUILD_SHA" },
      output: null,
    },
    {
      name: "a global ARG on a known image, used in another stage than the one that declares it again",
      code: "ARG VERSION=1.0\nFROM alpine:3.22 AS a\nARG VERSION\nLABEL v=$VERSION\nFROM alpine:3.22\nLABEL v=$VERSION\n",
      messageId: "globalArg",
      line: 6,
    },
    {
      // Held-out BI, flora-server: missed. The RUN's shell sees the global ARG empty and installs another GHC.
      name: "a global ARG a RUN of a stage that never declares it uses, on a known image",
      code: "ARG GHC_VERSION=9.10.3\nFROM ubuntu:22.04 AS tools\nARG GHC_VERSION\nRUN ghcup install ghc $GHC_VERSION\nFROM ubuntu:22.04 AS devel\nRUN ghcup install ghc $GHC_VERSION && ghcup set ghc ${GHC_VERSION}\n",
      messageId: "globalArg",
      line: 6,
      count: 1,
      token: "$GHC_VERSION",
      data: { name: "GHC_VERSION" },
      output:
        "ARG GHC_VERSION=9.10.3\nFROM ubuntu:22.04 AS tools\nARG GHC_VERSION\nRUN ghcup install ghc $GHC_VERSION\nFROM ubuntu:22.04 AS devel\nARG GHC_VERSION\nRUN ghcup install ghc $GHC_VERSION && ghcup set ghc ${GHC_VERSION}\n",
    },
    {
      name: "a global ARG in an exec-form RUN's shell script",
      code: 'ARG VERSION=1.0\nFROM debian:bookworm\nRUN ["sh", "-c", "echo $VERSION > /version"]\n',
      messageId: "globalArg",
      line: 3,
    },
    {
      name: "a --chown value the builder expands",
      code: "FROM debian:12-slim\nCOPY --chown=${APP_USER}:${APP_USER} app /app\n",
      messageId: "undefined",
      line: 2,
      token: "${APP_USER}",
      data: { name: "APP_USER" },
      output: null,
    },
    { name: "declared later", code: "FROM alpine:3.20\nCOPY $foo .\nARG foo=bar\n", messageId: "undefined", line: 2, data: { name: "foo" }, output: null },
    {
      name: "near miss of PATH on any image",
      code: "FROM node:22\nENV PATH=$PAHT:/app/bin\n",
      messageId: "didYouMean",
      data: { name: "PAHT", suggestion: "PATH" },
    },
    { name: "global ARG not re-declared", code: "ARG V=1\nFROM scratch\nLABEL v=$V\n", messageId: "globalArg" },
    {
      name: "image-defined name misspelled",
      code: "FROM golang:1.23-alpine\nWORKDIR $GOAPTH/src\n",
      messageId: "didYouMean",
      data: { name: "GOAPTH", suggestion: "GOPATH" },
    },
    {
      name: "a pair written in a comment line inside a continued ENV declares nothing",
      code: "FROM alpine:3.20\nENV APP_HOME=/app \\\n    # DATA_DIR=/data comes from the compose file\n    APP_USER=app\nVOLUME $DATA_DIR\n",
      messageId: "undefined",
      line: 5,
      data: { name: "DATA_DIR" },
    },
    { name: "no operator: ${X} alone", code: "FROM debian:13-slim\nENV OVERRIDE=${CUDA_VERSION}\n", messageId: "undefined" },
    { name: "PATH-only image with an unresolved tag", code: "ARG V\nFROM alpine:${V}\nWORKDIR $GOPATH/src\n", messageId: "didYouMean" },
    {
      name: "a search path extended on a literal PATH-only image: the variable is known to be unset there",
      code: "FROM debian:12-slim\nENV LD_LIBRARY_PATH=${LD_LIBRARY_PATH}:/opt/vendor/lib\n",
      messageId: "emptyEntry",
      data: { name: "LD_LIBRARY_PATH" },
    },
    {
      // Held-out BV, Mozilla's HTTP Observatory: python:3.11 sets no PYTHONPATH, so ':/app' puts the working folder on sys.path.
      name: "a search path extended on an official language image known to set none",
      code: "FROM python:3.11\nWORKDIR /app\nENV PYTHONPATH $PYTHONPATH:/app\n",
      messageId: "emptyEntry",
      data: { name: "PYTHONPATH" },
    },
    {
      name: "a library path extended on the golang image, which sets GOPATH but no LD_LIBRARY_PATH",
      code: "FROM golang:1.24\nENV LD_LIBRARY_PATH=/opt/oracle/lib:${LD_LIBRARY_PATH}\n",
      messageId: "emptyEntry",
      data: { name: "LD_LIBRARY_PATH" },
    },
    {
      // lua-resty-auto-ssl: '$LUA_PATH' would put .lua patterns into the C module path.
      name: "a variable that extends itself is named on purpose: no near miss is suggested, even where it is known unset",
      code: 'FROM debian:12-slim\nENV LUA_PATH="/opt/lua/?.lua"\nENV LUA_CPATH="/opt/lua/?.so;${LUA_CPATH}"\n',
      messageId: "emptyEntry",
      line: 3,
      data: { name: "LUA_CPATH" },
    },
    {
      name: "a base chosen by argument: a near miss of a declared name is still a typo",
      code: "ARG BASE=debian:12-slim\nFROM ${BASE}\nARG RUN_MODE=prod\nENV MODE=${RUN_MDOE}\n",
      messageId: "didYouMean",
      data: { name: "RUN_MDOE", suggestion: "RUN_MODE" },
    },
  ],
  silent: [
    {
      // Held-out BW, ioBroker: the workflow runs sed on the file before the build; '$PATH' was offered for '$DATI'.
      name: "placeholders the project's build fills in with sed before building",
      code: 'FROM debian:bookworm-slim\nLABEL org.opencontainers.image.version="${VERSION}" \\\n      org.opencontainers.image.created="${DATI}"\n',
      context: { templatePlaceholders: ["VERSION", "DATI", "BUILD"] },
    },
    {
      name: "global ARGs a RUN uses where the stage has them, gives a fallback, sets them, or reads them literally",
      code: "ARG V=1\nARG W=2\nARG X=3\nARG Y=4\nFROM ubuntu:24.04 AS base\nARG V\nFROM base\nRUN echo $V ${W:-2} && X=5 && echo $X '$Y' \\$Y\n",
    },
    {
      name: "a global ARG in a RUN on an image whose environment is not known",
      code: "ARG TOOL_VERSION=1\nFROM example/toolchain:2\nRUN install-tool $TOOL_VERSION\n",
    },
    {
      name: "a global ARG a FROM uses, in a RUN (the image may set it)",
      code: "ARG CUDA_VERSION=12.4\nFROM nvidia/cuda:${CUDA_VERSION}-base\nRUN echo $CUDA_VERSION\n",
    },
    { name: "a global ARG the stage declares after the RUN", code: "ARG V=1\nFROM alpine:3.22\nRUN echo $V\nARG V\n" },
    { name: "a global platform ARG in a RUN is var-platform-undeclared's", code: "ARG TARGETARCH\nFROM alpine:3.22\nRUN echo $TARGETARCH\n" },
    { name: "a global ARG in a RUN under PowerShell", code: 'ARG V=1\nFROM alpine:3.22\nSHELL ["pwsh", "-Command"]\nRUN echo $V\n' },
    {
      // Held-out AW, b-data: the R image chosen by the arguments sets R_VERSION; `$ARF_VERSION` was offered.
      name: "a global ARG the FROM line chooses the image by, read in a stage with a near-named ARG",
      code: "ARG R_VERSION\nARG BUILD_ON_IMAGE=glcr.b-data.ch/r/ver\nFROM ${BUILD_ON_IMAGE}:${R_VERSION}\nARG ARF_VERSION=0.4.5\nENV PARENT_IMAGE=${BUILD_ON_IMAGE}:${R_VERSION}\n",
    },
    { name: "a variable set in an earlier ENV", code: "FROM ubuntu:22.04\nENV PIKA=/pika\nENV PATH=${PIKA}/bin:${PATH}\n" },
    {
      name: "the same ENV on Windows, whose builder and images differ",
      code: '# escape=`\nFROM mcr.microsoft.com/windows/nanoserver:1809\nENV ProgramFiles="C:\\Program Files" `\n    PSCORE="$ProgramFiles\\PowerShell\\pwsh.exe"\n',
    },
    {
      name: "a variable another stage sets on another image: this image may define it",
      code: "FROM alpine:3.20 AS build\nENV JAVA_HOME=/opt/jdk\nRUN make\nFROM eclipse-temurin:21-jre\nCOPY --from=build /out $JAVA_HOME/lib/app\n",
    },
    {
      name: "a variable the stage inherits from the stage it builds on",
      code: "FROM alpine:3.20 AS base\nENV APP_DIR=/srv/app\nFROM base\nCOPY . $APP_DIR\n",
    },
    {
      // borgmatic's docs image (held-out BS): `$PORT` was offered for `$FONT`.
      name: "an ARG whose default names the argument itself, beside a near name",
      code: "FROM node:22-alpine\nARG PORT=${PORT}\nARG FONT=${FONT}\nRUN echo $FONT\n",
    },
    { name: "a --chown value declared by ARG", code: "FROM debian:12-slim\nARG APP_USER=app\nCOPY --chown=${APP_USER}:${APP_USER} app /app\n" },
    {
      name: "a global ARG declared again in the stage",
      code: "ARG BUILD_SHA\nFROM gcr.io/project/flutter:stable\nARG BUILD_SHA\nENV BUILD_SHA=$BUILD_SHA\n",
    },
    {
      name: "a global ARG a FROM uses: the unknown image may define a variable of that name",
      code: "ARG CUDA_VERSION=12.4.1\nFROM example.com/gpu/cuda:${CUDA_VERSION}-runtime\nENV CUDA_HOME=/usr/local/cuda-$CUDA_VERSION\n",
    },
    {
      name: "a search path extended on a base the build chooses by argument (its default may be overridden)",
      code: 'ARG RUNTIME_BASE=debian:12-slim\nFROM ${RUNTIME_BASE} AS runtime\nFROM runtime AS app\nENV LD_LIBRARY_PATH="${LD_LIBRARY_PATH}:/usr/lib/accel"\n',
    },
    { name: "a base chosen by argument may define any name", code: "ARG BASE=debian:12-slim\nFROM ${BASE}\nWORKDIR ${APP_HOME}\n" },
    {
      name: "Lua's ;-separated search paths extended on a vendor image whose environment is not all known",
      code: 'FROM example/openresty:1.21-centos\nENV LUA_PATH="/opt/lua/?.lua;${LUA_PATH}"\nENV LUA_CPATH="/opt/lua/?.so;${LUA_CPATH}"\n',
    },
    {
      name: "a ;-separated search path extended in two stages on the same vendor image: each extends the image's own",
      code: 'FROM example/openresty:1.21-centos AS build\nENV LUA_CPATH="/build/lua/?.so;${LUA_CPATH}"\nFROM example/openresty:1.21-centos\nENV LUA_CPATH="/opt/lua/?.so;${LUA_CPATH}"\n',
    },
    {
      name: "a search path an official image sets (tomcat's LD_LIBRARY_PATH) extended with itself",
      code: "FROM tomcat:10.1-jdk21\nENV LD_LIBRARY_PATH=${LD_LIBRARY_PATH}:/opt/native\n",
    },
    {
      name: "PYTHONPATH prepended to on an image whose environment is not all known",
      code: "FROM nvidia/cuda:12.4.1-runtime-ubuntu22.04\nENV PYTHONPATH=/app/src:$PYTHONPATH\n",
    },
    { name: "PATH in a scratch stage: BuildKit sets the default PATH", code: "FROM scratch\nCOPY --from=busybox:1.37 /bin /bin\nENV PATH=$PATH:/opt/bin\n" },
    "FROM alpine:3.20\nRUN echo $PATH\n",
    "FROM alpine:3.20\nENV PATH=$PATH:/app\n",
    { name: "unknown image environment", code: "FROM eclipse-temurin:21\nENV PATH=$JAVA_HOME/bin:$PATH\n" },
    { name: "defined by the golang image", code: "FROM golang:1.23-alpine AS builder\nWORKDIR $GOPATH/src/app\nFROM builder\nCOPY . $GOPATH/src/app\n" },
    { name: "defined by the node image", code: "FROM node:22\nLABEL node=$NODE_VERSION yarn=$YARN_VERSION\n" },
    { name: "defined by the python image", code: "FROM python:3.12-slim\nLABEL python=$PYTHON_VERSION sha=$PYTHON_SHA256\n" },
    { name: "a longer name on an unknown image is no typo of PATH", code: "FROM example/toolchain:1\nWORKDIR $GOPATH/src\n" },
    { name: "a shorter name on an unknown image is no typo of PATH", code: "FROM example/toolchain:1\nLABEL token=$PAT\n" },
    { name: "parent stage ARG", code: "FROM alpine AS base\nARG foo=Dockerfile\nFROM base\nCOPY $foo .\n" },
    { name: "single-quoted", code: "FROM alpine:3.20\nLABEL x='$nothing'\n" },
    { name: "an explicit empty default handles the unset case", code: 'FROM debian:13-slim\nENV OVERRIDE="${CUDA_VERSION:-}"\n' },
    { name: "an explicit default without colon", code: "FROM alpine:3.20\nWORKDIR ${APP_DIR-/app}\n" },
    { name: "an alternative value only when set", code: "FROM alpine:3.20\nLABEL suffix=${FLAVOR:+-$FLAVOR}\n" },
    {
      name: "a variable declared after comment lines (one with an apostrophe) inside a continued ENV",
      code: "FROM ubuntu:24.04\nENV TOOL_ENV=main \\\n    # bash, since sh can't do arrow keys\n    SHELL=/bin/bash \\\n    # where the tool goes\n    TOOL_DIR=/srv/tool\nENV TOOL_PREFIX=${TOOL_DIR}/envs/${TOOL_ENV}\nWORKDIR ${TOOL_DIR}\n",
    },
  ],
});
