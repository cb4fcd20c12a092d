import * as assert from "assert";
import { parseDockerfile } from "../../../server/src/model/parse";
import { compilesAtRunTime } from "../../../server/src/model/run-time-compiles";

describe("model/run-time-compiles: a file that says its image compiles code when it runs", () => {
  const says = (comment: string) => compilesAtRunTime(parseDockerfile(`FROM ubuntu:24.04\n${comment}\nENV A=1\n`));

  it("reads comments about JIT-compiled code or compiling at run time", () => {
    assert.ok(says("# Force '-mtune=generic' for JIT-ed code"));
    assert.ok(says("# kernels are JIT compiled on first use"));
    assert.ok(says("# Triton kernels are compiled at runtime"));
    assert.ok(says("# just-in-time compilation needs gcc"));
  });

  it("reads comments about packages built or installed at run time (held-out CO, mqtt-io)", () => {
    assert.ok(says("# Install gcc so packages installed durring runtime may be build"));
    assert.ok(says("# plugins are built at run-time"));
    assert.ok(says("# needed to compile extensions at runtime"));
  });

  it("not 'runtime' naming a kind of thing", () => {
    assert.ok(!says("# Install runtime dependencies"));
    assert.ok(!says("# Build the runtime image"));
    assert.ok(!says("# install build tools and runtime libs"));
    assert.ok(!says("# Install runtime-dependencies"));
    assert.ok(!says("# install java runtime in debian based docker image"));
    assert.ok(!says("# + If installed NVIDIA container runtime as default runtime, try with:"));
    assert.ok(!says("# Install Composer (for runtime use in entrypoint)"));
  });

  it("not other words, nor comments of a stage that does not ship", () => {
    assert.ok(!says("# reduce network jitter"));
    assert.ok(!says("# deps from jitpack.io"));
    assert.ok(!compilesAtRunTime(parseDockerfile("FROM gcc:14 AS build\n# JIT-ed helper built here\nRUN make\nFROM debian:12\nCOPY --from=build /a /a\n")));
  });

  it("a RUN that warms Go's build cache with the standard library (held-out BW, Exercism's Go test runner)", () => {
    const shows = (run: string) => compilesAtRunTime(parseDockerfile(`FROM golang:1.26-alpine\n${run}\nENTRYPOINT ["/opt/runner"]\n`));
    assert.ok(shows("RUN go build std cmd"));
    assert.ok(shows("RUN go install -v std"));
    assert.ok(!shows("RUN go build ./..."));
    assert.ok(!shows("RUN go build std ./cmd/app"));
    assert.ok(!compilesAtRunTime(parseDockerfile("FROM golang:1.26 AS build\nRUN go build std\nFROM alpine:3.22\nCOPY --from=build /a /a\n")));
  });
});
