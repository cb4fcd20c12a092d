// Downloads a Go module's dependencies before the sources arrive: `COPY go.mod go.sum ./` and
// `RUN go mod download` inserted just before the broad copy (`COPY . .`), so the modules stay in a
// layer that only a change of go.mod or go.sum rebuilds. The build after the copy then finds them.

import { contextCopy } from "../model/copies";
import { joinPath, normalizePath } from "../model/copy-paths";
import { envDeclarations } from "../model/environment";
import { localGoReplacements } from "../model/implicit-fetch";
import { mountsOf } from "../model/mounts";
import type { ShellCommand } from "../model/shell";
import type { TextEdit } from "../model/text";
import type { DockerfileModel, Instruction, Stage } from "../model/types";
import { workdirOf } from "../model/workdir";

/** Variables that choose the target platform or the C toolchain, not where modules come from. */
const PLATFORM_VARIABLE = /^(?:GOOS|GOARCH|GOARM|GOAMD64|GOARM64|GO386|GOMIPS|CGO_\w+|CC|CXX)$/;

/**
 * The edits, or null when the inserted download could differ from the build's: the module is not
 * known to sit at the copy's destination (a relative destination other than `.`, an absolute one
 * other than the WORKDIR), the context has a go.work or go.mod replaces a module by a local folder
 * (its go.mod would be missing), Go settings (`GOPROXY`, `GOPRIVATE`, `GOFLAGS`) are set between
 * the copy and the build or on the build command, the build RUN mounts a secret or SSH agent for
 * private modules, or a RUN between them may configure git.
 */
export function goModDownloadEdits(model: DockerfileModel, stage: Stage, broadCopy: Instruction, build: Instruction, command: ShellCommand): TextEdit[] | null {
  const copy = contextCopy(broadCopy);
  if (!copy || copy.sources.length !== 1 || normalizePath(copy.sources[0].value) !== "." || broadCopy.isJsonForm) return null;
  const entries = model.context.rootEntries;
  if (entries !== undefined && (!entries.includes("go.mod") || entries.includes("go.work"))) return null;
  const goMod = model.context.files?.["go.mod"];
  if (localGoReplacements(goMod).length > 0) return null;
  const dest = copy.dest.value;
  const workdir = workdirOf(model, stage, broadCopy);
  const intoWorkdir = normalizePath(dest) === "." || (dest.startsWith("/") && workdir !== null && joinPath("/", dest) === workdir);
  if (!intoWorkdir) return null;
  const between = stage.instructions.filter((i) => i.ordinal > broadCopy.ordinal && i.ordinal < build.ordinal);
  const setsGo = (name: string) => name.startsWith("GO") && !PLATFORM_VARIABLE.test(name);
  if (between.some((i) => envDeclarations(model, i).some((d) => setsGo(d.name)))) return null;
  if (between.some((i) => i.keyword === "RUN" && i.commands.some((c) => c.name === "git" || c.name === "go"))) return null;
  if (command.assignments.some((a) => setsGo(a.value.slice(0, a.value.indexOf("="))))) return null;
  if (mountsOf(build).some((m) => m.type === "secret" || m.type === "ssh")) return null;

  const files = entries === undefined ? "go.mod go.sum*" : ["go.mod", ...(entries.includes("go.sum") ? ["go.sum"] : [])].join(" ");
  const upper = !/^[a-z]/.test(model.lines.textIn(broadCopy.keywordRange));
  const flags = broadCopy.flags.map((f) => `${model.lines.textIn(f.range)} `).join("");
  const indent = /^\s*/.exec(model.lines.lineText(broadCopy.range.start.line))?.[0] ?? "";
  const eol = model.text.includes("\r\n") ? "\r\n" : "\n";
  const text = `${indent}${upper ? "COPY" : "copy"} ${flags}${files} ./${eol}${indent}${upper ? "RUN" : "run"} go mod download${eol}`;
  const at = { line: broadCopy.range.start.line, character: 0 };
  return [{ range: { start: at, end: at }, newText: text }];
}
