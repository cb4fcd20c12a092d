import * as assert from "assert";
import { rule } from "../../../server/src/rules/stage-build-emulated";
import { findingsOf, testRule } from "../../support/rule-tester";

const MULTI = { buildPlatforms: ["linux/amd64", "linux/arm64"] };
const GO_BUILDER = (from: string, build: string) =>
  `${from} AS builder\nWORKDIR /src\nCOPY . .\n${build}\nFROM gcr.io/distroless/static-debian13:nonroot\nCOPY --from=builder /out/app /app\nENTRYPOINT ["/app"]\n`;

testRule(rule, {
  fires: [
    {
      // vx3r/wg-gen-web and chat-with-gpt (held-out CG, CF: missed): the front end's bundle is served by another stage.
      name: "a JavaScript build whose bundle another stage copies",
      code: "FROM node:22 AS web\nWORKDIR /app\nCOPY package*.json ./\nRUN npm ci\nCOPY . .\nRUN npm run build\nFROM nginx:1.27-alpine\nCOPY --from=web /app/dist /usr/share/nginx/html\n",
      context: MULTI,
      messageId: "emulatedPortable",
      line: 1,
      data: { stage: "web", platforms: "linux/amd64, linux/arm64", build: "a JavaScript build", output: "its bundled files" },
      output:
        "FROM --platform=$BUILDPLATFORM node:22 AS web\nWORKDIR /app\nCOPY package*.json ./\nRUN npm ci\nCOPY . .\nRUN npm run build\nFROM nginx:1.27-alpine\nCOPY --from=web /app/dist /usr/share/nginx/html\n",
    },
    {
      // prometheus/cloudwatch_exporter (held-out CO: missed): the whole Maven build, tests included, ran under QEMU for arm64.
      name: "a Maven build whose jar the runtime copies",
      code: 'FROM eclipse-temurin:25-jdk-noble AS builder\nWORKDIR /cloudwatch_exporter\nCOPY . /cloudwatch_exporter\nRUN ./mvnw package && mv target/cloudwatch_exporter-*-with-dependencies.jar /cloudwatch_exporter.jar\nFROM eclipse-temurin:25-jre-noble\nCOPY --from=builder /cloudwatch_exporter.jar /cloudwatch_exporter.jar\nENTRYPOINT ["java", "-jar", "/cloudwatch_exporter.jar"]\n',
      context: MULTI,
      messageId: "emulatedPortable",
      line: 1,
    },
    {
      // net-daemon/netdaemon (held-out CO: missed): a framework-dependent publish, its TARGETPLATFORM only echoed.
      name: "a framework-dependent dotnet publish whose output the runtime copies",
      code: 'FROM mcr.microsoft.com/dotnet/sdk:10.0 AS netbuilder\nARG TARGETPLATFORM\nRUN echo "building for ${TARGETPLATFORM}"\nCOPY . /usr\nRUN dotnet publish /usr/src/Host/Host.csproj -o "/daemon"\nFROM mcr.microsoft.com/dotnet/aspnet:10.0\nCOPY --from=netbuilder /daemon /daemon\n',
      context: MULTI,
      messageId: "emulatedPortable",
      line: 1,
    },
    {
      // getfider/fider (held-out AP: missed): the flag names the target platform, which is what BuildKit uses anyway.
      name: "a front-end stage pinned to $TARGETPLATFORM",
      code: "FROM --platform=${TARGETPLATFORM} node:22-bookworm AS ui\nWORKDIR /ui\nCOPY . .\nRUN npm ci && npx vite build\nFROM alpine:3.22\nCOPY --from=ui /ui/dist /app/dist\n",
      context: MULTI,
      messageId: "emulatedPortable",
      line: 1,
      output:
        "FROM --platform=$BUILDPLATFORM node:22-bookworm AS ui\nWORKDIR /ui\nCOPY . .\nRUN npm ci && npx vite build\nFROM alpine:3.22\nCOPY --from=ui /ui/dist /app/dist\n",
    },
    {
      // Held-out AR, owasp-amass: the copies read /go/bin/<name>; cross-compiled, go install writes to /go/bin/linux_arm64/.
      name: "a go install builder: the remedy names go build -o, and no lightbulb adds the flag",
      code: "FROM golang:1.26-alpine AS build\nARG TARGETOS TARGETARCH\nCOPY . .\nRUN CGO_ENABLED=0 GOOS=$TARGETOS GOARCH=$TARGETARCH go install ./...\nFROM alpine:3.23\nCOPY --from=build /go/bin/amass /bin/amass\n",
      context: MULTI,
      messageId: "emulatedInstall",
      line: 1,
      output: null,
    },
    {
      // Held-out AP, haproxytech/kubernetes-ingress: four platforms, the Go builder emulated for three.
      name: "a Go builder with cgo off in a file built for several platforms",
      code: GO_BUILDER("FROM golang:1.26-alpine", "RUN CGO_ENABLED=0 go build -o /out/app ./cmd"),
      context: MULTI,
      messageId: "emulated",
      line: 1,
      data: { stage: "builder", platforms: "linux/amd64, linux/arm64" },
    },
    {
      // Held-out AP, ricoberger/script_exporter: `export CGO_ENABLED=0 && make build`.
      name: "a make target that runs go build, cgo off by an export before it",
      code: GO_BUILDER("FROM golang:1.26", "RUN export CGO_ENABLED=0 && make build"),
      context: { ...MULTI, files: { Makefile: "build:\n\t@go build -o /out/app .\n" } },
      messageId: "emulated",
    },
    {
      // Held-out AS, bgp/stayrtr: the Makefile exports `CGO_ENABLED ?= 0`, the Dockerfile leaves it unset.
      name: "a make target whose Makefile exports cgo off as a default",
      code: GO_BUILDER("FROM golang:alpine", "RUN make build"),
      context: { ...MULTI, files: { Makefile: "export CGO_ENABLED ?= 0\nbuild:\n\tgo build -o /out/app .\n" } },
      messageId: "emulated",
    },
    {
      // Held-out BX, tun2socks: the recipe's `$(GO_BUILD)` is defined over two lines and names `$(CGO_ENABLED)`.
      name: "a make target whose build command is a variable continued over lines, passing CGO_ENABLED := 0",
      code: GO_BUILDER("FROM golang:alpine", "RUN apk add --no-cache make git && make tun2socks"),
      context: {
        ...MULTI,
        files: {
          Makefile:
            "CGO_ENABLED := 0\nGO111MODULE := on\nLDFLAGS += -w -s\nGO_BUILD = GO111MODULE=$(GO111MODULE) CGO_ENABLED=$(CGO_ENABLED) \\\n\tgo build -ldflags '$(LDFLAGS)' -trimpath\ntun2socks:\n\t$(GO_BUILD) -o build/tun2socks\n",
        },
      },
      messageId: "emulated",
    },
    {
      // Held-out AS, ergochat/ergo: `make install` runs go install, which cross-compiled writes to /go/bin/linux_arm64/.
      name: "a make target that runs go install: the remedy names go build -o",
      code: GO_BUILDER("FROM golang:1.26-alpine", "RUN make install"),
      context: { ...MULTI, files: { Makefile: "# pass CGO_ENABLED=1 to make to override\nexport CGO_ENABLED ?= 0\ninstall:\n\tgo install -v .\n" } },
      messageId: "emulatedInstall",
    },
    {
      // Held-out BJ, gosec: missed. A Makefile variable, passed on the recipe's build line.
      name: "a make recipe that passes a Makefile variable set to 0 as CGO_ENABLED",
      code: GO_BUILDER("FROM golang:1.26-alpine", "RUN apk add --no-cache gcc libc-dev make\nRUN make build-linux"),
      context: { ...MULTI, files: { Makefile: "CGO_ENABLED = 0\nbuild-linux:\n\tCGO_ENABLED=$(CGO_ENABLED) GOOS=linux go build -o /out/app ./cmd/app/\n" } },
      messageId: "emulated",
    },
    {
      name: "a make recipe that turns cgo off on its own build line",
      code: GO_BUILDER("FROM golang:1.26", "RUN make build"),
      context: { ...MULTI, files: { Makefile: "build:\n\tCGO_ENABLED=0 go build -o /out/app .\n" } },
      messageId: "emulated",
    },
    {
      // Held-out AU, mysql-backup: golang's Alpine image has no C compiler, so Go turns cgo off by itself.
      name: "a Go build on golang's Alpine image with no C compiler installed: cgo is off without CGO_ENABLED",
      code: GO_BUILDER("FROM golang:1.26-alpine", "RUN apk add --no-cache git\nRUN go build -o /out/app ."),
      context: MULTI,
      messageId: "emulated",
    },
    {
      // Held-out AP, OT-CONTAINER-KIT/redis-operator: ENV GOOS=$TARGETOS did nothing without the flag.
      name: "a build that already targets $TARGETOS/$TARGETARCH through ENV: the flag is the fix",
      code: GO_BUILDER(
        "FROM golang:1.25-alpine3.24",
        "ARG TARGETOS\nARG TARGETARCH\nENV GOOS=$TARGETOS\nENV GOARCH=$TARGETARCH\nENV CGO_ENABLED=0\nRUN go build -o /out/app cmd/main.go",
      ),
      context: MULTI,
      messageId: "emulatedTargeted",
      output: GO_BUILDER(
        "FROM --platform=$BUILDPLATFORM golang:1.25-alpine3.24",
        "ARG TARGETOS\nARG TARGETARCH\nENV GOOS=$TARGETOS\nENV GOARCH=$TARGETARCH\nENV CGO_ENABLED=0\nRUN go build -o /out/app cmd/main.go",
      ),
    },
    {
      // Held-out AP, haproxytech/kubernetes-ingress: cross-compiled Go builds ARMv7 code unless GOARM says otherwise.
      name: "an arm/v6 target: the remedy passes the variant as GOARM too, and offers no flag alone",
      code: GO_BUILDER("FROM golang:1.26-alpine", "ARG TARGETOS TARGETARCH\nRUN CGO_ENABLED=0 GOOS=$TARGETOS GOARCH=$TARGETARCH go build -o /out/app ."),
      context: { buildPlatforms: ["linux/amd64", "linux/arm/v6", "linux/arm/v7", "linux/arm64"] },
      messageId: "emulatedArm",
      output: null,
    },
    {
      name: "an arm/v6 target whose build passes the variant as GOARM: the flag is the fix",
      code: GO_BUILDER(
        "FROM golang:1.26-alpine",
        "ARG TARGETOS TARGETARCH TARGETVARIANT\nRUN CGO_ENABLED=0 GOOS=$TARGETOS GOARCH=$TARGETARCH GOARM=${TARGETVARIANT#v} go build -o /out/app .",
      ),
      context: { buildPlatforms: ["linux/amd64", "linux/arm/v6"] },
      messageId: "emulatedTargeted",
    },
  ],
  silent: [
    {
      name: "node_modules copied from the JavaScript build: native addons are the platform's",
      code: "FROM node:22 AS build\nWORKDIR /app\nCOPY . .\nRUN npm ci && npm run build\nFROM node:22-slim\nCOPY --from=build /app/node_modules /app/node_modules\nCOPY --from=build /app/dist /app/dist\n",
      context: MULTI,
    },
    {
      name: "the folder the install ran in, copied whole",
      code: "FROM node:22 AS build\nWORKDIR /app\nCOPY . .\nRUN npm ci && npm run build\nFROM node:22-slim\nCOPY --from=build /app /app\n",
      context: MULTI,
    },
    {
      name: "Next.js' standalone output, which carries its own node_modules",
      code: "FROM node:22 AS build\nWORKDIR /app\nCOPY . .\nRUN npm ci && npm run build\nFROM node:22-slim\nCOPY --from=build /app/.next/standalone ./\n",
      context: MULTI,
    },
    {
      name: "a dotnet publish for a runtime identifier",
      code: "FROM mcr.microsoft.com/dotnet/sdk:10.0 AS build\nCOPY . /src\nRUN dotnet publish /src/App.csproj -r linux-x64 -o /out\nFROM mcr.microsoft.com/dotnet/runtime-deps:10.0\nCOPY --from=build /out /app\n",
      context: MULTI,
    },
    {
      name: "a dotnet publish whose project file, read, names a runtime identifier",
      code: "FROM mcr.microsoft.com/dotnet/sdk:10.0 AS build\nCOPY . /src\nRUN dotnet publish /src/App.csproj -o /out\nFROM mcr.microsoft.com/dotnet/runtime-deps:10.0\nCOPY --from=build /out /app\n",
      context: { ...MULTI, files: { "App.csproj": "<Project><PropertyGroup><PublishAot>true</PublishAot></PropertyGroup></Project>" } },
    },
    {
      name: "a Java build that links a runtime of the platform with jlink",
      code: "FROM eclipse-temurin:21 AS build\nCOPY . /src\nRUN cd /src && ./mvnw package && jlink --add-modules java.base --output /jre\nFROM debian:12-slim\nCOPY --from=build /jre /opt/jre\nCOPY --from=build /src/target/app.jar /app.jar\n",
      context: MULTI,
    },
    {
      name: "a JavaScript stage another stage builds on",
      code: 'FROM node:22 AS base\nWORKDIR /app\nCOPY . .\nRUN npm ci && npm run build\nFROM base AS server\nCMD ["node", "server.js"]\nFROM nginx:1.27\nCOPY --from=base /app/dist /usr/share/nginx/html\n',
      context: MULTI,
    },
    {
      name: "a JavaScript build that fetches a tool per target architecture",
      code: "FROM node:22 AS web\nARG TARGETARCH\nWORKDIR /app\nCOPY . .\nRUN curl -fsSL -o /usr/local/bin/tool https://example.com/tool-${TARGETARCH} && npm ci && npm run build\nFROM nginx:1.27\nCOPY --from=web /app/dist /usr/share/nginx/html\n",
      context: MULTI,
    },
    {
      name: "a JavaScript build for one platform only",
      code: "FROM node:22 AS web\nWORKDIR /app\nCOPY . .\nRUN npm ci && npm run build\nFROM nginx:1.27\nCOPY --from=web /app/dist /usr/share/nginx/html\n",
      context: { buildPlatforms: ["linux/amd64"] },
    },
    {
      name: "a Makefile variable set to 0 that the recipe does not pass, with a C compiler installed",
      code: GO_BUILDER("FROM golang:1.26-alpine", "RUN apk add --no-cache gcc libc-dev make\nRUN make build-linux"),
      context: { ...MULTI, files: { Makefile: "CGO_ENABLED = 0\nbuild-linux:\n\tGOOS=linux go build -o /out/app ./cmd/app/\n" } },
    },
    {
      name: "one platform",
      code: GO_BUILDER("FROM golang:1.26-alpine", "RUN CGO_ENABLED=0 go build -o /out/app ."),
      context: { buildPlatforms: ["linux/amd64"] },
    },
    { name: "no platform known", code: GO_BUILDER("FROM golang:1.26-alpine", "RUN CGO_ENABLED=0 go build -o /out/app .") },
    {
      name: "already on the build platform",
      code: GO_BUILDER(
        "FROM --platform=$BUILDPLATFORM golang:1.26-alpine",
        "ARG TARGETOS TARGETARCH\nRUN CGO_ENABLED=0 GOOS=$TARGETOS GOARCH=$TARGETARCH go build -o /out/app .",
      ),
      context: MULTI,
    },
    {
      // getfider/fider pins its UI stage to the target on purpose: not this rule's to undo.
      name: "a platform chosen explicitly",
      code: GO_BUILDER("FROM --platform=${TARGETPLATFORM} golang:1.26-alpine", "RUN CGO_ENABLED=0 go build -o /out/app ."),
      context: MULTI,
    },
    { name: "cgo on or unknown: the target's C toolchain is needed", code: GO_BUILDER("FROM golang:1.26", "RUN go build -o /out/app ."), context: MULTI },
    {
      name: "golang's Alpine image with a C compiler installed: cgo stays on",
      code: GO_BUILDER("FROM golang:1.26-alpine", "RUN apk add --no-cache build-base\nRUN go build -o /out/app ."),
      context: MULTI,
    },
    {
      name: "a Go before 1.20 on Alpine: without a compiler the build fails rather than turning cgo off",
      code: GO_BUILDER("FROM golang:1.19-alpine", "RUN go build -o /out/app ."),
      context: MULTI,
    },
    {
      name: "the Makefile's cgo default, overridden by the stage",
      code: GO_BUILDER("FROM golang:1.26", "ENV CGO_ENABLED=1\nRUN make build"),
      context: { ...MULTI, files: { Makefile: "export CGO_ENABLED ?= 0\nbuild:\n\tgo build -o /out/app .\n" } },
    },
    {
      name: "a Makefile variable set but not exported does not reach go",
      code: GO_BUILDER("FROM golang:1.26", "RUN make build"),
      context: { ...MULTI, files: { Makefile: "CGO_ENABLED ?= 0\nbuild:\n\tgo build -o /out/app .\n" } },
    },
    {
      name: "the stage ships: the final image itself compiles",
      code: 'FROM golang:1.26-alpine\nWORKDIR /src\nCOPY . .\nRUN CGO_ENABLED=0 go build -o /app .\nENTRYPOINT ["/app"]\n',
      context: MULTI,
    },
    {
      name: "a stage built on a stage that is on the build platform: BuildKit takes the parent's",
      code: "FROM --platform=$BUILDPLATFORM golang:1.26-alpine AS base\nFROM base AS builder\nCOPY . .\nRUN CGO_ENABLED=0 go build -o /out/app .\nFROM scratch\nCOPY --from=builder /out/app /app\n",
      context: MULTI,
    },
    { name: "go test is no build of the copied binary", code: GO_BUILDER("FROM golang:1.26-alpine", "RUN CGO_ENABLED=0 go test ./..."), context: MULTI },
  ],
});

describe("stage-build-emulated: one finding per FROM", () => {
  it("reports the FROM that names the image once, for every stage built on it", () => {
    const code =
      "FROM golang:1.26-alpine AS base\nENV CGO_ENABLED=0\nFROM base AS api\nRUN go build -o /out/api ./cmd/api\nFROM base AS worker\nRUN go build -o /out/worker ./cmd/worker\nFROM scratch\nCOPY --from=api /out/api /api\nCOPY --from=worker /out/worker /worker\n";
    const findings = findingsOf(rule, code, MULTI);
    assert.deepStrictEqual(
      findings.map((f) => [f.range.start.line, f.data.stage]),
      [[0, "api"]],
    );
  });
});
