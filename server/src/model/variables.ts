// Build-argument substitution as BuildKit does it in FROM and flag values: `$X`, `${X}`,
// `${X:-default}`, `${X-default}`, `${X:+alt}`, `${X+alt}`. Unknown variables stay unresolved.

/** Known variables: name -> value, or null when declared without a default. */
export type VariableScope = ReadonlyMap<string, string | null>;

export interface Substitution {
  value: string;
  /** Names referenced but not resolvable to a value. */
  unresolved: string[];
  /** True when the text referenced any variable. */
  hasVariables: boolean;
}

// The third group catches forms not evaluated here (`${X#prefix}`, `${X%suffix}`, `${X/a/b}`,
// `${X:?err}`): their value stays unresolved rather than being taken for literal text.
// `\b` ends the name where the word does, so the name and the operand cannot trade characters.
const VARIABLE = /\$(?:\{([A-Za-z_][A-Za-z0-9_]*)\b(?:(:?[-+])([^}]*)|([^}]+))?\}|([A-Za-z_][A-Za-z0-9_]*))/g;

export function substituteVariables(text: string, scope: VariableScope): Substitution {
  const unresolved: string[] = [];
  let hasVariables = false;
  const value = text.replace(
    VARIABLE,
    (match, braced: string | undefined, op: string | undefined, word: string | undefined, other: string | undefined, plain: string | undefined) => {
      hasVariables = true;
      const name = (braced ?? plain) as string;
      // A value that itself still holds a variable (`ARG D=${TARGETPLATFORM#linux/}`) is unknown.
      // The builder always sets the platform arguments, to values only the build knows: even
      // `${TARGETARCH:+...}` cannot be read without them.
      const isPlatformValue = PLATFORM_ARGS.has(name) && (scope.get(name) ?? null) === null;
      if (other !== undefined || isPlatformValue || holdsVariable(scope.get(name) ?? null)) {
        unresolved.push(name);
        return match;
      }
      const known = scope.has(name);
      const current = scope.get(name) ?? null;
      const isSet = known && current !== null;
      const isNonEmpty = isSet && current !== "";
      // The shell lexer removes quotes from the operator's word: `${X:-"a b"}` is `a b`.
      word = word?.replace(/"([^"]*)"|'([^']*)'/g, (_q, dq: string | undefined, sq: string | undefined) => dq ?? sq ?? "");
      if (op === ":-") return isNonEmpty ? (current as string) : (word ?? "");
      if (op === "-") return isSet ? (current as string) : (word ?? "");
      if (op === ":+") return isNonEmpty ? (word ?? "") : "";
      if (op === "+") return isSet ? (word ?? "") : "";
      if (!isSet) {
        unresolved.push(name);
        return match;
      }
      return current as string;
    },
  );
  return { value, unresolved, hasVariables };
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

/** True when the text contains a `$` variable reference. */
/** The names of the variables `text` references (`node:${NODE_VERSION}-$VARIANT`: NODE_VERSION, VARIANT). */
export function variableNames(text: string): string[] {
  return [...text.matchAll(/\$\{?(\w+)/g)].map((m) => m[1]);
}

export function hasVariableReference(text: string): boolean {
  VARIABLE.lastIndex = 0;
  const found = VARIABLE.test(text);
  VARIABLE.lastIndex = 0;
  return found;
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
