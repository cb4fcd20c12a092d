// Build arguments a Go build links into its program (`go build -ldflags "-X main.key=${KEY}"`):
// the value becomes a string constant of the binary the image ships, so hiding the argument from
// the image's history (a secret mount) would hand the same value to the same linker.

import { containsPosition } from "./text";
import type { Word } from "./shell";
import { instructionsAfter } from "./stage-graph";
import { variablesReadAtBuild } from "./build-time-reads";
import type { DockerfileModel, Instruction } from "./types";
import { variableNames } from "./variables";

/** Go's subcommands that link a program and take `-ldflags`. */
const LINKING = new Set(["build", "install", "run"]);

/**
 * True when every build step after `declaration` that reads `name` is a RUN whose only mentions of
 * it are inside a Go build's `-ldflags` value (and at least one step reads it).
 */
export function onlyLinkedIntoProgram(model: DockerfileModel, declaration: Instruction, name: string): boolean {
  const readers = instructionsAfter(model, declaration).filter((i) => variablesReadAtBuild(model, i).has(name));
  return readers.length > 0 && readers.every((reader) => mentionsOnlyInLinkerFlags(reader.trigger ?? reader, name));
}

function mentionsOnlyInLinkerFlags(run: Instruction, name: string): boolean {
  if (run.keyword !== "RUN" || run.flags.some((f) => f.value !== null && variableNames(f.value).includes(name))) return false;
  if (run.heredocs.some((h) => variableNames(h.content).includes(name))) return false;
  const linkerFlags = run.commands.filter((c) => c.name === "go" && LINKING.has(c.args[0]?.value ?? "")).flatMap((c) => linkerFlagValues(c.args));
  const mentions = run.args.filter((token) => variableNames(token.value).includes(name));
  return (
    mentions.length > 0 &&
    mentions.every((token) => linkerFlags.some((flags) => containsPosition(flags.range, token.range.start) && containsPosition(flags.range, token.range.end)))
  );
}

/** The words holding `-ldflags` values: the word after `-ldflags`, or `-ldflags=...` itself. */
function linkerFlagValues(args: readonly Word[]): Word[] {
  const values: Word[] = [];
  args.forEach((word, i) => {
    if (/^--?ldflags=/.test(word.value)) values.push(word);
    else if (/^--?ldflags$/.test(word.value) && i + 1 < args.length) values.push(args[i + 1]);
  });
  return values;
}
