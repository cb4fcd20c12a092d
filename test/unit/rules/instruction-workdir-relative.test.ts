import { rule } from "../../../server/src/rules/instruction-workdir-relative";
import { testRule } from "../../support/rule-tester";

testRule(rule, {
  fires: [
    { code: "FROM node:22-alpine\nWORKDIR app\n", messageId: "relative", line: 2, token: "app", data: { path: "app" }, output: null },
    { name: "variable with a known relative value", code: "FROM alpine:3.20\nARG DIR=src\nWORKDIR $DIR\n", messageId: "relative", line: 3 },
  ],
  silent: [
    "FROM node:22-alpine\nWORKDIR /app\nWORKDIR src\n",
    { name: "anchored in the parent stage", code: "FROM alpine:3.20 AS a\nWORKDIR /app\nFROM a\nWORKDIR sub\n" },
    { name: "Windows path", code: "# escape=`\nFROM mcr.microsoft.com/windows/nanoserver:ltsc2022\nWORKDIR C:\\app\n" },
    { name: "unknown variable", code: "FROM alpine:3.20\nWORKDIR $HOME\n" },
    // Found by the LSP fuzzer (seed 505): the rule threw on a path-less WORKDIR before any FROM.
    { name: "a WORKDIR without a path and no FROM", code: "WORKDIR \\\n" },
    { name: "a WORKDIR without a path and no FROM, alone", code: "WORKDIR\n" },
  ],
});
