import * as assert from "assert";
import { variantKind } from "../../../server/src/model/dockerfile-variants";

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
});
