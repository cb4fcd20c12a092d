import * as assert from "assert";
import { frontCode, frontDecoded, isMissingFrom } from "../../../server/src/images/debian-removals";

describe("debian-removals", () => {
  it("reads back the front-coded lists the generator writes", () => {
    const names = ["libgl1-mesa-dri", "libgl1-mesa-glx", "libglapi-mesa", "netcat", "python3-distutils"];
    const coded = frontCode(names);
    assert.ok(coded.length < names.join(" ").length, "shared beginnings are written once");
    assert.deepStrictEqual(frontDecoded(coded), names);
    assert.deepStrictEqual(frontDecoded(""), []);
  });

  it("answers from Debian's indexes which earlier packages a release does not install by name", () => {
    // Bookworm: a soname bump, a name left only as a virtual package two packages provide, and
    // upx-ucl, which bookworm dropped and trixie has again.
    for (const name of ["libtiff5", "netcat", "upx-ucl"]) assert.ok(isMissingFrom("bookworm", name), name);
    assert.ok(!isMissingFrom("trixie", "upx-ucl"));
    // Trixie: the GLX transitional package and Python's distutils, which bookworm has; and bullseye's netcat.
    for (const name of ["libgl1-mesa-glx", "python3-distutils", "netcat"]) assert.ok(isMissingFrom("trixie", name), name);
    assert.ok(!isMissingFrom("bookworm", "libgl1-mesa-glx"));
    // Packages every release has, and a name no Debian release ever had.
    for (const name of ["bash", "curl", "ca-certificates", "libpq-dev", "acme-not-a-package"]) {
      assert.ok(!isMissingFrom("bookworm", name), name);
      assert.ok(!isMissingFrom("trixie", name), name);
    }
  });
});
