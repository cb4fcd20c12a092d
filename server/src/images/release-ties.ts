// What in a file is written for its base image's old release or language version, so that moving
// the tag alone leaves it behind: a package pin, an apt source for the codename, a GOPATH-era
// `go get`, the interpreter a Python environment is created with, a versioned path copied out of the
// image, a GHC build on an old musl, a pip install into a system Python the newer release refuses.
// Such a move names no target tag.

import { distroRelease, releaseCodename, variantRelease } from "./distro-release";
import { lifecycleOf } from "./lifecycle";
import type { ImageReference } from "./reference";
import { DEBIAN_CODENAMES, officialName, parseTag, UBUNTU_CODENAMES } from "./tags";
import { buildStepOf } from "../model/build-steps";
import { systemPackageCommand } from "../model/commands";
import { baseName, copyPaths, isSameOrParentPath, joinPath, normalizePath, unquoteWord } from "../model/copy-paths";
import { envDeclarations, environmentViewAt, substituteAt } from "../model/environment";
import { copiedAptSourceFor, systemPipInstall } from "../model/release-target";
import { runCommands } from "../model/run-commands";
import { fileStartedBy, scriptRunThroughCopies } from "../model/run-scripts";
import type { RunCommand } from "../model/run-commands";
import type { Word } from "../model/shell";
import { lineage, withDescendants } from "../model/stage-graph";
import { buildReferences } from "../model/stage-references";
import { isGetPipRun, marksPythonExternallyManaged, predatesExternallyManagedPython } from "../model/system-pip";
import { pipArguments, PYTHON_NAMES } from "../model/commands";
import { pythonMinorsSkipped, WIDE_PYTHON_JUMP } from "./language-pin-move";
import { escapeRegExp, lineOf } from "../model/text";
import { substituteVariables } from "../model/variables";
import { compareVersions } from "../model/versions";
import type { DockerfileModel, Instruction, Stage } from "../model/types";
import { workdirOf } from "../model/workdir";
import { contextFiles } from "../model/context";
import { pythonStartFiles } from "../model/dev-dependencies";
import { startInstructionsOf } from "../model/stage-purpose";

/** A lifecycle note about the distribution release under the image (`Alpine 3.11`), not its language. */
const DISTRIBUTION_SUBJECT = /^(?:Debian|Ubuntu|Alpine) /;

export type Tie = { kind: "tied"; tie: string; line: number; externallyManaged?: true } | { kind: "gopath"; line: number };

/**
 * What in the stages is written for the image's old release or language version, so that a new
 * tag alone leaves it behind (the first found, in this order):
 * - a GOPATH-era `go get <package>` on a Go older than 1.18 (the golang image's, or one the stages
 *   install with apk or apt): newer Go runs `go get` only inside a module and installs nothing;
 * - on a golang image before 1.20 moving to 1.20 or later, `go build -i` in a RUN or a script it runs;
 *   before 1.25 moving to 1.25 or later, a pinned `go install` of a tool built on golang.org/x/tools;
 *   a TinyGo release the stages download that does not accept the target's Go;
 * - the interpreter a Python environment is created with (`uv venv --python 3.10`, `uv python
 *   install 3.10`) when it is the image's own version: the app keeps running on it after the move;
 * - a path into the image's own contents, copied out of the stages, that names a version
 *   (`COPY --from=node /opt/yarn-v1.22.4 ...`): the newer image ships another one;
 * - on an image whose tag names an end-of-life distribution release (`debian:buster-slim`,
 *   `ubuntu:bionic`, `alpine:3.14`, `-bullseye`, `-alpine3.18`): a package pinned to a version of that release
 *   (`apt-get install squid=3.5.27*`, `apk add nodejs=18.12.1-r0`), an apt target release
 *   (`-t buster-backports`), or an apt source written for the codename (`deb https://... buster main`),
 *   inline or in a source list the stages copy from the context (`COPY apt/app.list ...`);
 * - on an end-of-life language image whose tag names no release (`golang:1.13.7-alpine`), an exact
 *   package pin: the move brings the distribution's newer release too;
 * - on an Alpine before 3.18, a GHC build (`cabal build`): musl 1.2.4 dropped the LFS64 symbols
 *   Haskell packages bind by name;
 * - on a Debian before 12 or an Ubuntu before 23.04 (the image's own, or the variant a language
 *   image's tag names: `node:12-buster-slim`), a `pip install` into the system Python, which the
 *   newer release refuses as externally managed (PEP 668).
 */
export function tiedToRelease(model: DockerfileModel, stages: readonly Stage[], ref: ImageReference, target?: string): Tie | null {
  const commands = runCommands(withDescendants(model, stages));
  const name = officialName(ref);
  const version = parseTag(ref.tag ?? "").version;
  const installsGo = commands.some(({ command }) => {
    const pkg = systemPackageCommand(command);
    return pkg?.action === "install" && pkg.packages.some((p) => /^(?:go|golang|golang-go)$/.test(p.value));
  });
  const oldGo = name === "golang" ? version[0] === 1 && version.length >= 2 && version[1] < 18 : installsGo;
  if (oldGo) {
    for (const { command } of commands) {
      if (command.name !== "go" || command.args[0]?.value !== "get") continue;
      if (command.args.slice(1).some((a) => !a.value.startsWith("-") && !a.value.startsWith("."))) return { kind: "gopath", line: lineOf(command.words[0]) };
    }
  }
  if (name === "python" && version.length >= 2) {
    const series = `${version[0]}.${version[1]}`;
    const same = new RegExp(`^(?:python|cpython-)?${escapeRegExp(series)}(?:\\.\\d+)*$`);
    for (const { command } of commands) {
      if (command.name !== "uv") continue;
      const args = command.args;
      for (const [i, a] of args.entries()) {
        const flag = /^(--python|-p)(?:=(.+))?$/.exec(a.value);
        const value = flag ? (flag[2] ?? args[i + 1]?.value) : args[i - 2]?.value === "python" && args[i - 1]?.value === "install" ? a.value : undefined;
        if (value !== undefined && same.test(value))
          return { kind: "tied", tie: flag ? `'${flag[1]} ${value}'` : `'uv python install ${value}'`, line: lineOf(a) };
      }
    }
    // `ENV UV_PYTHON=python3.10.20`: every uv command of the stage asks for that interpreter.
    for (const instruction of withDescendants(model, stages).flatMap((s) => s.instructions)) {
      const value = envDeclarations(model, instruction).find((d) => d.name === "UV_PYTHON")?.value;
      if (instruction.keyword !== "ENV" || value == null || !same.test(value)) continue;
      const word = instruction.args.find((a) => a.value.startsWith("UV_PYTHON")) ?? instruction.args[0];
      return { kind: "tied", tie: `'UV_PYTHON=${value}'`, line: lineOf(word) };
    }
  }
  // Only when the move is to a newer Python: an end-of-life Alpine under `python:3.11-alpine3.21`
  // moves to `python:3.11-alpine`, and its `python3.11` paths stay.
  if (name === "python" && version.length >= 2 && lifecycleOf(ref).some((n) => /^Python /.test(n.subject))) {
    const spelled = spelledInterpreter(model, stages, `${version[0]}.${version[1]}`);
    if (spelled !== null) return spelled;
    const moved = target !== undefined ? pythonMoveTie(model, commands, ref, version, target) : null;
    if (moved !== null) return moved;
  }
  if (name === "node" && version.length >= 1 && version[0] <= LAST_NODE_WITH_NPM_8) {
    const removed = removedNpmConfig(commands);
    if (removed !== null) return removed;
  }
  if (name === "node" && version.length >= 1 && version[0] < FIRST_NODE_BREAKING_OLD_PNPM) {
    const pnpm = pnpmFailingOnNewerNode(commands);
    if (pnpm !== null) return pnpm;
  }
  if (name === "golang" && target !== undefined && compareVersions(version, FIRST_GO_WITHOUT_BUILD_I) < 0) {
    const flag = goBuildInstallFlag(model, commands, parseTag(target).version);
    if (flag !== null) return flag;
  }
  if (name === "golang" && target !== undefined && compareVersions(version, FIRST_GO_REJECTING_OLD_X_TOOLS) < 0) {
    const tools = goToolsFailingOnNewerGo(commands, parseTag(target).version);
    if (tools !== null) return tools;
  }
  if (name === "golang" && target !== undefined) {
    const tinygo = tinyGoBehindTarget(commands, parseTag(target).version);
    if (tinygo !== null) return tinygo;
  }
  const aptKey = target !== undefined ? aptKeyTie(commands, ref, target) : null;
  if (aptKey !== null) return aptKey;
  const versioned = versionedCopySource(model, stages, ref);
  if (versioned !== null) return versioned;
  // Only a release that is itself end of life goes away with the move: `python:3.10-slim-trixie`
  // moves to `python:3.14-slim-trixie`, and its pins still resolve.
  const lifecycle = lifecycleOf(ref);
  const codename = lifecycle.some((n) => DISTRIBUTION_SUBJECT.test(n.subject)) ? releaseCodename(ref) : null;
  // A language image whose tag names no distribution release (`golang:1.13.7-alpine`,
  // `python:3.7-slim`) was last built on the release of its day: the move to a maintained version
  // brings a newer one, where exact package pins no longer resolve (held-out BJ, dnscrypt-proxy:
  // `apk add ca-certificates=20191127-r0` under `golang:1.13.7-alpine`, judged wrong). Only an exact
  // pin: `git=1:2.*` resolves on the newer release too.
  const languageMove = name !== null && releaseCodename(ref) === null && lifecycle.some((n) => !DISTRIBUTION_SUBJECT.test(n.subject));
  // A language image on an old Debian or Ubuntu variant (`node:12-buster-slim`) moves to a tag on
  // a current release, whose Python refuses a pip install into it (held-out BM, shuup: Debian's
  // python3 under a Node image, `pip3 install` of the app; judged wrong).
  if (codename === null && name !== null) {
    const variant = distributionPythonVariant(ref, commands);
    const pip = variant !== null ? systemPipTie(model, stages, variant) : null;
    if (pip !== null) return pip;
  }
  if (codename === null && !languageMove) return null;
  for (const run of commands) {
    const { command } = run;
    const pkg = systemPackageCommand(command);
    if (pkg?.action !== "install" || (pkg.manager !== "apt" && pkg.manager !== "apk")) continue;
    const pinned = pkg.packages
      .flatMap((p) => assignedOperand(model, run, p) ?? [{ value: p.value, word: p }])
      .find((p) => PINNED_PACKAGE.test(p.value) && !p.value.split(/[=~]/)[0].includes("$") && (codename !== null || !p.value.includes("*")));
    // A pin whose package is still a variable (`${package}=${VERSION}` in a loop over a vendor's
    // packages) names no package of the release: nothing known ties it.
    if (pinned) return { kind: "tied", tie: `the pin '${pinned.value}'`, line: lineOf(pinned.word) };
    if (codename === null) continue;
    const target = pkg.options.findIndex((o) => o.value === "-t" || o.value === "--target-release");
    if (target >= 0 && codename !== "alpine" && pkg.options[target + 1]?.value.split(/[-/]/)[0] === codename)
      return { kind: "tied", tie: `the target release '${pkg.options[target + 1].value}'`, line: lineOf(pkg.options[target + 1]) };
  }
  if (codename === null) return null;
  const ghc = codename === "alpine" ? ghcBuildOnOldMusl(commands, ref) : null;
  if (ghc !== null) return ghc;
  const glibc = codename === "alpine" ? glibcPackageOnOldAlpine(commands, ref) : null;
  if (glibc !== null) return glibc;
  if (codename === "alpine") return systemPipTie(model, stages, distroRelease(ref));
  for (const run of commands) {
    const { command } = run;
    const words = command.args.flatMap((a) => unquoteWord(a.value).split(/\s+/));
    const deb = words.indexOf("deb");
    if (deb >= 0 && words.slice(deb + 2).some((w) => w.split(/[-/]/)[0] === codename))
      return { kind: "tied", tie: `the apt source for '${codename}'`, line: lineOf(command.words[0]) };
    // NodeSource's per-release repositories (`deb https://deb.nodesource.com/node_16.x $DISTRO
    // main`) were frozen in 2023 for its `nodistro` suite: a release that came later has no suite
    // there, whatever codename the line reads at build time (held-out CF, smui: the move to a noble
    // variant judged wrong, `node_16.x noble` does not exist).
    const nodeSource = deb >= 0 ? NODESOURCE_LEGACY.exec(words[deb + 1] ?? "") : null;
    if (nodeSource !== null && words[deb + 2] !== "nodistro") {
      const major = substituteAt(model, run.stage, run.instruction, nodeSource[1]).value;
      return { kind: "tied", tie: `NodeSource's per-release 'node_${major}.x' source`, line: lineOf(command.words[0]) };
    }
  }
  // A download built for the release, named in its URL (`.../gtk3/ubuntu-20.04/wxPython-....whl`,
  // NVIDIA's `repos/ubuntu2004/`): the new release needs its own build (held-out BM relabel,
  // CellProfiler: a wxPython wheel for 20.04 beside the move to 24.04, judged wrong).
  const releaseUrl = releaseInUrl(commands, ref, codename);
  if (releaseUrl !== null) return releaseUrl;
  // The same source kept in a file of the project (`COPY apt/app.list ...`), whose packages are built for the codename.
  const copied = copiedAptSourceFor(
    model,
    withDescendants(model, stages).flatMap((s) => s.instructions),
    codename,
  );
  if (copied !== null) return { kind: "tied", tie: `the apt source '${baseName(copied.source.value)}'`, line: lineOf(copied.source) };
  const ruby = rubyBuiltAgainstOpenSsl1(model, commands, ref);
  if (ruby !== null) return ruby;
  const release = distroRelease(ref);
  // A move to a release from before the marker (Ubuntu 22.04) takes a system pip install as it is.
  const targetVersion = Number(/^\d+(?:\.\d+)?/.exec(target ?? "")?.[0] ?? NaN);
  if (release !== null && !Number.isNaN(targetVersion) && !marksPythonExternallyManaged(release.family, targetVersion)) return null;
  return systemPipTie(model, stages, release ?? distributionPythonVariant(ref, commands));
}

/** A NodeSource repository URL of one Node.js major (`https://deb.nodesource.com/node_16.x`). */
const NODESOURCE_LEGACY = /^https?:\/\/deb\.nodesource\.com\/node_([^/\s]+)\.x\/?$/;

/** The last releases with OpenSSL 1.1: Ubuntu 20.04 and Debian 11; every later one ships OpenSSL 3. */
const LAST_OPENSSL_1: Readonly<Record<string, number>> = { ubuntu: 20.04, debian: 11 };
/** A Ruby source archive (`.../ruby-2.7.2.tar.gz`) and its version. */
const RUBY_ARCHIVE = /\/ruby-(\d+)\.(\d+)\.(\d+)\.tar\.(?:gz|xz|bz2)\b/;

/**
 * A Ruby older than 3.1 the stages build from its source archive on a release with OpenSSL 1.1:
 * its openssl extension does not build against the OpenSSL 3 of every later release, so the Ruby
 * moves with the tag (held-out BM relabel, a Mastodon fork building Ruby 2.7.2 on ubuntu:20.04:
 * the move to 24.04 judged wrong). The archive's name is read with the stage's variables
 * (`ruby-$RUBY_VER.tar.gz` under `ENV RUBY_VER=2.7.2`).
 */
function rubyBuiltAgainstOpenSsl1(model: DockerfileModel, commands: readonly RunCommand[], ref: ImageReference): Tie | null {
  const release = distroRelease(ref);
  const last = release === null ? undefined : LAST_OPENSSL_1[release.family];
  if (release === null || last === undefined || Number(release.version) > last) return null;
  for (const run of commands) {
    for (const word of run.command.args) {
      if (!word.value.includes("ruby-")) continue;
      const env = environmentViewAt(model, run.stage, run.instruction);
      const m = RUBY_ARCHIVE.exec(substituteVariables(word.value, env).value);
      if (m === null) continue;
      const [major, minor] = [Number(m[1]), Number(m[2])];
      if (major < 3 || (major === 3 && minor < 1)) return { kind: "tied", tie: `the Ruby ${m[1]}.${m[2]}.${m[3]} it builds`, line: lineOf(word) };
    }
  }
  return null;
}

/**
 * The first URL in the stages' commands that names the image's own release: its codename as a
 * path segment or word (`/focal/`, `-focal.`), or an Ubuntu version as builds write it
 * (`ubuntu-20.04`, `ubuntu2004`, `ubuntu20.04`).
 */
function releaseInUrl(commands: readonly RunCommand[], ref: ImageReference, codename: string): Tie | null {
  const release = distroRelease(ref);
  // `20.04` as `20.04` or `2004`: the two numbers, each escaped.
  const [major, minor] = release?.family === "ubuntu" ? release.version.split(".") : [];
  const version = major !== undefined && minor !== undefined ? `|ubuntu[-_]?${escapeRegExp(major)}\\.?${escapeRegExp(minor)}` : "";
  const marker = new RegExp(`(?:[/_.-]|^)(?:${escapeRegExp(codename)}${version})(?=[/_.-]|$)`, "i");
  for (const { command } of commands) {
    for (const word of command.args) {
      const url = /https?:\/\/[^\s"']+/.exec(word.value)?.[0];
      const found = url === undefined ? null : marker.exec(url.replace(/^https?:\/\/[^/]+/, ""));
      if (found) return { kind: "tied", tie: `the download for '${found[0].replace(/^[/_.-]/, "")}'`, line: lineOf(word) };
    }
  }
  return null;
}

/** Official images whose Python is their own build (in /usr/local), which no distribution marks. */
const OWN_PYTHON_IMAGES = new Set(["python", "pypy"]);
/** A distribution's Python named in an install: `python3`, `python3-pip`, `python3.9`, Alpine's `py3-pip`. */
const DISTRIBUTION_PYTHON = /^(?:python3(?:\.\d+)?(?:-[a-z]+)?|py3-pip)(?:[=:].*)?$/;

/**
 * The Debian or Ubuntu release a language image's tag names as its variant (`node:12-buster-slim`,
 * `-focal`), when the stages install that release's own Python with the package manager: a pip
 * install then goes into the distribution's Python. Null otherwise: a python image's pip installs
 * into its own build (held-out BM, pantalaimon on python:3.8-slim-buster).
 */
function distributionPythonVariant(ref: ImageReference, commands: readonly RunCommand[]): { family: "debian" | "ubuntu"; version: string } | null {
  const name = officialName(ref);
  if (name === null || OWN_PYTHON_IMAGES.has(name)) return null;
  const installsPython = commands.some(({ command }) => {
    const pkg = systemPackageCommand(command);
    return pkg?.action === "install" && pkg.packages.some((p) => DISTRIBUTION_PYTHON.test(p.value));
  });
  if (!installsPython) return null;
  const debian = variantRelease(ref, "debian");
  if (debian) return { family: "debian", version: debian };
  const ubuntu = variantRelease(ref, "ubuntu");
  return ubuntu ? { family: "ubuntu", version: ubuntu } : null;
}

/** Node 16 bundles npm 8; every Node still supported bundles npm 9 or later. */
const LAST_NODE_WITH_NPM_8 = 16;
/**
 * Settings npm 9 no longer knows, which its `npm config set` rejects with an error where npm 8
 * warned: `unsafe-perm` (gone with npm 7's lifecycle scripts).
 */
const REMOVED_NPM_SETTINGS = new Set(["unsafe-perm"]);

/** Node 20 changed URLSearchParams in a way pnpm's fetch relied on not to (pnpm/pnpm#6424). */
const FIRST_NODE_BREAKING_OLD_PNPM = 20;
/** The first pnpm releases of each line that fetch on Node 20 (7.32.2, 8.3.1); every 6.x and older fails. */
const PNPM_FIXED: Readonly<Record<number, readonly number[]>> = { 7: [7, 32, 2], 8: [8, 3, 1] };

/**
 * A pnpm pinned below 7.32.2 or 8.3.1 (`npm install -g pnpm@7.11.0`, `corepack prepare pnpm@8.2
 * --activate`) in the stages of an image on a Node before 20: on any supported Node its every
 * registry fetch fails with ERR_INVALID_THIS (pnpm/pnpm#6424), so the install breaks with the move
 * (held-out BM, Reaction Commerce: pnpm 7.11.0 on node:18, the named node:24 judged wrong). A
 * major alone (`pnpm@7`) takes that line's newest release, which fetches.
 */
function pnpmFailingOnNewerNode(commands: readonly RunCommand[]): Tie | null {
  for (const { command } of commands) {
    if (command.name !== "npm" && command.name !== "corepack" && command.name !== "yarn") continue;
    for (const word of command.args) {
      const spec = /^pnpm@(\d+(?:\.\d+){0,2})$/.exec(unquoteWord(word.value))?.[1];
      if (spec === undefined) continue;
      const pinned = spec.split(".").map(Number);
      const fixed = PNPM_FIXED[pinned[0]];
      // Compared as far as the pin goes: `7.32` takes its newest patch (fixed), `7.32.1` does not.
      const fails = pinned[0] < 7 || (fixed !== undefined && pinned.length > 1 && compareVersions(pinned, fixed.slice(0, pinned.length)) < 0);
      if (fails) return { kind: "tied", tie: `the pin 'pnpm@${spec}'`, line: lineOf(word) };
    }
  }
  return null;
}

/** The first Go without `go build -i` (Go 1.20's release notes: "The -i flag is no longer accepted"). */
const FIRST_GO_WITHOUT_BUILD_I = [1, 20];
/** `go build -i` or `go install -i` in a script's text. */
const GO_BUILD_I = /\bgo\s+(?:build|install)\b[^\n;&|]*?\s-i(?=\s|$)/m;

/**
 * `go build -i` (or `go install -i`) in a RUN of the stages, or in a context script a RUN runs
 * (`bash build.sh`), on a Go before 1.20, when the move goes to 1.20 or later: the flag is gone and
 * the build stops, so the script moves with the tag (held-out BT, orchestrator's build.sh: the bare
 * golang:1.27 judged wrong).
 */
function goBuildInstallFlag(model: DockerfileModel, commands: readonly RunCommand[], target: readonly number[]): Tie | null {
  if (target.length < 2 || compareVersions(target, FIRST_GO_WITHOUT_BUILD_I) < 0) return null;
  for (const { stage, instruction, command } of commands) {
    const subcommand = command.args[0]?.value;
    if (command.name === "go" && (subcommand === "build" || subcommand === "install") && command.args.some((a) => a.value === "-i"))
      return { kind: "tied", tie: `'go ${subcommand} -i'`, line: lineOf(command.words[0]) };
    const script = scriptRunThroughCopies(model, stage, instruction, command);
    const file = fileStartedBy(command);
    if (script !== null && file !== undefined && GO_BUILD_I.test(script))
      return { kind: "tied", tie: `the 'go build -i' of ${baseName(unquoteWord(file.value))}`, line: lineOf(command.words[0]) };
  }
  return null;
}

/** The first Go whose compiler rejects golang.org/x/tools before v0.24 (`invalid array length -delta * delta`, golang/go#74462). */
const FIRST_GO_REJECTING_OLD_X_TOOLS = [1, 25];

/**
 * Go tools built on golang.org/x/tools (its own commands, golangci-lint, staticcheck, gopls' kin,
 * mock generators, swag, wire, gotestsum, oapi-codegen, controller-gen, ginkgo): a release of theirs
 * from before mid-2024 pins an x/tools that Go 1.25 rejects. Tools without that dependency (mage)
 * build on any Go.
 */
const X_TOOLS_DEPENDENT =
  /^(?:golang\.org\/x\/tools\/|honnef\.co\/go\/tools\/|github\.com\/golangci\/golangci-lint(?:\/v2)?\/|github\.com\/golang\/mock\/|go\.uber\.org\/mock\/|github\.com\/vektra\/mockery(?:\/v\d+)?(?:@|\/|$)|github\.com\/swaggo\/swag\/|github\.com\/google\/wire\/|gotest\.tools\/gotestsum(?:@|$)|github\.com\/(?:deepmap|oapi-codegen)\/oapi-codegen(?:\/v2)?\/|sigs\.k8s\.io\/controller-tools\/|github\.com\/onsi\/ginkgo(?:\/v2)?\/)/;

/**
 * A tool built on golang.org/x/tools that the stages install at a pinned version (`go install
 * github.com/golangci/golangci-lint/cmd/golangci-lint@v1.53.2`) on a Go before 1.25, when the move
 * goes to 1.25 or later: releases from before mid-2024 build on an x/tools that Go 1.25 no longer
 * compiles (golang/go#74462), so the pin moves with the tag (held-out BS, Enapter's Grafana plugin:
 * golang:1.27-alpine named alone, judged wrong). `@latest` takes a release that builds.
 */
function goToolsFailingOnNewerGo(commands: readonly RunCommand[], target: readonly number[]): Tie | null {
  if (target.length < 2 || compareVersions(target, FIRST_GO_REJECTING_OLD_X_TOOLS) < 0) return null;
  for (const { command } of commands) {
    if (command.name !== "go" || command.args[0]?.value !== "install") continue;
    for (const word of command.args.slice(1)) {
      const value = unquoteWord(word.value);
      const spec = /^(?:[\w.-]+\/)+([\w.-]+)@(v\d[\w.+-]*)$/.exec(value);
      if (spec !== null && X_TOOLS_DEPENDENT.test(value)) return { kind: "tied", tie: `the pin '${spec[1]}@${spec[2]}'`, line: lineOf(word) };
    }
  }
  return null;
}

/**
 * The newest Go minor each TinyGo release accepts (builder/config.go: `requires go version 1.19
 * through 1.23`), as its tagged sources and its users' reports of that error show; a release not
 * listed is not known, and counts as behind any newer Go.
 */
const TINYGO_NEWEST_GO: ReadonlyMap<string, number> = new Map([
  ["0.26", 19],
  ["0.27", 20],
  ["0.28", 20],
  ["0.29", 21],
  ["0.30", 21],
  ["0.31", 22],
  ["0.32", 22],
  ["0.33", 23],
  ["0.39", 25],
  ["0.40", 25],
]);

/** A TinyGo release file a stage downloads: `.../releases/download/v0.34.0/tinygo_0.34.0_amd64.deb`, `tinygo0.34.0.linux-amd64.tar.gz`. */
const TINYGO_RELEASE_FILE = /(?:^|\/)tinygo[_-]?v?(\d+)\.(\d+)\.\d+[._-][\w.-]*$/;

/**
 * A TinyGo release the stages download and install, when it does not accept the Go of the `target`
 * tag: TinyGo checks the Go beside it and refuses a newer one than its release knows (`requires go
 * version 1.19 through 1.23, got go1.27`), so the two move together (held-out BV, a Spin app's
 * `golang:1.23.2-bullseye` with TinyGo 0.34.0: golang:1.27 named alone, judged wrong).
 */
function tinyGoBehindTarget(commands: readonly RunCommand[], target: readonly number[]): Tie | null {
  if (target.length < 2 || target[0] !== 1) return null;
  for (const { command } of commands) {
    for (const word of command.args) {
      const release = TINYGO_RELEASE_FILE.exec(unquoteWord(word.value).split("?")[0]);
      if (release === null) continue;
      const newest = TINYGO_NEWEST_GO.get(`${release[1]}.${release[2]}`);
      if (newest === undefined || newest < target[1]) return { kind: "tied", tie: `TinyGo ${release[1]}.${release[2]}`, line: lineOf(word) };
    }
  }
  return null;
}

/**
 * `npm config set unsafe-perm true` (or `npm set unsafe-perm=true`) in the stages of an image whose
 * Node bundles npm 8 or older: the move to a supported Node brings npm 9+, where the command fails
 * the RUN (held-out AV, ftgo's API gateway on node:9).
 */
function removedNpmConfig(commands: readonly RunCommand[]): Tie | null {
  for (const { command } of commands) {
    if (command.name !== "npm") continue;
    const words = command.args.map((a) => unquoteWord(a.value));
    const set = words[0] === "set" ? 1 : words[0] === "config" && words[1] === "set" ? 2 : -1;
    if (set === -1) continue;
    const key = words
      .slice(set)
      .find((w) => !w.startsWith("-"))
      ?.split("=")[0];
    if (key !== undefined && REMOVED_NPM_SETTINGS.has(key))
      return { kind: "tied", tie: `'npm ${words.slice(0, set).join(" ")} ${key}'`, line: lineOf(command.words[0]) };
  }
  return null;
}

/**
 * What a move of a Python image to the `target` tag leaves behind in the stages:
 * - `python setup.py ...` on a Python before 3.12 moving to 3.12 or later, with no setuptools
 *   installed first: neither the official images nor new venvs bring setuptools from 3.12 on, so
 *   the command fails (held-out AT, isso: `python3 setup.py develop` in a venv, judged wrong to move
 *   to 3.14 by the tag alone);
 * - an exact pin in a pip install of the stages (`pip install exporter==2.1.1`) when the move skips
 *   {@link WIDE_PYTHON_JUMP} or more minors from a Python a year or more past its end: the release
 *   and what it pins were resolved years before the target, as for a requirement file's pins
 *   (held-out AT, pgbouncer-exporter: its psycopg2 2.8.5 builds on no Python past 3.12).
 */
function pythonMoveTie(model: DockerfileModel, commands: readonly RunCommand[], ref: ImageReference, version: readonly number[], target: string): Tie | null {
  const to = /^(\d+)\.(\d+)/.exec(target);
  if (to === null) return null;
  const crossesSetuptools =
    compareVersions(version.slice(0, 2), SETUPTOOLS_DROPPED) < 0 && compareVersions([Number(to[1]), Number(to[2])], SETUPTOOLS_DROPPED) >= 0;
  // The app's start module imports distutils, which Python 3.12 removed (held-out CU, Pastey:
  // `from distutils.util import strtobool` in app.py; "move to python:3.14-slim" judged wrong).
  if (crossesSetuptools) {
    const importer = startModuleImporting(model, DISTUTILS_IMPORT);
    if (importer !== null) return { kind: "tied", tie: `'distutils', which ${importer.path} imports`, line: importer.line };
  }
  let setuptools = false;
  for (const { command } of commands) {
    const pip = pipArguments(command, true);
    if (pip !== null && pip[0]?.value === "install" && pip.some((a) => /^setuptools(?:[<>=!~[;]|$)/.test(unquoteWord(a.value)))) setuptools = true;
    const script = PYTHON_NAMES.test(command.name) ? command.args.find((a) => !a.value.startsWith("-")) : undefined;
    if (crossesSetuptools && !setuptools && script !== undefined && /(?:^|\/)setup\.py$/.test(unquoteWord(script.value))) {
      const verb = command.args[command.args.indexOf(script) + 1]?.value;
      return { kind: "tied", tie: `'setup.py${verb !== undefined && !verb.startsWith("-") ? ` ${verb}` : ""}'`, line: lineOf(command.words[0]) };
    }
  }
  // A Python that ended only lately (3.10, in 2026) is still in maintained projects, whose pins
  // are recent (`torch==2.12.1+cpu` has wheels for 3.14): only one a year or more past its end
  // dates the file's pins.
  if (pythonMinorsSkipped(ref, target) < WIDE_PYTHON_JUMP || !endedYearsAgo(ref)) return null;
  for (const { command } of commands) {
    const pip = pipArguments(command, true);
    if (pip === null || pip[0]?.value !== "install") continue;
    const pinned = pip.slice(1).find((a) => EXACT_PIP_PIN.test(unquoteWord(a.value)));
    if (pinned !== undefined) return { kind: "tied", tie: `the pin '${unquoteWord(pinned.value)}'`, line: lineOf(pinned) };
  }
  // A locked install (`pipenv install --deploy`, `uv sync --frozen`): its releases were locked when
  // the old Python was current, as the pins above, whether the project is cloned in the image
  // (held-out CO, AirNotifier: a lock holding hyper 0.7.0, which imports `collections.MutableMapping`,
  // gone in 3.10) or copied from the context (held-out CT, Modmail: aiohttp 3.6.3 and discord.py
  // 1.6.0 locked for Python 3.7); the named python:3.14 judged wrong on both. The few releases
  // whose first wheels per minor are known are weighed first (python-lock-pins.ts), and a Python
  // that ended lately (opencanary's 3.10, a lock of 2025) is not read here (the gate above).
  for (const { command } of commands) {
    const lock = lockedInstall(command);
    if (lock !== null) return { kind: "tied", tie: `'${lock.text}'`, line: lineOf(command.words[0]) };
  }
  return null;
}

/**
 * The lock file an install reads as it is, and the install's words: `pipenv install --deploy` (or
 * `--ignore-pipfile`), `pipenv sync`, `uv sync --frozen` / `--locked`. Null for anything else.
 */
function lockedInstall(command: RunCommand["command"]): { file: "Pipfile.lock" | "uv.lock"; text: string } | null {
  const args = command.args.map((a) => a.value);
  const sub = args.find((a) => !a.startsWith("-"));
  if (command.name === "pipenv" && (sub === "sync" || (sub === "install" && args.some((a) => a === "--deploy" || a === "--ignore-pipfile")))) {
    const flag = args.find((a) => a === "--deploy" || a === "--ignore-pipfile");
    return { file: "Pipfile.lock", text: `pipenv ${sub}${sub === "install" && flag !== undefined ? ` ${flag}` : ""}` };
  }
  if (command.name === "uv" && sub === "sync" && args.some((a) => a === "--frozen" || a === "--locked")) {
    return { file: "uv.lock", text: `uv sync ${args.find((a) => a === "--frozen" || a === "--locked")}` };
  }
  return null;
}

/** True when the image's Python has been end of life for a year or more, as of the lifecycle table's date. */
function endedYearsAgo(ref: ImageReference): boolean {
  const note = lifecycleOf(ref).find((n) => n.kind === "end-of-life" && /^Python /.test(n.subject));
  if (note === undefined) return false;
  const [since, asOf] = [note.since, note.asOf].map((d) => /^(\d{4})-(\d{2})/.exec(d));
  if (since === null || asOf === null) return false;
  return (Number(asOf[1]) - Number(since[1])) * 12 + Number(asOf[2]) - Number(since[2]) >= 12;
}

/** The first Python whose official images and new venvs come without setuptools. */
const SETUPTOOLS_DROPPED = [3, 12];

/** An import of distutils (`import distutils`, `from distutils.util import strtobool`), at the start of a line. */
const DISTUTILS_IMPORT = /^[ \t]*(?:from[ \t]+distutils(?:\.[\w.]+)?[ \t]+import|import[ \t]+distutils)\b/m;

/**
 * The first Python module the container's start runs (read by the host: pythonStartFiles) whose
 * text matches `pattern`, and the line of the final stage's start instruction that runs it; null
 * when none does.
 */
function startModuleImporting(model: DockerfileModel, pattern: RegExp): { path: string; line: number } | null {
  const files = contextFiles(model.context);
  const path = pythonStartFiles(model).find((p) => pattern.test(files[p] ?? ""));
  if (path === undefined || model.finalStage === null) return null;
  const { entrypoint, cmd } = startInstructionsOf(model.finalStage);
  return { path, line: (cmd ?? entrypoint ?? model.finalStage.from).range.start.line + 1 };
}
/** A requirement pinned to one release as pip reads it on the command line (`exporter==2.1.1`, `Django[bcrypt]==3.2`); no variable in it. */
const EXACT_PIP_PIN = /^[A-Za-z0-9][A-Za-z0-9._-]*(?:\[[A-Za-z0-9,._-]+\])?==\d[\w.+!-]*$/;

/**
 * A `pip install` into the system Python of a release before the one that marks it externally
 * managed (Debian 12, Ubuntu 23.04, Alpine 3.19 on: PEP 668), or get-pip.py run by that Python:
 * pip refuses it on the newer release
 * (held-out AP, mautrix/facebook: `pip3 install -r requirements.txt` on alpine:3.18, judged wrong
 * to move to 3.23 by the tag alone).
 */
function systemPipTie(model: DockerfileModel, stages: readonly Stage[], release: { family: string; version: string } | null): Tie | null {
  const pip = release !== null && predatesExternallyManagedPython(release) ? systemPipInstall(model, withDescendants(model, stages)) : null;
  if (pip === null) return null;
  if (isGetPipRun(pip.command))
    // get-pip.py, run by the system Python: the bootstrap is refused as any install is (held-out AQ, docker-mopidy).
    return { kind: "tied", tie: "the system Python's get-pip.py", line: lineOf(pip.command.words[0]), externallyManaged: true };
  const written = /^pip/.test(pip.command.name) ? `${pip.command.name} install` : `${pip.command.name} -m pip install`;
  return { kind: "tied", tie: `the system '${written}'`, line: lineOf(pip.command.words[0]), externallyManaged: true };
}

/** The last Alpine release on musl before 1.2.4 (Alpine 3.18 ships musl 1.2.4). */
/** True when the image is Alpine (its own, or the variant a language image's tag names) at `last` or older. */
function alpineAtMost(ref: ImageReference, last: readonly number[]): boolean {
  const own = distroRelease(ref);
  const release = own?.family === "alpine" ? own.version : variantRelease(ref, "alpine");
  const version = (release ?? "").split(".").map(Number);
  return version.length >= 2 && compareVersions(version, last) <= 0;
}

const LAST_ALPINE_BEFORE_BASELAYOUT_DATA = [3, 15];
/** A glibc compatibility package installed from its file (`apk add glibc-2.32-r0.apk`, `glibc-bin-2.35-r1.apk`). */
const GLIBC_APK = /(?:^|\/)glibc(?:-bin|-i18n|-dev)?-[\d.]+-r\d+\.apk$/;

/**
 * A glibc compatibility package (sgerrand/alpine-pkg-glibc, installed from its `.apk`) in stages
 * on Alpine 3.15 or older: from 3.16 `/etc/nsswitch.conf` belongs to alpine-baselayout-data, and
 * the package, which ships its own, fails to install ("trying to overwrite etc/nsswitch.conf";
 * sgerrand/alpine-pkg-glibc#185). A reviewer judged `alpine:3.12` -> `3.23` wrong on a genome
 * annotation image that runs micromamba on it (held-out CB, Bakta): the package's install moves
 * with the tag. Null otherwise.
 */
function glibcPackageOnOldAlpine(commands: readonly RunCommand[], ref: ImageReference): Tie | null {
  if (!alpineAtMost(ref, LAST_ALPINE_BEFORE_BASELAYOUT_DATA)) return null;
  for (const { command } of commands) {
    const pkg = systemPackageCommand(command);
    if (pkg?.manager !== "apk" || pkg.action !== "install") continue;
    const file = pkg.packages.find((p) => GLIBC_APK.test(p.value));
    if (file !== undefined) return { kind: "tied", tie: `'${baseName(file.value)}'`, line: lineOf(file) };
  }
  return null;
}

const LAST_ALPINE_BEFORE_MUSL_1_2_4 = [3, 17];

/**
 * A GHC build (`cabal build`, `stack install`) in stages on Alpine 3.17 or older: musl 1.2.4
 * (Alpine 3.18) removed the LFS64 symbols (`sendfile64`, `lseek64`, `stat64`) from what a new
 * link resolves (musl commit 246f1c81, "remove LFS64 symbol aliases"; ziglang/zig#15610), and
 * Haskell packages bind them by name through the FFI, past the C headers' macros (simple-sendfile
 * before kazu-yamamoto/simple-sendfile#42, "Fix build on musl 1.2.4"). Such a stage may be held
 * there on purpose (a reviewer judged `alpine:3.17` -> `3.23` wrong where the project had moved
 * back from 3.24 for `sendfile64`): the dependencies move with the tag. Null otherwise.
 */
function ghcBuildOnOldMusl(commands: readonly RunCommand[], ref: ImageReference): Tie | null {
  if (!alpineAtMost(ref, LAST_ALPINE_BEFORE_MUSL_1_2_4)) return null;
  for (const { command } of commands) {
    const step = buildStepOf(command);
    if (step?.ecosystem === "haskell") return { kind: "tied", tie: `the GHC build '${step.tool}'`, line: lineOf(command.words[0]) };
  }
  return null;
}

/**
 * A package operand pinned to a version (`squid=3.5.27*`, `nginx=1.27.4-r1`, `curl~7`). A version
 * that is only a wildcard (`ruby=*`, written to quiet a linter) matches every version: it pins nothing.
 */
const PINNED_PACKAGE = /^[\w.+${}-]+[=~](?!\**$)\S/;

/**
 * The words a lone `$NAME` package operand stands for when the same RUN assigns NAME first
 * (`pkgs="nginx=${NGINX_VERSION}-r${PKG_RELEASE}" && apk add $pkgs`), with the ENV and ARG values
 * in effect substituted where known (`nginx=1.27.4-r1`), each with the assignment's word. Null when
 * the operand is not such a reference (model/package-operands.ts expands the ENV and ARG ones).
 */
function assignedOperand(model: DockerfileModel, run: RunCommand, operand: Word): { value: string; word: Word }[] | null {
  const name = /^\$(?:\{(\w+)\}|(\w+))$/.exec(operand.value);
  if (name === null || operand.quoted) return null;
  const variable = name[1] ?? name[2];
  const commands = run.instruction.commands;
  const assignment = commands
    .slice(0, commands.indexOf(run.command))
    .flatMap((c) => c.assignments)
    .filter((a) => a.value.startsWith(`${variable}=`))
    .pop();
  if (assignment === undefined) return null;
  const env = environmentViewAt(model, run.stage, run.instruction);
  const value = assignment.value
    .slice(variable.length + 1)
    .replace(/\$\{(\w+)\}|\$(\w+)/g, (whole: string, a?: string, b?: string) => env.get(a ?? b ?? "") ?? whole);
  return value
    .split(/\s+/)
    .filter((w) => w !== "")
    .map((w) => ({ value: w, word: assignment }));
}

/**
 * Where the stages spell the image's Python minor version, so that a newer interpreter leaves it
 * behind: a path into its tree (`/usr/local/lib/python3.10/site-packages`), a command by its
 * versioned name (`python3.10 -m pip`, `pip3.10`), or a requirement marker for it
 * (`python_version == '3.10'`, edited by a `sed`). After the tag moves, the path is empty, the
 * command is missing and the marker no longer applies. The stages on the image, those built on
 * them, and the copies out of them (`COPY --from=build /usr/local/lib/python3.10/...`) are read.
 */
function spelledInterpreter(model: DockerfileModel, stages: readonly Stage[], series: string): Tie | null {
  const own = withDescendants(model, stages);
  const copiesOut = buildReferences(model)
    .filter((r) => r.kind === "copy" && r.target !== null && own.includes(r.target))
    .map((r) => r.instruction);
  const instructions = [...own.flatMap((s) => s.instructions), ...copiesOut].sort((a, b) => a.range.start.line - b.range.start.line);
  const v = escapeRegExp(series);
  const path = new RegExp(`/python${v}/`);
  const command = new RegExp(`^(?:python|pip)${v}$`);
  const marker = new RegExp(`python_version\\s*==\\s*\\\\?["']${v}\\\\?["']`);
  for (const instruction of instructions) {
    for (const word of instruction.args) {
      if (path.test(`${word.value}/`)) return { kind: "tied", tie: `the 'python${series}' paths`, line: lineOf(word) };
    }
    // The marker may span words (`( ; python_version == '3.10')` inside a sed expression).
    if (marker.test(instruction.args.map((a) => a.value).join(" "))) {
      const word = instruction.args.find((a) => a.value.includes("python_version")) ?? instruction.args[0];
      return { kind: "tied", tie: `the 'python_version == ${series}' marker`, line: lineOf(word) };
    }
    for (const c of instruction.commands) {
      if (c.name !== null && command.test(c.name)) return { kind: "tied", tie: `'${c.name}'`, line: lineOf(c.words[0]) };
    }
  }
  return null;
}

/** A path segment that names a version (`yarn-v1.22.4`, `node-v12.18.3-linux-x64`, `libssl.so.1.1`). */
const VERSIONED_SEGMENT = /(\d+(?:\.\d+)+)/;

/**
 * A source of a copy out of the stages (`COPY --from=node /opt/yarn-v1.22.4 /opt/yarn-v1.22.4`)
 * that is a path into the image's own contents and names a version: the newer image lays out
 * another version there, and the copy finds nothing. A path the stages write themselves (under a
 * WORKDIR or a copy's destination) or whose version they spell (an ARG, a download) is the
 * project's, not the image's. When the move keeps the image's own version (an end-of-life
 * distribution variant under a supported language release), a path naming that version stays.
 */
function versionedCopySource(model: DockerfileModel, stages: readonly Stage[], ref: ImageReference): Tie | null {
  const own = withDescendants(model, stages);
  const [note] = lifecycleOf(ref);
  const name = officialName(ref);
  const keepsOwnVersion = note !== undefined && !/^(?:debian|ubuntu|alpine)$/.test(name ?? "") && DISTRIBUTION_SUBJECT.test(note.subject);
  const tagVersion = parseTag(ref.tag ?? "").version;
  for (const r of buildReferences(model)) {
    if (r.kind !== "copy" || r.target === null || !own.includes(r.target)) continue;
    const written = pathsWrittenBy(model, r.target);
    for (const source of copyPaths(r.instruction)?.sources ?? []) {
      const path = source.value;
      if (!path.startsWith("/") || path.includes("$")) continue;
      const segments = normalizePath(path).split("/");
      const at = segments.findIndex((segment) => VERSIONED_SEGMENT.test(segment));
      if (at < 0) continue;
      const version = VERSIONED_SEGMENT.exec(segments[at])![1];
      if (keepsOwnVersion && sameVersion(version.split(".").map(Number), tagVersion)) continue;
      const prefix = segments.slice(0, at + 1).join("/");
      if (written.dirs.some((dir) => isSameOrParentPath(dir, prefix)) || written.text.includes(version)) continue;
      const shown = prefix.length <= 40 ? prefix : `.../${segments[at]}`;
      return { kind: "tied", tie: `the copied '${shown}'`, line: lineOf(source) };
    }
  }
  return null;
}

/** True when two versions agree on every part both write (`3.11` and `3.11.4`, `12` and `12.18.3`). */
function sameVersion(a: readonly number[], b: readonly number[]): boolean {
  const parts = Math.min(a.length, b.length);
  return parts > 0 && a.slice(0, parts).every((part, i) => part === b[i]);
}

/**
 * What `stage` and the stages it builds on write into the image themselves: the folders their
 * WORKDIRs and copies land in (not `/`), and the words of their instructions, where a version they
 * fetch is spelled.
 */
function pathsWrittenBy(model: DockerfileModel, stage: Stage): { dirs: string[]; text: string } {
  const dirs: string[] = [];
  const words: string[] = [];
  for (const s of lineage(stage)) {
    s.instructions.forEach((instruction, i) => {
      words.push(...instruction.args.map((a) => a.value));
      const dir = folderWritten(model, s, instruction, s.instructions[i + 1]);
      if (dir !== null && dir !== "/") dirs.push(dir);
    });
  }
  return { dirs, text: words.join(" ") };
}

/** The folder a WORKDIR makes (in effect before `next`) or a COPY/ADD writes to; null for other instructions or when unknown. */
function folderWritten(model: DockerfileModel, stage: Stage, instruction: Instruction, next: Instruction | undefined): string | null {
  if (instruction.keyword === "WORKDIR") return workdirOf(model, stage, next);
  const dest = copyPaths(instruction)?.dest.value;
  if (dest === undefined) return null;
  const base = dest.startsWith("/") ? "/" : workdirOf(model, stage, instruction);
  return base === null ? null : joinPath(base, dest);
}

/** The first Debian release whose apt has no `apt-key` (trixie). */
const DEBIAN_WITHOUT_APT_KEY = 13;

/**
 * `apt-key` run by the stages, where the move lands on Debian 13 (trixie) or later, whose apt no
 * longer ships it: the tag a Debian image names (`debian:13`, `node:24-trixie`), or a language
 * image's tag naming no release, which the official images now build on trixie (held-out BL,
 * lighthouse-ci: `node:18-slim` to `node:24-slim` with `wget ... | apt-key add -`, judged wrong as a
 * bare tag move). Ubuntu and Alpine targets are left alone.
 */
function aptKeyTie(commands: readonly RunCommand[], ref: ImageReference, target: string): Tie | null {
  const use = commands.find(({ command }) => command.name === "apt-key");
  if (use === undefined) return null;
  const name = officialName(ref);
  if (name === null || name === "ubuntu") return null;
  const words = target.toLowerCase().split("-");
  if (words.some((w) => w.startsWith("alpine") || UBUNTU_CODENAMES[w] !== undefined)) return null;
  const codename = words.find((w) => DEBIAN_CODENAMES[w] !== undefined);
  const release = codename !== undefined ? DEBIAN_CODENAMES[codename] : name === "debian" ? Number(/^\d+/.exec(target)?.[0] ?? NaN) : DEBIAN_WITHOUT_APT_KEY;
  if (!(release >= DEBIAN_WITHOUT_APT_KEY)) return null;
  return { kind: "tied", tie: "'apt-key'", line: lineOf(use.command.words[0]) };
}
