// Where a document's validation runs (lsp/syntax-validations.ts): on the server thread first, from
// the model's own syntax tree; a version over the in-thread budget goes to the worker, and so do
// the document's later versions until the worker validates one quickly or the document closes; a
// parse whose validation was stopped is never validated from its tree again; requests for the same
// version share one validation; with no budget of any kind the engine validates; with the checks
// off nothing runs.

import * as assert from "assert";
import { validatorSettings } from "../../../server/src/engine";
import type { OffThreadValidator, SyntaxResult } from "../../../server/src/engine";
import type { RunWithinBudget } from "../../../server/src/lsp/run-within-budget";
import { DEFAULT_SETTINGS, StagecraftSettings } from "../../../server/src/lsp/settings";
import { IN_THREAD_SYNTAX_BUDGET_MS, SyntaxValidations } from "../../../server/src/lsp/syntax-validations";
import { validateSyntax } from "../../../server/src/lint/syntax-validation";
import { parseDockerfile } from "../../../server/src/model/parse";

const TEXT = "FROM alpine:3.20\nCMD ['a']\n";
const SLOW = "# slow\nFROM alpine:3.20\nCMD ['a']\n";

/** Runs jobs in-thread, except while `slow`: then it reports them over budget without running them. */
function fakeInThread(): { run: RunWithinBudget; jobs: number; budgets: number[]; slow: boolean } {
  const fake = {
    jobs: 0,
    budgets: [] as number[],
    slow: false,
    run: ((job, budgetMs) => {
      fake.budgets.push(budgetMs);
      if (fake.slow) return { ok: false, reason: `exceeded its ${budgetMs} ms budget on the server thread`, ms: budgetMs, overBudget: true };
      fake.jobs++;
      return { ok: true, value: job(), ms: 0 };
    }) as RunWithinBudget,
  };
  return fake;
}

/** Answers an empty problem list, as taking `ms`, and counts its texts. */
function fakeWorker(ms = 0): OffThreadValidator & { texts: string[] } {
  const texts: string[] = [];
  return { texts, validate: (text) => (texts.push(text), Promise.resolve<SyntaxResult>({ ok: true, value: [], ms })) };
}

describe("lsp: syntax validations", () => {
  const logs: string[] = [];
  const validations = () => new SyntaxValidations((m) => logs.push(m));
  const model = (text: string) => parseDockerfile(text);
  beforeEach(() => (logs.length = 0));

  it("validates on the server thread from the model's syntax tree, under the in-thread budget", async () => {
    const inThread = fakeInThread();
    const worker = fakeWorker();
    const v = validations();
    v.configure({ inThread: inThread.run, offThread: worker });
    const result = await v.start("file:///a/Dockerfile", 1, model(TEXT), DEFAULT_SETTINGS);
    assert.ok(result?.ok);
    // The single-quoted JSON of CMD, as the validator finds it on the text.
    const direct = validateSyntax(TEXT, validatorSettings({}));
    assert.ok(direct.ok && direct.value.length === 1);
    assert.deepStrictEqual(result.value, direct.value);
    assert.deepStrictEqual(inThread.budgets, [IN_THREAD_SYNTAX_BUDGET_MS]);
    assert.deepStrictEqual(worker.texts, []);
  });

  it("hands a version over the budget to the worker, then the later versions while the worker takes over half the budget", async () => {
    const inThread = fakeInThread();
    const worker = fakeWorker(IN_THREAD_SYNTAX_BUDGET_MS);
    const v = validations();
    v.configure({ inThread: inThread.run, offThread: worker });
    const uri = "file:///a/Dockerfile";
    inThread.slow = true;
    await v.start(uri, 1, model(SLOW), DEFAULT_SETTINGS);
    assert.deepStrictEqual(worker.texts, [SLOW]);
    assert.strictEqual(logs.length, 1);
    assert.match(
      logs[0],
      /file:\/\/\/a\/Dockerfile \(version 1\) exceeded its 250 ms budget on the server thread; the validation worker checks this file until it takes under 125 ms there$/,
    );

    inThread.slow = false;
    await v.start(uri, 2, model(TEXT), DEFAULT_SETTINGS);
    assert.deepStrictEqual(worker.texts, [SLOW, TEXT]);
    assert.strictEqual(inThread.jobs, 0);
    // Another document is still validated here.
    await v.start("file:///b/Dockerfile", 1, model(TEXT), DEFAULT_SETTINGS);
    assert.strictEqual(inThread.jobs, 1);

    // Closed and opened again, the document is tried here first.
    v.forget(uri);
    await v.start(uri, 1, model(TEXT), DEFAULT_SETTINGS);
    assert.strictEqual(inThread.jobs, 2);
    assert.strictEqual(worker.texts.length, 2);
  });

  it("validates here again once the worker took under half the budget, but never a stopped parse's tree", async () => {
    const inThread = fakeInThread();
    const worker = fakeWorker(10);
    const v = validations();
    v.configure({ inThread: inThread.run, offThread: worker });
    const uri = "file:///a/Dockerfile";
    const stopped = model(SLOW);
    inThread.slow = true;
    await v.start(uri, 1, stopped, DEFAULT_SETTINGS);
    inThread.slow = false;
    // The same parse under other settings: its tree may be half computed, so the worker validates it.
    const other: StagecraftSettings = { ...DEFAULT_SETTINGS, syntax: { instructionJSONInSingleQuotes: "off" } };
    await v.start(uri, 1, stopped, other);
    assert.deepStrictEqual([inThread.jobs, worker.texts.length], [0, 2]);
    // A new version is validated here.
    await v.start(uri, 2, model(TEXT), DEFAULT_SETTINGS);
    assert.deepStrictEqual([inThread.jobs, worker.texts.length], [1, 2]);
  });

  it("shares one validation between the requests for the same version, settings and parse", () => {
    const inThread = fakeInThread();
    const v = validations();
    v.configure({ inThread: inThread.run, offThread: fakeWorker() });
    const parsed = model(TEXT);
    const first = v.start("file:///a/Dockerfile", 1, parsed, DEFAULT_SETTINGS);
    assert.strictEqual(v.start("file:///a/Dockerfile", 1, parsed, DEFAULT_SETTINGS), first);
    const other: StagecraftSettings = { ...DEFAULT_SETTINGS, syntax: { instructionJSONInSingleQuotes: "off" } };
    assert.notStrictEqual(v.start("file:///a/Dockerfile", 1, parsed, other), first);
    assert.strictEqual(inThread.jobs, 2);
  });

  it("uses the worker alone with a budget of 0", async () => {
    const inThread = fakeInThread();
    const worker = fakeWorker();
    const v = validations();
    v.configure({ inThread: inThread.run, offThread: worker, inThreadBudgetMs: 0 });
    await v.start("file:///a/Dockerfile", 1, model(TEXT), DEFAULT_SETTINGS);
    assert.deepStrictEqual([inThread.jobs, worker.texts.length], [0, 1]);
  });

  it("leaves validation to the engine with no budget of any kind, and runs nothing with the checks off", () => {
    const v = validations();
    assert.strictEqual(v.start("file:///a/Dockerfile", 1, model(TEXT), DEFAULT_SETTINGS), undefined);
    const inThread = fakeInThread();
    v.configure({ inThread: inThread.run, offThread: fakeWorker() });
    assert.strictEqual(v.start("file:///a/Dockerfile", 1, model(TEXT), { ...DEFAULT_SETTINGS, syntaxValidation: false }), undefined);
    assert.strictEqual(inThread.jobs, 0);
  });
});
