import * as assert from "assert";
import { frontCode, frontDecoded, isGoneAfter } from "../../../server/src/images/debian-removals";

describe("debian-removals", () => {
  it("reads back the front-coded lists the generator writes", () => {
    const names = ["libgl1-mesa-dri", "libgl1-mesa-glx", "libglapi-mesa", "netcat", "python3-distutils"];
    const coded = frontCode(names);
    assert.ok(coded.length < names.join(" ").length, "shared beginnings are written once");
    assert.deepStrictEqual(frontDecoded(coded), names);
    assert.deepStrictEqual(frontDecoded(""), []);
  });

  it("answers from Debian's indexes which packages the next release no longer installs by name", () => {
    // bullseye -> bookworm: a soname bump, and a name left only as a virtual package two packages provide.
    assert.ok(isGoneAfter("bullseye", "libtiff5"));
    assert.ok(isGoneAfter("bullseye", "netcat"));
    // bookworm -> trixie: the GLX transitional package and Python's distutils.
    assert.ok(isGoneAfter("bookworm", "libgl1-mesa-glx"));
    assert.ok(isGoneAfter("bookworm", "python3-distutils"));
    // Missing from bookworm but back in trixie: not gone for a move that lands on trixie.
    assert.ok(!isGoneAfter("bullseye", "upx-ucl"));
    // Packages every release has, and a name no Debian release ever had.
    for (const name of ["bash", "curl", "ca-certificates", "libpq-dev", "acme-not-a-package"]) {
      assert.ok(!isGoneAfter("bullseye", name), name);
      assert.ok(!isGoneAfter("bookworm", name), name);
    }
  });
});
