import * as assert from "assert";
import { readProjectImages, readPublishedImages, workflowImageBuilds } from "../../../server/src/host/project-images";
import { TempProjects } from "../../support/temp-project";

describe("host/project-images: images a project builds from its other Dockerfiles", () => {
  const projects = new TempProjects("stagecraft-project-images");
  after(() => projects.dispose());

  it("build-push-action's file and tags, the tag's expression cut off", () => {
    const step =
      "      - uses: docker/build-push-action@v6\n        with:\n          push: true\n          file: Dockerfile-base\n          tags: jumpserver/core-base:${{ env.IMAGE_TAG }}\n          context: .\n";
    assert.deepStrictEqual(workflowImageBuilds(step), [{ dockerfile: "Dockerfile-base", images: ["jumpserver/core-base"] }]);
  });

  it("a block of tags; a repository that is an expression is no name", () => {
    const step =
      "      - uses: docker/build-push-action@v6\n        with:\n          file: ./docker/base/Dockerfile\n          tags: |\n            ghcr.io/acme/base:latest\n            ghcr.io/${{ github.repository_owner }}/base:1\n      - name: next\n";
    assert.deepStrictEqual(workflowImageBuilds(step), [{ dockerfile: "docker/base/Dockerfile", images: ["ghcr.io/acme/base"] }]);
  });

  it("a namespace set in CI is the project's account: only the image's name is kept", () => {
    const step =
      "      - uses: docker/build-push-action@v7\n        with:\n          file: extras/docker/base/Dockerfile\n          tags: ${{ vars.REGISTRY_REPO }}/base:latest,${{ vars.REGISTRY_REPO }}/base:2.6-dev\n";
    assert.deepStrictEqual(workflowImageBuilds(step), [{ dockerfile: "extras/docker/base/Dockerfile", images: ["*/base", "*/base"] }]);
  });

  it("a build command with -f and -t", () => {
    assert.deepStrictEqual(workflowImageBuilds("run: docker build -f Dockerfile.base -t acme/base:$SHA -t acme/base:latest .\n"), [
      { dockerfile: "Dockerfile.base", images: ["acme/base", "acme/base"] },
    ]);
  });

  it("reads the sibling Dockerfiles the workflows build, never the file itself", async () => {
    const root = projects.create({
      "repo/.git/HEAD": "ref: refs/heads/main\n",
      "repo/.github/workflows/base.yml":
        "jobs:\n  x:\n    steps:\n      - run: docker buildx build --push -f Dockerfile-base -t acme/core-base:1 .\n      - run: docker buildx build --push -f Dockerfile -t acme/core:1 .\n",
      "repo/Dockerfile-base": "FROM python:3.14-slim\n",
      "repo/Dockerfile": "FROM acme/core-base:1\n",
    });
    assert.deepStrictEqual(await readProjectImages(`${root}/repo/Dockerfile`), [
      { dockerfile: "Dockerfile-base", images: ["acme/core-base"], text: "FROM python:3.14-slim\n" },
    ]);
  });

  it("reads the repositories the workflows tag when they build the file itself", async () => {
    const root = projects.create({
      "repo/.git/HEAD": "ref: refs/heads/main\n",
      "repo/.github/workflows/publish.yml":
        "jobs:\n  x:\n    steps:\n      - uses: docker/build-push-action@v6\n        with:\n          file: docker/Dockerfile\n          push: true\n          tags: |\n            acme/filer:latest\n            ghcr.io/${{ github.repository }}:latest\n      - run: docker build -f Dockerfile.other -t acme/other .\n",
      "repo/docker/Dockerfile": "FROM node:22\n",
    });
    assert.deepStrictEqual(await readPublishedImages(`${root}/repo/docker/Dockerfile`), ["acme/filer"]);
  });
});
