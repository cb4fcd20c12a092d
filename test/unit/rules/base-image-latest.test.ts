import { rule } from "../../../server/src/rules/base-image-latest";
import { testRule } from "../../support/rule-tester";

testRule(rule, {
  fires: [
    {
      code: "FROM debian:latest\nRUN true\n",
      messageId: "latest",
      line: 1,
      token: "debian:latest",
      data: { image: "debian:latest", resolved: "debian:latest", pinHint: " such as 'debian:trixie'" },
      output: "FROM debian:trixie\nRUN true\n",
    },
    { name: "named stage", code: "FROM node:latest AS build\n", messageId: "latest", line: 1, token: "node:latest", output: "FROM node:26 AS build\n" },
    { name: "channel tag pinned to a version", code: "FROM nginx:latest\n", messageId: "latest", output: "FROM nginx:1.31\n" },
    {
      name: "registry path kept as written",
      code: "FROM docker.io/library/alpine:latest\n",
      messageId: "latest",
      token: "docker.io/library/alpine:latest",
      output: "FROM docker.io/library/alpine:3\n",
    },
    { name: "unknown image: no suggestion", code: "FROM ghcr.io/acme/app:latest\n", messageId: "latest", line: 1, output: null },
    {
      name: "latest through an ARG default",
      code: "ARG TAG=latest\nFROM alpine:${TAG}\n",
      messageId: "latestFromArg",
      line: 2,
      token: "alpine:${TAG}",
      output: null,
    },
  ],
  silent: [
    "FROM debian:jessie\n",
    "FROM debian\n",
    "FROM debian@sha256:7959ed6f7e35f8b1aaa06d1d8259d4ee25aa85a086d5c125480c333183f9deeb\n",
    "FROM debian:latest@sha256:7959ed6f7e35f8b1aaa06d1d8259d4ee25aa85a086d5c125480c333183f9deeb\n",
    "ARG TAG\nFROM alpine:${TAG}\n",
    "FROM node:24 AS latest\nFROM latest\n",
    "FROM scratch\n",
    "# hadolint ignore=DL3007\nFROM debian:latest\n",
  ],
});
