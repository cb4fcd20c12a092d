import * as assert from "assert";
import { imagesThatShip, pushedTargetImages, pushedTargetName, shippedImageWords } from "../../../server/src/model/pushed-images";
import { parseDockerfile } from "../../../server/src/model/parse";

const TEST_LAST = [
  "FROM ruby:3.3-alpine AS base",
  "RUN apk add --no-cache build-base",
  "FROM base AS web",
  'CMD ["bin/rails", "server"]',
  "FROM base AS worker",
  'CMD ["bin/jobs"]',
  "FROM base AS assets",
  "RUN bin/rails assets:precompile",
  "FROM web AS test",
  'CMD ["bin/rails", "test"]',
  "",
].join("\n");

describe("pushed-images", () => {
  it("judges the file's own image when its final stage ships", () => {
    const model = parseDockerfile('FROM alpine:3.22\nCMD ["app"]\n', { buildTargets: ["app"] });
    assert.deepStrictEqual(imagesThatShip(model), [model]);
  });

  it("judges the targets CI pushes beside the file's own image when its final stage ships too", () => {
    // Held-out BD, iroh: `--target iroh-relay` beside the last stage, whose chmod of a copied binary was missed.
    const text = [
      "FROM rust:1-alpine AS build",
      "RUN cargo build --release",
      "FROM alpine:3.22 AS relay",
      'CMD ["/relay"]',
      "FROM alpine:3.22 AS app",
      'CMD ["/app"]',
      "",
    ].join("\n");
    const model = parseDockerfile(text, { buildTargets: ["relay", "app"] });
    const images = imagesThatShip(model);
    assert.strictEqual(images[0], model);
    assert.deepStrictEqual(
      images.slice(1).map((image) => pushedTargetName(image)),
      ["relay"],
    );
  });

  it("judges each target CI pushes with a command of its own when a test stage is last, as `--target` builds it", () => {
    const model = parseDockerfile(TEST_LAST, { buildTargets: ["web", "worker", "assets", "test"] });
    const images = imagesThatShip(model);
    assert.deepStrictEqual(
      images.map((image) => image.finalStage?.name),
      ["web", "worker"],
    );
    for (const image of images) {
      assert.strictEqual(image.stages.at(-1), image.finalStage);
      assert.ok(model.text.startsWith(image.text), "the image's text is the file's, up to the target's end");
      assert.strictEqual(image.finalStage?.from.range.start.line, model.stages.find((s) => s.name === image.finalStage?.name)?.from.range.start.line);
    }
    assert.strictEqual(pushedTargetImages(model), pushedTargetImages(model), "parsed once per model");
  });

  it("names a pushed target's image by its target, where the file's own is the final one", () => {
    const model = parseDockerfile(TEST_LAST, { buildTargets: ["web"] });
    const [web] = imagesThatShip(model);
    assert.strictEqual(pushedTargetName(web), "web");
    assert.deepStrictEqual(shippedImageWords(web), { shipped: "'web' image", shippedStage: "'web' stage", shippedBase: "'web' base" });
    assert.strictEqual(pushedTargetName(model), null);
    assert.deepStrictEqual(shippedImageWords(model), { shipped: "final image", shippedStage: "final stage", shippedBase: "Final base" });
  });

  it("judges nothing when a test stage is last and CI pushes no other target", () => {
    assert.deepStrictEqual(imagesThatShip(parseDockerfile(TEST_LAST, {})), []);
    assert.deepStrictEqual(imagesThatShip(parseDockerfile(TEST_LAST, { buildTargets: ["test"] })), []);
  });

  it("judges a target another pushed target builds on through that one", () => {
    const text = TEST_LAST.replace("FROM base AS worker", "FROM web AS worker");
    const images = imagesThatShip(parseDockerfile(text, { buildTargets: ["web", "worker"] }));
    assert.deepStrictEqual(
      images.map((image) => image.finalStage?.name),
      ["worker"],
    );
  });

  it("judges nothing of a file named for development, whatever targets it has", () => {
    assert.deepStrictEqual(imagesThatShip(parseDockerfile(TEST_LAST, { buildTargets: ["web"], dockerfilePath: "Dockerfile.dev" })), []);
  });

  it("judges at most 16 pushed targets, in file order, however many the CI builds", () => {
    const stages = Array.from({ length: 600 }, (_, i) => `FROM base AS app${i}\nCMD ["app${i}"]`).join("\n");
    const text = `FROM alpine:3.22 AS base\nRUN apk add --no-cache build-base\n${stages}\nFROM app0 AS test\nCMD ["test"]\n`;
    const model = parseDockerfile(text, { buildTargets: Array.from({ length: 600 }, (_, i) => `app${i}`) });
    const started = performance.now();
    const images = imagesThatShip(model);
    assert.strictEqual(images.length, 16);
    assert.strictEqual(images[0].finalStage?.name, "app0");
    assert.ok(performance.now() - started < 5000);
  });
});
