import { rule } from "../../../server/src/rules/instruction-expose-protocol-casing";
import { testRule } from "../../support/rule-tester";

testRule(rule, {
  fires: [
    {
      code: "FROM nginx:1.27\nEXPOSE 80/TCP\n",
      messageId: "casing",
      line: 2,
      token: "80/TCP",
      data: { port: "80/TCP", fixed: "80/tcp" },
      output: "FROM nginx:1.27\nEXPOSE 80/tcp\n",
    },
    { name: "each port", code: "FROM scratch\nEXPOSE 80/TcP 8080/TCP 8080/udp\n", messageId: "casing", count: 2 },
  ],
  silent: ["FROM nginx:1.27\nEXPOSE 80/tcp 53/udp 8080\n", { name: "variable", code: "FROM scratch\nARG P=80/TCP\nEXPOSE $P\n" }],
});
