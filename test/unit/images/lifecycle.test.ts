import * as assert from "assert";
import { LIFECYCLE_AS_OF, lifecycleOf } from "../../../server/src/images/lifecycle";
import { parseImageReference } from "../../../server/src/images/reference";

function first(image: string) {
  return lifecycleOf(parseImageReference(image)!)[0] ?? null;
}

describe("images/lifecycle: deprecated images and end-of-life versions", () => {
  it("dates every note and names its source", () => {
    const note = first("node:18");
    assert.ok(note);
    assert.deepStrictEqual(
      { kind: note.kind, subject: note.subject, since: note.since, asOf: note.asOf },
      { kind: "end-of-life", subject: "Node.js 18", since: "2025-04-30", asOf: LIFECYCLE_AS_OF },
    );
    assert.ok(note.source.length > 0);
  });

  const eol: [string, string][] = [
    ["node:20-alpine", "2026-04-30"],
    ["node:hydrogen-slim", "2025-04-30"],
    // The codename in any word: `lts-iron` is Node.js 20 as `iron` is.
    ["node:lts-iron", "2026-04-30"],
    ["node:iron-alpine3.20", "2026-04-30"],
    ["python:3.9-slim", "2025-10-31"],
    ["python:2.7", "2020-01-01"],
    ["debian:buster", "2024-06-30"],
    ["debian:bullseye-slim", "2026-08-31"],
    ["ubuntu:18.04", "2023-05-31"],
    ["ubuntu:focal", "2025-05-31"],
    ["ubuntu:mantic", "2024-07-11"],
    ["alpine:3.19", "2025-11-01"],
    ["alpine:3.21", "2026-11-01"],
    ["golang:1.25", "2026-08"],
    ["golang:1.22-alpine", "2025-02"],
    ["php:8.1-fpm", "2025-12-31"],
    ["php:5.4-apache", "2015-09-03"],
    ["php:5.5.38-fpm", "2016-07-21"],
    ["postgres:14", "2026-11-12"],
    ["ruby:3.2", "2026-03-31"],
    ["mcr.microsoft.com/dotnet/sdk:8.0", "2026-11-10"],
    ["centos:7", "2024-06-30"],
    ["nginx:1.25-alpine3.18", "2025-05-09"],
    ["eclipse-temurin:17-jre-focal", "2025-05-31"],
  ];
  for (const [image, since] of eol) {
    it(`'${image}' is past end of life since ${since}`, () => assert.strictEqual(first(image)?.since, since));
  }

  it("knows deprecated images", () => {
    assert.strictEqual(first("openjdk:17")?.kind, "deprecated");
    assert.strictEqual(first("java:8")?.kind, "deprecated");
    assert.strictEqual(first("adoptopenjdk:11-jre-hotspot")?.kind, "deprecated");
    // Not CentOS Linux: the deprecated Hub image under a Stream-looking tag.
    assert.match(first("centos:stream9")?.subject ?? "", /CentOS Stream is published on quay.io/);
    assert.strictEqual(first("centos:stream9")?.kind, "deprecated");
    assert.strictEqual(first("quay.io/centos/centos:stream9"), null);
  });

  it("knows the distroless images of Debian releases distroless no longer builds", () => {
    // Held-out AP, ebpf_exporter: static-debian11, whose builds distroless removed in 2024.
    const static11 = first("gcr.io/distroless/static-debian11");
    assert.deepStrictEqual(
      [static11?.kind, static11?.subject, static11?.since, static11?.replacement],
      ["end-of-life", "distroless on Debian 11", "2024-06", "'gcr.io/distroless/static-debian13'"],
    );
    // Its support policy ends the runtimes' images sooner (AN's kan: nodejs20-debian12, January 2026).
    assert.deepStrictEqual(
      ["nodejs20-debian12", "java17-debian12", "python3-debian12", "cc-debian12", "java17-debian11"].map((i) => first(`gcr.io/distroless/${i}`)?.since),
      ["2026-01", "2026-01", "2026-04", "2026-09", "2023-09"],
    );
    assert.strictEqual(first("gcr.io/distroless/cc-debian12:nonroot")?.replacement, "'gcr.io/distroless/cc-debian13:nonroot'");
    // The same Java or Node.js major where the newest release has it; Python's version changes with the release.
    assert.strictEqual(first("gcr.io/distroless/java17-debian12:nonroot")?.replacement, "'gcr.io/distroless/java17-debian13:nonroot'");
    assert.strictEqual(first("gcr.io/distroless/nodejs20-debian12")?.replacement, null);
    assert.strictEqual(first("gcr.io/distroless/python3-debian11")?.replacement, null);
    for (const current of [
      "gcr.io/distroless/static-debian13",
      "gcr.io/distroless/static",
      "gcr.io/distroless/base:nonroot",
      "example.com/distroless/static-debian11",
    ])
      assert.strictEqual(first(current), null, current);
  });

  it("derives Go support from the two newest majors in the facts", () => {
    assert.strictEqual(first("golang:1.26"), null);
    assert.strictEqual(first("golang:1.27-alpine"), null);
    assert.strictEqual(first("golang:1.25")?.replacement, "golang:1.27");
  });

  it("is silent for supported versions and unknown images", () => {
    for (const image of [
      "node:22",
      "node:24-slim",
      "python:3.11",
      "debian:bookworm",
      "ubuntu:24.04",
      "alpine:3.22",
      "postgres:15",
      "mcr.microsoft.com/dotnet/aspnet:10.0",
      "ghcr.io/acme/node:12",
      "golang:1",
    ]) {
      assert.deepStrictEqual(lifecycleOf(parseImageReference(image)!), [], image);
    }
  });
});
