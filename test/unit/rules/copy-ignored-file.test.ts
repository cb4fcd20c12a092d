import { rule } from "../../../server/src/rules/copy-ignored-file";
import { testRule } from "../../support/rule-tester";

/** BuildKit's testCopyIgnoredFiles: a .dockerignore that excludes the Dockerfile itself. */
const IGNORES_DOCKERFILE = { dockerignore: "\nDockerfile\n" };

testRule(rule, {
  fires: [
    {
      name: "COPY of an excluded file (BuildKit testCopyIgnoredFiles)",
      code: "FROM scratch\nCOPY Dockerfile .\n",
      context: IGNORES_DOCKERFILE,
      messageId: "ignored",
      line: 2,
      token: "Dockerfile",
      data: { keyword: "COPY", source: "Dockerfile", pattern: "Dockerfile" },
      output: null,
    },
    {
      name: "ADD of an excluded file",
      code: "FROM scratch\nADD Dockerfile /windy\n",
      context: IGNORES_DOCKERFILE,
      messageId: "ignored",
      line: 2,
      data: { keyword: "ADD", source: "Dockerfile", pattern: "Dockerfile" },
    },
    {
      name: "a file inside an excluded directory, reported with the deciding pattern",
      code: "FROM alpine:3.20\nCOPY --chown=app:app ./config/app.yaml /etc/app/\n",
      context: { dockerignore: "*.log\nconfig/\n" },
      messageId: "ignored",
      token: "./config/app.yaml",
      data: { keyword: "COPY", source: "./config/app.yaml", pattern: "config" },
    },
    {
      name: "root entries that hold the copied folder",
      code: "FROM alpine:3.20\nCOPY src/ /src/\nCOPY config/app.yaml /etc/app/\n",
      context: { dockerignore: "config/\n", rootEntries: ["Dockerfile", ".dockerignore", "config/", "src/"] },
      messageId: "ignored",
      line: 3,
    },
    {
      name: "one source of several, in JSON form",
      code: 'FROM alpine:3.20\nCOPY ["main.go", "secrets.env", "/src/"]\n',
      context: { dockerignore: "*.env\n" },
      messageId: "ignored",
      line: 2,
      token: '"secrets.env"',
    },
    {
      name: "a source written with a build argument",
      code: "FROM alpine:3.20\nARG CONF=local.conf\nCOPY $CONF /etc/app.conf\n",
      context: { dockerignore: "local.conf\n" },
      messageId: "ignored",
      line: 3,
      data: { keyword: "COPY", source: "local.conf", pattern: "local.conf" },
    },
    {
      name: "a wildcard the pattern covers entirely",
      code: "FROM alpine:3.20\nCOPY *.md /docs/\n",
      context: { dockerignore: "*.md\n" },
      messageId: "ignored",
      line: 2,
    },
    {
      name: "a wildcard whose every match in the context is excluded",
      code: "FROM php:8.4-fpm\nCOPY composer.* ./\n",
      context: { dockerignore: "*\n!/src\n", rootEntries: ["composer.json", "composer.lock", "src/", "Dockerfile"] },
      messageId: "ignored",
      line: 2,
      data: { keyword: "COPY", source: "composer.*", pattern: "*" },
    },
  ],
  silent: [
    {
      // get-convex/convex-backend (held-out CO): an exception with a wildcard in its first segment lets the folder's files in.
      name: "a folder an exception re-includes through a wildcard segment (`!/npm-packages*/*`)",
      code: "FROM ubuntu:24.04\nWORKDIR /convex\nCOPY npm-packages ./npm-packages\n",
      context: { dockerignore: "**/*\n!/Justfile\n!/npm-packages*/*\n**/node_modules/\n", rootEntries: ["npm-packages/", "Justfile", "Dockerfile"] },
    },
    {
      name: "a wildcard whose matches an exception brings back (ignore everything, then name what is needed)",
      code: "FROM php:8.4-fpm\nCOPY composer.* symfony.lock ./\n",
      context: {
        dockerignore: "*\n!/src\n!/composer.json\n!/composer.lock\n!/symfony.lock\n",
        rootEntries: ["composer.json", "composer.lock", "symfony.lock", "src/", "Dockerfile"],
      },
    },
    {
      name: "a wildcard with exceptions in the .dockerignore and no listing of the context: its matches are not known",
      code: "FROM php:8.4-fpm\nCOPY composer.* ./\n",
      context: { dockerignore: "*\n!/composer.json\n" },
    },
    // Issue #15: a source that is an invalid glob threw in the rule (a regular expression built from it).
    { name: "a source with a reversed class range", code: "FROM alpine:3.20\nCOPY [z-a] ./\n", context: { dockerignore: "*.log\n[z-a]\n" } },
    {
      name: "pattern names the destination, and a --from copy (BuildKit testCopyIgnoredFiles)",
      code: "\nFROM scratch AS base\nCOPY Dockerfile /foobar\nADD Dockerfile /windy\n\nFROM base\nCOPY --from=base /foobar /Dockerfile\n",
      context: { dockerignore: "\nfoobar\n" },
    },
    {
      // BuildKit still runs CopyIgnoredFile here because `experimental=` names it; we honour skip=all.
      name: "skipped through check=skip=all",
      code: "# check=skip=all;experimental=CopyIgnoredFile\nFROM scratch\nCOPY Dockerfile .\n",
      context: IGNORES_DOCKERFILE,
    },
    {
      name: "skipped through check=skip=CopyIgnoredFile",
      code: "# check=skip=CopyIgnoredFile\nFROM scratch\nCOPY Dockerfile .\n",
      context: IGNORES_DOCKERFILE,
    },
    { name: "no .dockerignore", code: "FROM scratch\nCOPY Dockerfile .\n", context: { dockerignore: null } },
    { name: "context unknown", code: "FROM scratch\nCOPY Dockerfile .\n" },
    { name: "whole context with a catch-all pattern and exceptions", code: "FROM alpine:3.20\nCOPY . /src\n", context: { dockerignore: "*\n!src\n" } },
    { name: "re-included by an exception", code: "FROM alpine:3.20\nCOPY README.md /\n", context: { dockerignore: "*.md\n!README.md\n" } },
    {
      name: "an exception inside the excluded directory",
      code: "FROM alpine:3.20\nCOPY node_modules /m\n",
      context: { dockerignore: "node_modules\n!node_modules/keep\n" },
    },
    { name: "remote ADD sources", code: "FROM alpine:3.20\nADD https://example.com/a.tgz /tmp/\n", context: { dockerignore: "*.tgz\n" } },
    { name: "unresolved variable", code: "FROM alpine:3.20\nCOPY $CONF /etc/app.conf\n", context: { dockerignore: "*.conf\n" } },
    { name: "ONBUILD COPY runs with the downstream context", code: "FROM alpine:3.20\nONBUILD COPY Dockerfile /\n", context: IGNORES_DOCKERFILE },
    {
      name: "the folder is not the context: a copied file is missing from it",
      code: "FROM alpine:3.20\nCOPY cmd/ /src/cmd/\nCOPY config/app.yaml /etc/app/\n",
      context: { dockerignore: "config/\n", rootEntries: ["Dockerfile", ".dockerignore", "config/"] },
    },
    { name: "case matters", code: "FROM alpine:3.20\nCOPY dockerfile /\n", context: IGNORES_DOCKERFILE },
  ],
});
