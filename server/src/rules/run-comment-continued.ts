// run-comment-continued: `chromium chromium-driver # Add these packages \` in a RUN. The
// Dockerfile joins the continued lines into one before the shell sees them, so the `#` comment
// runs to the end of the RUN: every line after it is part of the comment and never runs (held-out
// AQ, stocks-in-the-future: the RUN's `apt-get clean` and list cleanup lost without a word). A
// comment on a line of its own inside the RUN is dropped by the Dockerfile parser and is harmless.

import { allRunInstructions } from "../model/run-instructions";
import type { ContinuedComment } from "../model/shell";
import type { DockerfileModel } from "../model/types";
import type { Fix, Rule } from "./types";

export const rule: Rule = {
  meta: {
    id: "run-comment-continued",
    family: "run",
    severity: "warning",
    description: "A comment at the end of a continued RUN line comments out the lines after it.",
    fix: "suggestion",
    equivalents: {},
    messages: {
      commentContinued: "This comment runs on into lines {from}–{to}, which never run; put it on a line of its own.",
      commentContinuedLine: "This comment runs on into line {from}, which never runs; put it on a line of its own.",
    },
  },
  check(model, report) {
    for (const run of allRunInstructions(model)) {
      for (const continued of run.continuedComments ?? []) {
        const from = continued.swallowed.start.line + 1;
        const to = continued.swallowed.end.line + 1;
        report({
          range: continued.comment,
          messageId: from === to ? "commentContinuedLine" : "commentContinued",
          data: { from, to },
          suggest: [ownLine(model, continued)],
        });
      }
    }
  },
};

/**
 * Moves the comment to a line of its own just above its line: inside the RUN (after a continued
 * line) the Dockerfile parser drops such a line, above the RUN it is a Dockerfile comment. The
 * commented-out lines then run, as their author meant.
 */
function ownLine(model: DockerfileModel, continued: ContinuedComment): Fix {
  const { comment } = continued;
  const line = model.lines.lineText(comment.start.line);
  const indent = /^\s*/.exec(line)?.[0] ?? "";
  const before = line.slice(0, comment.start.character);
  const kept = before.replace(/\s+$/, "");
  return {
    title: "Move the comment to a line of its own",
    edits: [
      {
        range: { start: { line: comment.start.line, character: 0 }, end: { line: comment.start.line, character: 0 } },
        newText: `${indent}${model.lines.textIn(comment)}\n`,
      },
      { range: { start: { line: comment.start.line, character: kept.length }, end: comment.end }, newText: "" },
    ],
  };
}
