// What the runtime stage keeps of the original stage: labels, the run-time environment, the
// working directory, ports, volumes, health check and the ARGs those lines use (re-declared,
// since an ARG is scoped to the stage that declares it).

import { envDeclarations } from "../model/environment";
import { readArgDeclarations } from "../model/parse";
import type { DockerfileModel, Instruction, Stage } from "../model/types";
import { instructionText, leadingComments } from "./source-text";
import { escapeRegExp } from "../model/text";

/** Instructions that describe the running container rather than the build. */
export const RUNTIME_ONLY = new Set(["CMD", "ENTRYPOINT", "EXPOSE", "HEALTHCHECK", "LABEL", "VOLUME", "STOPSIGNAL", "MAINTAINER"]);
/** Written before the artifacts arrive. */
const SETUP = new Set(["LABEL", "MAINTAINER", "ENV", "WORKDIR"]);
/** Written after them, in their original order. */
const TAIL = new Set(["EXPOSE", "VOLUME", "STOPSIGNAL", "HEALTHCHECK"]);

/** An instruction's comment lines followed by its text. */
export function withComments(model: DockerfileModel, instruction: Instruction, text = instructionText(model, instruction)): string[] {
  return [...leadingComments(model, instruction), text];
}

function quoteEnvValue(value: string): string {
  return /^[^\s"'\\]*$/.test(value) && value !== "" ? value : `"${value.replace(/(["\\])/g, "\\$1")}"`;
}

/** An ENV line without the build-only variables; null when nothing is left. */
function runtimeEnv(model: DockerfileModel, instruction: Instruction, buildOnly: RegExp): string | null {
  const pairs = envDeclarations(model, instruction);
  const kept = pairs.filter((p) => !buildOnly.test(p.name));
  if (kept.length === 0) return null;
  if (kept.length === pairs.length) return instructionText(model, instruction);
  return `ENV ${kept.map((p) => `${p.name}=${quoteEnvValue(p.value ?? "")}`).join(" ")}`;
}

/** Setup lines (labels, environment, working directory) for the runtime stage. */
export function setupLines(model: DockerfileModel, stage: Stage, buildOnly: RegExp, workdir: string): string[] {
  const out: string[] = [];
  const lastWorkdir = [...stage.instructions].reverse().find((i) => i.keyword === "WORKDIR");
  for (const instruction of stage.instructions) {
    if (!SETUP.has(instruction.keyword)) continue;
    if (instruction.keyword === "ENV") {
      const text = runtimeEnv(model, instruction, buildOnly);
      if (text !== null) out.push(...withComments(model, instruction, text));
    } else if (instruction.keyword === "WORKDIR") {
      // One WORKDIR is enough: the final one, absolute, so relative chains need no replay.
      if (instruction !== lastWorkdir) continue;
      const written = instructionText(model, instruction);
      const isAbsolute = instruction.args[0]?.value.startsWith("/") ?? false;
      out.push(...withComments(model, instruction, isAbsolute ? written : `WORKDIR ${workdir}`));
    } else {
      out.push(...withComments(model, instruction));
    }
  }
  // No WORKDIR of its own: the builder image's (golang's /go) applied, and relative paths resolve there.
  if (lastWorkdir === undefined && workdir !== "/") out.push(`WORKDIR ${workdir}`);
  return out;
}

/**
 * EXPOSE, VOLUME, STOPSIGNAL and HEALTHCHECK lines, in their original order; a health check that
 * runs an artifact by its build path (absolute, or relative to `workdir`) follows it to where the
 * runtime stage puts it.
 */
export function tailLines(model: DockerfileModel, stage: Stage, moves: readonly { from: string; to: string }[] = [], workdir = "/"): string[] {
  return stage.instructions
    .filter((i) => TAIL.has(i.keyword))
    .flatMap((i) => withComments(model, i, i.keyword === "HEALTHCHECK" ? movedPaths(instructionText(model, i), moves, workdir) : instructionText(model, i)));
}

/** `text` with each whole path word naming a moved artifact (as written, or relative to `workdir`) replaced. */
function movedPaths(text: string, moves: readonly { from: string; to: string }[], workdir: string): string {
  let out = text;
  for (const { from, to } of moves) {
    if (from === to) continue;
    const spellings = [from];
    const prefix = workdir === "/" ? "/" : `${workdir}/`;
    // Relative spellings; a bare name without a slash is looked up on the PATH, not in the workdir.
    const relative = from.startsWith(prefix) ? from.slice(prefix.length) : null;
    if (relative !== null) spellings.push(`./${relative}`, ...(relative.includes("/") ? [relative] : []));
    for (const spelling of spellings) {
      const escaped = escapeRegExp(spelling);
      // A whole word: bounded by the start, whitespace, quotes or brackets (exec form) on both sides.
      out = out.replace(new RegExp(`(^|[\\s"'\\[,])${escaped}(?=$|[\\s"'\\],;&|])`, "g"), (_m, before: string) => `${before}${to}`);
    }
  }
  return out;
}

/** The original CMD/ENTRYPOINT lines with their comments. */
export function commandLines(model: DockerfileModel, stage: Stage): string[] {
  const last = (keyword: string) => [...stage.instructions].reverse().find((i) => i.keyword === keyword);
  return [last("ENTRYPOINT"), last("CMD")]
    .filter((i): i is Instruction => i !== undefined)
    .sort((a, b) => a.ordinal - b.ordinal)
    .flatMap((i) => withComments(model, i));
}

/** Comment lines of the original CMD/ENTRYPOINT, for when the recipe rewrites them. */
export function commandComments(model: DockerfileModel, stage: Stage): string[] {
  return stage.instructions.filter((i) => i.keyword === "CMD" || i.keyword === "ENTRYPOINT").flatMap((i) => leadingComments(model, i));
}

const VARIABLE = /\$\{?([A-Za-z_][A-Za-z0-9_]*)/g;

/**
 * ARG lines the runtime stage needs for the variables its lines use (and `alsoNeeded`): the stage's
 * own declaration as written (with its default), or a bare `ARG NAME` that inherits a global default.
 */
export function argLines(model: DockerfileModel, stage: Stage, runtimeText: string, alsoNeeded: readonly string[] = []): string[] {
  const used = new Set<string>(alsoNeeded);
  for (const match of runtimeText.matchAll(VARIABLE)) used.add(match[1]);
  const out: string[] = [];
  const declared = new Set<string>();
  for (const instruction of stage.instructions) {
    if (instruction.keyword !== "ARG") continue;
    for (const decl of readArgDeclarations(instruction)) {
      if (!used.has(decl.name) || declared.has(decl.name)) continue;
      declared.add(decl.name);
      out.push(decl.value === null ? `ARG ${decl.name}` : `ARG ${decl.name}=${quoteEnvValue(decl.value)}`);
    }
  }
  for (const global of model.globalArgs) {
    if (used.has(global.name) && !declared.has(global.name)) {
      declared.add(global.name);
      out.push(`ARG ${global.name}`);
    }
  }
  return out;
}
