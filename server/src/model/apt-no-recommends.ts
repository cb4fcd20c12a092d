// What `--no-install-recommends` would keep out of an image, read from
// data/apt-recommends.generated.json (scripts/generate-apt-recommends.ts builds it from Debian's
// Packages indexes of bullseye, bookworm and trixie): per release, the part of Debian's dependency
// graph the installs of real Dockerfiles walk (each package's dependencies, recommendations and
// installed size, the base system left out).
//
// Two readings. The flat one, per package and release: what an install of it alone brings only as
// recommendations (of it or of anything its dependencies pull in), and their size; earlier
// installs count by what they named and, without the flag, those recommendations. The played one
// runs an install as apt does: a package not yet in the image brings its dependencies and, without
// the flag, its recommendations, each in turn; one already there brings nothing (apt adds the
// recommends of what it installs, not of what is installed), so a dependency an earlier install
// brought adds none of its recommends again.
// Where the base image's release is not known (a tag without a codename; an Ubuntu tag is read as
// the Debian release it was taken from), every release is read. A package the table does not know
// (a PPA's, a vendor's, a variable) makes the answer unknown, unless a stand-in speaks for it (see
// AptPackage).

import type * as AptTable from "./data/apt-recommends.generated.json";

/** Per name: 0 where the release lacks the package, else [dependencies, recommendations, KB]. */
type Entry = 0 | [number[], number[], number];
interface Table {
  names: readonly string[];
  positions: ReadonlyMap<string, number>;
  /** The names the Dockerfiles read for the table install: the packages it answers for (the rest of the graph plays their installs). */
  named: ReadonlySet<string>;
  entries: readonly (readonly Entry[])[];
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
    const read = require("./data/apt-recommends.generated.json") as typeof AptTable as unknown as { names: string[]; named: number[]; entries: Entry[][] };
    loaded = {
      names: read.names,
      positions: new Map(read.names.map((n, i) => [n, i])),
      named: new Set(read.named.map((i) => read.names[i])),
      entries: read.entries,
    };
  }
  return loaded;
}
/** Debian release numbers in the table's order (bullseye, bookworm, trixie). */
const RELEASE_NUMBERS = [11, 12, 13];

/** `name=version`, `name:arch` -> `name`. */
export function aptPackageName(pkg: string): string {
  return pkg.replace(/[=:].*$/, "");
}

/**
 * A package an install names. Usually Debian's package of that name; `readAs` gives Debian
 * packages that stand in for one the table cannot describe: the package is played as one that
 * depends on them and recommends nothing itself. With `fromVendor`, the stand-in replaces Debian's
 * package of the same name (a vendor's repository serves its own build under that name).
 */
export interface AptPackage {
  readonly name: string;
  readonly readAs?: readonly string[];
  readonly fromVendor?: boolean;
}

/** What earlier installs of an image put there, per release of the table, in each reading. */
export interface AptInstalled {
  /** The names installs gave and, for those without the flag, their flat recommendations. */
  readonly flat: Set<string>[];
  /** Everything the installs brought, played as apt plays them (dependencies included). */
  readonly played: Set<string>[];
}

export function noneInstalled(): AptInstalled {
  return { flat: RELEASE_NUMBERS.map(() => new Set()), played: RELEASE_NUMBERS.map(() => new Set()) };
}

/** True when an earlier install put `pkg` in the image in every release of the table (naming it, or as a flat recommendation). */
export function isInstalled(installed: AptInstalled, pkg: string): boolean {
  return installed.flat.every((set) => set.has(aptPackageName(pkg)));
}

/** The entry of `name` in release `r`, or null where the release lacks it. */
function entryOf(r: number, name: string): Exclude<Entry, 0> | null {
  const position = table().positions.get(name);
  const entry = position === undefined ? 0 : table().entries[r][position];
  return entry === 0 ? null : entry;
}

/**
 * The one package a name stands for in every release that has it: a virtual name apt resolves to
 * its provider (`libxslt-dev` -> `libxslt1-dev`), or an empty transitional package depending on
 * just that one; removing that package removes what the name installed. Null for any other name.
 */
export function aptSoleProvider(name: string): string | null {
  let provider: string | null = null;
  for (let r = 0; r < RELEASE_NUMBERS.length; r++) {
    const entry = entryOf(r, aptPackageName(name));
    if (entry === null) continue;
    const [dependencies, recommendations, kb] = entry;
    if (kb !== 0 || dependencies.length !== 1 || recommendations.length > 0) return null;
    const only = table().names[dependencies[0]];
    if (provider !== null && provider !== only) return null;
    provider = only;
  }
  return provider;
}

/** The entry of a package the table answers for (a name the Dockerfiles install) in release `r`. */
function namedEntry(r: number, name: string): Exclude<Entry, 0> | null {
  return table().named.has(name) ? entryOf(r, name) : null;
}

/** The Debian packages that play `pkg` in release `r`: itself, its stand-ins, or null when neither is there. */
function playedBy(r: number, pkg: AptPackage): readonly string[] | null {
  const name = aptPackageName(pkg.name);
  if (!pkg.fromVendor && namedEntry(r, name)) return [name];
  const standIns = (pkg.readAs ?? []).filter((s) => namedEntry(r, s));
  return standIns.length > 0 ? standIns : null;
}

/**
 * The packages an install of `packages` adds in release `r` beyond `installed`, with or without
 * recommends: each package not yet there brings its dependencies and (with recommends) its
 * recommendations, each in turn. A stand-in's packages are played as dependencies.
 */
function adds(r: number, packages: readonly AptPackage[], installed: ReadonlySet<string>, withRecommends: boolean): Set<string> {
  const added = new Set<string>();
  const stack = packages.flatMap((pkg) => playedBy(r, pkg) ?? []);
  const names = table().names;
  while (stack.length > 0) {
    const name = stack.pop()!;
    if (added.has(name) || installed.has(name)) continue;
    added.add(name);
    const entry = entryOf(r, name);
    if (!entry) continue;
    for (const d of entry[0]) stack.push(names[d]);
    if (withRecommends) for (const d of entry[1]) stack.push(names[d]);
  }
  return added;
}

/** Most readings kept per cache: more names than any file installs, fewer than a session of typing could leave. */
const MAX_CACHED_READINGS = 4096;
/** The key of a reading of `pkg` in release `r`: its name, whether a vendor's build replaces it, its stand-ins. */
function readingKey(r: number, pkg: AptPackage): string {
  return [r, aptPackageName(pkg.name), pkg.fromVendor ? "vendor" : "", ...(pkg.readAs ?? [])].join(" ");
}

/** Flat readings already worked out, per release, package and stand-ins (every earlier install asks again). */
const flatReadings = new Map<string, readonly string[] | false>();

/** The flat reading of `pkg` in release `r`: what an install of it alone brings only as recommendations, or false where the release lacks it. */
function flatExtras(r: number, pkg: AptPackage): readonly string[] | false {
  const key = readingKey(r, pkg);
  let reading = flatReadings.get(key);
  if (reading === undefined) {
    const without = playedBy(r, pkg) === null ? null : new Set(dependencyClosure(r, pkg));
    reading = without === null ? false : [...adds(r, [pkg], NOTHING_INSTALLED, true)].filter((e) => !without.has(e));
    if (flatReadings.size >= MAX_CACHED_READINGS) flatReadings.clear();
    flatReadings.set(key, reading);
  }
  return reading;
}

const NOTHING_INSTALLED: ReadonlySet<string> = new Set();
/** Per release and package, what an install of it alone brings without recommends (asked once per earlier install of every install judged). */
const dependencyClosures = new Map<string, readonly string[]>();

/** What an install of `pkg` alone brings in release `r` without recommends; empty when the release lacks it. */
function dependencyClosure(r: number, pkg: AptPackage): readonly string[] {
  const key = readingKey(r, pkg);
  let closure = dependencyClosures.get(key);
  if (closure === undefined) {
    closure = playedBy(r, pkg) === null ? [] : [...adds(r, [pkg], NOTHING_INSTALLED, false)];
    // Bounded: in the editor every name typed along the way is asked about once.
    if (dependencyClosures.size >= MAX_CACHED_READINGS) dependencyClosures.clear();
    dependencyClosures.set(key, closure);
  }
  return closure;
}

/** Counts an install of `packages` (with its recommends when `withRecommends`) as done. */
export function recordInstall(installed: AptInstalled, packages: readonly AptPackage[], withRecommends: boolean): void {
  for (const [r, set] of installed.flat.entries())
    for (const pkg of packages) {
      set.add(aptPackageName(pkg.name));
      // What it depends on came with it: ca-certificates' openssl is there once ca-certificates is.
      for (const e of dependencyClosure(r, pkg)) set.add(e);
      const extras = withRecommends ? flatExtras(r, pkg) : false;
      if (extras) for (const e of extras) set.add(e);
    }
  for (const [r, set] of installed.played.entries()) {
    for (const e of adds(r, packages, set, withRecommends)) set.add(e);
    for (const pkg of packages) set.add(aptPackageName(pkg.name));
  }
}

/** Forgets every install before (an autoremove, which takes what the table cannot tell is still needed). */
export function forgetInstalls(installed: AptInstalled): void {
  for (const set of [...installed.flat, ...installed.played]) set.clear();
}

/**
 * Counts a removal (`apt-get purge nginx`) of `packages` as done. The flat reading forgets every
 * install before. The played one takes the packages out with every package installed that depends
 * on one of them (apt removes what it would break), and keeps what they brought, as apt does
 * without autoremove; a name with a pattern (`'php*'`) may remove anything, so it forgets all.
 */
export function recordRemoval(installed: AptInstalled, packages: readonly string[]): void {
  for (const set of installed.flat) set.clear();
  if (packages.some((p) => /[*?[\]]/.test(p))) return forgetInstalls(installed);
  const names = table().names;
  for (const [r, set] of installed.played.entries()) {
    const removed = new Set(packages.map(aptPackageName));
    for (let grew = true; grew;) {
      grew = false;
      for (const name of set) {
        if (removed.has(name) || !entryOf(r, name)?.[0].some((d) => removed.has(names[d]))) continue;
        removed.add(name);
        grew = true;
      }
    }
    for (const name of removed) set.delete(name);
  }
}

/**
 * The installed size in KB of what `--no-install-recommends` would keep out of an install of
 * `packages`, in the flat reading, beyond what `installed` already holds: in Debian `release` (11,
 * 12, 13), or the largest over the releases when it is null or not in the table. A release that
 * lacks one of the packages is not the image's (the install would fail there). Null when a
 * package is unknown.
 */
export function recommendsKeptOutKb(packages: readonly AptPackage[], release: number | null, installed: AptInstalled): number | null {
  if (!packages.every(isKnownPackage)) return null;
  const names = packages.map((pkg) => aptPackageName(pkg.name));
  const known = release === null ? -1 : RELEASE_NUMBERS.indexOf(release);
  const releases = known >= 0 ? [known] : RELEASE_NUMBERS.map((_, i) => i);
  let largest: number | null = null;
  for (const r of releases) {
    const rows = packages.map((pkg) => flatExtras(r, pkg));
    if (rows.some((row) => row === false)) continue;
    const kept = new Set<string>();
    for (const row of rows) if (row !== false) for (const e of row) if (!installed.flat[r].has(e) && !names.includes(e)) kept.add(e);
    const kb = [...kept].reduce((sum, e) => sum + (entryOf(r, e)?.[2] ?? 0), 0);
    largest = Math.max(largest ?? 0, kb);
  }
  return largest;
}

/** True when every package is known and brings no recommendation in any release of the table (flat reading). */
export function bringsNoRecommends(packages: readonly AptPackage[]): boolean {
  return packages.every(
    (pkg) =>
      isKnownPackage(pkg) &&
      RELEASE_NUMBERS.every((_, r) => {
        const extras = flatExtras(r, pkg);
        return extras === false || extras.length === 0;
      }),
  );
}

/**
 * True when every package is known and an install of it, played after the earlier installs, adds
 * no recommendation in Debian `release` (or, when null, in any release of the table that has it).
 */
export function keepsNothingOut(packages: readonly AptPackage[], release: number | null, installed: AptInstalled): boolean {
  const known = release === null ? -1 : RELEASE_NUMBERS.indexOf(release);
  const releases = known >= 0 ? [known] : RELEASE_NUMBERS.map((_, i) => i);
  return packages.every(
    (pkg) =>
      isKnownPackage(pkg) &&
      // With recommends, apt only ever adds to what it installs without them.
      releases.every((r) => playedBy(r, pkg) === null || adds(r, [pkg], installed.played[r], true).size === adds(r, [pkg], installed.played[r], false).size),
  );
}

/**
 * True when an install of `packages` brings `dependency` without recommends in Debian `release` (in
 * each release of the table when it is null or not there): one of them is it or depends on it,
 * directly or through what it depends on (dh-autoreconf on automake). Read from the whole graph, so
 * a package the table holds only as another's dependency counts too; false in a release that has
 * none of them.
 */
export function bringsWithoutRecommends(packages: readonly string[], dependency: string, release: number | null): boolean {
  const names = packages.map(aptPackageName);
  if (names.includes(dependency)) return true;
  const known = release === null ? -1 : RELEASE_NUMBERS.indexOf(release);
  const releases = known >= 0 ? [known] : RELEASE_NUMBERS.map((_, i) => i);
  const graph = table().names;
  return releases.every((r) => {
    const seen = new Set<string>();
    const stack = [...names];
    while (stack.length > 0) {
      const name = stack.pop()!;
      if (name === dependency) return true;
      if (seen.has(name)) continue;
      seen.add(name);
      for (const d of entryOf(r, name)?.[0] ?? []) stack.push(graph[d]);
    }
    return false;
  });
}

/** True when the table has an entry for the package or one of its stand-ins (Debian ships it in one of the releases read). */
export function isKnownPackage(pkg: AptPackage): boolean {
  return RELEASE_NUMBERS.some((_, r) => playedBy(r, pkg) !== null);
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
