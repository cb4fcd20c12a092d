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
    {
      name: "a global ARG TARGETPLATFORM without a default only declares BuildKit's value",
      code: "ARG TARGETPLATFORM\nFROM --platform=$TARGETPLATFORM debian:bookworm-slim\n",
      messageId: "redundant",
      line: 2,
      output: "ARG TARGETPLATFORM\nFROM debian:bookworm-slim\n",
    },
  ],
  silent: [
    "FROM --platform=$BUILDPLATFORM golang:1.23 AS build\n",
    "FROM --platform=${TARGETPLATFORM:-linux/amd64} alpine:3.20\n",
    {
      name: "a global ARG gives TARGETPLATFORM a default of the file's: FROM reads it, not BuildKit's platform",
      code: "ARG TARGETPLATFORM=linux/arm64\nFROM --platform=$BUILDPLATFORM golang:1.23 AS build\nARG TARGETPLATFORM\nRUN echo $TARGETPLATFORM\nFROM --platform=${TARGETPLATFORM} debian:bookworm-slim\nCOPY --from=build /out /app\n",
    },
  ],
});
