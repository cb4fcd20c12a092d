// run-export-only: `RUN export FLASK_APP=app.py`, `RUN DEBIAN_FRONTEND=noninteractive`, a `case`
// that exports a variant: each RUN runs in a shell of its own, so the variables it sets end with
// it and no later instruction sees them. The author meant ENV (the image's environment) or ARG (the
// build's); the build goes on without either, silently (held-out AO, metallb: GOARM always empty).

import { removeInstruction } from "../fixes/remove-instruction";
import { allRunInstructions } from "../model/run-instructions";
import type { ShellCommand } from "../model/shell";
import type { DockerfileModel, Instruction } from "../model/types";
import type { Fix, Rule } from "./types";

/** Builtins that set, mark or clear variables and do nothing else. */
const VARIABLE_BUILTINS = new Set(["export", "readonly", "declare", "typeset", "local", "unset"]);
/** Commands that only test or do nothing: the branches of a `case` or an `if` around the exports. */
const NO_EFFECT = new Set(["[", "[[", "test", "true", "false", ":"]);

export const rule: Rule = {
  meta: {
    id: "run-export-only",
    family: "run",
    severity: "warning",
    description: "Set variables for later instructions with ENV or ARG, not in a RUN of their own.",
    fix: "suggestion",
    equivalents: {},
    messages: {
      exportOnly: "This RUN only sets shell variables, which end with it; use ENV or ARG, or delete it.",
    },
  },
  check(model, report) {
    for (const run of allRunInstructions(model)) {
      // A heredoc RUN is left out: its body may be a file's text, not the script (`RUN <<EOF cat >>
      // ./ui/.env` with `NAME=value` lines; held-out AO, Maintainerr).
      if (run.isJsonForm || run.heredocs.length > 0 || run.commands.length === 0 || !run.commands.every(setsVariablesOnly)) continue;
      const assignments = run.commands.flatMap(assignmentsOf);
      if (assignments.length === 0) continue;
      report({ range: run.keywordRange, messageId: "exportOnly", suggest: [...instructionSuggestions(run, assignments), deletion(model, run)] });
    }
  },
};

/** True for a command that sets, tests or does nothing else: no program runs, no file changes. */
function setsVariablesOnly(command: ShellCommand): boolean {
  // A command substitution in a value runs a program (`export V=$(curl ... | tee f)`): it may have effects.
  if (command.words.some((w) => /\$\(|`/.test(w.value))) return false;
  if (command.name === "") return true;
  return VARIABLE_BUILTINS.has(command.name) || NO_EFFECT.has(command.name);
}

/** The `NAME=value` words a command sets (`export A=1`, a bare `A=1`); not `unset` or `export A` alone. */
function assignmentsOf(command: ShellCommand): string[] {
  if (command.name === "") return command.assignments.map((a) => a.value);
  if (command.name === "unset" || NO_EFFECT.has(command.name)) return [];
  return command.args.map((a) => a.value).filter((v) => /^[A-Za-z_]\w*=/.test(v));
}

/**
 * ENV or ARG with the same assignments, where the RUN is nothing but them at the top level (no
 * `case` or `if` choosing between values, which neither instruction can express).
 */
function instructionSuggestions(run: Instruction, assignments: string[]): Fix[] {
  if (run.commands.some((c) => c.depth > 0 || c.name === "unset" || NO_EFFECT.has(c.name))) return [];
  const written = assignments.map((a) => {
    const at = a.indexOf("=");
    const value = a.slice(at + 1);
    return `${a.slice(0, at)}=${/^[\w./:@%+,-]*$/.test(value) ? value : JSON.stringify(value)}`;
  });
  return (["ENV", "ARG"] as const).map((keyword) => ({
    title: `Use ${keyword} ${written.join(" ")}`,
    edits: [{ range: run.range, newText: keyword === "ENV" ? `ENV ${written.join(" ")}` : written.map((w) => `ARG ${w}`).join("\n") }],
    ...(keyword === "ENV" ? { isPreferred: true } : {}),
  }));
}

/** Deleting the RUN, which changes nothing in the build: the fix where nothing reads the variables. */
function deletion(model: DockerfileModel, run: Instruction): Fix {
  return { title: "Delete the RUN", edits: removeInstruction(run, model.lines) };
}
