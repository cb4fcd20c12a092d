// run-useradd-no-log-init: hadolint DL3046. useradd writes the new user into /var/log/lastlog and
// faillog, sparse files indexed by UID: a large UID makes a layer of gigabytes. `-l`
// (--no-log-init) skips them. Stage-aware: only stages that end up in the final image.

import { insertOptionAfter } from "../fixes/cache-cleanup";
import { finalImageStages, isInFinalImage } from "../model/final-image";
import { allRunInstructions } from "../model/run-instructions";
import type { Rule } from "./types";

export const rule: Rule = {
  meta: {
    id: "run-useradd-no-log-init",
    family: "run",
    severity: "warning",
    description: "Pass -l to useradd when giving a large UID.",
    fix: "safe",
    equivalents: { hadolint: ["DL3046"] },
    messages: {
      noLogInit: "useradd with UID {uid} writes a huge sparse /var/log/lastlog into the layer; add -l (--no-log-init).",
    },
  },
  check(model, report) {
    const finalStages = finalImageStages(model);
    for (const run of allRunInstructions(model)) {
      if (!isInFinalImage(model, run, finalStages)) continue;
      for (const command of run.commands) {
        if (command.name !== "useradd" || !command.program) continue;
        const args = command.args.map((w) => w.value);
        if (args.some((a) => a === "--no-log-init" || (/^-[a-zA-Z]+$/.test(a) && a.includes("l")))) continue;
        let uid: string | undefined;
        args.forEach((a, i) => {
          if (a === "-u" || a === "--uid") uid = args[i + 1];
          else if (a.startsWith("--uid=")) uid = a.slice(6);
          else if (/^-u\d+$/.test(a)) uid = a.slice(2);
        });
        // hadolint's threshold: more than five digits.
        if (uid === undefined || !/^\d{6,}$/.test(uid)) continue;
        report({
          range: command.program.range,
          messageId: "noLogInit",
          data: { uid },
          fix: { title: "Add -l", edits: insertOptionAfter(command.program, "-l"), isPreferred: true },
        });
      }
    }
  },
};
