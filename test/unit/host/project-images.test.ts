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

  const acme = { owner: "acme", name: "db" };

  it("resolves the workflow's, the job's and the step's env, and the checkout's repository", () => {
    const workflow =
      "env:\n  REGISTRY: ghcr.io\n  IMAGE_NAME: ${{ github.repository }}\njobs:\n  build:\n    env:\n      SUFFIX: tools\n    steps:\n      - uses: docker/build-push-action@v6\n        env:\n          OWNER: ${{ github.repository_owner }}\n        with:\n          file: Dockerfile\n          tags: |\n            ${{ env.REGISTRY }}/${{ env.IMAGE_NAME }}:1\n            ${{ env.REGISTRY }}/${{ env.OWNER }}/${{ github.event.repository.name }}-${{ env.SUFFIX }}:1\n";
    assert.deepStrictEqual(workflowImageBuilds(workflow, acme), [{ dockerfile: "Dockerfile", images: ["ghcr.io/acme/db", "ghcr.io/acme/db-tools"] }]);
    assert.deepStrictEqual(workflowImageBuilds(workflow), [{ dockerfile: "Dockerfile", images: [] }]);
  });

  it("a build command's tag reads the workflow's top-level env", () => {
    const workflow = "env:\n  IMAGE: acme/db\njobs:\n  x:\n    steps:\n      - run: docker build -f Dockerfile -t ${{ env.IMAGE }}:1 .\n";
    assert.deepStrictEqual(workflowImageBuilds(workflow), [{ dockerfile: "Dockerfile", images: ["acme/db"] }]);
  });

  it("an expression ending the name under the owner's namespace stands for the rest of that name", () => {
    const step = (tag: string) => `      - uses: docker/build-push-action@v6\n        with:\n          file: Dockerfile\n          tags: ${tag}\n`;
    assert.deepStrictEqual(workflowImageBuilds(step("ghcr.io/${{ github.repository }}-${{ matrix.pg }}:${{ github.sha }}"), acme), [
      { dockerfile: "Dockerfile", images: ["ghcr.io/acme/db-*"] },
    ]);
    // Another namespace, a name that is all expression, an expression spanning a `/`: no name.
    for (const tag of ["ghcr.io/other/db-${{ matrix.pg }}:1", "ghcr.io/acme/${{ matrix.image }}:1", "ghcr.io/acme/db-${{ matrix.pg }}/tools:1"]) {
      assert.deepStrictEqual(workflowImageBuilds(step(tag), acme), [{ dockerfile: "Dockerfile", images: [] }], tag);
    }
    // A shell variable is no workflow expression: the command's tag names no image.
    assert.deepStrictEqual(workflowImageBuilds("run: docker build -f Dockerfile -t acme/db-$PG:1 .\n", acme), [{ dockerfile: "Dockerfile", images: [] }]);
    // Without the checkout's repository the owner is unknown.
    assert.deepStrictEqual(workflowImageBuilds(step("ghcr.io/acme/db-${{ matrix.pg }}:1")), [{ dockerfile: "Dockerfile", images: [] }]);
  });

  it("a build-push-action step without file builds its context's Dockerfile", () => {
    const step = (context: string) =>
      `      - uses: docker/build-push-action@v6\n        with:\n${context}          push: true\n          tags: acme/db:1\n          target: slim\n`;
    assert.deepStrictEqual(workflowImageBuilds(step("")), [{ dockerfile: "Dockerfile", images: ["acme/db"] }]);
    assert.deepStrictEqual(workflowImageBuilds(step("          context: ./docker/db/\n")), [{ dockerfile: "docker/db/Dockerfile", images: ["acme/db"] }]);
    assert.deepStrictEqual(workflowImageBuilds(step("          context: ${{ matrix.dir }}\n")), []);
    assert.deepStrictEqual(workflowImageBuilds(step("          context: https://github.com/acme/db.git#main\n")), []);
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

  it("reads the owner from the checkout's git config, so the workflow's matrix of names is the file's own", async () => {
    const workflow =
      "env:\n  REGISTRY: ghcr.io\n  IMAGE_NAME: ${{ github.repository }}\njobs:\n  build:\n    strategy:\n      matrix:\n        pg: [17, 16]\n    steps:\n      - uses: docker/build-push-action@v4\n        with:\n          context: .\n          push: true\n          tags: |\n            ${{ env.REGISTRY }}/${{ env.IMAGE_NAME }}-${{ matrix.pg }}:${{ github.sha }}\n";
    const root = projects.create({
      "cloned/.git/config": '[remote "origin"]\n\turl = git@github.com:Acme/DB.git\n',
      "cloned/.github/workflows/docker.yml": workflow,
      "cloned/Dockerfile": "ARG PG=17\nFROM ghcr.io/acme/db-${PG} AS previous\n",
      "copied/.git/HEAD": "ref: refs/heads/main\n",
      "copied/.github/workflows/docker.yml": workflow,
      "copied/Dockerfile": "ARG PG=17\nFROM ghcr.io/acme/db-${PG} AS previous\n",
    });
    assert.deepStrictEqual(await readPublishedImages(`${root}/cloned/Dockerfile`), ["ghcr.io/acme/db-*"]);
    assert.deepStrictEqual(await readPublishedImages(`${root}/copied/Dockerfile`), []);
  });
});
