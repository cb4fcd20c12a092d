import { rule } from "../../../server/src/rules/base-image-untagged";
import { testRule } from "../../support/rule-tester";

testRule(rule, {
  fires: [
    { code: "FROM debian\nRUN true\n", messageId: "untagged", line: 1, token: "debian", data: { image: "debian" }, output: "FROM debian:trixie\nRUN true\n" },
    { name: "unofficial image: no pin suggestion", code: "FROM bitnami/redis\n", messageId: "untagged", line: 1, token: "bitnami/redis", output: null },
    {
      name: "official image pinned to what latest was in the facts",
      code: "FROM node AS web\n",
      messageId: "untagged",
      line: 1,
      token: "node",
      output: "FROM node:26 AS web\n",
    },
    { name: "registry with port", code: "FROM localhost:5000/app\n", messageId: "untagged", token: "localhost:5000/app" },
    {
      name: "resolved ARG without tag names the image it defaults to",
      code: "ARG BASE=alpine\nFROM ${BASE}\n",
      messageId: "untaggedFromArg",
      line: 2,
      token: "${BASE}",
      data: { image: "${BASE}", resolved: "alpine", pinHint: " ('alpine:3')" },
      output: null,
    },
    { name: "later stage base on an image", code: "FROM node:20 AS build\nFROM nginx\nCOPY --from=build /a /b\n", messageId: "untagged", line: 2 },
    {
      name: "an untagged image in COPY --from",
      code: "FROM nginx:1.27-alpine\nCOPY --from=nginx /etc/nginx/mime.types /etc/nginx/\n",
      messageId: "untaggedCopy",
      line: 2,
      token: "nginx",
      data: { image: "nginx" },
      output: "FROM nginx:1.27-alpine\nCOPY --from=nginx:1.31 /etc/nginx/mime.types /etc/nginx/\n",
    },
  ],
  silent: [
    { name: "Chainguard's wolfi-base has no version tags to pin", code: "FROM cgr.dev/chainguard/wolfi-base\n" },
    { name: "FROM a build context bake passes by name (pinned there)", code: "FROM php-base\nRUN true\n", context: { namedContexts: ["php-base"] } },
    { name: "a named build context is a folder", code: "FROM alpine:3.22\nCOPY --from=assets . /www\n", context: { namedContexts: ["assets"] } },

    "FROM debian:bookworm\n",
    "FROM debian@sha256:2f5a0e2e7a3b7b8d8a6c4e9f1b0c3d2e1f0a9b8c7d6e5f4a3b2c1d0e9f8a7b6c\n",
    "FROM scratch\n",
    "FROM node:20 AS build\nFROM build\n",
    "ARG TAG\nFROM alpine:${TAG}\n",
    "ARG IMAGE\nFROM ${IMAGE}\n",
    "FROM localhost:5000/app:1.0\n",
    "# hadolint ignore=DL3006\nFROM debian\n",
  ],
});
