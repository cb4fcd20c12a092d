// The packages of earlier Debian releases that bookworm or trixie does not install by name
// (data/debian-removals.generated.json, from Debian's own indexes; scripts/generate-debian-removals.ts):
// a move of the base image onto that release breaks an `apt-get install` of them. The curated
// lists of release-moves.ts say why the well-known ones went; this table answers for every other
// package of Debian's main archive.

import type * as RemovalsTable from "./data/debian-removals.generated.json";

/** A release the table says what it lacks of the releases before it. */
export type LaterDebianRelease = "bookworm" | "trixie";

const DIGITS = "0123456789abcdefghijklmnopqrstuvwxyz";

/** The model is platform-neutral (no Node types); every bundler and esbuild-register provide `require`. */
declare const require: (id: string) => unknown;
let loaded: Record<LaterDebianRelease, ReadonlySet<string>> | null = null;

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
function removals(): Record<LaterDebianRelease, ReadonlySet<string>> {
  if (loaded === null) {
    // A deferred load; the Node build resolves this path to the file beside it (scripts/server-chunks.mjs).
    const read = require("./data/debian-removals.generated.json") as typeof RemovalsTable as unknown as { missingFrom: Record<LaterDebianRelease, string> };
    loaded = { bookworm: new Set(frontDecoded(read.missingFrom.bookworm)), trixie: new Set(frontDecoded(read.missingFrom.trixie)) };
  }
  return loaded;
}

/**
 * True when an earlier Debian release had the package `name` and `release` does not install it by
 * that name: bookworm lacks bullseye's `libtiff5`, `netcat` and `upx-ucl`; trixie lacks
 * bookworm's `libgl1-mesa-glx` and `python3-distutils`, and `netcat`, but has `upx-ucl` again.
 */
export function isMissingFrom(release: LaterDebianRelease, name: string): boolean {
  return removals()[release].has(name);
}
