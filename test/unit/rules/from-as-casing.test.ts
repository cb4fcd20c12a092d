import { rule } from "../../../server/src/rules/from-as-casing";
import { testRule } from "../../support/rule-tester";

testRule(rule, {
  fires: [
    {
      code: "FROM golang:1.22 as build\n",
      messageId: "mismatch",
      line: 1,
      token: "as",
      data: { as: "as", from: "FROM", expected: "AS" },
      output: "FROM golang:1.22 AS build\n",
    },
    {
      name: "lower-case from",
      code: "from golang:1.22 AS build\n",
      messageId: "mismatch",
      token: "AS",
      data: { as: "AS", from: "from", expected: "as" },
      output: "from golang:1.22 as build\n",
    },
    { name: "mixed-case AS", code: "FROM golang:1.22 As build\n", messageId: "mismatch", token: "As", output: "FROM golang:1.22 AS build\n" },
    {
      name: "AS on an escaped continuation line",
      code: "FROM --platform=$BUILDPLATFORM golang:1.22 \\\n  as build\n",
      messageId: "mismatch",
      line: 2,
      output: "FROM --platform=$BUILDPLATFORM golang:1.22 \\\n  AS build\n",
    },
    { name: "each stage on its own", code: "FROM a:1 AS x\nFROM b:1 as y\nFROM c:1 as z\n", messageId: "mismatch", count: 2 },
  ],
  silent: [
    "FROM golang:1.22 AS build\n",
    "from golang:1.22 as build\n",
    "FROM golang:1.22\n",
    { name: "mixed-case FROM is ConsistentInstructionCasing's concern", code: "From golang:1.22 as build\n" },
    { name: "skipped through check=skip", code: "#check=skip=FromAsCasing\nFROM scratch as base\n" },
  ],
});
