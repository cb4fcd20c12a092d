import * as assert from "assert";
import { describeSize, formatSize } from "../../../server/src/images/format-size";

describe("images/format-size: decimal units, like docker", () => {
  it("formats bytes", () => {
    assert.strictEqual(formatSize(812_345_678), "812 MB");
    assert.strictEqual(formatSize(1_412_000_000), "1.4 GB");
    assert.strictEqual(formatSize(3_849_738), "3.8 MB");
    assert.strictEqual(formatSize(45_200_000), "45 MB");
    assert.strictEqual(formatSize(9_960_000), "10 MB");
    assert.strictEqual(formatSize(2_048), "2 kB");
    assert.strictEqual(formatSize(512), "512 B");
    assert.strictEqual(formatSize(0), "0 B");
    assert.strictEqual(formatSize(-20_000_000), "-20 MB");
  });

  it("labels estimates", () => {
    assert.strictEqual(describeSize({ kind: "fact", amd64: 316_194_729 }), "316 MB compressed");
    assert.strictEqual(describeSize({ kind: "estimate", amd64: 312_305_560, basis: "golang:1.26" }), "about 312 MB compressed, estimated from 'golang:1.26'");
  });
});
