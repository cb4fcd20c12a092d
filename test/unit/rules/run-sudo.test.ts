import { rule } from "../../../server/src/rules/run-sudo";
import { testRule } from "../../support/rule-tester";

testRule(rule, {
  fires: [
    { code: "FROM ubuntu:24.04\nUSER app\nRUN sudo apt-get update\n", messageId: "sudo", line: 3, token: "sudo", output: null },
    { name: "in a chain", code: "FROM ubuntu:24.04\nRUN apt-get update && sudo apt-get install -y x\n", messageId: "sudo", count: 1 },
    {
      name: "once per RUN, on the first sudo",
      code: "FROM ubuntu:24.04\nUSER app\nRUN sudo apt-get update && \\\n    sudo apt-get install -y curl && \\\n    sudo rm -rf /var/lib/apt/lists/*\nRUN sudo mkdir /data\n",
      messageId: "sudo",
      count: 2,
    },
  ],
  silent: ["FROM ubuntu:24.04\nRUN apt-get install -y sudo\n"],
});
