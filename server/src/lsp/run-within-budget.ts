// The contract of a host that can stop a synchronous job on its own thread (Node: node:vm's
// timeout, host/within-budget.ts), for what runs third-party analysis under a budget there:
// syntax-validations.ts and language-service.ts.

/** A synchronous job's value, or why there is none (`overBudget`: it was stopped when its time was up). */
export type BudgetedRun<T> = { ok: true; value: T; ms: number } | { ok: false; reason: string; ms: number; overBudget: boolean };

/** Runs a synchronous job on the calling thread, stopped when it has run `budgetMs` (host/within-budget.ts). */
export type RunWithinBudget = <T>(job: () => T, budgetMs: number) => BudgetedRun<T>;
