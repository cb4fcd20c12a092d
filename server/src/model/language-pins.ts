// The language version a project's own manifests hold it to: pyproject's `requires-python` (or
// Poetry's `python =`), a Gemfile's `ruby '...'`, `.ruby-version`, `.python-version`, package.json's
// `engines.node`. A base-image remedy that leaves these behind breaks the build (bundler aborts on
// a Ruby mismatch, Poetry refuses a Python outside the range), so the rule asks here first.
// go.mod's `go` line is a minimum, never a ceiling: it is not read.

import type { BuildContextFacts } from "./context";
import { compareVersions } from "./versions";

export type PinnedLanguage = "python" | "ruby" | "node";

export interface LanguagePin {
  /** The file that holds the pin, relative to the context root (`Gemfile`, `pyproject.toml`). */
  file: string;
  /** The constraint as written (`2.7.3`, `>=3.10,<3.13`). */
  written: string;
  /**
   * True when some release of `series` (`[3, 12]` for Python 3.12, `[24]` for Node.js 24) meets the
   * constraint.
   */
  accepts(series: readonly number[]): boolean;
}

type Comparator = { op: "<" | "<=" | ">" | ">=" | "="; version: number[] };

const numbers = (text: string): number[] | null => (/^\d+(?:\.\d+)*$/.test(text) ? text.split(".").map(Number) : null);

/** `~> 2.7.0` allows 2.7.x, `~> 2.7` allows 2.x from 2.7: the last written part may not move. */
function pessimistic(v: number[]): Comparator[] {
  const upper = v.length > 1 ? [...v.slice(0, -2), v[v.length - 2] + 1] : [v[0] + 1];
  return [
    { op: ">=", version: v },
    { op: "<", version: upper },
  ];
}

/**
 * One constraint clause: PEP 440 (`>=3.10`, `<3.13`, `~=3.10`, `==3.10.*`), RubyGems (`~> 2.7`,
 * `2.7.3`), npm (`^18`, `~18.2`, `18.x`, `>=18`), Poetry (`^3.10`). Null when not understood.
 */
function clause(text: string): Comparator[] | null {
  const m = /^(<=|>=|<|>|==|=|~=|~>|\^|~)?\s*v?(\d+(?:\.\d+)*)((?:\.[x*])*)$/.exec(text.trim());
  if (!m) return null;
  const v = numbers(m[2]);
  if (!v) return null;
  switch (m[1]) {
    case "<":
    case "<=":
    case ">":
    case ">=":
      return [{ op: m[1], version: v }];
    case "~>":
    case "~=":
      return pessimistic(v);
    case "^":
      return [
        { op: ">=", version: v },
        { op: "<", version: [v[0] + 1] },
      ];
    case "~":
      return [
        { op: ">=", version: v },
        { op: "<", version: v.length > 1 ? [v[0], v[1] + 1] : [v[0] + 1] },
      ];
    default:
      // A bare or `==` version, wildcards or not, pins that release line.
      return [{ op: "=", version: v }];
  }
}

/** Alternatives (`||`) of clause lists (`,` or spaces); null when any clause is not understood. */
function parseRange(text: string): Comparator[][] | null {
  const alternatives: Comparator[][] = [];
  for (const alt of text.split("||")) {
    const parts = alt
      .replace(/([<>=~^]+)\s+(?=\d)/g, "$1")
      .split(/[\s,]+/)
      .filter((p) => p !== "");
    const clauses: Comparator[] = [];
    for (const part of parts) {
      if (part.startsWith("!=")) continue;
      const c = clause(part);
      if (!c) return null;
      clauses.push(...c);
    }
    if (clauses.length > 0) alternatives.push(clauses);
  }
  return alternatives.length > 0 ? alternatives : null;
}

/** True when some release of the series meets the comparator (patch levels 0 up to any). */
function seriesMeets(series: readonly number[], c: Comparator): boolean {
  const lowest = [...series, 0, 0, 0].slice(0, 3);
  const highest = [...series, Infinity, Infinity, Infinity].slice(0, 3);
  switch (c.op) {
    case "<":
      return compareVersions(lowest, c.version) < 0;
    case "<=":
      return compareVersions(lowest, c.version) <= 0;
    case ">":
      return compareVersions(highest, c.version) > 0;
    case ">=":
      return compareVersions(highest, c.version) >= 0;
    case "=": {
      const n = Math.min(series.length, c.version.length);
      return compareVersions(series.slice(0, n), c.version.slice(0, n)) === 0;
    }
  }
}

function pin(file: string, written: string): LanguagePin | null {
  const range = parseRange(written);
  if (!range) return null;
  return { file, written, accepts: (series) => range.some((clauses) => clauses.every((c) => seriesMeets(series, c))) };
}

/** The value of `key = "..."` inside TOML `[table]`, or null. Only the string form is read. */
function tomlString(text: string, table: string, key: string): string | null {
  let current = "";
  for (const line of text.split(/\r?\n/)) {
    const header = /^\s*\[([^\]]+)\]\s*(?:#.*)?$/.exec(line);
    if (header) current = header[1].trim();
    else if (current === table) {
      const m = /^\s*([\w"-]+)\s*=\s*(["'])([^"']*)\2/.exec(line);
      if (m && m[1].replace(/"/g, "") === key) return m[3];
    }
  }
  return null;
}

function versionFile(file: string, text: string | undefined): LanguagePin | null {
  const first = text
    ?.split(/\r?\n/)[0]
    .trim()
    .replace(/^(?:ruby|python)-/, "");
  return first && numbers(first) ? pin(file, first) : null;
}

/**
 * The version constraint the project's manifests at the context root put on `language`, or null
 * when none is read (no file, a range without a ceiling is still returned: callers test `accepts`).
 */
export function languagePin(context: BuildContextFacts, language: PinnedLanguage): LanguagePin | null {
  const files = context.files ?? {};
  switch (language) {
    case "python": {
      const pyproject = files["pyproject.toml"];
      if (pyproject !== undefined) {
        const requires = tomlString(pyproject, "project", "requires-python") ?? tomlString(pyproject, "tool.poetry.dependencies", "python");
        const found = requires !== null ? pin("pyproject.toml", requires) : null;
        if (found) return found;
      }
      return versionFile(".python-version", files[".python-version"]);
    }
    case "ruby": {
      const gemfile = files["Gemfile"];
      const m = gemfile !== undefined ? /^[ \t]*ruby(?:[ \t]+|[ \t]*\([ \t]*)(["'])([^"']+)\1/m.exec(gemfile) : null;
      if (m) {
        const found = pin("Gemfile", m[2]);
        if (found) return found;
      }
      return versionFile(".ruby-version", files[".ruby-version"]);
    }
    case "node": {
      const pkg = files["package.json"];
      if (pkg === undefined) return null;
      try {
        const engines = (JSON.parse(pkg) as { engines?: { node?: unknown } }).engines;
        return typeof engines?.node === "string" ? pin("package.json", engines.node) : null;
      } catch {
        return null;
      }
    }
  }
}
