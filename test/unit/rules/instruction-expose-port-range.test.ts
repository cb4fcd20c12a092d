import { rule } from "../../../server/src/rules/instruction-expose-port-range";
import { testRule } from "../../support/rule-tester";

testRule(rule, {
  fires: [
    { code: "FROM nginx:1.27\nEXPOSE 80800\n", messageId: "outOfRange", line: 2, token: "80800", data: { port: "80800" }, output: null },
    { name: "range", code: "FROM scratch\nEXPOSE 40000-80000/tcp\n", messageId: "outOfRange" },
  ],
  silent: ["FROM nginx:1.27\nEXPOSE 8080 40000-60000/tcp\n", "FROM scratch\nEXPOSE ${PORT}\n"],
});
