import { rule } from "../../../server/src/rules/stage-name-duplicate";
import { testRule } from "../../support/rule-tester";

testRule(rule, {
  fires: [
    {
      code: "FROM node:20 AS build\nRUN npm ci\nFROM golang:1.22 AS build\nRUN go build\n",
      messageId: "duplicate",
      line: 3,
      token: "build",
      data: { name: "build", line: 1 },
      output: null,
    },
    {
      name: "case-insensitive",
      code: "FROM node:20 AS build\nFROM node:20 AS Build\n",
      messageId: "duplicate",
      line: 2,
      token: "Build",
      data: { name: "Build", line: 1 },
    },
    {
      name: "every later occurrence, each pointing at the first",
      code: "FROM alpine:3.20 AS a\nFROM alpine:3.20 AS a\nFROM alpine:3.20 AS a\n",
      messageId: "duplicate",
      count: 2,
      data: { name: "a", line: 1 },
    },
  ],
  silent: [
    "FROM scratch AS build\nRUN foo\nFROM node:20 AS run\nRUN baz\n",
    "FROM alpine:3.20\nFROM alpine:3.20\n",
    { name: "a stage built on a same-named image is not a duplicate", code: "FROM build:1 AS build\n" },
    { name: "variable names are stage-name-invalid's", code: "ARG N\nFROM alpine:3.20 AS ${N}\nFROM alpine:3.20 AS ${N}\n" },
  ],
});
