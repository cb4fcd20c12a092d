// A few budgeted workers for one kind of job, so that one job stuck until its budget runs out does
// not hold up the jobs of other documents (issue #15). Normally everything goes to the first
// worker, one job at a time, as before; a spare worker is started only when every worker is busy
// with a job that has already run longer than any normal one (`stuckAfterMs`), and it stays for
// the next such wait. A job that arrives before a stuck job looks stuck still waits behind it, at
// most the budget.

import { BudgetedWorker, type BudgetedWorkerOptions, type WorkerOutcome } from "./budgeted-worker";
import type { WorkerJob } from "./worker-jobs";

/** Longer than the slowest corpus file's request or validation on a loaded machine (`npm run bench:requests`). */
export const STUCK_AFTER_MS = 250;

export interface BudgetedPoolOptions extends BudgetedWorkerOptions {
  /** Most workers at once (the first included). */
  size?: number;
  stuckAfterMs?: number;
}

export class BudgetedPool {
  readonly budgetMs: number;
  private readonly options: BudgetedPoolOptions;
  private readonly workers: BudgetedWorker[];

  constructor(options: BudgetedPoolOptions) {
    this.options = options;
    this.budgetMs = options.budgetMs;
    this.workers = [new BudgetedWorker(options)];
  }

  /** Workers started so far, over the whole pool (tests read it to see a restart or a spare). */
  get starts(): number {
    return this.workers.reduce((n, w) => n + w.starts, 0);
  }

  /** How many workers the pool holds now. */
  get size(): number {
    return this.workers.length;
  }

  run<T>(job: WorkerJob, isStale?: () => boolean): Promise<WorkerOutcome<T>> {
    return this.pick().run<T>(job, isStale);
  }

  warm(): void {
    this.workers[0].warm();
  }

  async dispose(): Promise<void> {
    await Promise.all(this.workers.map((w) => w.dispose()));
  }

  /** An idle worker; else one whose job is not stuck (least loaded); else a new spare if allowed; else the least loaded. */
  private pick(): BudgetedWorker {
    const idle = this.workers.find((w) => w.load === 0);
    if (idle) return idle;
    const now = Date.now();
    const stuckAfter = this.options.stuckAfterMs ?? STUCK_AFTER_MS;
    const leastLoaded = (workers: BudgetedWorker[]) => workers.reduce((a, b) => (b.load < a.load ? b : a));
    const moving = this.workers.filter((w) => (w.runningFor(now) ?? 0) < stuckAfter);
    if (moving.length > 0) return leastLoaded(moving);
    if (this.workers.length < (this.options.size ?? 2)) {
      const spare = new BudgetedWorker(this.options);
      this.workers.push(spare);
      return spare;
    }
    return leastLoaded(this.workers);
  }
}
