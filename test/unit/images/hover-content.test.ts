import * as assert from "assert";
import { lookupTagSize } from "../../../server/src/images/facts";
import { hoverContentAt, HoverContent, ImageHoverContent } from "../../../server/src/images/hover-content";
import { FACTS_DATE, LiveAccess, LiveSizes } from "../../../server/src/images/image-size";
import type { ImageReference } from "../../../server/src/images/reference";
import type { LiveImageSize, Result } from "../../../server/src/images/registry/types";
import { formatSize } from "../../../server/src/images/format-size";
import { renderHover } from "../../../server/src/lsp/hover";
import { UNKNOWN_CONTEXT } from "../../../server/src/model/context";
import { parseDockerfile } from "../../../server/src/model/parse";
import { escapeRegExp } from "../../../server/src/model/text";

const OFF: LiveAccess = { isOn: false, reason: "stagecraft.imageSize.online is false" };
const FETCHED_AT = Date.UTC(2026, 10, 30, 21, 5);

/** A registry stand-in that records what it was asked and answers from a table. */
function fakeLive(answers: Record<string, Result<LiveImageSize>>): { access: LiveAccess; asked: string[] } {
  const asked: string[] = [];
  const sizes: LiveSizes = {
    imageSize: (ref: ImageReference) => {
      const key = `${ref.registry}/${ref.repository}:${ref.tag}`;
      asked.push(key);
      return Promise.resolve(answers[key] ?? { ok: false, reason: `${ref.registry} has no such image or tag (404)` });
    },
    peekImageSize: () => undefined,
  };
  return { access: { isOn: true, sizes }, asked };
}

async function hoverAt(text: string, needle: string, access: LiveAccess = OFF, offset = 1): Promise<HoverContent | null> {
  const model = parseDockerfile(text, UNKNOWN_CONTEXT);
  const index = text.indexOf(needle) + offset;
  const before = text.slice(0, index);
  const line = before.split("\n").length - 1;
  return hoverContentAt(model, { line, character: index - (before.lastIndexOf("\n") + 1) }, access);
}

async function imageAt(text: string, needle: string, access: LiveAccess = OFF): Promise<ImageHoverContent> {
  const content = await hoverAt(text, needle, access);
  assert.ok(content && content.kind === "image", `no image hover on '${needle}'`);
  return content;
}

const md = (c: HoverContent, exactBytes = false) => renderHover(c, { markdown: true, exactBytes });

describe("images/hover-content: what the image and stage hovers say", () => {
  it("presents a --from that is no stage and no image name as such, never as a Docker Hub image", async () => {
    const content = await hoverAt("FROM golang:1.22 AS build\nFROM alpine:3.20\nCOPY --from=biuld /a /a\n", "biuld");
    assert.deepStrictEqual(content && content.kind === "reference" ? [content.name, content.isNamedContext, content.stages] : content, [
      "biuld",
      false,
      ["build"],
    ]);
    const text = md(content as HoverContent);
    assert.ok(!text.includes("docker.io") && !text.includes("hub.docker.com"), text);
    assert.strictEqual(text, "**`biuld`**: no stage of this file, and not an image name.\n\nStages: `build`.");
  });

  it("says the live-lookup note once, and does not repeat the end-of-life diagnostic", async () => {
    const access: LiveAccess = { isOn: false, reason: "registries cannot be reached from the browser (they send no CORS headers)" };
    const text = md(await imageAt("FROM node:18-alpine AS build\nFROM build\n", "node", access));
    assert.strictEqual(text.split("CORS").length - 1, 1, text);
    assert.ok(!text.includes("use node:24"), text);
    assert.match(text, /Node\.js 18: end of life per Node\.js release schedule/);
  });

  it("gives both platforms of a listed tag, to the byte, with the facts' date", async () => {
    const content = await imageAt("FROM node:24\n", "node");
    const fact = lookupTagSize("node", "24");
    assert.ok(fact?.kind === "fact");
    assert.deepStrictEqual(
      content.sizes.map((r) => [r.platform, r.bytes]),
      [
        ["linux/amd64", fact.amd64],
        ["linux/arm64", fact.arm64],
      ],
    );
    assert.strictEqual(content.sizeKind, "fact");
    assert.match(
      content.source,
      new RegExp(`^built-in facts of ${escapeRegExp(FACTS_DATE)} \\(docker-library/repo-info, image built around \\d{4}-\\d{2}-\\d{2}\\)$`),
    );
    const text = md(content);
    assert.match(text, /^\*\*node:24\*\* · `docker\.io\/library\/node:24`/);
    assert.match(text, /\| linux\/amd64 \| 409 MB \|/);
    assert.doesNotMatch(text, /bytes\)/, "exact bytes only on request");
    assert.match(md(content, true), /\| linux\/amd64 \| 409 MB \(408,949,206 bytes\) \|/);
    assert.match(text, /\[Image page\]\(https:\/\/hub\.docker\.com\/_\/node\)/);
  });

  it("lists smaller variants with their saving, smallest behaviour change first", async () => {
    const content = await imageAt("FROM node:24\n", "node");
    assert.deepStrictEqual(
      content.variants.map((v) => v.image),
      ["node:24-slim", "node:24-alpine"],
    );
    const slim = content.variants[0];
    assert.strictEqual(slim.saving, 408949206 - 80451137);
    assert.strictEqual(slim.savingPercent, 80);
    // 409 MB shown for node:24 (lines above), 80 MB for slim: the saving shown is their difference,
    // 329 MB, though the exact bytes differ by 328.5 MB.
    assert.match(md(content), /\| `node:24-slim` \| 80 MB \| −329 MB \(80%\) \| slim images lack compilers/);
    assert.match(md(content, true), /\| `node:24-slim` \| 80 MB \(80,451,137 bytes\) \| −329 MB \(328,498,069 bytes\) \(80%\)/);
  });

  it("shows savings that add up as displayed: 408 MB − 80 MB saves 328 MB", async () => {
    const content = await imageAt("FROM node:22\n", "node");
    const text = md(content);
    assert.match(text, /\| linux\/amd64 \| 408 MB \|/);
    assert.match(text, /\| `node:22-slim` \| 80 MB \| −328 MB \(/);
    const slim = content.variants.find((v) => v.image === "node:22-slim");
    assert.ok(slim && formatSize(slim.saving) === "329 MB", "the exact difference alone would read 329 MB");
  });

  it("offers no variant for an image that is already the small one", async () => {
    const content = await imageAt("FROM node:24-alpine\n", "node");
    assert.strictEqual(content.sizeKind, "fact");
    assert.deepStrictEqual(content.variants, []);
    assert.match(md(content), /\| linux\/amd64 \| 58 MB \|/);
  });

  it("reads an alias through its canonical tag and says so", async () => {
    const content = await imageAt("FROM python:3.12-slim\n", "python");
    assert.strictEqual(content.sizeKind, "fact");
    assert.match(content.source, /read for tag '3\.12-slim-trixie'/);
    assert.deepStrictEqual(content.sizes[1], { platform: "linux/arm64", bytes: null, missing: "not in the built-in facts", isRequested: false });
    assert.match(md(content), /\| linux\/arm64 \| unknown \(not in the built-in facts\) \|/);
  });

  it("labels an unlisted tag as an estimate from its nearest relative, never as a fact", async () => {
    const content = await imageAt("FROM node:23-alpine\n", "node");
    assert.strictEqual(content.sizeKind, "estimate");
    assert.match(content.source, /^estimate: 'node:23-alpine' is not in the built-in facts of .*; figures of 'node:24-alpine', its nearest relative$/);
    // Why the figures are not live is said once, on its own line.
    assert.strictEqual(content.liveOff, "stagecraft.imageSize.online is false");
    const text = md(content);
    assert.match(text, /Compressed pull size \(estimate\)/);
    assert.match(text, /\| linux\/amd64 \| ≈ 58 MB \|/);
    assert.match(text, /Node\.js 23: end of life per /);
  });

  it("substitutes global ARG defaults in FROM and shows what was written", async () => {
    const content = await imageAt("ARG NODE=24\nARG VARIANT=slim\nFROM node:${NODE}-${VARIANT}\n", "node:");
    assert.strictEqual(content.image, "node:24-slim");
    assert.match(md(content), /Written as `node:\$\{NODE\}-\$\{VARIANT\}`, build arguments substituted\./);
  });

  it("explains an ARG without a default instead of guessing a size", async () => {
    const content = await imageAt("ARG TAG\nFROM node:${TAG}\n", "node:");
    assert.strictEqual(content.sizes.length, 0);
    assert.match(content.source, /build argument 'TAG' has no default/);
  });

  it("marks the platform FROM --platform asks for, and explains a build-time platform", async () => {
    const arm = await imageAt("FROM --platform=linux/arm64/v8 node:24\n", "node:");
    assert.deepStrictEqual(
      arm.sizes.map((r) => r.isRequested),
      [false, true],
    );
    assert.match(md(arm), /\| linux\/arm64 \(this stage's --platform\) \| 400 MB \|/);
    const later = await imageAt("FROM --platform=$BUILDPLATFORM node:24\n", "node:");
    assert.match(later.platformNote ?? "", /chosen at build time/);
  });

  it("describes an image in COPY --from with the stage's build arguments", async () => {
    const content = await imageAt("FROM alpine:3.23\nARG NGINX=1.31\nCOPY --from=nginx:${NGINX} /etc/nginx /etc/nginx\n", "nginx:");
    assert.strictEqual(content.image, "nginx:1.31");
    assert.strictEqual(content.sizeKind, "fact");
    assert.deepStrictEqual(content.variants, [], "a smaller variant of a copy source saves nothing in this image");
    assert.match(md(content), /Only the files copied from it end up in this image/);
  });

  it("describes a stage reference with the stage's base image and its size", async () => {
    const content = await hoverAt("FROM node:24 AS deps\nFROM deps AS build\nFROM alpine:3.23\nCOPY --from=build /a /b\n", "=build");
    assert.ok(content?.kind === "stage");
    assert.deepStrictEqual([content.label, content.index, content.line, content.base, content.via], ["build", 1, 2, "deps", ["deps"]]);
    const text = md(content);
    assert.match(text, /^\*\*Stage `build`\*\* \(index 1\), built from `deps`, defined on line 2\./);
    assert.match(text, /Base image `node:24` \(through `deps`\)\./);
    assert.match(text, /\| linux\/amd64 \| 409 MB \|/);
  });

  it("gives scratch its size of zero", async () => {
    const content = await imageAt("FROM scratch\n", "scratch");
    assert.deepStrictEqual(
      content.sizes.map((r) => r.bytes),
      [0, 0],
    );
  });

  it("asks the registry only when the facts do not know the tag, and shows where the answer came from", async () => {
    const live = fakeLive({
      "127.0.0.1:5000/app:1": {
        ok: true,
        value: { registry: "127.0.0.1:5000", via: "registry", fetchedAt: FETCHED_AT, platforms: [{ platform: "linux/amd64", bytes: 1234567, layers: 2 }] },
      },
    });
    await imageAt("FROM node:24\n", "node", live.access);
    assert.deepStrictEqual(live.asked, [], "a fact needs no request");
    const content = await imageAt("FROM 127.0.0.1:5000/app:1\n", "127", live.access);
    assert.deepStrictEqual(live.asked, ["127.0.0.1:5000/app:1"]);
    assert.strictEqual(content.sizeKind, "live");
    assert.strictEqual(content.source, "live from 127.0.0.1:5000 at 2026-11-30 21:05 UTC");
    assert.match(md(content, true), /\| linux\/amd64 \| 1\.2 MB \(1,234,567 bytes\) \|/);
    assert.strictEqual(content.link, null);
  });

  it("falls back to the estimate with a one-line reason when the live lookup fails", async () => {
    const live = fakeLive({});
    const content = await imageAt("FROM node:23-alpine\n", "node", live.access);
    assert.strictEqual(content.sizeKind, "estimate");
    assert.strictEqual(content.problem, "live lookup failed: docker.io has no such image or tag (404)");
    assert.match(md(content), /\*Live lookup failed: docker\.io has no such image or tag \(404\)\.\*/);
    const unknown = await imageAt("FROM ghcr.io/o/app:1\n", "ghcr", live.access);
    assert.match(unknown.source, /^no size: live lookup failed: ghcr\.io has no such image or tag \(404\)$/);
  });

  it("renders plain text for clients without Markdown", async () => {
    const content = await imageAt("FROM node:24\n", "node");
    const text = renderHover(content, { markdown: false, exactBytes: false });
    assert.match(text, /^node:24 - 'docker\.io\/library\/node:24'/);
    assert.match(text, /\n {2}linux\/amd64: 409 MB\n/);
    assert.doesNotMatch(text, /\*\*|\|/);
  });

  it("says nothing off images and stage references", async () => {
    assert.strictEqual(await hoverAt("FROM node:24\nRUN echo hi\n", "echo"), null);
  });
});
