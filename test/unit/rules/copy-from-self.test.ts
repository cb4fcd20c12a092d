import { rule } from "../../../server/src/rules/copy-from-self";
import { testRule } from "../../support/rule-tester";

testRule(rule, {
  fires: [
    { code: "FROM node:20 AS foo\nCOPY --from=foo bar .\n", messageId: "self", line: 2, token: "foo", data: { name: "foo" }, output: null },
    { name: "name written in another case", code: "FROM node:20 AS foo\nCOPY --from=FOO bar .\n", messageId: "self", token: "FOO", data: { name: "foo" } },
    {
      name: "RUN --mount from= the own stage",
      code: "FROM alpine:3.20 AS tools\nRUN --mount=from=tools,target=/t ls /t\n",
      messageId: "self",
      line: 2,
      token: "tools",
    },
    {
      name: "value from an ARG default",
      code: "FROM alpine:3.20 AS app\nARG SRC=app\nCOPY --from=${SRC} /a /b\n",
      messageId: "self",
      line: 3,
      token: "${SRC}",
    },
  ],
  silent: [
    "FROM scratch AS build\nRUN foo\nFROM node:20 AS run\nCOPY --from=build foo .\nRUN baz\n",
    { name: "index of the own stage is copy-from-index-invalid's", code: "FROM alpine:3.20\nCOPY --from=0 /a /b\n" },
    { name: "ONBUILD resolves in the downstream build", code: "FROM alpine:3.20 AS foo\nONBUILD COPY --from=foo /a /b\n" },
    { name: "hadolint ignore", code: "FROM node:20 AS foo\n# hadolint ignore=DL3023\nCOPY --from=foo bar .\n" },
  ],
});
