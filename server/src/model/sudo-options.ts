// How sudo reads its options, for the user it runs the command as: `-u app`, `-uapp`, `--user=app`,
// `--user app`, and `-u` among combined short options (`sudo -EHu oncall`, `-Hu oncall`): sudo takes
// the rest of the cluster, or the next word, as the value of the first option in it that takes one.

/** sudo's short options that take a value: the user, group, prompt, role, type, timeout, folders (`-h` alone is help). */
const SHORT_WITH_VALUE = new Set(["u", "g", "C", "D", "p", "r", "t", "T", "U", "R"]);
/** sudo's long options that take a value as the next word when not written with `=`. */
const LONG_WITH_VALUE = new Set([
  "--user",
  "--group",
  "--close-from",
  "--chdir",
  "--host",
  "--prompt",
  "--role",
  "--type",
  "--command-timeout",
  "--other-user",
  "--chroot",
]);

/**
 * The option of a group of short options (`-EHu`, `-uapp`) that takes a value, the first in it, and
 * the rest of the group after it (its value when not empty); null when none takes one.
 */
function shortValueOption(word: string): { flag: string; rest: string } | null {
  for (let at = 1; at < word.length; at++) if (SHORT_WITH_VALUE.has(word[at])) return { flag: word[at], rest: word.slice(at + 1) };
  return null;
}

/**
 * True when sudo's option `word` takes the next word as its value: a long option written without
 * `=` (`--user app`), or a short one, alone or in a group, that takes a value and ends the group
 * (`-u app`, `-EHu app`). `-uapp` holds its value, and `-h` alone is help: neither takes the next word.
 */
export function sudoOptionTakesNextWord(word: string): boolean {
  if (word.startsWith("--")) return LONG_WITH_VALUE.has(word);
  return /^-[A-Za-z]/.test(word) && shortValueOption(word)?.rest === "";
}

/**
 * The user sudo's options (the words after `sudo`, up to the command) run the command as; null
 * when they name none (sudo then runs it as root).
 */
export function sudoTargetUser(options: readonly string[]): string | null {
  for (let i = 0; i < options.length; i++) {
    const word = options[i];
    if (word === "--") return null;
    if (word.startsWith("--")) {
      if (word.startsWith("--user=")) return word.slice("--user=".length);
      if (word === "--user") return options[i + 1] ?? null;
      if (LONG_WITH_VALUE.has(word)) i++;
      continue;
    }
    if (!/^-[A-Za-z]/.test(word)) return null;
    const option = shortValueOption(word);
    if (option === null) continue;
    if (option.flag === "u") return option.rest !== "" ? option.rest : (options[i + 1] ?? null);
    // Another option's value: the rest of the group, or the next word.
    if (option.rest === "") i++;
  }
  return null;
}
