// Views of the stage references rules judge: references that take part in this build (ONBUILD
// triggers resolve in a downstream build), references written before any FROM, and name matching
// for "did you mean" suggestions.

import { unquoteWord } from "./copy-paths";
import type { DockerfileModel, Instruction, Stage, StageReference, Token } from "./types";
import { hasVariableReference, substituteVariables, VariableScope } from "./variables";

/**
 * True for a reference inside an `ONBUILD` trigger: it runs in the build of an image based on this
 * one, where `--from` names that build's stages, so it says nothing about this file's stages.
 */
export function isTriggerReference(ref: StageReference): boolean {
  if (ref.kind === "from" || ref.owner.from === ref.instruction) return false;
  // A stage's instructions follow its FROM in file order, so the ordinal finds the slot at once;
  // only a trigger (which shares its ONBUILD's ordinal) falls through to the full search.
  const owner = ref.owner;
  if (owner.instructions[ref.instruction.ordinal - owner.from.ordinal - 1] === ref.instruction) return false;
  return !owner.instructions.includes(ref.instruction);
}

const buildReferenceLists = new WeakMap<object, { size: number; list: readonly StageReference[] }>();

/** References that take part in this build: ONBUILD triggers left out. Shared per model: do not mutate. */
export function buildReferences(model: DockerfileModel): readonly StageReference[] {
  const hit = buildReferenceLists.get(model.references);
  if (hit && hit.size === model.references.length) return hit.list;
  const list = Object.freeze(model.references.filter((ref) => !isTriggerReference(ref)));
  buildReferenceLists.set(model.references, { size: model.references.length, list });
  return list;
}

/** The stage of this file a `COPY --from` names (by name or index, build arguments resolved), or null for an image. */
export function copySourceStage(model: DockerfileModel, copy: Instruction): Stage | null {
  return buildReferences(model).find((r) => r.instruction === copy && r.kind === "copy")?.target ?? null;
}

/**
 * The stages of this file that `chain`'s `COPY --from` instructions copy from, outside `chain`
 * itself (an image's stage and the stages it is built FROM): its builders, in reference order.
 */
export function stagesCopiedInto(model: DockerfileModel, chain: readonly Stage[]): Stage[] {
  return buildReferences(model).flatMap((r) =>
    r.kind === "copy" && r.target !== null && chain.includes(r.owner) && !chain.includes(r.target) ? [r.target] : [],
  );
}

/** True when the value still holds a `$VAR` that no build argument default resolves. */
export function isUnresolved(resolved: string): boolean {
  return hasVariableReference(resolved);
}

/** A `--from` / mount `from=` written before the first FROM, where no stage exists yet. */
export interface PreludeReference {
  token: Token;
  resolved: string;
  isIndex: boolean;
  instruction: Instruction;
}

/** `COPY --from=x` and `RUN --mount=from=x` among instructions before any FROM (fragments). */
export function preludeReferences(model: DockerfileModel): PreludeReference[] {
  const out: PreludeReference[] = [];
  for (const instruction of model.prelude) {
    for (const token of fromTokens(instruction)) {
      const resolved = substitute(token.value, model.globalScope);
      out.push({ token, resolved, isIndex: /^\d+$/.test(resolved), instruction });
    }
  }
  return out;
}

function fromTokens(instruction: Instruction): Token[] {
  const out: Token[] = [];
  for (const flag of instruction.flags) {
    const name = flag.name.toLowerCase();
    if (name === "from" && (instruction.keyword === "COPY" || instruction.keyword === "ADD") && flag.value !== null && flag.valueRange) {
      out.push({ value: flag.value, range: flag.valueRange });
    }
    if (name === "mount" && instruction.keyword === "RUN") {
      for (const option of flag.options) {
        if (option.name.toLowerCase() === "from" && option.value !== null && option.valueRange) out.push({ value: option.value, range: option.valueRange });
      }
    }
  }
  return out;
}

function substitute(value: string, scope: VariableScope): string {
  return substituteVariables(unquoteWord(value), scope).value;
}

/** True when some stage name is written with a variable (`AS ${NAME}`): names cannot be known. */
export function hasVariableStageName(model: DockerfileModel): boolean {
  return model.stages.some((s) => s.name !== null && s.name.includes("$"));
}

/**
 * The stage a mistyped name most likely meant: case-insensitive Damerau-Levenshtein distance of 1
 * (names up to 4 characters) or 2 (longer), or the only stage whose name has `name` as a `-`/`_`/`.`
 * separated part (`set` -> `license-set`). Null when nothing is close or the choice is ambiguous.
 */
export function closestStageName(stages: readonly Stage[], name: string): Stage | null {
  return new StageNameMatcher(stages).closest(name);
}

interface NamedCandidate {
  stage: Stage & { name: string };
  lower: string;
  buckets: Uint32Array;
  /** Bit `c % 32` set for each character code `c` of the name. */
  mask: number;
}

/**
 * `closestStageName` over a fixed list of stages, prepared once for many lookups: a file with
 * thousands of stages and many unknown references must not pay a full edit distance per pair, so
 * each name's character statistics are computed once and most pairs are ruled out by them.
 */
export class StageNameMatcher {
  private readonly candidates: NamedCandidate[];
  private partIndex: Map<string, NamedCandidate[]> | null = null;

  constructor(stages: readonly Stage[]) {
    this.candidates = stages
      .filter((s): s is Stage & { name: string } => s.name !== null && !s.name.includes("$"))
      .map((stage) => {
        const lower = stage.name.toLowerCase();
        return { stage, lower, buckets: characterBuckets(lower), mask: characterMask(lower) };
      });
  }

  /** As `closestStageName`, among the prepared stages that `accept` lets through. */
  closest(name: string, accept: (stage: Stage) => boolean = () => true): Stage | null {
    const wanted = name.toLowerCase();
    const wantedBuckets = characterBuckets(wanted);
    const wantedUsed = usedBuckets(wantedBuckets);
    const wantedMask = characterMask(wanted);
    const limit = wanted.length <= 4 ? 1 : 2;
    let best: NamedCandidate | null = null;
    let bestDistance = Infinity;
    let tie = false;
    for (const candidate of this.candidates) {
      // Cheap lower bounds first; each is at most the edit distance, so skipping is exact.
      if (Math.abs(candidate.lower.length - wanted.length) > limit) continue;
      if (Math.max(bitCount(wantedMask & ~candidate.mask), bitCount(candidate.mask & ~wantedMask)) > limit) continue;
      if (bucketDistanceBound(wantedBuckets, wantedUsed, wanted.length, candidate.buckets, candidate.lower.length) > limit) continue;
      if (!accept(candidate.stage)) continue;
      const d = boundedEditDistance(wanted, candidate.lower, limit);
      if (d === 0 || d > limit || d >= candidate.stage.name.length) continue;
      if (d < bestDistance) {
        best = candidate;
        bestDistance = d;
        tie = false;
      } else if (d === bestDistance && best?.lower !== candidate.lower) {
        tie = true;
      }
    }
    if (best && !tie) return best.stage;
    if (best) return null;
    const byPart = (this.parts().get(wanted) ?? []).filter((c) => accept(c.stage));
    const distinct = new Set(byPart.map((c) => c.lower));
    return distinct.size === 1 ? byPart[0].stage : null;
  }

  /** Candidates by each `-`/`_`/`.` separated part of their name, in stage order. */
  private parts(): Map<string, NamedCandidate[]> {
    if (this.partIndex) return this.partIndex;
    const index = new Map<string, NamedCandidate[]>();
    for (const candidate of this.candidates) {
      for (const part of new Set(candidate.lower.split(/[-_.]/))) {
        const list = index.get(part);
        if (list) list.push(candidate);
        else index.set(part, [candidate]);
      }
    }
    this.partIndex = index;
    return index;
  }
}

const BUCKETS = 64;

/** Which of 32 character classes occur: each class one side has and the other lacks costs an edit. */
function characterMask(text: string): number {
  let mask = 0;
  for (let i = 0; i < text.length; i++) mask |= 1 << (text.charCodeAt(i) % 32);
  return mask;
}

function bitCount(bits: number): number {
  let v = bits - ((bits >>> 1) & 0x55555555);
  v = (v & 0x33333333) + ((v >>> 2) & 0x33333333);
  return (((v + (v >>> 4)) & 0x0f0f0f0f) * 0x01010101) >>> 24;
}

/** Character counts folded into 64 buckets. */
function characterBuckets(text: string): Uint32Array {
  const counts = new Uint32Array(BUCKETS);
  for (let i = 0; i < text.length; i++) counts[text.charCodeAt(i) % BUCKETS]++;
  return counts;
}

function usedBuckets(counts: Uint32Array): number[] {
  const used: number[] = [];
  for (let i = 0; i < BUCKETS; i++) if (counts[i] > 0) used.push(i);
  return used;
}

/**
 * A lower bound of the edit distance from character counts: every character of one string that
 * the other lacks costs at least one edit (transpositions keep counts, so the bound holds for
 * Damerau-Levenshtein too; folding characters into buckets only lowers it). `aUsed` lists the
 * buckets `a` has characters in, the only ones that add to what the strings share.
 */
function bucketDistanceBound(a: Uint32Array, aUsed: readonly number[], aLength: number, b: Uint32Array, bLength: number): number {
  let common = 0;
  for (const i of aUsed) common += a[i] < b[i] ? a[i] : b[i];
  return Math.max(aLength - common, bLength - common);
}

/** Optimal string alignment distance (Damerau-Levenshtein with adjacent transpositions). */
export function editDistance(a: string, b: string): number {
  return boundedEditDistance(a, b, Math.max(a.length, b.length));
}

// Rows reused across calls: a lookup over thousands of stage names must not allocate per pair.
let rows: Int32Array[] = [new Int32Array(32), new Int32Array(32), new Int32Array(32)];

/**
 * `editDistance` when it is at most `limit`, otherwise `limit + 1`. Only the diagonal band of
 * width `2 * limit + 1` can hold values within the limit, so only that band is computed, and the
 * computation stops as soon as a whole row exceeds the limit.
 */
export function boundedEditDistance(a: string, b: string, limit: number): number {
  const n = a.length;
  const m = b.length;
  const over = limit + 1;
  if (Math.abs(n - m) > limit) return over;
  if (rows[0].length < m + 2) rows = [new Int32Array(m + 2), new Int32Array(m + 2), new Int32Array(m + 2)];
  let [beforePrevious, previous, current] = rows;
  for (let j = 0; j <= Math.min(m, limit + 1); j++) previous[j] = Math.min(j, over);
  for (let i = 1; i <= n; i++) {
    const lo = Math.max(1, i - limit);
    const hi = Math.min(m, i + limit);
    current[0] = Math.min(i, over);
    if (lo > 1) current[lo - 1] = over;
    let rowMin = lo === 1 ? current[0] : over;
    for (let j = lo; j <= hi; j++) {
      const cost = a.charCodeAt(i - 1) === b.charCodeAt(j - 1) ? 0 : 1;
      let d = Math.min(previous[j] + 1, current[j - 1] + 1, previous[j - 1] + cost);
      if (i > 1 && j > 1 && a.charCodeAt(i - 1) === b.charCodeAt(j - 2) && a.charCodeAt(i - 2) === b.charCodeAt(j - 1))
        d = Math.min(d, beforePrevious[j - 2] + 1);
      current[j] = Math.min(d, over);
      if (current[j] < rowMin) rowMin = current[j];
    }
    if (hi < m) current[hi + 1] = over;
    if (rowMin > limit) return over;
    [beforePrevious, previous, current] = [previous, current, beforePrevious];
  }
  return previous[m];
}
