import { rule } from "../../../server/src/rules/instruction-expose-host-mapping";
import { testRule } from "../../support/rule-tester";

testRule(rule, {
  fires: [
    {
      code: "FROM nginx:1.27\nEXPOSE 8080:80\n",
      messageId: "hostMapping",
      line: 2,
      token: "8080:80",
      data: { port: "8080:80", fixed: "80" },
      output: "FROM nginx:1.27\nEXPOSE 80\n",
    },
    { name: "IP and protocol", code: "FROM scratch\nEXPOSE 127.0.0.1:53:53/udp\n", messageId: "hostMapping", output: "FROM scratch\nEXPOSE 53/udp\n" },
    {
      // Held-out BC, docker-galaxy-stable: `EXPOSE :21` builds, exposing 21.
      name: "a host-port separator with nothing before it",
      code: "FROM ubuntu:24.04\nEXPOSE :21\n",
      messageId: "emptyHost",
      data: { port: ":21", fixed: "21" },
      output: "FROM ubuntu:24.04\nEXPOSE 21\n",
    },
    { name: "IPv6", code: "FROM scratch\nEXPOSE [::1]:8080:8080\n", messageId: "hostMapping", data: { port: "[::1]:8080:8080", fixed: "8080" } },
  ],
  silent: ["FROM nginx:1.27\nEXPOSE 80 443/tcp 8000-8010\n"],
});
