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
  return ref.kind !== "from" && !ref.owner.instructions.includes(ref.instruction) && ref.owner.from !== ref.instruction;
}

/** References that take part in this build: ONBUILD triggers left out. */
export function buildReferences(model: DockerfileModel): StageReference[] {
  return model.references.filter((ref) => !isTriggerReference(ref));
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
  const wanted = name.toLowerCase();
  const named = stages.filter((s): s is Stage & { name: string } => s.name !== null && !s.name.includes("$"));
  const limit = wanted.length <= 4 ? 1 : 2;
  let best: Stage | null = null;
  let bestDistance = Infinity;
  let tie = false;
  for (const stage of named) {
    const d = editDistance(wanted, stage.name.toLowerCase());
    if (d === 0 || d > limit || d >= stage.name.length) continue;
    if (d < bestDistance) {
      best = stage;
      bestDistance = d;
      tie = false;
    } else if (d === bestDistance && best?.name?.toLowerCase() !== stage.name.toLowerCase()) {
      tie = true;
    }
  }
  if (best && !tie) return best;
  if (best) return null;
  const byPart = named.filter((s) => s.name.toLowerCase().split(/[-_.]/).includes(wanted));
  const distinct = new Set(byPart.map((s) => s.name.toLowerCase()));
  return distinct.size === 1 ? byPart[0] : null;
}

/** Optimal string alignment distance (Damerau-Levenshtein with adjacent transpositions). */
export function editDistance(a: string, b: string): number {
  const d: number[][] = Array.from({ length: a.length + 1 }, (_, i) => Array.from({ length: b.length + 1 }, (_, j) => (i === 0 ? j : j === 0 ? i : 0)));
  for (let i = 1; i <= a.length; i++) {
    for (let j = 1; j <= b.length; j++) {
      const cost = a[i - 1] === b[j - 1] ? 0 : 1;
      d[i][j] = Math.min(d[i - 1][j] + 1, d[i][j - 1] + 1, d[i - 1][j - 1] + cost);
      if (i > 1 && j > 1 && a[i - 1] === b[j - 2] && a[i - 2] === b[j - 1]) d[i][j] = Math.min(d[i][j], d[i - 2][j - 2] + 1);
    }
  }
  return d[a.length][b.length];
}
