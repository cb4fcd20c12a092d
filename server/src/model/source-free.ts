// Which shell commands run the same whether or not the project's sources are in the image:
// package managers, tool installs, settings and cache cleanup. A fix that moves `COPY . .` after
// a RUN relies on it.

import { dependencyInstall, systemPackageCommand } from "./commands";
import type { ShellCommand } from "./shell";

const SOURCE_FREE = new Set(["set", "true", "echo", "export", "corepack", "mkdir", "useradd", "adduser", "groupadd", "addgroup"]);
/** Places `rm` may clean without touching the project: caches and temporary files. */
const CACHE_PATH = /^(?:\/tmp|\/var\/(?:cache|lib\/apt|tmp)|(?:\/root|~|\$HOME|\$\{HOME\})\/\.[^/]+|\/usr\/local\/share\/\.cache)(?:\/|$)/;

/** True when `command` does not read or change the project's sources. */
export function isSourceFreeCommand(command: ShellCommand): boolean {
  if (SOURCE_FREE.has(command.name) || systemPackageCommand(command)) return true;
  // `rm -rf /root/.npm` is cleanup; `rm -rf tests` edits the sources.
  if (command.name === "rm") return command.args.every((a) => a.value.startsWith("-") || CACHE_PATH.test(a.value));
  const sub = command.args.find((a) => !a.value.startsWith("-"))?.value;
  if (sub === "config" || (sub === "cache" && command.name !== "go")) return true;
  // Global tool installs: `npm install -g pnpm`, `yarn global add @vue/cli`.
  if ((command.name === "npm" || command.name === "pnpm") && command.args.some((a) => a.value === "-g" || a.value === "--global")) return true;
  if (command.name === "yarn" && sub === "global") return true;
  const install = dependencyInstall(command);
  return install !== null && install.installsNamedPackages;
}
