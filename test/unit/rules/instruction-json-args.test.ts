import { rule } from "../../../server/src/rules/instruction-json-args";
import { testRule } from "../../support/rule-tester";

testRule(rule, {
  fires: [
    {
      code: "FROM node:22-alpine\nCMD node server.js\n",
      messageId: "shellForm",
      line: 2,
      data: { keyword: "CMD" },
      output: 'FROM node:22-alpine\nCMD ["node", "server.js"]\n',
    },
    {
      name: "ENTRYPOINT",
      code: "FROM scratch\nENTRYPOINT /app --serve\n",
      messageId: "shellForm",
      line: 2,
      data: { keyword: "ENTRYPOINT" },
      output: 'FROM scratch\nENTRYPOINT ["/app", "--serve"]\n',
    },
    { name: "shell syntax gets no fix", code: "FROM alpine:3.20\nCMD echo $HOME && sleep 1\n", messageId: "shellForm", output: null },
  ],
  silent: [
    'FROM node:22-alpine\nCMD ["node", "server.js"]\n',
    { name: "SHELL in the stage", code: 'FROM alpine:3.20\nSHELL ["/bin/ash", "-c"]\nCMD run\n' },
    { name: "SHELL in the parent stage", code: 'FROM alpine:3.20 AS base\nSHELL ["/bin/ash", "-c"]\nFROM base\nCMD run\n' },
    { name: "skipped through a check comment", code: "FROM scratch\n# check=skip=JSONArgsRecommended\nCMD run\n" },
  ],
});
