import { rule } from "../../../server/src/rules/final-stage-toolchain";
import { testRule } from "../../support/rule-tester";

testRule(rule, {
  fires: [
    {
      name: "a Go build that leaves cgo on links the C library: the runtime named has it",
      code: 'FROM golang:1.26-alpine AS deps\nRUN go mod download\nFROM deps\nCOPY . .\nRUN go build -o /app .\nCMD ["/app"]\n',
      messageId: "toolchain",
      data: { shippedStage: "final stage", ecosystem: "Go", image: "golang:1.26-alpine", runtime: "'alpine:3'", size: "71 MB compressed", tool: "go build" },
    },
    {
      code: 'FROM golang:1.27 AS deps\nRUN go mod download\nFROM deps\nCOPY . .\nRUN CGO_ENABLED=0 go build -o /app .\nCMD ["/app"]\n',
      messageId: "toolchain",
      line: 3,
      token: "deps",
      data: {
        shippedStage: "final stage",
        ecosystem: "Go",
        image: "golang:1.27",
        size: "316 MB compressed",
        tool: "go build",
        runtime: "'gcr.io/distroless/static-debian13'",
      },
      output: null,
    },
    {
      name: "estimate for an unlisted tag is labelled",
      code: "FROM node:24-alpine AS web\nRUN npm ci && npm run build\nFROM maven:3.8.6-eclipse-temurin-17\nCOPY --from=web /app/dist src/main/resources/static\nRUN mvn -B package\n",
      messageId: "toolchain",
      line: 3,
      data: {
        shippedStage: "final stage",
        ecosystem: "Java",
        image: "maven:3.8.6-eclipse-temurin-17",
        size: "about 230 MB compressed, estimated from 'maven:3.9-eclipse-temurin-17'",
        tool: "mvn package",
        runtime: "'eclipse-temurin:17-jre'",
      },
    },
    {
      name: "node full image building in the final stage",
      code: "FROM alpine AS x\nFROM node:24\nRUN npm ci && npm run build\n",
      messageId: "toolchain",
      line: 2,
      token: "node:24",
    },
    {
      name: "the file's first stage, pushed by CI with --target while a test stage is last: its own stage builds",
      code: 'FROM golang:1.27 AS app\nCOPY . .\nRUN go build -o /app .\nCMD ["/app"]\nFROM app AS test\nRUN go test ./...\n',
      context: { buildTargets: ["app"] },
      messageId: "toolchain",
      line: 1,
      data: {
        shippedStage: "'app' stage",
        ecosystem: "Go",
        image: "golang:1.27",
        runtime: "'debian:trixie-slim'",
        size: "316 MB compressed",
        tool: "go build",
      },
    },
    {
      name: ".NET SDK",
      code: "FROM alpine AS tools\nFROM mcr.microsoft.com/dotnet/sdk:10.0\nRUN dotnet publish -c Release -o /out\n",
      messageId: "toolchain",
      line: 2,
    },
  ],
  silent: [
    // Builds in a builder and ships on a runtime image.
    "FROM golang:1.27 AS build\nRUN go build -o /app .\nFROM gcr.io/distroless/static-debian12\nCOPY --from=build /app /app\n",
    // Toolchain image without a build step (e.g. running tests with go test is not shipping a build).
    "FROM alpine AS x\nFROM golang:1.27\nRUN go version\n",
    // Slim node is a runtime.
    "FROM node:24 AS build\nRUN npm run build\nFROM node:24-slim\nCOPY --from=build /app /app\n",
    // Single-stage files are single-stage-build's.
    "FROM golang:1.27\nRUN go build -o /app .\n",
    // ... and so is a first stage nobody pushes: the test stage last is the image, and judges nothing.
    { code: 'FROM golang:1.27 AS app\nCOPY . .\nRUN go build -o /app .\nCMD ["/app"]\nFROM app AS test\nRUN go test ./...\n', context: {} },
    // A final stage named as a development target.
    "FROM alpine AS x\nFROM golang:1.27 AS dev\nRUN go build ./...\n",
    // Front end built in node, served by nginx.
    "FROM node:24 AS web\nRUN npm ci && npm run build\nFROM nginx:1.31-alpine\nCOPY --from=web /app/dist /usr/share/nginx/html\n",
  ],
});
