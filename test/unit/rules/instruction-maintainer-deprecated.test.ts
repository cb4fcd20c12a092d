import { rule } from "../../../server/src/rules/instruction-maintainer-deprecated";
import { testRule } from "../../support/rule-tester";

testRule(rule, {
  fires: [
    {
      code: "FROM alpine:3.20\nMAINTAINER Jane Doe <jane@example.com>\n",
      messageId: "deprecated",
      line: 2,
      token: "MAINTAINER",
      data: { author: "Jane Doe <jane@example.com>" },
      output: 'FROM alpine:3.20\nLABEL org.opencontainers.image.authors="Jane Doe <jane@example.com>"\n',
    },
    {
      name: "quoted author",
      code: 'FROM scratch\nMAINTAINER "me@example.org"\n',
      messageId: "deprecated",
      output: 'FROM scratch\nLABEL org.opencontainers.image.authors="me@example.org"\n',
    },
  ],
  silent: [
    'FROM alpine:3.20\nLABEL org.opencontainers.image.authors="me@example.org"\n',
    { name: "skipped through hadolint ignore", code: "FROM scratch\n# hadolint ignore=DL4000\nMAINTAINER me\n" },
  ],
});
