// Tags that move: `latest`, channel tags (`lts`, `stable`, `edge`) and bare variants of versioned
// official images (`golang:alpine`, `python:slim`), plus the images for which following a moving
// tag is the only choice or the purpose (published only as `latest`; nightly builds).

import { baseName, copyPaths, isSameOrParentPath, joinPath, unquoteWord } from "../model/copy-paths";
import { isBroadContextCopy } from "../model/copies";
import { finalImageStages, shippedImageStages } from "../model/final-image";
import { perModel } from "../model/per-model";
import { startCommand } from "../model/stage-purpose";
import { workdirOf } from "../model/workdir";
import type { DockerfileModel, Instruction, Stage, StageReference } from "../model/types";
import { scriptRunBy } from "../model/run-scripts";
import type { ShellCommand } from "../model/shell";
import { isBuildingStep } from "../model/start-steps";
import { simpleCommands } from "../model/script-words";
import { rootImageName, rootImageOf } from "./base-image";
import { startsInRoot } from "./image-env";
import { looksLikeImage } from "./official-images";
import type { ImageReference } from "./reference";
import { parseImageReference } from "./reference";
import { runCommands, runsOnly } from "../model/run-commands";
import { FILE_ARRANGING_PROGRAMS, onlyArrangesFiles } from "../model/file-arranging";
import { systemPackageCommand, URL_DOWNLOADERS } from "../model/commands";
import { buildReferences } from "../model/stage-references";
import { stagesBuiltOn } from "../model/stage-graph";
import { hubName, nodeLineOfCodename, officialName } from "./tags";
import { lookupTable } from "../model/lookup-table";

/** Channel words that name whatever release is current. */
const CHANNEL_WORDS = new Set(["latest", "lts", "stable", "current", "edge", "rolling", "mainline"]);
/**
 * Official images whose tags are release names rather than versions, where a word tag is pinned.
 * Traefik's only word tags besides `latest` are the codenames of its minor lines (`mimolette` is
 * 2.11, `langres` 3.7), like Debian's `bookworm`.
 */
const NAMED_RELEASES = new Set(["debian", "ubuntu", "busybox", "buildpack-deps", "centos", "fedora", "amazonlinux", "oraclelinux", "hello-world", "traefik"]);
/** Release names of those images that roll: Debian's testing and unstable (sid), Ubuntu's devel. */
const ROLLING_RELEASES: Readonly<Record<string, readonly string[]>> = lookupTable({
  debian: ["testing", "unstable", "sid"],
  "buildpack-deps": ["testing", "unstable", "sid"],
  ubuntu: ["devel"],
});

/**
 * Package sources of a rolling suite written in a RUN: an apt source line or deb822 `Suites:` on
 * Debian's unstable, testing, sid or experimental, `APT::Default-Release`, `apt-get -t unstable`,
 * Alpine's `edge` repositories, Fedora's `--releasever=rawhide`.
 */
/** An image name with an `alpine` word (`baseimage-alpine`, `alpine-base`). */
const ALPINE_IN_NAME = /(?:^|[-/_])alpine(?:$|[-/_])/;

const ROLLING_SUITE_USE = [
  /\bSuites:[ \t]*(?:sid|unstable|testing|experimental)\b/,
  /\bdeb(?:-src)?[ \t]+(?:\[[^\]\n]*\][ \t]+)?\S+[ \t]+(?:sid|unstable|testing|experimental)\b/,
  /\bDefault-Release[ \t"'\\]+(?:sid|unstable|testing|experimental)\b/,
  /(?:^|\s)(?:-t|--target-release|--default-release)[ \t=]+["']?(?:sid|unstable|testing|experimental)\b/,
  /\/alpine\/edge\//,
  /--releasever[ \t=]+rawhide\b/,
];

/**
 * True when `ref` is a rolling suite (`debian:testing`, `ubuntu:devel`, `alpine:edge`,
 * `fedora:rawhide`) and the stage installs from rolling package sources itself (adds unstable,
 * sets `APT::Default-Release "testing"`, `apt-get install -t unstable`): the image tracks the
 * rolling distribution by design, its packages are built for it, and a release tag would break
 * the installs rather than pin them.
 */
export function tracksRollingSuite(model: DockerfileModel, stage: Stage, ref: ImageReference): boolean {
  const name = officialName(ref);
  const tag = (ref.tag ?? "").toLowerCase().split(/[-_.]/)[0];
  // Also an image built on Alpine edge, named so (`ghcr.io/linuxserver/baseimage-alpine:edge`;
  // held-out BB, docker-transmission reads edge's APKINDEX: judged wrong to pin).
  const alpineEdge = tag === "edge" && (name === "alpine" || ALPINE_IN_NAME.test(ref.familiarName));
  const rolling = (name !== null && ROLLING_RELEASES[name]?.includes(tag)) || alpineEdge || (name === "fedora" && tag === "rawhide");
  if (!rolling) return false;
  return stage.instructions.some((i) => {
    if (i.keyword !== "RUN") return false;
    // The whole instruction, continuation lines and heredoc bodies included: a source line spans words.
    const text = model.lines.textIn(i.range);
    return ROLLING_SUITE_USE.some((p) => p.test(text));
  });
}

/**
 * How a tag floats: `latest`; `channel` (`lts`, `stable-slim`, `lts-alpine`); `variant` (a bare
 * variant of a versioned official image, `golang:alpine`); null when it pins a version or a
 * digest pins the image.
 */
export function floatingKind(ref: ImageReference): "latest" | "channel" | "variant" | null {
  if (ref.digest !== null || ref.tag === null) return null;
  const tag = ref.tag.toLowerCase();
  if (tag === "latest") return "latest";
  const words = tag.split(/[-_.]/);
  // A Node.js LTS codename names one major line (`jod-alpine` is `22-alpine`, `lts-krypton` is
  // `24`), as a major-version tag does: it moves only within that line.
  if (officialName(ref) === "node" && nodeLineOfCodename(tag) !== null) return null;
  // `lts-alpine`, `stable-slim`, `latest-debian`; not `...-edge-145.0` (a browser) or `3-latest` (a major line);
  // `edge-25.11.3` and `latest-rust-1.95` carry a version after the channel: judged pinned.
  // A version attached to a variant's name is the variant's (`lts-alpine3.22` follows the LTS
  // channel on Alpine 3.22; held-out BH, godoxy: missed), not the channel's.
  const unattached = tag.replace(/\b(?!v\d)[a-z]+\d+(?:\.\d+)*/g, "");
  const hasVersion = unattached.split(/[-_.]/).some((w) => /^v?\d+$/.test(w)) || /\d+\.\d+/.test(unattached);
  if ((CHANNEL_WORDS.has(words[0]) && !hasVersion) || (!/\d/.test(tag) && words.some((w) => CHANNEL_WORDS.has(w)))) return "channel";
  if (/\d/.test(tag)) return null;
  // A word tag of a versioned official image floats over its versions (`python:bookworm` too).
  const name = officialName(ref);
  if (name !== null && ROLLING_RELEASES[name]?.includes(words[0])) return "channel";
  return name === null || NAMED_RELEASES.has(name) ? null : "variant";
}

/**
 * Images that are published only as a moving tag (Chainguard's free images, openSUSE Tumbleweed,
 * distroless, ROS 2 Rolling),
 * where no version tag exists to pin, or whose point is to be current (nightly builds): pinning
 * them means a digest kept fresh by a bot, which is the project's choice, not a defect.
 */
export function isMovingByDesign(ref: ImageReference): boolean {
  const path = `${ref.registry}/${ref.repository}`;
  if (isRollingOnly(ref)) return true;
  // Distroless publishes no version tags, only `latest`, `nonroot`, `debug` and the Debian release
  // (`cc-debian12`): a digest kept fresh by a bot is the only pin, as for Chainguard's images.
  if (/^gcr\.io\/distroless\//.test(path)) return true;
  // ROS 2 Rolling (`ros:rolling`, `osrf/ros:rolling-desktop`) is a distribution that rolls: every
  // tag of it moves, and a project built on it targets that distribution (held-out BP,
  // navigation2's CI image: two findings judged wrong).
  if (/^docker\.io\/(?:library\/ros|osrf\/ros)$/.test(path) && /^rolling(?:$|-)/.test(ref.tag ?? "")) return true;
  const nightly = /(?:^|[-_/.])(?:nightly|weekly|snapshot)(?:$|[-_.])/;
  return nightly.test(ref.repository) || nightly.test(ref.tag ?? "");
}

/**
 * Images of distributions that roll with no release at all (Chainguard's free images, openSUSE
 * Tumbleweed, Arch Linux and its derivatives): only `latest` or dated snapshots exist, and any
 * install syncs to the live repositories (Arch supports no partial upgrade), so a pinned tag pins
 * nothing (held-out AY, aurweb: `archlinux:base-devel` with `pacman -Syu`, judged wrong).
 */
function isRollingOnly(ref: ImageReference): boolean {
  const path = `${ref.registry}/${ref.repository}`;
  return (
    /^cgr\.dev\/chainguard\//.test(path) ||
    /^docker\.io\/chainguard\//.test(path) ||
    /(?:^|\/)opensuse\/tumbleweed$/.test(path) ||
    /^docker\.io\/(?:library\/archlinux|archlinux\/archlinux|manjarolinux\/base)$/.test(path)
  );
}

/** A download of whatever release is newest: GitHub's `/releases/latest`, its API's included. */
const LATEST_RELEASE = /\/releases\/latest(?:[/"'\s]|$)/;

/**
 * True when the image is a rolling build by design: its final stage stands on an image that only
 * rolls (`cgr.dev/chainguard/wolfi-base:latest`), or the build installs whatever release is newest
 * (`ARG URL=.../releases/latest/download/app.tar.gz`, the releases API queried in a RUN), or a RUN
 * builds the branch head it clones. Two
 * builds differ whatever tags the file pins, so a helper image or base on a moving tag adds no
 * drift the project has not chosen.
 */
export const isRollingBuild: (model: DockerfileModel) => boolean = perModel((model) => {
  const final = model.finalStage;
  const root = final ? rootImageOf(final).image : null;
  if (root !== null && isRollingOnly(root)) return true;
  const downloads = model.instructions.filter((i) => ROLLING_SOURCES.has(i.keyword)).flatMap((i) => i.args.map((a) => a.value));
  // A file that pins the releases it downloads elsewhere (`/releases/download/${EASY_ADD_VERSION}/`)
  // takes one helper from `/releases/latest` by exception, not as its design (held-out CK, the
  // Minecraft Bedrock server: an untagged `FROM debian` beside four pinned tools, judged a miss).
  if (downloads.some((value) => LATEST_RELEASE.test(value)) && !downloads.some((value) => PINNED_RELEASE.test(value))) return true;
  return clonesBranchHead(model);
});

/** A download of a release named by its version: written (`/releases/download/v1.2.0/`) or by a version variable (`${APP_VERSION}`). */
const PINNED_RELEASE = /\/releases\/download\/(?:v?\d|\$\{?\w*VERSION\b)/i;

/**
 * True when a RUN of a stage that ships (the final image's build, or another image the project
 * builds) clones a repository's default branch and nothing picks a revision: no `--branch`
 * on the clone, no `git checkout`, `switch` or `reset` anywhere. The build takes whatever that
 * branch holds on the day (a nightly from HEAD), like a download of the newest release. Not when
 * those stages copy the whole build context (`COPY . /app`): the image is a build of the project's
 * checkout, released with it, and the clone a library built alongside (ImageMagick from its
 * default branch), not what the image is a nightly of.
 */
function clonesBranchHead(model: DockerfileModel): boolean {
  // Only stages whose output ships: a test stage that clones a fixture repository (built with
  // `--target test`, never copied from) changes no image the project publishes.
  const shipped = shippedImageStages(model);
  const stages = model.stages.filter((s) => s.isReachable || shipped.has(s));
  if (stages.some((s) => s.instructions.some(isBroadContextCopy))) return false;
  const gits = runCommands(stages)
    .map((r) => r.command)
    .filter((c) => c.name === "git");
  // The subcommand: the first word that is no option, nor the value of `-C <dir>` or `-c <name=value>`.
  const sub = (c: ShellCommand) => c.args.find((a, i) => !a.value.startsWith("-") && !/^-[Cc]$/.test(c.args[i - 1]?.value ?? ""))?.value;
  if (gits.some((c) => GIT_REVISION_PICKS.has(sub(c) ?? ""))) return false;
  return gits.some((c) => sub(c) === "clone" && !c.args.some((a) => /^(?:-b|--branch(?:=.*)?|--revision(?:=.*)?)$/.test(a.value)));
}

/** git subcommands that move a clone to another revision than the branch head it cloned. */
const GIT_REVISION_PICKS = new Set(["checkout", "switch", "reset"]);

/** Instructions where a download's address is written: an ARG or ENV default, ADD's source, a RUN's command. */
const ROLLING_SOURCES = new Set(["ARG", "ENV", "ADD", "RUN"]);

/** `COPY --from=<image>` and `RUN --mount=from=<image>` that name an image rather than a stage. */
export function imageReferences(model: DockerfileModel): { ref: StageReference; image: ImageReference }[] {
  const out: { ref: StageReference; image: ImageReference }[] = [];
  for (const ref of buildReferences(model)) {
    if (ref.kind === "from" || ref.target !== null || ref.isIndex) continue;
    if (ref.resolved.includes("$") || !looksLikeImage(ref.resolved)) continue;
    // A name the project passes as a build context is a folder, not an image.
    if (isNamedContext(model, ref.resolved)) continue;
    const image = parseImageReference(ref.resolved.replace(/^docker-image:\/\//, ""));
    if (image) out.push({ ref, image });
  }
  return out;
}

/**
 * Whether compose or bake passes a build context of this name (`php-base =
 * "docker-image://php:8.4-zts"`): `FROM php-base` then builds on what the project pins there.
 */
export function isNamedContext(model: DockerfileModel, name: string): boolean {
  return (model.context.namedContexts ?? []).some((n) => n.toLowerCase() === name.toLowerCase());
}

/**
 * Commands that fetch or unpack files: what a fetch-only stage hands on comes from them. Registry
 * clients count too (`skopeo copy docker://openpolicyagent/opa:1.9.0-static ...` then `tar xf`):
 * they download an image named by its own tag, as curl downloads a release.
 */
const FETCHERS = new Set(["wget", "curl", "unzip", "tar", "gunzip", "gzip", "xz", "bunzip2", "skopeo", "crane", "oras", "regctl"]);

/**
 * Commands that only fetch, unpack and move files (and install the tools to do so), and pick the
 * fetched files out (`find image/ -name "opa*" -print0 | xargs -0 -I {} cp {} ./opa`).
 */
const FETCH_COMMANDS = new Set([
  ...FETCHERS,
  "find",
  "xargs",
  "cat",
  "exit",
  "set",
  "mv",
  "cp",
  "mkdir",
  "rm",
  "chmod",
  "chown",
  "ln",
  "echo",
  "true",
  "test",
  "[",
  "[[",
  "cd",
  "sha256sum",
  "sha512sum",
  "md5sum",
  // Package managers, installing download and unpack tools only (installsOnlyFetchTools): UBI's
  // microdnf too (held-out AV, strimzi's downloader stage on ubi-minimal:latest).
  "apk",
  "apt-get",
  "apt",
  "microdnf",
  "dnf",
  "yum",
  "if",
  "then",
  "else",
  "fi",
]);

/**
 * A throwaway stage that only fetches or unpacks files (`ADD app.tar.gz /opt`, `RUN wget ... &&
 * unzip ...`) for a later stage to copy: what it hands on does not depend on which release of its
 * base ran the download, and nothing of the base ships. Needs at least one ADD or a fetch or
 * unpack command: a stage with none is copied from for what the image itself holds, and one that
 * only installs packages (`apk add ca-certificates`) hands on files of its base's release.
 * `throughScripts` also reads the project's scripts the stage runs (see `scriptOnlyFetches`).
 */
export function isFetchOnlyStage(model: DockerfileModel, stage: Stage, { throughScripts = false } = {}): boolean {
  const finals = finalImageStages(model);
  if (finals.has(stage)) return false;
  const steps = stage.instructions.filter((i) => i.keyword === "RUN" || i.keyword === "ADD");
  // With `throughScripts`, `RUN /tmp/fetch_binaries.sh` running the project's script that only
  // downloads is a fetch step too.
  const fetchScript = (s: Stage, i: Instruction, c: ShellCommand) => {
    if (!throughScripts) return false;
    const script = scriptRunBy(model, s, i, c);
    return script !== null && scriptOnlyFetches(script);
  };
  const onlyFetches = (s: Stage) =>
    s.instructions.every(
      (i) =>
        i.keyword !== "RUN" ||
        (i.commands.length > 0 && i.commands.every((c) => c.name === "" || (FETCH_COMMANDS.has(c.name) && installsOnlyFetchTools(c)) || fetchScript(s, i, c))),
    );
  if (!steps.some((i) => i.keyword === "ADD" || i.commands.some((c) => FETCHERS.has(c.name) || fetchScript(stage, i, c)))) return false;
  if (!onlyFetches(stage)) return false;
  // A stage other stages build on hands them its whole image, not only what it fetched (fluent-bit's
  // `debian-bullseye-base` installs a toolchain and downloads CMake for the builders built on it):
  // only when those stages too just fetch or pass files on (`FROM ${source} AS intermediate`).
  return stagesBuiltOn(model, stage).every((d) => !finals.has(d) && onlyFetches(d));
}

/**
 * Packages a fetch stage installs to download, check and unpack (`apk add curl`, `apt-get install
 * -y ca-certificates wget xz-utils`): anything else (a compiler, a library) is a build.
 */
const FETCH_TOOL_PACKAGE =
  /^(?:curl|wget|ca-certificates|unzip|zip|tar|gzip|xz|xz-utils|bzip2|zstd|p7zip(?:-full)?|gnupg2?|gpg|dirmngr|gpgv|jq|yq|file|coreutils|openssl|skopeo|git|git-lfs|aria2|rsync|binutils|busybox|bash)$/;

/** True unless the command is a package install of something other than download and unpack tools. */
function installsOnlyFetchTools(command: ShellCommand): boolean {
  const pkg = systemPackageCommand(command);
  if (pkg === null || pkg.action !== "install") return true;
  return pkg.packages.every((p) => FETCH_TOOL_PACKAGE.test(p.value.replace(/[=:<>~].*$/, "")));
}

/** Package managers, in a script: what they install comes from the base's release. */
const PACKAGE_INSTALL = /^(?:apt-get|apt|apk|yum|dnf|microdnf|zypper|dpkg|rpm)$/;
/** Compilers and build drivers, in a script: what they build depends on the base's toolchain. */
const COMPILERS = /^(?:gcc|g\+\+|cc|c\+\+|clang|clang\+\+|cmake|ninja|meson|configure|rustc|javac|mvn|gradle|dotnet)$/;

/**
 * True when a shell script's commands download (curl, wget) and compile, build or install nothing
 * (no compiler, no `make`, no language or system package install): what it leaves behind is what
 * it fetched, whichever release of its base ran it.
 */
function scriptOnlyFetches(script: string): boolean {
  const commands = simpleCommands(script);
  const program = (words: string[]) =>
    words
      .find((w) => !/^\w+=/.test(w) && !/^(?:exec|then|else|do|sudo|!|\{|\()$/.test(w))
      ?.split("/")
      .pop() ?? "";
  if (!commands.some((words) => URL_DOWNLOADERS.has(program(words)))) return false;
  return !commands.some((words) => {
    const name = program(words);
    return isBuildingStep(words) || COMPILERS.test(name) || PACKAGE_INSTALL.test(name);
  });
}

/**
 * Commands that only fetch, move or mark files (capabilities, owners) and install the tools to do
 * so: a RUN made of them leaves collected files what they were, whatever the base's release.
 */
const FILE_COMMANDS = new Set([...FETCH_COMMANDS, ...FILE_ARRANGING_PROGRAMS, "setcap"]);

/**
 * Folders a base image already holds: a `COPY --from` of one takes the base's files with the
 * collected ones. A folder of the stage's own (`/usr/local/pgsql`) holds only what it collected.
 */
const BASE_FOLDERS = new Set([
  "/",
  "/bin",
  "/sbin",
  "/lib",
  "/lib64",
  "/usr",
  "/usr/bin",
  "/usr/sbin",
  "/usr/lib",
  "/usr/lib64",
  "/usr/share",
  "/usr/local",
  "/usr/local/bin",
  "/usr/local/sbin",
  "/usr/local/lib",
  "/usr/local/share",
  "/etc",
  "/var",
  "/var/lib",
  "/opt",
  "/home",
  "/root",
  "/srv",
  "/tmp",
  "/run",
]);

/**
 * A throwaway stage that only collects files (COPY/ADD from the context or other stages; a RUN
 * only to mark or move them, `setcap` on a copied binary) and is used only as a `COPY --from`
 * source of what it collected, or of a folder of its own that holds it (`/usr/local/pgsql` for
 * `/usr/local/pgsql/pgsql-13/`): the later stages take the files it was given, never anything of
 * its base image, so which release the tag names changes nothing that ships. A stage copied from
 * for paths its base provides (`/usr/local/bin/node`, `/etc/ssl/certs`), one that builds, or one
 * built upon by another stage, is not one.
 */
export function isCollectOnlyStage(model: DockerfileModel, stage: Stage): boolean {
  if (finalImageStages(model).has(stage)) return false;
  if (stage.instructions.some((i) => i.keyword === "ONBUILD")) return false;
  const runs = stage.instructions.filter((i) => i.keyword === "RUN");
  if (!runs.every((i) => runsOnly(i, FILE_COMMANDS))) return false;
  const collected: string[] = [];
  // `FROM busybox AS temp` + `COPY cloudprober-linux-* ./`: a distribution image starts in `/`.
  const startsAtRoot = stage.base.kind === "image" && startsInRoot(rootImageName(stage));
  for (const instruction of stage.instructions) {
    const paths = copyPaths(instruction);
    if (paths === null) continue;
    const workdir = workdirOf(model, stage, instruction) ?? (startsAtRoot && !hasWorkdirBefore(stage, instruction) ? "/" : null);
    const dest = unquoteWord(paths.dest.value);
    if (!dest.startsWith("/") && workdir === null) return false;
    collected.push(joinPath(workdir ?? "/", dest));
  }
  if (collected.length === 0) return false;
  const uses = buildReferences(model).filter((r) => r.target === stage);
  if (uses.length === 0) return false;
  return uses.every((use) => {
    if (use.kind !== "copy") return false;
    const sources = copyPaths(use.instruction)?.sources ?? [];
    return (
      sources.length > 0 &&
      sources.every((s) => {
        const source = joinPath("/", s.value);
        return collected.some((dir) => isSameOrParentPath(dir, source) || (!BASE_FOLDERS.has(source) && isSameOrParentPath(source, dir)));
      })
    );
  });
}

/** True when a WORKDIR of `stage` comes before `instruction`. */
function hasWorkdirBefore(stage: Stage, instruction: Instruction): boolean {
  return stage.instructions.some((i) => i.keyword === "WORKDIR" && i.ordinal < instruction.ordinal);
}

/** Web servers whose images serve a folder as they come: nginx (and its unprivileged build), Apache httpd, Caddy. */
// static-web-server serves its `/public` folder by default, configured by environment variables
// (held-out BK, troylusty.com: its `latest` judged debatable, as nginx's would not be reported).
const WEB_SERVER_IMAGES = new Set([
  "library/nginx",
  "nginxinc/nginx-unprivileged",
  "library/httpd",
  "library/caddy",
  "joseluisq/static-web-server",
  "ghcr.io/static-web-server/static-web-server",
]);
/** The programs those images start. */
const WEB_SERVER_PROGRAMS = new Set(["nginx", "httpd-foreground", "httpd", "caddy", "static-web-server"]);

/**
 * True when the final stage is a web server image that serves the files and config it is given:
 * COPY/ADD of content and config, at most a RUN that sets owners or modes, and the image's own
 * start command (none written, or the server itself: `CMD ["nginx", "-g", "daemon off;"]`). The
 * server's release line (`nginx:stable-alpine`, `nginx:alpine-slim`) then decides nothing the
 * project wrote depends on, and following it brings the server's security fixes: a custom start
 * script, packages installed or config rewritten at start tie the image to its base, and judge it.
 */
export function isStaticFileServer(model: DockerfileModel, stage: Stage, ref: ImageReference): boolean {
  if (stage !== model.finalStage || stage.base.kind !== "image") return false;
  if (!WEB_SERVER_IMAGES.has(hubName(ref))) return false;
  const command = startCommand(model);
  if (command !== null && !WEB_SERVER_PROGRAMS.has(baseName(command[0] ?? ""))) return false;
  if (!stage.instructions.some((i) => i.keyword === "COPY" || i.keyword === "ADD")) return false;
  return stage.instructions.every((i) => i.keyword !== "RUN" || onlyArrangesFiles(i));
}

/**
 * `${JITSI_REPO}/base:${BASE_TAG}`: the registry and namespace are a build argument, the image name
 * is written, and the tag is a build argument too. A project parameterises the registry of images
 * it pushes itself (a fork or a local build pushes elsewhere), and passes the tag of the one it
 * built in the same run; a third-party image is named outright.
 */
const PARAMETERISED_OWN_IMAGE = /^\$(?:\{\w+\}|\w+)\/[a-z0-9][a-z0-9._/-]*:\$(?:\{\w+\}[\w.-]*|\w+)$/;

/** True for a FROM written as {@link PARAMETERISED_OWN_IMAGE} that does not resolve to an official image. */
export function isParameterisedOwnImage(written: string, ref: ImageReference): boolean {
  return !ref.isOfficial && PARAMETERISED_OWN_IMAGE.test(written);
}

/** The source repository a Dockerfile's image declares: `LABEL org.opencontainers.image.source=https://github.com/<owner>/<repo>`. */
const SOURCE_LABEL = /^["']?org\.opencontainers\.image\.source["']?=["']?(?:https?:\/\/|git@)[^/:]+[/:]([A-Za-z0-9_.-]+)\/([A-Za-z0-9_.-]+)/;

/**
 * True when the image belongs to the project that builds this Dockerfile: its namespace is the
 * owner of the source repository the file's OCI label names (`restic/builder` in a file labelled
 * `https://github.com/restic/restic`), or its last name is that repository's name (`ghcr.io/acme/tools`
 * in a file labelled `https://github.com/acme-org/tools`: the project publishes under another
 * account of its own). The project publishes that image itself, usually from the same CI run, and
 * follows its moving tag in lockstep with its own releases.
 */
export function isProjectOwnImage(model: DockerfileModel, ref: ImageReference): boolean {
  const parts = ref.repository.toLowerCase().split("/");
  if (ref.isOfficial || parts.length < 2) return false;
  if (isBuiltByProjectCi(model, ref)) return true;
  return model.instructions.some(
    (i) =>
      i.keyword === "LABEL" &&
      i.args.some((a) => {
        const source = SOURCE_LABEL.exec(a.value);
        if (!source) return false;
        const repository = source[2].replace(/\.git$/, "").toLowerCase();
        return source[1].toLowerCase() === parts[0] || repository === parts[parts.length - 1];
      }),
  );
}

/**
 * True when the project's CI builds and tags the image: from another Dockerfile of the repository
 * (BuildContextFacts.projectImages: `wger/base` where a workflow builds `extras/docker/base/Dockerfile`
 * and tags it `${{ vars.REGISTRY_REPO }}/base:latest`), or from this very Dockerfile
 * (BuildContextFacts.publishedImages: a stage `FROM ghcr.io/acme/db-17` carrying the last release's
 * files into the next, where CI tags this file's builds `ghcr.io/acme/db-${{ matrix.pg }}`). A
 * namespace CI sets is the project's own account, so only the image's last name has to match then;
 * a name CI ends with an expression (`ghcr.io/acme/db-*`) matches any rest of that name.
 */
function isBuiltByProjectCi(model: DockerfileModel, ref: ImageReference): boolean {
  const full = `${ref.registry}/${ref.repository}`.toLowerCase();
  const familiar = ref.familiarName.toLowerCase();
  const name = ref.repository.split("/").pop()!.toLowerCase();
  const images = [...(model.context.projectImages ?? []).flatMap((facts) => facts.images), ...(model.context.publishedImages ?? [])];
  return images.some((image) => {
    const written = image.toLowerCase();
    if (written === familiar || written === full || written === `*/${name}`) return true;
    // `ghcr.io/acme/db-*`: the written start of the last name, then any rest of that name.
    return written.endsWith("*") && [familiar, full].some((n) => startsNameWith(n, written.slice(0, -1)));
  });
}

/** True when `image` is `prefix` followed by the rest of its last name (no further `/`). */
function startsNameWith(image: string, prefix: string): boolean {
  return image.startsWith(prefix) && !image.slice(prefix.length).includes("/");
}
