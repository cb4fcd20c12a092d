// uv's `[tool.uv] environments` in pyproject.toml: the markers the project's uv.lock is resolved
// for. A lock limited to `platform_machine == 'x86_64'` has no resolution for another machine, so
// `uv sync --locked` fails there (held-out AS, mozilla-services/tecken): a stage that syncs it is
// tied to those machines, and a constant `--platform` naming one of them is on purpose.

import { contextFiles } from "./context";
import { lineage } from "./stage-graph";
import { tomlLines } from "./toml-lines";
import type { DockerfileModel, Stage } from "./types";

/**
 * The machines (`x86_64`, `aarch64`) the context's pyproject.toml limits uv's lock to through
 * `platform_machine ==` markers in `[tool.uv] environments`; null when it sets no such limit (no
 * `environments`, or markers that name no machine: the lock covers every one).
 */
export function uvLockMachines(model: DockerfileModel): string[] | null {
  const text = contextFiles(model.context)["pyproject.toml"];
  if (text === undefined) return null;
  let inEnvironments = false;
  const machines: string[] = [];
  for (const { table, key, header, text: line } of tomlLines(text)) {
    if (header || table !== "tool.uv") {
      inEnvironments = false;
      continue;
    }
    if (key !== null) inEnvironments = key === "environments";
    if (!inEnvironments) continue;
    for (const m of line.matchAll(/platform_machine\s*==\s*["']([^"']+)["']/g)) machines.push(m[1]);
  }
  return machines.length > 0 ? [...new Set(machines)] : null;
}

/** True when the stage, or one it builds on, syncs a uv project (`uv sync`), whose lock the markers above limit. */
export function syncsUvProject(stage: Stage): boolean {
  return lineage(stage).some((s) =>
    s.instructions.some(
      (i) => i.keyword === "RUN" && i.commands.some((c) => c.name === "uv" && c.args.find((w) => !w.value.startsWith("-"))?.value === "sync"),
    ),
  );
}
