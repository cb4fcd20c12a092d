import * as assert from "assert";
import { describeSize, formatSaving, formatSize, shownBytes } from "../../../server/src/images/format-size";

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

  it("reads back the bytes a figure shows", () => {
    assert.strictEqual(shownBytes(408_493_000), 408_000_000);
    assert.strictEqual(shownBytes(3_849_738), 3_800_000);
    assert.strictEqual(shownBytes(1_412_000_000), 1_400_000_000);
    assert.strictEqual(shownBytes(-20_400_000), -20_000_000);
    assert.strictEqual(shownBytes(512), 512);
  });

  it("writes a saving as the shown figures add up", () => {
    // 408 MB and 80 MB are shown; the exact difference (328.6 MB) alone would read 329 MB.
    assert.strictEqual(formatSize(408_493_000 - 79_900_000), "329 MB");
    assert.strictEqual(formatSaving(408_493_000, 79_900_000), "328 MB");
    assert.strictEqual(formatSaving(1_412_000_000, 80_451_137), "1.3 GB");
    assert.strictEqual(formatSaving(9_960_000, 3_849_738), "6.2 MB");
  });

  it("labels estimates", () => {
    assert.strictEqual(describeSize({ kind: "fact", amd64: 316_194_729 }), "316 MB compressed");
    assert.strictEqual(describeSize({ kind: "estimate", amd64: 312_305_560, basis: "golang:1.26" }), "about 312 MB compressed, estimated from 'golang:1.26'");
  });
});
