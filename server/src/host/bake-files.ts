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
 * interpolations, comments and nested maps do not count
 * (`postgres_base = "docker-image://postgres:${VERSION}-bookworm"` is one entry, and the keys after
 * it are read too).
 */
export function hclMapKeys(text: string, attribute: string): string[] {
  const keys: string[] = [];
  const opening = new RegExp(`(?:^|[^\\w"-])"?${escapeRegExp(attribute)}"?\\s*[=:]\\s*\\{`, "g");
  for (const match of text.matchAll(opening)) {
    const tokens = topLevelTokens(text, (match.index ?? 0) + match[0].length);
    // An entry starts the map or follows a separator: a name or a string, then `=` or `:`.
    tokens.forEach((token, i) => {
      const before = tokens[i - 1];
      const after = tokens[i + 1];
      if ((token.kind === "name" || token.kind === "string") && (before === undefined || before.kind === "separator") && after?.kind === "assign")
        keys.push(token.text);
    });
  }
  return keys;
}

interface HclToken {
  kind: "name" | "string" | "assign" | "separator" | "other";
  text: string;
}

/**
 * The tokens of a map's own entries, from `start` (just after its `{`) to its closing brace: what
 * strings, interpolations, comments and nested maps or lists hold is skipped. An unclosed map runs
 * to the end of the text.
 */
function topLevelTokens(text: string, start: number): HclToken[] {
  const tokens: HclToken[] = [];
  let depth = 1;
  let i = start;
  while (i < text.length) {
    const ch = text[i];
    if (ch === '"') {
      const end = endOfString(text, i + 1);
      if (depth === 1) tokens.push({ kind: "string", text: text.slice(i + 1, end - 1) });
      i = end;
    } else if (ch === "#" || (ch === "/" && text[i + 1] === "/")) {
      while (i < text.length && text[i] !== "\n") i++;
    } else if (ch === "/" && text[i + 1] === "*") {
      const end = text.indexOf("*/", i + 2);
      i = end < 0 ? text.length : end + 2;
    } else if (ch === "{" || ch === "[" || ch === "(") {
      depth++;
      i++;
    } else if (ch === "}" || ch === "]" || ch === ")") {
      if (--depth === 0) break;
      i++;
    } else if (depth > 1 || ch === " " || ch === "\t" || ch === "\r") {
      i++;
    } else if (ch === "\n" || ch === ",") {
      tokens.push({ kind: "separator", text: ch });
      i++;
    } else if ((ch === "=" && text[i + 1] !== "=") || ch === ":") {
      tokens.push({ kind: "assign", text: ch });
      i++;
    } else {
      const name = /^[A-Za-z_][\w.\-/]*/.exec(text.slice(i, i + 256));
      tokens.push(name ? { kind: "name", text: name[0] } : { kind: "other", text: ch });
      i += name ? name[0].length : 1;
    }
  }
  return tokens;
}

/** The index just past the string whose contents start at `from`: escapes and `${...}` (which may hold strings) skipped. */
function endOfString(text: string, from: number): number {
  let i = from;
  while (i < text.length) {
    const ch = text[i];
    if (ch === "\\") i += 2;
    else if (ch === '"') return i + 1;
    else if (ch === "$" && text[i + 1] === "{") {
      let braces = 1;
      i += 2;
      while (i < text.length && braces > 0) {
        if (text[i] === '"') i = endOfString(text, i + 1);
        else {
          if (text[i] === "{") braces++;
          else if (text[i] === "}") braces--;
          i++;
        }
      }
    } else i++;
  }
  return text.length;
}
