// Package lists kept in a build argument or ENV (`ARG TOOLS="curl git"`, then `apt-get install -y
// ${TOOLS}`): the shell splits an unquoted expansion into words, so the packages the command
// installs are the words of the value. The model expands them where the command is read, so every
// rule that asks what a package manager installs (build tools, the Docker CLI, recommends) sees them.

import { MANAGER_BY_NAME } from "./commands";
import { environmentViewAt } from "./environment";
import type { ShellCommand, Word } from "./shell";
import type { DockerfileModel } from "./types";

/** An operand that is one unquoted variable reference and nothing else: `$TOOLS`, `${TOOLS}`. */
const LONE_REFERENCE = /^\$(?:\{([A-Za-z_][A-Za-z0-9_]*)\}|([A-Za-z_][A-Za-z0-9_]*))$/;

/**
 * Replaces, in the RUN commands of every stage that run a system package manager, each unquoted
 * `$NAME` operand by the words of the value the ARG or ENV in effect gives it (its default; a
 * value the build passes is not known here). Left as written: a quoted reference (one word, as the
 * shell passes it), a variable without a known value or whose value holds another reference or a
 * quote, and one the same RUN sets itself (`TOOLS=... && apt-get install $TOOLS`, `for TOOLS in ...`).
 */
export function expandPackageOperands(model: DockerfileModel): void {
  for (const stage of model.stages) {
    for (const instruction of stage.instructions) {
      if (instruction.keyword !== "RUN" || instruction.isJsonForm) continue;
      const targets = instruction.commands.filter((c) => Object.hasOwn(MANAGER_BY_NAME, c.name) && c.args.some((a) => referenceName(a) !== null));
      if (targets.length === 0) continue;
      const env = environmentViewAt(model, stage, instruction);
      const setHere = new Set(instruction.commands.flatMap((c) => setNames(c)));
      for (const command of targets) {
        for (const word of [...command.args]) {
          const name = referenceName(word);
          if (name === null || setHere.has(name)) continue;
          const value = env.get(name);
          // A quote left in the value is a declaration the model read only in part: no package names.
          if (value === undefined || value === null || /[$"']/.test(value)) continue;
          const parts = value.split(/\s+/).filter((p) => p !== "");
          const expanded: Word[] = parts.map((part) => ({ value: part, range: word.range, quoted: false, fromVariable: name }));
          command.args.splice(command.args.indexOf(word), 1, ...expanded);
          command.words.splice(command.words.indexOf(word), 1, ...expanded);
        }
      }
    }
  }
}

function referenceName(word: Word): string | null {
  if (word.quoted || word.json) return null;
  const match = LONE_REFERENCE.exec(word.value);
  return match === null ? null : (match[1] ?? match[2]);
}

/** Names a command of the same RUN sets: `NAME=x` prefixes, `export NAME=x`, `read NAME`, `for NAME in`. */
function setNames(command: ShellCommand): string[] {
  const names = command.assignments.map((w) => w.value.slice(0, w.value.indexOf("=")));
  if (["export", "declare", "local", "readonly", "read", "for"].includes(command.name) || command.words[0]?.value === "for") {
    for (const w of command.words) {
      const name = /^([A-Za-z_][A-Za-z0-9_]*)(?:=|$)/.exec(w.value)?.[1];
      if (name !== undefined) names.push(name);
    }
  }
  return names;
}
