import * as assert from "assert";
import { rule } from "../../../server/src/rules/var-platform-undeclared";
import { findingsOf, testRule } from "../../support/rule-tester";

testRule(rule, {
  fires: [
    {
      // Held-out AZ, stargz-snapshotter: amd64 plugins downloaded into the arm64 image (judged right).
      name: "an architecture fallback the project's arm64 build does not match",
      code: "FROM golang:1.23 AS plugins\nRUN wget https://example.com/cni-plugins-linux-${TARGETARCH:-amd64}.tgz\n",
      context: { buildPlatforms: ["linux/amd64", "linux/arm64"] },
      messageId: "undeclared",
      line: 2,
    },
    {
      name: "an OS fallback of linux where the project also builds for Windows",
      code: "FROM golang:1.23 AS build\nRUN GOOS=${TARGETOS:-linux} go build -o /out/app .\n",
      context: { buildPlatforms: ["linux/amd64", "windows/amd64"] },
      messageId: "undeclared",
      line: 2,
    },
    {
      name: "in a RUN of a stage that never declares it (the cometbft slip: the empty value is passed on)",
      code: "FROM golang:1.26-alpine AS build\nRUN TARGETPLATFORM=$TARGETPLATFORM make build-linux\n",
      messageId: "undeclared",
      line: 2,
      token: "$TARGETPLATFORM",
      data: { name: "TARGETPLATFORM" },
      output: "FROM golang:1.26-alpine AS build\nARG TARGETPLATFORM\nRUN TARGETPLATFORM=$TARGETPLATFORM make build-linux\n",
    },
    {
      name: "inside double quotes and a command substitution, after a continued FROM",
      code: 'FROM --platform=$BUILDPLATFORM \\\n  ubuntu:24.04 AS walg\nRUN arch=$([ "$TARGETARCH" = "arm64" ] && echo aarch64 || echo "${TARGETARCH}") && echo "$arch"\n',
      messageId: "undeclared",
      line: 3,
      token: "$TARGETARCH",
      output:
        'FROM --platform=$BUILDPLATFORM \\\n  ubuntu:24.04 AS walg\nARG TARGETARCH\nRUN arch=$([ "$TARGETARCH" = "arm64" ] && echo aarch64 || echo "${TARGETARCH}") && echo "$arch"\n',
    },
    {
      name: "in a case statement's word",
      code: 'FROM debian:12-slim\nRUN case "${TARGETARCH}" in \\\n      amd64) ARCH=x86_64 ;; \\\n      arm64) ARCH=aarch64 ;; \\\n    esac && curl -fsSLO "https://example.com/tool-$ARCH.tgz"\n',
      messageId: "undeclared",
      line: 2,
      token: "${TARGETARCH}",
    },
    {
      name: "in a for loop's list",
      code: "FROM alpine:3.23\nRUN for p in $TARGETPLATFORM; do echo $p; done\n",
      messageId: "undeclared",
      line: 2,
      token: "$TARGETPLATFORM",
    },
    {
      name: "declared only before the first FROM",
      code: "ARG TARGETARCH\nFROM alpine:3.23\nRUN echo $TARGETARCH\n",
      messageId: "undeclared",
      line: 3,
      token: "$TARGETARCH",
    },
    {
      name: "in a RUN heredoc script",
      code: "FROM debian:12-slim\nRUN <<EOF\nset -e\ncurl -fsSLO https://example.com/tool-$TARGETARCH.tgz\nEOF\n",
      messageId: "undeclared",
      line: 4,
      token: "$TARGETARCH",
    },
    {
      name: "in a stage built on one that does not declare it either",
      code: "FROM alpine:3.23 AS base\nFROM base\nRUN echo $TARGETARCH\n",
      messageId: "undeclared",
      line: 3,
    },
    {
      name: "with a default: without the ARG the default always applies",
      code: "FROM alpine:3.23\nRUN wget https://example.com/app-${TARGETARCH:-amd64}.tgz\n",
      messageId: "undeclared",
      line: 2,
      token: "${TARGETARCH:-amd64}",
    },
    {
      name: "with a fallback that asks the machine, in a stage that runs on the build machine",
      code: "FROM --platform=$BUILDPLATFORM debian:12 AS build\nRUN arch=${TARGETARCH:-$(dpkg --print-architecture)} && echo $arch\n",
      messageId: "undeclared",
      line: 2,
    },
    {
      name: "an image whose tag the build chooses: its repository is known",
      code: "ARG GO_VERSION\nFROM golang:${GO_VERSION}\nRUN GOARCH=$TARGETARCH go build ./...\n",
      messageId: "undeclared",
      line: 3,
    },
    {
      name: 'under SHELL ["/usr/bin/env", "bash", "-c"]',
      code: 'FROM debian:12\nSHELL ["/usr/bin/env", "bash", "-c"]\nRUN echo $TARGETARCH\n',
      messageId: "undeclared",
      line: 3,
    },
    {
      name: "a non-POSIX SHELL set after the RUN is not in effect there",
      code: 'FROM alpine:3.23\nRUN echo $TARGETARCH\nSHELL ["pwsh", "-Command"]\n',
      messageId: "undeclared",
      line: 2,
    },
    {
      name: "the fix is written as the file is: lower case, indented, CRLF",
      code: "  from alpine:3.23\r\n  run echo $TARGETOS\r\n",
      messageId: "undeclared",
      line: 2,
      output: "  from alpine:3.23\r\n  arg TARGETOS\r\n  run echo $TARGETOS\r\n",
    },
    {
      name: "once per name and stage",
      code: "FROM alpine:3.23\nRUN echo $TARGETOS\nRUN echo $TARGETOS $TARGETARCH\nFROM alpine:3.23\nRUN echo $TARGETOS\n",
      messageId: "undeclared",
      count: 3,
    },
    {
      name: "in an exec-form sh -c script",
      code: 'FROM alpine:3.23\nRUN ["sh", "-c", "echo $TARGETARCH"]\n',
      messageId: "undeclared",
      line: 2,
      token: "$TARGETARCH",
    },
    {
      name: "after a quoted apostrophe inside a command substitution",
      code: 'FROM alpine:3.23\nRUN x="$(echo "it\'s")" && echo "$TARGETARCH"\n',
      messageId: "undeclared",
      line: 2,
      token: "$TARGETARCH",
    },
    {
      name: "a test for empty, in a stage that runs on the build machine (the fallback finds the build machine's)",
      code: 'FROM --platform=$BUILDPLATFORM debian:12\nRUN [ -n "$TARGETARCH" ] && ARCH=$TARGETARCH || ARCH=$(dpkg --print-architecture); echo $ARCH\n',
      messageId: "undeclared",
      line: 2,
    },
    { name: "`cd .` is no sourced script", code: "FROM alpine:3.23\nRUN cd . && echo $TARGETARCH\n", messageId: "undeclared", line: 2 },
  ],
  silent: [
    {
      // Held-out AZ, nerdctl: judged debatable twice; the fallback is what every build gives.
      name: "an OS fallback of linux where the project builds Linux platforms only",
      code: "FROM golang:1.23 AS build-dependencies\nRUN GOOS=${TARGETOS:-linux} go build -o /out/app .\n",
      context: { buildPlatforms: ["linux/amd64", "linux/arm64"] },
    },
    {
      name: "an OS fallback of linux where no platform list is known: a Linux image is built for Linux",
      code: "FROM golang:1.23 AS build\nRUN GOOS=${TARGETOS:-linux} go build -o /out/app .\n",
    },
    { name: "single-quoted inside a command substitution in double quotes", code: "FROM alpine:3.23\nRUN echo \"$(sed 's/$TARGETARCH/x/' f)\"\n" },
    { name: "single-quoted after a command substitution in double quotes has closed", code: "FROM alpine:3.23\nRUN echo \"$(date)\" '$TARGETARCH'\n" },
    {
      name: "a test for empty with a fallback, in a stage that runs on the target",
      code: 'FROM debian:12\nRUN if [ -n "$TARGETARCH" ]; then A=$TARGETARCH; else A=$(dpkg --print-architecture); fi\n',
    },
    {
      name: "a script that reads settings from a file or a program",
      code: 'FROM alpine:3.23\nRUN . /tmp/platform.sh && GOARCH=$TARGETARCH make\nRUN eval "$(./platform-env)" && echo $TARGETOS\n',
    },
    "FROM --platform=$BUILDPLATFORM golang:1.26\nARG TARGETOS TARGETARCH\nRUN GOOS=$TARGETOS GOARCH=$TARGETARCH go build ./...\n",
    {
      name: "declared in a stage it is built on, two levels up",
      code: "FROM golang:1.26 AS base\nARG TARGETARCH\nFROM base AS build\nFROM build AS test\nRUN echo $TARGETARCH\n",
    },
    {
      name: "with a fallback that asks the machine, in a stage that runs on the target (under emulation it finds the target's)",
      code: "FROM debian:12\nRUN arch=${TARGETARCH:-$(dpkg --print-architecture)} && echo $arch\n",
    },
    {
      name: "declared later in the stage: the author knows the argument (a conformance test echoes it before and after)",
      code: "FROM busybox\nRUN echo TARGETPLATFORM=$TARGETPLATFORM\nARG TARGETPLATFORM\nRUN echo TARGETPLATFORM=$TARGETPLATFORM\n",
    },
    {
      name: "on an image whose environment is not known, which may set it",
      code: "FROM registry.example.com/team/go-builder:1\nRUN GOARCH=$TARGETARCH go build ./...\n",
    },
    { name: "on a parent the file cannot name, which may declare it", code: "ARG VARIANT\nFROM build-${VARIANT}\nRUN echo $TARGETARCH\n" },
    {
      name: "inside single quotes, escaped, after $$ or in a comment",
      code: "FROM alpine:3.23\nRUN sed -i 's/$TARGETARCH/x/' f && echo \\$TARGETARCH $$TARGETARCH # uses $TARGETARCH\n",
    },
    { name: "in an exec-form RUN no shell reads", code: 'FROM alpine:3.23\nRUN ["echo", "$TARGETARCH"]\n' },
    {
      name: "set by the RUN itself",
      code: "FROM alpine:3.23\nRUN export TARGETARCH=$(uname -m) && echo $TARGETARCH\nRUN for TARGETOS in linux darwin; do echo $TARGETOS; done\nRUN read -r TARGETVARIANT < /etc/variant && echo $TARGETVARIANT\n",
    },
    { name: "in a heredoc fed to a program", code: "FROM alpine:3.23\nRUN cat <<'EOF' > /usr/local/bin/run.sh\necho $TARGETARCH\nEOF\n" },
    { name: "in instructions the builder expands: var-undefined's", code: "FROM alpine:3.23\nCOPY bin/$TARGETARCH/app /app\nENV ARCH=$TARGETARCH\n" },
    {
      name: "at the container's start",
      code: 'FROM alpine:3.23\nCMD echo $TARGETARCH\nENTRYPOINT ["sh", "-c", "echo $TARGETARCH"]\nHEALTHCHECK CMD test "$TARGETARCH"\n',
    },
    { name: "in an ONBUILD trigger", code: "FROM alpine:3.23\nONBUILD RUN echo $TARGETARCH\n" },
    { name: "on a Windows image", code: "FROM mcr.microsoft.com/windows/servercore:ltsc2022\nRUN echo $TARGETARCH\n" },
    { name: "under the backtick escape", code: "# escape=`\nFROM alpine:3.23\nRUN echo $TARGETARCH\n" },
    { name: "under PowerShell", code: 'FROM alpine:3.23\nSHELL ["pwsh", "-Command"]\nRUN Write-Output $TARGETARCH\n' },
  ],
});

describe("var-platform-undeclared: one finding per name and stage", () => {
  it("reports each name on its first use in each stage, and offers the ARG line of that stage", () => {
    const code = "FROM alpine:3.23\nRUN echo $TARGETOS\nRUN echo $TARGETOS $TARGETARCH\nFROM alpine:3.23 AS two\nRUN echo $TARGETOS\n";
    const findings = findingsOf(rule, code);
    assert.deepStrictEqual(
      findings.map((f) => [f.range.start.line + 1, f.data.name, f.suggestions[0]?.edits[0].range.start.line, f.suggestions[0]?.edits[0].newText]),
      [
        [2, "TARGETOS", 1, "ARG TARGETOS\n"],
        [3, "TARGETARCH", 1, "ARG TARGETARCH\n"],
        [5, "TARGETOS", 4, "ARG TARGETOS\n"],
      ],
    );
  });
});
