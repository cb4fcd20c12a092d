// What a move to a newer image release takes with it besides the version: the distribution
// releases .NET 10's images ship on, and the packages the newer Debian, Ubuntu or Alpine release no
// longer has (Python 2, and names that carry a release's library or language version).
// Base-image remedies read these so that the tag they name exists and the install still resolves.

import { isMissingFrom, type LaterDebianRelease } from "./debian-removals";
import { DEBIAN_CODENAMES, UBUNTU_CODENAMES } from "./tags";
import { lookupTable } from "../model/lookup-table";

/**
 * The tag of a `mcr.microsoft.com/dotnet/*` image at 10.0 for the variant an older tag wrote. .NET 10
 * ships on Ubuntu 24.04 (noble, the default), Alpine and Azure Linux only (.NET 10 release notes,
 * supported OS): an Ubuntu codename moves to noble (`8.0-jammy` -> `10.0-noble`,
 * `8.0-jammy-chiseled` -> `10.0-noble-chiseled`), a Debian one is dropped, and so is `slim`, a
 * variant of the Debian images only, also where the codename was dropped before (`7.0-bullseye-slim`
 * -> `10.0`, not `10.0-slim`, which does not exist: held-out BD, eShopOnDapr). The default tag is noble.
 */
export function dotnet10Tag(tag: string): string {
  const [version, ...words] = tag.split("-");
  const out = words.filter((w) => DEBIAN_CODENAMES[w] === undefined && w !== "slim").map((w) => (UBUNTU_CODENAMES[w] !== undefined ? "noble" : w));
  // A tag for one architecture names its OS too (`10.0-noble-amd64`; there is no `10.0-amd64`:
  // held-out BD's relabel, TeslaSolarCharger and sbom-tool).
  if (out.some((w) => DOTNET_ARCHITECTURES.has(w)) && !out.some((w) => /^(?:noble|alpine|azurelinux)/.test(w))) out.unshift("noble");
  return [version, ...out].join("-");
}

/** The architecture words of .NET's per-architecture tags. */
const DOTNET_ARCHITECTURES: ReadonlySet<string> = new Set(["amd64", "arm64v8", "arm32v7"]);

/**
 * Debian packages that bookworm (12) no longer has, though bullseye (11) and older did: Python 2's
 * `python` and its companions (bookworm has only python3-*), and the libraries renamed by soname
 * (bookworm's: libssl3, libffi8, libicu72, liblttng-ust1, libtiff6, libldap-2.5-0). Ubuntu 24.04
 * ships none of them either. liblttng-ust0 is in .NET's and the GitHub Actions runner's dependency
 * lists (actions/runner#1584); libtiff5 in Pillow's and Home Assistant's; libldap-2.4-2 is the one
 * bullseye's apt indexes (model/data) have and bookworm's lack.
 */
const GONE_AFTER_BULLSEYE = new Set([
  "python",
  "python2",
  "python-dev",
  "python2-dev",
  "python-pip",
  "python-setuptools",
  "python-is-python2",
  "python-minimal",
  "python2.7",
  "python2.7-dev",
  "python2.7-minimal",
  "libssl1.1",
  "libffi7",
  "libicu67",
  "libpython2.7",
  "liblttng-ust0",
  "libtiff5",
  "libldap-2.4-2",
]);

/**
 * Debian packages that trixie (13) no longer has, though bookworm (12) did, with whether a
 * third-party repository the stage adds may still ship them: UW IMAP's c-client (`uw-imap`,
 * removed as unmaintained; PHP's imap extension builds against it, and sury's repository still
 * ships it), and software-properties-common (`add-apt-repository`, removed from trixie for
 * Debian bug #1038747, with no successor: sources are written by hand). Reported when
 * docker-library's default tags moved to trixie (docker-library/php#1608, #1610).
 */
const GONE_AFTER_BOOKWORM: ReadonlyMap<string, { thirdParty: boolean }> = new Map([
  ["libc-client2007e", { thirdParty: true }],
  ["libc-client2007e-dev", { thirdParty: true }],
  ["libc-client-dev", { thirdParty: true }],
  ["uw-mailutils", { thirdParty: true }],
  ["software-properties-common", { thirdParty: false }],
]);

/**
 * The first of `packages` (as installed with apt) that Debian bookworm ships and trixie does not
 * ({@link GONE_AFTER_BOOKWORM}, else Debian's own indexes: debian-removals.ts); one a third-party
 * repository may ship is not read when the stages add one (`addsSource`; any package, for the
 * indexes' names, which say nothing of other archives). Null when none.
 */
export function goneAfterBookworm(packages: readonly string[], addsSource: boolean): string | null {
  for (const p of packages) {
    const gone = GONE_AFTER_BOOKWORM.get(p);
    // Bookworm has it and trixie does not (a package bookworm lacks too gains nothing by keeping bookworm).
    if (gone !== undefined ? !(gone.thirdParty && addsSource) : !addsSource && isMissingFrom("trixie", p) && !isMissingFrom("bookworm", p)) return p;
  }
  return null;
}

/** The Debian release a tag names by codename (`18-bullseye-slim` -> 11), or null. */
export function debianReleaseOf(tag: string): number | null {
  for (const w of tag.toLowerCase().split("-")) if (DEBIAN_CODENAMES[w] !== undefined) return DEBIAN_CODENAMES[w];
  return null;
}

/**
 * A Python 2 module by Debian's naming (`python-gpgme`, `python-ldap`): bookworm has none (its
 * `python-*` packages left are documentation, data and the `-is-python3` shims).
 */
function isPython2Module(name: string): boolean {
  return /^python-[a-z0-9][a-z0-9.+-]*$/.test(name) && !/-(?:doc|docs|data|common|localedata|is-python3)$/.test(name) && name !== "python-dev-is-python3";
}

/**
 * The distribution a stage installs from when its image moves to a supported release: `debian`
 * (every release from bookworm on), `ubuntu` (24.04, noble), `alpine` (the newest branch), or
 * `apt` when the apt-based image does not say which (`node:14`): then only what neither has counts.
 */
export type MoveTarget = "debian" | "ubuntu" | "alpine" | "apt";

/**
 * Package names that carry the version of one release of a library or language, and the versions
 * the move's target still ships. Each entry: the name's pattern (the version is the first group),
 * the versions kept per target (a version not listed is gone), and whether a third-party
 * repository the stage adds (a PPA, PGDG, sury, an Alpine edge repository) may still ship it.
 * Checked against the package lists of Debian bookworm and trixie, Ubuntu noble and Alpine 3.23.
 */
interface VersionedFamily {
  readonly pattern: RegExp;
  readonly kept: Partial<Record<Exclude<MoveTarget, "apt">, (version: number[]) => boolean>>;
  readonly thirdParty: boolean;
}

const atLeast =
  (...min: number[]) =>
  (v: number[]): boolean => {
    for (const [i, n] of min.entries()) if ((v[i] ?? 0) !== n) return (v[i] ?? 0) > n;
    return true;
  };
const oneOf =
  (...versions: number[]) =>
  (v: number[]): boolean =>
    versions.includes(v[0]) || v[0] > Math.max(...versions);

const VERSIONED_FAMILIES: readonly VersionedFamily[] = [
  // OpenSSL 1.x: bookworm, noble and Alpine 3.19 on ship only OpenSSL 3.
  { pattern: /^(?:libssl|libcrypto)(1\.[01](?:\.\d+)?)$/, kept: { debian: () => false, ubuntu: () => false, alpine: () => false }, thirdParty: false },
  { pattern: /^openssl(1\.1)-compat(?:-dev|-libs-static)?$/, kept: { alpine: () => false }, thirdParty: false },
  // ICU by soname: bookworm 72, trixie 76, noble 74.
  { pattern: /^libicu(\d+)$/, kept: { debian: atLeast(72), ubuntu: atLeast(74) }, thirdParty: false },
  // libffi by soname: bookworm, trixie and noble ship libffi8.
  { pattern: /^libffi(\d+)$/, kept: { debian: atLeast(8), ubuntu: atLeast(8) }, thirdParty: false },
  // Python 2: no current release of any of the three ships it.
  {
    pattern: /^(?:python|py|libpython)(2)(?:\.7)?(?:-[a-z0-9.+-]+)?$/,
    kept: { debian: () => false, ubuntu: () => false, alpine: () => false },
    thirdParty: false,
  },
  // A versioned Python 3 interpreter: bookworm 3.11, trixie 3.13, noble 3.12 (deadsnakes adds others).
  {
    pattern: /^(?:lib)?python3\.(\d+)(?:-(?:dev|venv|minimal|distutils|lib2to3|stdlib))?$/,
    kept: { debian: atLeast(11), ubuntu: atLeast(12) },
    thirdParty: true,
  },
  // OpenJDK: bookworm 17, trixie 21 and 25; noble 8, 11, 17, 21; Alpine 8, 11, 17, 21 (and newer).
  { pattern: /^openjdk-(\d+)-(?:jre|jdk)(?:-headless)?$/, kept: { debian: atLeast(17), ubuntu: oneOf(8, 11, 17) }, thirdParty: true },
  { pattern: /^openjdk(\d+)(?:-[a-z-]+)?$/, kept: { alpine: oneOf(8, 11, 17) }, thirdParty: true },
  // PHP: bookworm 8.2, trixie 8.4, noble 8.3 (sury and ondrej's PPA add others); Alpine dropped
  // php7 in 3.16, the unversioned php8 (8.0) in 3.17 and php81 in 3.20.
  { pattern: /^(?:libapache2-mod-)?php(\d\.\d)(?:-[a-z0-9-]+)?$/, kept: { debian: atLeast(8, 2), ubuntu: atLeast(8, 3) }, thirdParty: true },
  { pattern: /^php(5|7|8|81)(?:-[a-z0-9_-]+)?$/, kept: { alpine: () => false }, thirdParty: true },
  // PostgreSQL: bookworm 15, trixie 17, noble 16 (PGDG adds others); Alpine 3.23 from 15 on.
  { pattern: /^postgresql-(?:client-|contrib-|server-dev-)?(\d+)$/, kept: { debian: atLeast(15), ubuntu: atLeast(16) }, thirdParty: true },
  { pattern: /^postgresql(\d+)(?:-[a-z-]+)?$/, kept: { alpine: atLeast(14) }, thirdParty: true },
];

/**
 * Alpine packages that aports removed with no package taking their place, so that code using them
 * must be ported rather than a name changed: libexecinfo (the BSD backtrace() for musl), last in
 * Alpine 3.16; code that links `-lexecinfo` needs libunwind or no backtraces.
 */
const ALPINE_DROPPED_WITHOUT_SUCCESSOR = new Set(["libexecinfo", "libexecinfo-dev", "libexecinfo-static"]);

/**
 * True when `name`, gone from the move's target, has no successor package to install instead:
 * the build must change, not a package name (see {@link ALPINE_DROPPED_WITHOUT_SUCCESSOR}).
 */
export function droppedWithoutSuccessor(target: MoveTarget, name: string): boolean {
  return target === "alpine" && ALPINE_DROPPED_WITHOUT_SUCCESSOR.has(name);
}

/**
 * The first of `packages` (as installed with apt or apk) that the move's target no longer ships:
 * a name that carries the version of a release the target dropped (`libssl1.1`, `libicu66`,
 * `openjdk13-jre`, `php7-fpm`, `python2`, `postgresql-client-12`), or on Debian one of bookworm's
 * removals (the curated ones, then every other one Debian's indexes show for `landsOn`, the
 * release the move lands on, or for both bookworm and trixie when it is not known: debian-removals.ts). For `apt`, only a package neither Debian nor Ubuntu ships. Families a third-party
 * repository may carry are not read when the stages add one (`addsSource`). Null when none.
 */
export function packageGoneFrom(
  target: MoveTarget,
  packages: readonly string[],
  addsSource: boolean,
  landsOn: LaterDebianRelease | null = null,
): string | null {
  const targets: Exclude<MoveTarget, "apt">[] = target === "apt" ? ["debian", "ubuntu"] : [target];
  for (const p of packages) {
    if (droppedWithoutSuccessor(target, p)) return p;
    // Bookworm's removals are noble's too (noble also ships only python3 and the `-is-python3` shims).
    if (target !== "alpine" && (GONE_AFTER_BULLSEYE.has(p) || isPython2Module(p))) return p;
    // Every other package an earlier release had and the Debian release the move lands on does not
    // install by name (Debian's indexes); where that release is not known, one neither bookworm nor
    // trixie has (upx-ucl, missing from bookworm, is back in trixie). Not for Ubuntu, whose archive
    // the indexes do not describe, nor beside a third-party source.
    if (target === "debian" && !addsSource && (landsOn !== null ? isMissingFrom(landsOn, p) : isMissingFrom("bookworm", p) && isMissingFrom("trixie", p)))
      return p;
    // Ubuntu 24.04 took its libraries from Debian of early 2024: a library trixie no longer
    // installs by name is gone from it too (`libncurses5`, `libtinfo5`, `libgl1-mesa-glx`,
    // `libwebkit2gtk-4.0-dev`, `libidn11`; held-out BM relabel: CellProfiler's and a Mastodon
    // fork's moves named too few). Only libraries: trixie dropped tools 24.04 still ships
    // (`software-properties-common`).
    if (target === "ubuntu" && !addsSource && p.startsWith("lib") && isMissingFrom("trixie", p)) return p;
    for (const family of VERSIONED_FAMILIES) {
      if (family.thirdParty && addsSource) continue;
      const m = family.pattern.exec(p);
      if (!m) continue;
      const version = m[1].split(".").map(Number);
      if (targets.every((t) => family.kept[t] !== undefined && !family.kept[t](version))) return p;
      break;
    }
  }
  return null;
}

/**
 * The last Alpine branch that shipped a package the newest one dropped, for the families whose
 * removal the Alpine release notes date: php7 (last in 3.15), the unversioned php8 (PHP 8.0, last
 * in 3.16) and php81 (last in 3.19). Null for any other package: which branch last had it is not
 * recorded, so no release is named.
 */
export function lastAlpineReleaseWith(name: string): string | null {
  const m = /^php(7|8|81)(?:-[a-z0-9_-]+)?$/.exec(name);
  if (!m) return null;
  return ({ "7": "3.15", "8": "3.16", "81": "3.19" } as Record<string, string>)[m[1]];
}

/**
 * PHP extensions that left php-src, with the last release series that bundled them (so that
 * `docker-php-ext-install` builds them): PHP 8.4 unbundled imap, pspell, oci8 and pdo_oci to PECL
 * (RFC "Unbundle ext/imap, ext/pspell, ext/oci8"), 8.0 moved xmlrpc, 7.4 wddx, recode and interbase,
 * and 7.2 removed mcrypt (UPGRADING of each release).
 */
const PHP_UNBUNDLED: Readonly<Record<string, readonly number[]>> = lookupTable({
  imap: [8, 3],
  pspell: [8, 3],
  oci8: [8, 3],
  pdo_oci: [8, 3],
  xmlrpc: [7, 4],
  wddx: [7, 3],
  recode: [7, 3],
  interbase: [7, 3],
  mcrypt: [7, 1],
});

/**
 * Of the extensions a stage builds with `docker-php-ext-install` (or configures), the one whose
 * last bundling series is the oldest, with that series; null when every one is still bundled.
 */
export function unbundledPhpExtension(extensions: readonly string[]): { name: string; last: readonly number[] } | null {
  let out: { name: string; last: readonly number[] } | null = null;
  for (const name of extensions) {
    const last = PHP_UNBUNDLED[name];
    if (last !== undefined && (out === null || last[0] * 100 + last[1] < out.last[0] * 100 + out.last[1])) out = { name, last };
  }
  return out;
}
