import { rule } from "../../../server/src/rules/stage-name-casing";
import { testRule } from "../../support/rule-tester";

testRule(rule, {
  fires: [
    {
      code: "FROM golang:1.22 AS Builder\nRUN go build -o /app .\nFROM alpine:3.20\nCOPY --from=Builder /app /app\n",
      messageId: "upperCase",
      line: 1,
      token: "Builder",
      data: { name: "Builder", lower: "builder" },
      output: "FROM golang:1.22 AS builder\nRUN go build -o /app .\nFROM alpine:3.20\nCOPY --from=builder /app /app\n",
    },
    {
      name: "every kind of reference is renamed, whatever its case",
      code: 'FROM node:20 AS Deps\nFROM Deps AS build\nRUN --mount=type=cache,from=DEPS,target=/c npm ci\nCOPY --from=deps /a /a\nADD --from="Deps" /b /b\n',
      messageId: "upperCase",
      line: 1,
      output: 'FROM node:20 AS deps\nFROM deps AS build\nRUN --mount=type=cache,from=deps,target=/c npm ci\nCOPY --from=deps /a /a\nADD --from="deps" /b /b\n',
    },
    {
      name: "references through build arguments are left alone (matched case-insensitively)",
      code: "ARG SRC=Base\nFROM alpine:3.20 AS Base\nFROM alpine:3.20\nCOPY --from=${SRC} /a /a\nCOPY --from=Base /b /b\n",
      messageId: "upperCase",
      line: 2,
      output: "ARG SRC=Base\nFROM alpine:3.20 AS base\nFROM alpine:3.20\nCOPY --from=${SRC} /a /a\nCOPY --from=base /b /b\n",
    },
    {
      name: "ONBUILD trigger references name a downstream build's stages and are kept",
      code: "FROM alpine:3.20 AS Build\nFROM alpine:3.20\nONBUILD COPY --from=Build /a /a\n",
      messageId: "upperCase",
      line: 1,
      output: "FROM alpine:3.20 AS build\nFROM alpine:3.20\nONBUILD COPY --from=Build /a /a\n",
    },
    {
      name: "name on an escaped continuation line",
      code: "FROM alpine:3.20 \\\n    AS Tools\nFROM scratch\nCOPY --from=Tools /bin/sh /sh\n",
      messageId: "upperCase",
      line: 2,
      token: "Tools",
      output: "FROM alpine:3.20 \\\n    AS tools\nFROM scratch\nCOPY --from=tools /bin/sh /sh\n",
    },
    {
      name: "backtick escape directive",
      code: "# escape=`\nFROM mcr.microsoft.com/windows/servercore:ltsc2022 `\n    AS Build\nFROM mcr.microsoft.com/windows/nanoserver:ltsc2022\nCOPY --from=Build C:/app C:/app\n",
      messageId: "upperCase",
      line: 3,
      output:
        "# escape=`\nFROM mcr.microsoft.com/windows/servercore:ltsc2022 `\n    AS build\nFROM mcr.microsoft.com/windows/nanoserver:ltsc2022\nCOPY --from=build C:/app C:/app\n",
    },
    { name: "single-stage file", code: "FROM alpine:3.20 AS App\n", messageId: "upperCase", line: 1, token: "App" },
  ],
  silent: [
    "FROM golang:1.22 AS builder\nFROM alpine:3.20\nCOPY --from=builder /app /app\n",
    "FROM alpine:3.20\n",
    { name: "invalid names are stage-name-invalid's", code: "FROM alpine:3.20 AS Build@1\n" },
    { name: "variable names are stage-name-invalid's", code: "ARG NAME\nFROM alpine:3.20 AS ${Name}\n" },
    { name: "reserved names are stage-name-reserved's", code: "FROM alpine:3.20 AS Scratch\n" },
    { name: "upper case in the image is not the stage name", code: "FROM MyRegistry.example.com/app:1 AS app\n" },
    { name: "skipped through check=skip", code: "# check=skip=StageNameCasing\nFROM alpine:3.20 AS Build\n" },
  ],
});
