// dockerfile-utils validation and dockerfile-language-service's requests under the Node server's
// budgets. Validation runs on the server thread under a short budget (lsp/syntax-validations.ts),
// and in a worker (host/budgeted-worker.ts) for a file over it; so do the service's requests
// (lsp/language-service.ts). With a worker that hangs on one document (the in-thread attempt
// turned off), the other documents and requests still answer, the hanging document gets
// Stagecraft's own findings and a notice that its syntax checks were skipped, its requests answer
// empty after the budget, and the restarted worker serves the next version. With a worker that
// cannot start, the requests still answer: the server thread serves them. On the server thread
// and in the real worker alike, the syntax diagnostics are those the in-process validator gives; a
// file over the in-thread budget is validated by the worker, that version and the next ones while
// the worker is not quick, and its requests are answered by the worker until it is closed.

import * as assert from "assert";
import { copyFileSync, existsSync, mkdtempSync, readdirSync, readFileSync, rmSync, statSync, writeFileSync } from "fs";
import { tmpdir } from "os";
import { dirname, join } from "path";
import { pathToFileURL } from "url";
import type { CompletionItem, Diagnostic, DocumentSymbol, FoldingRange, Hover } from "vscode-languageserver/node";
import { analyze } from "../../server/src/engine";
import { REQUEST_BUDGET_MS } from "../../server/src/host/budgeted-service";
import { SYNTAX_BUDGET_MS } from "../../server/src/host/budgeted-validator";
import { readBuildContext } from "../../server/src/host/node-context";
import { syntaxDiagnostic } from "../../server/src/lsp/diagnostics";
import { buildServer, LspClient, workspaceFolder } from "../support/lsp-client";

const SYNTAX = "dockerfile-utils";
const HANG_MARKER = "# hang-the-validator";
const CORPUS = join(__dirname, "..", "..", "..", "shared", "corpus", "projects", "lint");

/** The real worker, behind a listener that never returns for a job (validation or request) on a text holding HANG_MARKER. */
const HANGING_WORKER = `
const { parentPort } = require("node:worker_threads");
parentPort.on("message", (request) => {
  if (JSON.stringify(request.job).includes(${JSON.stringify(HANG_MARKER)})) for (;;) {}
});
require("./real-syntax-worker.js");
`;

/**
 * A temp folder holding the built server and the chunks it and its worker load from beside them,
 * with `workerScript` as its worker script; the real one beside it as real-syntax-worker.js.
 */
async function serverWithWorker(prefix: string, workerScript: string): Promise<string> {
  const bundle = await buildServer();
  const serverDir = mkdtempSync(join(tmpdir(), prefix));
  for (const file of readdirSync(dirname(bundle)).filter((f) => f.endsWith(".js") && f !== "syntax-worker.js")) {
    copyFileSync(join(dirname(bundle), file), join(serverDir, file));
  }
  copyFileSync(join(dirname(bundle), "syntax-worker.js"), join(serverDir, "real-syntax-worker.js"));
  writeFileSync(join(serverDir, "syntax-worker.js"), workerScript);
  return serverDir;
}

/** The server with validation in its worker alone: no attempt on the server thread. */
const WORKER_ONLY = { STAGECRAFT_IN_THREAD_BUDGET_MS: "0" };

const syntaxOf = (diagnostics: Diagnostic[]) => diagnostics.filter((d) => d.source === SYNTAX);
const skippedNotices = (diagnostics: Diagnostic[]) => diagnostics.filter((d) => d.code === "syntax-checks-skipped");
const INFORMATION = 3;

describe("lsp: validation under a budget", function () {
  this.timeout(60000);

  describe("with a worker that hangs on one document", () => {
    let client: LspClient;
    let serverDir: string;
    const ws = workspaceFolder({});

    before(async () => {
      serverDir = await serverWithWorker("stagecraft-hanging-", HANGING_WORKER);
      client = await LspClient.start({ serverPath: join(serverDir, "node.js"), env: WORKER_ONLY });
    });
    after(async () => {
      await client.stop();
      rmSync(serverDir, { recursive: true, force: true });
    });

    it("abandons the hanging validation, answers everything else meanwhile, then validates the next version", async () => {
      // Warm the workers: the hang must be the budget's, not a worker's start (each starts when first needed).
      const warm = ws.uri("Dockerfile.warm");
      await client.open(warm, "FROM alpine:3.20\nCMD ['a']\n");
      assert.strictEqual(syntaxOf((await client.waitForDiagnostics(warm)).diagnostics).length, 1);
      assert.ok(await client.request<Hover>("textDocument/hover", { textDocument: { uri: warm }, position: { line: 1, character: 1 } }));

      const slow = ws.uri("Dockerfile.slow");
      const slowText = `${HANG_MARKER}\nFROM node\nMAINTAINER someone\nCMD ['a']\n`;
      const openedSlow = Date.now();
      await client.open(slow, slowText);
      // Let the slow document's validation reach the worker.
      await new Promise((resolve) => setTimeout(resolve, 300));

      // (1) Requests answer at once; another document's diagnostics come within the budget.
      const other = ws.uri("Dockerfile.other");
      const openedOther = Date.now();
      await client.open(other, "FROM alpine:3.20\nCMD ['a']\nWORKDIR /app\n");
      const hoverStarted = Date.now();
      const hover = await client.request<Hover>("textDocument/hover", { textDocument: { uri: other }, position: { line: 2, character: 2 } });
      const hoverMs = Date.now() - hoverStarted;
      assert.ok(hover, "no hover while a validation hangs");
      assert.ok(hoverMs < 1000, `hover took ${hoverMs} ms while a validation hung`);
      const otherPublished = await client.waitForDiagnostics(other, () => true, SYNTAX_BUDGET_MS + 5000);
      const otherMs = Date.now() - openedOther;
      assert.ok(otherMs < SYNTAX_BUDGET_MS + 1500, `the other document waited ${otherMs} ms`);
      // Validated by the restarted worker, with its own syntax problem.
      assert.deepStrictEqual(
        syntaxOf(otherPublished.diagnostics).map((d) => d.code),
        ["instructionJSONInSingleQuotes"],
      );

      // (2) The slow document keeps Stagecraft's findings, without syntax problems.
      const slowPublished = await client.waitForDiagnostics(slow, () => true, SYNTAX_BUDGET_MS + 5000);
      const slowMs = Date.now() - openedSlow;
      assert.ok(slowMs >= SYNTAX_BUDGET_MS && slowMs < SYNTAX_BUDGET_MS + 2000, `the slow document was published after ${slowMs} ms`);
      assert.deepStrictEqual(syntaxOf(slowPublished.diagnostics), []);
      const codes = slowPublished.diagnostics.map((d) => d.code);
      assert.ok(codes.includes("instruction-maintainer-deprecated") && codes.includes("instruction-json-args"), JSON.stringify(codes));
      // The editor says so too: one information on line 1, first sentence within 100 characters.
      const [notice, ...more] = skippedNotices(slowPublished.diagnostics);
      assert.deepStrictEqual(more, []);
      assert.ok(notice, JSON.stringify(slowPublished.diagnostics));
      assert.strictEqual(notice.source, "stagecraft");
      assert.strictEqual(notice.severity, INFORMATION);
      assert.deepStrictEqual(notice.range, { start: { line: 0, character: 0 }, end: { line: 0, character: HANG_MARKER.length } });
      const firstSentence = String(notice.message).split(/(?<=\.) /)[0];
      assert.ok(firstSentence.length <= 100, firstSentence);
      assert.match(firstSentence, /^Syntax checks skipped because this file took too long; Stagecraft's own findings are shown\.$/);
      // Logged once, with the reason.
      const logged = client.logs.filter((m) => m.includes(slow) && m.includes("budget"));
      assert.strictEqual(logged.length, 1, client.logs.join("\n"));
      assert.match(logged[0], /version 1\) failed, its syntax checks are skipped: validation exceeded its 2000 ms budget .*the worker restarted/);

      // (3) The next version of the slow document is validated by the restarted worker.
      await client.change(slow, 2, [{ range: { start: { line: 0, character: 0 }, end: { line: 1, character: 0 } }, text: "" }]);
      const next = await client.waitForDiagnostics(slow, (p) => p.version === 2, 5000);
      assert.deepStrictEqual(
        syntaxOf(next.diagnostics).map((d) => d.code),
        ["instructionJSONInSingleQuotes"],
      );
      // Validated in time: the notice is gone.
      assert.deepStrictEqual(skippedNotices(next.diagnostics), []);
      assert.ok(client.isAlive, client.stderr);
    });

    it("answers a hanging service request empty after its budget, logs it once, and keeps answering meanwhile", async () => {
      const slow = ws.uri("Dockerfile.slow-requests");
      await client.open(slow, `${HANG_MARKER}\nFROM node AS build\nMAINTAINER someone\nRUN make\n`);
      const other = ws.uri("Dockerfile.other-requests");
      await client.open(other, "FROM alpine:3.20\nWORKDIR /app\n");
      // Warm the request worker on the other document: the hang must be the budget's, not the start's.
      assert.ok(await client.request<Hover>("textDocument/hover", { textDocument: { uri: other }, position: { line: 1, character: 2 } }));

      // On MAINTAINER the bundled service would answer with its documentation.
      const started = Date.now();
      const slowHover = client.request<Hover | null>("textDocument/hover", { textDocument: { uri: slow }, position: { line: 2, character: 2 } });
      await new Promise((resolve) => setTimeout(resolve, 100));
      // Stagecraft's own requests on the same document answer at once meanwhile.
      const symbolsStarted = Date.now();
      const symbols = await client.request<DocumentSymbol[]>("textDocument/documentSymbol", { textDocument: { uri: slow } });
      assert.ok(symbols.length > 0 && Date.now() - symbolsStarted < 500, `symbols took ${Date.now() - symbolsStarted} ms`);
      // Another document's request waits for the budget and a worker restart (seconds on a loaded
      // machine), not for the hang, which never ends.
      const otherHover = await client.request<Hover>("textDocument/hover", { textDocument: { uri: other }, position: { line: 1, character: 2 } });
      assert.ok(otherHover, "no hover on the other document");
      assert.ok(Date.now() - started < REQUEST_BUDGET_MS + 4000, `the other document's hover came after ${Date.now() - started} ms`);

      assert.strictEqual(await slowHover, null);
      const slowMs = Date.now() - started;
      assert.ok(slowMs >= REQUEST_BUDGET_MS && slowMs < REQUEST_BUDGET_MS + 2500, `the hanging hover answered after ${slowMs} ms`);

      // The version's other requests answer at once, with Stagecraft's part: folding keeps the stage.
      const foldingStarted = Date.now();
      const folding = await client.request<FoldingRange[]>("textDocument/foldingRange", { textDocument: { uri: slow } });
      assert.ok(Date.now() - foldingStarted < 500, `folding took ${Date.now() - foldingStarted} ms`);
      assert.deepStrictEqual(folding, [{ startLine: 1, endLine: 3 }]);
      const logged = client.logs.filter((m) => m.includes(slow) && m.includes("dockerfile-language-service"));
      assert.strictEqual(logged.length, 1, client.logs.join("\n"));
      assert.match(logged[0], /computeHover on .* \(version 1\) failed: dockerfile-language-service request exceeded its 1000 ms budget .*answer empty/);
      assert.ok(client.isAlive, client.stderr);
    });
  });

  describe("with a worker that cannot start", () => {
    let client: LspClient;
    let serverDir: string;
    const ws = workspaceFolder({});

    before(async () => {
      serverDir = await serverWithWorker("stagecraft-no-worker-", `throw new Error("no worker here");\n`);
      client = await LspClient.start({ serverPath: join(serverDir, "node.js") });
    });
    after(async () => {
      await client.stop();
      rmSync(serverDir, { recursive: true, force: true });
    });

    it("answers the bundled service's requests on the server thread", async () => {
      const uri = ws.uri("Dockerfile.in-thread-requests");
      await client.open(uri, "FROM node:22 AS build\nMAINTAINER someone\nRUN make\n\n");
      await client.waitForDiagnostics(uri, () => true, 20000);
      // On MAINTAINER the bundled service answers with its documentation; Stagecraft has no hover there.
      const hover = await client.request<Hover | null>("textDocument/hover", { textDocument: { uri }, position: { line: 1, character: 2 } });
      assert.match(JSON.stringify(hover?.contents ?? null), /MAINTAINER|maintainer/, JSON.stringify(hover));
      const completion = await client.request<CompletionItem[] | { items: CompletionItem[] }>("textDocument/completion", {
        textDocument: { uri },
        position: { line: 3, character: 0 },
      });
      const items = Array.isArray(completion) ? completion : completion.items;
      assert.ok(
        items.some((item) => item.label.startsWith("WORKDIR")),
        JSON.stringify(items.map((i) => i.label)),
      );
      assert.deepStrictEqual(
        client.logs.filter((m) => m.includes("worker")),
        [],
      );
      assert.ok(client.isAlive, client.stderr);
    });
  });

  /** The three largest corpus Dockerfiles and two small ones; none where ../shared is absent. */
  const corpusFiles = (): string[] => {
    if (!existsSync(CORPUS)) return [];
    const files = readdirSync(CORPUS)
      .map((name) => join(CORPUS, name))
      .flatMap((dir) => (statSync(dir).isDirectory() ? findDockerfile(dir) : []))
      .sort((a, b) => statSync(b).size - statSync(a).size);
    return [...files.slice(0, 3), ...files.slice(-2)];
  };

  /** Opens each file on `client` and checks its syntax diagnostics against the in-process validator's. */
  const publishesInProcessSyntax = async (client: LspClient, files: string[]) => {
    let compared = 0;
    for (const file of files) {
      const uri = pathToFileURL(file).href;
      const text = readFileSync(file, "utf8");
      await client.open(uri, text);
      const published = await client.waitForDiagnostics(uri, () => true, 20000);
      const expected = analyze(text, { context: await readBuildContext(uri) }).syntax.map(syntaxDiagnostic);
      assert.deepStrictEqual(syntaxOf(published.diagnostics), expected, file);
      compared += expected.length;
      await client.close(uri);
    }
    // The comparison compared something.
    assert.ok(compared > 0, "no syntax diagnostics on any corpus file");
  };

  for (const [where, env] of [
    ["on the server thread", {}],
    ["in the real worker", WORKER_ONLY],
  ] as const) {
    describe(`validating ${where}`, () => {
      let client: LspClient;
      before(async () => {
        client = await LspClient.start({ env });
      });
      after(async () => {
        await client.stop();
      });

      it("publishes the syntax diagnostics the in-process validator gives, on corpus files", async function () {
        const files = corpusFiles();
        if (files.length === 0) this.skip();
        await publishesInProcessSyntax(client, files);
      });
    });
  }

  describe("with a file over the in-thread budget", () => {
    let client: LspClient;
    before(async () => {
      // No corpus file validates in 1 ms; the largest takes several.
      client = await LspClient.start({ env: { STAGECRAFT_IN_THREAD_BUDGET_MS: "1" } });
    });
    after(async () => {
      await client.stop();
    });

    it("has the worker validate that version and the next one, with the same diagnostics, and says so once", async () => {
      // Hundreds of instructions: no validation takes less than 1 ms; the last line is a syntax problem.
      const steps = Array.from({ length: 500 }, (_, i) => `RUN echo step ${i}`);
      const text = ["FROM alpine:3.20", ...steps, "CMD ['a']", ""].join("\n");
      const uri = workspaceFolder({}).uri("Dockerfile");
      const context = await readBuildContext(uri);
      const movedLogs = () => client.logs.filter((m) => m.includes(uri) && m.includes("the validation worker checks this file"));

      await client.open(uri, text);
      const opened = await client.waitForDiagnostics(uri, () => true, 20000);
      const expected = analyze(text, { context }).syntax.map(syntaxDiagnostic);
      assert.ok(expected.length > 0, "no syntax diagnostics to compare");
      assert.deepStrictEqual(syntaxOf(opened.diagnostics), expected);
      assert.strictEqual(movedLogs().length, 1, client.logs.join("\n"));
      assert.match(
        movedLogs()[0],
        /\(version 1\) exceeded its 1 ms budget on the server thread; the validation worker checks this file until it takes under 0.5 ms there$/,
      );

      // The worker took over 0.5 ms: the next version goes to it at once, nothing more is logged.
      const edit = "# edited\n";
      await client.change(uri, 2, [{ range: { start: { line: 0, character: 0 }, end: { line: 0, character: 0 } }, text: edit }]);
      const edited = await client.waitForDiagnostics(uri, (p) => p.version === 2, 20000);
      assert.deepStrictEqual(syntaxOf(edited.diagnostics), analyze(`${edit}${text}`, { context }).syntax.map(syntaxDiagnostic));
      assert.strictEqual(movedLogs().length, 1, client.logs.join("\n"));
      await client.close(uri);
    });

    it("has the request worker answer that file's requests once one overran, and says so once", async () => {
      // A thousand instructions: far over the 1 ms budget on the server thread, and well under the
      // worker's 1 s on a loaded machine (5,000 once took the worker over it under CI's load).
      const steps = Array.from({ length: 1000 }, (_, i) => `RUN echo step ${i}`);
      const text = ["FROM alpine:3.20", "MAINTAINER someone", ...steps, ""].join("\n");
      const uri = workspaceFolder({}).uri("Dockerfile.requests");
      const movedLogs = () =>
        client.logs.filter((m) => m.includes(uri) && m.includes("the request worker answers this file's requests until it answers one quickly"));
      await client.open(uri, text);
      await client.waitForDiagnostics(uri, () => true, 20000);
      for (let i = 0; i < 2; i++) {
        // Parsing 1,000 instructions takes far more than 1 ms: the worker answers, with the documentation.
        const hover = await client.request<Hover | null>("textDocument/hover", { textDocument: { uri }, position: { line: 1, character: 2 } });
        assert.match(JSON.stringify(hover?.contents ?? null), /MAINTAINER|maintainer/, JSON.stringify(hover));
      }
      assert.strictEqual(movedLogs().length, 1, client.logs.join("\n"));
      assert.match(movedLogs()[0], /computeHover on .* \(version 1\) exceeded its 1 ms budget on the server thread; the request worker answers/);
      await client.close(uri);
    });
  });
});

/** The Dockerfile of one corpus project folder (its path inside varies). */
function findDockerfile(dir: string): string[] {
  for (const entry of readdirSync(dir, { withFileTypes: true })) {
    const path = join(dir, entry.name);
    if (entry.isDirectory()) {
      const inner = findDockerfile(path);
      if (inner.length > 0) return inner;
    } else if (/(^|\.)(Docker|Container)file(\.|$)/i.test(entry.name)) {
      return [path];
    }
  }
  return [];
}
