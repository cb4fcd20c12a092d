// The /bin/sh an image runs shell-form CMD and ENTRYPOINT with, where it matters for signals:
// BusyBox ash (Alpine, busybox) execs the last command of a `sh -c` string, and bash (the /bin/sh of
// the Red Hat family, Amazon Linux, Arch) execs a `-c` string that is one simple command, so that
// command replaces the shell and receives SIGTERM itself; Debian's and Ubuntu's dash forks it and
// stays PID 1.

import type { ImageReference } from "./reference";

/** An `alpine` word in a name or tag (`node:22-alpine3.20`, `azul/zulu-openjdk-alpine`): built on Alpine. */
const ALPINE_WORD = /(?:^|[-.])alpine(?:$|[-.\d])/;

/**
 * Distributions whose /bin/sh is bash, as a name (`quay.io/centos/centos`, `redhat/ubi9`,
 * `ubi9/ubi-minimal`, `amazonlinux`) or a tag word (`eclipse-temurin:21-ubi9-minimal`,
 * `eclipse-temurin:17-centos7`, `amazoncorretto:21-al2023`).
 */
const BASH_SH_NAME = /^(?:centos|fedora|rockylinux|almalinux|oraclelinux|amazonlinux|archlinux|rhel\d*|ubi\d*(?:-minimal|-init)?)$/;
const BASH_SH_WORD = /(?:^|[-.])(?:centos\d*|fedora\d*|rockylinux\d*|almalinux\d*|oraclelinux\d*|ubi\d+(?:-minimal)?|al2|al2023)(?:$|[-.])/;

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
  return ref.tag !== null && !ALPINE_WORD.test(ref.tag) && BASH_SH_WORD.test(ref.tag);
}
