import * as assert from "assert";
import { parseDockerfile } from "../../../server/src/model/parse";
import { developmentPurpose, startCommand } from "../../../server/src/model/stage-purpose";

const started = (text: string) => startCommand(parseDockerfile(text));

describe("model/stage-purpose: the command the final image starts", () => {
  it("runs a CMD the same stage wrote before its ENTRYPOINT as the entrypoint's arguments", () => {
    assert.deepStrictEqual(started('FROM alpine\nCMD ["/scripts/run.sh"]\nENTRYPOINT ["/tini", "--"]\n'), ["/tini", "--", "/scripts/run.sh"]);
  });

  it("drops a CMD inherited from the parent stage when the stage sets ENTRYPOINT, as BuildKit does", () => {
    assert.deepStrictEqual(started('FROM alpine AS base\nCMD ["/scripts/run.sh"]\nFROM base\nENTRYPOINT ["/tini", "--"]\n'), ["/tini", "--"]);
  });

  it("keeps a CMD written after the ENTRYPOINT in either case", () => {
    assert.deepStrictEqual(started('FROM alpine AS base\nENTRYPOINT ["/tini", "--"]\nFROM base\nCMD ["/run.sh"]\n'), ["/tini", "--", "/run.sh"]);
  });

  it("reads a shell form's leading exec as the command it replaces the shell with", () => {
    assert.deepStrictEqual(started("FROM debian\nCMD exec /usr/bin/supervisord -n\n"), ["/usr/bin/supervisord", "-n"]);
    assert.deepStrictEqual(started('FROM debian\nCMD ["exec", "x"]\n'), ["exec", "x"]);
  });
});

describe("model/stage-purpose: development images", () => {
  const purpose = (text: string) => developmentPurpose(parseDockerfile(text));

  it("takes a final stage named build with a start command and a health check for a service", () => {
    assert.strictEqual(
      purpose('FROM python:3.12-slim AS build\nRUN pip install -r req.txt\nHEALTHCHECK CMD curl -f http://localhost:8000/\nCMD ["bash", "entrypoint.sh"]\n'),
      null,
    );
    assert.strictEqual(purpose('FROM python:3.12-slim AS build\nRUN pip install -r req.txt\nCMD ["bash", "entrypoint.sh"]\n'), "stage-name");
  });

  it("reads a header that says the whole file is for development, and not a step's comment", () => {
    assert.strictEqual(purpose('# This Dockerfile is intended solely for local development\nFROM python:3.12\nCMD ["python", "app.py"]\n'), "comment");
    assert.strictEqual(purpose('# Not meant for production use\nFROM python:3.12\nCMD ["python", "app.py"]\n'), "comment");
    assert.strictEqual(purpose('FROM python:3.12\n# debug tools, only meant for development\nRUN pip install ipdb\nCMD ["python", "app.py"]\n'), null);
  });

  it("reads a header that names the file a test or CI image, not one that mentions tests in passing", () => {
    const body = '\nFROM debian:12-slim\nRUN apt-get update && apt-get install -y build-essential\nCOPY . /src\nCMD ["/src/run"]\n';
    const named = [
      "# Turbo.lua test image.",
      "# Copyright 2026 X\n# Test image for the parser.",
      "# CI image for the docs build",
      "# This is the integration test container.",
      "# Docker image for running the test suite.",
      "# This Dockerfile is used to test the proxy",
    ];
    for (const header of named) assert.strictEqual(purpose(header + body), "comment", header);
    const passing = [
      "# The test image lives in Dockerfile.test.",
      "# Build the test image with --target test.",
      "# Builds the API and runs the test suite during the build.",
      "# API server image. Tests run in CI, see test.yml.",
      "# Test image for the API; the production image is in Dockerfile.prod",
      "# CI: build and push the image",
    ];
    for (const header of passing) assert.strictEqual(purpose(header + body), null, header);
  });

  it("reads an image whose ENV puts its framework in the test environment as a test image", () => {
    // Held-out CF, unchained: the Jenkins test image (`ENV NODE_ENV=test`, `CMD ["npm"]`).
    const text = (env: string) => `FROM node:24\nWORKDIR /app\nCOPY . .\n${env}\nRUN npm ci && npm run build\nCMD ["npm", "start"]\n`;
    assert.strictEqual(purpose(text("ENV NODE_ENV=test")), "test-environment");
    assert.strictEqual(purpose(text('ENV APP_ENV="test"')), "test-environment");
    assert.strictEqual(purpose(text("ENV NODE_ENV=production")), null);
    // A build argument's default is not the image's environment: a build may pass another.
    assert.strictEqual(purpose(text("ARG NODE_ENV=test")), null);
  });

  it("reads an integration-test file by its file name, not by a folder of that name", () => {
    const text = 'FROM golang:1.25\nCOPY . .\nRUN go build -o /bin/server ./cmd\nCMD ["/bin/server"]\n';
    const at = (dockerfilePath: string) => developmentPurpose(parseDockerfile(text, { dockerfilePath }));
    // Held-out AV, SigNoz: the image the integration tests build and run.
    assert.strictEqual(at("cmd/enterprise/Dockerfile.with-web.integration"), "path");
    assert.strictEqual(at("docker/integration.Dockerfile"), "path");
    assert.strictEqual(at("services/integration/Dockerfile"), null);
    assert.strictEqual(at("services/integrations/Dockerfile.integrations"), null);
  });

  it("takes a ci/ folder for development unless the path names a release build", () => {
    const text = 'FROM ubuntu:24.04\nRUN apt-get update && apt-get install -y curl\nENTRYPOINT ["/usr/local/bin/entrypoint.sh"]\n';
    const at = (dockerfilePath: string) => developmentPurpose(parseDockerfile(text, { dockerfilePath }));
    assert.strictEqual(at("ci/docker/Dockerfile"), "path");
    // Held-out BY, D2: the image its release script pushes to Docker Hub.
    assert.strictEqual(at("ci/release/docker/Dockerfile"), null);
    assert.strictEqual(at("ci/release-image/Dockerfile"), null);
    assert.strictEqual(at("Dockerfile.dev"), "path");
  });

  it("takes a dev/ folder for development unless a Dockerfile beside repeats the word in its own name", () => {
    const text = 'FROM ubuntu:24.04\nRUN apt-get update && apt-get install -y curl\nENTRYPOINT ["/usr/local/bin/entrypoint.sh"]\n';
    const at = (dockerfilePath: string, siblingDockerfiles?: string[]) => developmentPurpose(parseDockerfile(text, { dockerfilePath, siblingDockerfiles }));
    // Held-out BY, DocSearch: the scraper's base, pushed to Docker Hub, beside the production and development files.
    assert.strictEqual(at("scraper/dev/docker/Dockerfile.base", ["Dockerfile", "Dockerfile.dev", "Dockerfile.test"]), null);
    assert.strictEqual(at("scraper/dev/docker/Dockerfile.dev", ["Dockerfile", "Dockerfile.base"]), "path");
    // Held-out BO, astronomer-cosmos: a dev/ folder of development and test images.
    assert.strictEqual(at("dev/Dockerfile", ["Dockerfile.postgres_profile_docker_k8s", "Dockerfile.watcher_failing_tests_k8s"]), "path");
    assert.strictEqual(at("dev/Dockerfile"), "path");
  });

  it("reads the command every compose service that builds the file starts it with, over a shell CMD", () => {
    const text = 'FROM python:3.12-slim\nRUN apt-get update && apt-get install -y build-essential\nCOPY . /code\nCMD ["bash"]\n';
    const service = (command: string[] | null, builds = true) => ({ file: "docker-compose.yml", builds, image: null, user: null, mounts: [], command });
    const withServices = (...composeServices: ReturnType<typeof service>[]) => developmentPurpose(parseDockerfile(text, { composeServices }));
    // Held-out AP, chatgpt_telegram_bot: compose runs the bot, the CMD is a placeholder.
    assert.strictEqual(withServices(service(["python3", "bot/bot.py"])), null);
    assert.strictEqual(withServices(), "shell-command");
    // A service without a command of its own starts the shell: the image is still one.
    assert.strictEqual(withServices(service(["python3", "bot/bot.py"]), service(null)), "shell-command");
    // A service of another Dockerfile says nothing of this one.
    assert.strictEqual(withServices(service(["python3", "bot/bot.py"], false)), "shell-command");
    assert.strictEqual(withServices(service(["sleep", "infinity"])), "shell-command");
  });
});
