// run-apt-instead-of-apt-get: hadolint DL3027. `apt` is the interactive front end: its output and
// options are not a stable interface ("WARNING: apt does not have a stable CLI interface").

import { allRunInstructions } from "../model/run-instructions";
import type { Word } from "../model/shell";
import type { Rule } from "./types";

// Subcommands apt-get has too; `apt list`/`apt search` have no apt-get spelling and get no fix.
const SHARED = new Set([
  "install",
  "update",
  "upgrade",
  "remove",
  "purge",
  "autoremove",
  "dist-upgrade",
  "full-upgrade",
  "clean",
  "autoclean",
  "source",
  "build-dep",
  "download",
]);

export const rule: Rule = {
  meta: {
    id: "run-apt-instead-of-apt-get",
    family: "run",
    severity: "warning",
    description: "Use apt-get (or apt-cache) in scripts, not apt.",
    fix: "suggestion",
    equivalents: { hadolint: ["DL3027"] },
    messages: {
      apt: "'apt' has no stable command-line interface for scripts; use 'apt-get' instead.",
    },
  },
  check(model, report) {
    for (const run of allRunInstructions(model)) {
      // One finding per line (`apt update && apt install -y x` is one change); its fix swaps them all.
      const byLine = new Map<number, Word[]>();
      const fixable = new Map<number, Word[]>();
      for (const command of run.commands) {
        if (command.name !== "apt" || !command.program) continue;
        const sub = command.args.find((w) => !w.value.startsWith("-"));
        const line = command.program.range.start.line;
        byLine.set(line, [...(byLine.get(line) ?? []), command.program]);
        if (sub !== undefined && SHARED.has(sub.value)) fixable.set(line, [...(fixable.get(line) ?? []), command.program]);
      }
      for (const [line, programs] of byLine) {
        const swaps = fixable.get(line) ?? [];
        report({
          range: programs[0].range,
          messageId: "apt",
          // A suggestion: apt and apt-get differ in defaults (progress, recommends pinning) a build may rely on.
          suggest:
            swaps.length > 0
              ? [{ title: "Use apt-get", edits: swaps.map((p) => ({ range: p.range, newText: p.value.replace(/apt$/, "apt-get") })) }]
              : undefined,
        });
      }
    }
  },
};
