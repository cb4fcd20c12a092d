// Whether the language server may read build contexts with blocking calls. On a local disk a folder
// listing or a small file takes tens of microseconds when blocking, while each asynchronous call
// waits for a trip through libuv's thread pool, and opening a Dockerfile waits for its context:
// measured on the real projects of the lint corpus, a context read blocking takes about half the
// time (median 4 ms against 8-10). A slow disk (a network share, a disk spun down) would stall
// every request meanwhile, so the first call slower than the limit turns blocking calls off for
// good: that call is the only one that holds the server.

import { performance } from "node:perf_hooks";

/** A blocking file-system call slower than this turns blocking calls off. */
export const SLOW_DISK_CALL_MS = 20;

export class QuickDisk {
  private slowCallMs: number | null = null;

  /** `onSlow` is told once, with the call's time, when blocking calls are turned off. */
  constructor(
    private readonly limitMs = SLOW_DISK_CALL_MS,
    private readonly onSlow?: (ms: number) => void,
  ) {}

  /** True until a blocking call took longer than the limit. */
  get quick(): boolean {
    return this.slowCallMs === null;
  }

  /** Runs the blocking `call`, timed: over the limit, later reads use asynchronous calls. */
  timed<T>(call: () => T): T {
    const started = performance.now();
    try {
      return call();
    } finally {
      const ms = performance.now() - started;
      if (ms > this.limitMs && this.slowCallMs === null) {
        this.slowCallMs = ms;
        this.onSlow?.(ms);
      }
    }
  }
}
