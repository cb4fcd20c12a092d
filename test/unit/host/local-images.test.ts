import * as assert from "assert";
import { bakeHclTags, bakeJsonTags, composeBuiltImages, readLocallyBuiltImages } from "../../../server/src/host/local-images";
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

  it("finds the compose files (variants too) in the Dockerfile's folder and those above it", async () => {
    const root = projects.create({
      "repo/.git/HEAD": "ref: refs/heads/main\n",
      "repo/docker/docker-compose.yml": "services:\n  base:\n    build:\n      context: ./base\n    image: ${USER}/app-base\n  db:\n    image: mongo\n",
      "repo/compose.dev.yaml": "services:\n  tools:\n    build: .\n    image: acme/tools\n",
      "repo/docker/build/Dockerfile": "FROM ${username}/app-base\n",
    });
    assert.deepStrictEqual(await readLocallyBuiltImages(`${root}/repo/docker/build`), ["${USER}/app-base", "acme/tools"]);
  });
});
