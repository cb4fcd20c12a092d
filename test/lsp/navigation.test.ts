// Stage-name navigation and symbols from the real server: symbols grouped by stage, definition,
// references (FROM, COPY --from, RUN --mount from=), highlights, rename and prepareRename, with
// ARG variables still answered by dockerfile-language-service.

import * as assert from "assert";
import type { DocumentHighlight, DocumentSymbol, Location, Range, TextEdit, WorkspaceEdit } from "vscode-languageserver/node";
import { applyEdits } from "../../server/src/model/text";
import { buildServer, LspClient, positionOf, textAt, workspaceFolder } from "../support/lsp-client";

const TEXT = [
  "ARG GO_VERSION=1.22",
  "FROM golang:${GO_VERSION} AS builder",
  "WORKDIR /src",
  "RUN go build -o /out/app .",
  "",
  "FROM builder AS tester",
  "RUN go test ./...",
  "",
  "FROM alpine:3.20",
  "COPY --from=builder /out/app /usr/local/bin/app",
  "RUN --mount=type=bind,from=builder,source=/out,target=/mnt ls /mnt",
  'CMD ["app"]',
  "",
].join("\n");

describe("lsp: navigation and symbols", function () {
  this.timeout(30000);
  let client: LspClient;
  const ws = workspaceFolder({});
  const uri = ws.uri("Dockerfile");

  before(async () => {
    await buildServer();
    client = await LspClient.start();
    await client.open(uri, TEXT);
  });
  after(async () => {
    await client.stop();
  });

  const at = (needle: string, offset = 1, nth = 0) => ({ textDocument: { uri }, position: positionOf(TEXT, needle, offset, nth) });
  const texts = (ranges: { range: Range }[]) => ranges.map((r) => `${r.range.start.line}:${textAt(TEXT, r.range)}`);

  it("groups document symbols by stage, with the base image as detail", async () => {
    const symbols = await client.request<DocumentSymbol[]>("textDocument/documentSymbol", { textDocument: { uri } });
    assert.deepStrictEqual(
      symbols.map((s) => [s.name, s.detail]),
      [
        ["ARG", "GO_VERSION=1.22"],
        ["builder", "golang:${GO_VERSION}"],
        ["tester", "builder"],
        ["stage 2", "alpine:3.20"],
      ],
    );
    assert.deepStrictEqual(
      symbols[1].children?.map((c) => c.name),
      ["FROM", "WORKDIR", "RUN"],
    );
    assert.deepStrictEqual(
      symbols[3].children?.map((c) => c.name),
      ["FROM", "COPY", "RUN", "CMD"],
    );
    assert.strictEqual(textAt(TEXT, symbols[1].selectionRange), "builder");
    assert.deepStrictEqual(symbols[3].range.start, { line: 8, character: 0 });
  });

  it("goes to the stage definition from COPY --from, RUN --mount from= and FROM", async () => {
    for (const [needle, nth] of [
      ["--from=builder", 0],
      ["from=builder", 1],
      ["FROM builder", 0],
    ] as const) {
      const offset = needle.indexOf("builder") + 2;
      const location = await client.request<Location>("textDocument/definition", at(needle, offset, nth));
      assert.ok(location, `no definition from ${needle}`);
      assert.strictEqual(location.uri, uri);
      assert.deepStrictEqual(location.range, { start: { line: 1, character: 29 }, end: { line: 1, character: 36 } });
    }
  });

  it("finds every reference of a stage name", async () => {
    const references = await client.request<Location[]>("textDocument/references", { ...at("AS builder", 4), context: { includeDeclaration: true } });
    assert.deepStrictEqual(texts(references), ["1:builder", "5:builder", "9:builder", "10:builder"]);
    const withoutDeclaration = await client.request<Location[]>("textDocument/references", {
      ...at("--from=builder", 9),
      context: { includeDeclaration: false },
    });
    assert.deepStrictEqual(texts(withoutDeclaration), ["5:builder", "9:builder", "10:builder"]);
  });

  it("highlights the declaration as write and uses as read", async () => {
    const highlights = await client.request<DocumentHighlight[]>("textDocument/documentHighlight", at("from=builder", 6, 1));
    assert.deepStrictEqual(
      highlights.map((h) => [h.range.start.line, h.kind]),
      [
        [1, 3],
        [5, 2],
        [9, 2],
        [10, 2],
      ],
    );
  });

  it("renames a stage with all its uses, mount options included", async () => {
    const prepared = await client.request<{ range: Range; placeholder: string }>("textDocument/prepareRename", at("--from=builder", 9));
    assert.strictEqual(textAt(TEXT, prepared.range), "builder");
    assert.strictEqual(prepared.placeholder, "builder");
    const edit = await client.request<WorkspaceEdit>("textDocument/rename", { ...at("--from=builder", 9), newName: "compile" });
    const edits = edit.changes?.[uri] as TextEdit[];
    assert.strictEqual(edits.length, 4);
    const renamed = applyEdits(TEXT, edits);
    assert.ok(
      renamed.includes("AS compile\n") &&
        renamed.includes("FROM compile AS tester") &&
        renamed.includes("--from=compile ") &&
        renamed.includes("from=compile,"),
      renamed,
    );
    assert.ok(!renamed.includes("builder"));
  });

  it("rejects an invalid or clashing new stage name", async () => {
    await assert.rejects(client.request("textDocument/rename", { ...at("AS builder", 4), newName: "Not Valid" }), /not a valid stage name/);
    await assert.rejects(client.request("textDocument/rename", { ...at("AS builder", 4), newName: "1abc" }), /not a valid stage name/);
    await assert.rejects(client.request("textDocument/rename", { ...at("AS builder", 4), newName: "tester" }), /already exists/);
  });

  it("falls back to dockerfile-language-service for ARG variables", async () => {
    const highlights = await client.request<DocumentHighlight[]>("textDocument/documentHighlight", at("${GO_VERSION}", 3));
    assert.deepStrictEqual(texts(highlights), ["0:GO_VERSION", "1:GO_VERSION"]);
    const definition = await client.request<Location>("textDocument/definition", at("${GO_VERSION}", 3));
    assert.strictEqual(definition.range.start.line, 0);
    const edit = await client.request<WorkspaceEdit>("textDocument/rename", { ...at("${GO_VERSION}", 3), newName: "GO" });
    assert.strictEqual(
      applyEdits(TEXT, edit.changes?.[uri] ?? [])
        .split("\n")
        .slice(0, 2)
        .join("\n"),
      "ARG GO=1.22\nFROM golang:${GO} AS builder",
    );
  });

  it("answers null away from names", async () => {
    assert.strictEqual(await client.request("textDocument/definition", at("WORKDIR", 1)), null);
    assert.strictEqual(await client.request("textDocument/prepareRename", at("WORKDIR", 1)), null);
  });
});
