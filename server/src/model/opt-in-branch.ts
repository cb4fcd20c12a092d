// Opt-in branches: `RUN if [ ${INSTALL_XDEBUG} = true ]; then ...; fi` under `ARG INSTALL_XDEBUG=false`.
// A plain build skips them; they describe a variant someone asks for with --build-arg, so
// advice that is about the default image's size does not apply to what they install.

import { environmentAt } from "./environment";
import type { ShellCommand } from "./shell";
import type { DockerfileModel, Instruction } from "./types";

const TEST_PROGRAMS = new Set(["[", "[[", "test"]);
const ON = /^(?:true|yes|on|1)$/i;
const OFF = /^(?:false|no|off|0)?$/i;
const VARIABLE = /^\$\{?([A-Za-z_][A-Za-z0-9_]*)\}?$/;

/** The switch variable of `[ ${X} = true ]` (either side, `=` or `==`), or null for any other test. */
function switchVariable(test: ShellCommand): string | null {
  const words = test.args.map((w) => w.value).filter((w) => w !== "]" && w !== "]]");
  if (words.length !== 3 || (words[1] !== "=" && words[1] !== "==")) return null;
  const [left, , right] = words;
  const variable = VARIABLE.exec(left)?.[1] ?? VARIABLE.exec(right)?.[1];
  const literal = VARIABLE.test(left) ? right : left;
  return variable !== undefined && ON.test(literal) ? variable : null;
}

/**
 * The commands of `run` that only run when a build argument switched off by default is turned on:
 * the `then` branch of a RUN that starts with `if [ ${X} = true ]`, where X defaults to false or
 * empty. Commands after an `else`/`elif`, and after the `fi`, run in a plain build and are not included.
 */
export function optInCommands(model: DockerfileModel, run: Instruction): Set<ShellCommand> {
  const [first, ...rest] = run.commands;
  if (first === undefined || run.stage === null || first.words[0]?.value !== "if" || !TEST_PROGRAMS.has(first.name)) return new Set();
  const name = switchVariable(first);
  if (name === null) return new Set();
  const env = environmentAt(model, run.stage, run);
  if (!env.has(name) || !OFF.test(env.get(name) ?? "")) return new Set();
  const guarded = new Set<ShellCommand>();
  for (const command of rest) {
    const opener = command.words[0]?.value;
    if (command.depth === 0 || opener === "else" || opener === "elif") break;
    guarded.add(command);
  }
  return guarded;
}
