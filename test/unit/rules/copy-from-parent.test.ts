import { rule } from "../../../server/src/rules/copy-from-parent";
import { testRule } from "../../support/rule-tester";

const BASE = "FROM alpine:3.20 AS base\nRUN mkdir /app && echo hi > /app/hello\n";

testRule(rule, {
  fires: [
    {
      name: "copies the parent's files onto themselves: removal offered",
      code: `${BASE}FROM base AS app\nCOPY --from=base /app /app\nCMD ["cat", "/app/hello"]\n`,
      messageId: "parent",
      line: 4,
      token: "base",
      data: { name: "base" },
      output: `${BASE}FROM base AS app\nCMD ["cat", "/app/hello"]\n`,
    },
    {
      name: "into the same directory",
      code: `${BASE}FROM base\nCOPY --from=base /app/hello /app/\n`,
      messageId: "parent",
      output: `${BASE}FROM base\n`,
    },
    {
      name: "grandparent, to another path: no removal offered",
      code: `${BASE}FROM base AS mid\nRUN true\nFROM mid\nCOPY --from=base /app/hello /srv/hello\n`,
      messageId: "parent",
      line: 6,
      token: "base",
      output: null,
    },
    {
      name: "relative destination resolved through WORKDIR",
      code: `${BASE}FROM base\nWORKDIR /app\nCOPY --from=base /app/hello .\n`,
      messageId: "parent",
      output: `${BASE}FROM base\nWORKDIR /app\n`,
    },
  ],
  silent: [
    `${BASE}FROM alpine:3.20\nCOPY --from=base /app /app\n`,
    { name: "sibling stage", code: `${BASE}FROM base AS a\nFROM base AS b\nCOPY --from=a /app /app\n` },
    { name: "mount from the parent sees it as it was", code: `${BASE}FROM base\nRUN --mount=from=base,target=/orig diff -r /orig/app /app\n` },
    { name: "own stage is copy-from-self's", code: "FROM alpine:3.20 AS a\nCOPY --from=a /x /y\n" },
    { name: "ONBUILD resolves in the downstream build", code: `${BASE}FROM base\nONBUILD COPY --from=base /app /app\n` },
  ],
});
