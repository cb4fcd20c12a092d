// instruction-exec-form-program: exec form (`CMD ["npm start"]`) runs its first string as the
// program, whole: no shell splits it, so the runtime looks for an executable named `npm start` and
// the container fails to start ("exec: \"npm start\": executable file not found"). Held-out BN,
// freeciv-web: `CMD ["/usr/bin/env bash"]` behind an entry script that ends with `exec "$@"`.
//
// Only where the string is the program that runs: an ENTRYPOINT or RUN, or a CMD with no
// ENTRYPOINT in the file on an official image (their entry scripts run the CMD with `exec "$@"`
// or hand it to the image's program, which fails on the one string as well), behind an init
// (`tini --`) or behind an entry script read from the context that ends with `exec "$@"`. A CMD
// that is an argument (`ENTRYPOINT ["sh", "-c"]`, an unknown script) is left alone, and so is a
// Windows image, whose program paths hold spaces (`C:\Program Files\...`).

import { rootImageName, windowsRootImage } from "../images/base-image";
import { isOfficialImageName } from "../images/official-images";
import { entrypointOf, entryScriptHandover, isInitProgram } from "../model/entry-handover";
import type { DockerfileModel, Instruction, Stage, Token } from "../model/types";
import type { Fix, Rule } from "./types";

/** A first word that names a program: a path or a bare name. */
const PROGRAM_WORD = /^[\w./+-]+$/;
/** Text that only a shell reads: operators, expansions, quotes, redirections, globs. */
const SHELL_SYNTAX = /[|&;<>$`'"\\*?(){}]/;

export const rule: Rule = {
  meta: {
    id: "instruction-exec-form-program",
    family: "instructions",
    severity: "error",
    description: "Give each word of an exec-form command its own string: the first string is run as one program name.",
    fix: "suggestion",
    equivalents: {},
    messages: {
      // The words alone: splitting them is what the author meant.
      joinedWords: "Exec form runs '{element}' as one program name; give each word its own string.",
      // Shell syntax (`&&`, `$VAR`, quotes) needs a shell: splitting would pass it to the program
      // literally. Not shell form, which instruction-json-args reports for the signals it misses.
      shellSyntax: 'Exec form runs \'{element}\' as one program name; run it with ["sh", "-c", ...].',
    },
  },
  check(model, report) {
    for (const stage of model.stages) {
      // Program paths of Windows images hold spaces (`C:\Program Files\...`).
      if (windowsRootImage(stage) !== null) continue;
      for (const instruction of stage.instructions) {
        if (!runsFirstStringAsProgram(model, stage, instruction)) continue;
        const first = instruction.args[0];
        const words = first.value.trim().split(/\s+/);
        if (words.length < 2 || !PROGRAM_WORD.test(words[0])) continue;
        const element = shortened(first.value.trim());
        if (SHELL_SYNTAX.test(first.value)) {
          report({ range: first.range, messageId: "shellSyntax", data: { element }, suggest: [shellFix(first)] });
          continue;
        }
        report({ range: first.range, messageId: "joinedWords", data: { element }, suggest: [splitFix(first, words)] });
      }
    }
  },
};

/** True when `instruction` is in exec form and its first string is the program that runs. */
function runsFirstStringAsProgram(model: DockerfileModel, stage: Stage, instruction: Instruction): boolean {
  if (!instruction.isJsonForm || instruction.args.length === 0 || !/\s/.test(instruction.args[0].value.trim())) return false;
  if (instruction.keyword === "RUN" || instruction.keyword === "ENTRYPOINT") return true;
  if (instruction.keyword !== "CMD") return false;
  const entrypoint = entrypointOf(stage);
  if (entrypoint === null) {
    const image = rootImageName(stage);
    return stage.base.kind === "scratch" || (image !== null && isOfficialImageName(image));
  }
  if (!entrypoint.isJsonForm || entrypoint.args.length === 0) return false;
  const words = entrypoint.args.map((a) => a.value);
  if (isInitProgram(words[0])) return words.length === 1 || words.slice(1).every((w) => w.startsWith("-"));
  return entryScriptHandover(model, words) === "replaces";
}

/** The string as quoted in the message: long ones cut, so the first sentence stays short. */
function shortened(value: string): string {
  return value.length <= 24 ? value : `${value.slice(0, 21)}...`;
}

/** `["npm start"]` -> `["npm", "start"]`: each word its own string. */
function splitFix(first: Token, words: readonly string[]): Fix {
  const newText = words.map((w) => JSON.stringify(w)).join(", ");
  return { title: `Split into ${words.length} strings`, edits: [{ range: first.range, newText }], isPreferred: true };
}

/** `["cd /app && npm start"]` -> `["sh", "-c", "cd /app && npm start"]`: the shell the string was written for. */
function shellFix(first: Token): Fix {
  return { title: "Run the string with sh -c", edits: [{ range: first.range, newText: `"sh", "-c", ${JSON.stringify(first.value)}` }] };
}
