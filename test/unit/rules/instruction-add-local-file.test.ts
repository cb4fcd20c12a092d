import { rule } from "../../../server/src/rules/instruction-add-local-file";
import { testRule } from "../../support/rule-tester";

testRule(rule, {
  fires: [
    {
      code: "FROM alpine:3.20\nADD config.yaml /etc/app/\n",
      messageId: "useCopy",
      line: 2,
      token: "ADD",
      output: "FROM alpine:3.20\nCOPY config.yaml /etc/app/\n",
    },
    { name: "zip is not unpacked", code: 'FROM alpine:3.20\nADD "file.zip" /src/\n', messageId: "useCopy" },
  ],
  silent: [
    "FROM alpine:3.20\nADD rootfs.tar.gz /\n",
    "FROM alpine:3.20\nADD https://example.com/x /x\n",
    "FROM alpine:3.20\nADD git@github.com:a/b.git /src\n",
    "FROM alpine:3.20\nADD $ARCHIVE /\n",
  ],
});
