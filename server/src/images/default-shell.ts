// The /bin/sh an image runs shell-form CMD with, where it matters for signals: BusyBox ash (Alpine,
// busybox) execs the last command of a `sh -c` string, so that command replaces the shell and
// receives SIGTERM itself; dash and bash in Debian-based images fork it and leave the shell as PID 1.

import type { ImageReference } from "./reference";

/** True when the image's /bin/sh is BusyBox ash: `alpine`, `busybox`, and `*-alpine*` tags of any image. */
export function shellExecsLastCommand(ref: ImageReference): boolean {
  const name = ref.familiarName.split("/").pop() ?? "";
  if (name === "alpine" || name === "busybox") return true;
  return ref.tag !== null && /(?:^|[-.])alpine(?:$|[-.\d])/.test(ref.tag);
}
