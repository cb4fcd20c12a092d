import { rule } from "../../../server/src/rules/layer-apt-update-alone";
import { testRule } from "../../support/rule-tester";

testRule(rule, {
  fires: [
    {
      code: "FROM debian:12\nRUN apt-get update\nRUN apt-get install -y --no-install-recommends curl\n",
      messageId: "updateAlone",
      line: 2,
      token: "apt-get update",
      data: { command: "apt-get update", install: "apt-get install" },
      output: "FROM debian:12\nRUN apt-get update && \\\n    apt-get install -y --no-install-recommends curl\n",
    },
    {
      name: "apt update with options, install later in the stage",
      code: "FROM ubuntu:24.04\nRUN apt update -qq\nCOPY pkgs.txt /tmp/\nRUN apt install -y $(cat /tmp/pkgs.txt)\n",
      messageId: "updateAlone",
      line: 2,
      token: "apt update",
      data: { command: "apt update", install: "apt install" },
      output: null,
    },
    {
      name: "the update is chained with something that is no install",
      code: "FROM debian:12\nRUN apt-get update && echo updated\nRUN apt-get install -y curl\n",
      messageId: "updateAlone",
      line: 2,
      output: null,
    },
    {
      name: "an install RUN with || would treat a failed update differently once merged: no fix",
      code: "FROM debian:12\nRUN apt-get update\nRUN apt-get install -y curl || true\n",
      messageId: "updateAlone",
      line: 2,
      output: null,
    },
    {
      name: "different mounts: no fix",
      code: "FROM debian:12\nRUN apt-get update\nRUN --mount=type=cache,target=/var/cache/apt apt-get install -y curl\n",
      messageId: "updateAlone",
      line: 2,
      output: null,
    },
    {
      name: "lists on a tmpfs mount vanish with the RUN",
      code: "FROM debian:12\nRUN --mount=type=tmpfs,target=/var/lib/apt \\\n    apt-get update\n",
      messageId: "updateDiscarded",
      line: 3,
      token: "apt-get update",
      data: { command: "apt-get update", install: "apt-get install" },
    },
    {
      name: "lists on a cache mount still go stale with the cached RUN",
      code: "FROM debian:12\nRUN --mount=type=cache,target=/var/lib/apt apt-get update\nRUN --mount=type=cache,target=/var/lib/apt apt-get install -y curl\n",
      messageId: "updateAlone",
      line: 2,
      output: "FROM debian:12\nRUN --mount=type=cache,target=/var/lib/apt apt-get update && \\\n    apt-get install -y curl\n",
    },
    {
      name: "in an ONBUILD trigger",
      code: "FROM debian:12\nONBUILD RUN apt-get update\n",
      messageId: "updateAlone",
      line: 2,
      token: "apt-get update",
      output: null,
    },
    {
      name: "a sudo wrapper and a continuation line",
      code: "FROM debian:12\nRUN sudo \\\n    apt-get update\n",
      messageId: "updateAlone",
      line: 3,
      token: "apt-get update",
    },
  ],
  silent: [
    {
      name: "an installer that calls apt itself (playwright --with-deps)",
      code: "FROM node:20\nRUN apt-get update && npx -y playwright install --with-deps chromium\n",
    },
    {
      name: "update and install inside one heredoc RUN",
      code: "FROM debian:12\nRUN <<EOF\nset -e\napt-get update\napt-get install -y curl\nrm -rf /var/lib/apt/lists/*\nEOF\n",
    },
    "FROM debian:12\nRUN apt-get update && apt-get install -y curl && rm -rf /var/lib/apt/lists/*\n",
    {
      name: "install on continued lines before a heredoc that writes a file",
      code: "FROM debian:12\nRUN apt-get update \\\n && apt-get install -y gnupg \\\n && cat <<EOF > /etc/apt/sources.list.d/x.sources\nTypes: deb\nEOF\n",
    },
    { name: "heredoc RUN with the install", code: "FROM debian:12\nRUN <<EOF\napt-get update\napt-get install -y git\nEOF\n" },
    { name: "upgrade uses the lists", code: "FROM debian:12\nRUN apt-get update && apt-get -y dist-upgrade\n" },
    { name: "a project script may install", code: "FROM debian:12\nRUN apt-get update && ./scripts/install-deps.sh\n" },
    { name: "piped into a shell", code: "FROM debian:12\nRUN apt-get update && curl -fsSL https://deb.nodesource.com/setup_20.x | bash -\n" },
    { name: "cross-build apt wrapper", code: "FROM debian:12\nRUN apt-get update && xx-apt-get install -y gcc\n" },
    { name: "apt-cache reads the lists", code: "FROM debian:12\nRUN apt-get update && apt-cache policy curl\n" },
    {
      name: "an install earlier in the same RUN: refreshing a local repository on purpose",
      code: "FROM debian:12\nRUN apt-get build-dep -y hello && dpkg-scanpackages . > Packages && apt-get update\n",
    },
    { name: "apk and dnf are other managers", code: "FROM alpine:3.20\nRUN apk update\n" },
  ],
});
