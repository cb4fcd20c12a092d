import { rule } from "../../../server/src/rules/copy-from-index-invalid";
import { testRule } from "../../support/rule-tester";

testRule(rule, {
  fires: [
    {
      name: "index past the last stage",
      code: "FROM golang:1.22\nRUN go build -o /app .\nFROM alpine:3.20\nCOPY --from=5 /app /app\n",
      messageId: "outOfRange",
      line: 4,
      token: "5",
      data: { index: 5, count: 2 },
      output: null,
    },
    { name: "the stage's own index", code: "FROM alpine:3.20\nCOPY --from=0 /a /b\n", messageId: "self", line: 2, token: "0", data: { index: 0 } },
    {
      name: "a later stage's index",
      code: "FROM alpine:3.20\nCOPY --from=1 /a /b\nFROM alpine:3.20\n",
      messageId: "later",
      line: 2,
      token: "1",
      data: { index: 1, line: 3 },
    },
    { name: "before any FROM", code: "COPY --from=0 bar .\n", messageId: "noStage", line: 1, token: "0", data: { index: 0 } },
    {
      name: "RUN --mount from= an index",
      code: "FROM alpine:3.20\nFROM alpine:3.20\nRUN --mount=from=2,target=/x ls /x\n",
      messageId: "outOfRange",
      line: 3,
      token: "2",
    },
    { name: "index from an ARG default", code: "ARG STAGE=4\nFROM alpine:3.20\nCOPY --from=$STAGE /a /b\n", messageId: "outOfRange", line: 3, token: "$STAGE" },
  ],
  silent: [
    "FROM scratch AS build\nRUN foo\nFROM node:20\nCOPY --from=0 foo .\n",
    "FROM scratch\nRUN foo\nFROM node:20\nCOPY --from=0 foo .\n",
    { name: "names are other rules'", code: "FROM alpine:3.20 AS a\nCOPY --from=a /x /y\n" },
    { name: "ONBUILD resolves in the downstream build", code: "FROM alpine:3.20\nONBUILD COPY --from=0 /a /b\n" },
    { name: "unresolvable variable", code: "ARG STAGE\nFROM alpine:3.20\nCOPY --from=$STAGE /a /b\n" },
  ],
});
