// run-apt-get-no-yes: hadolint DL3014. Without `-y` apt-get asks for confirmation; a build has no
// one to answer, so it aborts whenever an install pulls in more than asked.

import { insertOptionAfter } from "../fixes/cache-cleanup";
import { isNonInteractive, readAptGet } from "../model/apt-get";
import { allRunInstructions } from "../model/run-instructions";
import type { Rule } from "./types";

const ASKS = new Set(["install", "upgrade", "dist-upgrade", "full-upgrade", "remove", "purge", "autoremove", "build-dep"]);

export const rule: Rule = {
  meta: {
    id: "run-apt-get-no-yes",
    family: "run",
    severity: "warning",
    description: "Pass -y to apt-get install so the build never waits for an answer.",
    fix: "safe",
    equivalents: { hadolint: ["DL3014"] },
    messages: {
      noYes: "'apt-get {subcommand}' without -y aborts when it asks for confirmation; add -y.",
    },
  },
  check(model, report) {
    for (const run of allRunInstructions(model)) {
      for (const command of run.commands) {
        const call = readAptGet(command);
        if (!call?.subcommand || !ASKS.has(call.subcommand.value) || isNonInteractive(call)) continue;
        report({
          range: call.subcommand.range,
          messageId: "noYes",
          data: { subcommand: call.subcommand.value },
          fix: { title: "Add -y", edits: insertOptionAfter(call.subcommand, "-y"), isPreferred: true },
        });
      }
    }
  },
};
