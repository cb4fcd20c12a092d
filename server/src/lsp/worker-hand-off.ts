// Which documents' budgeted work (validation, the bundled service's requests) the host's worker
// does instead of the server thread: those whose work overran the thread's short budget, until the
// worker does some of it in under half that budget (the overrun was then a busy machine's or code
// not yet compiled, not the file's). Shared by syntax-validations.ts and language-service.ts, so
// the way there and the way back are the same for both.

export class WorkerHandOff {
  private readonly documents = new Set<string>();

  /** `budgetMs`: the server thread's budget, read when the worker's time is judged. */
  constructor(private readonly budgetMs: () => number) {}

  /** Under half the thread's budget: what the worker must take for a document to come back. */
  get quickMs(): number {
    return this.budgetMs() / 2;
  }

  /** True while the worker does `uri`'s work. */
  has(uri: string): boolean {
    return this.documents.has(uri);
  }

  /** `uri`'s work overran the thread's budget: the worker does it from now on. */
  overran(uri: string): void {
    this.documents.add(uri);
  }

  /** The worker did some of `uri`'s work in `ms`: quick enough, and it returns to the thread. */
  workerTook(uri: string, ms: number): void {
    if (ms < this.quickMs) this.documents.delete(uri);
  }

  /** The document closed: it starts afresh on the thread. */
  forget(uri: string): void {
    this.documents.delete(uri);
  }
}
