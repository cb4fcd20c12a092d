import { rule } from "../../../server/src/rules/base-image-platform-constant";
import { testRule } from "../../support/rule-tester";

testRule(rule, {
  fires: [
    { code: "FROM --platform=linux/amd64 node:22\n", messageId: "constant", line: 1, token: "linux/amd64", data: { platform: "linux/amd64" }, output: null },
  ],
  silent: [
    "FROM --platform=linux/amd64 node:22 AS build-amd64\n",
    "FROM --platform=linux/amd64 scratch AS linux\n",
    "FROM --platform=$BUILDPLATFORM node:22\n",
  ],
});
