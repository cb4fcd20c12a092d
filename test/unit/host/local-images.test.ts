import * as assert from "assert";
import { bakeHclTags, bakeJsonTags, commandLineTags, composeBuiltImages, readLocallyBuiltImages } from "../../../server/src/host/local-images";
import { TempProjects } from "../../support/temp-project";

describe("host/local-images: images the project builds and tags itself", () => {
  const projects = new TempProjects("stagecraft-local-images");
  after(() => projects.dispose());

  it("keeps the image of compose services that build, not of those that only pull", () => {
    const services = [
      { build: { context: "./base" }, image: "${USER}/${DIST-ubuntu}-app-base" },
      { build: "./web", image: "acme/web:dev" },
      { image: "postgres:17" },
      { build: "./worker" },
    ];
    assert.deepStrictEqual(composeBuiltImages(services), ["${USER}/${DIST-ubuntu}-app-base", "acme/web:dev"]);
  });

  it("reads bake targets' tags, in HCL and JSON", () => {
    assert.deepStrictEqual(bakeHclTags('target "base" {\n  dockerfile = "base/Dockerfile"\n  tags = ["${REGISTRY}/base:latest", "acme/base:1"]\n}\n'), [
      "${REGISTRY}/base:latest",
      "acme/base:1",
    ]);
    assert.deepStrictEqual(bakeJsonTags('{"target": {"base": {"tags": ["acme/base"]}, "app": {}}}'), ["acme/base"]);
    assert.deepStrictEqual(bakeJsonTags("{"), []);
  });

  it("reads the tags of build commands in Makefiles and scripts, make variables expanded", () => {
    // mozilla/experimenter (held-out AS): the image cirrus's Dockerfile copies from is built by the Makefile.
    const makefile =
      "DOCKER_BUILD = docker buildx build\nMEGAZORD_BUILD_FLAGS ?=\n\nbuild_megazords:\n\t$(DOCKER_BUILD) $(MEGAZORD_BUILD_FLAGS) -f application-services/Dockerfile -t experimenter:megazords application-services/\n";
    assert.deepStrictEqual(commandLineTags(makefile), ["experimenter:megazords"]);
    assert.deepStrictEqual(commandLineTags("docker build --tag=acme/base:dev -f base/Dockerfile .\npodman build -t tools .\n"), ["acme/base:dev", "tools"]);
    // A shell script's quoted assignment.
    assert.deepStrictEqual(commandLineTags('IMAGE="acme/tools"\ndocker build -t ${IMAGE}:dev .\n'), ["acme/tools:dev"]);
    // `-t` outside a build command tags nothing.
    assert.deepStrictEqual(commandLineTags("docker run -t acme/app:latest\npytest -t unit\n"), []);
    // A variable that no line assigns stays as written.
    assert.deepStrictEqual(commandLineTags("\t$(BUILD) -t acme/app .\n"), []);
  });

  it("finds the compose files (variants too) in the Dockerfile's folder and those above it", async () => {
    const root = projects.create({
      "repo/.git/HEAD": "ref: refs/heads/main\n",
      "repo/docker/docker-compose.yml": "services:\n  base:\n    build:\n      context: ./base\n    image: ${USER}/app-base\n  db:\n    image: mongo\n",
      "repo/compose.dev.yaml": "services:\n  tools:\n    build: .\n    image: acme/tools\n",
      "repo/docker/build/Dockerfile": "FROM ${username}/app-base\n",
    });
    assert.deepStrictEqual(await readLocallyBuiltImages(`${root}/repo/docker/build`), ["${USER}/app-base", "acme/tools"]);
  });

  it("reads GitLab jobs in the files .gitlab-ci.yml includes, the pipeline's variables expanded", async () => {
    // Held-out BO, esplora: the base image is built in gitlab/*.yml as ${IMAGE_BASE}:latest.
    const root = projects.create({
      "repo/.git/HEAD": "ref: refs/heads/main\n",
      "repo/.gitlab-ci.yml": 'variables:\n  IMAGE_BASE: blockstream/esplora-base\ninclude:\n  - "gitlab/**.yml"\n  - remote: https://example.org/ci.yml\n',
      "repo/gitlab/test.yml":
        'test:\n  script:\n    - docker buildx build\n      -f contrib/Dockerfile.base\n      -t "${IMAGE_BASE}:latest" .\n    - docker compose up -d\n',
      "repo/gitlab/deploy/push.yml": "push:\n  script:\n    - docker build -t ${IMAGE_BASE}:${CI_COMMIT_SHA} .\n",
      "repo/contrib/Dockerfile": "FROM blockstream/esplora-base:latest AS build\nFROM debian:bookworm-slim\n",
    });
    assert.deepStrictEqual(await readLocallyBuiltImages(`${root}/repo/contrib`), [
      "blockstream/esplora-base:${CI_COMMIT_SHA}",
      "blockstream/esplora-base:latest",
    ]);
  });

  it("reads the root Makefile's builds for a Dockerfile in a sub-folder", async () => {
    const root = projects.create({
      "repo/.git/HEAD": "ref: refs/heads/main\n",
      "repo/Makefile":
        "DOCKER_BUILD = docker buildx build\nbuild_megazords:\n\t$(DOCKER_BUILD) -f application-services/Dockerfile -t experimenter:megazords application-services/\n",
      "repo/cirrus/server/Dockerfile": "FROM python:3.12\nCOPY --from=experimenter:megazords /lib.so /lib.so\n",
    });
    assert.deepStrictEqual(await readLocallyBuiltImages(`${root}/repo/cirrus/server`), ["experimenter:megazords"]);
  });
});
