// Environment variables a RUN command sees: ENV and ARG of its stage and of the stages it builds
// on (FROM <stage>), `VAR=x cmd` assignments, and `export VAR=x` earlier in the same RUN.

import type { ShellCommand } from "./shell";
import { ancestorsOf, mergedScope } from "./stage-graph";
import type { DockerfileModel, Instruction, Stage } from "./types";
import { substituteVariables } from "./variables";

export interface EnvDeclaration {
  name: string;
  /** Value with quotes removed; null for `ARG X` without a default. */
  value: string | null;
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
    let word = "";
    let quote: string | null = null;
    while (i < trimmed.length && (quote !== null || !/\s/.test(trimmed[i]))) {
      const c = trimmed[i];
      if (quote === null && (c === '"' || c === "'")) quote = c;
      else if (c === quote) quote = null;
      else if (c === "\\" && i + 1 < trimmed.length && quote !== "'") word += trimmed[++i];
      else word += c;
      i++;
    }
    if (word === "") continue;
    const eq = word.indexOf("=");
    out.push(eq < 0 ? { name: word, value: null } : { name: word.slice(0, eq), value: word.slice(eq + 1) });
  }
  return out;
}

function unquote(s: string): string {
  return s.length >= 2 && (s[0] === '"' || s[0] === "'") && s[s.length - 1] === s[0] ? s.slice(1, -1) : s;
}

/** Variables an ENV or ARG instruction declares; empty for other instructions. */
export function envDeclarations(model: DockerfileModel, instruction: Instruction): EnvDeclaration[] {
  if ((instruction.keyword !== "ENV" && instruction.keyword !== "ARG") || instruction.args.length === 0) return [];
  const text = model.lines.textIn({ start: instruction.args[0].range.start, end: instruction.args[instruction.args.length - 1].range.end });
  return readPairs(text.replace(/\\\r?\n/g, " "), instruction.keyword === "ENV");
}

/**
 * Variables visible to `before` (an instruction of `stage`), from ENV and ARG in the stages it
 * builds on and in the stage itself up to that instruction. Values have variables substituted
 * where known; a variable declared without a value maps to null.
 */
export function environmentAt(model: DockerfileModel, stage: Stage, before?: Instruction): Map<string, string | null> {
  const env = new Map<string, string | null>();
  const chain = [...ancestorsOf(stage).reverse(), stage];
  for (const s of chain) {
    const scope = new Map(mergedScope(model, s));
    for (const [k, v] of env) scope.set(k, v);
    for (const instruction of s.instructions) {
      if (s === stage && before && instruction.ordinal >= before.ordinal) break;
      for (const decl of envDeclarations(model, instruction)) {
        // `ARG X` without a default re-declares a global ARG: its global default applies.
        const raw = decl.value === null && instruction.keyword === "ARG" ? (model.globalScope.get(decl.name) ?? null) : decl.value;
        const value = raw === null ? null : substituteVariables(raw, scope).value;
        env.set(decl.name, value);
        scope.set(decl.name, value);
      }
    }
  }
  return env;
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
  const env = environmentAt(model, stage, instruction);
  return env.has(name) ? (env.get(name) ?? null) : undefined;
}
