import * as assert from "assert";
import { dotnetDefaultDistro } from "../../../server/src/images/distro-release";
import { aptPackagesOfImage } from "../../../server/src/images/image-packages";
import { parseImageReference } from "../../../server/src/images/reference";

const packagesOf = (image: string) => aptPackagesOfImage(parseImageReference(image)!);
const distroOf = (image: string) => dotnetDefaultDistro(parseImageReference(image)!);

describe("image-packages", () => {
  it("reads what an image's own Dockerfile installs with apt", () => {
    assert.ok(packagesOf("mcr.microsoft.com/dotnet/aspnet:10.0").includes("ca-certificates"));
    assert.ok(packagesOf("mcr.microsoft.com/dotnet/sdk:8.0").includes("git"));
    assert.deepStrictEqual([...packagesOf("python:3.12-slim")].sort(), ["ca-certificates", "netbase", "tzdata"]);
    assert.ok(packagesOf("python:3.12").includes("libpq-dev"), "the full image is built on buildpack-deps");
    assert.ok(packagesOf("eclipse-temurin:17-jre").includes("curl"));
    assert.ok(packagesOf("php:8.3-fpm").includes("gcc"), "PHPIZE_DEPS stay installed");
    assert.ok(packagesOf("buildpack-deps:bookworm-curl").includes("wget"));
    assert.ok(!packagesOf("buildpack-deps:bookworm-curl").includes("git"));
  });

  it("holds nothing for variants that are not apt-based, purge what they install, or are not known", () => {
    for (const image of [
      "node:22-slim",
      "python:3.12-alpine",
      "mcr.microsoft.com/dotnet/aspnet:10.0-noble-chiseled",
      "eclipse-temurin:21-jre-alpine",
      "acme/base:1",
    ]) {
      assert.deepStrictEqual(packagesOf(image), [], image);
    }
  });

  it("knows the distribution under .NET's default tags", () => {
    assert.deepStrictEqual(distroOf("mcr.microsoft.com/dotnet/aspnet:10.0"), { family: "ubuntu", version: "24.04" });
    assert.deepStrictEqual(distroOf("mcr.microsoft.com/dotnet/runtime:8.0"), { family: "debian", version: "12" });
    assert.strictEqual(distroOf("mcr.microsoft.com/dotnet/aspnet:8.0-alpine"), null);
    assert.strictEqual(distroOf("node:22"), null);
  });
});
