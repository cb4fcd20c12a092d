// The dependencies a pyproject.toml declares, as written, for the readers that judge them: Poetry's
// `[tool.poetry.dependencies]` table (`numpy = "^1.19"`, `py-cord = { git = "..." }`) and PEP 621's
// `[project] dependencies = [...]` array (`"fastapi>=0.115"`, `"pycord @ git+https://..."`), read
// with toml-lines' line reader.

import { tomlLines } from "./toml-lines";

/** One declared dependency: Poetry's key and the value after its `=`, or PEP 621's requirement string. */
export type PyprojectDependency = { table: "poetry"; name: string; value: string } | { table: "project"; requirement: string };

/** The dependencies `text` declares, in file order. */
export function pyprojectDependencies(text: string): PyprojectDependency[] {
  const out: PyprojectDependency[] = [];
  let inArray = false;
  for (const line of tomlLines(text)) {
    if (line.header) {
      inArray = false;
      continue;
    }
    if (line.table === "tool.poetry.dependencies") {
      if (line.key !== null) out.push({ table: "poetry", name: line.key, value: line.text.slice(line.text.indexOf("=") + 1) });
    } else if (line.table === "project") {
      if (line.key === "dependencies" && /=\s*\[/.test(line.text)) inArray = true;
      if (!inArray) continue;
      for (const [, requirement] of line.text.matchAll(/["']([^"']+)["']/g)) out.push({ table: "project", requirement });
      if (/\]\s*(?:#.*)?$/.test(line.text.replace(/["'][^"']*["']/g, ""))) inArray = false;
    }
  }
  return out;
}
