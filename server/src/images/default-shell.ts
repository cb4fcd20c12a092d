// The /bin/sh an image runs shell-form CMD with, where it matters for signals: BusyBox ash (Alpine,
// busybox) execs the last command of a `sh -c` string, so that command replaces the shell and
// receives SIGTERM itself; dash and bash in Debian-based images fork it and leave the shell as PID 1.

import type { ImageReference } from "./reference";

/** An `alpine` word in a name or tag (`node:22-alpine3.20`, `azul/zulu-openjdk-alpine`): built on Alpine. */
const ALPINE_WORD = /(?:^|[-.])alpine(?:$|[-.\d])/;

/**
 * True when the image's /bin/sh is BusyBox ash: `alpine`, `busybox`, and any image whose tag or
 * repository name says it is built on Alpine (`*-alpine*` tags, `zulu-openjdk-alpine`).
 */
export function shellExecsLastCommand(ref: ImageReference): boolean {
  const name = ref.familiarName.split("/").pop() ?? "";
  if (name === "alpine" || name === "busybox" || ALPINE_WORD.test(name)) return true;
  return ref.tag !== null && ALPINE_WORD.test(ref.tag);
}
