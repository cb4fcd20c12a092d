import * as assert from "assert";
import { parseDockerfile } from "../../../server/src/model/parse";
import { isEmbeddedBuildHost } from "../../../server/src/model/root-by-design";

describe("model/root-by-design: a Yocto build host", () => {
  const host = (packages: string) => {
    const model = parseDockerfile(`FROM debian:12\nRUN apt-get update && apt-get install -y ${packages}\n`);
    return isEmbeddedBuildHost(model.stages);
  };

  it("needs four of the Yocto host packages, chrpath or diffstat among them", () => {
    assert.ok(host("gawk wget git diffstat unzip texinfo gcc build-essential chrpath socat cpio python3"));
    assert.ok(host("chrpath gawk cpio texinfo gcc"));
    assert.ok(!host("gawk cpio socat texinfo gcc"));
    assert.ok(!host("chrpath diffstat gcc"));
  });
});
