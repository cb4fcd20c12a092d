// Image hovers, tag completion and size inlay hints from the real server, offline (built-in facts):
// the sizes shown must match the facts to the byte when exact bytes are on.

import * as assert from "assert";
import type { CompletionItem, Hover, InlayHint, MarkupContent } from "vscode-languageserver/node";
import { lookupTagSize } from "../../server/src/images/facts";
import { buildServer, LspClient, positionOf, workspaceFolder } from "../support/lsp-client";

const OFFLINE = { imageSize: { online: false, exactBytes: true } };

function factBytes(name: string, tag: string): [number, number | null] {
  const fact = lookupTagSize(name, tag);
  assert.ok(fact?.kind === "fact", `${name}:${tag} is a fact`);
  return [fact.amd64, fact.arm64];
}

const exact = (bytes: number) => `${bytes.toLocaleString("en-US")} bytes`;

describe("lsp: image hovers, tag completion and size hints", function () {
  this.timeout(30000);
  let client: LspClient;
  const ws = workspaceFolder({});
  let counter = 0;

  before(async () => {
    await buildServer();
    client = await LspClient.start();
    client.settings = OFFLINE;
  });
  after(async () => {
    await client.stop();
  });

  async function hover(text: string, needle: string, offset = 1): Promise<string> {
    const uri = ws.uri(`Dockerfile.${++counter}`);
    await client.open(uri, text);
    const result = await client.request<Hover | null>("textDocument/hover", { textDocument: { uri }, position: positionOf(text, needle, offset) });
    assert.ok(result, `no hover on '${needle}'`);
    const contents = result.contents as MarkupContent;
    assert.strictEqual(contents.kind, "markdown");
    return contents.value;
  }

  it("FROM node:24: both platforms to the byte, the facts' date, smaller variants and the image page", async () => {
    const [amd64, arm64] = factBytes("node", "24");
    const value = await hover('FROM node:24\nCMD ["node"]\n', "node");
    assert.match(value, /^\*\*node:24\*\* · `docker\.io\/library\/node:24`/);
    assert.ok(value.includes(`| linux/amd64 | 409 MB (${exact(amd64)}) |`), value);
    assert.ok(value.includes(`| linux/arm64 | 400 MB (${exact(arm64 as number)}) |`), value);
    assert.match(value, /\*Source: built-in facts of \d{4}-\d{2}-\d{2} \(docker-library\/repo-info, image built around \d{4}-\d{2}-\d{2}\)\.\*/);
    assert.match(value, /\| `node:24-slim` \| 80 MB/);
    assert.match(value, /\| `node:24-alpine` \| 58 MB/);
    assert.match(value, /\[Image page\]\(https:\/\/hub\.docker\.com\/_\/node\)/);
  });

  it("FROM node:24-alpine: the small variant, with no smaller one to suggest", async () => {
    const [amd64] = factBytes("node", "24-alpine");
    const value = await hover("FROM node:24-alpine\n", "node");
    assert.ok(value.includes(`| linux/amd64 | 58 MB (${exact(amd64)}) |`), value);
    assert.doesNotMatch(value, /Smaller variant/);
  });

  it("FROM python:3.12-slim: an alias read through its canonical tag; an unread arm64 size says so", async () => {
    const [amd64] = factBytes("python", "3.12-slim");
    const value = await hover("FROM python:3.12-slim\n", "python");
    assert.ok(value.includes(`| linux/amd64 | 43 MB (${exact(amd64)}) |`), value);
    assert.match(value, /\| linux\/arm64 \| unknown \(not in the built-in facts\) \|/);
    assert.match(value, /read for tag '3\.12-slim-trixie'/);
  });

  it("an unlisted tag: an estimate from its family, labelled, with the reason live lookups did not run", async () => {
    const value = await hover("FROM node:23-alpine\n", "node");
    assert.match(value, /Compressed pull size \(estimate\)/);
    assert.match(value, /\| linux\/amd64 \| ≈ 58 MB/);
    assert.match(
      value,
      /estimate: 'node:23-alpine' is not in the built-in facts of .*figures of 'node:24-alpine'.*Live lookups are off: stagecraft\.imageSize\.online is false\./s,
    );
    assert.match(value, /Node\.js 23: end of life per /);
  });

  it("a stage reference: the stage's base image and its size", async () => {
    const [amd64] = factBytes("golang", "1.26-alpine");
    const text = "FROM golang:1.26-alpine AS build\nRUN go build -o /app .\nFROM scratch\nCOPY --from=build /app /app\n";
    const value = await hover(text, "=build");
    assert.match(value, /^\*\*Stage `build`\*\* \(index 0\), built from `golang:1\.26-alpine`, defined on line 1\./);
    assert.ok(value.includes(`| linux/amd64 | ${Math.round(amd64 / 1e6)} MB (${exact(amd64)}) |`), value);
  });

  it("COPY --from=<image>: the image's size, with the stage's ARG defaults substituted", async () => {
    const [amd64] = factBytes("nginx", "1.31");
    const value = await hover("FROM alpine:3.23\nARG NGINX=1.31\nCOPY --from=nginx:${NGINX} /etc/nginx /etc/nginx\n", "nginx:");
    assert.match(value, /^\*\*nginx:1\.31\*\*/);
    assert.ok(value.includes(exact(amd64)), value);
  });

  it("an untrusted workspace keeps live lookups off and says so", async () => {
    const untrusted = await LspClient.start({ initializationOptions: { isTrusted: false } });
    try {
      untrusted.settings = { imageSize: { online: true } };
      const uri = ws.uri("Dockerfile.untrusted");
      const text = "FROM ghcr.io/acme/app:1\n";
      await untrusted.open(uri, text);
      const result = await untrusted.request<Hover>("textDocument/hover", { textDocument: { uri }, position: positionOf(text, "ghcr") });
      assert.match((result.contents as MarkupContent).value, /no size: not in the built-in facts\.[\s\S]*Live lookups are off: the workspace is not trusted\./);
    } finally {
      await untrusted.stop();
    }
  });

  it("completes tags after FROM image: from the facts, with sizes, replacing only the tag", async () => {
    const text = "FROM node:24-a\n";
    const uri = ws.uri(`Dockerfile.${++counter}`);
    await client.open(uri, text);
    const items = await client.request<CompletionItem[]>("textDocument/completion", { textDocument: { uri }, position: { line: 0, character: 14 } });
    const labels = items.map((i) => i.label);
    assert.ok(labels.includes("24-alpine"), labels.join(", "));
    assert.ok(
      labels.every((l) => l.startsWith("24-a")),
      labels.join(", "),
    );
    const alpine = items.find((i) => i.label === "24-alpine") as CompletionItem;
    assert.match(alpine.detail ?? "", /58 MB compressed \(linux\/amd64, built-in facts\)/);
    assert.deepStrictEqual((alpine.textEdit as { range: unknown }).range, { start: { line: 0, character: 10 }, end: { line: 0, character: 14 } });
  });

  it("opens tag completion as ':' is typed after FROM image, and nowhere else", async () => {
    assert.ok(client.initializeResult.capabilities.completionProvider?.triggerCharacters?.includes(":"), "':' is a trigger character");
    const text = "FROM node:\nEXPOSE 80:\n";
    const uri = ws.uri(`Dockerfile.${++counter}`);
    await client.open(uri, text);
    const typed = { triggerKind: 2, triggerCharacter: ":" };
    const tags = await client.request<CompletionItem[]>("textDocument/completion", {
      textDocument: { uri },
      position: { line: 0, character: 10 },
      context: typed,
    });
    const labels = tags.map((i) => i.label);
    assert.ok(labels.includes("24-alpine"), labels.join(", "));
    assert.ok(
      tags.every((i) => i.kind === 21 /* Constant: a tag */),
      labels.join(", "),
    );
    const elsewhere = await client.request<CompletionItem[]>("textDocument/completion", {
      textDocument: { uri },
      position: { line: 1, character: 10 },
      context: typed,
    });
    assert.deepStrictEqual(
      elsewhere.map((i) => i.label),
      [],
    );
  });

  it("shows size inlay hints only when the setting is on", async () => {
    const text = "FROM node:24 AS build\nFROM node:23-alpine\nFROM build\n";
    const uri = ws.uri(`Dockerfile.${++counter}`);
    await client.open(uri, text);
    const range = { start: { line: 0, character: 0 }, end: { line: 3, character: 0 } };
    assert.deepStrictEqual(await client.request<InlayHint[]>("textDocument/inlayHint", { textDocument: { uri }, range }), []);
    client.settings = { imageSize: { online: false, inlayHints: true } };
    await client.connection.sendNotification("workspace/didChangeConfiguration", { settings: {} });
    const hints = await client.request<InlayHint[]>("textDocument/inlayHint", { textDocument: { uri }, range });
    client.settings = OFFLINE;
    await client.connection.sendNotification("workspace/didChangeConfiguration", { settings: {} });
    assert.deepStrictEqual(
      hints.map((h) => [h.position, h.label]),
      [
        [{ line: 0, character: 12 }, "409 MB"],
        [{ line: 1, character: 19 }, "≈ 58 MB"],
      ],
    );
  });
});
