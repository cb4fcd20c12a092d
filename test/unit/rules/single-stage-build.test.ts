import { rule } from "../../../server/src/rules/single-stage-build";
import * as assert from "assert";
import { findingsOf, testRule } from "../../support/rule-tester";

testRule(rule, {
  fires: [
    {
      name: "the same image whose start script runs a server, not a CI worker",
      code: "FROM ubuntu:22.04\nRUN apt-get update && apt-get install -y --no-install-recommends ninja-build git wget python3-pip && rm -rf /var/lib/apt/lists/*\nRUN wget https://apt.llvm.org/llvm.sh && chmod +x llvm.sh && ./llvm.sh 18 && rm -rf llvm.sh && apt-get install -y cmake && apt-get clean\nRUN cd /tmp && git clone --depth 1 https://github.com/grpc/grpc && cd grpc && mkdir build && cd build && cmake -G Ninja -DCMAKE_INSTALL_PREFIX=/usr/local/lib/grpc .. && cmake --build . --target install && cd / && rm -rf /tmp/grpc\nRUN pip3 install buildbot-worker==2.8.4\nCOPY run.sh /home/buildbot/\nCMD /home/buildbot/run.sh\n",
      context: { files: { "run.sh": "#!/bin/bash\nset -e\nexec /usr/local/bin/server --port 8080\n" } },
      messageId: "build",
    },
    {
      name: "a start whose arguments merely name a compiler (pm2-runtime --name nest) runs the built app",
      code: 'FROM node:20\nWORKDIR /app\nCOPY package*.json ./\nRUN npm ci\nCOPY . .\nRUN npm run build\nCMD ["npm", "run", "start:prod"]\n',
      context: {
        files: {
          "package.json":
            '{"scripts": {"build": "nest build", "start:prod": "pm2-runtime dist/main.js --name nest -i max"}, "dependencies": {"pm2": "^5.0.0"}, "devDependencies": {"@nestjs/cli": "^11.0.0", "typescript": "^5.0.0"}}',
        },
      },
      messageId: "build",
    },
    {
      name: "a start through a devDependency that only dispatches to the built server (run-script-os)",
      code: 'FROM node:22-alpine\nWORKDIR /app\nCOPY . .\nRUN npm install && npm run build\nCMD ["npm", "start"]\n',
      context: {
        files: {
          "package.json":
            '{"scripts": {"build": "tsc", "start": "run-script-os", "start:default": "node dist/index.js"}, "devDependencies": {"run-script-os": "^1.1.6", "typescript": "^5.0.0"}}',
        },
      },
      messageId: "build",
    },
    {
      name: "a start script that runs only the built app, though ts-node is a devDependency",
      code: 'FROM node:22-alpine\nWORKDIR /app\nCOPY package*.json ./\nRUN npm install\nCOPY . .\nRUN npm run build\nCOPY start.sh /start.sh\nCMD ["/start.sh"]\n',
      context: {
        files: {
          "package.json":
            '{"scripts": {"build": "nest build", "start:prod": "node dist/main", "typeorm": "env-cmd -- ts-node ./node_modules/typeorm/cli.js", "migration:run": "npm run typeorm -- migration:run"}, "dependencies": {"@nestjs/core": "^11.0.0", "typeorm": "^0.3.0"}, "devDependencies": {"@nestjs/cli": "^11.0.0", "ts-node": "^10.9.0", "env-cmd": "^10.1.0", "typescript": "^5.0.0"}}',
          "start.sh": "#!/bin/sh\nset -e\nnpm run start:prod\n",
        },
      },
      messageId: "build",
      line: 6,
    },
    {
      name: "a cross-compile for Android in an image that starts a program of its own",
      code: 'FROM ubuntu:22.04\nENV HOST=aarch64-linux-android\nCOPY . /src\nRUN cd /src && ./configure --host=$HOST && make\nCMD ["/src/serve"]\n',
      messageId: "build",
    },
    {
      name: "docker cp that copies a file into the container says nothing of the output",
      code: "# docker cp config.yml app:/etc/app/\nFROM ubuntu:22.04\nCOPY . /src\nRUN cd /src && make\n",
      messageId: "build",
    },
    {
      name: "a node app whose build folder stays",
      code: 'FROM node:24-alpine\nWORKDIR /app\nCOPY . .\nRUN cd app && NODE_ENV=dev npm ci && npm run build && cd .. && npm ci\nCMD ["node", "app.js"]\n',
      messageId: "build",
      line: 4,
    },
    {
      name: "an unknown base whose tag says it is a build image",
      code: 'FROM acme/toolbox:12-devel\nCOPY . /src\nRUN cd /src && make && make install\nCMD ["/usr/local/bin/tool"]\n',
      messageId: "build",
      data: { tool: "make" },
    },
    {
      name: "an unknown base, with the compiler packages handed to the base's own install wrapper",
      code: 'FROM acme/alpine-s6:3.21\nRUN install-pkgs .build-deps build-base openssl-dev && git clone https://example.org/tool.git && cd tool && make && make install\nCMD ["/usr/local/bin/tool"]\n',
      messageId: "build",
      data: { tool: "make" },
    },
    {
      name: "devDependencies a runtime stage would leave out: the split pays",
      code: 'FROM node:22-alpine\nWORKDIR /srv\nCOPY package.json yarn.lock ./\nRUN yarn\nCOPY src ./src\nRUN yarn build\nEXPOSE 3000\nCMD ["yarn", "start"]\n',
      context: {
        files: {
          "package.json":
            '{"scripts": {"build": "tsc", "start": "node dist/main.js"}, "dependencies": {"ws": "^8.18.0"}, "devDependencies": {"typescript": "5.6.3"}}',
        },
      },
      messageId: "build",
      data: { tool: "yarn build" },
    },
    {
      code: 'FROM golang:1.27\nWORKDIR /src\nCOPY . .\nRUN CGO_ENABLED=0 go build -o /app .\nCMD ["/app"]\n',
      messageId: "buildWithSaving",
      line: 4,
      token: "go build",
      data: { tool: "go build", image: "golang:1.27", runtime: "gcr.io/distroless/static-debian13", saving: "314 MB" },
      output: null,
    },
    {
      name: "cgo off by ENV: the static runtime still fits",
      code: 'FROM golang:1.27\nENV CGO_ENABLED=0\nCOPY . .\nRUN go build -o /app .\nCMD ["/app"]\n',
      messageId: "buildWithSaving",
      data: { tool: "go build", image: "golang:1.27", runtime: "gcr.io/distroless/static-debian13", saving: "314 MB" },
    },
    {
      name: "cgo left on (Go's default where gcc is found): the binary links glibc, so the runtime is the image's Debian release",
      code: 'FROM golang:1.27\nWORKDIR /src\nCOPY . .\nRUN go build -o /app .\nCMD ["/app"]\n',
      messageId: "buildWithSaving",
      data: { tool: "go build", image: "golang:1.27", runtime: "debian:trixie-slim", saving: "286 MB" },
    },
    {
      name: "a Go build through make, whose environment is not read: not pointed at a static runtime",
      code: 'FROM golang:1.26-bookworm\nWORKDIR /src\nCOPY . .\nRUN make build\nENTRYPOINT ["/src/gateway"]\n',
      messageId: "buildWithSaving",
      token: "make",
      data: { tool: "make", image: "golang:1.26-bookworm", runtime: "debian:bookworm-slim", saving: "269 MB" },
    },
    {
      name: "an entry script that only serves the bundle built into the image",
      code: 'FROM node:22-slim\nWORKDIR /code\nCOPY . .\nRUN npm install && npm run build\nENTRYPOINT ["./entrypoint.sh"]\n',
      context: { files: { "entrypoint.sh": "#!/bin/bash\n# npm run build is done in the image\nnpx serve -s dist -l 4018\n" } },
      messageId: "build",
    },
    {
      name: "a service in a folder named after Gitpod is not a workspace image",
      code: 'FROM node:24\nCOPY . .\nRUN npm ci && npm run build\nCMD ["npm", "start"]\n',
      context: { dockerfilePath: "components/gitpod-db/Dockerfile" },
      messageId: "buildWithSaving",
    },
    {
      name: "node full image",
      code: 'FROM node:24\nCOPY . .\nRUN npm ci && npm run build\nCMD ["npm", "start"]\n',
      messageId: "buildWithSaving",
      line: 3,
      token: "npm run build",
      data: { tool: "npm run build", image: "node:24", runtime: "node:24-slim", saving: "328 MB" },
    },
    {
      name: "maven",
      code: "FROM maven:3-eclipse-temurin-21\nCOPY . .\nRUN mvn -B -DskipTests package\n",
      messageId: "buildWithSaving",
      line: 3,
      token: "mvn -B -DskipTests package",
    },
    {
      name: "no runtime estimate for a plain distribution base",
      code: 'FROM ubuntu:24.04\nCOPY . /src\nRUN make\nCMD ["./app"]\n',
      messageId: "build",
      line: 3,
      token: "make",
      data: { tool: "make" },
    },
    { name: "javac compiling sources", code: "FROM ubuntu:24.04\nCOPY Main.java .\nRUN javac Main.java\n", messageId: "build", line: 3, token: "javac" },
    { name: "slim node bundling", code: "FROM node:24-slim\nRUN npm ci && npm run build:prod\n", messageId: "build", token: "npm run build:prod" },
    {
      name: "a build in a branch on a build argument nobody passes runs in every build",
      code: 'FROM node:24-slim\nARG PREBUILT=no\nCOPY . /srv\nRUN if [ "$PREBUILT" = no ]; then npm ci && npm run bundle; fi\nCMD ["node", "/srv/out/main.js"]\n',
      context: { buildArgs: { composeBuilds: 0, passed: ["NODE_VERSION"] } },
      messageId: "build",
      line: 4,
      token: "npm run bundle",
    },
    {
      name: "a node build script that drives a bundler the manifest lists is a real build",
      code: 'FROM node:22-slim\nWORKDIR /srv\nCOPY . .\nRUN npm ci && npm run build\nCMD ["node", "dist/server.js"]\n',
      context: { files: { "package.json": '{"scripts": {"build": "node tools/bundle.mjs"}, "devDependencies": {"esbuild": "^0.24.0"}}' } },
      messageId: "build",
      token: "npm run build",
    },
    {
      name: "a C build on a php Alpine base, which keeps no toolchain of its own",
      code: 'FROM php:8.3-cli-alpine\nCOPY ext /opt/ext\nRUN cd /opt/ext && phpize && ./configure && make && make install\nCMD ["php", "server.php"]\n',
      messageId: "build",
      token: "make",
    },
    {
      name: "a C build on a compiler base: the other rule is silent there, so this one reports",
      code: 'FROM gcc:14\nRUN apt-get update && apt-get install -y --no-install-recommends g++ cmake\nCOPY . /work\nRUN cmake -S /work -B /out && cmake --build /out\nCMD ["/out/tool"]\n',
      messageId: "buildWithSaving",
      token: "cmake",
    },
  ],
  silent: [
    {
      // Held-out BZ relabel, classroomio's API: the entry script runs the db package's setup, which needs tsx (a devDependency there).
      name: "an entry script that runs another workspace package's script at start",
      code: 'FROM node:20-slim\nWORKDIR /app\nCOPY . .\nRUN pnpm install --frozen-lockfile && pnpm -r --filter @cio/api... build\nCOPY docker/entrypoint-api.sh /app/entrypoint.sh\nENTRYPOINT ["/app/entrypoint.sh"]\n',
      context: { files: { "docker/entrypoint-api.sh": "#!/bin/sh\nset -e\npnpm --filter @cio/db db:setup\nexec pnpm --filter @cio/api start\n" } },
    },
    {
      // Held-out CK, karapace: the Makefile's `podman build -t karapace-test-kafka -f container/Dockerfile .`.
      name: "an image the Makefile tags as a test image",
      code: 'FROM fedora:30\nRUN dnf install -y java-openjdk python3 git make\nCOPY . /app\nWORKDIR /app\nRUN make\nENTRYPOINT ["/bin/bash", "/opt/start.sh"]\n',
      context: { makeImageBuilds: [["karapace-test-kafka"]] },
    },
    {
      // Held-out BW, Exercism's Go test runner: it compiles each submission, so the toolchain ships.
      name: "an image that warms Go's build cache with the standard library compiles at run time",
      code: 'FROM golang:1.26-alpine\nCOPY . /opt/test-runner\nRUN go build std cmd\nRUN cd /opt/test-runner && go build -o bin/test-runner .\nENTRYPOINT ["sh", "/opt/test-runner/bin/run.sh"]\n',
    },
    {
      // firedrakeproject/firedrake (held-out BP): PyOP2 compiles the generated C kernels on first use.
      name: "a file that says its code is JIT-compiled when it runs",
      code: "FROM ubuntu:24.04\nRUN git clone https://gitlab.com/petsc/petsc.git /opt/petsc && cd /opt/petsc && ./configure --download-mpich && make\n# Force '-mtune=generic' for JIT-ed code\nENV PYOP2_CFLAGS=-O3\n",
    },
    {
      // Held-out BE, vlang/v: `v` compiles through the C compiler it calls on every build.
      name: "a compiler's own image: the toolchain is what it ships",
      code: 'FROM buildpack-deps:bookworm-curl\nRUN apt-get update && apt-get install -y --no-install-recommends gcc clang make git libc6-dev && rm -rf /var/lib/apt/lists/*\nWORKDIR /opt/vlang\nCOPY . .\nRUN make && ln -s /opt/vlang/v /usr/local/bin/v\nCMD ["v"]\n',
    },
    {
      // Held-out AZ, llvm-zorg's clangd buildbot worker: the split into a run stage judged wrong.
      name: "a Buildbot worker image: its jobs build with the toolchain it holds",
      code: "FROM ubuntu:22.04\nRUN apt-get update && apt-get install -y --no-install-recommends ninja-build git wget python3-pip && rm -rf /var/lib/apt/lists/*\nRUN wget https://apt.llvm.org/llvm.sh && chmod +x llvm.sh && ./llvm.sh 18 && rm -rf llvm.sh && apt-get install -y cmake && apt-get clean\nRUN cd /tmp && git clone --depth 1 https://github.com/grpc/grpc && cd grpc && mkdir build && cd build && cmake -G Ninja -DCMAKE_INSTALL_PREFIX=/usr/local/lib/grpc .. && cmake --build . --target install && cd / && rm -rf /tmp/grpc\nRUN pip3 install buildbot-worker==2.8.4\nCOPY run.sh /home/buildbot/\nCMD /home/buildbot/run.sh\n",
      context: {
        files: {
          "run.sh":
            '#!/bin/bash\nset -e\nbuildbot-worker create-worker --keepalive=200 "$WORKER_NAME" "$HOST:$PORT" "$WORKER_NAME" "$PASSWORD"\nif ! buildbot-worker start "$WORKER_NAME"; then\n  exit 1\nfi\ntail -f $WORKER_NAME/twistd.log\n',
        },
      },
    },
    {
      // Held-out AQ, docsify: the image runs `npm run <script>`, `test` unless told otherwise, with Playwright's browsers.
      name: "a test-runner image: ENTRYPOINT runs npm scripts and CMD names the test script",
      code: 'FROM mcr.microsoft.com/playwright:v1.49.0-noble\nWORKDIR /app\nCOPY . .\nRUN npm install\nRUN npm run build\nENTRYPOINT ["npm", "run"]\nCMD ["test"]\n',
    },
    {
      name: "a start that runs ts-node, a devDependency, behind env-cmd and its options",
      code: 'FROM node:22-alpine\nWORKDIR /app\nCOPY . .\nRUN npm install && npm run build\nCMD ["npx", "env-cmd", "-f", ".env.prod", "--", "ts-node", "src/seed.ts"]\n',
      context: {
        files: { "package.json": '{"scripts": {"build": "tsc"}, "devDependencies": {"ts-node": "^10.9.0", "env-cmd": "^10.1.0", "typescript": "^5.0.0"}}' },
      },
    },
    {
      name: "a command that preloads ts-node, a devDependency, to run the TypeScript sources",
      code: 'FROM node:22-alpine\nWORKDIR /app\nCOPY . .\nRUN npm install && npm run build\nCMD ["node", "-r", "ts-node/register", "src/main.ts"]\n',
      context: { files: { "package.json": '{"scripts": {"build": "tsc"}, "devDependencies": {"ts-node": "^10.9.0", "typescript": "^5.0.0"}}' } },
    },
    {
      name: "a start script that runs migrations through ts-node, a devDependency, on the sources (held-out AL: nestjs-boilerplate)",
      code: 'FROM node:22-alpine\nWORKDIR /app\nCOPY package*.json ./\nRUN npm install\nCOPY . .\nRUN npm run build\nCOPY start.sh /start.sh\nCMD ["/start.sh"]\n',
      context: {
        files: {
          "package.json":
            '{"scripts": {"build": "nest build", "start:prod": "node dist/main", "typeorm": "env-cmd -- ts-node ./node_modules/typeorm/cli.js", "migration:run": "npm run typeorm -- migration:run"}, "dependencies": {"@nestjs/core": "^11.0.0", "typeorm": "^0.3.0"}, "devDependencies": {"@nestjs/cli": "^11.0.0", "ts-node": "^10.9.0", "env-cmd": "^10.1.0", "typescript": "^5.0.0"}}',
          "start.sh": "#!/bin/sh\nset -e\nnpm run migration:run\nnpm run start:prod\n",
        },
      },
    },
    {
      name: "a header that says the binary is copied out with docker cp: a build environment",
      code: "# After the build, copy the binary using docker cp.\nFROM ubuntu:22.04\nRUN apt-get update && apt-get install -y --no-install-recommends make\nCOPY . /src\nRUN cd /src && ./configure && make\n",
    },
    {
      name: "a header that copies the output out with docker run -v ...:/out ... cp",
      code: "# $ docker run --rm -v /path/to/dest:/out tool-builder cp /root/build/tool /out\nFROM ubuntu:22.04\nCOPY . /src\nRUN cd /src && make\n",
    },
    {
      name: "a cross-compile environment for Android, with no command of its own",
      code: "FROM ubuntu:22.04\nENV HOST=aarch64-linux-android\nCOPY . /src\nRUN cd /src && ./configure --host=$HOST && make\n",
    },
    {
      name: "the base's own install wrapper removes the build group it installed, later in the RUN",
      code: 'FROM acme/alpine-s6:3.21\nRUN package install .build-deps gcc make openssl-dev && git clone https://example.org/tool.git && cd tool && make && make install && package remove .build-deps && package cleanup\nCMD ["/usr/local/bin/tool"]\n',
    },
    {
      // psi-4ward/psitransfer: the frontend is built in app/ and app/ is deleted in the same RUN.
      name: "a node app whose RUN deletes the folder it built the frontend in",
      code: 'FROM node:24-alpine\nWORKDIR /app\nCOPY . .\nRUN cd app && NODE_ENV=dev npm ci && npm run build && cd .. && npm ci && rm -rf app\nCMD ["node", "app.js"]\n',
    },
    {
      name: "make install of an app on a maintainer's base that must carry its make and run-time modules: nothing to shed",
      code: 'ARG BASE=helpdesk/tracker-runtime\nFROM ${BASE}:2024.3\nWORKDIR /usr/local/src\nRUN curl -fsSL -o app.tgz https://example.org/tracker-5.1.tgz && tar -xzf app.tgz && cd tracker-* && ./configure --prefix=/opt/tracker --with-db-type=SQLite && make install && cd .. && rm -rf /usr/local/src/*\nCMD ["/opt/tracker/sbin/tracker-server"]\n',
    },
    {
      name: "a Node server whose package.json lists every package as a dependency: a runtime stage would install the same node_modules",
      code: 'FROM node:22-alpine\nWORKDIR /srv\nCOPY package.json yarn.lock ./\nRUN yarn\nCOPY src ./src\nRUN yarn build\nEXPOSE 3000\nCMD ["yarn", "start"]\n',
      context: {
        files: { "package.json": '{"scripts": {"build": "tsc", "start": "node dist/main.js"}, "dependencies": {"typescript": "5.6.3", "ws": "^8.18.0"}}' },
      },
    },
    {
      name: "the entry script rebuilds the client bundle at every start (run-time settings baked in): the bundler is a run-time need",
      code: 'FROM node:22-slim\nWORKDIR /code\nCOPY . .\nRUN cd client && npm install\nRUN cd client && npm run build\nEXPOSE 4018\nENTRYPOINT ["./entrypoint.sh"]\n',
      context: {
        files: {
          "entrypoint.sh":
            '#!/bin/bash\nexport VITE_APP_API_HOST=${VITE_APP_API_HOST}\ncd client\nnohup sh -c \'echo "Rebuilding the UI" && npm run build && echo "UI built"\' &\nnpx serve -s dist -l 4018\n',
        },
      },
    },
    {
      name: "the command installs and builds at start, read as final-stage-build-tools reads it",
      code: 'FROM golang:1.27\nWORKDIR /src\nCOPY . .\nRUN go build -o /app .\nCMD ["sh", "-c", "go build -o /app . && /app"]\n',
    },
    {
      name: "a Gitpod workspace image: the toolchain is what its developers work with",
      code: "FROM gitpod/workspace-full\nRUN cabal update && cabal install --install-method copy hoogle\n",
      context: { dockerfilePath: ".gitpod.Dockerfile" },
    },
    {
      name: "a Gitpod workspace image in a .gitpod folder",
      code: "FROM gitpod/workspace-full\nRUN cargo install mdbook\n",
      context: { dockerfilePath: ".gitpod/Dockerfile" },
    },
    {
      // microsoft/playwright-java's image: users run their own `mvn test` in it (held-out BR).
      name: "an environment image with a Debian JDK of any release and Maven, and no command of its own",
      code: "FROM ubuntu:noble\nRUN apt-get update && apt-get install -y --no-install-recommends openjdk-25-jdk wget && rm -rf /var/lib/apt/lists/*\nRUN wget -O - https://archive.apache.org/dist/maven/maven-3/3.9.12/binaries/apache-maven-3.9.12-bin.tar.gz | tar zxf - -C /opt/\nCOPY . /tmp/pw-java\nRUN cd /tmp/pw-java && mvn install -D skipTests && rm -rf /tmp/pw-java\n",
    },
    {
      name: "the same with a headless JDK",
      code: "FROM debian:12\nRUN apt-get update && apt-get install -y --no-install-recommends openjdk-17-jdk-headless maven && rm -rf /var/lib/apt/lists/*\nCOPY . /src\nRUN cd /src && mvn install\n",
    },
    {
      name: "a file named a base, which another Dockerfile of the project extends",
      code: "FROM node:22\nCOPY . .\nRUN yarn install && yarn build\n",
      context: { dockerfilePath: "Dockerfile.base" },
    },
    // Multi-stage files: final-stage-toolchain's business.
    "FROM golang:1.27 AS build\nRUN go build -o /app\nFROM golang:1.27\nRUN go build -o /app\n",
    'FROM node:24-slim\nRUN npm ci --omit=dev\nCMD ["node", "index.js"]\n',
    "FROM golang:1.27\nRUN go version\n",
    // A JDK image smoke-testing its install (the official eclipse-temurin Dockerfiles) compiles nothing.
    'FROM ubuntu:24.04\nRUN set -eux; echo "javac --version"; javac --version; java --version\n',
    // Built and purged in one RUN: no tools stay in a layer (the official images' idiom).
    "FROM debian:bookworm-slim\nRUN apt-get install -y gcc make && make && apt-get purge -y gcc make\n",
    "FROM golang:1.27 AS dev\nRUN go build ./...\n",
    {
      name: "a build in a branch on a build argument the project's CI passes (the image may ship output built on the runner)",
      code: 'FROM node:24-slim\nARG PREBUILT=no\nCOPY . /srv\nRUN if [ "$PREBUILT" = no ]; then npm ci && npm run bundle; else echo "using the bundle in the context"; fi\nCMD ["node", "/srv/out/main.js"]\n',
      context: { buildArgs: { composeBuilds: 0, passed: ["PREBUILT"] } },
    },
    {
      name: "the else branch of a passed switch",
      code: 'FROM golang:1.27\nARG BINARY_READY=0\nCOPY . /src\nRUN if [ "${BINARY_READY}" = 1 ]; then echo ready; else go build -o /usr/local/bin/svc ./cmd/svc; fi\n',
      context: { buildArgs: { composeBuilds: 1, passed: ["BINARY_READY"] } },
    },
    {
      name: "a build script that only runs a node file (a template generator): node is the runtime too",
      code: 'FROM node:22-bookworm-slim\nCOPY . /site\nWORKDIR /site\nRUN npm ci && npm run build\nENTRYPOINT ["node", "/site/src/main.mjs"]\n',
      context: {
        files: { "package.json": '{"scripts": {"build": "node tools/render-docs.mjs && node tools/index.mjs --write"}, "dependencies": {"ejs": "^3.1.0"}}' },
      },
    },
    {
      name: "a PHP image that always enables Xdebug is a development image",
      code: 'FROM php:8.3-fpm-alpine\nRUN pecl install xdebug-3.4.0 && docker-php-ext-enable xdebug\nRUN cd /opt/profiler && phpize && ./configure && make && make install\nCMD ["php-fpm"]\n',
    },
    {
      name: "make on a php Debian base, which keeps $PHPIZE_DEPS: a runtime stage on it has make too",
      code: 'FROM php:8.4-fpm-bookworm\nRUN git clone --depth=1 https://example.org/prof.git /usr/src/prof && cd /usr/src/prof && phpize && ./configure && make && make install\nCMD ["php-fpm"]\n',
    },
    {
      name: "a C build whose compilers the file installs and keeps: final-stage-build-tools reports that install",
      code: 'FROM ubuntu:24.04\nRUN apt-get update && apt-get install -y --no-install-recommends build-essential cmake\nRUN git clone https://example.org/aligner.git /tmp/a && cmake -S /tmp/a -B /tmp/b && make -C /tmp/b install\nENTRYPOINT ["/usr/local/bin/aligner"]\n',
    },
  ],
});

describe("single-stage-build: workspace package scripts run at start", () => {
  const code =
    'FROM node:20-slim\nWORKDIR /app\nCOPY . .\nRUN pnpm install --frozen-lockfile && pnpm -r --filter @cio/api... build\nCOPY docker/entrypoint-api.sh /app/entrypoint.sh\nENTRYPOINT ["/app/entrypoint.sh"]\n';
  const withEntry = (script: string) =>
    findingsOf(rule, code, { files: { "docker/entrypoint-api.sh": `#!/bin/sh\nset -e\n${script}exec pnpm --filter @cio/api start\n` } });

  it("reads a package manager's own command there (`pnpm --filter x install`, `yarn workspace x add`) as no script", () => {
    const plain = withEntry("");
    assert.ok(plain.length > 0, "the build in the final image is reported without a workspace script at start");
    assert.deepStrictEqual(
      withEntry("pnpm --filter @cio/db install\n").map((f) => f.messageId),
      plain.map((f) => f.messageId),
    );
    assert.deepStrictEqual(
      withEntry("yarn workspace @cio/db add left-pad\n").map((f) => f.messageId),
      plain.map((f) => f.messageId),
    );
    assert.deepStrictEqual(withEntry("yarn workspace @cio/db db:setup\n"), []);
  });
});
