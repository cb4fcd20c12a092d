// The packages a Debian release has that the next one no longer installs by name
// (data/debian-removals.generated.json, from Debian's own indexes; scripts/generate-debian-removals.ts):
// a move of the base image across that release breaks an `apt-get install` of them. The curated
// lists of release-moves.ts say why the well-known ones went; this table answers for every other
// package of Debian's main archive.

import type * as RemovalsTable from "./data/debian-removals.generated.json";

/** A release whose successor's removals the table holds. */
export type DebianReleaseWithSuccessor = "bullseye" | "bookworm";

const DIGITS = "0123456789abcdefghijklmnopqrstuvwxyz";

/** The model is platform-neutral (no Node types); every bundler and esbuild-register provide `require`. */
declare const require: (id: string) => unknown;
let loaded: Record<DebianReleaseWithSuccessor, ReadonlySet<string>> | null = null;

/**
 * Sorted names, front-coded as the table stores them: per name, one character (0-9, then a-z, at
 * most 35) for how many leading characters it shares with the name before it, then the rest;
 * names separated by a space.
 */
export function frontCode(names: readonly string[]): string {
  let previous = "";
  return names
    .map((name) => {
      let shared = 0;
      while (shared < DIGITS.length - 1 && shared < previous.length && shared < name.length && previous[shared] === name[shared]) shared++;
      previous = name;
      return DIGITS[shared] + name.slice(shared);
    })
    .join(" ");
}

/** The names of a front-coded list (frontCode). */
export function frontDecoded(coded: string): string[] {
  const names: string[] = [];
  let previous = "";
  for (const entry of coded.split(" ")) {
    if (entry === "") continue;
    const shared = DIGITS.indexOf(entry[0]);
    previous = previous.slice(0, Math.max(0, shared)) + entry.slice(1);
    names.push(previous);
  }
  return names;
}

/** The table, read with the first question rather than with the language server (issue #16: the server's start). */
function removals(): Record<DebianReleaseWithSuccessor, ReadonlySet<string>> {
  if (loaded === null) {
    // A deferred load; the Node build resolves this path to the file beside it (scripts/server-chunks.mjs).
    const read = require("./data/debian-removals.generated.json") as typeof RemovalsTable as unknown as {
      goneAfter: Record<DebianReleaseWithSuccessor, string>;
    };
    loaded = { bullseye: new Set(frontDecoded(read.goneAfter.bullseye)), bookworm: new Set(frontDecoded(read.goneAfter.bookworm)) };
  }
  return loaded;
}

/**
 * True when Debian `release` has the package `name` and no later release of the table installs it
 * by that name: bullseye's `libtiff5`, `netcat` (not `upx-ucl`, missing from bookworm but back in
 * trixie); bookworm's `libgl1-mesa-glx`, `python3-distutils`.
 */
export function isGoneAfter(release: DebianReleaseWithSuccessor, name: string): boolean {
  return removals()[release].has(name);
}
