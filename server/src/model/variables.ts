// Build-argument substitution as BuildKit does it in FROM and flag values: `$X`, `${X}`,
// `${X:-default}`, `${X-default}`, `${X:+alt}`, `${X+alt}`, `${X:?message}`, `${X?message}` (the
// value, or a failed build: unresolved then), and the string forms of Dockerfile
// syntax 1.7: `${X#glob}`, `${X##glob}`, `${X%glob}`, `${X%%glob}`, `${X/glob/text}`,
// `${X//glob/text}`. Unknown variables stay unresolved.

import { compileGlob, type Glob } from "./glob";

/** Known variables: name -> value, or null when declared without a default. */
export type VariableScope = ReadonlyMap<string, string | null>;

export interface Substitution {
  value: string;
  /** Names referenced but not resolvable to a value. */
  unresolved: string[];
  /** True when the text referenced any variable. */
  hasVariables: boolean;
}

/** A `$` reference as written: its name and, braced, what follows the name up to the matching `}`. */
interface Reference {
  name: string;
  /** `:-`, `-`, `:+`, `+`, `:?`, `?`, and the word after it (its own references not yet expanded). */
  op?: string;
  word?: string;
  /** Any other text after the name (`#prefix`, `/a/b`), evaluated by `stringForm`, else left unresolved. */
  other?: string;
  /** Just past the reference. */
  end: number;
}

const NAME = /[A-Za-z_][A-Za-z0-9_]*/y;
const OPERATOR = /^(:?[-+?])([\s\S]*)$/;
/**
 * How deep words nest references (`${A:-${B:-${C}}}`) before the rest is left unresolved: real
 * files nest two or three; the bound keeps a line of thousands from exhausting the stack.
 */
const MAX_NESTING = 16;

/**
 * For each `${` of `text`, the index of the `}` that closes it, nested references counted
 * (`${A:+"img:${B}"}`); an unclosed one has none. One pass, so that a line of unclosed braces
 * costs no more than its length.
 */
function closingBraces(text: string): Map<number, number> {
  const closes = new Map<number, number>();
  const open: number[] = [];
  for (let i = text.indexOf("$"); i !== -1 && i < text.length; i++) {
    if (text[i] === "$" && text[i + 1] === "{") {
      open.push(i);
      i++;
    } else if (text[i] === "}" && open.length > 0) {
      closes.set(open.pop() as number, i);
    }
  }
  return closes;
}

/** The reference at `text[dollar]` (a `$`), or null when none starts there (`$1`, `${`, an unclosed brace). */
function readReference(text: string, dollar: number, closes: ReadonlyMap<number, number>): Reference | null {
  const braced = text[dollar + 1] === "{";
  NAME.lastIndex = dollar + (braced ? 2 : 1);
  const name = NAME.exec(text)?.[0];
  if (name === undefined) return null;
  const afterName = NAME.lastIndex;
  if (!braced) return { name, end: afterName };
  const close = closes.get(dollar);
  if (close === undefined) return null;
  const inner = text.slice(afterName, close);
  if (inner === "") return { name, end: close + 1 };
  const operator = OPERATOR.exec(inner);
  return operator ? { name, op: operator[1], word: operator[2], end: close + 1 } : { name, other: inner, end: close + 1 };
}

export function substituteVariables(text: string, scope: VariableScope): Substitution {
  return substitute(text, scope, 0);
}

/** `substituteVariables` on a word `nesting` operator words deep. */
function substitute(text: string, scope: VariableScope, nesting: number): Substitution {
  const unresolved: string[] = [];
  let hasVariables = false;
  let value = "";
  let from = 0;
  const closes = closingBraces(text);
  for (let dollar = text.indexOf("$"); dollar !== -1; dollar = text.indexOf("$", dollar + 1)) {
    if (dollar < from) continue;
    const reference = readReference(text, dollar, closes);
    if (reference === null) continue;
    hasVariables = true;
    value += text.slice(from, dollar) + expand(reference, text.slice(dollar, reference.end), scope, unresolved, nesting);
    from = reference.end;
  }
  return { value: value + text.slice(from), unresolved, hasVariables };
}

/** One reference's value; its text `written` (and its name in `unresolved`) where it has none that can be known. */
function expand(reference: Reference, written: string, scope: VariableScope, unresolved: string[], nesting: number): string {
  const { name, op, other } = reference;
  // A value that itself still holds a variable (`ARG D=${TARGETPLATFORM#linux/}`) is unknown.
  // The builder always sets the platform arguments, to values only the build knows: even
  // `${TARGETARCH:+...}` cannot be read without them.
  const isPlatformValue = PLATFORM_ARGS.has(name) && (scope.get(name) ?? null) === null;
  if (isPlatformValue || holdsVariable(scope.get(name) ?? null) || nesting >= MAX_NESTING) {
    unresolved.push(name);
    return written;
  }
  if (other !== undefined) {
    const value = scope.get(name) ?? null;
    const result = value === null ? null : stringForm(value, other, scope);
    if (result === null) unresolved.push(name);
    return result ?? written;
  }
  const known = scope.has(name);
  const current = scope.get(name) ?? null;
  const isSet = known && current !== null;
  const isNonEmpty = isSet && current !== "";
  /** The operator's word: quotes removed as the shell lexer removes them (`${X:-"a b"}` is `a b`), its own references expanded. */
  const word = () => {
    const unquoted = (reference.word ?? "").replace(/"([^"]*)"|'([^']*)'/g, (_q, dq: string | undefined, sq: string | undefined) => dq ?? sq ?? "");
    const expanded = substitute(unquoted, scope, nesting + 1);
    unresolved.push(...expanded.unresolved);
    return expanded.value;
  };
  if (op === ":-") return isNonEmpty ? (current as string) : word();
  if (op === "-") return isSet ? (current as string) : word();
  if (op === ":+") return isNonEmpty ? word() : "";
  if (op === "+") return isSet ? word() : "";
  // `${X:?message}` fails the build where `${X:-default}` would take the default: no value then.
  const hasValue = op === ":?" ? isNonEmpty : isSet;
  if (!hasValue) {
    unresolved.push(name);
    return written;
  }
  return current as string;
}

/**
 * `value` under a string form's operator and operand (`#v`, `%%-*`, `/bookworm/trixie`), as
 * BuildKit's lexer computes it: the glob's `*` and `?`, a backslash keeping the next character;
 * the operand's own variables substituted first. Null for another operator, or an operand whose
 * variables are unknown.
 */
function stringForm(value: string, operand: string, scope: VariableScope): string | null {
  const form = /^(##?|%%?|\/\/?)([\s\S]*)$/.exec(operand);
  if (form === null) return null;
  const [, operator, rest] = form;
  let pattern = rest;
  let replacement = "";
  if (operator.startsWith("/")) {
    const slash = unescapedSlash(rest);
    pattern = slash === -1 ? rest : rest.slice(0, slash);
    replacement = slash === -1 ? "" : rest.slice(slash + 1);
  }
  const patternValue = substituteVariables(pattern, scope);
  const replacementValue = substituteVariables(replacement, scope);
  if (patternValue.unresolved.length > 0 || replacementValue.unresolved.length > 0) return null;
  // The glob's `*` and `?` match any character here, `/` too: the value is a string, not a path.
  const glob = compileGlob(patternValue.value, { crossesSlash: true });
  if (glob === null) return null;
  const literal = literalText(glob);
  if (literal !== null) return literalForm(value, operator, literal, replacementValue.value);
  // A glob is matched against every prefix, suffix or span: only short values and globs are read,
  // so that a file full of them cannot make the analysis slow.
  if (value.length > MAX_GLOB_VALUE || patternValue.value.length > MAX_GLOB_PATTERN) return null;
  const matches = (from: number, to: number) => glob.test(value.slice(from, to));
  const n = value.length;
  switch (operator) {
    case "#":
    case "##": {
      // The shortest (or longest) prefix the glob matches whole.
      for (let k = 0; k <= n; k++) {
        const end = operator === "#" ? k : n - k;
        if (matches(0, end)) return value.slice(end);
      }
      return value;
    }
    case "%":
    case "%%": {
      for (let k = 0; k <= n; k++) {
        const start = operator === "%" ? n - k : k;
        if (matches(start, n)) return value.slice(0, start);
      }
      return value;
    }
    default: {
      // The longest match at the earliest position, once or (`//`) throughout.
      let out = "";
      let from = 0;
      for (let start = 0; start < n;) {
        let end = -1;
        for (let to = n; to > start; to--) {
          if (matches(start, to)) {
            end = to;
            break;
          }
        }
        if (end === -1) {
          start++;
          continue;
        }
        out += value.slice(from, start) + replacementValue.value;
        from = start = end;
        if (operator === "/") break;
      }
      return out + value.slice(from);
    }
  }
}

/** The longest value, and glob, a glob form is evaluated for; longer ones stay unresolved. */
const MAX_GLOB_VALUE = 64;
const MAX_GLOB_PATTERN = 32;

/** The text a glob without wildcards matches (its escapes taken off), or null when it has `*`, `?` or a class. */
function literalText(glob: Glob): string | null {
  let text = "";
  for (const step of glob.steps) {
    if (step.kind !== "char") return null;
    text += step.char;
  }
  return text;
}

/** A string form whose glob is plain text: prefix, suffix, first or every occurrence, in linear time. */
function literalForm(value: string, operator: string, text: string, replacement: string): string {
  switch (operator) {
    case "#":
    case "##":
      return value.startsWith(text) ? value.slice(text.length) : value;
    case "%":
    case "%%":
      return value.endsWith(text) ? value.slice(0, value.length - text.length) : value;
    case "/":
      // An empty pattern matches nothing.
      return text === "" || !value.includes(text) ? value : value.replace(text, () => replacement);
    default:
      return text === "" ? value : value.split(text).join(replacement);
  }
}

/** The index of the first `/` no backslash escapes, or -1. */
function unescapedSlash(text: string): number {
  for (let i = 0; i < text.length; i++) {
    if (text[i] === "\\") i++;
    else if (text[i] === "/") return i;
  }
  return -1;
}

/** BuildKit's automatic platform arguments (available in FROM without a declaration; in a stage after `ARG <name>`). */
export const PLATFORM_ARGS: ReadonlySet<string> = new Set([
  "TARGETPLATFORM",
  "TARGETOS",
  "TARGETARCH",
  "TARGETVARIANT",
  "BUILDPLATFORM",
  "BUILDOS",
  "BUILDARCH",
  "BUILDVARIANT",
]);

const HOLDS_VARIABLE = /\$(?:\{[A-Za-z_]|[A-Za-z_])/;

function holdsVariable(value: string | null): boolean {
  return value !== null && HOLDS_VARIABLE.test(value);
}

/** The names of the variables `text` references (`node:${NODE_VERSION}-$VARIANT`: NODE_VERSION, VARIANT). */
export function variableNames(text: string): string[] {
  return [...text.matchAll(/\$\{?(\w+)/g)].map((m) => m[1]);
}

/** True when the text contains a `$` variable reference. */
export function hasVariableReference(text: string): boolean {
  const closes = closingBraces(text);
  for (let dollar = text.indexOf("$"); dollar !== -1; dollar = text.indexOf("$", dollar + 1)) {
    if (readReference(text, dollar, closes) !== null) return true;
  }
  return false;
}

/**
 * `${docker.base.image}`, `${project.version}`: a Maven (or other template) property, filled in
 * before docker sees the file. Docker variable names have no dots, so it is never a build ARG.
 */
export const TEMPLATE_PLACEHOLDER = /^\$\{[A-Za-z_][\w-]*(?:\.[\w-]+)+\}/;

/** True when `text` holds a template placeholder such as `${docker.base.image}`. */
export function hasTemplatePlaceholder(text: string): boolean {
  return /\$\{[A-Za-z_][\w-]*(?:\.[\w-]+)+\}/.test(text);
}

/**
 * A FROM word as BuildKit's shell lexer reads it: quotes are removed, so
 * `jenkins/agent:"${version}"-jdk"${JDK}"` names `jenkins/agent:${version}-jdk${JDK}`. A
 * backslash keeps the quote after it. (Variables inside single quotes would stay literal there;
 * an image name never holds one.)
 */
export function removeQuotes(text: string): string {
  if (!/["']/.test(text)) return text;
  let out = "";
  let quote: string | null = null;
  for (let i = 0; i < text.length; i++) {
    const c = text[i];
    if (c === "\\" && quote !== "'" && (text[i + 1] === '"' || text[i + 1] === "'")) out += text[++i];
    else if (quote === null && (c === '"' || c === "'")) quote = c;
    else if (c === quote) quote = null;
    else out += c;
  }
  return out;
}
