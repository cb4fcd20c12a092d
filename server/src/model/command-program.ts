// Where the program of one simple command (its words) is, past the words that only lead it: shell
// keywords, variable assignments, sudo and its options, a user switch and its user, and the
// programs that run the rest of the command after options of their own (`env`, `nice`,
// `cross-env`; `npx` when asked). One answer for every reader of "what does this command run", so an entry
// script's `exec gosu app env RAILS_ENV=production bundle install` reads as bundle's everywhere.

import { baseName } from "./copy-paths";
import { sudoOptionTakesNextWord } from "./sudo-options";

/** Words that only lead a command (`exec make`, `then npm ci`); a `--` after a runner's variables (`cross-env A=1 -- tsx`) too. */
const LEADING = /^(?:exec|then|else|do|time|!|\{|\()$/;
/** Switch to a user, then run the rest: the user is the next word (`gosu app bundle install`). */
export const USER_SWITCH = /^(?:gosu|su-exec)$/;

/**
 * Programs that run the rest of the command after their own options, and those options that take
 * the next word as their value (`env -u HOME`, `nice -n 10`, `env-cmd -f .env.prod`, `npx -p pkg`).
 */
const COMMAND_RUNNERS: ReadonlyMap<string, RegExp> = new Map([
  ["env", /^(?:-u|--unset|-C|--chdir)$/],
  ["nice", /^(?:-n|--adjustment)$/],
  ["command", /^$/],
  ["env-cmd", /^(?:-f|-e|-r|--file|--environments|--rc-file)$/],
  ["cross-env", /^$/],
  ["dotenv", /^(?:-e|-c|-v)$/],
]);
/**
 * Package runners (`npx -p typescript tsc`): skipped only on request. `npx webpack` is itself a
 * build step for the readers of build steps (build-steps.ts reads the runner and its package), while
 * the reader of a devDependency's program wants the package it runs.
 */
const PACKAGE_RUNNERS: ReadonlyMap<string, RegExp> = new Map([
  ["npx", /^(?:-p|--package)$/],
  ["pnpx", /^(?:-p|--package)$/],
  ["bunx", /^(?:-p|--package)$/],
]);
/** `command -v pip` asks where pip is; it runs nothing. */
const COMMAND_QUERY = /^-p?[vV]/;

/**
 * The index of the program in `words`, or `words.length` when the command is only leading words;
 * `wrappers` are the script's own functions that run their arguments (`exec_as_app bundle install`
 * where `exec_as_app() { sudo -u app "$@"; }`); `throughPackageRunners` reads `npx tsx` as tsx's.
 */
export function programAt(words: readonly string[], wrappers: ReadonlySet<string> = new Set(), options: { throughPackageRunners?: boolean } = {}): number {
  let at = 0;
  while (at < words.length) {
    const word = words[at];
    const name = baseName(word);
    const runner = COMMAND_RUNNERS.get(name) ?? (options.throughPackageRunners === true ? PACKAGE_RUNNERS.get(name) : undefined);
    if (LEADING.test(word) || word === "--" || /^\w+=/.test(word) || wrappers.has(word)) at++;
    else if (USER_SWITCH.test(name)) at += 2;
    else if (name === "sudo") at = pastOptions(words, at + 1, sudoOptionTakesNextWord);
    else if (runner !== undefined && !(name === "command" && COMMAND_QUERY.test(words[at + 1] ?? "")))
      at = pastOptions(words, at + 1, (option) => runner.test(option));
    else break;
  }
  return at;
}

/** The index past the options starting at `at` (and a `--` ending them); `takesValue` options skip their value too. */
function pastOptions(words: readonly string[], at: number, takesValue: (option: string) => boolean): number {
  while (at < words.length && words[at].startsWith("-") && words[at] !== "--") at += takesValue(words[at]) ? 2 : 1;
  return words[at] === "--" ? at + 1 : at;
}
