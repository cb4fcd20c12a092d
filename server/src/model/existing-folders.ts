// The folders a stage certainly holds at one of its instructions, from what the file shows: each
// WORKDIR of the stage and of the stages it builds on (BuildKit and the classic builder create the
// folder), each COPY/ADD destination written with a trailing slash (created as a folder), each
// `mkdir` a RUN runs unconditionally, and every parent of those. Folders the base image brings are
// not known, and a later `rm` is not followed (no real Dockerfile removes its own WORKDIR).

import { joinPath, unquoteWord } from "./copy-paths";
import { lineage } from "./stage-graph";
import type { DockerfileModel, Instruction, Stage } from "./types";
import { commandDirectory, workdirOf } from "./workdir";

/** Absolute, normalized folders that exist in `stage` just before `before` (one of its instructions). */
export function foldersBefore(model: DockerfileModel, stage: Stage, before: Instruction): Set<string> {
  const folders = new Set<string>();
  for (const s of lineage(stage)) {
    const body = s.instructions;
    for (let i = 0; i < body.length; i++) {
      const instruction = body[i];
      if (s === stage && instruction === before) return folders;
      for (const folder of foldersMadeBy(model, s, instruction, body[i + 1])) addWithParents(folders, folder);
    }
  }
  return folders;
}

function foldersMadeBy(model: DockerfileModel, stage: Stage, instruction: Instruction, next: Instruction | undefined): string[] {
  if (instruction.keyword === "WORKDIR") {
    const after = workdirOf(model, stage, next);
    return after === null ? [] : [after];
  }
  if (instruction.keyword === "COPY" || instruction.keyword === "ADD") {
    const dest = instruction.args.length >= 2 ? instruction.args[instruction.args.length - 1].value : "";
    const path = instruction.isJsonForm ? dest : unquoteWord(dest);
    if (!path.endsWith("/") || path.includes("$") || instruction.heredocs.length > 0) return [];
    const resolved = resolve(path, () => workdirOf(model, stage, instruction));
    return resolved === null ? [] : [resolved];
  }
  if (instruction.keyword !== "RUN") return [];
  const out: string[] = [];
  for (const command of instruction.commands) {
    // Only a mkdir that always runs: not in a branch, a loop or after `||`, nor in a pipeline or the background.
    if (command.name !== "mkdir" || command.depth > 0) continue;
    if (command.joinedBy === "||" || command.joinedBy === "|" || command.joinedBy === "&") continue;
    for (const arg of command.args) {
      const path = unquoteWord(arg.value);
      if (path.startsWith("-") || /[$`*?[{~]/.test(path)) continue;
      const resolved = resolve(path, () => commandDirectory(model, stage, instruction, command));
      if (resolved !== null) out.push(resolved);
    }
  }
  return out;
}

function resolve(path: string, directory: () => string | null): string | null {
  if (path.startsWith("/")) return joinPath("/", path);
  const base = directory();
  return base === null ? null : joinPath(base, path);
}

function addWithParents(folders: Set<string>, folder: string): void {
  let current = folder;
  while (!folders.has(current)) {
    folders.add(current);
    if (current === "/") return;
    current = current.slice(0, current.lastIndexOf("/")) || "/";
  }
}
