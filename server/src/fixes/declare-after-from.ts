// `ARG <name>` on the line after a stage's FROM: how a stage sees a build argument declared in the
// global scope (a platform argument, an ARG before the first FROM).

import type { DockerfileModel, Stage } from "../model/types";
import type { Fix } from "./types";

/** `ARG <name>` on the line after the stage's FROM (after all its lines, when continued), written as the FROM is. */
export function declareAfterFrom(model: DockerfileModel, stage: Stage, name: string): Fix {
  const { lines } = model;
  const fromLine = stage.from.range.start.line;
  const nextLine = stage.from.range.end.line + 1;
  const indent = /^[ \t]*/.exec(lines.lineText(fromLine))?.[0] ?? "";
  const keyword = lines.textIn(stage.from.keywordRange) === "from" ? "arg" : "ARG";
  const position = { line: nextLine, character: 0 };
  // A CRLF file keeps its line ends.
  const lineBreak = model.text.startsWith("\r\n", lines.offsetAt(position) - 2) ? "\r\n" : "\n";
  return {
    title: `Add 'ARG ${name}' after the stage's FROM`,
    edits: [{ range: { start: position, end: position }, newText: `${indent}${keyword} ${name}${lineBreak}` }],
    isPreferred: true,
  };
}
