import { rule } from "../../../server/src/rules/run-apt-get-no-yes";
import { testRule } from "../../support/rule-tester";

testRule(rule, {
  fires: [
    {
      code: "FROM debian:12-slim\nRUN apt-get update && apt-get install curl\n",
      messageId: "noYes",
      line: 2,
      token: "install",
      data: { subcommand: "install" },
      output: "FROM debian:12-slim\nRUN apt-get update && apt-get install -y curl\n",
    },
    { name: "one -q is not enough", code: "FROM debian:12-slim\nRUN apt-get install -q curl\n", messageId: "noYes" },
  ],
  silent: [
    "FROM debian:12-slim\nRUN apt-get -y install curl\n",
    "FROM debian:12-slim\nRUN apt-get install -qq curl\n",
    "FROM debian:12-slim\nRUN apt-get install -yq curl\n",
    "FROM debian:12-slim\nRUN apt-get update\n",
  ],
});
