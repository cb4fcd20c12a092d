import { rule } from "../../../server/src/rules/run-dnf-yum-no-yes";
import { testRule } from "../../support/rule-tester";

testRule(rule, {
  fires: [
    {
      code: "FROM rockylinux:9\nRUN dnf install python3 && dnf clean all\n",
      messageId: "noYes",
      line: 2,
      token: "install",
      data: { manager: "dnf", subcommand: "install" },
      output: "FROM rockylinux:9\nRUN dnf install -y python3 && dnf clean all\n",
    },
    {
      name: "yum update asks too",
      code: "FROM centos:7\nRUN yum update\n",
      messageId: "noYes",
      data: { manager: "yum", subcommand: "update" },
      output: "FROM centos:7\nRUN yum update -y\n",
    },
  ],
  silent: [
    "FROM rockylinux:9\nRUN dnf install -y python3\n",
    "FROM rockylinux:9\nRUN dnf -y install python3\n",
    { name: "combined short options", code: "FROM centos:7\nRUN yum -qy install httpd\n" },
    { name: "the long form", code: "FROM fedora:41\nRUN dnf --assumeyes install git\n" },
    { name: "subcommands that do not ask", code: "FROM fedora:41\nRUN dnf clean all && dnf makecache && yum list installed\n" },
    { name: "microdnf never prompts", code: "FROM registry.access.redhat.com/ubi9/ubi-minimal\nRUN microdnf install shadow-utils\n" },
  ],
});
