// A packaged daemon started through its own control program (`<name>ctl start`) or through a
// program of its package's own folder (`/usr/lib/frr/watchfrr`, `/usr/libexec/<name>/...`), as its
// init script would start it: that program runs as root and the daemon switches to the account its
// package made and its configuration names. The file shows that design when it hands the daemon's
// runtime folder (`/run/<name>d`, where it writes its pid file and socket) to that account: the
// daemon, not the container's user, writes there. A USER line would stop the switch (and, where
// one control program starts servers under several accounts, pick one of them).

import { baseName, unquoteWord } from "./copy-paths";
import { withoutInitWrapper, startCommand } from "./stage-purpose";
import type { DockerfileModel, Stage } from "./types";

/** A control program's name: the daemon's name, then `ctl` (`openxpkictl`, `nginx-ctl`); the daemon's name is captured. */
const CONTROL_PROGRAM = /^([a-z][a-z0-9]{2,}?)[-_]?ctl$/;
/** A program in a package's private folder (`/usr/lib/frr/docker-start`), with the package's name captured. */
const PACKAGE_PROGRAM = /^\/usr\/(?:lib|libexec)\/([a-z][a-z0-9_-]{2,})\/[^/]+$/;
/** A runtime folder: `/run/<name>` or `/var/run/<name>`, with the folder's name captured. */
const RUNTIME_FOLDER = /^\/(?:var\/)?run\/([^/]+)\/?$/;

/**
 * The daemon's name when the start command is a control program told to start it (`openxpkictl
 * start server --no-detach`) or a program of the package's own folder (`/usr/lib/frr/docker-start`,
 * which runs watchfrr); null otherwise (`pg_ctl status`, a program with no `ctl` suffix).
 */
function controlledDaemon(command: readonly string[]): string | null {
  const words = withoutInitWrapper(command);
  const packaged = PACKAGE_PROGRAM.exec(words[0] ?? "")?.[1];
  if (packaged !== undefined) return packaged;
  const daemon = CONTROL_PROGRAM.exec(baseName(words[0] ?? ""))?.[1];
  if (daemon === undefined) return null;
  return words.slice(1).some((w) => w === "start") ? daemon : null;
}

/**
 * The accounts a RUN of `chain` hands a runtime folder to (`chown openxpki /run/openxpkid`,
 * `install -d -o app /var/run/app`), each with the folder's name.
 */
function runtimeFolderOwners(chain: Stage[]): { account: string; folder: string }[] {
  const owners: { account: string; folder: string }[] = [];
  for (const stage of chain) {
    for (const instruction of stage.instructions) {
      for (const command of instruction.commands) {
        const words = command.args.map((w) => unquoteWord(w.value));
        let account: string | undefined;
        let paths: string[] = [];
        if (command.name === "chown") {
          const operands = words.filter((w) => !w.startsWith("-"));
          account = operands[0];
          paths = operands.slice(1);
        } else if (command.name === "install") {
          const at = words.findIndex((w) => w === "-o" || w === "--owner");
          account = at === -1 ? words.find((w) => w.startsWith("--owner="))?.slice("--owner=".length) : words[at + 1];
          paths = words.filter((w) => w.startsWith("/"));
        }
        const name = account?.split(/[:.]/)[0];
        if (name === undefined || !/^[a-z_][a-z0-9_-]*$/.test(name) || name === "root") continue;
        for (const path of paths) {
          const folder = RUNTIME_FOLDER.exec(path)?.[1];
          if (folder !== undefined) owners.push({ account: name, folder });
        }
      }
    }
  }
  return owners;
}

/**
 * True when the image starts a daemon through its control program (`openxpkictl start server`) or
 * its package's own folder, and hands that daemon's runtime folder to the daemon's own account
 * (`chown openxpki /run/openxpkid`, `chown -R frr:frr /var/run/frr`): the account, the folder and
 * the program all carry the daemon's name. The daemon leaves root itself, for the account its
 * package created.
 */
export function startsDaemonThroughControl(model: DockerfileModel, chain: Stage[]): boolean {
  const command = startCommand(model);
  const daemon = command === null ? null : controlledDaemon(command);
  if (daemon === null) return false;
  return runtimeFolderOwners(chain).some(({ account, folder }) => account.startsWith(daemon) && folder.startsWith(daemon));
}
