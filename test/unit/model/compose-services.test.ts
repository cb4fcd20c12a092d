import * as assert from "assert";
import { composeDataMounts, composeMountsDockerSocket, composeRunUser, composeServicesRunning, imageName } from "../../../server/src/model/compose-services";
import type { BuildContextFacts, ComposeServiceFacts } from "../../../server/src/model/context";
import { parseDockerfile } from "../../../server/src/model/parse";
import { withContext } from "../../../server/src/model/with-context";

const service = (facts: Partial<ComposeServiceFacts>): ComposeServiceFacts => ({
  file: "compose.yaml",
  builds: false,
  image: null,
  user: null,
  mounts: [],
  ...facts,
});
const modelOf = (text: string, context: BuildContextFacts) => withContext(parseDockerfile(text), context);

describe("model/compose-services: which compose services run the image, and what they say about it", () => {
  it("reads an image's repository name, without registry, tag, digest or the suffixes names add", () => {
    assert.strictEqual(imageName("ghcr.io/dgtlmoon/changedetection.io:latest"), "changedetection");
    assert.strictEqual(imageName("docker.io/technitium/dns-server"), "dns");
    assert.strictEqual(imageName("acme/shop@sha256:abc"), "shop");
    assert.strictEqual(imageName("localhost:5000/team/api-service:1"), "api");
    // Official images and variables name no project.
    assert.strictEqual(imageName("postgres:16"), null);
    assert.strictEqual(imageName("docker.io/redis:7"), null);
    assert.strictEqual(imageName("library/nginx"), null);
    assert.strictEqual(imageName("acme/${APP}:1"), null);
  });

  it("runs the image when the service builds it, or pulls an image named for the project", () => {
    const build = service({ builds: true });
    const named = service({ image: "binwiederhier/ntfy" });
    const other = service({ image: "acme/billing" });
    const official = service({ image: "postgres:16" });
    const model = modelOf('FROM alpine\nCOPY ntfy /usr/bin/ntfy\nENTRYPOINT ["ntfy"]\n', { composeServices: [build, named, other, official] });
    assert.deepStrictEqual(composeServicesRunning(model), [build, named]);
    const byManifest = modelOf("FROM node\nCOPY . /app\n", {
      files: { "package.json": '{"name": "@acme/shop"}' },
      composeServices: [service({ image: "acme/shop:2" })],
    });
    assert.strictEqual(composeServicesRunning(byManifest).length, 1);
    const byModule = modelOf("FROM golang\n", {
      files: { "go.mod": "module heckel.io/ntfy/v2\n" },
      composeServices: [service({ image: "binwiederhier/ntfy" })],
    });
    assert.strictEqual(composeServicesRunning(byModule).length, 1);
  });

  it("runs a pulled image that CI publishes from this Dockerfile, or whose entrypoint is this image's project script", () => {
    const published = modelOf('FROM node\nCOPY . /opt/x\nENTRYPOINT ["/opt/x/main.js"]\n', {
      publishedImages: ["acme/filer", "*/filer"],
      composeServices: [service({ image: "acme/filer:3" }), service({ image: "acme/other" })],
    });
    assert.deepStrictEqual(
      composeServicesRunning(published).map((s) => s.image),
      ["acme/filer:3"],
    );
    const text = 'FROM ruby:3.3\nWORKDIR /srv/site\nCOPY . ./\nENTRYPOINT ["./bin/serve"]\n';
    const same = service({ image: "acme/portal:v3", entrypoint: ["bin/serve"] });
    const other = service({ image: "acme/portal:v3", entrypoint: ["bin/other"] });
    const official = service({ image: "ruby:3.3", entrypoint: ["bin/serve"] });
    assert.deepStrictEqual(composeServicesRunning(modelOf(text, { composeServices: [same, other, official] })), [same]);
    // A bare script name (`docker-entrypoint.sh`) is shared by many projects' images: no link.
    const bare = modelOf('FROM ruby:3.3\nCOPY . ./\nENTRYPOINT ["docker-entrypoint.sh"]\n', {
      composeServices: [service({ image: "acme/portal", entrypoint: ["docker-entrypoint.sh"] })],
    });
    assert.strictEqual(composeServicesRunning(bare).length, 0);
  });

  it("tells the run user, the Docker socket and the data folders of the services that run the image", () => {
    const model = modelOf("FROM alpine\n", {
      composeServices: [
        service({
          builds: true,
          user: "${UID}:${GID}",
          mounts: [
            { target: "/data/", source: "volume", readOnly: false },
            { target: "/var/run/docker.sock", source: "host", readOnly: false },
            { target: "/etc/app.toml", source: "host", readOnly: false },
            { target: "/srv/static", source: "host", readOnly: true },
          ],
        }),
      ],
    });
    assert.strictEqual(composeRunUser(model), "${UID}:${GID}");
    assert.strictEqual(composeMountsDockerSocket(model), true);
    assert.deepStrictEqual(composeDataMounts(model), ["/data"]);
    assert.strictEqual(composeRunUser(modelOf("FROM alpine\n", { composeServices: [service({ builds: true, user: "root" })] })), null);
  });

  it("reads no data folders from a compose file whose services mount the project's sources", () => {
    const model = modelOf("FROM alpine\n", {
      composeServices: [
        service({ builds: true, mounts: [{ target: "/app/src", source: "project", readOnly: false }] }),
        service({ builds: true, mounts: [{ target: "/var/lib/app", source: "volume", readOnly: false }] }),
        service({ file: "compose.prod.yaml", builds: true, mounts: [{ target: "/srv/data", source: "host", readOnly: false }] }),
      ],
    });
    assert.deepStrictEqual(composeDataMounts(model), ["/srv/data"]);
  });
});
