import { rule } from "../../../server/src/rules/copy-from-later-stage";
import { testRule } from "../../support/rule-tester";

testRule(rule, {
  fires: [
    {
      name: "COPY --from a stage defined below",
      code: "FROM scratch\nCOPY --from=build foo .\nFROM node:20 AS build\nRUN baz\n",
      messageId: "later",
      line: 2,
      token: "build",
      data: { name: "build", line: 3 },
      output: null,
    },
    {
      name: "name written in another case",
      code: "FROM alpine:3.20\nCOPY --from=BUILD /out /out\nFROM golang:1.22 AS build\n",
      messageId: "later",
      token: "BUILD",
      data: { name: "build", line: 3 },
    },
    {
      name: "RUN --mount from= a later stage",
      code: "FROM alpine:3.20\nRUN --mount=from=tools,target=/t /t/run\nFROM alpine:3.20 AS tools\n",
      messageId: "later",
      line: 2,
      token: "tools",
    },
    {
      name: "FROM a name only defined later pulls an image",
      code: "FROM base\nRUN true\nFROM alpine:3.20 AS base\n",
      messageId: "fromLater",
      line: 1,
      token: "base",
      data: { name: "base", line: 3 },
    },
  ],
  silent: [
    "FROM scratch AS build\nRUN foo\nFROM node:20\nCOPY --from=build foo .\nRUN baz\n",
    { name: "a cycle is copy-from-cycle's", code: "FROM alpine:3.20 AS a\nCOPY --from=b /x /x\nFROM alpine:3.20 AS b\nCOPY --from=a /y /y\n" },
    { name: "indexes are copy-from-index-invalid's", code: "FROM alpine:3.20\nCOPY --from=1 /x /x\nFROM alpine:3.20\n" },
    { name: "ONBUILD resolves in the downstream build", code: "FROM alpine:3.20\nONBUILD COPY --from=build /x /x\nFROM alpine:3.20 AS build\n" },
    { name: "FROM an official image that a later stage is also named", code: "FROM node:20\nRUN true\nFROM node:20-slim AS node\n" },
    { name: "image with a tag", code: "FROM alpine:3.20\nCOPY --from=build:1.0 /x /x\nFROM alpine:3.20 AS build\n" },
    { name: "fragment without FROM", code: "COPY --from=foo bar .\n" },
  ],
});
