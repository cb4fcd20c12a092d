import { rule } from "../../../server/src/rules/run-pipe-no-pipefail";
import { testRule } from "../../support/rule-tester";

testRule(rule, {
  fires: [
    { code: "FROM debian:12-slim\nRUN curl -fsSL https://example.com/t.tgz | tar xz\n", messageId: "pipefail", line: 2, token: "tar xz", output: null },
    { name: "sh with pipefail is still sh", code: 'FROM debian:12-slim\nSHELL ["/bin/sh", "-o", "pipefail", "-c"]\nRUN a | b\n', messageId: "pipefail" },
  ],
  silent: [
    'FROM debian:12-slim\nSHELL ["/bin/bash", "-eo", "pipefail", "-c"]\nRUN a | b\n',
    "FROM alpine:3.20\nRUN set -eo pipefail && a | b\n",
    'FROM mcr.microsoft.com/powershell:lts\nSHELL ["pwsh", "-c"]\nRUN Get-Item x | Select-Object y\n',
    "FROM alpine:3.20\nRUN a || b\n",
  ],
});
