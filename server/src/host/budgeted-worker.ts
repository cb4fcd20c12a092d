// Third-party analysis off the server thread, under a time budget (issue #15): one worker runs
// one job at a time; a job over budget is abandoned by terminating the worker, which starts afresh
// for the next job. The caller gets a reason instead of a value and keeps everything else. The
// validator (budgeted-validator.ts) and dockerfile-language-service's requests (budgeted-service.ts)
// each have a worker of their own, so a hover never waits for a validation. The policy is the same
// on both platforms; only starting a worker differs (`StartWorker`: node-worker.ts, dom-worker.ts).

import type { StartWorker, WorkerData, WorkerHandle, WorkerJob, WorkerMessage, WorkerRequest } from "./worker-jobs";

/** Longest a new worker may take to load its bundle (the budget of a job starts after). */
export const WORKER_START_BUDGET_MS = 10000;

/** What a job came to: its value, or why there is none (`overBudget` when it was abandoned for time). */
export type WorkerOutcome<T> = { ok: true; value: T; ms: number } | { ok: false; reason: string; ms: number; overBudget?: true };

export interface BudgetedWorkerOptions {
  /** Starts a worker on the worker script (Node: node-worker.ts; browser: dom-worker.ts). */
  start: StartWorker;
  /** Longest a job may run before it is abandoned. */
  budgetMs: number;
  /** What the jobs do, in words, for the reasons given (`validation`, `dockerfile-language-service request`). */
  what: string;
  startBudgetMs?: number;
  /** Given to each worker (the client's capabilities for the service). */
  workerData?: WorkerData;
  /** Where the worker's own log lines go. */
  log?: (message: string) => void;
}

interface Job {
  request: WorkerRequest;
  /** Asked when the job's turn comes: a job nobody waits for any more is not run. */
  isStale: () => boolean;
  resolve: (outcome: WorkerOutcome<unknown>) => void;
}

export class BudgetedWorker {
  readonly budgetMs: number;
  private readonly options: BudgetedWorkerOptions;
  private readonly startBudgetMs: number;
  private worker: WorkerHandle | null = null;
  private ready = false;
  private readonly queue: Job[] = [];
  private running: { job: Job; started: number; timer: ReturnType<typeof setTimeout> } | null = null;
  private startTimer: ReturnType<typeof setTimeout> | undefined;
  private nextId = 1;
  /** Workers started so far (the first one included); tests read it to see a restart. */
  starts = 0;

  constructor(options: BudgetedWorkerOptions) {
    this.options = options;
    this.budgetMs = options.budgetMs;
    this.startBudgetMs = options.startBudgetMs ?? WORKER_START_BUDGET_MS;
  }

  /** Runs `job` in the worker once the jobs before it are done. Never rejects. */
  run<T>(job: WorkerJob, isStale: () => boolean = () => false): Promise<WorkerOutcome<T>> {
    return new Promise((resolve) => {
      this.queue.push({ request: { id: this.nextId++, job }, isStale, resolve: resolve as Job["resolve"] });
      this.next();
    });
  }

  /** Jobs running or waiting here. */
  get load(): number {
    return this.queue.length + (this.running ? 1 : 0);
  }

  /** How long the running job has been running (ms), or null when none runs. */
  runningFor(now = Date.now()): number | null {
    return this.running ? now - this.running.started : null;
  }

  /** Starts the worker ahead of its first job, so that job does not wait for the bundle to load. */
  warm(): void {
    this.ensureWorker();
  }

  /** Stops the worker; queued and running jobs answer with a reason. */
  async dispose(): Promise<void> {
    const worker = this.worker;
    const reason = `the ${this.options.what} worker was stopped`;
    this.stopWorker();
    this.fail(reason);
    for (const job of this.queue.splice(0)) job.resolve({ ok: false, reason, ms: 0 });
    await worker?.terminate();
  }

  private next(): void {
    while (!this.running && this.queue.length > 0) {
      if (this.queue[0].isStale()) {
        this.queue.shift()!.resolve({ ok: false, reason: "no longer needed", ms: 0 });
        continue;
      }
      const worker = this.ensureWorker();
      if (!this.ready) return;
      const job = this.queue.shift()!;
      const timer = setTimeout(() => this.abandon(), this.budgetMs);
      this.running = { job, started: Date.now(), timer };
      worker.post(job.request);
    }
  }

  private ensureWorker(): WorkerHandle {
    if (this.worker) return this.worker;
    const what = this.options.what;
    // Events of a worker that was since stopped or replaced are not this worker's.
    let worker: WorkerHandle | null = null;
    const events = {
      message: (message: WorkerMessage) => {
        if (this.worker !== worker) return;
        if ("ready" in message) {
          clearTimeout(this.startTimer);
          this.ready = true;
          this.next();
        } else if ("log" in message) {
          this.options.log?.(message.log);
        } else if (this.running?.job.request.id === message.id) {
          this.finish((ms) => ("error" in message ? { ok: false, reason: message.error, ms } : { ok: true, value: message.value, ms }));
        }
      },
      lost: (reason: string) => {
        if (worker) this.workerLost(worker, `the ${what} worker ${reason}`);
      },
    };
    try {
      worker = this.options.start(this.options.workerData ?? {}, events);
    } catch (error) {
      // Where no worker can be made (a policy forbids it): told like a worker that failed to load.
      const reason = `failed: ${error instanceof Error ? error.message : String(error)}`;
      worker = { post: () => undefined, terminate: () => undefined };
      setTimeout(() => events.lost(reason), 0);
    }
    this.worker = worker;
    this.ready = false;
    this.starts++;
    this.startTimer = setTimeout(() => this.startFailed(`the ${what} worker did not start within ${this.startBudgetMs} ms`), this.startBudgetMs);
    return worker;
  }

  /** Over budget: the worker cannot be interrupted, only terminated; the next job gets a new one. */
  private abandon(): void {
    if (!this.running) return;
    const ms = Date.now() - this.running.started;
    this.stopWorker();
    this.fail(`${this.options.what} exceeded its ${this.budgetMs} ms budget after ${ms} ms: abandoned, the worker restarted`, true);
    this.next();
  }

  private startFailed(reason: string): void {
    this.stopWorker();
    // Nothing ran: every waiting job is told why, rather than starting worker after worker.
    for (const job of this.queue.splice(0)) job.resolve({ ok: false, reason, ms: 0 });
  }

  private workerLost(worker: WorkerHandle, reason: string): void {
    if (this.worker !== worker) return;
    const wasReady = this.ready;
    this.stopWorker();
    if (!wasReady) return this.startFailed(reason);
    this.fail(reason);
    this.next();
  }

  /** The running job answered: it gets the outcome and the next job starts. */
  private finish(outcome: (ms: number) => WorkerOutcome<unknown>): void {
    this.settle(outcome);
    this.next();
  }

  /** The running job gets `reason` instead of a value; the caller starts what comes next. */
  private fail(reason: string, overBudget = false): void {
    this.settle((ms) => (overBudget ? { ok: false, reason, ms, overBudget } : { ok: false, reason, ms }));
  }

  /** Ends the running job (if any) with the outcome made from the time it ran. */
  private settle(outcome: (ms: number) => WorkerOutcome<unknown>): void {
    const running = this.running;
    if (!running) return;
    clearTimeout(running.timer);
    this.running = null;
    running.job.resolve(outcome(Date.now() - running.started));
  }

  private stopWorker(): void {
    clearTimeout(this.startTimer);
    const worker = this.worker;
    this.worker = null;
    this.ready = false;
    void worker?.terminate();
  }
}
