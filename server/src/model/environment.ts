// Environment variables a RUN command sees: ENV and ARG of its stage and of the stages it builds
// on (FROM <stage>), `VAR=x cmd` assignments, and `export VAR=x` earlier in the same RUN.

import { toLogical, type ShellCommand } from "./shell";
import { mergedScopeWith } from "./stage-graph";
import type { LineIndex } from "./text";
import type { DockerfileModel, Instruction, Stage } from "./types";
import { substituteVariables, type Substitution } from "./variables";

export interface EnvDeclaration {
  readonly name: string;
  /** Value with quotes removed; null for `ARG X` without a default. */
  readonly value: string | null;
}

/** Reads `KEY=value ...` pairs (quotes kept together) or the legacy `ENV KEY value` form. */
function readPairs(text: string, legacy: boolean): EnvDeclaration[] {
  const trimmed = text.trim();
  if (trimmed === "") return [];
  const firstSpace = trimmed.search(/\s/);
  const firstEq = trimmed.indexOf("=");
  if (legacy && (firstEq < 0 || (firstSpace >= 0 && firstSpace < firstEq))) {
    if (firstSpace < 0) return [{ name: trimmed, value: "" }];
    return [{ name: trimmed.slice(0, firstSpace), value: unquote(trimmed.slice(firstSpace).trim()) }];
  }
  const out: EnvDeclaration[] = [];
  let i = 0;
  while (i < trimmed.length) {
    while (i < trimmed.length && /\s/.test(trimmed[i])) i++;
    // The word is the text between quotes and escapes, copied a run at a time (a character at a
    // time made a string per character).
    let word = "";
    let runStart = i;
    let quote: string | null = null;
    while (i < trimmed.length && (quote !== null || !/\s/.test(trimmed[i]))) {
      const c = trimmed[i];
      if ((quote === null && (c === '"' || c === "'")) || c === quote) {
        word += trimmed.slice(runStart, i);
        quote = quote === null ? c : null;
        runStart = i + 1;
      } else if (c === "\\" && i + 1 < trimmed.length && quote !== "'") {
        word += trimmed.slice(runStart, i);
        runStart = ++i;
      }
      i++;
    }
    word += trimmed.slice(runStart, i);
    if (word === "") continue;
    const eq = word.indexOf("=");
    out.push(eq < 0 ? { name: word, value: null } : { name: word.slice(0, eq), value: word.slice(eq + 1) });
  }
  return out;
}

function unquote(s: string): string {
  return s.length >= 2 && (s[0] === '"' || s[0] === "'") && s[s.length - 1] === s[0] ? s.slice(1, -1) : s;
}

// The model's helpers and several rules ask for the same instruction's declarations: read once per
// instruction (and the text it belongs to, which a model made by hand may change).
const declarationsRead = new WeakMap<Instruction, { lines: LineIndex; declarations: readonly EnvDeclaration[] }>();

/** Variables an ENV or ARG instruction declares; empty for other instructions. */
export function envDeclarations(model: DockerfileModel, instruction: Instruction): readonly EnvDeclaration[] {
  if ((instruction.keyword !== "ENV" && instruction.keyword !== "ARG") || instruction.args.length === 0) return [];
  const read = declarationsRead.get(instruction);
  if (read !== undefined && read.lines === model.lines) return read.declarations;
  const start = model.lines.offsetAt(instruction.args[0].range.start);
  const end = model.lines.offsetAt(instruction.args[instruction.args.length - 1].range.end);
  // As Docker reads it: continuations joined under the file's escape character, and the comment
  // and empty lines inside a continued instruction dropped (a `don't` in such a comment would
  // otherwise open a quote that swallows every later pair).
  const text = toLogical(model.text, { start, end, newlineSeparates: false }, model.escapeChar).chars;
  const declarations = readPairs(text, instruction.keyword === "ENV");
  declarationsRead.set(instruction, { lines: model.lines, declarations });
  return declarations;
}

/**
 * Variables visible to `before` (an instruction of `stage`), from ENV and ARG in the stages it
 * builds on and in the stage itself up to that instruction. Values have variables substituted
 * where known; a variable declared without a value maps to null. A fresh map the caller may change.
 */
export function environmentAt(model: DockerfileModel, stage: Stage, before?: Instruction): Map<string, string | null> {
  return new Map(environmentViewAt(model, stage, before));
}

/**
 * `environmentAt` without the copy, for callers that only read it: the timeline's own map, shared
 * (rules ask at each instruction that uses a variable; copying every time was a twentieth of what
 * analysing a long file allocated).
 */
export function environmentViewAt(model: DockerfileModel, stage: Stage, before?: Instruction): ReadonlyMap<string, string | null> {
  const timeline = timelineOf(model, stage);
  if (before === undefined) return finalEnvironment(timeline);
  const { steps } = timeline;
  // The last declaring instruction before `before` (steps are in instruction order).
  let low = 0;
  let high = steps.length;
  while (low < high) {
    const middle = (low + high) >> 1;
    if (steps[middle].ordinal < before.ordinal) low = middle + 1;
    else high = middle;
  }
  return low > 0 ? environmentAfter(timeline, low - 1) : timeline.initial;
}

/** `text` as the builder writes it at `instruction` of `stage`: the variables declared before it substituted. */
export function substituteAt(model: DockerfileModel, stage: Stage, instruction: Instruction, text: string): Substitution {
  return substituteVariables(text, environmentViewAt(model, stage, instruction));
}

/** A stage's environment as its instructions declare variables: before the first, and what each ENV or ARG sets. */
interface Timeline {
  model: DockerfileModel;
  initial: ReadonlyMap<string, string | null>;
  steps: TimelineStep[];
}

interface TimelineStep {
  ordinal: number;
  /** What the instruction declares, in order (a later name wins). */
  declared: readonly (readonly [string, string | null])[];
  /**
   * The environment after the instruction, made when first asked for: rules ask at a few of a
   * stage's instructions, and a copy after each of a long stage's ARGs (a file's hundred ARGs
   * repeated in its forty stages) was a sixteenth of what analysing it allocated.
   */
  env?: ReadonlyMap<string, string | null>;
}

// Rules ask for the environment at each instruction that uses a variable: walking the stage (and
// those it builds on) for each made a long stage quadratic. One walk per stage and model instead,
// each stage starting from the environment its base stage ends with.
const timelines = new WeakMap<Stage, Timeline>();

const NO_VARIABLES: ReadonlyMap<string, string | null> = new Map();

function timelineOf(model: DockerfileModel, stage: Stage): Timeline {
  const cached = timelines.get(stage);
  if (cached && cached.model === model) return cached;
  // A FROM sees only earlier stages (stage-graph.ts), so the chain of bases ends: the base stage's
  // chain is this one's minus the base.
  const base = stage.base.stage;
  const initial = base ? finalEnvironment(timelineOf(model, base)) : NO_VARIABLES;
  const env = new Map(initial);
  const steps: TimelineStep[] = [];
  declare(model, stage, env, (instruction, declared) => steps.push({ ordinal: instruction.ordinal, declared }));
  // The walk's own map is the environment after the last step: kept rather than made again.
  if (steps.length > 0) steps[steps.length - 1].env = env;
  const timeline = { model, initial, steps };
  timelines.set(stage, timeline);
  return timeline;
}

function finalEnvironment(timeline: Timeline): ReadonlyMap<string, string | null> {
  return timeline.steps.length > 0 ? environmentAfter(timeline, timeline.steps.length - 1) : timeline.initial;
}

/** The environment after step `index`: the nearest earlier one made, with the steps since applied (and kept). */
function environmentAfter(timeline: Timeline, index: number): ReadonlyMap<string, string | null> {
  const { steps } = timeline;
  const known = steps[index].env;
  if (known !== undefined) return known;
  let from = index - 1;
  while (from >= 0 && steps[from].env === undefined) from--;
  const env = new Map(from >= 0 ? steps[from].env : timeline.initial);
  for (let k = from + 1; k <= index; k++) for (const [name, value] of steps[k].declared) env.set(name, value);
  steps[index].env = env;
  return env;
}

/** Adds what `stage`'s ENV and ARG instructions declare to `env`, calling `declared` after each that declares something. */
function declare(
  model: DockerfileModel,
  stage: Stage,
  env: Map<string, string | null>,
  declared?: (instruction: Instruction, declared: readonly (readonly [string, string | null])[]) => void,
): void {
  // What a value may reference: the stage's scope overlaid with `env`. Made when a value first
  // holds a `$`: most hold none, and copying the scope for each stage was a twentieth of what
  // analysing the corpus' longest file allocated.
  let scope: Map<string, string | null> | undefined;
  for (const instruction of stage.instructions) {
    const declarations = envDeclarations(model, instruction);
    if (declarations.length === 0) continue;
    const values: (readonly [string, string | null])[] = [];
    for (const decl of declarations) {
      // `ARG X` without a default re-declares a global ARG: its global default applies.
      const raw = decl.value === null && instruction.keyword === "ARG" ? (model.globalScope.get(decl.name) ?? null) : decl.value;
      let value = raw;
      // Without a `$` nothing is substituted: the value is the text.
      if (raw !== null && raw.includes("$")) {
        scope ??= mergedScopeWith(model, stage, env);
        value = substituteVariables(raw, scope).value;
      }
      env.set(decl.name, value);
      scope?.set(decl.name, value);
      values.push([decl.name, value]);
    }
    declared?.(instruction, values);
  }
}

/**
 * The value a command sees for a variable: its own `VAR=x` prefix, else an `export VAR=x` earlier
 * in the same RUN, else the stage environment. Undefined when never set.
 */
export function variableFor(model: DockerfileModel, stage: Stage, instruction: Instruction, command: ShellCommand, name: string): string | null | undefined {
  const own = command.assignments.find((a) => a.value.startsWith(`${name}=`));
  if (own) return own.value.slice(name.length + 1);
  let exported: string | undefined;
  for (const c of instruction.commands) {
    if (c === command) break;
    if (c.name !== "export" && c.name !== "declare") continue;
    for (const arg of c.args) if (arg.value.startsWith(`${name}=`)) exported = arg.value.slice(name.length + 1);
  }
  if (exported !== undefined) return exported;
  const env = environmentViewAt(model, stage, instruction);
  return env.has(name) ? (env.get(name) ?? null) : undefined;
}
