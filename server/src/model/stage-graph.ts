// The stage graph: which stage builds on, copies from or mounts which. Resolves names and indexes
// the way BuildKit does (names case-insensitive; FROM sees only earlier stages) and marks what the
// final stage needs.

import type { DockerfileModel, Instruction, ReferenceKind, Stage, StageReference, Token } from "./types";
import { unquoteWord } from "./copy-paths";
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
    for (const instruction of stage.instructions) {
      collectReferences(model, stage, instruction);
      if (instruction.trigger) collectReferences(model, stage, instruction.trigger);
    }
  }
  markReachable(model);
}

function collectReferences(model: DockerfileModel, stage: Stage, instruction: Instruction): void {
  const scope = mergedScope(model, stage);
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

function addReference(model: DockerfileModel, kind: ReferenceKind, token: Token, scope: ReadonlyMap<string, string | null>, instruction: Instruction, owner: Stage): void {
  // Flag values go through the shell lexer, so `--from="${STAGE}"` names the stage, quotes removed.
  const resolved = substituteVariables(unquoteWord(token.value), scope).value;
  const isIndex = /^\d+$/.test(resolved);
  const target = isIndex ? model.stages[Number(resolved)] ?? null : findStageByName(model, resolved, model.stages.length);
  model.references.push(reference(kind, token, resolved, instruction, owner, target, isIndex));
}

function reference(kind: ReferenceKind, token: Token, resolved: string, instruction: Instruction, owner: Stage, target: Stage | null, isIndex: boolean): StageReference {
  return { kind, token, resolved, instruction, owner, target, isIndex };
}

/** The stage named `name` (case-insensitive) among stages with index below `before`; the first wins. */
export function findStageByName(model: DockerfileModel, name: string, before: number = model.stages.length): Stage | null {
  const wanted = name.toLowerCase();
  for (const stage of model.stages) {
    if (stage.index >= before) break;
    if (stage.name !== null && stage.name.toLowerCase() === wanted) return stage;
  }
  return null;
}

/** Variables visible in a stage body: global defaults overlaid with the stage's own ARGs. */
export function mergedScope(model: DockerfileModel, stage: Stage): ReadonlyMap<string, string | null> {
  const scope = new Map(model.globalScope);
  for (const [name, value] of stage.args) scope.set(name, value);
  return scope;
}

/** Stages `stage` depends on directly: its base stage and the targets of its COPY/mount references. */
export function dependenciesOf(model: DockerfileModel, stage: Stage): Stage[] {
  const out = new Set<Stage>();
  if (stage.base.stage) out.add(stage.base.stage);
  for (const ref of model.references) {
    if (ref.owner === stage && ref.target && ref.kind !== "from") out.add(ref.target);
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

/** Cycles in the dependency graph, each as the list of stages around it. */
export function findCycles(model: DockerfileModel): Stage[][] {
  const cycles: Stage[][] = [];
  const state = new Map<Stage, "visiting" | "done">();
  const path: Stage[] = [];
  const visit = (stage: Stage) => {
    state.set(stage, "visiting");
    path.push(stage);
    for (const dep of dependenciesOf(model, stage)) {
      const s = state.get(dep);
      if (s === "visiting") cycles.push(path.slice(path.indexOf(dep)));
      else if (s === undefined) visit(dep);
    }
    path.pop();
    state.set(stage, "done");
  };
  for (const stage of model.stages) if (!state.has(stage)) visit(stage);
  return cycles;
}
