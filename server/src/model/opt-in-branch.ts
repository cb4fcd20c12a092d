// Opt-in branches: `RUN if [ ${INSTALL_XDEBUG} = true ]; then ...; fi` under `ARG INSTALL_XDEBUG=false`,
// `RUN if [ "$INSTALL_DEBUG" ]; then ...; fi` under `ARG INSTALL_DEBUG`.
// A plain build skips them; they describe a variant someone asks for with --build-arg, so
// advice that is about the default image's size does not apply to what they install.

import { environmentAt } from "./environment";
import type { ShellCommand } from "./shell";
import type { DockerfileModel, Instruction } from "./types";

const TEST_PROGRAMS = new Set(["[", "[[", "test"]);
const ON = /^(?:true|yes|on|1)$/i;
const OFF = /^(?:false|no|off|0)?$/i;
const VARIABLE = /^\$\{?([A-Za-z_][A-Za-z0-9_]*)\}?$/;

/**
 * The switch variable of `[ ${X} = true ]` (either side, `=` or `==`), or of a test that the
 * variable is set at all (`[ "$X" ]`, `[ -n "$X" ]`); null for any other test. `isSetTest` says
 * which: `false` turns the first off, only an empty value the second.
 */
function switchVariable(test: ShellCommand): { name: string; isSetTest: boolean } | null {
  const words = test.args.map((w) => w.value).filter((w) => w !== "]" && w !== "]]");
  const set = words.length === 1 ? words[0] : words.length === 2 && words[0] === "-n" ? words[1] : null;
  const setName = set === null ? undefined : VARIABLE.exec(set)?.[1];
  if (setName !== undefined) return { name: setName, isSetTest: true };
  if (words.length !== 3 || (words[1] !== "=" && words[1] !== "==")) return null;
  const [left, , right] = words;
  const variable = VARIABLE.exec(left)?.[1] ?? VARIABLE.exec(right)?.[1];
  const literal = VARIABLE.test(left) ? right : left;
  return variable !== undefined && ON.test(literal) ? { name: variable, isSetTest: false } : null;
}

/**
 * The commands of `run` that only run when a build argument switched off by default is turned on:
 * the `then` branch of a RUN that starts with `if [ ${X} = true ]` (after any `set -eux`), where X
 * defaults to false or empty, or with `if [ "$X" ]` / `if [ -n "$X" ]`, where X has no default; further tests joined by `&&` only narrow it. Commands after its own
 * `else`/`elif`, and after its `fi`, run in a plain build and are not included.
 */
export function optInCommands(model: DockerfileModel, run: Instruction): Set<ShellCommand> {
  const start = run.commands.findIndex((c) => c.name !== "set");
  const first = run.commands[start];
  if (first === undefined || run.stage === null || first.words[0]?.value !== "if" || !TEST_PROGRAMS.has(first.name)) return new Set();
  if (run.commands.slice(0, start).some((c) => c.depth !== 0)) return new Set();
  const test = switchVariable(first);
  if (test === null) return new Set();
  // A variant a publishing build asks for (qdrant's `--build-arg GPU=nvidia ... --push`) is an
  // image users pull, not an extra built on request: its commands are judged like the rest.
  if (model.context.buildArgs?.published?.includes(test.name) === true) return new Set();
  const env = environmentAt(model, run.stage, run);
  const value = env.get(test.name) ?? "";
  if (!env.has(test.name) || !(test.isSetTest ? value === "" : OFF.test(value))) return new Set();
  const rest = run.commands.slice(start + 1);
  const body = rest.findIndex((c) => c.words[0]?.value === "then");
  // `if [ ${X} = true ] || ...` runs in a plain build too.
  if (body === -1 || rest.slice(0, body).some((c) => c.joinedBy !== "&&")) return new Set();
  const guarded = new Set<ShellCommand>();
  for (const command of rest.slice(body)) {
    const opener = command.words[0]?.value;
    if (command.depth < first.depth || (command.depth === first.depth && (opener === "else" || opener === "elif"))) break;
    guarded.add(command);
  }
  return guarded;
}
