// Loads syntaxes/dockerfile.tmLanguage.json with vscode-textmate + vscode-oniguruma and answers
// "which scopes does this token have?" for grammar tests.
import * as fs from "node:fs";
import * as path from "node:path";
import * as oniguruma from "vscode-oniguruma";
import * as vsctm from "vscode-textmate";

const root = path.resolve(__dirname, "../../..");
export const GRAMMAR_PATH = path.join(root, "syntaxes/dockerfile.tmLanguage.json");
const WASM_PATH = path.join(root, "node_modules/vscode-oniguruma/release/onig.wasm");

/**
 * A deliberately hostile stand-in for VS Code's shellscript grammar: strings and subshells are
 * begin/end rules WITHOUT an end-of-line guard, so anything left open would run on forever.
 */
const HOSTILE_SHELL: vsctm.IRawGrammar = {
  scopeName: "source.shell",
  patterns: [
    { match: "#.*$", name: "comment.line.number-sign.shell" },
    { match: "\\b(?:if|then|else|fi|for|do|done|echo)\\b", name: "keyword.control.shell" },
    { begin: '"', end: '"', name: "string.quoted.double.shell" },
    { begin: "'", end: "'", name: "string.quoted.single.shell" },
    { begin: "\\$\\(", end: "\\)", name: "meta.embedded.subshell.shell" },
    { match: "\\$\\w+", name: "variable.other.normal.shell" },
  ],
} as unknown as vsctm.IRawGrammar;

let onigLib: Promise<vsctm.IOnigLib> | undefined;
function getOnigLib(): Promise<vsctm.IOnigLib> {
  onigLib ??= oniguruma.loadWASM(fs.readFileSync(WASM_PATH).buffer as ArrayBuffer).then(() => ({
    createOnigScanner: (patterns: string[]) => new oniguruma.OnigScanner(patterns),
    createOnigString: (s: string) => new oniguruma.OnigString(s),
  }));
  return onigLib;
}

export type ShellGrammar = "none" | "hostile";
const grammars = new Map<ShellGrammar, Promise<vsctm.IGrammar>>();

/**
 * The Dockerfile grammar. `shell: "none"` answers null for source.shell (as when no shell grammar
 * is installed: the embed degrades to plain text); "hostile" loads HOSTILE_SHELL.
 */
export function loadGrammar(shell: ShellGrammar = "none"): Promise<vsctm.IGrammar> {
  let grammar = grammars.get(shell);
  if (!grammar) {
    const registry = new vsctm.Registry({
      onigLib: getOnigLib(),
      loadGrammar: async (scopeName) => {
        if (scopeName === "source.dockerfile") {
          return vsctm.parseRawGrammar(fs.readFileSync(GRAMMAR_PATH, "utf8"), GRAMMAR_PATH);
        }
        if (scopeName === "source.shell" && shell === "hostile") return HOSTILE_SHELL;
        return null;
      },
    });
    grammar = registry.loadGrammar("source.dockerfile").then((g) => {
      if (!g) throw new Error("source.dockerfile did not load");
      return g;
    });
    grammars.set(shell, grammar);
  }
  return grammar;
}

export interface Token {
  line: number;
  start: number;
  end: number;
  text: string;
  scopes: string[];
}

/** Tokenizes a whole document; returns the tokens of each line. */
export function tokenize(grammar: vsctm.IGrammar, text: string): Token[][] {
  const lines = text.split(/\r?\n/);
  let state = vsctm.INITIAL;
  const out: Token[][] = [];
  lines.forEach((lineText, line) => {
    const result = grammar.tokenizeLine(lineText, state);
    if (result.stoppedEarly) throw new Error(`tokenizing stopped early on line ${line}`);
    state = result.ruleStack;
    out.push(
      result.tokens.map((t) => ({
        line,
        start: t.startIndex,
        end: Math.min(t.endIndex, lineText.length),
        text: lineText.slice(t.startIndex, t.endIndex),
        scopes: t.scopes,
      })),
    );
  });
  return out;
}

/** The token covering `character` on `line`. */
export function tokenAt(tokens: Token[][], line: number, character: number): Token {
  const token = tokens[line]?.find((t) => t.start <= character && character < t.end);
  if (!token) throw new Error(`no token at ${line}:${character}`);
  return token;
}

/**
 * Scopes of the token where `substring` starts on `line` (0-based; the `occurrence`-th match).
 * Throws when the token does not cover the whole substring, unless `partial` is set.
 */
export async function scopesAt(
  text: string,
  line: number,
  substring: string,
  options: { occurrence?: number; shell?: ShellGrammar; partial?: boolean } = {},
): Promise<string[]> {
  const grammar = await loadGrammar(options.shell);
  const tokens = tokenize(grammar, text);
  const lineText = text.split(/\r?\n/)[line] ?? "";
  let at = -1;
  for (let i = 0; i <= (options.occurrence ?? 0); i++) {
    at = lineText.indexOf(substring, at + 1);
    if (at < 0) throw new Error(`'${substring}' not found on line ${line}: '${lineText}'`);
  }
  const token = tokenAt(tokens, line, at);
  if (!options.partial && token.end < at + substring.length) {
    throw new Error(`'${substring}' on line ${line} is split over several tokens (first is '${token.text}' ${token.scopes.join(" ")})`);
  }
  return token.scopes;
}
