import { rule } from "../../../server/src/rules/instruction-empty-continuation";
import { testRule } from "../../support/rule-tester";

testRule(rule, {
  fires: [
    {
      code: "FROM alpine:3.20\nRUN apk add --no-cache \\\n\n    curl\n",
      messageId: "empty",
      line: 4,
      token: "curl",
      output: "FROM alpine:3.20\nRUN apk add --no-cache \\\n    curl\n",
    },
    { name: "several empty lines", code: "FROM scratch\nCOPY a \\\n\n  \n  /a\n", messageId: "empty", line: 5, output: "FROM scratch\nCOPY a \\\n  /a\n" },
  ],
  silent: [
    "FROM alpine:3.20\nRUN apk add \\\n  curl\n",
    { name: "comment line inside", code: "FROM alpine:3.20\nRUN apk add \\\n  # why\n  curl\n" },
    { name: "heredoc body", code: "FROM alpine:3.20\nRUN <<EOF\necho a\n\necho b\nEOF\n" },
    { name: "skipped through check=skip", code: "# check=skip=NoEmptyContinuation\nFROM alpine:3.20\nRUN apk add \\\n\n  curl\n" },
  ],
});
