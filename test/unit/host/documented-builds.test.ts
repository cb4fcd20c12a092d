import * as assert from "assert";
import { join } from "path";
import { readDocumentedLocalBuild } from "../../../server/src/host/documented-builds";
import { TempProjects } from "../../support/temp-project";

describe("host/documented-builds: builds of a Dockerfile a README documents", () => {
  const projects = new TempProjects("stagecraft-documented-builds");
  after(() => projects.dispose());

  it("finds a README's docker build of the file, by -f or by its folder as context, up to the repository root", async () => {
    const root = projects.create({
      "repo/.git/HEAD": "ref: refs/heads/main\n",
      "repo/README.md": "## Docker\n\nTo build the Docker image locally:\n\n```\ndocker build -t mbtileserver -f Dockerfile .\n```\n",
      "repo/Dockerfile": "FROM golang:1.24\n",
      "repo/web/README.md": "Build it with `docker build -t web .` from this folder.\n",
      "repo/web/Dockerfile": "FROM node:22\n",
      "repo/tools/Dockerfile": "FROM alpine:3.22\n",
      "repo/tools/README.md": "Run `docker run --rm tools` to lint.\n",
    });
    assert.strictEqual(await readDocumentedLocalBuild(join(root, "repo", "Dockerfile")), true);
    assert.strictEqual(await readDocumentedLocalBuild(join(root, "repo", "web", "Dockerfile")), true);
    assert.strictEqual(await readDocumentedLocalBuild(join(root, "repo", "tools", "Dockerfile")), false);
  });
});
