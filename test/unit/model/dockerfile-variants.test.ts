import * as assert from "assert";
import { variantKind, variantsInFolder } from "../../../server/src/model/dockerfile-variants";

describe("model/dockerfile-variants: variants published beside a Dockerfile", () => {
  it("names a slim, minimal or alpine sibling of the same file", () => {
    assert.strictEqual(variantKind("python3.11-slim.dockerfile", "python3.11.dockerfile"), "slim");
    assert.strictEqual(variantKind("Dockerfile.slim", "Dockerfile"), "slim");
    assert.strictEqual(variantKind("Dockerfile-alpine3.20", "Dockerfile"), "slim");
    assert.strictEqual(variantKind("minimal.Dockerfile", "Dockerfile"), "slim");
  });
  it("names a rootless, nonroot or unprivileged sibling of the same file", () => {
    assert.strictEqual(variantKind("Dockerfile.rootless", "Dockerfile"), "rootless");
    assert.strictEqual(variantKind("Dockerfile-unprivileged", "Dockerfile"), "rootless");
    assert.strictEqual(variantKind("nonroot.Dockerfile", "Dockerfile"), "rootless");
    assert.strictEqual(variantKind("Dockerfile.rootlessness", "Dockerfile"), null);
  });
  it("names the same file for another version", () => {
    assert.strictEqual(variantKind("python3.10.dockerfile", "python3.11.dockerfile"), "version");
    assert.strictEqual(variantKind("Dockerfile.node20", "Dockerfile.node18"), "version");
  });
  it("ignores other files, other variants' other versions and the file itself", () => {
    assert.strictEqual(variantKind("python3.10-slim.dockerfile", "python3.11.dockerfile"), null);
    assert.strictEqual(variantKind("Dockerfile.dev", "Dockerfile"), null);
    assert.strictEqual(variantKind("Dockerfile.slimmer", "Dockerfile"), null);
    assert.strictEqual(variantKind("Dockerfile", "Dockerfile"), null);
    assert.strictEqual(variantKind("Dockerfile.2", "Dockerfile"), null);
  });
  it("indexes a folder as asking variantKind of every pair would: each slim variant and the first other version", () => {
    const names = [
      "Dockerfile",
      "dockerfile",
      "Dockerfile.slim",
      "Dockerfile-alpine3.20",
      "minimal.Dockerfile",
      "Dockerfile.alpine.slim",
      "Dockerfile.dev",
      "Dockerfile.rootless",
      "nonroot.Dockerfile",
      "python3.11-unprivileged.dockerfile",
      "Dockerfile.2",
      "python3.10.dockerfile",
      "python3.11.dockerfile",
      "python3.11-slim.dockerfile",
      "Python3.12.Dockerfile",
      "python3.12-alpine.dockerfile",
      "app1.Dockerfile",
      "app2.Dockerfile",
      "app10.Dockerfile",
      "slim-app1.Dockerfile",
      "a#.txt",
      "a1.txt",
      "compose.yaml",
    ];
    const variantsOf = variantsInFolder(names);
    for (const own of [...names, "Dockerfile.alpine", "python3.9.dockerfile", "app.Dockerfile"]) {
      const pairwise = names.filter((n) => variantKind(n, own) !== null);
      const firstOtherVersion = pairwise.find((n) => variantKind(n, own) === "version");
      const expected = pairwise.filter((n) => variantKind(n, own) === "slim" || variantKind(n, own) === "rootless" || n === firstOtherVersion);
      assert.deepStrictEqual(variantsOf(own), expected, own);
    }
    assert.deepStrictEqual(variantsOf("python3.11.dockerfile"), ["python3.11-unprivileged.dockerfile", "python3.10.dockerfile", "python3.11-slim.dockerfile"]);
  });
  it("indexes a folder of many per-version files in time linear in their number", () => {
    const names = Array.from({ length: 20_000 }, (_, i) => `app${i}.Dockerfile`);
    const variantsOf = variantsInFolder(names);
    for (const own of names) assert.strictEqual(variantsOf(own).length, 1);
  });
});
