import * as assert from "assert";
import { parseDockerfile } from "../../../server/src/model/parse";
import { saysItCompilesAtRunTime } from "../../../server/src/model/run-time-compiles";

describe("model/run-time-compiles: a file that says its image compiles code when it runs", () => {
  const says = (comment: string) => saysItCompilesAtRunTime(parseDockerfile(`FROM ubuntu:24.04\n${comment}\nENV A=1\n`));

  it("reads comments about JIT-compiled code or compiling at run time", () => {
    assert.ok(says("# Force '-mtune=generic' for JIT-ed code"));
    assert.ok(says("# kernels are JIT compiled on first use"));
    assert.ok(says("# Triton kernels are compiled at runtime"));
    assert.ok(says("# just-in-time compilation needs gcc"));
  });

  it("not other words, nor comments of a stage that does not ship", () => {
    assert.ok(!says("# reduce network jitter"));
    assert.ok(!says("# deps from jitpack.io"));
    assert.ok(
      !saysItCompilesAtRunTime(parseDockerfile("FROM gcc:14 AS build\n# JIT-ed helper built here\nRUN make\nFROM debian:12\nCOPY --from=build /a /a\n")),
    );
  });
});
