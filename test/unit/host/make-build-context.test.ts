import * as assert from "assert";
import { join } from "path";
import { pathToFileURL } from "url";
import { FolderReader } from "../../../server/src/host/folder-reader";
import { makeBuilds, readMakeBuildContext } from "../../../server/src/host/make-build-context";
import { readBuildContext } from "../../../server/src/host/node-context";
import { TempProjects } from "../../support/temp-project";

// Held-out AP, spotahome/redis-operator: the root Makefile builds docker/app/Dockerfile from the root.
const OPERATOR_MAKEFILE = [
  "SERVICE_NAME := redis-operator",
  "REPOSITORY := quay.io/spotahome/$(SERVICE_NAME)",
  "COMMIT=$(shell git rev-parse HEAD)",
  "APP_DIR := docker/app",
  "",
  ".PHONY: image",
  "image:",
  "\tdocker build \\",
  "\t-t $(REPOSITORY):latest \\",
  "\t-t $(REPOSITORY):$(COMMIT) \\",
  "\t-f $(APP_DIR)/Dockerfile \\",
  "\t.",
  "",
].join("\n");

describe("host/make-build-context: the build context a Makefile gives a Dockerfile", () => {
  const projects = new TempProjects("stagecraft-make-context");
  after(() => projects.dispose());

  it("reads a recipe's -f and context with its simple variables expanded, not a function's value", () => {
    assert.deepStrictEqual(makeBuilds(OPERATOR_MAKEFILE), [
      { dockerfile: "docker/app/Dockerfile", context: ".", platforms: [], images: ["quay.io/spotahome/redis-operator", "quay.io/spotahome/redis-operator"] },
    ]);
    // `$(shell ...)` in the context is not a plain path; a build after `cd` has no known context.
    assert.deepStrictEqual(makeBuilds("image:\n\tdocker build -f docker/Dockerfile $(shell pwd)\n"), [
      { dockerfile: "docker/Dockerfile", context: null, platforms: [], images: [] },
    ]);
    assert.deepStrictEqual(makeBuilds("image:\n\tcd web && docker build -f Dockerfile .\n"), [
      { dockerfile: "Dockerfile", context: null, platforms: [], images: [] },
    ]);
    // Held-out AX, unocha-site: backquoted commands in build arguments are one word each.
    assert.deepStrictEqual(
      makeBuilds("build:\n\tdocker buildx build \\\n\t\t--build-arg VCS_REF=`git rev-parse --short HEAD` \\\n\t\t. --file docker/Dockerfile --tag app:local\n"),
      [{ dockerfile: "docker/Dockerfile", context: ".", platforms: [], images: ["app"] }],
    );
    // A variable assignment inside a recipe is shell, not make; a build without -f reads its
    // context's Dockerfile (held-out BF, nats-box: `docker buildx build --platform ... --push .`).
    assert.deepStrictEqual(makeBuilds("image:\n\tDIR=x docker build -t app .\n"), [{ dockerfile: "Dockerfile", context: ".", platforms: [], images: ["app"] }]);
    assert.deepStrictEqual(makeBuilds("image:\n\tdocker buildx build --platform linux/amd64,linux/arm64 --push ./web/\n"), [
      { dockerfile: "web/Dockerfile", context: "./web/", platforms: ["linux/amd64", "linux/arm64"], images: [] },
    ]);
    // Its folder unknown (after `cd`, or a context that is no plain path): no file.
    assert.deepStrictEqual(makeBuilds("image:\n\tcd web && docker build -t app .\n\tdocker build -t app $(CTX)\n"), []);
    // Held-out CC, zot: the engine a function picks, and a variable the Makefile never sets (empty
    // to make) before the options.
    assert.deepStrictEqual(
      makeBuilds(
        "CONTAINER_RUNTIME := $(shell command -v podman 2> /dev/null || echo docker)\n\nbinary-container:\n\t${CONTAINER_RUNTIME} build ${BUILD_ARGS} \\\n\t\t--build-arg BASE_IMAGE=$(BASE_IMAGE) \\\n\t\t-f build/Dockerfile -t zot-build:latest .\n",
      ),
      [{ dockerfile: "build/Dockerfile", context: ".", platforms: [], images: ["zot-build"] }],
    );
    // A variable the Makefile sets to more than a word stays a word of its own: the context is not known.
    assert.deepStrictEqual(makeBuilds("ARGS := --pull --no-cache\nimage:\n\tdocker build $(ARGS) -f build/Dockerfile .\n"), [
      { dockerfile: "build/Dockerfile", context: null, platforms: [], images: [] },
    ]);
  });

  it("reads the repositories a Makefile tags the Dockerfile it builds as, for the build context's facts", async () => {
    const dir = projects.create({
      ".git/HEAD": "x",
      Makefile:
        "KAFKA_IMAGE = karapace-test-kafka\n\n$(KAFKA_IMAGE):\n\tpodman build -t $(KAFKA_IMAGE) -f container/Dockerfile .\n\tdocker build -t other:1 -f other/Dockerfile .\n",
      "container/Dockerfile": "FROM fedora:30\nRUN make\n",
    });
    const facts = await readBuildContext(pathToFileURL(join(dir, "container", "Dockerfile")).href);
    assert.deepStrictEqual(facts.makeImageBuilds, [["karapace-test-kafka"]]);
  });

  it("gives the root as the context of a Dockerfile in a sub-folder that the root Makefile builds", async () => {
    const dir = projects.create({
      ".git/HEAD": "x",
      Makefile: OPERATOR_MAKEFILE,
      "docker/app/Dockerfile": "FROM golang:1.22\nCOPY . .\nRUN ./scripts/build.sh\n",
      "scripts/build.sh": "#!/bin/sh\ngo build -o bin/app ./cmd/app\n",
      "go.mod": "module example.com/app\n",
    });
    const file = join(dir, "docker", "app", "Dockerfile");
    assert.strictEqual(await readMakeBuildContext(file, new FolderReader()), dir);
    const facts = await readBuildContext(pathToFileURL(file).href);
    assert.ok(facts.rootEntries?.includes("go.mod"), String(facts.rootEntries));
    assert.strictEqual(facts.files?.["scripts/build.sh"], "#!/bin/sh\ngo build -o bin/app ./cmd/app\n");
  });

  it("gives nothing when builds disagree, the context leaves the repository or no Makefile names the file", async () => {
    const split = projects.create({
      ".git/HEAD": "x",
      Makefile: "a:\n\tdocker build -f docker/Dockerfile .\nb:\n\tdocker build -f docker/Dockerfile docker\n",
      "docker/Dockerfile": "FROM alpine:3.22\n",
    });
    assert.strictEqual(await readMakeBuildContext(join(split, "docker", "Dockerfile"), new FolderReader()), null);
    const outside = projects.create({ ".git/HEAD": "x", Makefile: "a:\n\tdocker build -f docker/Dockerfile ..\n", "docker/Dockerfile": "FROM alpine:3.22\n" });
    assert.strictEqual(await readMakeBuildContext(join(outside, "docker", "Dockerfile"), new FolderReader()), null);
    const other = projects.create({ ".git/HEAD": "x", Makefile: "a:\n\tdocker build -f other/Dockerfile .\n", "docker/Dockerfile": "FROM alpine:3.22\n" });
    assert.strictEqual(await readMakeBuildContext(join(other, "docker", "Dockerfile"), new FolderReader()), null);
  });
});
