// Opt-in branches: `RUN if [ ${INSTALL_XDEBUG} = true ]; then ...; fi` under `ARG INSTALL_XDEBUG=false`,
// `RUN if [ "$INSTALL_DEBUG" ]; then ...; fi` under `ARG INSTALL_DEBUG`.
// A plain build skips them; they describe a variant someone asks for with --build-arg, so
// advice that is about the default image's size does not apply to what they install.

import { environmentViewAt } from "./environment";
import type { ShellCommand } from "./shell";
import type { DockerfileModel, Instruction } from "./types";

const TEST_PROGRAMS = new Set(["[", "[[", "test"]);
const ON = /^(?:true|yes|on|1)$/i;
const OFF = /^(?:false|no|off|0)?$/i;
const PLATFORM_ARG = /^(?:TARGET|BUILD)(?:PLATFORM|OS|ARCH|VARIANT)$/;
const VARIABLE = /^\$\{?([A-Za-z_][A-Za-z0-9_]*)\}?$/;

/**
 * The switch variable of `[ ${X} = true ]` (either side, `=`, `==` or `!=`, or the integer `-eq`
 * and `-ne`), or of a test that the variable is set at all (`[ "$X" ]`, `[ -n "$X" ]`); null for any
 * other test. `isSetTest` says which: only an empty value turns the second off; `literal` is the
 * value the first compares with and `negated` says the comparison is `!=` or `-ne`.
 */
function switchVariable(test: ShellCommand): SwitchTest | null {
  const words = test.args.map((w) => w.value).filter((w) => w !== "]" && w !== "]]");
  const set = words.length === 1 ? words[0] : words.length === 2 && words[0] === "-n" ? words[1] : null;
  const setName = set === null ? undefined : VARIABLE.exec(set)?.[1];
  if (setName !== undefined) return { name: setName, isSetTest: true, literal: "", negated: false, numeric: false };
  if (words.length !== 3) return null;
  const [left, operator, right] = words;
  const numeric = operator === "-eq" || operator === "-ne";
  if (!numeric && operator !== "=" && operator !== "==" && operator !== "!=") return null;
  const variable = VARIABLE.exec(left)?.[1] ?? VARIABLE.exec(right)?.[1];
  const literal = VARIABLE.test(left) ? right : left;
  // Only a plain word on the other side: `[ $A = $B ]` or `[ $A = "x$B" ]` cannot be decided here;
  // an integer for `-eq` (`[ "$editable" -eq 1 ]`, held-out BM, shuup: judged wrong).
  if (variable === undefined || !(numeric ? INTEGER : /^[\w.:/@+-]+$/).test(literal)) return null;
  return { name: variable, isSetTest: false, literal, negated: operator === "!=" || operator === "-ne", numeric };
}

interface SwitchTest {
  name: string;
  isSetTest: boolean;
  literal: string;
  negated: boolean;
  /** `-eq` / `-ne`: the value and the literal compare as integers. */
  numeric: boolean;
}

const INTEGER = /^-?\d+$/;

/**
 * Whether the test of {@link switchVariable} holds for the default value: the set test and a
 * comparison with an "on" word (`true`, `1`) are off for an empty or "off" value, as before; any
 * comparison holds exactly when the value is the literal. Null when it cannot be told.
 */
function holdsByDefault(test: SwitchTest, value: string): boolean | null {
  if (test.isSetTest) return value === "" ? false : null;
  // `[ "$X" -eq 1 ]` on a value that is not an integer is an error the shell treats as false;
  // only an integer default is decided.
  if (test.numeric) return INTEGER.test(value) ? (Number(value) === Number(test.literal)) !== test.negated : null;
  // An unresolved value (`$OTHER`) cannot be compared; an empty one (`ARG X` with no default) is
  // "off" only against an "on" word, since the callers that pass X at all may pass any value.
  if (value.includes("$") || (value === "" && !ON.test(test.literal))) return null;
  if (ON.test(test.literal) && !test.negated && OFF.test(value)) return false;
  return (value === test.literal) !== test.negated;
}

/**
 * The commands of `run` that only run when a build argument is set to other than its default:
 * the `then` branch of an `if [ ${X} = true ]` (first in the RUN, after `set -eux`, or later in a
 * chain: `pip install -r requirements.txt && if [ "$DEV" = "true" ]; then ...; fi`), where X
 * defaults to false or empty, or of `if [ "$X" ]` / `if [ -n "$X" ]`, where X has no default;
 * further tests joined by `&&` only narrow it. Commands after its own `else`/`elif`, and after its
 * `fi`, run in a plain build and are not included. When the test holds for the default (`if [
 * "$RAILS_ENV" = production ]` under `ARG RAILS_ENV=production`, or `!=` another value), the
 * `else`/`elif` branches are the ones a plain build skips.
 */
export function optInCommands(model: DockerfileModel, run: Instruction): Set<ShellCommand> {
  const guarded = new Set<ShellCommand>();
  if (run.stage === null) return guarded;
  const stage = run.stage;
  let env: ReadonlyMap<string, string | null> | null = null;
  for (const [at, first] of run.commands.entries()) {
    if (first.words[0]?.value !== "if" || !TEST_PROGRAMS.has(first.name) || guarded.has(first)) continue;
    env ??= environmentViewAt(model, stage, run);
    for (const command of skippedBranch(model, env, run.commands, at)) guarded.add(command);
  }
  return guarded;
}

/** The commands of the `if` compound opened by `commands[at]` that a plain build skips; empty when that cannot be told. */
function skippedBranch(model: DockerfileModel, env: ReadonlyMap<string, string | null>, commands: readonly ShellCommand[], at: number): ShellCommand[] {
  const first = commands[at];
  const test = switchVariable(first);
  // The platform arguments BuildKit sets for every build whatever their default says.
  if (test === null || PLATFORM_ARG.test(test.name)) return [];
  // A variant a publishing build asks for (qdrant's `--build-arg GPU=nvidia ... --push`) is an
  // image users pull, not an extra built on request: its commands are judged like the rest.
  if (model.context.buildArgs?.published?.includes(test.name) === true) return [];
  if (!env.has(test.name)) return [];
  const holds = holdsByDefault(test, env.get(test.name) ?? "");
  if (holds === null) return [];
  const rest = commands.slice(at + 1);
  const body = rest.findIndex((c) => c.words[0]?.value === "then");
  // `if [ ${X} = true ] || ...` runs in a plain build too.
  if (body === -1 || rest.slice(0, body).some((c) => c.joinedBy !== "&&")) return [];
  // The test holds in a plain build (`if [ "$RAILS_ENV" = production ]` under `ARG RAILS_ENV=production`):
  // the `else` branch is the variant asked for, but only when nothing else narrows the test.
  if (holds && body !== 0) return [];
  const skipped: ShellCommand[] = [];
  let inElse = false;
  for (const command of rest.slice(body)) {
    const opener = command.words[0]?.value;
    if (command.depth < first.depth) break;
    if (command.depth === first.depth && (opener === "else" || opener === "elif")) {
      if (!holds) break;
      inElse = true;
    }
    if (!holds || inElse) skipped.push(command);
  }
  return skipped;
}

/**
 * The build arguments whose tests open the `if` compounds that hold `command` (a command of `run`):
 * `ALREADY_BUILT` for the `npm run build` of `if [ "$ALREADY_BUILT" = 0 ]; then npm run build; else
 * echo skipped; fi` under `ARG ALREADY_BUILT=0`, in either branch. Only a test of the {@link
 * optInCommands} form counts, on a name the stage declares as ARG or ENV; the `if` itself is
 * outside its own compound.
 */
export function switchingArguments(model: DockerfileModel, run: Instruction, command: ShellCommand): string[] {
  const at = run.commands.indexOf(command);
  if (at < 0 || run.stage === null) return [];
  const open: (string | null)[] = [];
  for (const c of run.commands.slice(0, at)) {
    const opener = c.words[0]?.value;
    if (opener === "if") open.push(TEST_PROGRAMS.has(c.name) ? (switchVariable(c)?.name ?? null) : null);
    else if (opener === "fi") open.pop();
  }
  const names = open.filter((n): n is string => n !== null && !PLATFORM_ARG.test(n));
  if (names.length === 0) return [];
  const env = environmentViewAt(model, run.stage, run);
  return names.filter((n) => env.has(n));
}
