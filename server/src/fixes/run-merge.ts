// Merges a RUN into the RUN before it: `RUN a` + `RUN b` becomes `RUN a && \` / `    b`, one
// layer instead of two. Comment lines between them are kept (Docker drops comment lines inside a
// continued instruction); blank lines are dropped (an empty continuation line is deprecated).

import { chainsWithAnd, shellProgramAt } from "../model/run-shell";
import type { TextEdit } from "../model/text";
import type { DockerfileModel, Instruction } from "../model/types";

/** Text after the last command word that still lets `&& next` follow: closing parentheses only. */
const JOINABLE_TAIL = /^[\s)]*$/;

/**
 * Edits that turn `previous` and `next` (two RUNs of one stage with only comments between them)
 * into one RUN keeping `previous`'s flags. Null when the merge could change the script or cannot
 * be written: exec form, heredocs, differing flags, a script ending in `;`, `&`, `|` or a comment,
 * or a shell where `&&` does not chain (PowerShell).
 */
export function mergeIntoPreviousRun(model: DockerfileModel, previous: Instruction, next: Instruction): TextEdit[] | null {
  for (const run of [previous, next]) {
    if (run.keyword !== "RUN" || run.isJsonForm || run.heredocs.length > 0 || run.args.length === 0 || run.commands.length === 0) return null;
  }
  if (!haveSameFlags(model, previous, next)) return null;
  if (previous.stage && !chainsWithAnd(shellProgramAt(previous.stage, previous))) return null;
  const lastArg = previous.args[previous.args.length - 1];
  const lastCommand = previous.commands[previous.commands.length - 1];
  const lastWord = lastCommand.words[lastCommand.words.length - 1];
  // A trailing `;`, `&` or `# comment` would swallow or detach the appended command.
  if (!JOINABLE_TAIL.test(model.lines.textIn({ start: lastWord.range.end, end: lastArg.range.end }))) return null;
  if (model.lines.textIn({ start: lastArg.range.end, end: previous.range.end }).trim() !== "") return null;

  // The file's own line ending: a CRLF file must not get lone LFs.
  const eol = model.text.includes("\r\n") ? "\r\n" : "\n";
  const comments = model.comments
    .filter((c) => c.range.start.line > previous.range.end.line && c.range.start.line < next.range.start.line)
    .map((c) => `${model.lines.lineText(c.range.start.line).trim()}${eol}`);
  const esc = model.escapeChar;
  const indent = continuationIndent(model, previous);
  return [{ range: { start: lastArg.range.end, end: next.args[0].range.start }, newText: ` && ${esc}${eol}${comments.join("")}${indent}` }];
}

/** True when two RUNs carry the same flags as written (`--mount=...`, `--network=...`). */
export function haveSameFlags(model: DockerfileModel, a: Instruction, b: Instruction): boolean {
  const text = (run: Instruction) => run.flags.map((f) => model.lines.textIn(f.range)).join(" ");
  return text(a) === text(b);
}

/** The indentation of `run`'s continuation lines, four spaces for a one-line RUN. */
function continuationIndent(model: DockerfileModel, run: Instruction): string {
  if (run.range.start.line === run.range.end.line) return "    ";
  const indent = /^\s*/.exec(model.lines.lineText(run.range.end.line))?.[0] ?? "";
  return indent === "" ? "    " : indent;
}
