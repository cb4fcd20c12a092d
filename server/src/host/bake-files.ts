// Docker Bake's default files, and the targets of its JSON form: what the host's bake readers
// (named contexts, locally built images) share.

import { escapeRegExp } from "../model/text";
import { field, isRecord } from "./compose-file";

/** The HCL files `docker buildx bake` reads by default. */
export const BAKE_HCL_FILES: readonly string[] = ["docker-bake.hcl", "docker-bake.override.hcl"];
/** The JSON files `docker buildx bake` reads by default. */
export const BAKE_JSON_FILES: readonly string[] = ["docker-bake.json", "docker-bake.override.json"];

/** The target objects (`target.<name>`) of a bake JSON file; none when it does not parse. */
export function bakeJsonTargets(text: string): unknown[] {
  let document: unknown;
  try {
    document = JSON.parse(text);
  } catch {
    return [];
  }
  const targets = field(document, "target");
  return isRecord(targets) ? Object.values(targets) : [];
}

/**
 * The keys of every `<attribute> = { ... }` map of a bake file (`contexts`, `args`; HCL, or JSON's
 * `"args": {`), in order. A map ends at its own closing brace: braces inside strings, `${...}`
 * interpolations, heredocs, comments and nested maps do not count
 * (`postgres_base = "docker-image://postgres:${VERSION}-bookworm"` is one entry, and the keys after
 * it are read too). One pass over the text with an explicit stack: linear, and no recursion for a
 * file of nested `${"` to exhaust.
 */
export function hclMapKeys(text: string, attribute: string): string[] {
  const keys: string[] = [];
  // The open blocks, innermost last; the tokens of each, for the keys of a map of `attribute`.
  const blocks: { tokens: HclToken[]; isMap: boolean }[] = [{ tokens: [], isMap: false }];
  // Inside a string: the interpolations open in it, innermost last, each with its open braces.
  const strings: { braces: number[] }[] = [];
  const push = (token: HclToken) => blocks[blocks.length - 1].tokens.push(token);
  // The text of the string being read at the top level: only such a string can be a key.
  let keyText = "";
  let i = 0;
  while (i < text.length) {
    const ch = text[i];
    const string = strings.at(-1);
    if (string !== undefined && string.braces.length === 0) {
      // In a string's text.
      if (ch === "\\") i += 2;
      else if (ch === "$" && text[i + 1] === "$" && text[i + 2] === "{") i += 3;
      else if (ch === "$" && text[i + 1] === "{") {
        string.braces.push(1);
        i += 2;
      } else if (ch === '"') {
        strings.pop();
        i++;
        if (strings.length === 0) push({ kind: "string", text: keyText });
      } else {
        if (strings.length === 1) keyText += ch;
        i++;
      }
      continue;
    }
    if (string !== undefined) {
      // In an interpolation inside a string: its braces, and strings nested in it.
      const braces = string.braces;
      if (ch === '"') strings.push({ braces: [] });
      else if (ch === "{") braces[braces.length - 1]++;
      else if (ch === "}" && --braces[braces.length - 1] === 0) braces.pop();
      i++;
      continue;
    }
    if (ch === '"') {
      strings.push({ braces: [] });
      keyText = "";
      i++;
    } else if (ch === "#" || (ch === "/" && text[i + 1] === "/")) {
      while (i < text.length && text[i] !== "\n") i++;
    } else if (ch === "/" && text[i + 1] === "*") {
      const end = text.indexOf("*/", i + 2);
      i = end < 0 ? text.length : end + 2;
    } else if (ch === "<" && text[i + 1] === "<") {
      i = afterHeredoc(text, i);
      push({ kind: "other", text: "<<" });
    } else if (ch === "{" || ch === "[" || ch === "(") {
      const tokens = blocks[blocks.length - 1].tokens;
      const isMap = ch === "{" && tokens.at(-1)?.kind === "assign" && tokens.at(-2)?.text === attribute;
      push({ kind: "other", text: ch });
      blocks.push({ tokens: [], isMap });
      i++;
    } else if (ch === "}" || ch === "]" || ch === ")") {
      if (blocks.length > 1) collectKeys(blocks.pop()!, keys);
      i++;
    } else if (ch === " " || ch === "\t" || ch === "\r") {
      i++;
    } else if (ch === "\n" || ch === ",") {
      push({ kind: "separator", text: ch });
      i++;
    } else if ((ch === "=" && text[i + 1] !== "=") || ch === ":") {
      push({ kind: "assign", text: ch });
      i++;
    } else {
      const name = /^[A-Za-z_][\w.\-/]*/.exec(text.slice(i, i + 256));
      push(name ? { kind: "name", text: name[0] } : { kind: "other", text: ch });
      i += name ? name[0].length : 1;
    }
  }
  // Unclosed maps run to the end of the text.
  while (blocks.length > 1) collectKeys(blocks.pop()!, keys);
  return keys;
}

interface HclToken {
  kind: "name" | "string" | "assign" | "separator" | "other";
  text: string;
}

/** The keys of a closed map of the attribute sought: a name or a string that starts an entry, then `=` or `:`. */
function collectKeys(block: { tokens: HclToken[]; isMap: boolean }, keys: string[]): void {
  if (!block.isMap) return;
  const { tokens } = block;
  tokens.forEach((token, i) => {
    const before = tokens[i - 1];
    if ((token.kind === "name" || token.kind === "string") && (before === undefined || before.kind === "separator") && tokens[i + 1]?.kind === "assign")
      keys.push(token.text);
  });
}

/** The index after a heredoc (`<<EOT` or `<<-EOT` up to the line that is its delimiter); just past `<<` when none follows. */
function afterHeredoc(text: string, at: number): number {
  const opening = /^<<-?([A-Za-z_]\w*)/.exec(text.slice(at, at + 300));
  const lineEnd = text.indexOf("\n", at);
  if (opening === null || lineEnd < 0) return at + 2;
  const delimiter = new RegExp(`^[\\t ]*${escapeRegExp(opening[1])}[\\t ]*$`, "gm");
  delimiter.lastIndex = lineEnd + 1;
  const end = delimiter.exec(text);
  return end === null ? text.length : end.index + end[0].length;
}
