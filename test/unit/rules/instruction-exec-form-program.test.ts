import { rule } from "../../../server/src/rules/instruction-exec-form-program";
import { testRule } from "../../support/rule-tester";

testRule(rule, {
  fires: [
    {
      code: 'FROM node:22-slim\nCMD ["npm start"]\n',
      messageId: "joinedWords",
      line: 2,
      token: '"npm start"',
      data: { element: "npm start" },
      output: 'FROM node:22-slim\nCMD ["npm", "start"]\n',
    },
    {
      name: "a shell command line in one string: run through sh -c, not split",
      code: 'FROM python:3.13-slim\nENTRYPOINT ["cd /srv && exec gunicorn app:app"]\n',
      messageId: "shellSyntax",
      data: { element: "cd /srv && exec gunic..." },
      output: 'FROM python:3.13-slim\nENTRYPOINT ["sh", "-c", "cd /srv && exec gunicorn app:app"]\n',
    },
    { name: "RUN in exec form", code: 'FROM debian:12\nRUN ["apt-get update"]\n', messageId: "joinedWords" },
    { name: "a CMD behind tini", code: 'FROM alpine:3.22\nENTRYPOINT ["tini", "--"]\nCMD ["/app/server --port 80"]\n', messageId: "joinedWords", line: 3 },
    {
      // Held-out BN, freeciv-web: the entry script starts the services, then `exec "$@"`.
      name: 'a CMD behind an entry script that ends with exec "$@"',
      code: 'FROM debian:bookworm\nCOPY docker-entrypoint.sh /docker/docker-entrypoint.sh\nENTRYPOINT ["/docker/docker-entrypoint.sh"]\nCMD ["/usr/bin/env bash"]\n',
      context: { files: { "docker-entrypoint.sh": '#!/usr/bin/env bash\n/docker/scripts/start.sh\nexec "$@"\n' } },
      messageId: "joinedWords",
      line: 4,
      data: { element: "/usr/bin/env bash" },
    },
  ],
  silent: [
    { name: "each word its own string", code: 'FROM node:22-slim\nCMD ["npm", "start"]\n' },
    { name: "a CMD the ENTRYPOINT's shell runs", code: 'FROM python:3.13-slim\nENTRYPOINT ["/bin/sh", "-c"]\nCMD ["cd /srv && exec gunicorn app:app"]\n' },
    { name: "a CMD an unknown entry script receives", code: 'FROM debian:12\nENTRYPOINT ["/entrypoint.sh"]\nCMD ["run all"]\n' },
    { name: "a CMD on an image whose entrypoint is not known", code: 'FROM registry.example.org/runner:2\nCMD ["run all"]\n' },
    { name: "a later string with spaces is an argument", code: 'FROM alpine:3.22\nCMD ["sh", "-c", "echo hi && sleep 1"]\n' },
    {
      name: "a Windows image, whose program paths hold spaces",
      code: 'FROM mcr.microsoft.com/windows/servercore:ltsc2022\nRUN ["Setup Tool.exe", "/quiet"]\n',
    },
  ],
});
