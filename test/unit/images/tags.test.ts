import * as assert from "assert";
import { ubuntuVersionOf } from "../../../server/src/images/tags";

describe("images/tags: reading release names in tags", () => {
  it("the Ubuntu release a tag starts with, by number or by codename, as its version", () => {
    assert.strictEqual(ubuntuVersionOf("24.04"), 24.04);
    assert.strictEqual(ubuntuVersionOf("noble"), 24.04);
    assert.strictEqual(ubuntuVersionOf("resolute"), 26.04);
    assert.strictEqual(ubuntuVersionOf("jammy-20240125"), 22.04);
    assert.strictEqual(ubuntuVersionOf("ubuntu-22.04"), 22.04);
    assert.strictEqual(ubuntuVersionOf("ubuntu20.04"), 20.04);
    assert.strictEqual(ubuntuVersionOf("Focal"), 20.04);
  });

  it("a tag that names no Ubuntu release", () => {
    assert.strictEqual(ubuntuVersionOf("latest"), null);
    assert.strictEqual(ubuntuVersionOf("3.12-slim"), null);
    assert.strictEqual(ubuntuVersionOf("bookworm"), null);
  });
});
