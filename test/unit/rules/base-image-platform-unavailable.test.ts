import { rule } from "../../../server/src/rules/base-image-platform-unavailable";
import { testRule } from "../../support/rule-tester";

testRule(rule, {
  fires: [
    {
      code: "FROM --platform=linux/arm64 eclipse-temurin:17-jdk-alpine\n",
      messageId: "unavailable",
      line: 1,
      token: "eclipse-temurin:17-jdk-alpine",
      data: { image: "eclipse-temurin:17-jdk-alpine", platform: "linux/arm64" },
      output: null,
    },
  ],
  silent: [
    "FROM --platform=linux/amd64 eclipse-temurin:17-jdk-alpine\n",
    "FROM --platform=linux/arm64 alpine:3.20\n",
    "FROM --platform=$TARGETPLATFORM eclipse-temurin:17-jdk-alpine\n",
    "FROM --platform=linux/arm64 example.com/private:1\n",
  ],
});
