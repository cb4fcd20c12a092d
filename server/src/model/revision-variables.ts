// A build argument git checks out (`git checkout "$PG_AUTH_MON"`, `git clone --branch
// "$KEYCLOAK_REF"`) holds a commit, tag or branch: git accepts nothing else there, so it is no
// credential, whatever words its name holds and wherever else the file writes it (held-out AV,
// timescaledb-docker-ha: `ARG PG_AUTH_MON`, the pg_auth_mon extension's ref, taken for an AUTH
// secret). What names it so (`_REF`, `_COMMIT`) is secret-names.ts'; this reads how the file uses it.

import { instructionsAfter } from "./stage-graph";
import type { ShellCommand, Word } from "./shell";
import type { DockerfileModel, Instruction } from "./types";
import { unquoteWord } from "./copy-paths";
import { variableNames } from "./variables";

/** git subcommands whose operands after the options are revisions. */
const REVISION_SUBCOMMANDS = new Set(["checkout", "switch"]);

/** True when a RUN after `declaration` (in its stage or a stage built on it) gives `name` to git as a revision. */
export function checkedOutByGit(model: DockerfileModel, declaration: Instruction, name: string): boolean {
  return instructionsAfter(model, declaration).some(
    (instruction) =>
      instruction.keyword === "RUN" && instruction.commands.some((command) => revisionWords(command).some((w) => variableNames(w.value).includes(name))),
  );
}

/** The words of a git command that are revisions: `checkout`/`switch` operands, `clone`'s `-b`/`--branch` value. */
function revisionWords(command: ShellCommand): Word[] {
  if (command.name !== "git") return [];
  const args = command.args;
  const sub = args.findIndex((w) => !w.value.startsWith("-"));
  if (sub === -1) return [];
  const subcommand = unquoteWord(args[sub].value);
  const rest = args.slice(sub + 1);
  // After `--` come paths (`git checkout -- "$FILE"`).
  const end = rest.findIndex((w) => w.value === "--");
  if (REVISION_SUBCOMMANDS.has(subcommand)) return rest.slice(0, end === -1 ? undefined : end).filter((w) => !w.value.startsWith("-"));
  if (subcommand === "clone") return rest.filter((_w, i) => i > 0 && (rest[i - 1].value === "-b" || rest[i - 1].value === "--branch"));
  return [];
}
