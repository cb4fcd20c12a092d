// How a package manager's command runs the project's package.json scripts: which script `npm run
// build`, `npm start` or `yarn dev` names, the pre and post hooks npm runs around it, and the
// commands of a script, each script visited once. What a start or an install runs through
// package.json is followed through here.

import { simpleCommands } from "./script-words";

/** The JavaScript package managers, whose `run` (and `start`, `test`) runs a script of the project's package.json. */
export const NODE_PACKAGE_MANAGERS: ReadonlySet<string> = new Set(["npm", "yarn", "pnpm", "bun"]);

/** Commands of the package managers that are not scripts, so `yarn install` runs no script named `install`. */
const MANAGER_COMMANDS = new Set(["install", "i", "ci", "add", "remove", "prune", "dedupe", "link", "config", "cache", "audit", "outdated", "why"]);

/**
 * The script a package manager (`manager`, a base name: npm, pnpm, yarn, bun) runs given the words
 * after it without options (`rest`): `run`'s or `run-script`'s name, `start` and `test`, or for the
 * managers other than npm a word that is none of their commands (`yarn dev`, `pnpm build`).
 */
export function packageScriptRun(manager: string, rest: readonly string[]): string | undefined {
  const sub = rest[0];
  if (sub === "run" || sub === "run-script") return rest[1];
  if (sub === "start" || sub === "test") return sub;
  return manager !== "npm" && sub !== undefined && !MANAGER_COMMANDS.has(sub) ? sub : undefined;
}

/** The scripts npm runs for script `name`, in order: its `pre` hook, itself, its `post` hook. */
export function withHooks(name: string): string[] {
  return [`pre${name}`, name, `post${name}`];
}

/**
 * True when a simple command (its words) of the script `name` of `scripts` passes `test`; false when
 * there is no such script or it was visited already (`seen`, which this adds to: scripts that run
 * each other end).
 */
export function someScriptCommand(
  scripts: Readonly<Record<string, string>>,
  name: string,
  seen: Set<string>,
  test: (words: readonly string[]) => boolean,
): boolean {
  const body = scripts[name];
  if (body === undefined || seen.has(name)) return false;
  seen.add(name);
  return simpleCommands(body).some(test);
}
