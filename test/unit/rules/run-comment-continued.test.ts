import { rule } from "../../../server/src/rules/run-comment-continued";
import { testRule } from "../../support/rule-tester";

testRule(rule, {
  fires: [
    {
      // Held-out AQ, rubyforgood/stocks-in-the-future: the cleanup after the comment never ran.
      name: "a comment at the end of a continued line swallows the rest of the RUN",
      code: "FROM debian:12-slim\nRUN apt-get update && \\\n    apt-get install -y curl # the client \\\n    git && \\\n    rm -rf /var/lib/apt/lists/*\n",
      messageId: "commentContinued",
      line: 3,
      data: { from: 4, to: 5 },
      output:
        "FROM debian:12-slim\nRUN apt-get update && \\\n    # the client\n    apt-get install -y curl \\\n    git && \\\n    rm -rf /var/lib/apt/lists/*\n",
    },
    {
      name: "one swallowed line",
      code: "FROM alpine:3.20\nRUN apk add --no-cache curl # needed for the health check \\\n && adduser -D app\n",
      messageId: "commentContinuedLine",
      line: 2,
      data: { from: 3, to: 3 },
      // On the RUN's first line, the comment moves above the RUN: a Dockerfile comment.
      output: "FROM alpine:3.20\n# needed for the health check\nRUN apk add --no-cache curl \\\n && adduser -D app\n",
    },
  ],
  silent: [
    {
      name: "a comment on a line of its own inside the RUN, which the Dockerfile parser drops",
      code: "FROM debian:12-slim\nRUN apt-get update && \\\n    # the client\n    apt-get install -y curl && \\\n    rm -rf /var/lib/apt/lists/*\n",
    },
    { name: "a comment at the end of the RUN", code: "FROM debian:12-slim\nRUN apt-get update && apt-get install -y curl # the client\n" },
    {
      name: "a continued comment followed only by comment and empty lines: nothing is lost",
      code: "FROM debian:12-slim\nRUN apt-get install -y curl # the client \\\n    # and nothing else\n",
    },
    { name: "a # inside quotes or a word", code: 'FROM debian:12-slim\nRUN echo "#1 \\\n  two" && v=${X#pre} && echo a#b \\\n  && true\n' },
    {
      name: "a heredoc script: the shell ends the comment at its line",
      code: "FROM debian:12-slim\nRUN <<EOF\napt-get install -y curl # the client \\\ngit\nEOF\n",
    },
    { name: "exec form", code: 'FROM debian:12-slim\nRUN ["sh", "-c", "echo # not a comment here"]\n' },
  ],
});
