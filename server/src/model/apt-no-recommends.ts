// What `--no-install-recommends` would keep out of an image, read from
// data/apt-recommends.generated.json (scripts/generate-apt-recommends.ts builds it from Debian's
// Packages indexes of bullseye, bookworm and trixie): per package and release, the packages an
// install brings only as recommendations, of the package or of anything its dependencies pull in,
// outside the base system, and the installed size of each. Where the base image's release is not
// known (a tag without a codename; an Ubuntu tag is read as the Debian release it was taken from), every release is
// read and the largest figure counts. A package the table does not know (a PPA's, a vendor's, a
// variable) makes the answer unknown, and the finding stays.

import type * as AptTable from "./data/apt-recommends.generated.json";
import { asLookupTable } from "./lookup-table";

type Row = (string[] | null | false)[];
interface Table {
  packages: Readonly<Record<string, Row>>;
  sizes: Readonly<Record<string, number[]>>;
}
/** The model is platform-neutral (no Node types); every bundler and esbuild-register provide `require`. */
declare const require: (id: string) => unknown;
let loaded: Table | null = null;
/**
 * The table, read with the first apt install a rule looks at rather than with the language server
 * (issue #16: the server's start; the Node server reads it as plain JSON from beside it, apt-recommends.json).
 */
function table(): Table {
  // A deferred load, see above; the Node build resolves this path to the file beside it (scripts/server-chunks.mjs).
  if (loaded === null) {
    const read = require("./data/apt-recommends.generated.json") as typeof AptTable as unknown as Table;
    loaded = { packages: asLookupTable(read.packages), sizes: asLookupTable(read.sizes) };
  }
  return loaded;
}
/** Debian release numbers in the table's order (bullseye, bookworm, trixie). */
const RELEASE_NUMBERS = [11, 12, 13];

/** `name=version`, `name:arch` -> `name`. */
export function aptPackageName(pkg: string): string {
  return pkg.replace(/[=:].*$/, "");
}

/** What earlier installs of an image put there, per release of the table. */
export type AptInstalled = Set<string>[];

export function noneInstalled(): AptInstalled {
  return RELEASE_NUMBERS.map(() => new Set<string>());
}

/** Counts an install of `packages` (with its recommends when `withRecommends`) as done. */
export function recordInstall(installed: AptInstalled, packages: readonly string[], withRecommends: boolean): void {
  for (const [r, set] of installed.entries())
    for (const pkg of packages) {
      const name = aptPackageName(pkg);
      set.add(name);
      const extras = withRecommends ? table().packages[name]?.[r] : null;
      if (extras) for (const e of extras) set.add(e);
    }
}

/**
 * The installed size in KB of what `--no-install-recommends` would keep out of an install of
 * `packages`, beyond what `installed` already holds: in Debian `release` (11, 12, 13), or the
 * largest over the releases when it is null or not in the table. Null when any package is unknown.
 */
export function recommendsKeptOutKb(packages: readonly string[], release: number | null, installed: AptInstalled): number | null {
  const names = packages.map(aptPackageName);
  const rows: Row[] = [];
  for (const name of names) {
    if (!Object.hasOwn(table().packages, name)) return null;
    rows.push(table().packages[name]);
  }
  const known = release === null ? -1 : RELEASE_NUMBERS.indexOf(release);
  const releases = known >= 0 ? [known] : RELEASE_NUMBERS.map((_, i) => i);
  let largest: number | null = null;
  for (const r of releases) {
    // A release that lacks one of the packages is not the image's (the install would fail there).
    if (rows.some((row) => row[r] === false)) continue;
    const kept = new Set<string>();
    for (const row of rows) {
      const extras = row[r];
      if (extras === null) return null;
      if (extras === false) continue;
      for (const e of extras) if (!installed[r].has(e) && !names.includes(e)) kept.add(e);
    }
    const kb = [...kept].reduce((sum, e) => sum + (table().sizes[e]?.[r] ?? 0), 0);
    largest = Math.max(largest ?? 0, kb);
  }
  return largest;
}

/** True when every package is known and brings no recommendation in any release of the table. */
export function bringsNoRecommends(packages: readonly string[]): boolean {
  return packages.every((pkg) => {
    const row = table().packages[aptPackageName(pkg)] as Row | undefined;
    return row !== undefined && row.every((extras) => extras === false || (extras !== null && extras.length === 0));
  });
}

/** True when the table has an entry for the package (Debian ships it in one of the releases read). */
export function isKnownPackage(pkg: string): boolean {
  return Object.hasOwn(table().packages, aptPackageName(pkg));
}

/**
 * Debian's Essential packages (and the shells and libraries they pull in): in every Debian and
 * Ubuntu image, slim ones too, so naming one in an install is a no-op that brings none of its
 * recommends (apt adds a package's recommends when it installs it, not when it is already there).
 */
const ESSENTIAL =
  /^(?:base-files|base-passwd|bash|bsdutils|coreutils|dash|debianutils|diffutils|dpkg|findutils|grep|gzip|hostname|init-system-helpers|libc-bin|libc6|libtinfo6|login|mount|ncurses-base|ncurses-bin|passwd|perl-base|sed|sysvinit-utils|tar|util-linux)$/;

/** True when the package is one of Debian's Essential ones, present in every Debian or Ubuntu image. */
export function isEssentialPackage(pkg: string): boolean {
  return ESSENTIAL.test(aptPackageName(pkg));
}
