import * as assert from "assert";
import { parseImageReference } from "../../../server/src/images/reference";
import { toolchainOf } from "../../../server/src/images/toolchains";

function tc(image: string) {
  return toolchainOf(parseImageReference(image)!);
}

describe("images/toolchains: compiler and SDK images", () => {
  it("recognises toolchain-only images with a runtime for their artifacts", () => {
    assert.deepStrictEqual(tc("golang:1.27"), {
      ecosystem: "go",
      image: "golang",
      isToolchainOnly: true,
      runtime: "gcr.io/distroless/static-debian13",
      cgoRuntime: "debian:trixie-slim",
    });
    // A cgo binary needs the toolchain image's C library: its Debian release, or musl on Alpine.
    assert.strictEqual(tc("golang:1.26-bookworm")?.cgoRuntime, "debian:bookworm-slim");
    assert.strictEqual(tc("golang:1.26-alpine")?.cgoRuntime, "alpine:3");
    assert.strictEqual(tc("rust:1-slim-bookworm")?.cgoRuntime, undefined);
    assert.strictEqual(tc("maven:3-eclipse-temurin-17")?.runtime, "eclipse-temurin:17-jre");
    assert.strictEqual(tc("gradle:jdk21-alpine")?.runtime, "eclipse-temurin:21-jre-alpine");
    assert.strictEqual(tc("rust:1-slim-bookworm")?.runtime, "debian:bookworm-slim");
    assert.strictEqual(tc("rust:1-alpine")?.runtime, "alpine:3");
    assert.strictEqual(tc("mcr.microsoft.com/dotnet/sdk:10.0")?.runtime, "mcr.microsoft.com/dotnet/aspnet:10.0");
    assert.strictEqual(tc("gcc:14")?.ecosystem, "c");
  });

  it("treats full node/python/ruby images as toolchains and their slim variants as runtimes", () => {
    assert.strictEqual(tc("node:24")?.runtime, "node:24-slim");
    assert.strictEqual(tc("python:3.12-bookworm")?.runtime, "python:3.12-slim-bookworm");
    assert.strictEqual(tc("node:24-slim"), null);
    assert.strictEqual(tc("node:24-alpine"), null);
    assert.strictEqual(tc("python:3.13-slim"), null);
  });

  it("tells JDK from JRE", () => {
    assert.strictEqual(tc("eclipse-temurin:21-jdk")?.runtime, "eclipse-temurin:21-jre");
    assert.strictEqual(tc("eclipse-temurin:21-jre"), null);
    assert.strictEqual(tc("openjdk:17")?.ecosystem, "java");
  });

  it("leaves runtimes and unknown images alone", () => {
    for (const image of ["debian:bookworm", "alpine:3.22", "nginx:1.31", "mcr.microsoft.com/dotnet/aspnet:10.0", "ghcr.io/acme/golang:1"])
      assert.strictEqual(tc(image), null, image);
  });
});
