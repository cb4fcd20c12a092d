// The files a RUN writes through the shell: an output redirection (`> /etc/pip.conf`, `>>
// ~/.Rprofile`) or `tee`, and the text it writes there when the file shows it: what `echo` and
// `printf` print, a heredoc `cat` or `tee` passes on. Configuration a later command reads (pip's,
// R's startup profile) is written this way; anything else a command prints is not known.

import type { ShellCommand, Word } from "./shell";
import type { DockerfileModel, Instruction } from "./types";

/** The /bin/sh that runs the RUN, where it changes what `echo` prints; null when not known. */
export type EchoShell = "ash" | "bash" | "dash" | null;

export interface FileWrite {
  /** The command whose output goes to the file (`tee` for `echo x | tee f`). */
  command: ShellCommand;
  /** The path as written, quotes removed, variables and `~` left as they are. */
  path: string;
  /** `>>` or `tee -a`: added to what the file holds. */
  append: boolean;
  /** The text written, or null when the file does not show it (a program's output, a shell-dependent `echo`). */
  text: string | null;
  /** What the text is made from (the operands, heredoc bodies), to look for a mention when `text` is null. */
  material: string;
}

/** Redirection operators as written at the start of a word: `>`, `>>`, `1>`, `&>`, `>|` and the target glued to them. */
const REDIRECTION = /^(\d*|&)(>>|>\||>)(.*)$/;

/**
 * Every file the commands of `run` write through a redirection or `tee`, in order. `shell` tells
 * what runs the RUN, asked only when an `echo` writes.
 */
export function fileWritesOf(model: DockerfileModel, run: Instruction, shell: () => EchoShell): FileWrite[] {
  const writes: FileWrite[] = [];
  const heredocs = heredocReader(run);
  let piped: Printed | null = null;
  run.commands.forEach((command, i) => {
    // Most commands write no file, feed no `tee` and read no heredoc: not read further.
    const feedsTee = run.commands[i + 1]?.joinedBy === "|" && run.commands[i + 1].name === "tee";
    if (command.name !== "tee" && !feedsTee && !command.args.some((w) => w.value.includes(">") || w.value.startsWith("<<"))) {
      piped = UNKNOWN;
      return;
    }
    const input = command.joinedBy === "|" ? piped : null;
    const { operands, redirections } = splitRedirections(model, command);
    const printed = printedBy(command, operands, heredocs, input, shell);
    for (const r of redirections) {
      if (r.fd !== "" && r.fd !== "1" && r.fd !== "&") {
        // stderr written to a file: what it holds is not known.
        if (r.target !== "/dev/null") writes.push({ command, path: r.target, append: r.append, text: null, material: "" });
        continue;
      }
      writes.push({ command, path: r.target, append: r.append, text: printed.text, material: printed.material });
    }
    if (command.name === "tee") {
      const append = operands.some((w) => /^-[a-z]*a/.test(w.value) || w.value === "--append");
      for (const w of operands) if (!w.value.startsWith("-")) writes.push({ command, path: w.value, append, text: printed.text, material: printed.material });
    }
    piped = printed;
  });
  return writes;
}

interface Printed {
  text: string | null;
  material: string;
}

const UNKNOWN: Printed = { text: null, material: "" };

interface Redirection {
  fd: string;
  append: boolean;
  target: string;
}

/** The command's operands and its output redirections (`<` and heredoc operators stay operands). */
function splitRedirections(model: DockerfileModel, command: ShellCommand): { operands: Word[]; redirections: Redirection[] } {
  const operands: Word[] = [];
  const redirections: Redirection[] = [];
  const args = command.args;
  for (let i = 0; i < args.length; i++) {
    const word = args[i];
    // A `>` the word quotes is text (`echo "a > b"`): only an operator at the word's unquoted start,
    // or anywhere in a word with no quotes at all (`echo x>>f`), redirects.
    const raw = word.quoted ? model.lines.textIn(word.range) : word.value;
    const at = word.quoted ? (REDIRECTION.test(raw) ? 0 : -1) : operatorStart(word.value);
    if (at < 0) {
      operands.push(word);
      continue;
    }
    if (at > 0) operands.push({ ...word, value: word.value.slice(0, at) });
    const match = REDIRECTION.exec(word.quoted ? raw : word.value.slice(at));
    if (match === null) {
      operands.push(word);
      continue;
    }
    const glued = word.quoted ? word.value.slice(word.value.indexOf(">") + (match[2] === ">" ? 1 : 2)) : match[3];
    let target = glued;
    if (target === "" && i + 1 < args.length) target = args[++i].value;
    if (target === "") continue;
    redirections.push({ fd: match[1], append: match[2] === ">>", target });
  }
  return { operands, redirections };
}

/** Where an unquoted word's redirection starts: its descriptor digits (`2>`) only when they open the word. */
function operatorStart(value: string): number {
  const at = value.indexOf(">");
  if (at < 0) return -1;
  return /^(?:\d*|&)$/.test(value.slice(0, at)) ? 0 : at;
}

/** Hands out the RUN's heredoc bodies by delimiter, in order (two `<<EOF` take the two bodies). */
function heredocReader(run: Instruction): (delimiter: string) => string | null {
  const used = new Set<number>();
  return (delimiter) => {
    const at = run.heredocs.findIndex((h, i) => !used.has(i) && h.name === delimiter);
    if (at < 0) return null;
    used.add(at);
    return run.heredocs[at].content;
  };
}

/**
 * The delimiter of the heredoc a command reads: the word glued to `<<` or `<<-` (`<<EOF`,
 * `<<-'EOF'`, quotes removed), or the word after the operator written alone (`<< EOF`, which
 * BuildKit reads as a heredoc too); null when it reads none.
 */
export function heredocDelimiter(words: readonly string[]): string | null {
  for (let i = 0; i < words.length; i++) {
    const operator = /^<<-?(.*)$/.exec(words[i]);
    if (operator !== null) return operator[1] !== "" ? operator[1] : (words[i + 1] ?? null);
  }
  return null;
}

/** What the command prints on its standard output, when the file shows it. */
function printedBy(
  command: ShellCommand,
  operands: Word[],
  heredoc: (delimiter: string) => string | null,
  input: Printed | null,
  shell: () => EchoShell,
): Printed {
  const values = operands.map((w) => w.value);
  const material = values.join(" ");
  // `cat <<EOF`, `tee f <<'EOF'`, `cat << EOF`: the body, with the newline the delimiter line ends.
  const delimiter = heredocDelimiter(values);
  if (delimiter !== null) {
    const body = heredoc(delimiter);
    if (command.name !== "cat" && command.name !== "tee") return { text: null, material: body ?? "" };
    return body === null ? UNKNOWN : { text: `${body}\n`, material: body };
  }
  if (command.name === "echo") return { text: echoText(values, shell()), material };
  if (command.name === "printf") return { text: printfText(values), material };
  // `cat` or `tee` with no file operand passes its input on.
  if ((command.name === "cat" && values.length === 0) || command.name === "tee") return input ?? UNKNOWN;
  return { text: null, material };
}

/**
 * What `echo` prints. bash and BusyBox take `-n`, `-e` and `-E` and read backslash escapes only
 * with `-e`; dash takes only `-n` and always reads them (`echo -e x` prints `-e x`). Where the shell
 * is not known, an echo with -e or -E is not read, and backslashes are kept as bash and BusyBox
 * keep them: a `key = value` line found that way has no backslash, so dash prints it alike.
 */
function echoText(args: string[], shell: EchoShell): string | null {
  let newline = true;
  let escapes = shell === "dash";
  let at = 0;
  for (; at < args.length; at++) {
    const option = /^-([neE]+)$/.exec(args[at]);
    if (option === null || (shell === "dash" && option[1] !== "n")) break;
    if (shell === null && option[1] !== "n") return null;
    for (const letter of option[1]) {
      if (letter === "n") newline = false;
      else escapes = letter === "e";
    }
  }
  const text = args.slice(at).join(" ");
  // bash's and BusyBox's `echo -e` read octal only after a 0 (`\012`; `\12` stays as written);
  // dash's echo reads `\12` too, as printf does.
  const printed = escapes ? readEscapes(text, shell === "dash" ? "bare" : "zeroLed") : { text, stopped: false };
  return printed.text + (newline && !printed.stopped ? "\n" : "");
}

/**
 * What `printf` prints for a format of text, `%s`, `%b` and `%%` (the format repeats while
 * arguments remain, as POSIX says); another conversion (`%d`, `%5s`) is left as written, which no
 * configuration reader takes for a value.
 */
function printfText(args: string[]): string | null {
  if (args.length === 0 || args[0].startsWith("-")) return null;
  const [format, ...rest] = args;
  const conversions = (format.match(/%[sb]/g) ?? []).length;
  let out = "";
  let next = 0;
  do {
    let stopped = false;
    out += format.replace(/%([sb%])|\\(?:[0-7]{1,3}|.)/g, (piece, conversion?: string) => {
      if (stopped) return "";
      if (conversion === "%") return "%";
      if (conversion === "s") return rest[next++] ?? "";
      // An escape of the format, or a `%b` argument's: `\c` stops the output.
      const read = readEscapes(conversion === undefined ? piece : (rest[next++] ?? ""));
      stopped = read.stopped;
      return read.text;
    });
    if (stopped) break;
  } while (conversions > 0 && next < rest.length);
  return out;
}

const ESCAPES: Readonly<Record<string, string>> = { n: "\n", t: "\t", r: "\r", a: "\x07", b: "\b", f: "\f", v: "\v", "\\": "\\" };

/**
 * Backslash escapes as echo -e and printf read them; `\c` stops the output. Octal is one to three
 * digits (`\12`, or `\0` and three more) where `octal` is "bare", as printf and dash's echo read it,
 * and only `\0` and up to three digits where it is "zeroLed", as bash's and BusyBox's echo read it.
 */
function readEscapes(text: string, octal: "bare" | "zeroLed" = "bare"): { text: string; stopped: boolean } {
  let out = "";
  for (let i = 0; i < text.length; i++) {
    if (text[i] !== "\\" || i + 1 >= text.length) {
      out += text[i];
      continue;
    }
    const next = text[i + 1];
    if (next === "c") return { text: out, stopped: true };
    const digits = (octal === "bare" ? /^0?([0-7]{1,3})/ : /^0([0-7]{0,3})/).exec(text.slice(i + 1));
    if (digits !== null) {
      out += String.fromCharCode(parseInt(digits[1] || "0", 8));
      i += digits[0].length;
      continue;
    }
    out += ESCAPES[next] ?? `\\${next}`;
    i++;
  }
  return { text: out, stopped: false };
}
