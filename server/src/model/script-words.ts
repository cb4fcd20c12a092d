// A shell script's text read loosely as simple commands of words: enough to find what an entry or
// start script runs (its last command, a program it calls), not a shell parser.

/** The simple commands of a shell script's text as words (comments and quotes loosely skipped). */
export function simpleCommands(script: string): string[][] {
  const out: string[][] = [];
  for (const line of script.split(/\r?\n/)) {
    const code = line.replace(/(?:^|\s)#.*$/, "");
    for (const part of code.split(/&&|\|\||[;|]/)) {
      const words = part
        .trim()
        .split(/\s+/)
        .map((w) => w.replace(/^["']|["']$/g, ""))
        .filter((w) => w !== "");
      if (words.length > 0) out.push(words);
    }
  }
  return out;
}
