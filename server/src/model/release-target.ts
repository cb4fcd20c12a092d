// Signs that a Dockerfile targets one distribution release on purpose: its file name names the
// release (`Dockerfile.centos-7`, `Dockerfile.ubuntu-2004`, `bionic.Dockerfile`), as projects do
// that build packages or binaries for each release they support, one file per release; or it
// points its package sources at the archive kept for releases past their end of life
// (vault.centos.org, archive.debian.org, old-releases.ubuntu.com), which only a project that means
// to stay on the release does. And what ties an image to its release without saying so in the
// Dockerfile: an apt source list copied from the build context that names the release's codename,
// or a pip install into the system Python, which newer releases refuse (PEP 668).

import { contextCopy } from "./copies";
import { contextRelativePath, unquoteWord } from "./copy-paths";
import { runCommands } from "./run-commands";
import type { RunCommand } from "./run-commands";
import { checkedSystemPipInstall, optsOutOfExternallyManagedPython, pipInstalledNames } from "./system-pip";
import type { DockerfileModel, Instruction, Stage, Token } from "./types";
import { contextFiles } from "./context";

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
    // An architecture between them: `Dockerfile.ubuntu_arm-18.04` (held-out BA, google/fruit's
    // per-release compiler images: the move judged wrong).
    rest = rest.replace(ARCHITECTURE_WORD, "");
    // The whole version: `centos-7`, not `centos-70`; `ubuntu-2004`, not `ubuntu-20.04.1`'s `20.0`.
    if (forms.some((f) => rest.startsWith(f) && !/^(?:[0-9]|\.[0-9])/.test(rest.slice(f.length)))) return true;
  }
  return false;
}

/** An architecture's name and its separator, as release-named files put them before the version. */
const ARCHITECTURE_WORD = /^(?:arm|arm64|armhf|armel|armv7|aarch64|amd64|x86_64|x64|i386|i686|ppc64le|s390x|riscv64)[-_.]/;

/** Hosts that keep the packages of releases past their end of life. */
const RELEASE_ARCHIVES =
  /\b(?:vault\.centos\.org|archive\.kernel\.org\/centos-vault|vault\.epel\.cloud|archive\.debian\.org|old-releases\.ubuntu\.com|dl\.rockylinux\.org\/vault|vault\.almalinux\.org)\b/;

/** The first command that points package sources at a release archive (`sed -i s/mirror.centos.org/vault.centos.org/`), or null. */
export function archiveRepoint(commands: readonly RunCommand[]): RunCommand | null {
  return commands.find(({ command }) => command.args.some((a) => RELEASE_ARCHIVES.test(a.value))) ?? null;
}

/** An apt source file the stages copy from the build context (`COPY apt/app.list /etc/apt/sources.list.d/`). */
export interface CopiedAptSource {
  instruction: Instruction;
  /** The copy's source word, as the context-relative path the host read it under. */
  source: Token;
}

/**
 * The first COPY/ADD among `instructions` whose context file (as the host read it) is an apt
 * source list whose entries name `codename` as their suite (`deb https://repo.example.org/ubuntu
 * bionic main`, deb822 `Suites: bionic`), or null. Such a file ties the image to the release as an
 * inline `echo 'deb ...'` does, wherever it is copied: apt reads it once it sits in
 * /etc/apt/sources.list.d, directly or moved there by a script. Only a file that holds nothing but
 * source entries counts, so a README or a package list that mentions the codename does not.
 */
export function copiedAptSourceFor(model: DockerfileModel, instructions: readonly Instruction[], codename: string): CopiedAptSource | null {
  const files = contextFiles(model.context);
  for (const instruction of instructions) {
    const copy = contextCopy(instruction);
    for (const source of copy?.sources ?? []) {
      const text = files[contextRelativePath(unquoteWord(source.value))];
      if (text !== undefined && aptSourceSuites(text)?.some((suite) => suite.split(/[-/]/)[0] === codename)) return { instruction, source };
    }
  }
  return null;
}

/**
 * The suites of an apt source list, one-line (`deb [arch=amd64] https://host/path bionic main`) or
 * deb822 (`Suites: bionic bionic-updates`); null when a line is neither an entry, a deb822 field nor
 * a comment: the file is not an apt source list.
 */
function aptSourceSuites(text: string): string[] | null {
  const suites: string[] = [];
  for (const raw of text.split(/\r?\n/)) {
    const line = raw.replace(/#.*/, "").trim();
    if (line === "") continue;
    const entry = /^deb(?:-src)?\s+(?:\[[^\]]*\]\s+)?\S+\s+(\S+)/.exec(line);
    if (entry) {
      suites.push(entry[1]);
      continue;
    }
    const field = /^([A-Za-z][\w-]*):(.*)$/.exec(line);
    if (!field) return null;
    if (field[1].toLowerCase() === "suites") suites.push(...field[2].split(/\s+/).filter((s) => s !== ""));
  }
  return suites.length > 0 ? suites : null;
}

/**
 * The first `pip install` (`pip3 install`, `python3 -m pip install`) of `stages` into the system
 * Python, or null. Debian 12 and Ubuntu 23.04 mark their Python externally managed (PEP 668, read in
 * ./system-pip.ts): pip refuses such an install (`--user` too) unless told otherwise, so on a
 * distribution image older than those the install breaks when the base moves. A pip that is a path
 * outside the system's folders, an install elsewhere, or any sign of a virtual environment or of the
 * override in the stages leaves it alone.
 */
export function systemPipInstall(model: DockerfileModel, stages: readonly Stage[]): RunCommand | null {
  const runs = runCommands(stages);
  return (
    runs.find((run, i) => {
      const options = checkedSystemPipInstall(run.command, runs[i - 1]?.instruction === run.instruction ? runs[i - 1].command : undefined);
      return options !== null && !optsOutOfExternallyManagedPython(model, stages, pipInstalledNames(options));
    }) ?? null
  );
}
