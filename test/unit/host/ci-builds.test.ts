import * as assert from "assert";
import { readCiBuildsWithoutCache, workflowBuildCaches } from "../../../server/src/host/ci-builds";
import { TempProjects } from "../../support/temp-project";

describe("host/ci-builds: whether CI reuses a layer cache when it builds a Dockerfile", () => {
  const projects = new TempProjects("stagecraft-ci-builds");
  after(() => projects.dispose());

  const action = (extra: string) =>
    `jobs:\n  x:\n    runs-on: ubuntu-latest\n    steps:\n      - uses: docker/build-push-action@v6\n        with:\n          context: .\n${extra}          push: true\n`;

  it("build-push-action: its default file is the context's Dockerfile; cache-from makes it cached", () => {
    assert.deepStrictEqual(workflowBuildCaches(action(""), "Dockerfile"), [false]);
    assert.deepStrictEqual(workflowBuildCaches(action("          cache-from: type=gha\n"), "Dockerfile"), [true]);
    assert.deepStrictEqual(workflowBuildCaches(action("          cache-to: type=gha\n          no-cache: true\n"), "Dockerfile"), [false]);
    assert.deepStrictEqual(workflowBuildCaches(action("          file: ./docker/Dockerfile\n"), "Dockerfile"), []);
    assert.deepStrictEqual(workflowBuildCaches(action("          file: ./docker/Dockerfile\n"), "docker/Dockerfile"), [false]);
  });

  it("Depot's build-push-action: its builders keep the layer cache", () => {
    // bytebase (held-out AV): the release image is built with depot/build-push-action.
    const depot = action("          file: scripts/Dockerfile\n").replace("docker/build-push-action@v6", "depot/build-push-action@v1");
    assert.deepStrictEqual(workflowBuildCaches(depot, "scripts/Dockerfile"), [true]);
  });

  it("build commands: -f or the root's Dockerfile; --cache-from unless --no-cache", () => {
    const run = (cmd: string) => `jobs:\n  x:\n    runs-on: ubuntu-latest\n    steps:\n      - run: ${cmd}\n`;
    assert.deepStrictEqual(workflowBuildCaches(run("docker buildx build --no-cache -f Dockerfile.dev --push ."), "Dockerfile.dev"), [false]);
    assert.deepStrictEqual(workflowBuildCaches(run("docker buildx build --cache-from type=gha --push ."), "Dockerfile"), [true]);
    assert.deepStrictEqual(workflowBuildCaches(run("docker build -t app ."), "Dockerfile"), [false]);
    assert.deepStrictEqual(workflowBuildCaches(run("docker build -f ${{ matrix.file }} ."), "Dockerfile"), []);
  });

  it("a path written with a matrix expression is read as each value the job's matrix lists", () => {
    const job = (matrix: string, file: string, extra = "") =>
      `jobs:\n  lint:\n    runs-on: ubuntu-latest\n    strategy:\n      matrix:\n        tool: [a, b]\n    steps:\n      - run: make lint\n  image:\n    runs-on: ubuntu-latest\n    strategy:\n      matrix:\n${matrix}    steps:\n      - uses: docker/build-push-action@v6\n        with:\n          context: .\n          file: ${file}\n${extra}          push: true\n`;
    const include =
      "        include:\n          - arch: amd64\n            dockerfile: 'Dockerfile'\n          - arch: arm64\n            dockerfile: 'Dockerfile.arm64' # QEMU\n";
    assert.deepStrictEqual(workflowBuildCaches(job(include, "${{ matrix.dockerfile }}"), "Dockerfile"), [false]);
    assert.deepStrictEqual(workflowBuildCaches(job(include, "${{ matrix.dockerfile }}"), "Dockerfile.arm64"), [false]);
    assert.deepStrictEqual(workflowBuildCaches(job(include, "${{ matrix.dockerfile }}", "          cache-from: type=gha\n"), "Dockerfile"), [true]);
    assert.deepStrictEqual(workflowBuildCaches(job(include, "${{ matrix.dockerfile }}"), "Dockerfile.dev"), []);
    const flow = "        variant: [slim, full]\n        platform: [linux/amd64]\n";
    assert.deepStrictEqual(workflowBuildCaches(job(flow, "docker/Dockerfile.${{ matrix.variant }}"), "docker/Dockerfile.full"), [false]);
    const block = "        variant:\n          - slim\n          - full\n";
    assert.deepStrictEqual(workflowBuildCaches(job(block, "Dockerfile.${{ matrix.variant }}"), "Dockerfile.full"), [false]);
    // A list of mappings is read by dotted names (held-out BI, NineChronicles: `matrix.docker.dockerfile`).
    const objects =
      "        docker:\n          - repo: org/app\n            dockerfile: Dockerfile\n          - repo: org/acc\n            dockerfile: Dockerfile.ACC\n";
    assert.deepStrictEqual(workflowBuildCaches(job(objects, "${{ matrix.docker.dockerfile }}"), "Dockerfile.ACC"), [false]);
    assert.deepStrictEqual(workflowBuildCaches(job(objects, "${{ matrix.docker.dockerfile }}"), "Dockerfile"), [false]);
    assert.deepStrictEqual(workflowBuildCaches(job(objects, "${{ matrix.docker.repo }}"), "Dockerfile"), []);
    // A matrix key of another job, or one the workflow computes, names no file.
    assert.deepStrictEqual(workflowBuildCaches(job(flow, "Dockerfile.${{ matrix.tool }}"), "Dockerfile.a"), []);
    assert.deepStrictEqual(
      workflowBuildCaches(job("        variant: ${{ fromJSON(needs.plan.outputs.variants) }}\n", "Dockerfile.${{ matrix.variant }}"), "Dockerfile.full"),
      [],
    );
    const run = `jobs:\n  x:\n    runs-on: ubuntu-latest\n    strategy:\n      matrix:\n        file: [Dockerfile.alpine, Dockerfile.debian]\n    steps:\n      - run: |\n          docker build \\\n            -f \${{ matrix.file }} -t app .\n`;
    assert.deepStrictEqual(workflowBuildCaches(run, "Dockerfile.debian"), [false]);
  });

  it("a self-hosted runner, or a workflow that is not GitHub's, may keep its layers", () => {
    assert.deepStrictEqual(workflowBuildCaches(action("").replace("ubuntu-latest", "[self-hosted, linux]"), "Dockerfile"), [true]);
    assert.deepStrictEqual(workflowBuildCaches("build:\n  script:\n    - docker build -t app .\n", "Dockerfile"), [true]);
    // Unless it prunes the builder cache first.
    const pruned = action("").replace("ubuntu-latest", "self-hosted").replace("    steps:\n", "    steps:\n      - run: docker builder prune -f\n");
    assert.deepStrictEqual(workflowBuildCaches(pruned, "Dockerfile"), [false]);
    // The runner is each job's: a self-hosted job elsewhere in the workflow leaves a hosted build fresh.
    const mixed = `${action("")}  deploy:\n    runs-on: [self-hosted, prod]\n    steps:\n      - run: ./deploy.sh\n`;
    assert.deepStrictEqual(workflowBuildCaches(mixed, "Dockerfile"), [false]);
  });

  it("reads the repository's workflows: true only when every build of the file is without a cache", async () => {
    const root = projects.create({
      "repo/.git/HEAD": "ref: refs/heads/main\n",
      "repo/.github/workflows/release.yml": action(""),
      "repo/.github/workflows/edge.yml": action("          file: app/Dockerfile\n          cache-from: type=gha\n"),
      "repo/Dockerfile": "FROM node:22-slim\n",
      "repo/app/Dockerfile": "FROM node:22-slim\n",
      "repo/other/Dockerfile": "FROM node:22-slim\n",
    });
    assert.strictEqual(await readCiBuildsWithoutCache(`${root}/repo/Dockerfile`), true);
    assert.strictEqual(await readCiBuildsWithoutCache(`${root}/repo/app/Dockerfile`), false);
    assert.strictEqual(await readCiBuildsWithoutCache(`${root}/repo/other/Dockerfile`), false);
  });

  it("reads a release workflow that names the files through its matrix", async () => {
    const release =
      "on: release\njobs:\n  publish:\n    runs-on: ubuntu-latest\n    strategy:\n      matrix:\n        flavour: [slim, full]\n    steps:\n      - uses: actions/checkout@v4\n      - uses: docker/build-push-action@v6\n        with:\n          file: Dockerfile.${{ matrix.flavour }}\n          push: true\n";
    const root = projects.create({
      "repo/.git/HEAD": "ref: refs/heads/main\n",
      "repo/.github/workflows/release.yml": release,
      "repo/Dockerfile.full": "FROM debian:12-slim\n",
      "repo/Dockerfile.dev": "FROM debian:12-slim\n",
    });
    assert.strictEqual(await readCiBuildsWithoutCache(`${root}/repo/Dockerfile.full`), true);
    assert.strictEqual(await readCiBuildsWithoutCache(`${root}/repo/Dockerfile.dev`), false);
  });
});
