// final-stage-no-user (opt-in): the final stage has no USER line, so the image runs as the root
// default of its base. Off unless a setting turns it on: over the held-out sets of real projects
// reviewers judged "add a non-root USER" there right about six times in ten and found it
// debatable as often again, since the line alone breaks an app that writes into root-owned
// folders or volumes, and the file rarely shows what the app writes. final-stage-root keeps the
// cases the file itself shows (a root USER, a user created and never used, an unused dropper).
// Where root is the design, nothing is reported (images/root-at-run.ts).

import type { Rule } from "./types";
import { addUserLine } from "../fixes/user-line";
import { rootAtRun } from "../images/root-at-run";

export const rule: Rule = {
  meta: {
    id: "final-stage-no-user",
    family: "base-images",
    severity: "info",
    optIn: true,
    description: "Set a non-root USER where the base image runs as root.",
    fix: "suggestion",
    equivalents: {},
    messages: {
      noUser: "The final image runs as root, the default of '{image}'; add a non-root USER.",
    },
  },
  check(model, report) {
    const root = rootAtRun(model);
    if (root === null || root.kind !== "default" || root.dropper !== null || root.createdUser !== null) return;
    const fix = root.knownUser === null ? null : addUserLine(model, root.final, root.knownUser);
    report({ range: root.final.base.token.range, messageId: "noUser", data: { image: root.image }, suggest: fix === null ? undefined : [fix] });
  },
};
