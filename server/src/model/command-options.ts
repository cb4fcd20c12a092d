// Reading a command's options from its words, for the readers of many commands (package managers'
// dependency flags, `install -o`, `useradd -d`).

/**
 * The value of the first of `names` among `words`: the next word (`-o app`, `--only main`), or
 * what follows `=` on a long option (`--owner=app`); null when none is there. A short option does
 * not take `=` (`-r=x` gives `=x` to getopt), so `-r=x` is not read as `-r`'s value.
 */
export function optionValue(words: readonly string[], names: readonly string[]): string | null {
  for (const [at, word] of words.entries()) {
    if (names.includes(word)) return words[at + 1] ?? null;
    const long = names.find((name) => name.startsWith("--") && word.startsWith(`${name}=`));
    if (long !== undefined) return word.slice(long.length + 1);
  }
  return null;
}
