import * as assert from "assert";
import { join } from "path";
import { readTemplatePlaceholders, sedPlaceholders } from "../../../server/src/host/template-placeholders";
import { TempProjects } from "../../support/temp-project";

describe("host/template-placeholders: ${NAME}s a script fills into the Dockerfile with sed", () => {
  const projects = new TempProjects("stagecraft-template-placeholders");
  after(() => projects.dispose());

  // Held-out BW: ioBroker's build-debian12 workflows.
  const workflow = [
    "jobs:",
    "  build:",
    "    steps:",
    "      - name: Set values in Dockerfile",
    "        run: |",
    '          sed -e "s/\\${VERSION}/$VERSION/" -e "s/\\${DATI}/$BUILD/" -e "s/\\${BUILD}/$BUILD/" ./debian12/Dockerfile > ./debian12/Dockerfile.tmp',
    "          mv -f ./debian12/Dockerfile.tmp ./debian12/Dockerfile",
    "",
  ].join("\n");

  it("reads each placeholder a sed substitution names, and the Dockerfile it edits", () => {
    const found = sedPlaceholders(workflow).filter((p) => p.path === "./debian12/Dockerfile");
    assert.deepStrictEqual(
      found.map((p) => p.name),
      ["VERSION", "DATI", "BUILD"],
    );
    assert.deepStrictEqual(sedPlaceholders("sed -i 's|${APP_VERSION}|1.2|g' Dockerfile\n"), [{ path: "Dockerfile", name: "APP_VERSION" }]);
    // Not a placeholder substitution, or not of a Dockerfile.
    assert.deepStrictEqual(sedPlaceholders("sed -i 's/foo/bar/' Dockerfile\n"), []);
    assert.deepStrictEqual(sedPlaceholders('sed -e "s/\\${VERSION}/1/" config.yml\n'), []);
  });

  it("reads the images whose :latest tag a sed substitution rewrites: every image, one named, or a loop's", () => {
    // Held-out BZ, Valhalla's manual builds; CD, Crawlab's release job.
    assert.deepStrictEqual(sedPlaceholders('sed -i "s/:latest/:manually_triggered_build_amd64/g" Dockerfile\n'), [{ path: "Dockerfile", name: ":latest" }]);
    assert.deepStrictEqual(sedPlaceholders("sed -i 's/app-base:latest/app-base:1.4/' docker/Dockerfile\n"), [
      { path: "docker/Dockerfile", name: "app-base:latest" },
    ]);
    const loop = [
      "IMAGE_NAME=$IMAGE_NAME_CRAWLAB_BACKEND",
      "for n in crawlab-backend crawlab-frontend; do",
      "  IMAGE_NAME=$n",
      '  sed -i "s/${IMAGE_NAME}:latest/${IMAGE_NAME}:${IMAGE_VERSION}/" Dockerfile',
      "done",
    ].join("\n");
    assert.deepStrictEqual(
      sedPlaceholders(loop).map((p) => p.name),
      ["crawlab-backend:latest", "crawlab-frontend:latest"],
    );
    // A variable whose values the text does not give: nothing known.
    assert.deepStrictEqual(sedPlaceholders('sed -i "s/${IMAGE}:latest/${IMAGE}:1/" Dockerfile\n'), []);
  });

  it("answers for the Dockerfile the repository's workflow edits, not for another", async () => {
    const root = projects.create({
      "repo/.git/HEAD": "ref: refs/heads/main\n",
      "repo/.github/workflows/build.yml": workflow,
      "repo/debian12/Dockerfile": "FROM debian:bookworm-slim\n",
      "repo/debian11/Dockerfile": "FROM debian:bullseye-slim\n",
    });
    assert.deepStrictEqual((await readTemplatePlaceholders(join(root, "repo", "debian12", "Dockerfile"))).sort(), ["BUILD", "DATI", "VERSION"]);
    assert.deepStrictEqual(await readTemplatePlaceholders(join(root, "repo", "debian11", "Dockerfile")), []);
  });
});
