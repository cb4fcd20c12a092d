// The time budgets in VS Code for the web (issue #15), run against a copy of the extension whose
// browser worker hangs on one marker (scripts/web-host.mjs, the web counterpart of
// test/lsp/validation-budget.test.ts): the server's nested worker is abandoned after the budget, the
// document keeps Stagecraft's own findings plus the `syntax-checks-skipped` notice, other requests
// answer meanwhile, and the restarted worker serves the next version. Had the server fallen back to
// validating in its own thread, the marker would hang nothing and these tests would fail.

import * as assert from "assert";
import * as vscode from "vscode";
import { hoverText, positionOf, ruleOf, SOURCE, waitFor } from "./support";

/** scripts/web-host.mjs's HANG_MARKER: a job on a text holding it never returns. */
const HANG_MARKER = "# hang-the-validator";
const SYNTAX = "dockerfile-utils";
/** The budgets of server/src/host/budgeted-validator.ts and budgeted-service.ts (this suite sees only the VS Code API). */
const SYNTAX_BUDGET_MS = 2000;
const REQUEST_BUDGET_MS = 1000;
/** A restart in a busy browser: the worker's bundle loads again. */
const SLACK_MS = 4000;

const syntaxOf = (uri: vscode.Uri) => vscode.languages.getDiagnostics(uri).filter((d) => d.source === SYNTAX);
const notices = (uri: vscode.Uri) => vscode.languages.getDiagnostics(uri).filter((d) => ruleOf(d) === "syntax-checks-skipped");
const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

/** An untitled Dockerfile, open but not shown: the workbench sends it no requests of its own (folding, tokens). */
const open = (content: string) => vscode.workspace.openTextDocument({ language: "dockerfile", content });

const hover = (document: vscode.TextDocument, position: vscode.Position) =>
  Promise.resolve(vscode.commands.executeCommand<vscode.Hover[]>("vscode.executeHoverProvider", document.uri, position)).then(hoverText);

/** Document symbols and how long they took: Stagecraft's own, answered in the server's thread. */
async function timedSymbols(document: vscode.TextDocument): Promise<{ count: number; ms: number }> {
  const started = Date.now();
  const symbols = await vscode.commands.executeCommand<vscode.DocumentSymbol[]>("vscode.executeDocumentSymbolProvider", document.uri);
  return { count: symbols?.length ?? 0, ms: Date.now() - started };
}

describe("Stagecraft's time budgets in the browser, with a worker that hangs on one document", function () {
  this.timeout(30_000);

  it("abandons the hanging validation after its budget: Stagecraft's findings and the notice arrive, requests answer meanwhile, the next version is checked", async () => {
    // Warm the validation worker: the hang must be the budget's, not the worker's start.
    const warm = await open("FROM alpine:3.20\nCMD ['a']\n");
    await waitFor("the syntax problem of the warm-up document", () => syntaxOf(warm.uri).length === 1, 15_000);

    const openedSlow = Date.now();
    const slow = await open(`${HANG_MARKER}\nFROM node\nMAINTAINER someone\nCMD ['a']\n`);
    // Let the slow document's validation reach the worker.
    await sleep(300);

    // (1) Requests answer at once while the validation hangs: the server's thread is free.
    const symbols = await timedSymbols(slow);
    assert.ok(symbols.count > 0, "no document symbols while a validation hangs");
    assert.ok(symbols.ms < 1000, `document symbols took ${symbols.ms} ms while a validation hung`);
    const other = await open("FROM alpine:3.20\nCMD ['a']\nWORKDIR /app\n");
    const hoverStarted = Date.now();
    const workdir = await hover(other, positionOf(other, "WORKDIR", 2));
    const hoverMs = Date.now() - hoverStarted;
    assert.match(workdir, /working directory/i, `no instruction hover while a validation hangs:\n${workdir}`);
    assert.ok(hoverMs < 1000, `a hover took ${hoverMs} ms while a validation hung`);

    // (2) The slow document keeps Stagecraft's findings, without syntax problems, plus the notice.
    const [notice, ...more] = await waitFor("the syntax-checks-skipped notice", () => (notices(slow.uri).length > 0 ? notices(slow.uri) : undefined), 15_000);
    const slowMs = Date.now() - openedSlow;
    assert.ok(slowMs >= SYNTAX_BUDGET_MS && slowMs < SYNTAX_BUDGET_MS + SLACK_MS, `the notice came ${slowMs} ms after opening`);
    assert.deepStrictEqual(more, []);
    assert.strictEqual(notice.source, SOURCE);
    assert.strictEqual(notice.severity, vscode.DiagnosticSeverity.Information);
    assert.strictEqual(notice.range.start.line, 0);
    assert.match(notice.message, /^Syntax checks skipped because this file took too long; Stagecraft's own findings are shown\./);
    const rules = vscode.languages.getDiagnostics(slow.uri).map(ruleOf);
    for (const rule of ["instruction-maintainer-deprecated", "instruction-json-args", "base-image-untagged"])
      assert.ok(rules.includes(rule), `'${rule}' is missing: ${rules.join(", ")}`);
    assert.deepStrictEqual(syntaxOf(slow.uri), []);
    // The document queued behind the hang was validated by the restarted worker.
    await waitFor("the other document's syntax problem", () => syntaxOf(other.uri).length === 1, SLACK_MS);

    // (3) The next version is validated by the restarted worker, in time: the notice goes.
    const edit = new vscode.WorkspaceEdit();
    edit.delete(slow.uri, new vscode.Range(0, 0, 1, 0));
    assert.ok(await vscode.workspace.applyEdit(edit));
    await waitFor("the syntax problem of the next version", () => syntaxOf(slow.uri).some((d) => d.code === "instructionJSONInSingleQuotes"), 10_000);
    assert.deepStrictEqual(notices(slow.uri), []);
  });

  it("answers a hanging request empty after its budget, keeps Stagecraft's part of the answers, and answers other documents meanwhile", async () => {
    const other = await open("FROM alpine:3.20\nWORKDIR /app\n");
    // Warm the request worker: the hang must be the budget's, not the start's.
    assert.match(await hover(other, positionOf(other, "WORKDIR", 2)), /working directory/i);
    const slow = await open(`${HANG_MARKER}\nFROM node:22 AS build\nMAINTAINER someone\nRUN make\n`);

    // On MAINTAINER the bundled service would answer with its documentation.
    const started = Date.now();
    const slowHover = hover(slow, positionOf(slow, "MAINTAINER", 2)).then((text) => ({ text, ms: Date.now() - started }));
    await sleep(100);
    // Stagecraft's own requests on the same document answer at once meanwhile.
    const symbols = await timedSymbols(slow);
    assert.ok(symbols.count > 0 && symbols.ms < 1000, `document symbols took ${symbols.ms} ms`);
    // Another document's request waits for the budget and a worker restart, not for the hang, which never ends.
    const otherHover = await hover(other, positionOf(other, "WORKDIR", 2));
    assert.match(otherHover, /working directory/i);
    assert.ok(Date.now() - started < REQUEST_BUDGET_MS + SLACK_MS, `the other document's hover came after ${Date.now() - started} ms`);

    const abandoned = await slowHover;
    assert.strictEqual(abandoned.text, "", `the hanging hover answered:\n${abandoned.text}`);
    assert.ok(abandoned.ms >= REQUEST_BUDGET_MS && abandoned.ms < REQUEST_BUDGET_MS + SLACK_MS, `the hanging hover answered after ${abandoned.ms} ms`);

    // The version's other requests answer at once, with Stagecraft's part: the image-size hover stays.
    const imageStarted = Date.now();
    const image = await hover(slow, positionOf(slow, "node:22", 1));
    assert.match(image, /\d+(?:\.\d+)?\s?MB/, `no image size on hover:\n${image}`);
    assert.ok(Date.now() - imageStarted < 1000, `the image hover took ${Date.now() - imageStarted} ms`);
  });
});
