import { rule } from "../../../server/src/rules/base-image-platform-constant";
import { testRule } from "../../support/rule-tester";

testRule(rule, {
  fires: [
    { code: "FROM --platform=linux/amd64 node:22\n", messageId: "constant", line: 1, token: "linux/amd64", data: { platform: "linux/amd64" }, output: null },
    { name: "a comment that does not name the architecture", code: "# the builder\nFROM --platform=linux/amd64 node:22\nRUN npm ci\n", messageId: "constant" },
    { name: "a comment separated by a blank line", code: "# built on amd64 hosts\n\nFROM --platform=linux/amd64 node:22\n", messageId: "constant" },
    {
      name: "an artefact for another architecture",
      code: "FROM --platform=linux/amd64 debian:12\nRUN curl -LO https://example.org/tool_arm64.deb\n",
      messageId: "constant",
    },
    { name: "an architecture inside a longer word", code: "FROM --platform=linux/amd64 debian:12\nRUN echo x64bit\n", messageId: "constant" },
  ],
  silent: [
    "FROM --platform=linux/amd64 node:22 AS build-amd64\n",
    "FROM --platform=linux/amd64 scratch AS linux\n",
    "FROM --platform=$BUILDPLATFORM node:22\n",
    {
      name: "explained in the comment above",
      code: "# release binaries are cross-built on an AMD64 host\nFROM --platform=linux/amd64 golang:1.23 AS helper\n",
    },
    {
      name: "an amd64-only package installed in the stage",
      code: "FROM --platform=linux/amd64 debian:12\nRUN wget -q https://dl.google.com/linux/direct/google-chrome-stable_current_amd64.deb && \\\n  apt-get install -y ./google-chrome-stable_current_amd64.deb\n",
    },
    { name: "an x86_64 tarball", code: "FROM --platform=linux/amd64 debian:12\nADD https://example.org/tool-1.0-linux-x86_64.tar.gz /opt/\n" },
    {
      name: "an aarch64 tarball under an arm64 pin",
      code: "FROM --platform=linux/arm64 debian:12\nRUN curl -L https://example.org/tool-aarch64.tar.gz | tar xz\n",
    },
  ],
});
