import { rule } from "../../../server/src/rules/run-zypper-no-non-interactive";
import { testRule } from "../../support/rule-tester";

testRule(rule, {
  fires: [
    {
      code: "FROM opensuse/leap:15.6\nRUN zypper install curl && zypper clean --all\n",
      messageId: "noNonInteractive",
      line: 2,
      token: "install",
      data: { subcommand: "install" },
      output: "FROM opensuse/leap:15.6\nRUN zypper -n install curl && zypper clean --all\n",
    },
    {
      name: "a short alias asks too",
      code: "FROM opensuse/tumbleweed\nRUN zypper --quiet in -l git\n",
      messageId: "noNonInteractive",
      token: "in",
      output: "FROM opensuse/tumbleweed\nRUN zypper -n --quiet in -l git\n",
    },
    {
      name: "the exec form gets the option as a JSON word",
      code: 'FROM opensuse/leap:15.6\nRUN ["zypper", "update"]\n',
      messageId: "noNonInteractive",
      line: 2,
      output: 'FROM opensuse/leap:15.6\nRUN ["zypper", "-n", "update"]\n',
    },
    {
      name: "an ONBUILD trigger",
      code: "FROM opensuse/leap:15.6\nONBUILD RUN zypper rm vim\n",
      messageId: "noNonInteractive",
      line: 2,
      token: "rm",
    },
  ],
  silent: [
    "FROM opensuse/leap:15.6\nRUN zypper -n install curl\n",
    { name: "the long global option", code: "FROM opensuse/leap:15.6\nRUN zypper --non-interactive install curl\n" },
    { name: "the subcommand's -y", code: "FROM opensuse/leap:15.6\nRUN zypper install -y curl\n" },
    { name: "the subcommand's --no-confirm", code: "FROM opensuse/leap:15.6\nRUN zypper dup --no-confirm\n" },
    { name: "combined short options", code: "FROM opensuse/leap:15.6\nRUN zypper -qn install curl\n" },
    { name: "subcommands that do not ask", code: "FROM opensuse/leap:15.6\nRUN zypper refresh && zypper clean --all && zypper search vim\n" },
    { name: "another program's install", code: "FROM opensuse/leap:15.6\nRUN zypper -n in python3-pip && pip install requests\n" },
    { name: "hadolint ignore", code: "FROM opensuse/leap:15.6\n# hadolint ignore=DL3034\nRUN zypper install curl\n" },
  ],
});
