import { rule } from "../../../server/src/rules/var-invalid-base-default";
import { testRule } from "../../support/rule-tester";

testRule(rule, {
  fires: [
    { code: "ARG TAG\nFROM alpine:${TAG}\n", messageId: "invalid", line: 2, token: "alpine:${TAG}", data: { base: "alpine:${TAG}" }, output: null },
    { name: "empty image", code: "ARG IMAGE\nFROM $IMAGE\n", messageId: "invalid" },
  ],
  silent: ["ARG TAG=3.20\nFROM alpine:${TAG}\n", "ARG TAG\nFROM alpine:${TAG:-3.20}\n", "FROM --platform=$BUILDPLATFORM golang:1.23-${TARGETOS}\n"],
});
