import { rule } from "../../../server/src/rules/instruction-copy-dest-not-dir";
import { testRule } from "../../support/rule-tester";

testRule(rule, {
  fires: [
    {
      code: "FROM node:22-alpine\nCOPY package.json package-lock.json /app\n",
      messageId: "notDir",
      line: 2,
      token: "/app",
      data: { keyword: "COPY", count: 2, dest: "/app" },
      output: "FROM node:22-alpine\nCOPY package.json package-lock.json /app/\n",
    },
    { name: "quoted", code: 'FROM scratch\nCOPY a b "c"\n', messageId: "notDir", output: 'FROM scratch\nCOPY a b "c/"\n' },
  ],
  silent: ["FROM scratch\nCOPY a b c/\n", "FROM scratch\nCOPY a b\n", "FROM scratch\nCOPY a b .\n", "FROM scratch\nCOPY a b $DEST\n"],
});
