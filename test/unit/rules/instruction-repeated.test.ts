import { rule } from "../../../server/src/rules/instruction-repeated";
import { testRule } from "../../support/rule-tester";

testRule(rule, {
  fires: [
    {
      code: 'FROM node:22-alpine\nCMD ["node", "a.js"]\nCMD ["node", "b.js"]\n',
      messageId: "overridden",
      line: 2,
      token: "CMD",
      data: { keyword: "CMD", line: 3 },
      output: 'FROM node:22-alpine\nCMD ["node", "b.js"]\n',
    },
    {
      name: "each kind",
      code: 'FROM scratch\nENTRYPOINT ["/a"]\nHEALTHCHECK CMD ["/a"]\nENTRYPOINT ["/b"]\nHEALTHCHECK NONE\n',
      messageId: "overridden",
      count: 2,
    },
  ],
  silent: [
    'FROM node:22-alpine\nENTRYPOINT ["node"]\nCMD ["a.js"]\n',
    { name: "per stage", code: 'FROM scratch AS a\nCMD ["/a"]\nFROM a\nCMD ["/b"]\n' },
    { name: "ONBUILD triggers are not the stage's", code: 'FROM scratch\nONBUILD CMD ["/a"]\nCMD ["/b"]\n' },
  ],
});
