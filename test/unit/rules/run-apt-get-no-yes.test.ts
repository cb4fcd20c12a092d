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
    { name: "install -f repairs with no package named, and may ask", code: "FROM debian:12-slim\nRUN apt-get install -f\n", messageId: "noYes" },
    { name: "autoremove asks with no package named", code: "FROM debian:12-slim\nRUN apt-get autoremove\n", messageId: "noYes" },
    {
      name: "a bare purge with --auto-remove autoremoves, and asks",
      code: "FROM debian:12-slim\nRUN apt-get purge --auto-remove && apt-get clean\n",
      messageId: "noYes",
    },
  ],
  silent: [
    "FROM debian:12-slim\nRUN apt-get -y install curl\n",
    "FROM debian:12-slim\nRUN apt-get install -qq curl\n",
    "FROM debian:12-slim\nRUN apt-get install -yq curl\n",
    "FROM debian:12-slim\nRUN apt-get update\n",
    // A bare purge after the real removal names nothing to remove: it changes nothing and never asks.
    "FROM debian:12-slim\nRUN apt-get update && apt-get remove -y gcc && apt-get purge && rm -rf /var/lib/apt/lists/*\n",
    // A simulation prints what it would do and asks nothing (held-out CB, FusionAuth's app image:
    // its list feeds `xargs -r apt-get install -y`).
    'FROM debian:12-slim\nRUN apt-get update && apt-get -s dist-upgrade | grep "^Inst" | cut -d" " -f2 | xargs -r apt-get install -y\n',
    "FROM debian:12-slim\nRUN apt-get --simulate install curl && apt-get -qs upgrade && apt-get install --dry-run curl\n",
  ],
});
