import { rule } from "../../../server/src/rules/run-cd-instead-of-workdir";
import { testRule } from "../../support/rule-tester";

testRule(rule, {
  fires: [
    { code: "FROM golang:1.23\nRUN cd /src && go build ./...\n", messageId: "cd", line: 2, token: "cd /src", data: { dir: "/src" }, output: null },
    { name: "ONBUILD", code: "FROM alpine:3.20\nONBUILD RUN cd /app\n", messageId: "cd", line: 2 },
  ],
  silent: [
    "FROM golang:1.23\nWORKDIR /src\nRUN go build ./...\n",
    { name: "ignored by a hadolint pragma", code: "FROM alpine:3.20\n# hadolint ignore=DL3003\nRUN cd /tmp && make\n" },
  ],
});
