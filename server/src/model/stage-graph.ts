// The stage graph: which stage builds on, copies from or mounts which. Resolves names and indexes
// the way BuildKit does (names case-insensitive; FROM sees only earlier stages) and marks what the
// final stage needs.

import type { DockerfileModel, Instruction, ReferenceKind, Stage, StageReference, Token } from "./types";
import { unquoteWord } from "./copy-paths";
import { perModel } from "./per-model";
import { isTriggerReference } from "./stage-references";
import { substituteVariables } from "./variables";

/** Fills `model.references`, stage bases of kind "stage", and reachability. */
export function linkStages(model: DockerfileModel): void {
  for (const stage of model.stages) {
    if (stage.base.kind !== "image") continue;
    const target = findStageByName(model, stage.base.resolved, stage.index);
    if (target) {
      stage.base = { ...stage.base, kind: "stage", stage: target };
      model.references.push(reference("from", stage.base.token, stage.base.resolved, stage.from, stage, target, false));
    }
  }
  for (const stage of model.stages) {
    // The scope is built once per stage, and only for stages whose references name a variable.
    let scope: ReadonlyMap<string, string | null> | null = null;
    const scopeOf = () => (scope ??= mergedScope(model, stage));
    for (const instruction of stage.instructions) {
      collectReferences(model, stage, instruction, scopeOf);
      if (instruction.trigger) collectReferences(model, stage, instruction.trigger, scopeOf);
    }
  }
  markReachable(model);
}

function collectReferences(model: DockerfileModel, stage: Stage, instruction: Instruction, scope: () => ReadonlyMap<string, string | null>): void {
  if (instruction.flags.length === 0) return;
  if (instruction.keyword === "COPY" || instruction.keyword === "ADD") {
    for (const flag of instruction.flags) {
      if (flag.name.toLowerCase() !== "from" || flag.value === null || !flag.valueRange) continue;
      addReference(model, "copy", { value: flag.value, range: flag.valueRange }, scope, instruction, stage);
    }
  }
  if (instruction.keyword === "RUN") {
    for (const flag of instruction.flags) {
      if (flag.name.toLowerCase() !== "mount") continue;
      for (const option of flag.options) {
        if (option.name.toLowerCase() !== "from" || option.value === null || !option.valueRange) continue;
        addReference(model, "mount", { value: option.value, range: option.valueRange }, scope, instruction, stage);
      }
    }
  }
}

function addReference(
  model: DockerfileModel,
  kind: ReferenceKind,
  token: Token,
  scope: () => ReadonlyMap<string, string | null>,
  instruction: Instruction,
  owner: Stage,
): void {
  // Flag values go through the shell lexer, so `--from="${STAGE}"` names the stage, quotes removed.
  // The scope only for a value that names a variable: most name a stage, and a long file's stages
  // with ARGs of their own would each copy the global scope for nothing.
  const unquoted = unquoteWord(token.value);
  const resolved = unquoted.includes("$") ? substituteVariables(unquoted, scope()).value : unquoted;
  const isIndex = /^\d+$/.test(resolved);
  const target = isIndex ? (model.stages[Number(resolved)] ?? null) : findStageByName(model, resolved, model.stages.length);
  model.references.push(reference(kind, token, resolved, instruction, owner, target, isIndex));
}

function reference(
  kind: ReferenceKind,
  token: Token,
  resolved: string,
  instruction: Instruction,
  owner: Stage,
  target: Stage | null,
  isIndex: boolean,
): StageReference {
  return { kind, token, resolved, instruction, owner, target, isIndex };
}

/** The stage named `name` (case-insensitive) among stages with index below `before`; the first wins. */
export function findStageByName(model: DockerfileModel, name: string, before: number = model.stages.length): Stage | null {
  // The first stage of a name has the lowest index, so if it is not before `before`, none is.
  const first = stagesByName(model).get(name.toLowerCase())?.[0];
  return first !== undefined && first.index < before ? first : null;
}

/** Stages by lower-cased name, each list in file order. */
export function stagesByName(model: DockerfileModel): ReadonlyMap<string, readonly Stage[]> {
  return memoized(nameTables, model.stages, model.stages.length, () => {
    const byName = new Map<string, Stage[]>();
    for (const stage of model.stages) {
      if (stage.name === null) continue;
      const key = stage.name.toLowerCase();
      const list = byName.get(key);
      if (list) list.push(stage);
      else byName.set(key, [stage]);
    }
    return byName;
  });
}

/** References by the stage they appear in, in file order. */
export function referencesByOwner(model: DockerfileModel): ReadonlyMap<Stage, readonly StageReference[]> {
  return memoized(ownerTables, model.references, model.references.length, () => {
    const byOwner = new Map<Stage, StageReference[]>();
    for (const ref of model.references) {
      const list = byOwner.get(ref.owner);
      if (list) list.push(ref);
      else byOwner.set(ref.owner, [ref]);
    }
    return byOwner;
  });
}

// Lookup tables keyed by the array they index, so repeated lookups stay linear in file size.
// A model is not changed once parsed; the length check still rebuilds a table if an array grew
// (references are appended while the model is being linked).
const nameTables = new WeakMap<object, { size: number; table: Map<string, Stage[]> }>();
const ownerTables = new WeakMap<object, { size: number; table: Map<Stage, StageReference[]> }>();

function memoized<T>(cache: WeakMap<object, { size: number; table: T }>, key: object, size: number, build: () => T): T {
  const hit = cache.get(key);
  if (hit && hit.size === size) return hit.table;
  const table = build();
  cache.set(key, { size, table });
  return table;
}

// Rules and model facts ask for a stage's scope again and again (a copy of every global ARG each
// time: 6 % of what analysing a long file allocated); one per stage and global scope instead.
const scopes = new WeakMap<Stage, { globalScope: ReadonlyMap<string, string | null>; scope: ReadonlyMap<string, string | null> }>();

/** Variables visible in a stage body: global defaults overlaid with the stage's own ARGs. Shared: callers copy it to change it. */
export function mergedScope(model: DockerfileModel, stage: Stage): ReadonlyMap<string, string | null> {
  // A stage without ARGs of its own sees the global scope as it is (a long file's many small stages).
  if (stage.args.size === 0) return model.globalScope;
  const known = scopes.get(stage);
  if (known !== undefined && known.globalScope === model.globalScope) return known.scope;
  const scope = new Map(model.globalScope);
  for (const [name, value] of stage.args) scope.set(name, value);
  scopes.set(stage, { globalScope: model.globalScope, scope });
  return scope;
}

/** A copy of the stage's scope with `over`'s variables set on it (ENV and ARG seen so far), for a caller that changes it. */
export function mergedScopeWith(model: DockerfileModel, stage: Stage, over: ReadonlyMap<string, string | null>): Map<string, string | null> {
  const scope = new Map(mergedScope(model, stage));
  for (const [name, value] of over) scope.set(name, value);
  return scope;
}

/**
 * Stages `stage` depends on directly: its base stage and the targets of its COPY/mount references.
 * References inside ONBUILD triggers are left out: they run in a downstream build, where the name
 * means that build's stage, so this build neither needs nor waits for the stage they name here.
 */
export function dependenciesOf(model: DockerfileModel, stage: Stage): Stage[] {
  const out = new Set<Stage>();
  if (stage.base.stage) out.add(stage.base.stage);
  for (const ref of referencesByOwner(model).get(stage) ?? []) {
    if (ref.target && ref.kind !== "from" && !isTriggerReference(ref)) out.add(ref.target);
  }
  return [...out];
}

function markReachable(model: DockerfileModel): void {
  if (!model.finalStage) return;
  const stack: Stage[] = [model.finalStage];
  while (stack.length > 0) {
    const stage = stack.pop() as Stage;
    if (stage.isReachable) continue;
    stage.isReachable = true;
    for (const dep of dependenciesOf(model, stage)) if (!dep.isReachable) stack.push(dep);
  }
}

/** Stages through which `stage` builds, nearest first (`FROM a AS b` / `FROM b AS c`: c -> [b, a]). */
export function ancestorsOf(stage: Stage): Stage[] {
  const out: Stage[] = [];
  const seen = new Set<Stage>([stage]);
  let current = stage.base.stage;
  while (current && !seen.has(current)) {
    out.push(current);
    seen.add(current);
    current = current.base.stage;
  }
  return out;
}

/** The stages built on `stage`, directly or through others (`FROM stage AS b`, `FROM b AS c`), in file order. */
export function stagesBuiltOn(model: DockerfileModel, stage: Stage): Stage[] {
  return [...(descendantsByStage(model).get(stage) ?? [])];
}

/**
 * Every stage's descendants, in file order, from one walk of each stage's ancestors: rules ask
 * `stagesBuiltOn` once per stage (final-image's run images, var-secret), which a filter of all
 * stages per call made quadratic in the stages of a file.
 */
const descendantsByStage = perModel((model) => {
  const out = new Map<Stage, Stage[]>();
  for (const stage of model.stages) {
    for (const ancestor of ancestorsOf(stage)) {
      const list = out.get(ancestor);
      if (list) list.push(stage);
      else out.set(ancestor, [stage]);
    }
  }
  return out;
});

/**
 * What comes after `instruction` in the images it goes into: the rest of its stage, then every
 * instruction of the stages built on that stage. Empty for an instruction outside any stage.
 */
export function instructionsAfter(model: DockerfileModel, instruction: Instruction): Instruction[] {
  const stage = instruction.stage;
  if (stage === null) return [];
  return [...stage.instructions.filter((i) => i.ordinal > instruction.ordinal), ...stagesBuiltOn(model, stage).flatMap((s) => s.instructions)];
}

/**
 * What comes before `instruction` in its image: the instructions of the stages its stage builds on,
 * root first, then those of its own stage before it. Empty for an instruction outside any stage.
 */
export function instructionsBefore(instruction: Instruction): Instruction[] {
  const stage = instruction.stage;
  if (stage === null) return [];
  return lineage(stage).flatMap((s) => (s === stage ? s.instructions.filter((i) => i.ordinal < instruction.ordinal) : s.instructions));
}

/**
 * The stages a stage's image is built through, root first and ending with `stage` itself: the
 * order its layers are laid down in (`FROM a AS b` / `FROM b AS c`: c -> [a, b, c]). The first
 * one's base is the image (or scratch, or an unknown) everything starts from.
 */
export function lineage(stage: Stage): Stage[] {
  return [...ancestorsOf(stage).reverse(), stage];
}

/** The stage a lineage starts from: the first of `lineage(stage)`. */
export function rootStageOf(stage: Stage): Stage {
  return lineage(stage)[0];
}

/** The stages given and every stage built on one of them (`FROM python-base AS builder`). */
export function withDescendants(model: DockerfileModel, stages: readonly Stage[]): Stage[] {
  return model.stages.filter((s) => stages.includes(s) || stages.includes(rootStageOf(s)));
}

/** Cycles in the dependency graph, each as the list of stages around it. */
export function findCycles(model: DockerfileModel): Stage[][] {
  const cycles: Stage[][] = [];
  const state = new Map<Stage, "visiting" | "done">();
  // Depth-first with an explicit stack: a chain of thousands of stages must not overflow the call
  // stack. Each frame remembers which dependency it visits next; `path` mirrors the frames.
  const frames: { stage: Stage; deps: Stage[]; next: number }[] = [];
  const path: Stage[] = [];
  const positionOnPath = new Map<Stage, number>();
  const enter = (stage: Stage) => {
    state.set(stage, "visiting");
    positionOnPath.set(stage, path.length);
    path.push(stage);
    frames.push({ stage, deps: dependenciesOf(model, stage), next: 0 });
  };
  for (const root of model.stages) {
    if (state.has(root)) continue;
    enter(root);
    while (frames.length > 0) {
      const frame = frames[frames.length - 1];
      if (frame.next < frame.deps.length) {
        const dep = frame.deps[frame.next++];
        const s = state.get(dep);
        if (s === "visiting") cycles.push(path.slice(positionOnPath.get(dep)));
        else if (s === undefined) enter(dep);
        continue;
      }
      frames.pop();
      path.pop();
      positionOnPath.delete(frame.stage);
      state.set(frame.stage, "done");
    }
  }
  return cycles;
}
