// A small POSIX-shell reader for RUN/CMD/ENTRYPOINT scripts. It does not evaluate anything: it
// splits a script into simple commands and words, keeping each word's document range, so rules can
// ask "is there an `apt-get install` here, and where" without touching text themselves.

import { isShellName, isShellProgram } from "./shell-programs";
import { sudoOptionTakesNextWord } from "./sudo-options";
import { escapeRegExp, LineIndex, Range } from "./text";

/** One shell word, unquoted, with where it stands in the document. */
export interface Word {
  /** The word with quotes removed and escapes resolved; `$VAR` stays literal. */
  value: string;
  range: Range;
  /** True when any part of the word was quoted. */
  quoted: boolean;
  /** True for `NAME=value` whose name and `=` are unquoted (the value may be: `FLAGS="-C x"`). */
  isAssignment?: boolean;
  /** A string of an exec-form JSON array: its range includes the quotes, so edits write JSON. */
  json?: boolean;
  /**
   * The variable an unquoted `$NAME` operand was expanded from (`apt-get install ${TOOLS}` with
   * `ARG TOOLS="curl git"` gives `curl` and `git`): the word's range is the reference's, shared by
   * every word of the value, so an edit may insert after it but must not replace it.
   */
  fromVariable?: string;
}

/** A simple command: `VAR=x sudo apt-get install -y curl`. */
export interface ShellCommand {
  /** Every word, including assignments and wrappers. */
  words: Word[];
  /** The program word once assignments and wrappers (sudo, env, exec, time, nice, command) are skipped. */
  program: Word | null;
  /** Base name of the program (`/usr/bin/pip3` -> `pip3`), or "" when there is none. */
  name: string;
  /** Words after the program. */
  args: Word[];
  /** `VAR=value` words placed before the program. */
  assignments: Word[];
  /** The operator that joins this command to the previous one (`&&`, `||`, `;`, `|`, `&`, newline) or null for the first. */
  joinedBy: string | null;
  /**
   * How many subshells `( )` and compound commands (`if`, `while`, `until`, `for`, `case`, `{ }`)
   * enclose the command; 0 at the top level of its script. `$( )` is part of a word, not counted.
   */
  depth: number;
  range: Range;
  /** The command whose output this one reads through a pipe (`poetry export | pip install -r /dev/stdin`). */
  pipedFrom?: ShellCommand;
}

/** A piece of document text to read as shell; offsets are into the document. */
export interface ShellSource {
  start: number;
  end: number;
  /** Newlines separate commands (heredoc bodies) rather than continue lines. */
  newlineSeparates: boolean;
}

const RESERVED = new Set(["if", "then", "else", "elif", "fi", "do", "done", "while", "until", "for", "case", "esac", "{", "}", "!", "in"]);
const OPENERS = new Set(["if", "while", "until", "for", "case", "{"]);
const CLOSERS = new Set(["fi", "done", "esac", "}"]);
const WRAPPERS = new Set(["sudo", "env", "exec", "time", "nice", "command", "nohup", "builtin", "eatmydata", "xargs"]);
/**
 * Options of a wrapper that take the next word as their value (`env -C /src`, `xargs -0 -I {} cp {}
 * ./opa`): the value is not the program the wrapper runs. sudo's are read by sudo-options.ts.
 */
const WRAPPER_VALUE_OPTIONS: Readonly<Record<string, ReadonlySet<string>>> = {
  env: new Set(["-u", "-C", "-S"]),
  nice: new Set(["-n"]),
  time: new Set(["-f", "-o"]),
  exec: new Set(["-a"]),
  xargs: new Set(["-I", "-n", "-P", "-L", "-s", "-d", "-E", "-a"]),
};

/** True when `option` of the wrapper `wrapper` takes the next word as its value. */
function takesValue(wrapper: string, option: string): boolean {
  if (wrapper === "sudo") return sudoOptionTakesNextWord(option);
  return WRAPPER_VALUE_OPTIONS[wrapper]?.has(option) ?? false;
}

export interface LogicalText {
  chars: string;
  /**
   * Where `chars` comes from, one run of consecutive document characters at a time: pairs of a
   * logical index and the document offset of the character there, in order, and a last pair that
   * maps `chars.length` to the source's end. Read through `documentOffset`. (An offset per
   * character, as it was first, was a sixteenth of what analysing the corpus allocated.)
   */
  runs: number[];
}

/** The document offset of `logical.chars[index]`; `chars.length` gives the source's end. */
export function documentOffset(logical: LogicalText, index: number): number {
  const runs = logical.runs;
  // The last pair whose logical index is at most `index`: a run that kept nothing shares its index
  // with the one after it, which holds the characters.
  let low = 0;
  let high = runs.length >> 1;
  while (high - low > 1) {
    const middle = (low + high) >> 1;
    if (runs[middle << 1] <= index) low = middle;
    else high = middle;
  }
  return runs[(low << 1) + 1] + (index - runs[low << 1]);
}

/**
 * Removes Dockerfile line continuations (escape + newline) and the comment lines Docker drops
 * inside them, keeping for every remaining character its document offset.
 */
/** The words before the command's program (assignments and wrappers: `VAR=x sudo -E`); every word when it has none. */
export function wordsBeforeProgram(command: ShellCommand): Word[] {
  const end = command.program ? command.words.indexOf(command.program) : command.words.length;
  return command.words.slice(0, end < 0 ? command.words.length : end);
}

/** The `sudo` that wraps the command's program (`sudo apt-get install`, not `apt-get install sudo`), or null. */
export function sudoWrapper(command: ShellCommand): Word | null {
  return wordsBeforeProgram(command).find((w) => w.value === "sudo" || w.value.endsWith("/sudo")) ?? null;
}

export function toLogical(text: string, src: ShellSource, escapeChar: string): LogicalText {
  let chars = "";
  let i = src.start;
  // Kept characters are appended a run at a time (from `kept` up to `i`): one slice per run
  // instead of one concatenation per character.
  let kept = i;
  const runs = [0, kept];
  /** Keeps the run that ends at `i` and skips to `next`, where the next run starts. */
  const skipTo = (next: number) => {
    chars += text.slice(kept, i);
    i = next;
    kept = next;
    runs.push(chars.length, next);
  };
  let atLineStart = false;
  while (i < src.end) {
    const ch = text[i];
    if (!src.newlineSeparates && ch === escapeChar) {
      let j = i + 1;
      while (j < src.end && (text[j] === " " || text[j] === "\t")) j++;
      if (j < src.end && (text[j] === "\n" || text[j] === "\r")) {
        skipTo(j + (text[j] === "\r" && text[j + 1] === "\n" ? 2 : 1));
        atLineStart = true;
        continue;
      }
    }
    // In a heredoc body or a script file the shell itself joins a line ending in a backslash to
    // the next (`apt-get update && \` then the install; held-out CH, LocalAI: read as a command
    // named by the newline, the update judged alone).
    if (src.newlineSeparates && ch === "\\" && (text[i + 1] === "\n" || (text[i + 1] === "\r" && text[i + 2] === "\n"))) {
      skipTo(i + (text[i + 1] === "\r" ? 3 : 2));
      continue;
    }
    if (atLineStart && !src.newlineSeparates) {
      let j = i;
      while (j < src.end && (text[j] === " " || text[j] === "\t")) j++;
      if (text[j] === "#" || text[j] === "\n" || text[j] === "\r") {
        // Docker drops comment and empty lines inside a continued instruction.
        while (j < src.end && text[j] !== "\n") j++;
        skipTo(j + 1);
        continue;
      }
      atLineStart = false;
    }
    if (ch === "\r") {
      skipTo(i + 1);
      continue;
    }
    i++;
  }
  chars += text.slice(kept, i);
  runs.push(chars.length, src.end);
  return { chars, runs };
}

/**
 * Reads shell sources into simple commands. `escapeChar` is the Dockerfile's escape character; with
 * the Windows backtick escape a backslash is a path separator, not an escape.
 */
export function readShell(
  text: string,
  index: LineIndex,
  sources: readonly ShellSource[],
  escapeChar = "\\",
  continuedComments?: ContinuedComment[],
): ShellCommand[] {
  const commands: ShellCommand[] = [];
  for (const src of sources) {
    const logical = toLogical(text, src, escapeChar);
    const comments = readCommands(logical, index, escapeChar === "\\", commands);
    if (continuedComments && !src.newlineSeparates)
      for (const [start, end] of comments) addIfContinued(text, index, logical, start, end, escapeChar, continuedComments);
  }
  return commands;
}

/**
 * The commands of a shell script file's text (a context script a RUN runs), each line its own
 * command list as in a heredoc body. Ranges are into `text`, not into the Dockerfile.
 */
export function readScriptText(text: string): ShellCommand[] {
  return readShell(text, new LineIndex(text), [{ start: 0, end: text.length, newlineSeparates: true }]);
}

/**
 * A shell comment that the Dockerfile's line continuation ran on into later lines: `pkg # note \`
 * joins the next lines onto the comment, so the shell never runs them (held-out AQ,
 * stocks-in-the-future: the RUN's `apt-get clean` and list cleanup lost this way).
 */
export interface ContinuedComment {
  /** From the `#` to the end of its own line. */
  comment: Range;
  /** From the first character the comment swallowed on a later line to the last. */
  swallowed: Range;
}

/**
 * Records the comment at logical `[start, end)` when it holds text from a line after the one its
 * `#` is on (whitespace only does not count: nothing is lost then).
 */
function addIfContinued(text: string, index: LineIndex, logical: LogicalText, start: number, end: number, escapeChar: string, out: ContinuedComment[]): void {
  const hash = documentOffset(logical, start);
  const hashLine = index.positionAt(hash).line;
  let first = -1;
  let last = -1;
  for (let k = start + 1; k < end; k++) {
    if (logical.chars[k] === " " || logical.chars[k] === "\t") continue;
    const offset = documentOffset(logical, k);
    if (first < 0) {
      if (index.positionAt(offset).line === hashLine) continue;
      first = offset;
    }
    last = offset;
  }
  if (first < 0) return;
  const lineEnd = index.offsetAt({ line: hashLine, character: Number.MAX_SAFE_INTEGER });
  // The comment ends before the escape that continued its line.
  const commentEnd = text.slice(hash, lineEnd).replace(new RegExp(`\\s*(?:${escapeRegExp(escapeChar)})?\\s*$`), "").length + hash;
  out.push({
    comment: { start: index.positionAt(hash), end: index.positionAt(commentEnd) },
    swallowed: { start: index.positionAt(first), end: index.positionAt(last + 1) },
  });
}

/**
 * The command of an exec-form instruction (`RUN ["apt-get", "update"]`): no shell runs, so its
 * strings are the words of one command (unquoted: `env` still reads `VAR=x`); a
 * `["sh", "-c", "<script>"]` form is read as its script.
 */
export function readExecForm(text: string, index: LineIndex, strings: readonly { value: string; range: Range }[], escapeChar = "\\"): ShellCommand[] {
  if (strings.length === 0) return [];
  const script = strings[2];
  if (strings.length === 3 && isShellProgram(strings[0].value) && strings[1].value === "-c") {
    // Only a script written without JSON escapes maps 1:1 onto the document; others stay one command.
    const read = readBetweenQuotes(text, index, script, escapeChar);
    if (read !== null) return read;
  }
  return [
    makeCommand(
      strings.map((s) => ({ value: s.value, range: s.range, quoted: false, json: true })),
      null,
      0,
    ),
  ];
}

/** A shell's option cluster that ends its options with the script to run: `-c`, `-lc`, `-ec`, `-exc`. */
const isScriptOption = (word: string) => /^-[a-z]+$/.test(word) && word.includes("c");

/**
 * The commands of `commands` with each shell run on a script of its own (`bash -lc "cd /app &&
 * rake install"`, `sh -c 'make && make install'`) replaced by the script's commands, so that the
 * rules see what runs; one behind a wrapper or assignment (`sudo -u app bash -c`) stays whole.
 * Only a script written as one quoted word whose document text is its value
 * (no escapes, no line continuation inside the quotes) maps onto the document; any other stays the
 * one shell command it is.
 */
export function withShellScriptsRead(text: string, index: LineIndex, commands: readonly ShellCommand[], escapeChar = "\\"): ShellCommand[] {
  const out: ShellCommand[] = [];
  for (const command of commands) {
    // A shell behind a wrapper (`sudo -u app bash -c ...`) stays whole: the wrapper says who runs it.
    const script = isShellName(command.name) && command.words[0] === command.program ? scriptWordOf(command) : null;
    const inner = script === null ? [] : readQuotedScript(text, index, script, escapeChar);
    if (inner.length === 0) {
      out.push(command);
      continue;
    }
    inner[0] = { ...inner[0], joinedBy: command.joinedBy };
    out.push(...inner.map((c) => (command.depth === 0 ? c : { ...c, depth: c.depth + command.depth })));
  }
  return out;
}

/** The script word of `bash -l -c "<script>"` (options before it; `-o pipefail` takes a value), or null. */
function scriptWordOf(command: ShellCommand): Word | null {
  const args = command.args;
  for (let i = 0; i < args.length; i++) {
    const value = args[i].value;
    if (args[i].quoted) return null;
    if (isScriptOption(value)) return args[i + 1] ?? null;
    if (value === "-o" || value === "+o") i++;
    else if (!/^[-+][a-z]+$/.test(value)) return null;
  }
  return null;
}

function readQuotedScript(text: string, index: LineIndex, script: Word, escapeChar: string): ShellCommand[] {
  if (!script.quoted || script.json) return [];
  return readBetweenQuotes(text, index, script, escapeChar) ?? [];
}

/**
 * The commands of a script written as one quoted string (a shell word, an exec-form JSON string)
 * whose document text between the quotes is its value, read in place so that ranges point into the
 * document; null when the text differs (escapes), as it then does not map. The Dockerfile's line
 * continuations are no difference: they are gone before the shell runs, and the reading joins the
 * lines as it does for the RUN itself (held-out BK, clickhouse-backup: a `bash -xec "..."` over
 * eight lines was left unread, and its `apt-get install -y gpg curl` with it).
 */
function readBetweenQuotes(text: string, index: LineIndex, script: { value: string; range: Range }, escapeChar: string): ShellCommand[] | null {
  const start = index.offsetAt(script.range.start) + 1;
  const end = index.offsetAt(script.range.end) - 1;
  const quote = text[start - 1];
  if (end < start || (quote !== '"' && quote !== "'") || text[end] !== quote) return null;
  const between = text.slice(start, end);
  if (between !== script.value && withoutLineContinuations(between, escapeChar) !== script.value) return null;
  return readShell(text, index, [{ start, end, newlineSeparates: false }], escapeChar);
}

/** `text` with the Dockerfile's line continuations (the escape character, trailing blanks, a line break) taken out. */
function withoutLineContinuations(text: string, escapeChar: string): string {
  return text.split(new RegExp(`${escapeRegExp(escapeChar)}[ \\t]*\\r?\\n`)).join("");
}

/** Reads `lt`'s commands into `out`; answers its comments as logical `[start, end)` pairs. */
function readCommands(lt: LogicalText, index: LineIndex, backslashEscapes: boolean, out: ShellCommand[]): [number, number][] {
  const comments: [number, number][] = [];
  const s = lt.chars;
  let i = 0;
  let words: Word[] = [];
  let joinedBy: string | null = out.length > 0 ? "\n" : null;
  // Subshells open and close at separators; compound commands at their leading reserved words.
  let subshells = 0;
  let compounds = 0;

  // `case WORD in` opens a list of branches, each `pattern)` then commands up to `;;`: the
  // patterns (`"amd64")`, `*)`) and the case header are no commands.
  let openCases = 0;
  let inPattern = false;

  const flush = (nextJoin: string) => {
    if (words.length > 0) {
      for (const word of words) {
        if (word.quoted || !RESERVED.has(word.value)) break;
        if (OPENERS.has(word.value)) compounds++;
        else if (CLOSERS.has(word.value)) compounds = Math.max(0, compounds - 1);
      }
      if (isCaseHeader(words)) {
        openCases++;
        inPattern = true;
      } else if (!isLoopHeader(words)) {
        const command = makeCommand(words, joinedBy, subshells + compounds);
        if (joinedBy === "|" && out.length > 0) command.pipedFrom = out[out.length - 1];
        out.push(command);
      }
    }
    words = [];
    joinedBy = nextJoin;
    if (nextJoin === "(") subshells++;
    else if (nextJoin === ")") subshells = Math.max(0, subshells - 1);
  };

  while (i < s.length) {
    const ch = s[i];
    if (ch === " " || ch === "\t") {
      i++;
      continue;
    }
    if (ch === "#" && (i === 0 || /\s|;|&|\|/.test(s[i - 1]))) {
      const start = i;
      while (i < s.length && s[i] !== "\n") i++;
      comments.push([start, i]);
      continue;
    }
    const sep = separatorAt(s, i);
    if (sep !== null && inPattern && words.length === 0) {
      // The `)` that ends a pattern (or the `(` some write before it, `(amd64)`): the branch's
      // commands follow; newlines between branches separate nothing.
      if (sep === ")") inPattern = false;
      i += sep.length;
      continue;
    }
    if (sep !== null) {
      const closesBranch = sep === ";;" && openCases > 0;
      flush(sep);
      if (closesBranch) inPattern = true;
      i += sep.length;
      continue;
    }
    // A word: runs until unquoted whitespace or separator.
    const startIdx = i;
    let value = "";
    let quoted = false;
    // Length of `value` when the first quote opened: an assignment's `NAME=` must come before it.
    let unquotedPrefix = -1;
    while (i < s.length) {
      // Ordinary characters are taken a run at a time: one slice instead of a concatenation each.
      let run = i;
      while (run < s.length && !isSpecial(s.charCodeAt(run))) run++;
      if (run > i) {
        value += s.slice(i, run);
        i = run;
        continue;
      }
      const c = s[i];
      if (c === " " || c === "\t" || c === "\n") break;
      if (c === ";" || c === "&" || c === "|" || c === "(" || c === ")") {
        // `$(` and `${` keep going: the command substitution is part of the word.
        // An array assignment (`PACKAGES=(` then a name per line, `)`) is one word: its
        // items, on lines of their own, are no commands (held-out BN, cms: `sudo` in a package list).
        if (c === "(" && (s[i - 1] === "$" || (!quoted && ARRAY_ASSIGNMENT.test(value)))) {
          const close = matchParen(s, i);
          value += s.slice(i, close + 1);
          i = close + 1;
          continue;
        }
        break;
      }
      if (c === "'") {
        if (!quoted) unquotedPrefix = value.length;
        quoted = true;
        const close = s.indexOf("'", i + 1);
        const end = close < 0 ? s.length : close;
        value += s.slice(i + 1, end);
        i = end + 1;
        continue;
      }
      if (c === '"') {
        if (!quoted) unquotedPrefix = value.length;
        quoted = true;
        i++;
        // Taken a run at a time up to the closing quote or an escape, as outside quotes.
        let run = i;
        while (i < s.length && s[i] !== '"') {
          if (backslashEscapes && s[i] === "\\" && i + 1 < s.length && '"\\$`'.includes(s[i + 1])) {
            value += s.slice(run, i) + s[i + 1];
            i += 2;
            run = i;
            continue;
          }
          i++;
        }
        value += s.slice(run, i);
        i++;
        continue;
      }
      if (backslashEscapes && c === "\\" && i + 1 < s.length) {
        value += s[i + 1];
        i += 2;
        continue;
      }
      value += c;
      i++;
    }
    const endIdx = Math.min(i, s.length);
    if (inPattern) {
      // `esac` after the last branch closes the case; any other word here is part of a pattern.
      if (quoted || value !== "esac") continue;
      inPattern = false;
      openCases--;
    } else if (!quoted && value === "esac" && words.length === 0 && openCases > 0) openCases--;
    // `NAME+=value` appends (bash): an assignment too.
    const assignment = /^[A-Za-z_][A-Za-z0-9_]*\+?=/.exec(value);
    words.push({
      value,
      quoted,
      isAssignment: assignment !== null && (!quoted || assignment[0].length <= unquotedPrefix),
      range: { start: index.positionAt(documentOffset(lt, startIdx)), end: index.positionAt(documentOffset(lt, endIdx - 1) + 1) },
    });
    // The header ends at `in`: what follows is the first branch's pattern.
    if (isCaseHeader(words)) flush(";");
  }
  flush("\n");
  return comments;
}

/**
 * True for `for NAME in WORDS` (or `for NAME`) up to its `;` or newline: the head of a loop, whose
 * variable is no program (`for f in *.sh; do "$f"; done` runs `$f`, not `f`).
 */
function isLoopHeader(words: readonly Word[]): boolean {
  return words.length >= 2 && !words[0].quoted && words[0].value === "for" && /^[A-Za-z_]\w*$/.test(words[1].value);
}

/** True for `case WORD in`: the head of a case statement, whose branches follow. */
function isCaseHeader(words: readonly Word[]): boolean {
  return words.length === 3 && !words[0].quoted && words[0].value === "case" && !words[2].quoted && words[2].value === "in";
}

/** The operator at `i`, the longest first (`&&` before `&`), or null. */
function separatorAt(s: string, i: number): string | null {
  const c = s[i];
  switch (c) {
    case "&":
    case "|":
    case ";":
      return s[i + 1] === c ? c + c : c;
    case "(":
    case ")":
    case "\n":
      return c;
    default:
      return null;
  }
}

/** Characters a word reader must look at one by one: whitespace, operators, quotes and the backslash. */
function isSpecial(code: number): boolean {
  switch (code) {
    case 9: // \t
    case 10: // \n
    case 32: // space
    case 34: // "
    case 38: // &
    case 39: // '
    case 40: // (
    case 41: // )
    case 59: // ;
    case 92: // \
    case 124: // |
      return true;
    default:
      return false;
  }
}

/** A word read so far that opens a bash array's items: `NAME=` or `NAME+=`. */
const ARRAY_ASSIGNMENT = /^[A-Za-z_][A-Za-z0-9_]*\+?=$/;

function matchParen(s: string, open: number): number {
  let depth = 0;
  for (let i = open; i < s.length; i++) {
    if (s[i] === "(") depth++;
    else if (s[i] === ")") {
      depth--;
      if (depth === 0) return i;
    }
  }
  return s.length - 1;
}

function makeCommand(words: Word[], joinedBy: string | null, depth: number): ShellCommand {
  const assignments: Word[] = [];
  let k = 0;
  // Leading reserved words (`then`, `do`, `!`) belong to the compound command, not the program.
  while (k < words.length && RESERVED.has(words[k].value) && !words[k].quoted) k++;
  for (;;) {
    while (k < words.length && (words[k].isAssignment ?? (/^[A-Za-z_][A-Za-z0-9_]*=/.test(words[k].value) && !words[k].quoted))) {
      assignments.push(words[k]);
      k++;
    }
    if (k < words.length && WRAPPERS.has(basename(words[k].value))) {
      const wrapper = basename(words[k].value);
      k++;
      // Options of the wrapper (`sudo -E`, `env -u X`, `nice -n 5`).
      while (k < words.length && words[k].value.startsWith("-")) {
        const opt = words[k].value;
        k++;
        if (takesValue(wrapper, opt) && k < words.length) k++;
      }
      continue;
    }
    break;
  }
  const program = k < words.length ? words[k] : null;
  return {
    words,
    program,
    name: program ? basename(program.value) : "",
    args: words.slice(k + 1),
    assignments,
    joinedBy,
    depth,
    range: { start: words[0].range.start, end: words[words.length - 1].range.end },
  };
}

function basename(path: string): string {
  const slash = Math.max(path.lastIndexOf("/"), path.lastIndexOf("\\"));
  return slash >= 0 ? path.slice(slash + 1) : path;
}
