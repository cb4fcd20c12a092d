import * as assert from "assert";
import { join } from "path";
import { pathToFileURL } from "url";
import { FolderReader } from "../../../server/src/host/folder-reader";
import { archiveBuiltDockerfiles, readGitArchiveBuilds } from "../../../server/src/host/git-archive-builds";
import { readBuildContext } from "../../../server/src/host/node-context";
import { TempProjects } from "../../support/temp-project";

describe("host/git-archive-builds: Dockerfiles built from a git archive piped to the builder", () => {
  const projects = new TempProjects("stagecraft-git-archive-builds");
  after(() => projects.dispose());

  it("reads the Dockerfile a piped build names, Dockerfile by default", () => {
    assert.deepStrictEqual(archiveBuiltDockerfiles("docker:\n\t@git archive --format=tar HEAD | docker build -t hypothesis/lms:dev -\n"), ["Dockerfile"]);
    assert.deepStrictEqual(archiveBuiltDockerfiles("git archive HEAD | docker buildx build --platform linux/amd64 -f ./docker/Dockerfile.prod -t app -"), [
      "docker/Dockerfile.prod",
    ]);
    assert.deepStrictEqual(archiveBuiltDockerfiles("git archive HEAD \\\n  | podman build --file=Containerfile -t app -\n"), ["Containerfile"]);
  });

  it("reads nothing where the archive is not the build's context or its files move under a prefix", () => {
    assert.deepStrictEqual(archiveBuiltDockerfiles("git archive HEAD > src.tar\ndocker build -t app .\n"), []);
    assert.deepStrictEqual(archiveBuiltDockerfiles("git archive HEAD | gzip > src.tgz && docker build -t app .\n"), []);
    assert.deepStrictEqual(archiveBuiltDockerfiles("git archive --prefix=app/ HEAD | docker build -t app -\n"), []);
    // `-f -` reads the Dockerfile itself from stdin: the context is elsewhere.
    assert.deepStrictEqual(archiveBuiltDockerfiles("git archive HEAD | docker build -f - .\n"), []);
  });

  it("finds the scripts in the Dockerfile's folder and the folders above it, up to the repository root", async () => {
    const root = projects.create({
      ".git/config": "",
      Makefile: "docker:\n\tgit archive HEAD | docker build -t app -\n",
      "services/api/Dockerfile": "FROM alpine:3.20\n",
      "services/api/build.sh": "git archive HEAD | docker build -f Dockerfile.ci -t api -\n",
    });
    const builds = await readGitArchiveBuilds(`${root}/services/api`, new FolderReader());
    assert.deepStrictEqual(builds, [`${root}/Dockerfile`, `${root}/services/api/Dockerfile.ci`]);
  });

  it("makes the archive the build context only where no compose service builds the file from a folder", async () => {
    const makefile = "docker:\n\tgit archive HEAD | docker build -t app -\n";
    const archived = projects.create({ ".git/config": "", Makefile: makefile, Dockerfile: "FROM alpine:3.20\nCOPY . /app\n" });
    const composed = projects.create({
      ".git/config": "",
      Makefile: makefile,
      Dockerfile: "FROM alpine:3.20\nCOPY . /app\n",
      "docker-compose.yml": "services:\n  app:\n    build: .\n",
    });
    const contextOf = (dir: string) => readBuildContext(pathToFileURL(join(dir, "Dockerfile")).href);
    assert.strictEqual((await contextOf(archived)).contextFromGitArchive, true);
    assert.strictEqual((await contextOf(composed)).contextFromGitArchive, undefined);
  });
});
