// The budgeted validator with fake worker scripts: a hanging validation is abandoned on budget,
// the texts queued behind it still answer, the worker restarts and validates again, and the
// caller's thread stays free meanwhile.

import * as assert from "assert";
import { mkdtempSync, rmSync, writeFileSync } from "fs";
import { tmpdir } from "os";
import { join } from "path";
import { BudgetedValidator } from "../../../server/src/host/budgeted-validator";
import { nodeWorkers } from "../../../server/src/host/node-worker";
import type { SyntaxResult } from "../../../server/src/engine";

/** Answers an empty problem list whose `ms` echoes the text's length; hangs on HANG, exits on EXIT. */
const FAKE_WORKER = `
const { parentPort } = require("node:worker_threads");
parentPort.on("message", ({ id, job }) => {
  if (job.text.includes("HANG")) for (;;) {}
  if (job.text.includes("EXIT")) process.exit(3);
  parentPort.postMessage({ id, value: { ok: true, value: [], ms: job.text.length } });
});
parentPort.postMessage({ ready: true });
`;

/** Never says it is ready. */
const SILENT_WORKER = `require("node:worker_threads").parentPort.on("message", () => {});`;

describe("host: budgeted validator", function () {
  this.timeout(20000);
  const dir = mkdtempSync(join(tmpdir(), "stagecraft-budget-"));
  const fake = join(dir, "fake-worker.js");
  const silent = join(dir, "silent-worker.js");
  writeFileSync(fake, FAKE_WORKER);
  writeFileSync(silent, SILENT_WORKER);
  const validators: BudgetedValidator[] = [];
  const validator = (script: string, budgetMs: number, startBudgetMs?: number) => {
    const created = new BudgetedValidator({ start: nodeWorkers(script), budgetMs, startBudgetMs });
    validators.push(created);
    return created;
  };
  after(async () => {
    await Promise.all(validators.map((v) => v.dispose()));
    rmSync(dir, { recursive: true, force: true });
  });

  const timed = async (run: Promise<SyntaxResult>) => {
    const started = Date.now();
    const result = await run;
    return { result, elapsed: Date.now() - started };
  };

  it("answers through the worker", async () => {
    const v = validator(fake, 1000);
    assert.deepStrictEqual(await v.validate("FROM alpine\n", {}), { ok: true, value: [], ms: 12 });
    assert.deepStrictEqual(await v.validate("FROM a\n", {}), { ok: true, value: [], ms: 7 });
    assert.strictEqual(v.worker.starts, 1);
  });

  it("abandons a validation over budget, restarts the worker and validates the next text", async () => {
    const v = validator(fake, 300);
    await v.validate("warm up", {});
    const { result, elapsed } = await timed(v.validate("HANG", {}));
    assert.strictEqual(result.ok, false);
    assert.match(!result.ok ? result.reason : "", /exceeded its 300 ms budget after \d+ ms: abandoned, the worker restarted/);
    // Date.now() counts whole milliseconds and a timer may fire a fraction early by it (299 ms seen).
    assert.ok(elapsed >= 295 && elapsed < 1500, `abandoned after ${elapsed} ms`);
    assert.deepStrictEqual(await v.validate("after", {}), { ok: true, value: [], ms: 5 });
    assert.strictEqual(v.worker.starts, 2);
  });

  it("answers texts queued behind a hanging one once it is abandoned, and keeps the caller's thread free", async () => {
    const v = validator(fake, 400);
    await v.validate("warm up", {});
    let ticks = 0;
    const ticker = setInterval(() => ticks++, 20);
    const started = Date.now();
    const hanging = v.validate("HANG", {});
    const [other, third] = await Promise.all([timed(v.validate("other", {})), timed(v.validate("third", {}))]);
    clearInterval(ticker);
    assert.strictEqual((await hanging).ok, false);
    assert.deepStrictEqual(other.result, { ok: true, value: [], ms: 5 });
    assert.deepStrictEqual(third.result, { ok: true, value: [], ms: 5 });
    // Within the hanging text's budget plus a worker start, not stuck behind it.
    assert.ok(Date.now() - started < 400 + 1500, `queued texts answered after ${other.elapsed} and ${third.elapsed} ms`);
    // The thread ran its timers all along (every 20 ms for at least the 400 ms budget).
    assert.ok(ticks >= 10, `only ${ticks} timer ticks while the worker hung`);
  });

  it("sends a text that arrives while another hangs to a spare worker, not behind the hang", async () => {
    const v = validator(fake, 4000);
    await v.validate("warm up", {});
    let hangSettled = false;
    const hanging = v.validate("HANG", {}).then((r) => ((hangSettled = true), r));
    // Past the time any normal validation takes (STUCK_AFTER_MS), the hang is recognised.
    await new Promise((resolve) => setTimeout(resolve, 400));
    const other = await v.validate("other", {});
    assert.deepStrictEqual(other, { ok: true, value: [], ms: 5 });
    assert.strictEqual(hangSettled, false, "the other text waited for the hanging one");
    assert.strictEqual(v.worker.size, 2);
    assert.strictEqual((await hanging).ok, false);
    // The pool grows no further: two workers at most.
    assert.deepStrictEqual(await v.validate("again", {}), { ok: true, value: [], ms: 5 });
    assert.strictEqual(v.worker.size, 2);
  });

  it("does not run a job nobody waits for any more when its turn comes", async () => {
    const v = validator(fake, 300);
    await v.validate("warm up", {});
    let stale = false;
    const hanging = v.validate("HANG", {});
    const dropped = v.worker.run({ kind: "validate", text: "dropped", settings: {} }, () => stale);
    stale = true;
    assert.deepStrictEqual(await dropped, { ok: false, reason: "no longer needed", ms: 0 });
    assert.strictEqual((await hanging).ok, false);
    // Nothing was left to run after the hang: no worker was started for the dropped job.
    assert.strictEqual(v.worker.starts, 1);
  });

  it("reports a worker that exits mid-validation and starts a new one", async () => {
    const v = validator(fake, 1000);
    const result = await v.validate("EXIT", {});
    assert.deepStrictEqual(result.ok ? "" : result.reason, "the validation worker exited with code 3");
    assert.deepStrictEqual(await v.validate("again", {}), { ok: true, value: [], ms: 5 });
    assert.strictEqual(v.worker.starts, 2);
  });

  it("gives up on a worker that never starts, with a reason for every waiting text", async () => {
    const v = validator(silent, 1000, 300);
    const results = await Promise.all([v.validate("a", {}), v.validate("b", {})]);
    assert.deepStrictEqual(
      results.map((r) => (r.ok ? "ok" : r.reason)),
      ["the validation worker did not start within 300 ms", "the validation worker did not start within 300 ms"],
    );
  });

  it("reports a worker that cannot be made (a policy forbids it) like one that failed, and tries again for the next text", async () => {
    let attempts = 0;
    const v = new BudgetedValidator({
      start: () => {
        attempts++;
        throw new Error("SecurityError: workers are not allowed here");
      },
      budgetMs: 1000,
    });
    validators.push(v);
    const result = await v.validate("a", {});
    assert.deepStrictEqual(result.ok ? "" : result.reason, "the validation worker failed: SecurityError: workers are not allowed here");
    assert.strictEqual((await v.validate("b", {})).ok, false);
    assert.strictEqual(attempts, 2);
  });

  it("reports a missing worker script instead of throwing", async () => {
    const v = validator(join(dir, "missing.js"), 1000);
    const result = await v.validate("a", {});
    assert.strictEqual(result.ok, false);
    assert.match(result.ok ? "" : result.reason, /^the validation worker (failed|exited)/);
  });
});
