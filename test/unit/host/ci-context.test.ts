import * as assert from "assert";
import { join } from "path";
import { pathToFileURL } from "url";
import { readCiBuildContext, workflowContexts } from "../../../server/src/host/ci-context";
import { FolderReader } from "../../../server/src/host/folder-reader";
import { readBuildContext } from "../../../server/src/host/node-context";
import { TempProjects } from "../../support/temp-project";

const BUILD_PUSH = (inputs: string) =>
  `on: push\njobs:\n  image:\n    runs-on: ubuntu-latest\n    steps:\n      - uses: docker/build-push-action@v6\n        with:\n${inputs
    .split("\n")
    .map((l) => `          ${l}`)
    .join("\n")}\n`;
const RUN = (script: string) => `on: push\njobs:\n  image:\n    runs-on: ubuntu-latest\n    steps:\n      - run: ${script}\n`;

describe("host/ci-context: the build context a CI workflow gives a Dockerfile", () => {
  const projects = new TempProjects("stagecraft-ci-context");
  after(() => projects.dispose());

  it("reads docker/build-push-action's context for the file it builds (XTLS/Xray-core)", () => {
    assert.deepStrictEqual(workflowContexts(BUILD_PUSH("context: .\nfile: .github/docker/Dockerfile\npush: true"), ".github/docker/Dockerfile"), [""]);
    assert.deepStrictEqual(workflowContexts(BUILD_PUSH("context: ./server\nfile: ./server/docker/Dockerfile"), "server/docker/Dockerfile"), ["server"]);
    // No `context:`: the action builds from the Git context, the repository itself.
    assert.deepStrictEqual(workflowContexts(BUILD_PUSH("file: docker/Dockerfile"), "docker/Dockerfile"), [""]);
    assert.deepStrictEqual(workflowContexts(BUILD_PUSH("context: ${{ matrix.dir }}\nfile: docker/Dockerfile"), "docker/Dockerfile"), [null]);
    assert.deepStrictEqual(workflowContexts(BUILD_PUSH("context: .\nfile: other/Dockerfile"), "docker/Dockerfile"), []);
  });

  it("reads a build command's context from its step's working directory (thoughtworks/metrik's release workflow)", () => {
    const text = "jobs:\n  push:\n    steps:\n      - run: docker build . --file Dockerfile --tag repo/app:1\n        working-directory: ./ci\n";
    assert.deepStrictEqual(workflowContexts(text, "ci/Dockerfile"), ["ci"]);
    // A context that leaves the repository is unknown.
    const outside = "jobs:\n  push:\n    steps:\n      - run: docker build ../.. --file Dockerfile\n        working-directory: ./ci\n";
    assert.deepStrictEqual(workflowContexts(outside, "ci/Dockerfile"), [null]);
  });

  it("reads the context argument of a build command, past the options and their values", () => {
    assert.deepStrictEqual(workflowContexts(RUN("docker build -t app:latest --build-arg V=1 -f docker/Dockerfile ."), "docker/Dockerfile"), [""]);
    assert.deepStrictEqual(workflowContexts(RUN("docker buildx build --platform linux/amd64 --push -f ./deploy/Dockerfile ./backend"), "deploy/Dockerfile"), [
      "backend",
    ]);
    // After a `cd` the context is relative to a folder not known here.
    assert.deepStrictEqual(workflowContexts(RUN("cd web && docker build -f docker/Dockerfile ."), "docker/Dockerfile"), [null]);
  });

  it("gives the folder only when every build that names the file agrees on it", async () => {
    const dir = projects.create({
      ".git/HEAD": "x",
      ".github/workflows/a.yml": BUILD_PUSH("context: .\nfile: docker/Dockerfile"),
      ".github/workflows/b.yml": RUN("docker build -f docker/Dockerfile ."),
      "docker/Dockerfile": "FROM alpine:3.22\nCOPY . /src\n",
      ".dockerignore": ".git\n",
    });
    assert.strictEqual(await readCiBuildContext(join(dir, "docker", "Dockerfile"), new FolderReader()), dir);
    const facts = await readBuildContext(pathToFileURL(join(dir, "docker", "Dockerfile")).href);
    assert.strictEqual(facts.dockerignore, ".git\n");
    const split = projects.create({
      ".git/HEAD": "x",
      ".github/workflows/a.yml": BUILD_PUSH("context: .\nfile: docker/Dockerfile"),
      ".github/workflows/b.yml": RUN("docker build -f docker/Dockerfile docker"),
      "docker/Dockerfile": "FROM alpine:3.22\n",
    });
    assert.strictEqual(await readCiBuildContext(join(split, "docker", "Dockerfile"), new FolderReader()), null);
  });
});
