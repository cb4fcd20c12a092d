import { rule } from "../../../server/src/rules/copy-from-cycle";
import { testRule } from "../../support/rule-tester";

testRule(rule, {
  fires: [
    {
      name: "three stages in a loop (BuildKit's own test)",
      code: "FROM busybox AS stage0\nCOPY --from=stage2 f1 /sub/\nFROM busybox AS stage1\nCOPY --from=stage0 f2 /sub/\nFROM busybox AS stage2\nCOPY --from=stage1 f2 /sub/\n",
      messageId: "cycle",
      line: 2,
      token: "stage2",
      data: { cycle: "'stage0' -> 'stage2' -> 'stage1' -> 'stage0'" },
      output: null,
    },
    {
      name: "two stages copying from each other",
      code: "FROM alpine:3.20 AS a\nCOPY --from=b /x /x\nFROM alpine:3.20 AS b\nCOPY --from=a /y /y\n",
      messageId: "cycle",
      line: 2,
      token: "b",
      data: { cycle: "'a' -> 'b' -> 'a'" },
    },
    {
      name: "through FROM and a mount",
      code: "FROM alpine:3.20 AS a\nRUN --mount=from=c,target=/c ls /c\nFROM a AS c\n",
      messageId: "cycle",
      line: 2,
      token: "c",
      data: { cycle: "'a' -> 'c' -> 'a'" },
    },
  ],
  silent: [
    "FROM alpine:3.20 AS a\nFROM alpine:3.20 AS b\nCOPY --from=a /y /y\n",
    { name: "self-reference is copy-from-self's", code: "FROM busybox AS stage0\nCOPY --from=stage0 f1 /sub/\n" },
    { name: "forward reference without a loop", code: "FROM alpine:3.20\nCOPY --from=b /x /x\nFROM alpine:3.20 AS b\n" },
    {
      name: "an ONBUILD trigger naming a later stage closes no loop (it runs in a downstream build)",
      code: "FROM alpine:3.22 AS a\nONBUILD COPY --from=b /x /x\nFROM alpine:3.22 AS b\nCOPY --from=a /etc/hosts /h\n",
    },
  ],
});
