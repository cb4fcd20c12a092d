import { rule } from "../../../server/src/rules/var-undefined-in-from";
import { testRule } from "../../support/rule-tester";

testRule(rule, {
  fires: [
    {
      code: "ARG NODE_VERSION=22\nFROM node:${NODE_VERSON}-alpine\n",
      messageId: "didYouMean",
      line: 2,
      token: "${NODE_VERSON}",
      data: { name: "NODE_VERSON", suggestion: "NODE_VERSION" },
      output: "ARG NODE_VERSION=22\nFROM node:${NODE_VERSION}-alpine\n",
    },
    { name: "undeclared", code: "FROM busybox:${version}\n", messageId: "undeclared", data: { name: "version" }, output: null },
    { name: "in --platform", code: "ARG MY_ARCH=amd64\nFROM --platform=linux/${MYARCH} busybox\n", messageId: "didYouMean", token: "${MYARCH}" },
  ],
  silent: [
    "ARG base=alpine:3.20\nFROM $base\n",
    "FROM --platform=$BUILDPLATFORM golang:1.23\n",
    { name: "declared without a default", code: "ARG DEBUG\nFROM scratch${DEBUG}\n" },
    { name: "a Maven template placeholder is no build ARG", code: "FROM ${docker.base.image}\n" },
  ],
});
