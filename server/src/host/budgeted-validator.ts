// dockerfile-utils validation in the server's validation worker (Node: a worker thread; browser: a
// nested web worker), under a time budget (budgeted-worker.ts): a validation over budget answers a
// reason, and the document keeps Stagecraft's own findings. Where the browser cannot nest workers
// the server validates in-thread, behind the guards of lint/syntax-validation.ts alone.

import type { ValidatorSettings } from "dockerfile-utils";
import type { OffThreadValidator, ParsedFroms, SyntaxResult } from "../engine";
import { BudgetedPool } from "./budgeted-pool";
import type { StartWorker } from "./worker-jobs";

/** Longest a validation may take before it is abandoned; the slowest corpus file takes ~100 ms. */
export const SYNTAX_BUDGET_MS = 2000;

export interface BudgetedValidatorOptions {
  /** Starts a worker on the worker script (node-worker.ts, dom-worker.ts). */
  start: StartWorker;
  budgetMs?: number;
  startBudgetMs?: number;
}

export class BudgetedValidator implements OffThreadValidator {
  readonly worker: BudgetedPool;

  constructor(options: BudgetedValidatorOptions) {
    this.worker = new BudgetedPool({ ...options, budgetMs: options.budgetMs ?? SYNTAX_BUDGET_MS, what: "validation" });
  }

  async validate(text: string, settings: ValidatorSettings, parsed?: ParsedFroms): Promise<SyntaxResult> {
    const outcome = await this.worker.run<SyntaxResult>({ kind: "validate", text, settings, parsed });
    // The worker's own answer carries the validator's time; a failure here is the worker's.
    return outcome.ok ? outcome.value : outcome;
  }

  dispose(): Promise<void> {
    return this.worker.dispose();
  }
}
