import { rule } from "../../../server/src/rules/instruction-casing";
import { testRule } from "../../support/rule-tester";

testRule(rule, {
  fires: [
    {
      code: "FROM alpine:3.20\ncopy app /app\nCOPY run.sh /run.sh\n",
      messageId: "casing",
      line: 2,
      token: "copy",
      data: { keyword: "copy", casing: "upper case", expected: "COPY" },
      output: "FROM alpine:3.20\nCOPY app /app\nCOPY run.sh /run.sh\n",
    },
    {
      name: "majority lower case",
      code: "from alpine:3.20\nCOPY app /app\nrun make\n",
      messageId: "casing",
      line: 2,
      output: "from alpine:3.20\ncopy app /app\nrun make\n",
    },
    { name: "mixed case is never consistent", code: "From alpine:3.20\nRUN make\n", messageId: "casing", line: 1, token: "From" },
  ],
  silent: [
    "FROM alpine:3.20\nRUN make\n",
    "from alpine:3.20\nrun make\n",
    { name: "global ARGs are not counted", code: "arg V=1\nFROM alpine:3.20\nRUN make\n" },
    { name: "skipped through check=skip", code: "# check=skip=ConsistentInstructionCasing\nFROM alpine:3.20\ncopy a /a\n" },
  ],
});
