// Signs that a Dockerfile targets one distribution release on purpose: its file name names the
// release (`Dockerfile.centos-7`, `Dockerfile.ubuntu-2004`, `bionic.Dockerfile`), as projects do
// that build packages or binaries for each release they support, one file per release; or it
// points its package sources at the archive kept for releases past their end of life
// (vault.centos.org, archive.debian.org, old-releases.ubuntu.com), which only a project that means
// to stay on the release does.

import type { RunCommand } from "./run-commands";

/** A distribution release as a base image names it: `centos` 7, `ubuntu` 20.04 (`focal`). */
export interface DistroRelease {
  /** The distribution's name as file names write it (`centos`, `ubuntu`, `alpine`). */
  family: string;
  /** The release's version (`7`, `20.04`, `3.16`), or null when the tag names only a codename. */
  version: string | null;
  /** The release's codename (`focal`, `buster`), or null. */
  codename: string | null;
}

/**
 * True when the Dockerfile's file name (`Dockerfile.centos-7`, `Dockerfile.ubuntu-2004`,
 * `Dockerfile.ubuntu20.04`, `alpine3.16.Dockerfile`, `bionic.Dockerfile`) names the release: the
 * family followed by its version (with or without the dots) or the codename as a word of its own.
 */
export function fileNamesRelease(fileName: string, release: DistroRelease): boolean {
  const name = fileName.toLowerCase();
  const words = name.split(/[^a-z0-9]+/);
  if (release.codename !== null && words.includes(release.codename.toLowerCase())) return true;
  if (release.version === null) return false;
  const forms = [...new Set([release.version, release.version.replace(/\./g, "")])];
  const family = release.family.toLowerCase();
  for (let at = name.indexOf(family); at >= 0; at = name.indexOf(family, at + 1)) {
    if (at > 0 && /[a-z]/.test(name[at - 1])) continue;
    let rest = name.slice(at + family.length);
    if (/^[-_.]/.test(rest)) rest = rest.slice(1);
    // The whole version: `centos-7`, not `centos-70`; `ubuntu-2004`, not `ubuntu-20.04.1`'s `20.0`.
    if (forms.some((f) => rest.startsWith(f) && !/^(?:[0-9]|\.[0-9])/.test(rest.slice(f.length)))) return true;
  }
  return false;
}

/** Hosts that keep the packages of releases past their end of life. */
const RELEASE_ARCHIVES =
  /\b(?:vault\.centos\.org|archive\.kernel\.org\/centos-vault|vault\.epel\.cloud|archive\.debian\.org|old-releases\.ubuntu\.com|dl\.rockylinux\.org\/vault|vault\.almalinux\.org)\b/;

/** The first command that points package sources at a release archive (`sed -i s/mirror.centos.org/vault.centos.org/`), or null. */
export function archiveRepoint(commands: readonly RunCommand[]): RunCommand | null {
  return commands.find(({ command }) => command.args.some((a) => RELEASE_ARCHIVES.test(a.value))) ?? null;
}
