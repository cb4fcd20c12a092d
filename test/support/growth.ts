// The growth exponent of a computation between an input of size n and one of 4n, for tests that
// guard against superlinear work: linear is 1 (x4), quadratic 2 (x16).
//
// Measured as the least CPU time of several runs, the two sizes interleaved so that a burst of load
// on the shared machine hits both alike. Garbage the suites before left (hundreds of parsed corpus
// models) is collected once before the runs, not before each: a collection just before a run
// shrinks the young generation, and the run then pays for growing it again, more on the small
// input than the large, which hides growth as well as it can invent it. A series whose exponent
// still comes out at the bar or above is measured again, up to three times: load on the machine
// comes and goes, while superlinear work shows in every series.

import { collectGarbage } from "./collect-garbage";

export function cpuMs(f: () => void): number {
  const start = process.cpuUsage();
  f();
  const used = process.cpuUsage(start);
  return (used.user + used.system) / 1000;
}

export interface Growth {
  ratio: number;
  exponent: number;
}

/**
 * How much longer `timed` takes on `large` than on `small`, `large` being four times `small`. What
 * `prepare` makes of an input before each run (a fresh parse, when the timed code keeps results per
 * model) is not timed.
 */
export function growthOf<T, U = T>(
  small: T,
  large: T,
  timed: (prepared: U) => void,
  { prepare = (input: T) => input as unknown as U, runs = 7, bar = 1.5 }: { prepare?: (input: T) => U; runs?: number; bar?: number } = {},
): Growth {
  const measure = (input: T): number => {
    const prepared = prepare(input);
    return cpuMs(() => timed(prepared));
  };
  let best: Growth = { ratio: Infinity, exponent: Infinity };
  for (let series = 0; series < 3 && best.exponent >= bar; series++) {
    collectGarbage();
    measure(small);
    let [bestSmall, bestLarge] = [Infinity, Infinity];
    for (let run = 0; run < runs; run++) {
      bestSmall = Math.min(bestSmall, measure(small));
      bestLarge = Math.min(bestLarge, measure(large));
    }
    const ratio = bestLarge / Math.max(bestSmall, 0.05);
    const exponent = Math.log(ratio) / Math.log(4);
    if (exponent < best.exponent) best = { ratio, exponent };
  }
  return best;
}
