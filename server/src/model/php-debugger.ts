// Whether the final image installs a PHP debugger or coverage driver (Xdebug, PCOV) on every
// build. Those extensions slow every request and serve step debugging and test coverage: an image
// that always has them is a development image (Laravel Sail's, a project's local PHP container),
// even where the compose file that bind-mounts the source is out of the linter's reach.

import { finalImageStages, isInFinalImage } from "./final-image";
import { optInCommands } from "./opt-in-branch";
import { allRunInstructions } from "./run-instructions";
import type { DockerfileModel } from "./types";

/** Programs that install or enable a PHP extension. */
const INSTALLERS = new Set(["apt-get", "apt", "apk", "dnf", "yum", "microdnf", "pecl", "install-php-extensions", "docker-php-ext-enable"]);
/** `xdebug`, `pcov-1.0.11`, `php8.4-xdebug`, `php83-pecl-xdebug`, `xdebug@3.4`. */
const DEBUGGER = /^(?:php[\d.]*-(?:pecl-)?)?(?:xdebug|pcov)(?:[-@=:][\w.^-]*)?$/i;

/** True when a RUN of the final image, outside an opt-in branch, installs or enables Xdebug or PCOV. */
export function installsPhpDebugger(model: DockerfileModel): boolean {
  const finalStages = finalImageStages(model);
  for (const run of allRunInstructions(model)) {
    if (!isInFinalImage(model, run, finalStages)) continue;
    const optIn = optInCommands(model, run);
    for (const command of run.commands) {
      if (optIn.has(command) || command.depth > 0 || !INSTALLERS.has(command.name)) continue;
      if (command.args.some((a) => DEBUGGER.test(a.value))) return true;
    }
  }
  return false;
}
