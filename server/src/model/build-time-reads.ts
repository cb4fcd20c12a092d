// The variables an instruction reads while the image is built. A RUN's shell reads every variable
// its script names, at any quoting (`sh -c 'curl -H "$TOKEN"'` reads it in the inner shell), in
// loop lists and case words too. The builder expands the words and flags of ADD, COPY, LABEL, ENV,
// ARG, WORKDIR, USER, EXPOSE, VOLUME and STOPSIGNAL, outside single quotes, and the bodies of their
// heredocs. An ONBUILD trigger reads what its instruction does, when an image built on this one
// builds. CMD, ENTRYPOINT and HEALTHCHECK are read when a container runs, and FROM sees only the
// ARGs before the first FROM: none of them reads a stage's variable at build time.

import type { DockerfileModel, Instruction, Token } from "./types";
import { variableUses } from "./variable-uses";
import { variableNames } from "./variables";

/** Instructions whose words the builder expands with the stage's ARG and ENV values. */
const EXPANDED_BY_BUILDER = new Set(["ADD", "COPY", "ENV", "ARG", "LABEL", "WORKDIR", "USER", "EXPOSE", "VOLUME", "STOPSIGNAL"]);

// Asked for each later instruction of each secret-looking ARG and ENV: read once per instruction.
const readsByInstruction = new WeakMap<Instruction, ReadonlySet<string>>();

/** The names of the variables `instruction` reads while the image (or, for ONBUILD, an image built on it) is built. */
export function variablesReadAtBuild(model: DockerfileModel, instruction: Instruction): ReadonlySet<string> {
  let reads = readsByInstruction.get(instruction);
  if (reads === undefined) {
    reads = readsOf(model, instruction.trigger ?? instruction);
    readsByInstruction.set(instruction, reads);
  }
  return reads;
}

function readsOf(model: DockerfileModel, instruction: Instruction): ReadonlySet<string> {
  const flagValues: Token[] = instruction.flags.flatMap((f) => (f.value === null ? [] : [{ value: f.value, range: f.valueRange ?? f.range }]));
  const heredocBodies = instruction.heredocs.map((h) => h.content);
  if (instruction.keyword === "RUN") {
    // The instruction's words, not its commands: the shell reader keeps no loop list or case word.
    const words = [...instruction.args, ...flagValues].map((w) => w.value);
    return new Set([...words, ...heredocBodies].flatMap(variableNames));
  }
  if (!EXPANDED_BY_BUILDER.has(instruction.keyword)) return new Set();
  const expanded = [...instruction.args, ...flagValues].flatMap((word) => variableUses(word, model.escapeChar).map((use) => use.name));
  // A heredoc body is expanded unless its delimiter is quoted; read as if it never were.
  return new Set([...expanded, ...heredocBodies.flatMap(variableNames)]);
}
