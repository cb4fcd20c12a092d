// Facts a few instructions of a stage change and many ask about (the USER, the WORKDIR or the
// SHELL in effect): one walk per stage and model records each change with the ordinal of the
// instruction that made it, and a binary search answers "in effect just before this instruction".
// A stage starts from what the stage it is built on ends with. Walking the lineage for each
// question made a rule that asks at every instruction quadratic in the length of the file.

import { perModel } from "./per-model";
import type { DockerfileModel, Instruction, Stage } from "./types";

/** A fact through one stage: its value on entering the stage, then each change in instruction order. */
export interface Timeline<T> {
  readonly initial: T;
  readonly changes: readonly { readonly ordinal: number; readonly value: T }[];
}

/** The value in effect just before `before` (by its place in the file), or at the end of the stage when omitted. */
export function valueBefore<T>(timeline: Timeline<T>, before?: Instruction): T {
  const { changes } = timeline;
  let low = 0;
  let high = changes.length;
  if (before !== undefined) {
    while (low < high) {
      const middle = (low + high) >> 1;
      if (changes[middle].ordinal < before.ordinal) low = middle + 1;
      else high = middle;
    }
  }
  return high > 0 ? changes[high - 1].value : timeline.initial;
}

/**
 * `read` run once per stage and model, in the order stages build on each other: it gets what the
 * stage's base stage read (null when the stage starts from an image or scratch).
 */
export function perStage<F>(read: (model: DockerfileModel, stage: Stage, base: F | null) => F): (model: DockerfileModel, stage: Stage) => F {
  const known = perModel(() => new Map<Stage, F>());
  return (model, stage) => readForward(known(model), stage, (s, base) => read(model, s, base));
}

/** `perStage` for a fact of the instructions alone (the USER, the SHELL), which needs no model. */
export function perStageAlone<F>(read: (stage: Stage, base: F | null) => F): (stage: Stage) => F {
  const known = new WeakMap<Stage, F>();
  return (stage) => readForward(known, stage, read);
}

/**
 * The last instruction with `keyword` and arguments (a USER, a SHELL) in a stage and the stages it
 * builds on, as `valueOf` reads it; null before the first.
 */
export function lastOfKeyword<T>(keyword: string, valueOf: (instruction: Instruction) => T): (stage: Stage) => Timeline<T | null> {
  return perStageAlone((stage, base: Timeline<T | null> | null) => ({
    initial: base !== null ? valueBefore(base) : null,
    changes: stage.instructions.filter((i) => i.keyword === keyword && i.args.length > 0).map((i) => ({ ordinal: i.ordinal, value: valueOf(i) })),
  }));
}

/**
 * What `read` makes of `stage`, reading the stages it builds on first: from the nearest one
 * already read (in `done`, where each is kept), forward, so that a chain of thousands of stages
 * does not recurse.
 */
export function readForward<F>(done: WeakMap<Stage, F> | Map<Stage, F>, stage: Stage, read: (stage: Stage, base: F | null) => F): F {
  const pending: Stage[] = [];
  const seen = new Set<Stage>();
  let current: Stage | null = stage;
  while (current !== null && !done.has(current) && !seen.has(current)) {
    pending.push(current);
    seen.add(current);
    current = current.base.stage;
  }
  let base = current !== null && done.has(current) ? (done.get(current) as F) : null;
  for (let i = pending.length - 1; i >= 0; i--) {
    base = read(pending[i], base);
    done.set(pending[i], base);
  }
  return done.get(stage) as F;
}

/**
 * Where `instruction` sits in `stage.instructions`, or -1 when it is not one of them (an ONBUILD's
 * trigger, an instruction of another stage). A stage's instructions are numbered in a row, so the
 * ordinal gives the place; a model numbered otherwise is searched.
 */
export function indexInStage(stage: Stage, instruction: Instruction): number {
  const body = stage.instructions;
  if (body.length === 0) return -1;
  const at = instruction.ordinal - body[0].ordinal;
  if (at >= 0 && at < body.length && body[at] === instruction) return at;
  const isNumberedInARow = body[body.length - 1].ordinal - body[0].ordinal === body.length - 1;
  return isNumberedInARow ? -1 : body.indexOf(instruction);
}
