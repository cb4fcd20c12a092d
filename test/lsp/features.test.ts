// Editing features from the real server: stage-name completion, hovers, formatting, folding,
// semantic tokens, links and signature help.

import * as assert from "assert";
import type {
  CompletionItem,
  CompletionList,
  DocumentLink,
  FoldingRange,
  Hover,
  MarkupContent,
  SemanticTokens,
  SignatureHelp,
  TextEdit,
} from "vscode-languageserver/node";
import { applyEdits } from "../../server/src/model/text";
import { buildServer, LspClient, positionOf, workspaceFolder } from "../support/lsp-client";

const labels = (items: CompletionItem[] | CompletionList | null) => (Array.isArray(items) ? items : (items?.items ?? [])).map((i) => i.label);

describe("lsp: editing features", function () {
  this.timeout(30000);
  let client: LspClient;
  const ws = workspaceFolder({});
  let counter = 0;

  before(async () => {
    await buildServer();
    client = await LspClient.start();
  });
  after(async () => {
    await client.stop();
  });

  async function open(text: string): Promise<string> {
    const uri = ws.uri(`Dockerfile.${++counter}`);
    await client.open(uri, text);
    return uri;
  }

  describe("completion", () => {
    const STAGES = "FROM golang:1.22 AS builder\nRUN true\nFROM node:20 AS assets\nRUN true\nFROM alpine:3.20 AS final\n";

    it("lists earlier stage names after COPY --from=", async () => {
      const text = `${STAGES}COPY --from= /a /b\n`;
      const uri = await open(text);
      const items = await client.request<CompletionItem[]>("textDocument/completion", { textDocument: { uri }, position: positionOf(text, "--from=", 7) });
      assert.deepStrictEqual(labels(items), ["builder", "assets"]);
      const edit = items[0].textEdit as TextEdit;
      assert.deepStrictEqual(edit.range, { start: { line: 5, character: 12 }, end: { line: 5, character: 12 } });
    });

    it("replaces the typed prefix and works for ADD", async () => {
      const text = `${STAGES}ADD --chown=1:1 --from=bu /a /b\n`;
      const uri = await open(text);
      const items = await client.request<CompletionItem[]>("textDocument/completion", { textDocument: { uri }, position: positionOf(text, "--from=bu", 9) });
      const builder = items.find((i) => i.label === "builder");
      assert.ok(builder);
      assert.strictEqual(applyEdits(text, [builder.textEdit as TextEdit]), text.replace("--from=bu", "--from=builder"));
    });

    it("lists stage names in RUN --mount from=", async () => {
      const text = `${STAGES}RUN --mount=type=cache,from=,target=/x true\n`;
      const uri = await open(text);
      const items = await client.request<CompletionItem[]>("textDocument/completion", { textDocument: { uri }, position: positionOf(text, "from=,", 5) });
      assert.deepStrictEqual(labels(items), ["builder", "assets"]);
    });

    it("lists only the stages defined earlier in FROM", async () => {
      const text = "FROM golang:1.22 AS builder\nRUN true\nFROM \nRUN true\nFROM alpine:3.20 AS later\n";
      const uri = await open(text);
      const items = await client.request<CompletionItem[]>("textDocument/completion", { textDocument: { uri }, position: { line: 2, character: 5 } });
      assert.ok(labels(items).includes("builder"), JSON.stringify(labels(items)));
      assert.ok(!labels(items).includes("later"));
      // The first FROM has no earlier stage to offer.
      const first = await client.request<CompletionItem[]>("textDocument/completion", { textDocument: { uri }, position: { line: 0, character: 5 } });
      assert.ok(!labels(first).includes("builder"));
    });

    it("still offers dockerfile-language-service keywords", async () => {
      const text = "FROM alpine:3.20\nWORK\n";
      const uri = await open(text);
      const items = await client.request<CompletionItem[]>("textDocument/completion", { textDocument: { uri }, position: { line: 1, character: 4 } });
      const workdir = items.find((i) => i.label.startsWith("WORKDIR"));
      assert.ok(workdir, JSON.stringify(labels(items)));
      const resolved = await client.request<CompletionItem>("completionItem/resolve", workdir);
      assert.ok(resolved.documentation, "resolve adds the instruction docs");
    });
  });

  describe("hover", () => {
    it("returns instruction docs on a keyword", async () => {
      const text = "FROM alpine:3.20\nWORKDIR /app\n";
      const uri = await open(text);
      const hover = await client.request<Hover>("textDocument/hover", { textDocument: { uri }, position: { line: 1, character: 2 } });
      const value = (hover.contents as MarkupContent).value ?? String(hover.contents);
      assert.match(value, /working directory/i);
    });

    it("describes the stage a reference points to", async () => {
      const text = "FROM golang:1.22 AS builder\nRUN true\nFROM alpine:3.20\nCOPY --from=builder /a /b\n";
      const uri = await open(text);
      const hover = await client.request<Hover>("textDocument/hover", { textDocument: { uri }, position: positionOf(text, "=builder", 3) });
      const contents = hover.contents as MarkupContent;
      assert.strictEqual(contents.kind, "markdown");
      assert.match(contents.value, /builder/);
      assert.match(contents.value, /golang:1\.22/);
      assert.match(contents.value, /line 1/);
    });
  });

  it("formats the document and a range", async () => {
    const text = 'FROM alpine:3.20\n   RUN true\n\tCMD ["sh"]\n';
    const uri = await open(text);
    const edits = await client.request<TextEdit[]>("textDocument/formatting", { textDocument: { uri }, options: { tabSize: 4, insertSpaces: true } });
    assert.strictEqual(applyEdits(text, edits), 'FROM alpine:3.20\nRUN true\nCMD ["sh"]\n');
    const ranged = await client.request<TextEdit[]>("textDocument/rangeFormatting", {
      textDocument: { uri },
      range: { start: { line: 1, character: 0 }, end: { line: 1, character: 5 } },
      options: { tabSize: 4, insertSpaces: true },
    });
    assert.strictEqual(applyEdits(text, ranged), 'FROM alpine:3.20\nRUN true\n\tCMD ["sh"]\n');
  });

  it("folds each stage, on top of the commodity ranges", async () => {
    const text = "# builder\n# stage\nFROM golang:1.22 AS builder\nRUN a \\\n  b\nRUN c\n\nFROM alpine:3.20\nRUN d\nCMD e\n";
    const uri = await open(text);
    const ranges = await client.request<FoldingRange[]>("textDocument/foldingRange", { textDocument: { uri } });
    const pairs = ranges.map((r) => [r.startLine, r.endLine]);
    assert.ok(
      pairs.some(([s, e]) => s === 2 && e === 5),
      JSON.stringify(pairs),
    );
    assert.ok(
      pairs.some(([s, e]) => s === 7 && e === 9),
      JSON.stringify(pairs),
    );
    assert.ok(
      pairs.some(([s, e]) => s === 3 && e === 4),
      "the continued RUN still folds",
    );
  });

  it("returns semantic tokens encoded with the announced legend", async () => {
    const legend = client.initializeResult.capabilities.semanticTokensProvider?.legend;
    assert.strictEqual(legend?.tokenTypes[0], "keyword");
    const text = "FROM alpine:3.20\n# comment\nRUN echo $HOME\n";
    const uri = await open(text);
    const tokens = await client.request<SemanticTokens>("textDocument/semanticTokens/full", { textDocument: { uri } });
    assert.ok(tokens.data.length > 0 && tokens.data.length % 5 === 0);
    // The first token is FROM at 0:0, length 4, type keyword.
    assert.deepStrictEqual(tokens.data.slice(0, 4), [0, 0, 4, 0]);
  });

  describe("links each base image to its registry's page, on the image name", () => {
    const PAGES: [string, string][] = [
      ["alpine:3.22", "https://hub.docker.com/_/alpine"],
      ["docker.io/library/node:24-alpine", "https://hub.docker.com/_/node"],
      ["bitnami/redis:7.4", "https://hub.docker.com/r/bitnami/redis"],
      ["gcr.io/distroless/static-debian13:nonroot", "https://github.com/GoogleContainerTools/distroless"],
      ["gcr.io/google-containers/pause:3.2", "https://console.cloud.google.com/gcr/images/google-containers/global/pause"],
      [
        "us.gcr.io/k8s-artifacts-prod/kas-network-proxy/proxy-agent:v0.0.16",
        "https://console.cloud.google.com/gcr/images/k8s-artifacts-prod/us/kas-network-proxy/proxy-agent",
      ],
      ["ghcr.io/astral-sh/uv:0.5", "https://ghcr.io/astral-sh/uv"],
      ["registry.k8s.io/pause:3.10", "https://github.com/kubernetes/registry.k8s.io"],
      ["public.ecr.aws/lambda/python:3.12", "https://gallery.ecr.aws/lambda/python"],
      ["quay.io/prometheus/node-exporter:v1.8.2", "https://quay.io/repository/prometheus/node-exporter"],
      ["mcr.microsoft.com/dotnet/aspnet:10.0", "https://mcr.microsoft.com/artifact/mar/dotnet/aspnet"],
    ];
    for (const [image, page] of PAGES)
      it(`${image} -> ${page}`, async () => {
        const text = `FROM ${image} AS app\nUSER nobody\n`;
        const uri = await open(text);
        const links = await client.request<DocumentLink[]>("textDocument/documentLink", { textDocument: { uri } });
        assert.strictEqual(links.length, 1, JSON.stringify(links));
        const resolved = links[0].target ? links[0] : await client.request<DocumentLink>("documentLink/resolve", links[0]);
        assert.strictEqual(resolved.target, page);
        const name = image.replace(/:[^:/]*$/, "");
        assert.deepStrictEqual(links[0].range, { start: { line: 0, character: 5 }, end: { line: 0, character: 5 + name.length } });
      });

    it("no link for a registry without a known page, a stage, or scratch", async () => {
      const uri = await open("FROM registry.example.com:5000/team/app:1 AS base\nFROM base\nFROM scratch\n");
      assert.deepStrictEqual(await client.request<DocumentLink[]>("textDocument/documentLink", { textDocument: { uri } }), []);
    });
  });

  it("links no image a diagnostic covers: one decoration per token, the hover keeps the link", async () => {
    // base-image-latest squiggles nginx; the hint on the unused stage's name is not on the image.
    const text = "FROM nginx:mainline AS proxy\nFROM alpine:3.22\nUSER nobody\n";
    const uri = await open(text);
    const diagnostics = (await client.waitForDiagnostics(uri, (p) => p.diagnostics.some((d) => d.code === "base-image-latest"))).diagnostics;
    const latest = diagnostics.find((d) => d.code === "base-image-latest");
    assert.strictEqual(latest?.range.start.line, 0);
    const links = await client.request<{ range: { start: { line: number } } }[]>("textDocument/documentLink", { textDocument: { uri } });
    assert.deepStrictEqual(
      links.map((l) => l.range.start.line),
      [1],
    );
  });

  it("gives signature help for instruction flags", async () => {
    const text = "FROM alpine:3.20\nCOPY --\n";
    const uri = await open(text);
    const help = await client.request<SignatureHelp | null>("textDocument/signatureHelp", { textDocument: { uri }, position: { line: 1, character: 7 } });
    assert.ok(help && help.signatures.length > 0);
  });
});
