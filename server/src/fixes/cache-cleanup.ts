// Edits that keep package caches out of a RUN layer: an option added after a word
// (`apk add --no-cache`, `pip install --no-cache-dir`) or a cleanup command appended to the RUN
// (`&& yum clean all`).

import type { Word } from "../model/shell";
import type { TextEdit } from "../model/text";
import type { DockerfileModel, Instruction } from "../model/types";

/** Inserts ` <option>` right after `word` (`apk add` -> `apk add --no-cache`). */
export function insertOptionAfter(word: Word, option: string): TextEdit[] {
  return [{ range: { start: word.range.end, end: word.range.end }, newText: word.json ? `, ${JSON.stringify(option)}` : ` ${option}` }];
}

/**
 * Appends `&& <command>` to a shell-form RUN, following its layout: on the same line for a
 * one-line RUN, on a continuation line otherwise (leading `&&` kept when the RUN writes it so).
 * Null when appending could change the script: exec form, heredocs, no commands, or anything
 * but whitespace after the last word (a trailing `&`, `;`, `)`, `fi` or comment), or a script
 * that does not parse (an open quote: the command would land inside the string).
 */
export function appendToRun(model: DockerfileModel, instruction: Instruction, command: string): TextEdit[] | null {
  const run = instruction.trigger ?? instruction;
  if (run.keyword !== "RUN" || run.isJsonForm || run.heredocs.length > 0 || run.commands.length === 0) return null;
  const last = run.commands[run.commands.length - 1];
  const lastWord = last.words[last.words.length - 1];
  const tail = model.lines.textIn({ start: lastWord.range.end, end: run.range.end });
  if (tail.trim() !== "") return null;
  if (hasOpenQuote(model.lines.textIn({ start: run.args[0].range.start, end: run.range.end }), model.escapeChar)) return null;
  // The last command must be a plain one: `then`/`do` bodies end in `fi`/`done`, read as words.
  if (/^(?:fi|done|esac|\}|\))$/.test(lastWord.value) && !lastWord.quoted) return null;
  const at = lastWord.range.end;
  if (run.range.start.line === run.range.end.line) return [{ range: { start: at, end: at }, newText: ` && ${command}` }];
  const lastLine = model.lines.lineText(lastWord.range.end.line);
  const indent = /^\s*/.exec(lastLine)?.[0] ?? "    ";
  const esc = model.escapeChar;
  const leadingAnd = lastLine.trimStart().startsWith("&&");
  const eol = model.text.includes("\r\n") ? "\r\n" : "\n";
  return [{ range: { start: at, end: at }, newText: leadingAnd ? ` ${esc}${eol}${indent}&& ${command}` : ` && ${esc}${eol}${indent}${command}` }];
}

/**
 * Whether shell text ends inside a quote: `'...` or `"...` left open (escapes and comments
 * read as the shell reads them, the Dockerfile's line continuations included).
 */
export function hasOpenQuote(script: string, escapeChar = "\\"): boolean {
  let quote: "'" | '"' | null = null;
  let atWordStart = true;
  for (let i = 0; i < script.length; i++) {
    const c = script[i];
    if (quote === "'") {
      if (c === "'") quote = null;
      continue;
    }
    if (c === escapeChar) {
      i++;
      continue;
    }
    if (quote === '"') {
      if (c === '"') quote = null;
      continue;
    }
    if (c === "'" || c === '"') quote = c;
    else if (c === "#" && atWordStart) {
      while (i < script.length && script[i] !== "\n") i++;
    }
    atWordStart = c === " " || c === "\t" || c === "\n" || c === ";" || c === "&" || c === "|";
  }
  return quote !== null;
}
