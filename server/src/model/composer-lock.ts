// The PHP the packages a composer.lock holds accept: `composer install` installs exactly the locked
// releases and refuses a PHP that one of them excludes (`ocramius/package-versions 2.7.0` requires
// `~8.1.0 || ~8.2.0`), so a base-image remedy must stay within every one of them. The lock is
// often larger than the host reads (a clamped head): it is scanned, not parsed, and a package past
// the cut caps nothing, which can only leave the remedy as it was.

import type { LanguagePin } from "./language-pins";
import { both, composerRange, pin } from "./language-pins";
import { runCommands } from "./run-commands";
import type { DockerfileModel } from "./types";

/** `"name": "vendor/pkg"` and the `"php"` constraint of its `"require"` block, in lock order. */
function lockedPhpRequirements(lock: string): { name: string; constraint: string }[] {
  // Only the packages installed with `--no-dev` and without: `packages-dev` follows `packages`.
  const end = lock.search(/"packages-dev"\s*:/);
  const text = end >= 0 ? lock.slice(0, end) : lock;
  const out: { name: string; constraint: string }[] = [];
  let name = "";
  const tokens = /"name"\s*:\s*"([^"]+)"|"require"\s*:\s*\{([^}]*)\}/g;
  for (let m = tokens.exec(text); m !== null; m = tokens.exec(text)) {
    if (m[1] !== undefined) name = m[1];
    else {
      const php = /"php"\s*:\s*"([^"]+)"/.exec(m[2])?.[1];
      if (php !== undefined) out.push({ name, constraint: php });
    }
  }
  return out;
}

/**
 * The PHP every package of the root composer.lock accepts, as one pin on `composer.lock`
 * (`written` names the packages that cap it), or null when there is no lock, none has a ceiling,
 * or the Dockerfile installs with `--ignore-platform-reqs` (or `--ignore-platform-req=php`), which
 * lets composer install the lock on any PHP.
 */
export function composerLockPhpPin(model: DockerfileModel): LanguagePin | null {
  const lock = model.context.files?.["composer.lock"];
  if (lock === undefined || lock.trim() === "") return null;
  const ignored = runCommands(model.stages).some(
    ({ command }) => command.name === "composer" && command.args.some((a) => /^--ignore-platform-reqs?$|^--ignore-platform-req=php(?:\+|\*)?$/.test(a.value)),
  );
  if (ignored) return null;
  let found: LanguagePin | null = null;
  for (const { name, constraint } of lockedPhpRequirements(lock)) {
    const each = pin("composer.lock", composerRange(constraint));
    // A constraint without a ceiling (`>=7.2`) caps nothing; one not understood is skipped.
    if (each === null || each.accepts([9, 0])) continue;
    found = both(found, { ...each, written: `${name} ${constraint}` });
  }
  return found;
}
