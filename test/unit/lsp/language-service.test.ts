// Where the bundled service's requests run (lsp/language-service.ts): on the server thread under
// its budget; a request over it goes to the worker, and so do the document's later requests until
// the worker answers one quickly or the document closes; an answer still awaited after the
// synchronous part gets a deadline; a stale request does not run.

import * as assert from "assert";
import type { BudgetedMethod, OffThreadService } from "../../../server/src/lsp/language-service";
import { createCommodityService, IN_THREAD_ANSWER_DEADLINE_MS, settledInTime } from "../../../server/src/lsp/language-service";
import type { RunWithinBudget } from "../../../server/src/lsp/run-within-budget";

const TEXT = "FROM alpine:3.20\nMAINTAINER someone\n";
const POSITION = { line: 1, character: 2 };
const BUDGET_MS = 40;

/** Runs jobs, or, per `mode`, reports them over budget unrun, or answers a promise that never settles. */
function fakeInThread(): { run: RunWithinBudget; jobs: number; mode: "run" | "overrun" | "never-settles" } {
  const fake: { run: RunWithinBudget; jobs: number; mode: "run" | "overrun" | "never-settles" } = {
    jobs: 0,
    mode: "run",
    run: ((job, budgetMs) => {
      if (fake.mode === "overrun") return { ok: false, reason: `exceeded its ${budgetMs} ms budget on the server thread`, ms: budgetMs, overBudget: true };
      fake.jobs++;
      return { ok: true, value: fake.mode === "never-settles" ? new Promise(() => undefined) : job(), ms: 0 };
    }) as RunWithinBudget,
  };
  return fake;
}

/** A worker that answers every request with `answer` after `ms`, and counts them. */
function fakeWorker(answer: unknown, ms = 0): OffThreadService & { requests: BudgetedMethod[] } {
  const requests: BudgetedMethod[] = [];
  return {
    requests,
    run: (_document, method) => (requests.push(method), new Promise((resolve) => setTimeout(() => resolve({ ok: true, value: answer as never }), ms))),
    forget: () => undefined,
  };
}

describe("lsp: the bundled service's requests", function () {
  this.timeout(20000);
  const logs: string[] = [];
  beforeEach(() => (logs.length = 0));
  const make = (inThread: ReturnType<typeof fakeInThread>, worker: OffThreadService) =>
    createCommodityService({}, () => undefined, worker, { run: inThread.run, budgetMs: BUDGET_MS, logError: (m) => logs.push(m) });

  it("answers on the server thread, without the worker", async () => {
    const inThread = fakeInThread();
    const worker = fakeWorker("from the worker");
    const hover = await make(inThread, worker).on({ uri: "file:///a", version: 1 }).computeHover(TEXT, POSITION);
    assert.match(JSON.stringify(hover), /MAINTAINER/);
    assert.strictEqual(inThread.jobs, 1);
    assert.deepStrictEqual(worker.requests, []);
  });

  it("sends a document to the worker once a request overran, says so once, and takes it back when the worker is quick", async () => {
    const inThread = fakeInThread();
    const slowWorker = fakeWorker({ contents: "from the worker" }, BUDGET_MS);
    const service = make(inThread, slowWorker);
    const document = { uri: "file:///slow", version: 1 };
    inThread.mode = "overrun";
    assert.deepStrictEqual(await service.on(document).computeHover(TEXT, POSITION), { contents: "from the worker" });
    inThread.mode = "run";
    // The worker took the whole budget, not under half: the document stays with it.
    assert.deepStrictEqual(await service.on(document).computeHover(TEXT, POSITION), { contents: "from the worker" });
    assert.strictEqual(inThread.jobs, 0);
    assert.strictEqual(logs.length, 1, logs.join("\n"));
    assert.match(logs[0], /computeHover on file:\/\/\/slow \(version 1\) exceeded its 40 ms budget on the server thread; the request worker answers/);
    // Another document still answers on the thread.
    await service.on({ uri: "file:///other", version: 1 }).computeHover(TEXT, POSITION);
    assert.strictEqual(inThread.jobs, 1);

    const quickWorker = fakeWorker({ contents: "quick" }, 0);
    const quick = make(inThread, quickWorker);
    inThread.mode = "overrun";
    await quick.on(document).computeHover(TEXT, POSITION);
    inThread.mode = "run";
    // The worker answered at once: the next request is the thread's again.
    assert.match(JSON.stringify(await quick.on(document).computeHover(TEXT, POSITION)), /MAINTAINER/);
    assert.deepStrictEqual(quickWorker.requests, ["computeHover"]);
  });

  it("does not run a request nobody waits for", async () => {
    const inThread = fakeInThread();
    const hover = await make(inThread, fakeWorker(null))
      .on({ uri: "file:///a", version: 1, isStale: () => true })
      .computeHover(TEXT, POSITION);
    assert.strictEqual(hover, null);
    assert.strictEqual(inThread.jobs, 0);
  });

  it("answers empty when an awaited answer does not come within the deadline", async () => {
    const inThread = fakeInThread();
    inThread.mode = "never-settles";
    const started = Date.now();
    const items = await make(inThread, fakeWorker([])).on({ uri: "file:///a", version: 1 }).computeCompletionItems(TEXT, POSITION);
    assert.deepStrictEqual(items, []);
    assert.ok(Date.now() - started >= IN_THREAD_ANSWER_DEADLINE_MS - 5, `answered after ${Date.now() - started} ms`);
  });

  it("settles a value at once, a rejection as empty, a late promise as empty at the deadline", async () => {
    assert.strictEqual(await settledInTime(3, 0, 10), 3);
    assert.strictEqual(await settledInTime(Promise.resolve(3), 0, 10), 3);
    assert.strictEqual(await settledInTime(Promise.reject(new Error("no registry")), 0, 10), 0);
    assert.strictEqual(await settledInTime(new Promise<number>((resolve) => setTimeout(() => resolve(3), 200)), 0, 10), 0);
  });
});
