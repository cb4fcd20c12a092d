// Assembles the converted Dockerfile: header, global ARGs, untouched earlier stages, the builder
// stage (the original build, renamed) and the runtime stage. Deterministic: the same model and
// plan always give the same text.

import type { DockerfileModel, Instruction, Stage } from "../model/types";
import { argLines, commandComments, commandLines, RUNTIME_ONLY, setupLines, tailLines, withComments } from "./runtime-stage";
import { hasBlankLineBefore, headerLines, instructionText, leadingComments, trailingComments } from "./source-text";
import type { RecipePlan } from "./types";
import type { RuntimeUser } from "./users";

export interface WriteInput {
  model: DockerfileModel;
  stage: Stage;
  plan: RecipePlan;
  builderName: string;
  /** The runtime FROM image as written (may keep a build argument of the builder's tag). */
  runtimeFrom: string;
  /** The runtime stage's name: the converted stage's own, else `runtime` (or `runtime-2` when taken). */
  runtimeName: string;
  user: RuntimeUser;
  workdir: string;
}

/** The AS keyword in the casing of the file's FROM (BuildKit warns when `from x AS y` mixes them). */
function asKeyword(model: DockerfileModel, stage: Stage): string {
  return model.lines.textIn(stage.from.keywordRange) === "from" ? "as" : "AS";
}

/** `FROM [--platform=...] image AS <name>`: the original FROM up to its image, renamed. */
function builderFrom(model: DockerfileModel, stage: Stage, name: string): string {
  const from = stage.from;
  const head = model.lines.textIn({ start: from.range.start, end: stage.base.token.range.end });
  return `${head} ${asKeyword(model, stage)} ${name}`;
}

/** USER stays in the builder only where a later RUN of the build depends on it. */
function keepsInBuilder(stage: Stage, instruction: Instruction): boolean {
  if (RUNTIME_ONLY.has(instruction.keyword)) return false;
  if (instruction.keyword === "ONBUILD") return false;
  if (instruction.keyword === "USER") return stage.instructions.some((i) => i.ordinal > instruction.ordinal && i.keyword === "RUN");
  return true;
}

function builderLines(input: WriteInput): string[] {
  const { model, stage, plan, builderName } = input;
  const edits = new Map(plan.builderEdits.map((e) => [e.instruction, e.text]));
  const out = [...leadingComments(model, stage.from), builderFrom(model, stage, builderName), ...plan.builderPrelude];
  // A blank line before an instruction that moves to the runtime stage still separates what follows.
  let blankPending = false;
  for (const instruction of stage.instructions) {
    blankPending ||= hasBlankLineBefore(model, instruction);
    if (!keepsInBuilder(stage, instruction)) continue;
    if (blankPending) out.push("");
    blankPending = false;
    out.push(...withComments(model, instruction, edits.get(instruction) ?? instructionText(model, instruction)));
  }
  return [...out, ...(plan.builderEpilogue ?? [])];
}

function runtimeLines(input: WriteInput): string[] {
  const { model, stage, plan, user, workdir } = input;
  const setup = setupLines(model, stage, plan.buildOnlyEnv, workdir);
  const tail = tailLines(model, stage, plan.artifactMoves ?? [], workdir);
  const command = plan.command ? [...commandComments(model, stage), ...plan.command.lines] : commandLines(model, stage);
  const body = [...setup, ...user.setup, ...plan.runtimeSteps, ...(user.line ? [user.line] : []), ...tail, ...command];
  const args = argLines(model, stage, body.join("\n"), plan.runtimeArgs ?? []);
  const name = input.stage.nameToken
    ? ` ${input.stage.asKeyword?.value ?? "AS"} ${input.stage.nameToken.value}`
    : ` ${asKeyword(model, stage)} ${input.runtimeName}`;
  const fromKeyword = model.lines.textIn(input.stage.from.keywordRange) === "from" ? "from" : "FROM";
  return [`${fromKeyword} ${input.runtimeFrom}${name}`, ...args, ...body];
}

/** Everything before the converted stage: header, prelude and (in multi-stage files) earlier stages. */
function leadingSections(model: DockerfileModel, stage: Stage): string[][] {
  const sections: string[][] = [];
  const header = headerLines(model);
  if (header.length > 0) sections.push(header);
  const prelude = model.prelude.flatMap((i) => withComments(model, i));
  if (prelude.length > 0) sections.push(prelude);
  for (const earlier of model.stages.slice(0, stage.index)) {
    sections.push([
      ...leadingComments(model, earlier.from),
      ...[earlier.from, ...earlier.instructions].flatMap((i) => (i === earlier.from ? [instructionText(model, i)] : withComments(model, i))),
    ]);
  }
  return sections;
}

/** The converted file's text, stages separated by one blank line, ending with a newline. */
export function writeConversion(input: WriteInput): string {
  const sections = [...leadingSections(input.model, input.stage), builderLines(input), runtimeLines(input)];
  const trailing = trailingComments(input.model);
  if (trailing.length > 0) sections.push(trailing);
  const eol = input.model.text.includes("\r\n") ? "\r\n" : "\n";
  return `${sections.map((s) => s.join(eol)).join(eol + eol)}${eol}`;
}
