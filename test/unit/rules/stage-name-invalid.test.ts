import { rule } from "../../../server/src/rules/stage-name-invalid";
import { testRule } from "../../support/rule-tester";

testRule(rule, {
  fires: [
    { code: "FROM alpine:3.20 AS 1st\n", messageId: "invalid", line: 1, token: "1st", data: { name: "1st" }, output: null },
    { name: "leading underscore", code: "FROM alpine:3.20 AS _build\n", messageId: "invalid", token: "_build" },
    { name: "slash", code: "FROM alpine:3.20 AS platform-arm/v7\n", messageId: "invalid", token: "platform-arm/v7" },
    { name: "upper case plus a symbol: reported once, here", code: "FROM alpine:3.20 AS Build@Home\n", messageId: "invalid", line: 1 },
    {
      name: "build argument in the name",
      code: "ARG STAGE=build\nFROM alpine:3.20 AS ${STAGE}\n",
      messageId: "variable",
      line: 2,
      token: "${STAGE}",
      data: { name: "${STAGE}" },
    },
    {
      name: "second stage on a continuation line",
      code: "FROM alpine:3.20 AS ok\nFROM alpine:3.20 \\\n  AS bad!\n",
      messageId: "invalid",
      line: 3,
      token: "bad!",
    },
  ],
  silent: [
    "FROM alpine:3.20 AS build\n",
    "FROM alpine:3.20 AS a_lpi-n.e99\n",
    { name: "upper case is stage-name-casing's", code: "FROM alpine:3.20 AS Builder\n" },
    "FROM alpine:3.20\n",
    { name: "no FROM at all", code: "RUN echo hi\n" },
  ],
});
