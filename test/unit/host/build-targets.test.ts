import * as assert from "assert";
import { bakeTargets, commandLineTargets, composeTargets, documentedTargets, readBuildTargets, scriptsRunBy } from "../../../server/src/host/build-targets";
import { TempProjects } from "../../support/temp-project";

describe("host/build-targets: stages a project builds with --target", () => {
  const projects = new TempProjects("stagecraft-targets");
  after(() => projects.dispose());

  it("names the files build scripts and workflows run by path", () => {
    const workflow = "      - run: ./bin/build-image ${{ env.tag }}\n      - run: |\n          bash scripts/push.sh\n          sh -c 'echo'\n";
    const makefile = 'image:\n\t"./ci/build docker" && ./bin/build-image\npush:\n\tsource ./env.sh; ../outside/x; ./node_modules/.bin/tsc; sh deploy\n';
    assert.deepStrictEqual(scriptsRunBy([workflow, makefile]), ["bin/build-image", "scripts/push.sh", "ci/build", "env.sh"]);
  });

  it("reads compose build.target", () => {
    const text = "services:\n  web:\n    build:\n      context: .\n      target: development\n  db:\n    image: postgres:17\n";
    assert.deepStrictEqual(composeTargets(text), ["development"]);
    assert.deepStrictEqual(composeTargets("services: [\n"), []);
  });

  it("reads bake targets and --target in scripts and workflows", () => {
    assert.deepStrictEqual(bakeTargets('target "api" {\n  target = "api-prod"\n}\n'), ["api-prod"]);
    assert.deepStrictEqual(commandLineTargets('for t in a b; do docker build --target "$t" .; done\ndocker build --target=sidecar -t x .\n'), ["sidecar"]);
    assert.deepStrictEqual(commandLineTargets("      - uses: docker/build-push-action@v6\n        with:\n          target: slim\n"), ["slim"]);
    // Cloud Build steps: the argument list in flow form and in block form.
    assert.deepStrictEqual(
      commandLineTargets("steps:\n  - name: gcr.io/cloud-builders/docker\n    args: ['build', '--target', 'node-runtime', '-t', 'x', '.']\n"),
      ["node-runtime"],
    );
    assert.deepStrictEqual(commandLineTargets('    args:\n      - build\n      - "--target"\n      - "graph-node-debug"\n      - .\n'), ["graph-node-debug"]);
  });

  it("looks in the Dockerfile's folder and above, and in the root's CI workflows", async () => {
    const root = projects.create({
      "repo/.git/HEAD": "ref: refs/heads/main\n",
      "repo/.github/workflows/release.yml": "jobs:\n  x:\n    steps:\n      - run: docker buildx build --target slim .\n",
      "repo/packaging/docker/build-images.sh": "docker build --target fdb-monitor -f Dockerfile .\n",
      "repo/packaging/docker/Dockerfile": "FROM alpine:3.22\n",
    });
    assert.deepStrictEqual(await readBuildTargets(`${root}/repo/packaging/docker`), ["fdb-monitor", "slim"]);
  });

  it("reads the --target of build commands a README documents, not placeholders", async () => {
    assert.deepStrictEqual(
      documentedTargets("Build a plugin image:\n\n```\ndocker build \\\n  --target tool-plugin \\\n  --build-arg plugin=x .\n```\nor `--target <name>`.\n"),
      ["tool-plugin"],
    );
    const root = projects.create({
      "repo/.git/HEAD": "ref: refs/heads/main\n",
      "repo/docker/README.md": "# Images\n\n    docker build --tag mine --target=tool-plugin .\n",
      "repo/docker/Dockerfile": "FROM alpine:3.22\n",
    });
    assert.deepStrictEqual(await readBuildTargets(`${root}/repo/docker`), ["tool-plugin"]);
  });
});
