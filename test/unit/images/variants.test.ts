import * as assert from "assert";
import { parseImageReference } from "../../../server/src/images/reference";
import { smallerVariants } from "../../../server/src/images/variants";

function variants(image: string): string[] {
  return smallerVariants(parseImageReference(image)!).map((v) => v.image);
}

describe("images/variants: smaller variants that exist", () => {
  it("offers slim then alpine for node and python", () => {
    assert.deepStrictEqual(variants("node:24"), ["node:24-slim", "node:24-alpine"]);
    assert.deepStrictEqual(variants("python:3.12"), ["python:3.12-slim", "python:3.12-alpine"]);
    assert.deepStrictEqual(variants("python:3.12-bookworm"), ["python:3.12-slim-bookworm", "python:3.12-alpine"]);
    assert.deepStrictEqual(variants("node:24-trixie"), ["node:24-trixie-slim", "node:24-alpine"]);
  });

  it("offers the JRE for a JDK", () => {
    assert.deepStrictEqual(variants("eclipse-temurin:21-jdk"), ["eclipse-temurin:21-jre", "eclipse-temurin:21-jre-alpine"]);
    assert.deepStrictEqual(variants("eclipse-temurin:21-jdk-alpine"), ["eclipse-temurin:21-jre-alpine"]);
    assert.deepStrictEqual(variants("tomcat:11-jdk21"), ["tomcat:11-jre21"]);
  });

  it("computes the saving from facts", () => {
    const [slim] = smallerVariants(parseImageReference("node:24")!);
    assert.strictEqual(slim.saving.amd64, 408949206 - 80451137);
    assert.strictEqual(slim.saving.arm64, 400000940 - 80311474);
    assert.strictEqual(slim.isEstimate, false);
    assert.strictEqual(slim.size.kind, "fact");
  });

  it("has no variants for toolchain-only images, unknown images or unlisted tags", () => {
    assert.deepStrictEqual(variants("golang:1.27"), []);
    assert.deepStrictEqual(variants("maven:3-eclipse-temurin-21"), []);
    assert.deepStrictEqual(variants("node:18"), []);
    assert.deepStrictEqual(variants("ghcr.io/acme/node:24"), []);
    // A slim tag is already the conservative choice; Alpine would be a libc change on top.
    assert.deepStrictEqual(variants("node:24-slim"), []);
  });

  it("never invents tags", () => {
    for (const image of ["node:24", "python:3.13", "nginx:1.31", "debian:bookworm", "ruby:3.4", "php:8.4-cli", "eclipse-temurin:17"]) {
      for (const v of smallerVariants(parseImageReference(image)!)) assert.strictEqual(v.size.kind, "fact", v.image);
    }
  });
});
