import { rule } from "../../../server/src/rules/instruction-description-format";
import { testRule } from "../../support/rule-tester";

testRule(rule, {
  fires: [
    {
      code: "# check=experimental=InvalidDefinitionDescription\n# the version to build\nARG VERSION=1.0\nFROM alpine:3.20\n",
      messageId: "format",
      line: 3,
      data: { keyword: "ARG", name: "VERSION" },
      output: null,
    },
    {
      name: "named stage",
      code: "# check=experimental=all\nFROM alpine:3.20\n# the runtime image\nFROM alpine:3.20 AS runtime\n",
      messageId: "format",
      line: 4,
      data: { keyword: "FROM", name: "runtime" },
    },
    {
      name: "several keys",
      code: "# check=experimental=InvalidDefinitionDescription\n# versions\nARG A=1 B=2\n",
      messageId: "format",
      data: { keyword: "ARG", name: "<arg_key>" },
    },
  ],
  silent: [
    { name: "not opted in", code: "# the version to build\nARG VERSION=1.0\nFROM alpine:3.20\n" },
    { name: "empty # separates", code: "# check=experimental=InvalidDefinitionDescription\n# a note\n#\nARG VERSION=1.0\n" },
    "# check=experimental=InvalidDefinitionDescription\n# VERSION the version\nARG VERSION=1.0\n",
  ],
});
