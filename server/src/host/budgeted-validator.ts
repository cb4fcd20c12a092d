// dockerfile-utils validation off the server thread, under a time budget (issue #15): one worker
// thread validates one text at a time; a run over budget is abandoned by terminating the worker,
// which starts afresh for the next text. The caller gets a reason instead of problems and keeps
// Stagecraft's own findings. The browser server has no such worker and validates in-thread, behind
// the guards of lint/syntax-validation.ts alone.

import { Worker } from "node:worker_threads";
import type { ValidatorSettings } from "dockerfile-utils";
import type { OffThreadValidator, ParsedFroms, SyntaxResult } from "../engine";

/** Longest a validation may take before it is abandoned; the slowest corpus file takes ~100 ms. */
export const SYNTAX_BUDGET_MS = 2000;
/** Longest a new worker may take to load its bundle (the budget of a validation starts after). */
export const WORKER_START_BUDGET_MS = 10000;

/** Server thread -> worker. */
export interface SyntaxRequest {
  id: number;
  text: string;
  settings: ValidatorSettings;
  parsed?: ParsedFroms;
}

/** Worker -> server thread: the answer to request `id`. The worker also posts `{ ready: true }` once loaded. */
export interface SyntaxResponse {
  id: number;
  result: SyntaxResult;
}

interface Job {
  request: SyntaxRequest;
  resolve: (result: SyntaxResult) => void;
}

export interface BudgetedValidatorOptions {
  /** The worker script (dist/server/syntax-worker.js beside the server bundle). */
  script: string;
  budgetMs?: number;
  startBudgetMs?: number;
}

export class BudgetedValidator implements OffThreadValidator {
  private readonly script: string;
  private readonly budgetMs: number;
  private readonly startBudgetMs: number;
  private worker: Worker | null = null;
  private ready = false;
  private readonly queue: Job[] = [];
  private running: { job: Job; started: number; timer: ReturnType<typeof setTimeout> } | null = null;
  private startTimer: ReturnType<typeof setTimeout> | undefined;
  private nextId = 1;
  /** Workers started so far (the first one included); tests read it to see a restart. */
  starts = 0;

  constructor(options: BudgetedValidatorOptions) {
    this.script = options.script;
    this.budgetMs = options.budgetMs ?? SYNTAX_BUDGET_MS;
    this.startBudgetMs = options.startBudgetMs ?? WORKER_START_BUDGET_MS;
  }

  validate(text: string, settings: ValidatorSettings, parsed?: ParsedFroms): Promise<SyntaxResult> {
    return new Promise((resolve) => {
      this.queue.push({ request: { id: this.nextId++, text, settings, parsed }, resolve });
      this.next();
    });
  }

  /** Stops the worker; queued and running validations answer with a reason. */
  async dispose(): Promise<void> {
    const worker = this.worker;
    this.stopWorker();
    this.fail("the validation worker was stopped");
    for (const job of this.queue.splice(0)) job.resolve({ ok: false, reason: "the validation worker was stopped", ms: 0 });
    await worker?.terminate();
  }

  private next(): void {
    if (this.running || this.queue.length === 0) return;
    const worker = this.ensureWorker();
    if (!this.ready) return;
    const job = this.queue.shift()!;
    const timer = setTimeout(() => this.abandon(), this.budgetMs);
    this.running = { job, started: Date.now(), timer };
    worker.postMessage(job.request);
  }

  private ensureWorker(): Worker {
    if (this.worker) return this.worker;
    const worker = new Worker(this.script);
    this.worker = worker;
    this.ready = false;
    this.starts++;
    // A worker never keeps the server process alive on its own.
    worker.unref();
    this.startTimer = setTimeout(() => this.startFailed(`the validation worker did not start within ${this.startBudgetMs} ms`), this.startBudgetMs);
    worker.on("message", (message: SyntaxResponse | { ready: true }) => {
      if (this.worker !== worker) return;
      if ("ready" in message) {
        clearTimeout(this.startTimer);
        this.ready = true;
        this.next();
      } else if (this.running?.job.request.id === message.id) {
        this.finish(message.result);
      }
    });
    worker.on("error", (error) => this.workerLost(worker, `the validation worker failed: ${error.message}`));
    worker.on("exit", (code) => this.workerLost(worker, `the validation worker exited with code ${code}`));
    return worker;
  }

  /** Over budget: the worker cannot be interrupted, only terminated; the next text gets a new one. */
  private abandon(): void {
    if (!this.running) return;
    const ms = Date.now() - this.running.started;
    this.stopWorker();
    this.fail(`validation exceeded its ${this.budgetMs} ms budget after ${ms} ms: abandoned, the worker restarted`);
    this.next();
  }

  private startFailed(reason: string): void {
    this.stopWorker();
    // Nothing ran: every waiting text is told why, rather than starting worker after worker.
    for (const job of this.queue.splice(0)) job.resolve({ ok: false, reason, ms: 0 });
  }

  private workerLost(worker: Worker, reason: string): void {
    if (this.worker !== worker) return;
    const wasReady = this.ready;
    this.stopWorker();
    if (!wasReady) return this.startFailed(reason);
    this.fail(reason);
    this.next();
  }

  private finish(result: SyntaxResult): void {
    const running = this.running;
    if (!running) return;
    clearTimeout(running.timer);
    this.running = null;
    running.job.resolve(result);
    this.next();
  }

  private fail(reason: string): void {
    const running = this.running;
    if (!running) return;
    clearTimeout(running.timer);
    this.running = null;
    running.job.resolve({ ok: false, reason, ms: Date.now() - running.started });
  }

  private stopWorker(): void {
    clearTimeout(this.startTimer);
    const worker = this.worker;
    this.worker = null;
    this.ready = false;
    void worker?.terminate();
  }
}
