import * as assert from "assert";
import { canonicalTag, FACTS_PROVENANCE, isKnownTag, lookupImageSize, lookupTagSize, nearestTag, pinnedTagFor } from "../../../server/src/images/facts";
import { parseImageReference } from "../../../server/src/images/reference";

function size(image: string) {
  const ref = parseImageReference(image);
  assert.ok(ref, image);
  return lookupImageSize(ref);
}

describe("images/facts: built-in size facts", () => {
  it("carries its provenance: source commit, snapshot dates, generation date", () => {
    assert.match(FACTS_PROVENANCE.source, /^docker-library\/repo-info@[0-9a-f]{40}$/);
    assert.match(FACTS_PROVENANCE.snapshotDate, /^\d{4}-\d{2}-\d{2}\.\.\d{4}-\d{2}-\d{2}$/);
    assert.match(FACTS_PROVENANCE.generated, /^\d{4}-\d{2}-\d{2}$/);
  });

  it("returns facts for listed tags, with both platforms", () => {
    const node = size("node:24");
    assert.deepStrictEqual(node && { kind: node.kind, amd64: node.amd64, arm64: node.arm64 }, { kind: "fact", amd64: 408949206, arm64: 400000940 });
    assert.strictEqual(node?.kind === "fact" && node.tag, "24");
  });

  it("folds aliases into their canonical tag", () => {
    assert.strictEqual(canonicalTag("node", "lts"), "24");
    assert.strictEqual(canonicalTag("node", "24-bookworm-slim"), "24-slim");
    assert.strictEqual(canonicalTag("python", "3.12"), "3.12-trixie");
    const viaAlias = size("python:3.12-slim");
    assert.ok(viaAlias?.kind === "fact" && viaAlias.tag === "3.12-slim-trixie");
  });

  it("treats no tag as latest, and a digest without a tag as unknown", () => {
    assert.strictEqual(size("alpine")?.kind, "fact");
    assert.strictEqual(size("node@sha256:2f5a0e2e7a3b7b8d8a6c4e9f1b0c3d2e1f0a9b8c7d6e5f4a3b2c1d0e9f8a7b6c"), null);
  });

  it("says why arm64 is missing", () => {
    const temurin = lookupTagSize("eclipse-temurin", "17-jre-alpine");
    assert.ok(temurin?.kind === "fact" && temurin.arm64 === null && temurin.arm64Missing === "no-build");
    const pg = lookupTagSize("postgres", "18");
    assert.ok(pg?.kind === "fact" && pg.arm64 === null && pg.arm64Missing === "not-read");
  });

  it("knows docker.io/library and registry mirrors of official images", () => {
    assert.strictEqual(size("docker.io/library/golang:1.27-alpine")?.kind, "fact");
    assert.strictEqual(size("public.ecr.aws/docker/library/node:24-slim")?.kind, "fact");
  });

  it("knows scratch is empty", () => {
    assert.deepStrictEqual(size("scratch"), { kind: "fact", amd64: 0, arm64: 0, tag: "latest", source: "scratch is empty by definition", builtAround: null });
  });

  it("returns null for images it does not cover", () => {
    assert.strictEqual(size("ghcr.io/acme/app:1.0"), null);
    assert.strictEqual(size("bitnami/redis:7"), null);
    assert.strictEqual(size("openjdk:17"), null);
  });

  it("pins floating tags to what they meant in the facts", () => {
    assert.strictEqual(pinnedTagFor("node", "latest"), "26");
    assert.strictEqual(pinnedTagFor("nginx", "latest"), "1.31");
    assert.strictEqual(pinnedTagFor("debian", "latest"), "trixie");
    assert.strictEqual(pinnedTagFor("nosuchimage", "latest"), null);
    assert.ok(isKnownTag("alpine", "3.22"));
  });
});

describe("images/facts: estimates for unlisted tags", () => {
  const cases: [string, string][] = [
    ["node:18-alpine", "node:22-alpine"],
    ["node:18", "node:22"],
    ["golang:1.22", "golang:1.26"],
    ["golang:1.22.3-alpine3.19", "golang:1.26-alpine"],
    ["python:3.8-slim-buster", "python:3.10-slim"],
    ["debian:buster-slim", "debian:11-slim"],
    ["ubuntu:focal", "ubuntu:22.04"],
    ["rust:1.70", "rust:1.98"],
    ["eclipse-temurin:8u302-b08-jre", "eclipse-temurin:8-jre"],
  ];
  for (const [image, basis] of cases) {
    it(`estimates '${image}' from '${basis}', labelled`, () => {
      const result = size(image);
      assert.ok(result, image);
      assert.strictEqual(result.kind, "estimate");
      assert.strictEqual(result.kind === "estimate" && result.basis, basis);
    });
  }

  it("never uses pre-release tags for releases", () => {
    assert.doesNotMatch(nearestTag("python", "3.16") ?? "", /rc/);
  });

  it("labels the distroless figure as approximate, from docs", () => {
    const d = size("gcr.io/distroless/static-debian12:nonroot");
    assert.ok(d?.kind === "estimate" && /approximate, from docs/.test(d.basis) && d.amd64 === 2097152);
    assert.strictEqual(size("gcr.io/distroless/base-debian12"), null);
  });

  it("gives up when no relative has the same variant", () => {
    assert.strictEqual(size("node:24-windowsservercore"), null);
  });
});
