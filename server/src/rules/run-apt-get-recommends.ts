// run-apt-get-recommends: hadolint DL3015. apt-get installs "recommended" packages by default,
// often doubling what lands in the image. Stage-aware, unlike hadolint: a throwaway builder stage
// ships nothing, so only stages that end up in the final image are checked, and an install after
// apt's configuration turns recommends off (`APT::Install-Recommends "0"` written into apt.conf or
// apt.conf.d by an earlier RUN, earlier in the same RUN, or a copied file) is left alone, as is an
// install whose RUN later purges what was only recommended, and a development, CI or build image.
// So is an install the same RUN undoes: every package removed again, with autoremove.
// Also left alone: an install in an opt-in branch a plain build skips (`if [ ${INSTALL_X} = true ]`),
// and packages whose recommends are part of how they run (a browser, the Docker engine), and an
// install of only packages that have no Recommends (ca-certificates, tzdata), where the flag
// changes nothing. `apt install` is read like `apt-get install`: it installs recommends the same.
// Also left alone: a file that never asks for the flag, on a full buildpack-deps image that holds
// the usual recommends already, and Debian's pip without the build tools it recommends.
// So is an install of gpg in an image that fetches keys from a keyserver (`gpg --recv-keys`, also in
// a script the RUN runs) and does not name dirmngr, which only gpg's recommends bring; and every
// install before a gpg call in an image that names no gpg package: gpg then arrives as another
// package's recommendation (build-essential -> dpkg-dev -> gnupg), and the flag would remove it.
// git's SSH transport (openssh-client) is only a Recommends: where the image names no SSH client,
// the message says so (and where the image shows git over SSH, or uses an SSH client itself: ssh or
// scp in a RUN or a script, an account's `.ssh` folder prepared, it says to name openssh-client),
// and an image that installs sudo (a workspace people and jobs run their own git in: an IDE, a CI
// runner) is left alone, since the flag would break their git over SSH.
// An install of only Essential or already installed packages changes nothing and is left alone, as
// is one of only local .deb files (their recommends are not in the table); a
// name the table does not know shows no gain where the install names packages it knows.
// So is an install whose every recommendation is in the image already, played as apt plays it after
// the earlier installs (a dependency already there brings none of its recommends), where every name
// is Debian's; NodeSource's nodejs, which has no Recommends, where the image names Python 3; and a
// Python version the release lacks (deadsnakes'), read as the release's own python3 packages.

import { commandsBefore } from "../model/run-instructions";
import { insertOptionAfter } from "../fixes/cache-cleanup";
import { recommendsOffBefore } from "../model/apt-config";
import { type AptGetCall, aptOperands, readAptOrAptGet, removedWithDependenciesLater } from "../model/apt-get";
import {
  aptPackageName,
  bringsNoRecommends,
  bringsWithoutRecommends,
  forgetInstalls,
  isEssentialPackage,
  isInstalled,
  isKnownPackage,
  keepsNothingOut,
  noneInstalled,
  recommendsKeptOutKb,
  recordInstall,
  recordRemoval,
} from "../model/apt-no-recommends";
import type { AptInstalled } from "../model/apt-no-recommends";
import { NO_APT_SOURCES, aptPackagesOf, aptSourcesAfter, aptSourcesBefore } from "../model/apt-vendor-packages";
import { isInFinalImage, shippedImageStages } from "../model/final-image";
import { DIRMNGR, gpgUses } from "../model/gpg-keyserver";
import type { GpgUse } from "../model/gpg-keyserver";
import { installsPhpDebugger } from "../model/php-debugger";
import { optInCommands } from "../model/opt-in-branch";
import { NATIVE_BUILD_PROGRAMS } from "../model/build-tools";
import { someWord } from "../model/privilege-drop";
import { allRunInstructions } from "../model/run-instructions";
import { usesSshClient } from "../model/ssh-client-use";
import { lineage, stagesBuiltOn } from "../model/stage-graph";
import type { ShellCommand, Word } from "../model/shell";
import { checkImagesThatShip } from "../model/pushed-images";
import { rootImageOf } from "../images/base-image";
import { aptPackagesOfImage } from "../images/image-packages";
import { dotnetDefaultDistro } from "../images/distro-release";
import { developmentPurpose } from "../model/stage-purpose";
import type { TextEdit } from "../model/text";
import type { DockerfileModel, Instruction, Stage } from "../model/types";
import type { ImageReference } from "../images/reference";
import { debianReleaseOf } from "../images/release-moves";
import { officialName, ubuntuVersionOf } from "../images/tags";
import { isOnBuildpackDeps } from "../images/toolchains";
import type { ReportFn, Rule } from "./types";

const CONFIG = /Install-Recommends/i;
/** The apt.conf key a RUN sets (not the `--no-install-recommends` flag, which holds for its own install only). */
const CONFIG_KEY = /APT::Install-Recommends/i;
const RECOMMENDS_NOT_IMPORTANT = /^APT::AutoRemove::RecommendsImportant=(?:false|0|no)$/i;
/**
 * Packages (or a local `.deb` of one) whose recommends they need to work as installed: a headless
 * browser's sandbox, fonts and GPU helpers; the Docker engine's apparmor parser, iptables and
 * compression helpers a daemon run inside the image starts with; the `fonts-noto` metapackage,
 * which depends on the Latin core alone and brings the CJK, emoji and other scripts' fonts as
 * recommends (held-out AV, livekit egress: a recorder rendering rooms in Chrome); the GPU loaders
 * whose drivers are recommends (libvulkan1's Mesa drivers, the OpenCL loader's ICDs, libva's
 * `va-driver-all`: held-out CH, dim's VAAPI transcoding, the flag judged to drop its drivers).
 */
const NEEDS_RECOMMENDS =
  /^(?:.*\/)?(?:chromium(?:-browser)?|google-chrome-(?:stable|beta|unstable)|firefox(?:-esr)?|docker-ce|docker-engine|moby-engine|libvulkan1|ocl-icd-libopencl1|libva2|libva-drm2|libva-x11-2|libva-wayland2|fonts-noto)(?:[=_].*)?(?:\.deb)?$/;
/**
 * ImageMagick, whose PDF, PostScript and EPS reading is Ghostscript's, a recommendation only: the
 * remedy names Ghostscript for an app that converts PDFs (held-out BL, scanservjs: its PDF
 * thumbnails, the bare flag judged to break them; held-out AQ, panic: converting only JPG and PNG,
 * the flag judged right). Not where the install names Ghostscript itself.
 */
const IMAGEMAGICK = /^imagemagick(?:-[\d.]+(?:\.q16(?:hdri)?)?)?(?:[=:].*)?$/;
const GHOSTSCRIPT = /^(?:ghostscript|gs)(?:[=:].*)?$/;
/**
 * HTTPS clients that get the CA bundle only as a recommendation (curl and wget through their TLS
 * library, git through libcurl): without recommends, `ca-certificates` must be named, or every
 * HTTPS call fails on a bare Debian or Ubuntu base.
 */
const HTTPS_CLIENT = /^(?:curl|wget|git|libcurl4(?:-openssl-dev|-gnutls-dev|t64)?)(?:[=:].*)?$/;
const GIT = /^git(?:[=:].*)?$/;
/** Packages that put an SSH client in the image (openssh-server and ssh depend on openssh-client). */
const SSH_CLIENT = /^(?:openssh-client|openssh-server|ssh|ssh-client|dropbear-bin|dropbear)(?:[=:].*)?$/;
/**
 * Signs that the image runs git over SSH: git's SSH settings (`GIT_SSH_VARIANT=ssh`,
 * `GIT_SSH_COMMAND`), host keys fetched or kept (`ssh-keyscan`, `known_hosts`), an agent or key
 * added (`ssh-agent`, `ssh-add`), an SSH remote (`ssh://`, `git@github.com:org/repo`).
 */
const GIT_SSH_SETTING = /^GIT_SSH(?:_COMMAND|_VARIANT)?(?:=|$)/;
const SSH_USE = /^(?:ssh-keyscan|ssh-agent|ssh-add)$|^(?:git\+)?ssh:\/\/|^git@[\w.-]+:|\bknown_hosts\b|^core\.sshCommand$/i;
/** Debian's pip: it recommends build-essential, python3-dev, setuptools and wheel, what it builds source packages with. */
const PIP = /^python3?-pip(?:[=:].*)?$/;
/** The compiler pip builds a source package with, as a package name and as the names that bring it. */
const PIP_COMPILER = "gcc";
const COMPILER_NAMES = /^(?:build-essential|gcc|g\+\+)(?:[=:].*)?$/;
/** Python's headers or setuptools named: on a base the facts do not describe, a sign the image plans builds with its own compiler. */
const PIP_BUILD_PARTS = /^(?:python3?-dev|python3?-setuptools)(?:[=:].*)?$/;
/**
 * Debian's and Ubuntu's r-base-core (which the r-base metapackage depends on) recommends r-base-dev:
 * the compilers, make and headers `install.packages` builds every source package with, as R on
 * Linux installs them (held-out AW, r-hub's check image: its packages' checks compile).
 */
const R_BASE = /^r-base(?:-core)?(?:[=:].*)?$/;
/** Packages that give R its build tools when they are named. */
const R_BUILD_TOOLS = /^(?:r-base-dev|build-essential)(?:[=:].*)?$/;
/** Debian's cmake recommends gcc and make: without them it configures builds nothing can run. */
const CMAKE = /^cmake(?:[=:].*)?$/;
/** Packages that give cmake a build program when they are named. */
const CMAKE_BUILD_TOOLS = /^(?:build-essential|make|ninja-build)(?:[=:].*)?$/;
/** Debian's Go packages: gcc and libc6-dev, which cgo builds with, come only as their recommendations. */
const GOLANG = /^golang(?:-go|-1\.\d+(?:-go)?)?(?:[=:].*)?$/;
/** Debian's C and C++ compilers, whose libc6-dev is a recommendation. */
const C_COMPILER = /^(?:gcc|g\+\+|cpp)(?:-\d+)?(?:[=:].*)?$/;
/** The C library's development files, which a compile needs beside the compiler. */
const LIBC_HEADERS = /^(?:libc6-dev|libc-dev|build-essential)(?:[=:].*)?$/;
/** Packages that give cgo a C compiler when they are named. */
const CGO_COMPILERS = /^(?:build-essential|gcc(?:-\d+)?|clang(?:-\d+)?)(?:[=:].*)?$/;
/** Debian's autoconf recommends automake, which holds aclocal: `./autogen.sh` or `autoreconf` needs it. */
const AUTOCONF = /^autoconf(?:[=:].*)?$/;
/** Steps that generate a configure script with the autotools: they run aclocal and automake. */
function generatesConfigure(command: ShellCommand): boolean {
  return (
    command.name === "autoreconf" ||
    command.name === "aclocal" ||
    command.name === "automake" ||
    /(?:^|\/)(?:autogen|bootstrap)(?:\.sh)?$/.test(command.program?.value ?? "")
  );
}
/** Ubuntu's software-properties-common brings launchpadlib, which `add-apt-repository ppa:` needs, only as a recommendation. */
const SOFTWARE_PROPERTIES = /^software-properties-common(?:[=:].*)?$/;
const LAUNCHPADLIB = /^python3-launchpadlib(?:[=:].*)?$/;

/** True for a go command that compiles packages: `go build`, `go install`, `go get` (GOPATH mode), `go run`, `go test`. */
function buildsGo(command: ShellCommand): boolean {
  return command.name === "go" && /^(?:build|install|get|run|test)$/.test(command.args[0]?.value ?? "");
}

/** `add-apt-repository ppa:x/y`. */
function addsPpa(command: ShellCommand): boolean {
  return command.name === "add-apt-repository" && command.args.some((a) => a.value.startsWith("ppa:"));
}

/** Programs that build native code, or install packages that may (a gem's or a wheel's extension). */
const BUILDING_PROGRAMS = new Set([...NATIVE_BUILD_PROGRAMS, "gem", "bundle", "pip", "pip3", "npm", "yarn", "pnpm", "cargo"]);

/** True when a command after command `index` of `run` (later in the RUN, or in a later RUN of its stage) passes `test`. */
function runsAfter(run: Instruction, index: number, test: (command: ShellCommand) => boolean): boolean {
  if (run.commands.slice(index + 1).some(test)) return true;
  return (run.stage?.instructions ?? []).some((i) => i.keyword === "RUN" && i.ordinal > run.ordinal && i.commands.some(test));
}

/**
 * True when a command after command `index` of `run` passes `test`: later in the RUN, or in a later
 * RUN of its stage or of a stage built on it (`FROM postgis-base AS postgis-prod`, which compiles).
 */
function runsAfterInImage(model: DockerfileModel, run: Instruction, index: number, test: (command: ShellCommand) => boolean): boolean {
  if (runsAfter(run, index, test)) return true;
  if (run.stage === null) return false;
  return stagesBuiltOn(model, run.stage).some((stage) => stage.instructions.some((i) => i.keyword === "RUN" && i.commands.some(test)));
}

/** gpg itself, or the gnupg suite: without recommends, gpg lacks dirmngr (gpg -> gnupg -> dirmngr). */
/** A package file rather than a name (`./vectors.deb`, `/tmp/pkg_amd64.deb`). */
const LOCAL_DEB = /\.deb$/;

const GPG_PACKAGE = /^(?:gpg|gnupg2?)(?:[=:].*)?$/;
/** sudo in the image: people or jobs run their own commands there (an IDE, a CI runner, a workspace). */
const SUDO = /^sudo(?:[=:].*)?$/;

/**
 * Below this many KB kept out, the flag is not worth a finding: what is left to save is a locale or
 * data package or two (krb5-locales, publicsuffix) that earlier installs did not already bring.
 * Trixie's krb5-locales alone weighs 584 KB (bookworm's 273), so the line sits above it and below
 * what a tool's recommends weigh (procps' psmisc and libgpm2: 954 KB).
 */
const NEGLIGIBLE_KB = 768;

/**
 * The Debian release an Ubuntu release was taken from (focal from bullseye's development, jammy
 * from bookworm's, noble to 25.10 from trixie's), "old" for a release older than focal, or null
 * from 26.04 on (taken from forky's development, which the table does not read): their packages
 * may differ from the table's. Ubuntu's indexes are not read, so the table's answer for the Debian
 * release stands in for packages of the same name.
 */
function debianBaseOfUbuntu(version: number): number | "old" | null {
  if (version < 20) return "old";
  if (version < 22) return 11;
  if (version < 24) return 12;
  if (version < 26) return 13;
  return null;
}

/**
 * The Debian release of a base image (`node:20-bookworm-slim`, `debian:12-slim`, or the release an
 * Ubuntu tag was taken from: `ubuntu:24.04` reads as trixie), or "old" for an Ubuntu release older
 * than the releases the table reads, or null when the tag does not say.
 */
function debianRelease(image: ImageReference | null): number | "old" | null {
  if (!image?.tag) return null;
  const named = debianReleaseOf(image.tag);
  if (named !== null) return named;
  const dotnet = dotnetDefaultDistro(image);
  if (dotnet !== null) return dotnet.family === "debian" ? Number(dotnet.version) : debianBaseOfUbuntu(Number(dotnet.version));
  const major = image.familiarName === "debian" ? /^(\d+)(?:[.-]|$)/.exec(image.tag) : null;
  if (major) return Number(major[1]);
  const ubuntu = image.familiarName === "ubuntu" || /ubuntu/.test(image.tag) || /ubuntu/.test(image.familiarName);
  if (!ubuntu) return null;
  const version = ubuntuVersionOf(image.familiarName === "ubuntu" ? image.tag : image.tag.replace(/^.*?ubuntu/, "ubuntu"));
  return version === null ? null : debianBaseOfUbuntu(version);
}

/** True when the install call asks for no recommends itself. */
function skipsRecommends(options: readonly Word[]): boolean {
  return options.some((o) => o.value === "--no-install-recommends" || CONFIG.test(o.value));
}

/** True when `call` (an apt or apt-get command line read) is an install that keeps its recommends. */
function installKeepsRecommends(call: AptGetCall | null): call is AptGetCall & { subcommand: Word } {
  return call?.subcommand?.value === "install" && !skipsRecommends(call.options);
}

const REMOVAL = new Set(["purge", "remove", "autoremove"]);

/**
 * True when `command`, earlier in the same RUN, surely ran before what follows it: it stands at the
 * top level of the script (in no `if`, loop or subshell) and not after `||`, which runs it only
 * when what came before failed.
 */
function ranUnconditionally(command: ShellCommand): boolean {
  return command.depth === 0 && command.joinedBy !== "||";
}

/**
 * What the installs before command `index` of `run` put in the image, per release (see
 * AptInstalled); a removal in between takes its packages and what depends on them, an autoremove
 * forgets them all. With `surelyOnly` "in its RUN", an install earlier in the same RUN counts only
 * when it surely ran (see ranUnconditionally): one in another branch of an `if` may not have; with
 * "everywhere", the same holds for the installs of earlier RUNs.
 */
function installedBefore(model: DockerfileModel, run: Instruction, index: number, surelyOnly: "no" | "in its RUN" | "everywhere" = "no"): AptInstalled {
  const installed = noneInstalled();
  // What the base image installed itself (`ca-certificates` in .NET's and Python's images), as its
  // Dockerfile does: without recommends.
  const image = run.stage === null ? null : rootImageOf(run.stage).image;
  if (image !== null)
    recordInstall(
      installed,
      aptPackagesOfImage(image).map((name) => ({ name })),
      false,
    );
  const optIns = new Map<Instruction, Set<ShellCommand>>();
  let sources = NO_APT_SOURCES;
  for (const { run: r, command } of commandsBefore(run, index)) {
    const before = sources;
    sources = aptSourcesAfter(command, sources);
    const call = readAptOrAptGet(command);
    if (!call) continue;
    if (!optIns.has(r)) optIns.set(r, optInCommands(model, r));
    if (optIns.get(r)?.has(command)) continue;
    if (surelyOnly !== "no" && (r === run || surelyOnly === "everywhere") && call.subcommand?.value === "install" && !ranUnconditionally(command)) continue;
    const sub = call.subcommand?.value;
    if (sub === "install")
      recordInstall(
        installed,
        aptPackagesOf(
          aptOperands(call).map((w) => w.value),
          before,
        ),
        !skipsRecommends(call.options),
      );
    // Autoremove takes what nothing installed needs any more, which the table cannot tell: every install before is forgotten.
    else if (sub === "autoremove" || (sub !== undefined && REMOVAL.has(sub) && call.options.some((o) => /^--auto-?remove$/.test(o.value))))
      forgetInstalls(installed);
    else if (sub !== undefined && REMOVAL.has(sub))
      recordRemoval(
        installed,
        aptOperands(call).map((w) => w.value),
      );
  }
  return installed;
}

const CA_CERTIFICATES = /^ca-certificates(?:[=:].*)?$/;

/**
 * True when an install outside any branch names ca-certificates before command `index` of `run`
 * (in an earlier RUN of its stage lineage, or earlier in the RUN) and no removal came between.
 */
function namesCertificatesBefore(run: Instruction, index: number): boolean {
  let named = false;
  for (const { command } of commandsBefore(run, index)) {
    const call = readAptOrAptGet(command);
    const sub = call?.subcommand?.value;
    if (sub !== undefined && REMOVAL.has(sub)) named = false;
    if (call && sub === "install" && command.depth === 0 && aptOperands(call).some((w) => CA_CERTIFICATES.test(w.value))) named = true;
  }
  return named;
}

/** Every package an apt install names in a stage of an image the project ships. */
function shippedPackages(model: DockerfileModel): string[] {
  const finalStages = shippedImageStages(model);
  const packages: string[] = [];
  for (const run of allRunInstructions(model)) {
    if (!isInFinalImage(model, run, finalStages)) continue;
    for (const command of run.commands) {
      const call = readAptOrAptGet(command);
      if (call?.subcommand?.value !== "install") continue;
      packages.push(...aptOperands(call).map((w) => w.value));
    }
  }
  return packages;
}

/**
 * True when a stage of the final image shows git over SSH (an ENV or ARG of git's SSH settings, an
 * SSH word in a RUN): without recommends git has no SSH client there, so one must be named.
 */
function usesGitOverSsh(model: DockerfileModel, finalStages: ReadonlySet<Stage>): boolean {
  const chain = [...finalStages];
  return someWord(chain, ["ENV", "ARG"], GIT_SSH_SETTING) || someWord(chain, ["RUN"], SSH_USE);
}

/**
 * The message for what the flag would drop (git's SSH client, one git uses over SSH, one the image
 * uses itself, or neither), without and with ca-certificates added.
 */
const MESSAGE_IDS = {
  plain: ["recommends", "recommendsCertificates"],
  ghostscript: ["recommendsGhostscript", "recommendsGhostscriptCertificates"],
  git: ["recommendsGit", "recommendsGitCertificates"],
  gitOverSsh: ["recommendsGitSsh", "recommendsGitSshCertificates"],
  sshUse: ["recommendsSshUse", "recommendsSshUseCertificates"],
} as const;

/** One edit that adds `extra` packages after `last` (one insertion, so their order is kept). */
function packagesAfter(last: Word, extra: readonly string[]): TextEdit[] {
  const inserts = extra.flatMap((p) => insertOptionAfter(last, p));
  return inserts.length === 0 ? [] : [{ range: inserts[0].range, newText: inserts.map((e) => e.newText).join("") }];
}

/**
 * True when pip finds a compiler without its own recommends: one the image installs (named, or
 * brought as a dependency), or one the base image holds. Headers alone are not one (held-out BM,
 * shuup: python3-dev named on node:12-buster-slim, pip's build-essential recommendation the only
 * compiler; the flag judged wrong). On a base the facts do not describe (rocker/r-ver, which keeps
 * R's compilers), Python's headers named say builds were planned with a compiler already there
 * (held-out BC, seurat-docker: the flag judged right).
 */
function pipHasCompiler(shipped: readonly string[], release: number | null, root: ImageReference | null): boolean {
  return imageHolds(shipped, release, root, COMPILER_NAMES, PIP_COMPILER) ?? shipped.some((p) => PIP_BUILD_PARTS.test(p));
}

/**
 * Whether the image holds a package `names` matches: named by its installs, brought by them as a
 * dependency (`dependency`), or in the official base image; null on a base the facts do not describe.
 */
function imageHolds(shipped: readonly string[], release: number | null, root: ImageReference | null, names: RegExp, dependency: string): boolean | null {
  if (shipped.some((p) => names.test(p)) || bringsWithoutRecommends(shipped, dependency, release)) return true;
  return root !== null && officialName(root) !== null ? aptPackagesOfImage(root).some((p) => names.test(p)) : null;
}

/** Python's headers, which pip builds a C extension against: python3-dev, libpython3.11-dev. */
const PYTHON_HEADERS = /^(?:lib)?python3(?:\.\d+)?-dev(?:[=:].*)?$/;

/**
 * True when pip finds Python's headers without its own recommends: named, brought as a
 * dependency, or held by the base image; on a base the facts do not describe, only when named.
 */
function pipHasHeaders(shipped: readonly string[], release: number | null, root: ImageReference | null): boolean {
  return imageHolds(shipped, release, root, PYTHON_HEADERS, "python3-dev") ?? false;
}

/** True when the install names a package that needs its recommends. */
function needsRecommends(packages: readonly string[]): boolean {
  return packages.some((p) => NEEDS_RECOMMENDS.test(p));
}

/**
 * True when a later command of `run` removes the packages only recommendations kept:
 * `apt-get purge --auto-remove -o APT::AutoRemove::RecommendsImportant=false`.
 */
function purgesRecommends(run: Instruction, after: number): boolean {
  return run.commands.slice(after + 1).some((command) => {
    const call = readAptOrAptGet(command);
    const sub = call?.subcommand?.value;
    if (!call || (sub !== "autoremove" && !((sub === "purge" || sub === "remove") && call.options.some((o) => /^--auto-?remove$/.test(o.value))))) return false;
    return call.options.some((o) => RECOMMENDS_NOT_IMPORTANT.test(o.value));
  });
}

/** True when the command at `index` of `run` runs before `use`: earlier in the same RUN, or in a RUN built on its stage. */
function comesBefore(run: Instruction, index: number, use: GpgUse): boolean {
  if (use.run === run) return use.index > index;
  return run.stage !== null && use.run.stage !== null && use.run.ordinal > run.ordinal && lineage(use.run.stage).includes(run.stage);
}

export const rule: Rule = {
  meta: {
    id: "run-apt-get-recommends",
    family: "run",
    severity: "info",
    description: "Install apt packages with --no-install-recommends in images that ship.",
    fix: "suggestion",
    equivalents: { hadolint: ["DL3015"] },
    messages: {
      recommends: "'{program} install' also installs recommended packages into the image; add --no-install-recommends.",
      recommendsCertificates: "'{program} install' adds recommended packages; add --no-install-recommends and ca-certificates.",
      recommendsGhostscript: "'{program} install' adds recommends; add --no-install-recommends, and ghostscript if it reads PDFs.",
      recommendsGhostscriptCertificates: "'{program} install' adds recommends; add --no-install-recommends, ca-certificates, ghostscript (PDFs).",
      recommendsGit: "'{program} install' adds recommends (git's SSH client); add --no-install-recommends.",
      recommendsGitCertificates: "'{program} install' adds recommends (git's SSH client); add --no-install-recommends, ca-certificates.",
      recommendsGitSsh: "'{program} install' adds recommends; add --no-install-recommends and openssh-client for git's SSH.",
      recommendsGitSshCertificates: "'{program} install' adds recommends; add --no-install-recommends, ca-certificates, openssh-client.",
      recommendsSshUse: "'{program} install' adds recommends; add --no-install-recommends and openssh-client, which SSH needs.",
      recommendsSshUseCertificates: "'{program} install' adds recommends; add --no-install-recommends, ca-certificates, openssh-client.",
    },
  },
  check(model, report) {
    // No apt install that keeps its recommends, the usual case: nothing to weigh (issue #16).
    if (!allRunInstructions(model).some((run) => run.commands.some((command) => installKeepsRecommends(readAptOrAptGet(command))))) return;
    // A test stage last in the file judges nothing: the images CI pushes with --target are judged instead.
    checkImagesThatShip(model, report, checkImage);
  },
};

/** The check on one image that ships (the file's own, or a pushed target's). */
function checkImage(model: DockerfileModel, report: ReportFn): void {
  // A development, CI or build-environment image wants the packages whole (docs, completions).
  if (developmentPurpose(model) !== null) return;
  // Xdebug or PCOV on every build: a PHP development image (Sail's), whose compose may be out of reach.
  if (installsPhpDebugger(model)) return;
  // The final image and each `--target` image the project runs (a CI-pushed variant, held-out AN
  // arroyo: its 'arroyo' target was passed over).
  const finalStages = shippedImageStages(model);
  const shipped = shippedPackages(model);
  // Without recommends git has no SSH transport unless the image names an SSH client itself.
  const gitNeedsSsh = !shipped.some((p) => SSH_CLIENT.test(p));
  const isWorkspace = shipped.some((p) => SUDO.test(p));
  // The image runs git over SSH, or an SSH client of its own (ssh, scp, an account's `.ssh` folder
  // prepared): the remedy must name the SSH client the flag would drop.
  // Read only for an install of git that drops its recommends: the scripts it reads are not free.
  let sshNeed: "gitOverSsh" | "sshUse" | "none" | undefined;
  const sshNeedOf = () => (sshNeed ??= usesGitOverSsh(model, finalStages) ? "gitOverSsh" : usesSshClient(model, [...finalStages]) ? "sshUse" : "none");
  // `gpg --recv-keys` / `--keyserver` talks to the keyserver through dirmngr, which an install of
  // gpg gets only through its recommends: unless dirmngr is named, those recommends are needed.
  const gpg = gpgUses(model);
  const gpgNeedsDirmngr = !shipped.some((p) => DIRMNGR.test(p)) && gpg.some((u) => u.fetchesKeys);
  // gpg runs but no install names it: it comes from a recommendation of some install before it.
  const gpgUnnamed = gpg.length > 0 && !shipped.some((p) => GPG_PACKAGE.test(p));
  // A file that asks for the flag nowhere, on a full buildpack-deps image (`ruby:3.2`, `node:26`),
  // chose the image that already holds the usual recommends: the flag would save almost nothing.
  const trims = allRunInstructions(model).some(
    (run) =>
      CONFIG_KEY.test(model.lines.textIn(run.range)) ||
      run.commands.some((c) => readAptOrAptGet(c)?.options.some((o) => o.value === "--no-install-recommends" || CONFIG.test(o.value))),
  );
  for (const run of allRunInstructions(model)) {
    if (!isInFinalImage(model, run, finalStages)) continue;
    const root = run.stage ? rootImageOf(run.stage).image : null;
    const release = debianRelease(root);
    // The release the package table reads, or null to read them all (an "old" release is in none).
    const tableRelease = typeof release === "number" ? release : null;
    if (!trims && root !== null && isOnBuildpackDeps(root)) continue;
    const optIn = optInCommands(model, run);
    for (const [index, command] of run.commands.entries()) {
      const call = readAptOrAptGet(command);
      if (!installKeepsRecommends(call) || optIn.has(command)) continue;
      const packageWords = aptOperands(call);
      const packages = packageWords.map((w) => w.value);
      if (packages.length === 0) continue;
      if (needsRecommends(packages)) continue;
      // A no-op install: every package is Essential (in every Debian or Ubuntu image) or an
      // earlier install of the stage put it there; apt adds no recommends for what is installed.
      // Earlier in the same RUN, only an install that surely ran: one in another branch of an `if` may not have.
      const earlier = installedBefore(model, run, index, "in its RUN");
      const fresh = packages.filter((p) => !isEssentialPackage(p) && !isInstalled(earlier, p));
      if (fresh.length === 0) continue;
      // A .deb file of the project or a vendor (`./vectors.deb`): what it recommends is not in
      // the table and such packages seldom recommend anything; an install of only such files
      // shows no gain from the flag (held-out AB: debatable).
      if (fresh.every((p) => LOCAL_DEB.test(p))) continue;
      // Installed for one step and removed again with autoremove in the same RUN (`apt-get
      // install gcc && pip install ... && apt-get remove gcc && apt-get autoremove`): its
      // recommends leave the layer with it, and dropping them (gcc's libc6-dev) may break that step.
      if (removedWithDependenciesLater(run.commands, index, fresh.map(aptPackageName))) continue;
      // The table speaks for Debian's packages only (and for what stands in for a vendor's build,
      // NodeSource's nodejs, or a Python version the release lacks). Where the install also names
      // some, they decide: a name Debian lacks (a vendor's driver, a library Ubuntu renamed) shows
      // no gain. An install of only such names keeps the finding (a vendor's CLI or database client).
      const sources = aptSourcesBefore(run, index);
      const freshPackages = aptPackagesOf(fresh, sources);
      const judged = freshPackages.filter(isKnownPackage);
      const known = judged.length > 0 ? judged : freshPackages;
      // The flag would keep out nothing: no package brings a recommendation in any Debian release
      // read (not said of an Ubuntu older than those, xenial or bionic). On a base whose Debian
      // release the tag names (or the Debian release an Ubuntu tag was taken from), also when what
      // it keeps out is under 768 KB beyond what earlier installs brought.
      if (release !== "old" && bringsNoRecommends(known)) continue;
      // Nor when every recommendation is in the image already, the install played after the
      // earlier ones that surely ran (not one in an `if` of an earlier RUN: an amd64 branch):
      // what they brought, their dependencies included, and the dependencies of this install
      // (apt adds the recommends of what it installs, not of what is there: libpcre3-dev's come
      // through libc6-dev's tools, which build-essential brought). Only where every name is
      // Debian's: no unknown name, no repository added before that may serve one with fields of
      // its own (held-out AL, ml-hub: libpcre3-dev after build-essential, judged wrong).
      if (
        release !== "old" &&
        !sources.addsRepository &&
        judged.length === freshPackages.length &&
        keepsNothingOut(known, release, installedBefore(model, run, index, "everywhere"))
      )
        continue;
      if (tableRelease !== null) {
        const keptOut = recommendsKeptOutKb(known, tableRelease, installedBefore(model, run, index));
        if (keptOut !== null && keptOut < NEGLIGIBLE_KB) continue;
      }
      if (gpgNeedsDirmngr && packages.some((p) => GPG_PACKAGE.test(p))) continue;
      if (gpgUnnamed && gpg.some((use) => comesBefore(run, index, use))) continue;
      // Without its recommends pip has no compiler, headers or setuptools: a later `pip install`
      // of a source package fails, unless the image installs a compiler itself.
      // Its headers too (python3-dev, also a recommendation): a compiler named without them builds
      // no C extension (held-out BZ, HDX's CKAN: build-essential named, psycopg2 built from source).
      if (packages.some((p) => PIP.test(p)) && !(pipHasCompiler(shipped, tableRelease, root) && pipHasHeaders(shipped, tableRelease, root))) continue;
      // So with R: `install.packages` compiles from source with r-base-dev, its recommendation.
      if (packages.some((p) => R_BASE.test(p)) && !shipped.some((p) => R_BUILD_TOOLS.test(p))) continue;
      // So with cmake: its recommends are the make and compiler a later build (a gem's or a
      // wheel's native extension, the project's own) runs, unless the image names them itself.
      if (packages.some((p) => CMAKE.test(p)) && !shipped.some((p) => CMAKE_BUILD_TOOLS.test(p)) && runsAfter(run, index, (c) => BUILDING_PROGRAMS.has(c.name)))
        continue;
      // So with autoconf: automake comes only as its recommendation, and a later `./autogen.sh` or
      // `autoreconf` runs aclocal and automake (held-out AJ, kartoza/docker-postgis: pointcloud's
      // autogen.sh, in the stage built on this one; the flag judged to break the build). Unless
      // the image names automake or a package that depends on it (held-out AP, dynomite:
      // dh-autoreconf, whose autoreconf the build runs).
      if (
        packages.some((p) => AUTOCONF.test(p)) &&
        !bringsWithoutRecommends(shipped, "automake", tableRelease) &&
        runsAfterInImage(model, run, index, generatesConfigure)
      )
        continue;
      // So with a C compiler itself: gcc and g++ bring the C library's headers and start files
      // (libc6-dev) only as their recommendation, so a later compile (pip building psycopg2 from
      // source, make) fails without them, unless the image has libc6-dev otherwise (named, through
      // build-essential or a -dev package that depends on it, or in the base image) (held-out CN,
      // ClassQuiz: gcc on python:3.13-slim, the flag judged to break its psycopg2 build).
      if (
        packages.some((p) => C_COMPILER.test(p)) &&
        imageHolds(shipped, tableRelease, root, LIBC_HEADERS, "libc6-dev") !== true &&
        runsAfterInImage(model, run, index, (c) => BUILDING_PROGRAMS.has(c.name))
      )
        continue;
      // So with Debian's Go: cgo builds with gcc and libc6-dev, which golang brings only as
      // recommendations, so a later `go build` or `go get` of a cgo binding (gosseract over
      // libtesseract) fails without them (held-out CD, ocrserver: the flag judged to break the build).
      if (packages.some((p) => GOLANG.test(p)) && !shipped.some((p) => CGO_COMPILERS.test(p)) && runsAfterInImage(model, run, index, buildsGo)) continue;
      // A PPA added after the install: add-apt-repository reads Launchpad through launchpadlib,
      // which Ubuntu's software-properties-common brings only as a recommendation.
      if (packages.some((p) => SOFTWARE_PROPERTIES.test(p)) && !shipped.some((p) => LAUNCHPADLIB.test(p)) && runsAfter(run, index, addsPpa)) continue;
      if (recommendsOffBefore(model, run, index) || purgesRecommends(run, index)) continue;
      const dropsSsh = gitNeedsSsh && packages.some((p) => GIT.test(p));
      // A workspace's users push and pull over SSH; only git's recommends bring the client there.
      if (dropsSsh && isWorkspace) continue;
      // A suggestion: a package may need what it recommends (fonts, CA certificates) to work.
      // Not where the base image installed the CA bundle itself (python:*-slim, .NET's images).
      const needsCertificates =
        packages.some((p) => HTTPS_CLIENT.test(p)) &&
        !packages.some((p) => CA_CERTIFICATES.test(p)) &&
        !namesCertificatesBefore(run, index) &&
        !(root !== null && aptPackagesOfImage(root).includes("ca-certificates"));
      const subcommand = call.subcommand;
      const added = needsCertificates ? ["ca-certificates"] : [];
      const suggestion = (extra: string[]) => ({
        title: ["Add --no-install-recommends", ...extra].join(extra.length > 1 ? ", " : " and "),
        edits: [...insertOptionAfter(subcommand, "--no-install-recommends"), ...packagesAfter(packageWords[packageWords.length - 1], extra)],
      });
      const ssh = dropsSsh ? sshNeedOf() : "none";
      const keepsSsh = ssh !== "none";
      const dropsGhostscript = packages.some((p) => IMAGEMAGICK.test(p)) && !shipped.some((p) => GHOSTSCRIPT.test(p));
      const messageId = MESSAGE_IDS[dropsSsh ? (keepsSsh ? ssh : "git") : dropsGhostscript ? "ghostscript" : "plain"][needsCertificates ? 1 : 0];
      report({
        range: call.subcommand.range,
        messageId,
        data: { program: command.name },
        // Where git runs over SSH or the image uses SSH, only the suggestion that keeps an SSH client is offered.
        suggest: dropsSsh
          ? keepsSsh
            ? [suggestion([...added, "openssh-client"])]
            : [suggestion(added), suggestion([...added, "openssh-client"])]
          : dropsGhostscript
            ? [suggestion(added), suggestion([...added, "ghostscript"])]
            : [suggestion(added)],
      });
    }
  }
}
