import { rule } from "../../../server/src/rules/base-image-platform-redundant";
import { testRule } from "../../support/rule-tester";

testRule(rule, {
  fires: [
    {
      code: "FROM --platform=$TARGETPLATFORM alpine:3.20\n",
      messageId: "redundant",
      line: 1,
      token: "--platform=$TARGETPLATFORM",
      data: { value: "$TARGETPLATFORM" },
      output: "FROM alpine:3.20\n",
    },
    { name: "braced", code: "FROM --platform=${TARGETPLATFORM} scratch AS a\n", messageId: "redundant", output: "FROM scratch AS a\n" },
  ],
  silent: ["FROM --platform=$BUILDPLATFORM golang:1.23 AS build\n", "FROM --platform=${TARGETPLATFORM:-linux/amd64} alpine:3.20\n"],
});
