// Daemons that must start as root and leave root themselves, as their own documentation says: a
// login server switches to the user who logs in, a DNS resolver binds port 53 and chroots before it
// drops to its own user. An image whose main process is one of them starts as root by design, and a
// USER line would stop the daemon from binding, chrooting or switching users.

import { baseName } from "./copy-paths";

/**
 * How a daemon leaves root: by default (sshd's privilege separation, unbound's compiled-in
 * `username`), unless a config line turns that off (`username: ""`); or only when told, by the
 * config directive that names its user (haproxy's `user haproxy`), which a config the image uses
 * must then set to a non-root user.
 */
type Drop = { byDefault: true; unless: RegExp | null } | { byDefault: false; directive: RegExp };

const always = (unless: RegExp | null = null): Drop => ({ byDefault: true, unless });
const when = (directive: RegExp): Drop => ({ byDefault: false, directive });
/** unbound's and nsd's way to stay root: an empty `username:`. */
const EMPTY_USERNAME = /^\s*username\s*:\s*(?:""|'')/m;
/** `setuid = pdns`, `setuid=stunnel4`: a non-root user. */
const SETUID_DIRECTIVE = /^\s*setuid\s*=\s*(?!root\b|0\b)\w/m;

/**
 * The fact table, by program name. Each daemon starts as root to bind a low port, chroot or serve
 * several users, then runs as another user:
 * - sshd: the listener stays root to switch to each user who logs in (pre-auth work runs as `sshd`);
 * - unbound, nsd: bind 53 and chroot, then switch to `username:` (compiled-in default `unbound`, `nsd`);
 * - dnsmasq: binds 53/67, then switches to `user=` (default `nobody`);
 * - postfix (`postfix start-fg`, `master`), dovecot, exim: a root master, services as their own users;
 * - vsftpd, proftpd, pure-ftpd, smbd: file servers that serve each client as the user who logged in;
 * - squid, varnishd, cupsd, chronyd: drop to `cache_effective_user`, `vcache`, `lp`, `chrony` by default;
 * - haproxy, lighttpd, tor, pdns_server, pdns_recursor, stunnel: drop only to the user their config names.
 */
const DAEMONS = new Map<string, Drop>([
  ["sshd", always()],
  ["unbound", always(EMPTY_USERNAME)],
  ["nsd", always(EMPTY_USERNAME)],
  ["dnsmasq", always(/^\s*user\s*=\s*root\s*$/m)],
  ["postfix", always()],
  ["master", always()],
  ["dovecot", always()],
  ["exim", always()],
  ["exim4", always()],
  ["vsftpd", always()],
  ["proftpd", always()],
  ["pure-ftpd", always()],
  ["smbd", always()],
  ["squid", always(/^\s*cache_effective_user\s+root\b/m)],
  ["varnishd", always()],
  ["cupsd", always()],
  ["chronyd", always()],
  ["haproxy", when(/^\s*(?:user|uid)\s+(?!root\b|0\b)["']?\w/m)],
  ["lighttpd", when(/^\s*server\.username\s*=\s*["'](?!root["'])\w/m)],
  ["tor", when(/^\s*User\s+(?!root\b)\w/m)],
  ["pdns_server", when(SETUID_DIRECTIVE)],
  ["pdns_recursor", when(SETUID_DIRECTIVE)],
  ["stunnel", when(SETUID_DIRECTIVE)],
]);

/**
 * True when `words` (a command: program, then arguments) starts a daemon that leaves root itself: by default, unless a
 * file of `files` (configs and entry scripts the image uses) turns that off; or, for a daemon that
 * drops only when told, when one of them names its non-root user. `postfix` counts only as
 * `postfix start-fg`/`start` (`postfix check` is a one-off), `master` only as postfix's master.
 */
export function isSelfDroppingDaemon(words: readonly string[], files: readonly string[]): boolean {
  const program = baseName(words[0] ?? "");
  const drop = DAEMONS.get(program);
  if (drop === undefined) return false;
  if (program === "postfix" && !words.slice(1).some((w) => w === "start-fg" || w === "start")) return false;
  if (program === "master" && !words[0].includes("postfix")) return false;
  if (drop.byDefault) return drop.unless === null || !files.some((text) => (drop.unless as RegExp).test(text));
  return files.some((text) => drop.directive.test(text));
}
