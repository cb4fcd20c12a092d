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
 * True when sudo's option `word` takes the next word as its value: a long option written without
 * `=` (`--user app`), or a short one, alone or in a group, that takes a value and ends the group
 * (`-u app`, `-EHu app`). `-uapp` holds its value, and `-h` alone is help: neither takes the next word.
 */
export function sudoOptionTakesNextWord(word: string): boolean {
  if (word.startsWith("--")) return LONG_WITH_VALUE.has(word);
  if (!/^-[A-Za-z]/.test(word)) return false;
  for (let at = 1; at < word.length; at++) if (SHORT_WITH_VALUE.has(word[at])) return at === word.length - 1;
  return false;
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
    for (let at = 1; at < word.length; at++) {
      const flag = word[at];
      if (!SHORT_WITH_VALUE.has(flag)) continue;
      const rest = word.slice(at + 1);
      if (flag === "u") return rest !== "" ? rest : (options[i + 1] ?? null);
      // Another option's value: the rest of the cluster, or the next word.
      if (rest === "") i++;
      break;
    }
  }
  return null;
}
