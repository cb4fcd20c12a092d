import * as assert from "assert";
import { join } from "path";
import { copiedOutBuilds, readOutputCopiedOut } from "../../../server/src/host/copied-out-builds";
import { TempProjects } from "../../support/temp-project";

describe("host/copied-out-builds: images a script builds only to take files out of", () => {
  const projects = new TempProjects("stagecraft-copied-out-builds");
  after(() => projects.dispose());

  // Held-out BV: audiowaveform's rpm/build_deb_debian.sh.
  const packaging = [
    "#!/bin/bash",
    "IMAGE=audiowaveform_deb",
    "docker buildx build \\",
    "    --platform linux/${ARCH} \\",
    "    --tag ${IMAGE} \\",
    "    --file Dockerfile-debian .",
    "CONTAINER_ID=`docker create ${IMAGE}`",
    "docker cp ${CONTAINER_ID}:/root/build/audiowaveform.deb .",
    "docker rm -v ${CONTAINER_ID}",
    "docker rmi ${IMAGE}",
    "",
  ].join("\n");

  it("reads a build followed by a copy out of a container, into a mounted folder, or a local --output", () => {
    assert.deepStrictEqual(copiedOutBuilds(packaging), ["Dockerfile-debian"]);
    assert.deepStrictEqual(copiedOutBuilds("docker build -t pkg -f build/Dockerfile .\ndocker run --rm -v $PWD/out:/out pkg cp /app.tar.gz /out/\n"), [
      "build/Dockerfile",
    ]);
    for (const output of ["-o out", "--output=dist", "--output type=local,dest=out", "--output type=tar,dest=out.tar"])
      assert.deepStrictEqual(copiedOutBuilds(`docker buildx build -f Dockerfile.release ${output} .\n`), ["Dockerfile.release"], output);
  });

  it("leaves builds that publish or keep their image: a push, an image or registry output, or no copy out", () => {
    assert.deepStrictEqual(copiedOutBuilds(`${packaging}docker push acme/audiowaveform\n`), []);
    assert.deepStrictEqual(copiedOutBuilds("docker buildx build -f Dockerfile --push -t acme/app .\ndocker cp x:/a .\n"), []);
    for (const output of ["--output type=image,name=acme/app,push=true", "-o type=registry", "--output type=docker"])
      assert.deepStrictEqual(copiedOutBuilds(`docker buildx build -f Dockerfile ${output} .\n`), [], output);
    assert.deepStrictEqual(copiedOutBuilds("docker build -f Dockerfile -t app .\ndocker run --rm app\n"), []);
  });

  it("finds the script beside the Dockerfile or above it, up to the repository root", async () => {
    const root = projects.create({
      "repo/.git/HEAD": "ref: refs/heads/main\n",
      "repo/rpm/build_deb_debian.sh": packaging,
      "repo/rpm/Dockerfile-debian": "FROM debian:12\n",
      "repo/rpm/Dockerfile-centos8": "FROM centos:8\n",
      "repo/Dockerfile": "FROM debian:12\n",
    });
    assert.strictEqual(await readOutputCopiedOut(join(root, "repo", "rpm", "Dockerfile-debian")), true);
    assert.strictEqual(await readOutputCopiedOut(join(root, "repo", "rpm", "Dockerfile-centos8")), false);
    assert.strictEqual(await readOutputCopiedOut(join(root, "repo", "Dockerfile")), false);
  });
});
