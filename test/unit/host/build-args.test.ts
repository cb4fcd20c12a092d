import * as assert from "assert";
import { bakeArgs, composeArgs, composeArgValues, publishedArgs, readBuildArgs, scriptArgs } from "../../../server/src/host/build-args";
import { TempProjects } from "../../support/temp-project";

describe("host/build-args: build arguments a project passes", () => {
  const projects = new TempProjects("stagecraft-build-args");
  after(() => projects.dispose());

  it("reads compose build.args as a mapping or a list", () => {
    assert.deepStrictEqual(composeArgs({ context: ".", args: { NODE_VERSION: "22" } }), ["NODE_VERSION"]);
    assert.deepStrictEqual(composeArgs({ args: ["PG_MAJOR=17", "DEBUG"] }), ["PG_MAJOR", "DEBUG"]);
    assert.deepStrictEqual(composeArgs("."), []);
  });

  it("reads the literal values of compose build.args, not the ones compose interpolates or takes from the environment", () => {
    assert.deepStrictEqual(composeArgValues({ args: { JUPYTERHUB_VERSION: "latest", PORT: 8000, TAG: "${TAG:-1}", EMPTY: "" } }), {
      JUPYTERHUB_VERSION: "latest",
      PORT: "8000",
    });
    assert.deepStrictEqual(composeArgValues({ args: ["NODE_VERSION=22", "FROM_ENV", "X=$Y"] }), { NODE_VERSION: "22" });
    assert.deepStrictEqual(composeArgValues("."), {});
  });

  it("tells the arguments of builds that publish from those of local and test builds", () => {
    const script =
      "docker buildx build --build-arg GPU=nvidia --build-arg GIT_COMMIT_ID=1 --push .\ndocker build --build-arg INSTALL_DEBUG=1 -t app:unstable . --load\ndocker push other/image\n";
    assert.deepStrictEqual(publishedArgs(script), ["GPU", "GIT_COMMIT_ID"]);
    const step = (push: string) =>
      `      - uses: docker/build-push-action@v6\n        with:\n          push: ${push}\n          build-args: |\n            VARIANT=gpu\n`;
    assert.deepStrictEqual(publishedArgs(step("true")), ["VARIANT"]);
    assert.deepStrictEqual(publishedArgs(step("false")), []);
  });

  it("reads the build arguments a pushing step takes from its job's matrix", () => {
    // Held-out BX, MultiQC: the pdf- images are pushed with INSTALL_PANDOC=true from the matrix.
    const workflow =
      "jobs:\n  build:\n    runs-on: ubuntu-latest\n    strategy:\n      matrix:\n        v:\n          - lab: ''\n            build_args: ''\n          - lab: pdf-\n            build_args: INSTALL_PANDOC=true\n    steps:\n      - uses: docker/build-push-action@v6\n        with:\n          push: true\n          build-args: ${{ matrix.v.build_args }}\n";
    assert.deepStrictEqual(publishedArgs(workflow), ["INSTALL_PANDOC"]);
    assert.deepStrictEqual(publishedArgs(workflow.replace("push: true", "push: false")), []);
  });

  it("reads the environment variables elgohr/Publish-Docker-Github-Action passes as build arguments", () => {
    // Held-out BS, querybook: `buildargs: EXTRA_PIP_INSTALLS` on the step that publishes the image.
    const step = (extra: string) =>
      `      - uses: elgohr/Publish-Docker-Github-Action@v4\n        env:\n          EXTRA_PIP_INSTALLS: extra.txt\n        with:\n          name: querybook/querybook\n          buildargs: EXTRA_PIP_INSTALLS,GIT_SHA\n${extra}`;
    assert.deepStrictEqual(publishedArgs(step("")), ["EXTRA_PIP_INSTALLS", "GIT_SHA"]);
    assert.deepStrictEqual(publishedArgs(step("          no_push: true\n")), []);
  });

  it("reads bake args, --build-arg in scripts and NAME=value lines of CI files", () => {
    assert.deepStrictEqual(bakeArgs('target "app" {\n  args = {\n    GO_VERSION = "1.23"\n  }\n}\n'), ["GO_VERSION"]);
    // Values that interpolate (`${VERSION}`) close no map: the keys after them are read too.
    assert.deepStrictEqual(bakeArgs('target "app" {\n  args = {\n    BASE = "${VERSION}-bookworm"\n    TIMESTAMP = "${timestamp()}"\n  }\n}\n'), [
      "BASE",
      "TIMESTAMP",
    ]);
    assert.deepStrictEqual(bakeArgs('{ "target": { "app": { "args": { "A": "}", "B": "x=y, C: z" } } } }'), ["A", "B"]);
    assert.deepStrictEqual(scriptArgs("docker build --build-arg ELIXIR_VERSION=1.17 --build-arg=OTP .\n"), ["ELIXIR_VERSION", "OTP"]);
    assert.deepStrictEqual(scriptArgs('for a in $ARGS; do opts="$opts --build-arg $a"; done\n'), ["*"]);
    assert.deepStrictEqual(scriptArgs("        with:\n          build-args: |\n            PG_VERSION=17\n"), ["PG_VERSION"]);
    assert.deepStrictEqual(scriptArgs("        with:\n          build-args: PREBUILT=1\n"), ["PREBUILT"]);
    assert.deepStrictEqual(
      publishedArgs("      - uses: docker/build-push-action@v6\n        with:\n          push: true\n          build-args: PREBUILT=1\n"),
      ["PREBUILT"],
    );
  });

  it("counts the compose services that build the Dockerfile and collects what every caller passes", async () => {
    const root = projects.create({
      "repo/.git/HEAD": "ref: refs/heads/main\n",
      "repo/docker-compose.yaml":
        "services:\n  db:\n    image: postgres:13\n  app:\n    build: .\n  other:\n    build:\n      context: tools\n      args:\n        TOOL_VERSION: '2'\n",
      "repo/Dockerfile": "ARG ELIXIR_VERSION\nFROM hexpm/elixir:${ELIXIR_VERSION}\n",
    });
    assert.deepStrictEqual(await readBuildArgs(`${root}/repo/Dockerfile`), { composeBuilds: 1, passed: ["TOOL_VERSION"], published: [] });
  });

  it("reads the scripts a workflow or Makefile runs by path, one level down", async () => {
    // Held-out CU, karrio: the workflow step runs ./bin/build-server-image-from-source, which passes REQUIREMENTS.
    const root = projects.create({
      "repo/.git/HEAD": "ref: refs/heads/main\n",
      "repo/.github/workflows/build.yml": "jobs:\n  server:\n    steps:\n      - run: |\n          ./bin/build-server-image-from-source ${{ env.tag }}\n",
      "repo/bin/build-server-image-from-source":
        'docker build -f docker/api/Dockerfile . --build-arg REQUIREMENTS=source.requirements.txt "${@:2}"\n./bin/nested\n',
      "repo/bin/nested": "docker build --build-arg NESTED=1 .\n",
      "repo/Makefile": "image:\n\tbash scripts/image.sh\n",
      "repo/scripts/image.sh": "docker build --build-arg FROM_MAKE=1 .\n",
      "repo/docker/api/Dockerfile": "FROM python:3.12\n",
    });
    assert.deepStrictEqual((await readBuildArgs(`${root}/repo/docker/api/Dockerfile`)).passed, ["FROM_MAKE", "REQUIREMENTS"]);
  });

  it("collects the values the compose services that build the Dockerfile pass, not those of other services", async () => {
    const root = projects.create({
      "repo/.git/HEAD": "ref: refs/heads/main\n",
      "repo/basic-example/docker-compose.yml":
        "services:\n  hub:\n    build:\n      context: .\n      dockerfile: Dockerfile.jupyterhub\n      args:\n        JUPYTERHUB_VERSION: latest\n  other:\n    build:\n      context: tools\n      args:\n        JUPYTERHUB_VERSION: '5.2'\n",
      "repo/basic-example/Dockerfile.jupyterhub": "ARG JUPYTERHUB_VERSION\nFROM quay.io/jupyterhub/jupyterhub:$JUPYTERHUB_VERSION\n",
    });
    const facts = await readBuildArgs(`${root}/repo/basic-example/Dockerfile.jupyterhub`);
    assert.deepStrictEqual(facts.composeValues, { JUPYTERHUB_VERSION: ["latest"] });
    assert.strictEqual(facts.composeBuilds, 1);
  });

  it("counts a compose build of the folder's lower-case `dockerfile`", async () => {
    const root = projects.create({ "repo/.git/HEAD": "", "repo/compose.yaml": "services:\n  app:\n    build: .\n", "repo/dockerfile": "FROM alpine\n" });
    assert.strictEqual((await readBuildArgs(`${root}/repo/dockerfile`)).composeBuilds, 1);
  });
});
