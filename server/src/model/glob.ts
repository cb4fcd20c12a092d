// Wildcard matching for patterns taken from a Dockerfile or a .dockerignore (COPY sources, ignore
// patterns, `${VAR}` placeholders in stage names), without regular expressions: the pattern runs as
// a set of positions over the text, so matching costs pattern length x text length at worst and a
// hostile pattern (`[z-a]`, thousands of `*`) neither throws nor backtracks.

/** One step of a compiled pattern. */
type GlobStep =
  /** One character, exactly. */
  | { kind: "char"; char: string }
  /** `?`: one character other than `/` (any character when `crossesSlash`). */
  | { kind: "one" }
  /** `*`: any run of characters without `/` (any run when `crossesSlash`). */
  | { kind: "star" }
  /** `**` at the end of a pattern: anything, `/` included. */
  | { kind: "any" }
  /** `**` (or `**` + `/`) before more pattern: no directory at all, or any run ending with `/`. */
  | { kind: "dirs" }
  /** `[...]`: one character in (or, negated, not in) the ranges. */
  | { kind: "class"; negated: boolean; ranges: [string, string][] };

/** A compiled wildcard pattern; `test` never throws. */
export interface Glob {
  readonly steps: readonly GlobStep[];
  /** Whether `*` and `?` may match `/` (a plain wildcard, not a path pattern). */
  readonly crossesSlash: boolean;
  test(text: string): boolean;
}

export interface GlobOptions {
  /** `**` matches across directories (.dockerignore); otherwise it is two `*`. */
  globstar?: boolean;
  /** `[!...]` negates as well as `[^...]` (Go's filepath.Match takes `^`; shells take `!`). */
  bangNegates?: boolean;
  /** `*` and `?` also match `/`. */
  crossesSlash?: boolean;
  /** Compare without regard to case (ASCII and Unicode simple case folding via toLowerCase). */
  ignoreCase?: boolean;
  /** What an unclosed `[` is: a literal `[` (COPY) or an invalid pattern (BuildKit's ignore file). */
  unclosedClass?: "literal" | "invalid";
}

/**
 * Compiles a shell-style pattern: `*`, `?`, `[...]` classes with ranges, `\` escapes and, with
 * `globstar`, `**`. Null for a pattern that cannot match anything by its own syntax (a reversed
 * range such as `[z-a]`, or an unclosed class when `unclosedClass` is `invalid`).
 */
export function compileGlob(pattern: string, options: GlobOptions = {}): Glob | null {
  const fold = options.ignoreCase ? (s: string) => s.toLowerCase() : (s: string) => s;
  const steps: GlobStep[] = [];
  const chars = [...pattern];
  for (let i = 0; i < chars.length; i++) {
    const c = chars[i];
    if (c === "*") {
      if (options.globstar && chars[i + 1] === "*") {
        i++;
        // `**/` is `**`: it may stand for no directory at all.
        if (chars[i + 1] === "/") i++;
        steps.push({ kind: i + 1 >= chars.length ? "any" : "dirs" });
      } else if (steps[steps.length - 1]?.kind !== "star") steps.push({ kind: "star" });
    } else if (c === "?") steps.push({ kind: "one" });
    else if (c === "\\") {
      // A trailing backslash stands for itself.
      steps.push({
        kind: "char",
        char: fold(i + 1 < chars.length ? chars[++i] : "\\"),
      });
    } else if (c === "[") {
      const parsed = readClass(chars, i, options.bangNegates === true, fold);
      if (parsed === "invalid") return null;
      if (parsed === "unclosed") {
        if (options.unclosedClass === "invalid") return null;
        steps.push({ kind: "char", char: "[" });
        continue;
      }
      steps.push(parsed.step);
      i = parsed.end;
    } else steps.push({ kind: "char", char: fold(c) });
  }
  const crossesSlash = options.crossesSlash === true;
  return {
    steps,
    crossesSlash,
    test: (text) => runGlob(steps, [...fold(text)], crossesSlash),
  };
}

/** The class starting at `chars[start]` (`[`), the index of its `]`, or why there is none. */
function readClass(
  chars: readonly string[],
  start: number,
  bangNegates: boolean,
  fold: (s: string) => string,
): { step: GlobStep; end: number } | "unclosed" | "invalid" {
  let i = start + 1;
  let negated = false;
  if (chars[i] === "^" || (bangNegates && chars[i] === "!")) {
    negated = true;
    i++;
  }
  const ranges: [string, string][] = [];
  // A `]` right after the opening (or the negation) is a member, as in POSIX and Go.
  let first = true;
  for (; i < chars.length; i++) {
    let c = chars[i];
    if (c === "]" && !first) {
      return { step: { kind: "class", negated, ranges }, end: i };
    }
    first = false;
    if (c === "\\" && i + 1 < chars.length) c = chars[++i];
    let hi = c;
    if (chars[i + 1] === "-" && i + 2 < chars.length && chars[i + 2] !== "]") {
      hi = chars[i + 2] === "\\" && i + 3 < chars.length ? chars[i + 3] : chars[i + 2];
      i += chars[i + 2] === "\\" ? 3 : 2;
      if (hi < c) return "invalid";
    }
    ranges.push([fold(c), fold(hi)]);
  }
  return "unclosed";
}

/** Runs the steps over the text as a set of reachable positions (an NFA simulation, no backtracking). */
function runGlob(steps: readonly GlobStep[], text: readonly string[], crossesSlash: boolean): boolean {
  const n = text.length;
  let reach = new Uint8Array(n + 1);
  reach[0] = 1;
  for (const step of steps) {
    const next = new Uint8Array(n + 1);
    let any = false;
    switch (step.kind) {
      case "char":
      case "one":
      case "class":
        for (let p = 0; p < n; p++) {
          if (reach[p] && matchesOne(step, text[p], crossesSlash)) {
            next[p + 1] = 1;
            any = true;
          }
        }
        break;
      case "star":
        for (let p = 0; p <= n; p++) {
          // Reachable itself, or one more character after a reachable position (never a `/`).
          if (reach[p] || (p > 0 && next[p - 1] && (crossesSlash || text[p - 1] !== "/"))) {
            next[p] = 1;
            any = true;
          }
        }
        break;
      case "any": {
        const from = reach.indexOf(1);
        if (from >= 0) {
          next.fill(1, from);
          any = true;
        }
        break;
      }
      case "dirs": {
        let seen = false;
        for (let p = 0; p <= n; p++) {
          if (reach[p]) {
            next[p] = 1;
            any = true;
          }
          // After a reachable position, every later position just past a `/` is reachable too.
          if (seen && p > 0 && text[p - 1] === "/") {
            next[p] = 1;
            any = true;
          }
          if (reach[p]) seen = true;
        }
        break;
      }
    }
    if (!any) return false;
    reach = next;
  }
  return reach[n] === 1;
}

function matchesOne(step: GlobStep, c: string, crossesSlash: boolean): boolean {
  switch (step.kind) {
    case "char":
      return c === step.char;
    case "one":
      return crossesSlash || c !== "/";
    case "class": {
      const inside = step.ranges.some(([lo, hi]) => lo <= c && c <= hi);
      return step.negated ? !inside : inside;
    }
    default:
      return false;
  }
}

/** `text` as a pattern that matches exactly `text` (every wildcard character escaped). */
export function escapeGlob(text: string): string {
  let out = "";
  for (const c of text) out += c === "*" || c === "?" || c === "[" || c === "\\" ? `\\${c}` : c;
  return out;
}
