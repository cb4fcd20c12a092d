import * as assert from "assert";
import {
  canonicalReference,
  familiarReference,
  formatPlatform,
  parseImageReference,
  parseImageReferenceDetailed,
  parsePlatform,
  resolveImageReference,
} from "../../../server/src/images/reference";
import { hubName, officialName } from "../../../server/src/images/tags";

const SHA = "sha256:" + "0123456789abcdef".repeat(4);

function canonical(text: string): string {
  const ref = parseImageReference(text);
  assert.ok(ref, `'${text}' should parse`);
  return canonicalReference(ref);
}

function reason(text: string): string {
  const parsed = parseImageReferenceDetailed(text);
  assert.ok(!parsed.ok, `'${text}' should not parse`);
  return parsed.reason;
}

describe("images/reference: image references the way Docker reads them", () => {
  describe("registry host detection", () => {
    const cases: [string, string][] = [
      ["node", "docker.io/library/node"],
      ["node:24", "docker.io/library/node:24"],
      ["bitnami/redis:7", "docker.io/bitnami/redis:7"],
      ["docker.io/node", "docker.io/library/node"],
      ["docker.io/library/node:24-alpine", "docker.io/library/node:24-alpine"],
      ["index.docker.io/library/node", "docker.io/library/node"],
      ["index.docker.io/node", "docker.io/library/node"],
      // Docker Hub's public host serves the same repositories: the official golang image.
      ["localhost/app", "localhost/app"],
      ["localhost:5000/app:1", "localhost:5000/app:1"],
      ["127.0.0.1:5000/team/app:1.2", "127.0.0.1:5000/team/app:1.2"],
      ["[::1]:5000/app", "[::1]:5000/app"],
      ["ghcr.io/owner/pkg:v1", "ghcr.io/owner/pkg:v1"],
      ["mcr.microsoft.com/dotnet/sdk:9.0", "mcr.microsoft.com/dotnet/sdk:9.0"],
      ["gcr.io/distroless/static-debian12", "gcr.io/distroless/static-debian12"],
      // A first component with upper case is taken for a host (Docker's rule), not a namespace.
      ["Registry/app", "Registry/app"],
      // Without a dot, colon or `localhost`, the first component is a Docker Hub namespace.
      ["myhost/app", "docker.io/myhost/app"],
      ["library/node", "docker.io/library/node"],
    ];
    for (const [text, expected] of cases) {
      it(`${text} -> ${expected}`, () => assert.strictEqual(canonical(text), expected));
    }

    it("keeps registry-1.docker.io as written (Docker only rewrites index.docker.io)", () => {
      assert.strictEqual(parseImageReference("registry-1.docker.io/library/node")?.registry, "registry-1.docker.io");
    });

    const official = (text: string) => {
      const ref = parseImageReference(text);
      return ref && [officialName(ref), hubName(ref)];
    };

    it("knows the official image behind Docker Hub's registry hosts and the mirrors", () => {
      assert.deepStrictEqual(official("registry.hub.docker.com/library/golang:1.25-alpine3.23"), ["golang", "library/golang"]);
      assert.deepStrictEqual(official("registry-1.docker.io/library/node:24"), ["node", "library/node"]);
      assert.deepStrictEqual(official("public.ecr.aws/docker/library/postgres:17"), ["postgres", "library/postgres"]);
      assert.deepStrictEqual(official("bitnami/redis:7"), [null, "bitnami/redis"]);
      assert.deepStrictEqual(official("registry.hub.docker.com/bitnami/redis:7"), [null, "registry.hub.docker.com/bitnami/redis"]);
    });

    it("knows the official images of Docker Hub's per-architecture namespaces", () => {
      assert.deepStrictEqual(official("amd64/rust:alpine"), ["rust", "library/rust"]);
      assert.deepStrictEqual(official("docker.io/arm64v8/node:22-slim"), ["node", "library/node"]);
      assert.deepStrictEqual(official("arm32v7/debian:bookworm"), ["debian", "library/debian"]);
      // A namespace that only looks like an architecture, or a deeper path, is some other image.
      assert.deepStrictEqual(official("amd64x/rust:alpine"), [null, "amd64x/rust"]);
      assert.deepStrictEqual(official("ghcr.io/amd64/rust:alpine"), [null, "ghcr.io/amd64/rust"]);
    });
  });

  describe("names, tags and digests", () => {
    it("splits tag and digest, both optional", () => {
      const both = parseImageReference(`node:24@${SHA}`);
      assert.deepStrictEqual(both && [both.tag, both.digest], ["24", SHA]);
      const digestOnly = parseImageReference(`node@${SHA}`);
      assert.deepStrictEqual(digestOnly && [digestOnly.tag, digestOnly.digest], [null, SHA]);
      const bare = parseImageReference("node");
      assert.deepStrictEqual(bare && [bare.tag, bare.digest], [null, null]);
    });

    it("takes the colon of a port for the port, not a tag", () => {
      const ref = parseImageReference("localhost:5000/app");
      assert.deepStrictEqual(ref && [ref.registry, ref.repository, ref.tag], ["localhost:5000", "app", null]);
      const tagged = parseImageReference("localhost:5000/app:5000");
      assert.deepStrictEqual(tagged && [tagged.registry, tagged.tag], ["localhost:5000", "5000"]);
    });

    it("names official images familiarly and marks them official", () => {
      const ref = parseImageReference("docker.io/library/python:3.12-slim");
      assert.deepStrictEqual(ref && [ref.familiarName, ref.isOfficial], ["python", true]);
      assert.strictEqual(ref && familiarReference(ref), "python:3.12-slim");
      const user = parseImageReference("bitnami/redis");
      assert.deepStrictEqual(user && [user.familiarName, user.isOfficial], ["bitnami/redis", false]);
      const nested = parseImageReference("library/a/b");
      assert.strictEqual(nested?.isOfficial, false);
      const other = parseImageReference("ghcr.io/library/node");
      assert.deepStrictEqual(other && [other.familiarName, other.isOfficial], ["ghcr.io/library/node", false]);
    });

    it("accepts the separators Docker accepts in path components", () => {
      for (const ok of ["a_b", "a__b", "a.b", "a-b", "a---b", "a/b.c/d_e", "a0/1b"]) assert.ok(parseImageReference(ok), ok);
      for (const bad of ["a___b", "a..b", "_a", "a_", "-a", "a-", "a//b", "a/", "/a", ".a"]) assert.strictEqual(parseImageReference(bad), null, bad);
    });

    it("accepts tags of up to 128 word characters, dots and dashes", () => {
      assert.ok(parseImageReference(`a:${"x".repeat(128)}`));
      assert.match(reason(`a:${"x".repeat(129)}`), /not a valid tag/);
      assert.match(reason("a:.x"), /not a valid tag/);
      assert.match(reason("a:-x"), /not a valid tag/);
      assert.ok(parseImageReference("a:_x.Y-1"));
      assert.match(reason("a:b:c"), /not a valid tag/);
      assert.match(reason("a:"), /not a valid tag/);
    });

    it("rejects upper case in the repository with Docker's reason", () => {
      assert.match(reason("Node:24"), /must be lower case/);
      assert.match(reason("ghcr.io/Owner/app"), /must be lower case/);
    });

    it("checks digests like go-digest: known algorithm, exact length, lower-case hex", () => {
      assert.ok(parseImageReference(`a@sha512:${"ab".repeat(64)}`));
      assert.match(reason(`a@sha256:${"a".repeat(63)}`), /64 lower-case hex/);
      assert.match(reason(`a@sha256:${"A".repeat(64)}`), /64 lower-case hex/);
      assert.match(reason(`a@md5:${"a".repeat(32)}`), /not supported/);
      assert.match(reason("a@sha256"), /not a valid digest/);
      assert.match(reason(`a@${SHA}@${SHA}`), /not a valid digest/);
    });

    it("rejects a 64-character hex string, which Docker reads as an image ID", () => {
      assert.match(reason("0123456789abcdef".repeat(4)), /image ID/);
    });

    it("rejects bad hosts, empty text, white space and overlong names", () => {
      assert.match(reason("-bad.host/app"), /registry host/);
      assert.match(reason("host.:5000/app"), /registry host/);
      assert.match(reason(""), /empty/);
      assert.match(reason("node 24"), /white space/);
      assert.match(reason(`${"a".repeat(250)}/bbbbbb`), /255/);
      assert.ok(parseImageReference(`${"a".repeat(240)}/b`), "docker.io names count without the implied host");
    });
  });

  describe("build arguments", () => {
    const scope = new Map<string, string | null>([
      ["NODE", "24"],
      ["VARIANT", "alpine"],
      ["REGISTRY", "127.0.0.1:5000"],
      ["EMPTY", ""],
      ["NODEFAULT", null],
    ]);

    it("substitutes defaults before parsing", () => {
      const resolved = resolveImageReference("node:${NODE}-$VARIANT", scope);
      assert.ok(resolved.ok);
      assert.strictEqual(resolved.ok && familiarReference(resolved.reference), "node:24-alpine");
      const host = resolveImageReference("${REGISTRY}/app:1", scope);
      assert.strictEqual(host.ok && host.reference.registry, "127.0.0.1:5000");
    });

    it("honours ${X:-default} and ${X:+alt}", () => {
      const fallback = resolveImageReference("python:${PY:-3.12}-slim", scope);
      assert.strictEqual(fallback.ok && fallback.reference.tag, "3.12-slim");
      const alt = resolveImageReference("node${EMPTY:+:x}", scope);
      assert.strictEqual(alt.ok && alt.reference.tag, null);
    });

    it("says which argument has no default instead of guessing", () => {
      const missing = resolveImageReference("node:${NODEFAULT}", scope);
      assert.ok(!missing.ok);
      assert.deepStrictEqual(!missing.ok && missing.unresolved, ["NODEFAULT"]);
      assert.match(!missing.ok ? missing.reason : "", /'NODEFAULT' has no default/);
    });

    it("names BuildKit's automatic platform arguments as such", () => {
      const platform = resolveImageReference("alpine:${TARGETARCH}", new Map());
      assert.ok(!platform.ok && platform.reason === "'TARGETARCH' is set by BuildKit for each platform at build time");
    });

    it("reports a reference that becomes invalid after substitution", () => {
      const bad = resolveImageReference("node:${EMPTY}", scope);
      assert.ok(!bad.ok && /not a valid tag/.test(bad.reason));
    });
  });

  describe("platforms", () => {
    const cases: [string, string | null][] = [
      ["linux/amd64", "linux/amd64"],
      ["linux/arm64", "linux/arm64"],
      ["linux/arm64/v8", "linux/arm64"],
      ["linux/aarch64", "linux/arm64"],
      ["linux/x86_64", "linux/amd64"],
      ["linux/amd64/v1", "linux/amd64"],
      ["linux/amd64/v3", "linux/amd64/v3"],
      ["linux/arm/7", "linux/arm/v7"],
      ["linux/armhf", "linux/arm/v7"],
      ["LINUX/ARM64", "linux/arm64"],
      ["arm64", "linux/arm64"],
      ["windows/amd64", "windows/amd64"],
      ["linux", "linux"],
      ["linux/", null],
      ["a/b/c/d", null],
      ["$BUILDPLATFORM", null],
    ];
    for (const [text, expected] of cases) {
      it(`${text} -> ${expected}`, () => {
        const platform = parsePlatform(text);
        assert.strictEqual(platform && formatPlatform(platform), expected);
      });
    }
  });
});
