// What a move to a newer image release takes with it besides the version: the distribution
// releases .NET 10's images ship on, and the Debian packages a newer Debian release no longer has.
// Base-image remedies read these so that the tag they name exists and the install still resolves.

import { DEBIAN_CODENAMES, UBUNTU_CODENAMES } from "./tags";

/**
 * The tag of a `mcr.microsoft.com/dotnet/*` image at 10.0 for the variant an older tag wrote. .NET 10
 * ships on Ubuntu 24.04 (noble, the default), Alpine and Azure Linux only (.NET 10 release notes,
 * supported OS): an Ubuntu codename moves to noble (`8.0-jammy` -> `10.0-noble`,
 * `8.0-jammy-chiseled` -> `10.0-noble-chiseled`), a Debian one is dropped with its `slim` (the default
 * tag is noble).
 */
export function dotnet10Tag(tag: string): string {
  const [version, ...words] = tag.split("-");
  const hadDebian = words.some((w) => DEBIAN_CODENAMES[w] !== undefined);
  const out = words
    .filter((w) => DEBIAN_CODENAMES[w] === undefined && !(hadDebian && w === "slim"))
    .map((w) => (UBUNTU_CODENAMES[w] !== undefined ? "noble" : w));
  return [version, ...out].join("-");
}

/**
 * Debian packages that bookworm (12) no longer has, though bullseye (11) and older did: Python 2's
 * `python` and its companions (bookworm has only python3-*), and the libraries renamed by soname.
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
  "libssl1.1",
  "libffi7",
  "libicu67",
  "libpython2.7",
]);

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

/** The first of `packages` that Debian 12 and later no longer ship, when `release` is 11 or older. */
export function packageGoneAfter(release: number, packages: readonly string[]): string | null {
  if (release > 11) return null;
  return packages.find((p) => GONE_AFTER_BULLSEYE.has(p) || isPython2Module(p)) ?? null;
}
