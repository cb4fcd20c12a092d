// A line reader for the few pyproject.toml keys the rules ask about: the table each line is in and
// the key it starts, if any. Not a TOML parser: inline tables and values spread over lines are not
// resolved, which the callers (a table's keys, marker strings inside one value) do not need.

export interface TomlLine {
  /** The table the line is in, quotes dropped (`tool.uv`, `dependency-groups`); "" before any header. */
  table: string;
  /** The key the line assigns (`dev` in `dev = [...]`), or null for a header, a value's later line or a comment. */
  key: string | null;
  /** True for a table header line (`[tool.uv]`). */
  header: boolean;
  text: string;
}

const HEADER = /^\s*\[{1,2}([^\]]+)\]{1,2}\s*(?:#.*)?$/;
// `key =`, not `a == b` (a marker expression on a value's later line).
const KEY = /^\s*["']?([A-Za-z0-9_.-]+)["']?\s*=(?!=)/;

export function tomlLines(text: string): TomlLine[] {
  let table = "";
  return text.split(/\r?\n/).map((line) => {
    const header = HEADER.exec(line);
    if (header !== null) {
      table = header[1].replace(/["'\s]/g, "");
      return { table, key: null, header: true, text: line };
    }
    return { table, key: KEY.exec(line)?.[1] ?? null, header: false, text: line };
  });
}
