import { rule } from "../../../server/src/rules/run-useradd-no-log-init";
import { testRule } from "../../support/rule-tester";

testRule(rule, {
  fires: [
    {
      code: "FROM debian:12-slim\nRUN useradd -u 1000100 app\n",
      messageId: "noLogInit",
      line: 2,
      token: "useradd",
      data: { uid: "1000100" },
      output: "FROM debian:12-slim\nRUN useradd -l -u 1000100 app\n",
    },
    { name: "--uid=", code: "FROM debian:12-slim\nRUN useradd --uid=123456 app\n", messageId: "noLogInit" },
  ],
  silent: [
    "FROM debian:12-slim\nRUN useradd -u 1000 app\n",
    "FROM debian:12-slim\nRUN useradd --no-log-init -u 123456 app\n",
    { name: "builder stage", code: "FROM debian:12-slim AS b\nRUN useradd -u 123456 app\nFROM scratch\nCOPY --from=b /etc/passwd /etc/passwd\n" },
  ],
});
