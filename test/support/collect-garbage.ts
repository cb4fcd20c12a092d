// A full garbage collection on demand, for timing tests: what earlier tests (or the untimed set-up
// of this one) left behind is collected before the timed part, so that a collection the timed code
// did not cause is not charged to it. Mocha runs without --expose-gc; V8 lets the flag be set at
// run time, and a new context then has `gc`.

import { setFlagsFromString } from "v8";
import { runInNewContext } from "vm";

let gc: (() => void) | undefined;

export function collectGarbage(): void {
  if (gc === undefined) {
    setFlagsFromString("--expose-gc");
    gc = runInNewContext("gc") as () => void;
  }
  gc();
}
