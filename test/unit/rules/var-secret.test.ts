import { rule } from "../../../server/src/rules/var-secret";
import { testRule } from "../../support/rule-tester";

testRule(rule, {
  fires: [
    { code: "FROM alpine:3.20\nARG NPM_TOKEN\n", messageId: "secret", line: 2, token: "NPM_TOKEN", data: { keyword: "ARG", name: "NPM_TOKEN" }, output: null },
    { name: "ENV pairs", code: "FROM scratch\nENV password=bar secret=baz\n", messageId: "secret", count: 2 },
    { name: "legacy ENV", code: "FROM scratch\nENV DB_PASSWORD hunter2\n", messageId: "secret", token: "DB_PASSWORD" },
  ],
  silent: [
    "FROM scratch\nARG PUBLIC_KEY\nENV PASSWORD_FILE=/run/secrets/pw\nARG AUTH_MODULE_VERSION\n",
    { name: "keyword inside a word", code: "FROM scratch\nENV MONKEY=1 AUTHOR=me\n" },
    { name: "skipped through a check comment", code: "FROM scratch\n# check=skip=SecretsUsedInArgOrEnv // test only\nARG password\n" },
  ],
});
