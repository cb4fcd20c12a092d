// Work an image's start path does that only root can do: trusting a CA passed at run time
// (`update-ca-certificates`), creating or renumbering users from the ids the operator passes
// (`usermod -u "$PUID"`), handing volumes to a user (`chown -R app /data`), mounting, tuning the
// kernel, setting capabilities or firewall rules. Such an image starts as root on purpose: a USER
// line makes the entry script fail, so the remedy is a rework of the script, not one line.

import { startPathScripts } from "./start-path-scripts";
import type { DockerfileModel } from "./types";

/** Commands that fail without root (chown to another user included; chmod of one's own files does not). */
const ROOT_ONLY =
  /^(?:update-ca-certificates|update-ca-trust|usermod|groupmod|useradd|groupadd|adduser|addgroup|deluser|chown|mount|sysctl|setcap|iptables|ip6tables|nft|modprobe)$/;
/** Where a command starts in a shell line: its start, after `;`, `&&`, `||`, `!`, `(`, or a keyword. */
const COMMAND_START = /(?:^|[;&|!({]|\b(?:then|do|else|if|exec)\b)\s*([\w./-]+)/g;

const baseName = (word: string) => word.split("/").pop() ?? word;

/**
 * The first root-only command a start-path script (entry script and the scripts it runs, as the
 * host read them) runs, or null. `command -v update-ca-certificates` and `which chown` only look
 * the command up; comments and messages are not commands.
 */
export function startPathRootWork(model: DockerfileModel): string | null {
  for (const [, text] of startPathScripts(model)) {
    for (const raw of text.split(/\r?\n/)) {
      const line = raw.replace(/(?:^|\s)#.*$/, "").replace(/"[^"]*"|'[^']*'/g, '""');
      for (const match of line.matchAll(COMMAND_START)) {
        const word = baseName(match[1]);
        if (!ROOT_ONLY.test(word)) continue;
        const before = line.slice(0, match.index + match[0].length - match[1].length);
        if (/\b(?:command\s+-v|which|type|hash)\s*$/.test(before)) continue;
        return word;
      }
    }
  }
  return null;
}
