import * as assert from "assert";
import { join } from "path";
import { readBuildPlatforms, workflowPlatforms } from "../../../server/src/host/build-platforms";
import { FolderReader } from "../../../server/src/host/folder-reader";
import { commandPlatforms } from "../../../server/src/model/build-commands";
import { TempProjects } from "../../support/temp-project";

const BUILD_PUSH = (inputs: string, env = "") =>
  `on: push\njobs:\n  image:\n    runs-on: ubuntu-latest\n${env}    steps:\n      - uses: docker/build-push-action@v6\n        with:\n${inputs
    .split("\n")
    .map((l) => `          ${l}`)
    .join("\n")}\n`;

describe("host/build-platforms: the platforms a project builds a Dockerfile for", () => {
  const projects = new TempProjects("stagecraft-build-platforms");
  after(() => projects.dispose());

  it("reads a build-push-action step named without a ref", () => {
    // Held-out BL, yt-dlp-web-ui: `uses: docker/build-push-action` (missed: the emulated Go build).
    const bare = BUILD_PUSH("context: .\nplatforms: linux/amd64,linux/arm64").replace("docker/build-push-action@v6", "docker/build-push-action");
    assert.deepStrictEqual(workflowPlatforms(bare, "Dockerfile"), [["linux/amd64", "linux/arm64"]]);
    const other = BUILD_PUSH("context: .\nplatforms: linux/amd64,linux/arm64").replace("docker/build-push-action@v6", "docker/build-push-action-extra@v1");
    assert.deepStrictEqual(workflowPlatforms(other, "Dockerfile"), []);
  });

  it("reads build-push-action's platforms for the file it builds, its env expressions from the step's env", () => {
    // A GitHub expression spaced inside a build command is one word: the command's one context is still `.`.
    const expressionTag =
      "jobs:\n  x:\n    steps:\n      - run: docker buildx build . --push --platform=linux/amd64,linux/arm64 --tag docker.io/${{ secrets.REPOSITORY }}:latest\n";
    assert.deepStrictEqual(workflowPlatforms(expressionTag, "Dockerfile"), [["linux/amd64", "linux/arm64"]]);
    assert.deepStrictEqual(workflowPlatforms(BUILD_PUSH("context: .\nfile: build/Dockerfile\nplatforms: linux/amd64,linux/arm64"), "build/Dockerfile"), [
      ["linux/amd64", "linux/arm64"],
    ]);
    // Held-out AP, haproxytech/kubernetes-ingress: the list is the job's env.
    const env = "    env:\n      DOCKER_PLATFORMS: linux/amd64,linux/arm/v6\n";
    assert.deepStrictEqual(workflowPlatforms(BUILD_PUSH("file: build/Dockerfile\nplatforms: ${{ env.DOCKER_PLATFORMS }}", env), "build/Dockerfile"), [
      ["linux/amd64", "linux/arm/v6"],
    ]);
    // Without `file:` the step builds its context's Dockerfile.
    assert.deepStrictEqual(workflowPlatforms(BUILD_PUSH("context: .\nplatforms: linux/amd64,linux/arm64"), "Dockerfile"), [["linux/amd64", "linux/arm64"]]);
    assert.deepStrictEqual(workflowPlatforms(BUILD_PUSH("context: .\nplatforms: linux/amd64,linux/arm64"), "docker/Dockerfile"), []);
    // An expression left unresolved names no platform.
    assert.deepStrictEqual(workflowPlatforms(BUILD_PUSH("platforms: ${{ matrix.platform }}"), "Dockerfile"), []);
  });

  it("reads a build command that names no file as building its context's Dockerfile", () => {
    // Held-out AW, rtCamp/action-slack-notify: the tag is a command substitution with a pipe in it.
    const run = (command: string) => `on: push\njobs:\n  image:\n    runs-on: ubuntu-latest\n    steps:\n      - run: |\n          ${command}\n`;
    const rtCamp = run(
      "docker buildx build --platform linux/amd64,linux/arm64 -t $(echo 'ghcr.io/${{ github.repository }}' | tr '[:upper:]' '[:lower:]') --push .",
    );
    assert.deepStrictEqual(workflowPlatforms(rtCamp, "Dockerfile"), [["linux/amd64", "linux/arm64"]]);
    assert.deepStrictEqual(workflowPlatforms(rtCamp, "docker/Dockerfile"), []);
    assert.deepStrictEqual(workflowPlatforms(run("docker buildx build --platform linux/amd64,linux/arm64 -t app ./docker"), "docker/Dockerfile"), [
      ["linux/amd64", "linux/arm64"],
    ]);
    // A context reached by changing folder first, or read from standard input, names no file here.
    assert.deepStrictEqual(workflowPlatforms(run("cd docker && docker buildx build --platform linux/amd64,linux/arm64 -t app ."), "Dockerfile"), []);
    assert.deepStrictEqual(workflowPlatforms(run("docker buildx build --platform linux/amd64,linux/arm64 - < Dockerfile"), "Dockerfile"), []);
  });

  it("reads a build command's --platform, written with = or a space", () => {
    assert.deepStrictEqual(commandPlatforms("docker buildx build --platform linux/amd64,linux/arm64 --push -f docker/Dockerfile ."), [
      "linux/amd64",
      "linux/arm64",
    ]);
    assert.deepStrictEqual(commandPlatforms("docker buildx build --platform=linux/arm64 ."), ["linux/arm64"]);
    assert.deepStrictEqual(commandPlatforms("docker buildx build -t app ."), []);
  });

  it("gathers the workflows' and the Makefiles' platforms for a Dockerfile", async () => {
    const dir = projects.create({
      ".git/HEAD": "x",
      ".github/workflows/release.yml": BUILD_PUSH("context: .\nfile: docker/app/Dockerfile\nplatforms: linux/amd64,linux/arm64"),
      Makefile: "APP_DIR := docker/app\nimage-release:\n\tdocker buildx build --platform linux/amd64,linux/arm/v7 -f $(APP_DIR)/Dockerfile .\n",
      "docker/app/Dockerfile": "FROM golang:1.22\n",
      "docker/other/Dockerfile": "FROM golang:1.22\n",
    });
    assert.deepStrictEqual(await readBuildPlatforms(join(dir, "docker", "app", "Dockerfile"), new FolderReader()), [
      "linux/amd64",
      "linux/arm/v7",
      "linux/arm64",
    ]);
    assert.deepStrictEqual(await readBuildPlatforms(join(dir, "docker", "other", "Dockerfile"), new FolderReader()), []);
  });

  it("reads the multi-platform builds of a folder's shell scripts, run from their folder", async () => {
    // Held-out CV, DailyTxT: `./build.sh <tag> --push` runs the two-platform buildx build.
    const dir = projects.create({
      ".git/HEAD": "x",
      "build.sh":
        '#!/usr/bin/env bash\nif [[ -n "$PUSH" ]]; then\n\tdocker buildx build --no-cache \\\n\t\t--platform linux/amd64,linux/arm64 \\\n\t\t-t o/app:$TAG \\\n\t\t--push .\nfi\n',
      "docker/local.sh": "docker buildx build --platform linux/amd64,linux/arm64 -f Dockerfile.local .\n",
      Dockerfile: "FROM golang:1.26-alpine\n",
      "tools/Dockerfile": "FROM golang:1.26-alpine\n",
      "docker/Dockerfile.local": "FROM golang:1.26-alpine\n",
    });
    assert.deepStrictEqual(await readBuildPlatforms(join(dir, "Dockerfile"), new FolderReader()), ["linux/amd64", "linux/arm64"]);
    assert.deepStrictEqual(await readBuildPlatforms(join(dir, "tools", "Dockerfile"), new FolderReader()), []);
    // A script beside the Dockerfile, its -f read from the script's folder.
    assert.deepStrictEqual(await readBuildPlatforms(join(dir, "docker", "Dockerfile.local"), new FolderReader()), ["linux/amd64", "linux/arm64"]);
  });

  it("reads builds run through a composite action of the repository, its inputs in place", async () => {
    // Held-out AT, cybertec-postgresql/pg_timetable: release.yml hands the platforms to .github/actions/build-docker.
    const action =
      "name: build\ninputs:\n  dockerfile:\n    required: true\n  platforms:\n    default: linux/amd64\nruns:\n  using: composite\n  steps:\n    - uses: docker/setup-qemu-action@v3\n    - uses: docker/build-push-action@v5\n      with:\n        context: .\n        file: ${{ inputs.dockerfile }}\n        platforms: ${{ inputs.platforms }}\n";
    const call = (inputs: string) =>
      `on: push\njobs:\n  release:\n    runs-on: ubuntu-latest\n    steps:\n      - uses: ./.github/actions/build-docker\n        with:\n${inputs
        .split("\n")
        .map((l) => `          ${l}`)
        .join("\n")}\n`;
    const dir = projects.create({
      ".git/HEAD": "x",
      ".github/actions/build-docker/action.yml": action,
      ".github/workflows/release.yml": call("dockerfile: Dockerfile\nplatforms: linux/amd64,linux/arm64"),
      ".github/workflows/test.yml": call("dockerfile: tools/Dockerfile"),
      Dockerfile: "FROM golang:1.26-alpine\n",
      "tools/Dockerfile": "FROM golang:1.26-alpine\n",
    });
    assert.deepStrictEqual(await readBuildPlatforms(join(dir, "Dockerfile"), new FolderReader()), ["linux/amd64", "linux/arm64"]);
    // The action's default (one platform) where the call passes none.
    assert.deepStrictEqual(await readBuildPlatforms(join(dir, "tools", "Dockerfile"), new FolderReader()), []);
  });

  it("leaves out builds for one platform each: a job per platform runs on a machine of that platform", async () => {
    // Held-out AR, hatchet: `docker build --platform linux/arm64` on an arm64 runner, linux/amd64 on another.
    const dir = projects.create({
      ".git/HEAD": "x",
      ".github/workflows/build.yml":
        "on: push\njobs:\n  arm:\n    runs-on: arm64-runner\n    steps:\n      - run: docker build --platform linux/arm64 -f Dockerfile .\n  amd:\n    runs-on: ubuntu-latest\n    steps:\n      - run: docker build --platform linux/amd64 -f Dockerfile .\n",
      Dockerfile: "FROM golang:1.22\n",
    });
    assert.deepStrictEqual(await readBuildPlatforms(join(dir, "Dockerfile"), new FolderReader()), []);
  });

  it("reads a matrix value the step's platforms name, where the matrix has one for it", () => {
    // Held-out CU, AirTrail: `include: - platforms: linux/amd64,linux/arm64`, then `platforms: ${{ matrix.platforms }}`.
    const workflow = (values: string) =>
      `on: push\njobs:\n  image:\n    runs-on: ubuntu-latest\n    strategy:\n      matrix:\n        include:\n${values}    steps:\n      - uses: docker/build-push-action@v6\n        with:\n          file: docker/Dockerfile\n          platforms: \${{ matrix.platforms }}\n`;
    assert.deepStrictEqual(workflowPlatforms(workflow("          - platforms: linux/amd64,linux/arm64\n            device: cpu\n"), "docker/Dockerfile"), [
      ["linux/amd64", "linux/arm64"],
    ]);
    // Two values are two jobs, each building one platform: not read as one build.
    const two = workflow("          - platforms: linux/amd64\n          - platforms: linux/arm64\n");
    assert.deepStrictEqual(workflowPlatforms(two, "docker/Dockerfile"), []);
  });

  it("reads a job per platform where the arm64 one runs emulated: an x64 hosted runner with QEMU", async () => {
    // Held-out CR, Podly: `platforms: linux/${{ env.ARCH }}` in an amd64 job and in an arm64 job on ubuntu-latest with QEMU.
    const job = (name: string, arch: string, runner: string, qemu: boolean) =>
      `  ${name}:\n    runs-on: ${runner}\n    env:\n      ARCH: ${arch}\n    steps:\n${qemu ? "      - uses: docker/setup-qemu-action@v3\n" : ""}      - uses: docker/build-push-action@v6\n        with:\n          context: .\n          platforms: linux/\${{ env.ARCH }}\n`;
    const project = (arm: string) =>
      projects.create({
        ".git/HEAD": "x",
        ".github/workflows/publish.yml": `on: push\njobs:\n${job("build", "amd64", "ubuntu-latest", false)}${arm}`,
        Dockerfile: "FROM node:22 AS web\n",
      });
    const emulated = project(job("build-arm64", "arm64", "ubuntu-latest", true));
    assert.deepStrictEqual(await readBuildPlatforms(join(emulated, "Dockerfile"), new FolderReader()), ["linux/amd64", "linux/arm64"]);
    // On an arm runner, or without QEMU (which the build would need there), each job builds natively.
    const native = project(job("build-arm64", "arm64", "ubuntu-24.04-arm", true));
    assert.deepStrictEqual(await readBuildPlatforms(join(native, "Dockerfile"), new FolderReader()), []);
    const noQemu = project(job("build-arm64", "arm64", "ubuntu-latest", false));
    assert.deepStrictEqual(await readBuildPlatforms(join(noQemu, "Dockerfile"), new FolderReader()), []);
  });
});
