// The shell scripts of RUN instructions as ShellCheck should see them, and the way back from a
// ShellCheck position to the Dockerfile. Each script is the RUN's shell text with Docker's line
// continuations and comment lines removed (as the shell receives it) or a heredoc body, behind a
// header: a shebang for the shell in effect (SHELL respected), the `shellcheck disable=` codes of
// the comments above the RUN (`# shellcheck disable=`, `# hadolint ignore=SCxxxx`), and an
// `export` of the ARG and ENV names in scope so they do not show as unassigned. The engine only
// builds scripts and maps results; a host runs the binary (see BuildContextFacts.shellcheck).

import { environmentViewAt } from "./environment";
import { allRunInstructions } from "./run-instructions";
import { documentOffset, LogicalText, toLogical } from "./shell";
import { perModel } from "./per-model";
import { shellProgramAt } from "./run-shell";
import { shebangProgram } from "./shell-programs";
import type { Position, Range } from "./text";
import type { DockerfileModel, Instruction } from "./types";
import type { ShellcheckComment } from "./context";

export type { ShellcheckComment } from "./context";

/** One ShellCheck comment (its `json1` output), positions 1-based in the script. */
export interface RunScript {
  instruction: Instruction;
  /** What ShellCheck is given; results are cached by this text. */
  text: string;
  headerLines: number;
  body: LogicalText;
}

const SHELLS: Record<string, string> = { sh: "sh", ash: "sh", dash: "dash", bash: "bash", ksh: "ksh", mksh: "ksh", busybox: "sh" };
/** Variables every RUN may see without a declaration (BuildKit's predefined proxy ARGs, common image env). */
const PREDEFINED = [
  "HTTP_PROXY",
  "http_proxy",
  "HTTPS_PROXY",
  "https_proxy",
  "FTP_PROXY",
  "ftp_proxy",
  "NO_PROXY",
  "no_proxy",
  "ALL_PROXY",
  "all_proxy",
  "PATH",
  "HOME",
  "HOSTNAME",
];
/** ShellCheck cannot follow `source` of files in the image. */
const ALWAYS_DISABLED = ["SC1090", "SC1091"];
const DISABLE = /^shellcheck\s+disable\s*=\s*([\w,\s]+)/i;
const HADOLINT = /^hadolint\s+ignore\s*=\s*([\w,\s]+)/i;

function shellName(program: string): string | null {
  const base = program.replace(/^.*[\\/]/, "").replace(/\.exe$/i, "");
  return SHELLS[base] ?? null;
}

/** The shell of the SHELL instruction in effect (null = not a POSIX shell), or "sh" for the default. */
function shellFor(run: Instruction): string | null {
  const program = run.stage ? shellProgramAt(run.stage, run) : null;
  return program === null ? "sh" : shellName(program);
}

/** The file's comments by line: built once per model, not once per RUN (a long file has hundreds of both). */
const commentsByLine = perModel((model): ReadonlyMap<number, string> => new Map(model.comments.map((c) => [c.range.start.line, c.content])));

/** `shellcheck disable=` codes from the comment block right above `run` (hadolint's SC ignores too). */
function disabledAbove(model: DockerfileModel, run: Instruction): string[] {
  const byLine = commentsByLine(model);
  const codes: string[] = [];
  for (let line = run.range.start.line - 1; byLine.has(line); line--) {
    const content = byLine.get(line) as string;
    const match = DISABLE.exec(content) ?? HADOLINT.exec(content);
    if (match) codes.push(...match[1].split(/[,\s]+/).filter((c) => /^SC\d+$/i.test(c)));
  }
  return codes;
}

// The RUNs between two ENV or ARG lines see the same environment (one shared map): its `export`
// line is made once for all of them.
const exportLines = new WeakMap<ReadonlyMap<string, string | null>, string>();

/** `export NAME ...` of the variables in `env` and those every RUN may see. */
function exportLine(env: ReadonlyMap<string, string | null>): string {
  let line = exportLines.get(env);
  if (line === undefined) {
    line = `export ${[...new Set([...env.keys(), ...PREDEFINED])].filter((n) => /^[A-Za-z_][A-Za-z0-9_]*$/.test(n)).join(" ")}`;
    exportLines.set(env, line);
  }
  return line;
}

function scriptOf(model: DockerfileModel, run: Instruction, shell: string, body: LogicalText): RunScript {
  const env = run.stage ? environmentViewAt(model, run.stage, run) : model.globalScope;
  const header = [`#!/bin/${shell}`, `# shellcheck disable=${[...ALWAYS_DISABLED, ...disabledAbove(model, run)].join(",")}`, exportLine(env)];
  return { instruction: run, text: `${header.join("\n")}\n${body.chars}\n`, headerLines: header.length, body };
}

/** The scripts to check: every shell-form RUN under a POSIX shell, heredoc bodies included. */
export function runScripts(model: DockerfileModel): RunScript[] {
  const out: RunScript[] = [];
  // Windows images run cmd or PowerShell unless a SHELL says otherwise.
  if (model.escapeChar === "`") return out;
  for (const run of allRunInstructions(model)) {
    if (run.isJsonForm || run.args.length === 0) continue;
    const shell = shellFor(run);
    if (!shell) continue;
    const start = model.lines.offsetAt(run.args[0].range.start);
    const end = model.lines.offsetAt(run.range.end);
    const bodies = run.heredocs.filter((h) => h.contentRange !== null);
    if (bodies.length === 0) {
      out.push(scriptOf(model, run, shell, toLogical(model.text, { start, end, newlineSeparates: false }, model.escapeChar)));
      continue;
    }
    const first = run.args[0].value;
    if (!first.startsWith("<<")) {
      // `RUN cat <<EOF > file`: the heredoc is data; the whole text is one script, as written.
      out.push(scriptOf(model, run, shell, toLogical(model.text, { start, end, newlineSeparates: true }, model.escapeChar)));
      continue;
    }
    // `RUN <<EOF [interpreter]`: each body is a script for the interpreter (default: the shell).
    const interpreter = run.args.find((a, i) => i > 0 && !a.value.startsWith("<<") && a.range.start.line === run.args[0].range.start.line);
    const bodyShell = interpreter ? shellName(interpreter.value) : shell;
    if (!bodyShell) continue;
    for (const h of bodies) {
      const r = h.contentRange as Range;
      const text = h.content;
      // A shebang picks its own interpreter; only shells are checked.
      const program = shebangProgram(text);
      if (program !== null && !shellName(program)) continue;
      out.push(
        scriptOf(
          model,
          run,
          bodyShell,
          toLogical(model.text, { start: model.lines.offsetAt(r.start), end: model.lines.offsetAt(r.end), newlineSeparates: true }, model.escapeChar),
        ),
      );
    }
  }
  return out;
}

/** The document position of a 1-based ShellCheck line and column; null inside the header. */
export function scriptPosition(model: DockerfileModel, script: RunScript, line: number, column: number, isEnd = false): Position | null {
  const bodyLine = line - script.headerLines - 1;
  if (bodyLine < 0) return null;
  let offset = 0;
  for (let l = 0; l < bodyLine; l++) {
    const next = script.body.chars.indexOf("\n", offset);
    if (next < 0) return null;
    offset = next + 1;
  }
  const index = Math.min(offset + column - 1, script.body.chars.length);
  // An end is just after the last character: map that character, so a removed line continuation
  // after it does not pull the end onto the next line.
  if (isEnd && index > 0) return model.lines.positionAt(documentOffset(script.body, index - 1) + 1);
  return model.lines.positionAt(documentOffset(script.body, index));
}

/** The document range of a ShellCheck comment; null when it falls in the header. */
export function commentRange(model: DockerfileModel, script: RunScript, comment: ShellcheckComment): Range | null {
  const start = scriptPosition(model, script, comment.line, comment.column);
  if (!start) return null;
  const end = scriptPosition(model, script, comment.endLine, comment.endColumn, true) ?? start;
  return { start, end };
}
