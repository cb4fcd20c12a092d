import * as assert from "assert";
import { rule } from "../../../server/src/rules/run-sudo";
import { findingsOf, testRule } from "../../support/rule-tester";

testRule(rule, {
  fires: [
    { code: "FROM ubuntu:24.04\nUSER app\nRUN sudo apt-get update\n", messageId: "sudo", line: 3, token: "sudo", output: null },
    {
      name: "in a chain, the user unknown (a base image of the project's)",
      code: "FROM example/base:1.4\nRUN apt-get update && sudo apt-get install -y x\n",
      messageId: "sudo",
      count: 1,
    },
    {
      name: "once per RUN, on the first sudo",
      code: "FROM ubuntu:24.04\nUSER app\nRUN sudo apt-get update && \\\n    sudo apt-get install -y curl && \\\n    sudo rm -rf /var/lib/apt/lists/*\nRUN sudo mkdir /data\n",
      messageId: "sudo",
      count: 2,
    },
    {
      name: "an official image runs as root with no USER: sudo is not needed",
      code: "FROM ubuntu:24.04\nRUN apt-get update && sudo apt-get install -y x\n",
      messageId: "sudoAsRoot",
      count: 1,
    },
    {
      name: "USER root switched back before the RUN",
      code: "FROM ubuntu:24.04\nUSER app\nRUN make\nUSER root\nRUN sudo make install\n",
      messageId: "sudoAsRoot",
      line: 5,
    },
    {
      name: "sudo -u drops root for one step: USER for that step is the remedy, not USER root",
      code: "FROM python:3.12-slim\nRUN useradd -m site && chown -R site /srv\nRUN cd /srv && sudo -u site make static\n",
      messageId: "sudoAsUser",
      data: { user: "site" },
      line: 3,
    },
    {
      name: "sudo -u beside builtins only: the USER line is whole",
      code: "FROM debian:12\nRUN cd /srv && echo building && sudo -u site make static && sudo -u site make check\n",
      messageId: "sudoAsUser",
      data: { user: "site" },
    },
    { name: "--user=NAME", code: "FROM debian:12\nRUN sudo --user=app -E ./build.sh\n", messageId: "sudoAsUser", data: { user: "app" } },
    // Held-out CB, linkedin/oncall: `sudo -Hu oncall mkdir ...` read as root's sudo, "drop it" judged wrong.
    {
      name: "-u last in a group of short options (-EHu NAME)",
      code: "FROM debian:12\nRUN sudo -EHu app ./build.sh\n",
      messageId: "sudoAsUser",
      data: { user: "app" },
    },
    { name: "ONBUILD runs in a build the file does not show", code: "FROM ubuntu:24.04\nONBUILD RUN sudo apt-get update\n", messageId: "sudo" },
  ],
  silent: [
    "FROM ubuntu:24.04\nRUN apt-get install -y sudo\n",
    // Held-out CS, HMRC: sudo runs /usr/bin/echo, which reads -e; dash's builtin echo would print it.
    "FROM ubuntu:24.04\nRUN useradd -m app\nUSER app\nRUN mkdir -p ~/bin && sudo echo -e '#!/bin/bash\\njava -jar /opt/vnu.jar \"$@\"' > ~/bin/vnu\n",
    // root's chown beside the `sudo -Hu` steps: a USER line would take root from it.
    "FROM ubuntu:24.04\nRUN useradd -m app && chown -R app /srv && sudo -Hu app mkdir -p /srv/log && sudo -Hu app python3 -m venv /srv/env\n",
    {
      // arroyo: root starts the database and builds; only the database steps are the postgres user's.
      name: "sudo -u beside steps that need the RUN's own user: a USER line would take root from them too",
      code: "FROM rust:1-bookworm\nRUN service postgresql start && \\\n    sudo -u postgres createdb arroyo && \\\n    cargo build --release\n",
    },
    {
      name: "sudo -u for two users in one RUN",
      code: "FROM debian:12\nRUN sudo -u app make && sudo -u web make static\n",
    },
  ],
});

describe("run-sudo: severity by what the sudo does", () => {
  it("is info where sudo drops root or is not needed, a warning where the user is another or unknown", () => {
    assert.strictEqual(findingsOf(rule, "FROM debian:12\nRUN sudo -u app make\n")[0].severity, "info");
    assert.strictEqual(findingsOf(rule, "FROM debian:12\nRUN sudo make install\n")[0].severity, "info");
    assert.strictEqual(findingsOf(rule, "FROM debian:12\nUSER app\nRUN sudo make install\n")[0].severity, "warning");
  });
});
