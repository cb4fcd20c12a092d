import { rule } from "../../../server/src/rules/stage-name-reserved";
import { testRule } from "../../support/rule-tester";

testRule(rule, {
  fires: [
    { code: "FROM foo:bar AS scratch\n", messageId: "scratch", line: 1, token: "scratch", data: { name: "scratch" }, output: null },
    { code: "FROM foo:bar AS context\n", messageId: "context", line: 1, token: "context", data: { name: "context" } },
    { name: "case-insensitive", code: "FROM alpine:3.20 AS Scratch\nFROM alpine:3.20 AS CONTEXT\n", messageId: "scratch", count: 2 },
  ],
  silent: [
    "FROM foo:bar AS foobar\n",
    "FROM scratch\nFROM scratch AS a\n",
    { name: "names that merely contain a reserved word", code: "FROM alpine:3.20 AS scratch-base\nFROM alpine:3.20 AS build-context\n" },
  ],
});
