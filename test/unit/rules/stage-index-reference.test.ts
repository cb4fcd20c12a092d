import { rule } from "../../../server/src/rules/stage-index-reference";
import { testRule } from "../../support/rule-tester";

testRule(rule, {
  fires: [
    {
      name: "unnamed stage gets 'builder'",
      code: "FROM golang:1.22\nRUN go build -o /app .\nFROM alpine:3.20\nCOPY --from=0 /app /app\n",
      messageId: "unnamed",
      line: 4,
      token: "0",
      data: { index: "0", line: 1 },
      output: "FROM golang:1.22 AS builder\nRUN go build -o /app .\nFROM alpine:3.20\nCOPY --from=builder /app /app\n",
    },
    {
      name: "named stage: references rewritten to its name",
      code: "FROM golang:1.22 AS build\nFROM alpine:3.20\nCOPY --from=0 /app /app\nRUN --mount=from=0,source=/src,target=/src true\n",
      messageId: "named",
      count: 2,
      token: "0",
      data: { index: "0", name: "build" },
      output: "FROM golang:1.22 AS build\nFROM alpine:3.20\nCOPY --from=build /app /app\nRUN --mount=from=build,source=/src,target=/src true\n",
    },
    {
      name: "several unnamed stages are named after their index",
      code: "FROM a:1\nFROM b:1\nFROM c:1\nCOPY --from=0 /a /a\nCOPY --from=1 /b /b\n",
      messageId: "unnamed",
      count: 2,
      output: "FROM a:1 AS stage-0\nFROM b:1\nFROM c:1\nCOPY --from=stage-0 /a /a\nCOPY --from=1 /b /b\n",
    },
    {
      name: "'builder' taken by an image reference",
      code: "FROM golang:1.22\nFROM builder:1 AS tools\nFROM alpine:3.20\nCOPY --from=0 /a /a\nCOPY --from=builder /b /b\n",
      messageId: "unnamed",
      line: 4,
      output: "FROM golang:1.22 AS stage-0\nFROM builder:1 AS tools\nFROM alpine:3.20\nCOPY --from=stage-0 /a /a\nCOPY --from=builder /b /b\n",
    },
    {
      name: "lower-case from gets a lower-case as; flags and continuation lines kept",
      code: "from --platform=$BUILDPLATFORM \\\n  golang:1.22\nfrom alpine:3.20\ncopy --from=0 /a /a\n",
      messageId: "unnamed",
      line: 4,
      output: "from --platform=$BUILDPLATFORM \\\n  golang:1.22 as builder\nfrom alpine:3.20\ncopy --from=builder /a /a\n",
    },
    {
      name: "mount from an index, in a later stage only",
      code: "FROM node:20\nFROM node:20 AS app\nRUN --mount=type=bind,from=0,source=/x,target=/x true\n",
      messageId: "unnamed",
      line: 3,
      token: "0",
      output: "FROM node:20 AS builder\nFROM node:20 AS app\nRUN --mount=type=bind,from=builder,source=/x,target=/x true\n",
    },
    {
      name: "stage named by a build argument: reported, no fix",
      code: "ARG N=x\nFROM a:1 AS ${N}\nFROM b:1\nCOPY --from=0 /a /a\n",
      messageId: "named",
      line: 4,
      output: null,
    },
  ],
  silent: [
    "FROM golang:1.22 AS build\nFROM alpine:3.20\nCOPY --from=build /app /app\n",
    { name: "index of no stage is copy-from-index-invalid's", code: "FROM alpine:3.20\nCOPY --from=3 /a /a\n" },
    { name: "own or later index is copy-from-index-invalid's", code: "FROM alpine:3.20\nCOPY --from=0 /a /a\nCOPY --from=1 /b /b\nFROM alpine:3.20\n" },
    { name: "index chosen by a build argument", code: "ARG SRC=0\nFROM a:1\nFROM b:1\nCOPY --from=${SRC} /a /a\n" },
    { name: "ONBUILD triggers name a downstream build's stages", code: "FROM a:1\nFROM b:1\nONBUILD COPY --from=0 /a /a\n" },
    { name: "an image reference", code: "FROM alpine:3.20\nCOPY --from=nginx:1.27 /etc/nginx /etc/nginx\n" },
    { name: "fragment without FROM", code: "COPY --from=0 /a /a\n" },
  ],
});
