// Reorders a stage so a dependency install runs before the sources arrive: the broad context copy
// (`COPY . .`) is replaced by a copy of the manifests (`COPY package*.json ./`) and moved after the
// install, so the install layer is rebuilt only when the manifests change.

import { contextCopy } from "../model/copies";
import { joinPath, normalizePath } from "../model/copy-paths";
import type { ManifestPlan } from "../model/dependency-manifests";
import type { TextEdit } from "../model/text";
import type { DockerfileModel, Instruction, Stage } from "../model/types";
import { workdirOf } from "../model/workdir";

/** Instructions the broad copy may be moved across: none of them reads or changes the files it copies. */
const MOVABLE_ACROSS = new Set(["ENV", "ARG", "LABEL", "EXPOSE", "USER", "HEALTHCHECK", "STOPSIGNAL", "CMD", "ENTRYPOINT", "MAINTAINER", "WORKDIR"]);

/**
 * Edits that copy the manifests of `plan` where `broadCopy` stood (same flags, destination
 * following the broad copy's) and move `broadCopy` right after `install`. Null when the move could
 * change the build: instructions between them that read or write files (RUNs that the caller vouches
 * for excepted), a WORKDIR change under a
 * relative destination, variables or several sources in the copy, or manifests outside the copied
 * tree.
 */
export function manifestFirstEdits(
  model: DockerfileModel,
  stage: Stage,
  broadCopy: Instruction,
  install: Instruction,
  plan: ManifestPlan,
  /** Whether a RUN between the copy and the install runs without the sources. */
  isSourceFreeRun: (run: Instruction) => boolean = () => false,
): TextEdit[] | null {
  const copy = contextCopy(broadCopy);
  if (!copy || copy.sources.length !== 1 || normalizePath(copy.sources[0].value) !== ".") return null;
  const destWritten = copy.dest.value;
  if (/[$`\s]/.test(destWritten) || broadCopy.isJsonForm) return null;
  const isAbsolute = destWritten.startsWith("/");

  const between = stage.instructions.slice(stage.instructions.indexOf(broadCopy) + 1, stage.instructions.indexOf(install));
  const canCross = (i: Instruction) => (i.keyword === "RUN" ? isSourceFreeRun(i) : MOVABLE_ACROSS.has(i.keyword) && (i.keyword !== "WORKDIR" || isAbsolute));
  if (!between.every(canCross)) return null;

  // Where the manifests sit relative to the copied tree: the install's directory seen from the destination.
  const copyDir = workdirOf(model, stage, broadCopy);
  const installDir = workdirOf(model, stage, install);
  const destDir = isAbsolute ? normalizePath(destWritten) : copyDir === null ? null : joinPath(copyDir, destWritten);
  let prefix: string | null;
  if (destDir !== null && installDir !== null) prefix = relativeInside(destDir, installDir);
  else prefix = !isAbsolute && normalizePath(destWritten) === "." && between.every((i) => i.keyword !== "WORKDIR") ? "." : null;
  if (prefix === null) return null;

  const groups = new Map<string, string[]>();
  for (const file of plan.files) {
    const contextPath = file.startsWith("/") ? (destDir === null ? null : relativeInside(destDir, normalizePath(file))) : normalizePath(`${prefix}/${file}`);
    if (contextPath === null || contextPath === "." || contextPath.startsWith("..")) return null;
    const dir = contextPath.includes("/") ? contextPath.slice(0, contextPath.lastIndexOf("/")) : ".";
    groups.set(dir, [...(groups.get(dir) ?? []), contextPath]);
  }
  const base = destWritten.replace(/\/+$/, "") === "" ? "" : destWritten.replace(/\/+$/, "");
  const target = (dir: string) => (dir === "." ? `${base}/` : `${base}/${dir}/`);
  const keyword = /^[a-z]/.test(model.lines.textIn(broadCopy.keywordRange)) ? "copy" : "COPY";
  const flags = broadCopy.flags.map((f) => `${model.lines.textIn(f.range)} `).join("");
  const indent = /^\s*/.exec(model.lines.lineText(broadCopy.range.start.line))?.[0] ?? "";
  // The file's own line ending: a CRLF file must not get lone LFs.
  const eol = model.text.includes("\r\n") ? "\r\n" : "\n";
  const lines = [...groups].map(([dir, files]) => `${indent}${keyword} ${flags}${files.join(" ")} ${target(dir)}${eol}`);
  for (const dir of plan.dirs) {
    const contextDir = normalizePath(`${prefix}/${dir}`);
    lines.push(`${indent}${keyword} ${flags}${contextDir} ${target(contextDir)}${eol}`);
  }

  const copyStart = { line: broadCopy.range.start.line, character: 0 };
  const copyEnd = model.lines.startOfLineAfter(broadCopy.range.end.line);
  const copyText = model.lines.textIn({ start: copyStart, end: copyEnd });
  const afterInstall = model.lines.startOfLineAfter(install.range.end.line);
  const atEndOfFile = install.range.end.line + 1 >= model.lines.lineCount;
  const moved = atEndOfFile ? `${eol}${copyText.replace(/\r?\n$/, "")}` : copyText.endsWith("\n") ? copyText : `${copyText}${eol}`;
  return [
    { range: { start: copyStart, end: copyEnd }, newText: lines.join("") },
    { range: { start: afterInstall, end: afterInstall }, newText: moved },
  ];
}

/** `path` relative to `dir` when inside it (`.` when equal); null when outside. */
function relativeInside(dir: string, path: string): string | null {
  if (dir === path) return ".";
  const prefix = dir === "/" ? "/" : `${dir}/`;
  return path.startsWith(prefix) ? path.slice(prefix.length) : null;
}
