// The /bin/sh an image runs shell-form CMD and ENTRYPOINT with, where it matters for signals:
// BusyBox ash (Alpine, busybox) execs the last command of a `sh -c` string, and bash (the /bin/sh of
// the Red Hat family, Amazon Linux, Arch, and vendor images named after them) execs a `-c` string
// that is one simple command, so that command replaces the shell and receives SIGTERM itself.
// Debian's and Ubuntu's dash forks it and stays PID 1, a lone simple command too (bookworm's 0.5.12:
// `dash -c 'cat /proc/$$/comm'` prints `dash`, bash prints `cat`). Dash also has no
// `set -o pipefail` (0.5.12 in bookworm, trixie and noble): there a pipe's failure is caught only
// by running the RUN with bash.

import { inheritedShell } from "./inherited-shell";
import { shellProgramAt } from "../model/run-shell";
import { perStageAlone } from "../model/stage-timeline";
import type { Instruction, Stage } from "../model/types";
import { rootImageOf } from "./base-image";
import type { ImageReference } from "./reference";
import { DEBIAN_CODENAMES, UBUNTU_CODENAMES } from "./tags";

/** An `alpine` word in a name or tag (`node:22-alpine3.20`, `azul/zulu-openjdk-alpine`): built on Alpine. */
const ALPINE_WORD = /(?:^|[-.])alpine(?:$|[-.\d])/;

/**
 * Distributions whose /bin/sh is bash, as a name (`quay.io/centos/centos`, `redhat/ubi9`,
 * `ubi9/ubi-minimal`, `amazonlinux`) or a tag word (`eclipse-temurin:21-ubi9-minimal`,
 * `eclipse-temurin:17-centos7`, `amazoncorretto:21-al2023`).
 */
const BASH_SH_NAME = /^(?:centos|fedora|rockylinux|almalinux|oraclelinux|amazonlinux|archlinux|rhel\d*|ubi\d*(?:-minimal|-init)?)$/;
const BASH_SH_WORD = /(?:^|[-.])(?:centos\d*|fedora\d*|rockylinux\d*|almalinux\d*|oraclelinux\d*|archlinux|ubi\d+(?:-minimal)?|al2|al2023)(?:$|[-.])/;

/**
 * A distribution's word in a vendor image's name (`leafo/lapis-archlinux`, `acme/app-centos7`,
 * `ci-fedora`): the image is built on it, as an `alpine` word says for Alpine. Only the full
 * distribution names: short words (`al2`, `ubi9`) are too easily part of an unrelated name.
 */
const BASH_SH_NAME_WORD = /(?:^|[-.])(?:centos|fedora|rockylinux|almalinux|oraclelinux|archlinux)(?:$|[-.\d])/;

/**
 * True when the image's /bin/sh is BusyBox ash: `alpine`, `busybox`, `wolfi-base`, and any image
 * whose tag or repository name says it is built on Alpine (`*-alpine*` tags, `zulu-openjdk-alpine`).
 */
export function shellExecsLastCommand(ref: ImageReference): boolean {
  const name = ref.familiarName.split("/").pop() ?? "";
  // Wolfi's base image (`cgr.dev/chainguard/wolfi-base`) ships BusyBox as /bin/sh, as Alpine does.
  if (name === "alpine" || name === "busybox" || name === "wolfi-base" || ALPINE_WORD.test(name)) return true;
  return ref.tag !== null && ALPINE_WORD.test(ref.tag);
}

/**
 * True when the image's /bin/sh is bash, which execs the command of a `-c` string that is a single
 * simple command (no redirection, no `!`, no list or pipeline) instead of forking it.
 */
export function shellExecsSingleCommand(ref: ImageReference): boolean {
  const name = ref.familiarName.split("/").pop() ?? "";
  if (BASH_SH_NAME.test(name)) return true;
  if (!ALPINE_WORD.test(name) && BASH_SH_NAME_WORD.test(name)) return true;
  return ref.tag !== null && !ALPINE_WORD.test(ref.tag) && BASH_SH_WORD.test(ref.tag);
}

/**
 * Images whose /bin/sh is Debian's dash in every tag that is not an Alpine one: Debian, Ubuntu and
 * the official images built on them (their default tags are Debian or Ubuntu releases).
 */
const DASH_SH_NAME =
  /^(?:debian|ubuntu|buildpack-deps|node|python|golang|ruby|php|perl|rust|openjdk|eclipse-temurin|maven|gradle|haskell|elixir|erlang|r-base|julia|gcc|swift|clojure|pypy)$/;

/**
 * The image's /bin/sh, where its name or tag says: BusyBox `ash` (Alpine, busybox, Wolfi), `bash`
 * (the Red Hat family, Amazon Linux, Arch), `dash` (no `set -o pipefail`: Debian, Ubuntu, the
 * official images above in their non-Alpine tags, any tag naming a Debian or Ubuntu release), or
 * null where it is not known (a vendor image that does not say).
 */
export function defaultShell(ref: ImageReference): "ash" | "bash" | "dash" | null {
  if (shellExecsLastCommand(ref)) return "ash";
  if (shellExecsSingleCommand(ref)) return "bash";
  const name = ref.familiarName.split("/").pop() ?? "";
  if (ref.isOfficial && DASH_SH_NAME.test(name)) return "dash";
  const words = (ref.tag ?? "").toLowerCase().split(/[-.]/);
  return words.some((w) => DEBIAN_CODENAMES[w] !== undefined || UBUNTU_CODENAMES[w] !== undefined) ? "dash" : null;
}

/**
 * The shell that runs a shell-form RUN of `stage`: the program of the SHELL in effect when it is
 * bash, dash or BusyBox ash, else (no SHELL, or SHELL running /bin/sh) the default shell of the
 * image the stage's lineage starts from; null where neither says (another shell, a vendor image).
 */
export function runShell(stage: Stage, run: Instruction): "ash" | "bash" | "dash" | null {
  const program = shellProgramAt(stage, run);
  if (program !== null && !/^(?:\/usr)?(?:\/bin\/)?sh$/.test(program)) {
    const name = program.replace(/^.*\//, "");
    return name === "bash" || name === "dash" ? name : name === "ash" || name === "busybox" ? "ash" : null;
  }
  return imageShellOf(stage);
}

/** The /bin/sh of the image a stage's lineage starts from, read once per lineage: a rule asks at every RUN. */
function imageShellOf(stage: Stage): "ash" | "bash" | "dash" | null {
  return imageShells(stage).shell;
}

const imageShells = perStageAlone((stage, base: { shell: "ash" | "bash" | "dash" | null } | null) => {
  if (base !== null) return base;
  const image = rootImageOf(stage).image;
  if (image === null) return { shell: null };
  // A SHELL the base image's own Dockerfile set (CircleCI's `cimg/*`: bash) runs RUN on images built on it.
  const inherited = inheritedShell(image)?.[0]?.replace(/^.*\//, "");
  return { shell: inherited === "bash" || inherited === "dash" ? inherited : inherited === "ash" ? "ash" : defaultShell(image) };
});
