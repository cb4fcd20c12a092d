// A synchronous job on the Node server's own thread under a hard time limit (issue #15's budgets
// without a worker's cost, issue #16). node:vm's timeout has V8 terminate whatever the job is
// running when the time is up, an endless loop or a backtracking regular expression included, so
// the thread is never held past the budget. It costs about 0.15 ms per call (a watchdog thread),
// against a worker's second parse of the text, its heap and its round trip.

import { createContext, Script } from "node:vm";
import type { RunWithinBudget } from "../lsp/run-within-budget";

/** The job of the running call: `callJob` calls it through a context of its own, the only way vm times a function. */
const sandbox = createContext({ job: null as (() => unknown) | null });
const callJob = new Script("job()");

/**
 * Runs `job` and answers its value, or why there is none: stopped at `budgetMs` (`overBudget`),
 * or the error it threw. A stopped job may leave what it was building half done: callers use
 * nothing it touched afterwards.
 */
export const runWithinBudget: RunWithinBudget = <T>(job: () => T, budgetMs: number) => {
  const started = Date.now();
  sandbox.job = job;
  try {
    const value = callJob.runInContext(sandbox, { timeout: Math.max(1, Math.ceil(budgetMs)) }) as T;
    return { ok: true, value, ms: Date.now() - started };
  } catch (error) {
    const ms = Date.now() - started;
    if ((error as { code?: unknown } | null)?.code === "ERR_SCRIPT_EXECUTION_TIMEOUT") {
      return { ok: false, reason: `exceeded its ${budgetMs} ms budget on the server thread`, ms, overBudget: true };
    }
    return { ok: false, reason: error instanceof Error ? `${error.name}: ${error.message}` : String(error), ms, overBudget: false };
  } finally {
    sandbox.job = null;
  }
};
