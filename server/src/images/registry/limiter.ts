// At most N registry requests in flight across all hovers: fast typing over many FROM lines must
// not open dozens of connections to one registry.

export class Limiter {
  private running = 0;
  private readonly waiting: (() => void)[] = [];

  constructor(private readonly maxInFlight: number) {}

  /** Runs `task` when a slot is free; the slot is released however the task ends. */
  async run<T>(task: () => Promise<T>): Promise<T> {
    if (this.running >= this.maxInFlight) await new Promise<void>((resolve) => this.waiting.push(resolve));
    this.running++;
    try {
      return await task();
    } finally {
      this.running--;
      this.waiting.shift()?.();
    }
  }

  /** Requests running now (for tests and benchmarks). */
  get inFlight(): number {
    return this.running;
  }
}
