// `stagecraft check`: finds the Dockerfiles (or reads one from stdin), reads each with its folder's
// context facts (read ahead, through one cached reader for the run), asks the engine, optionally
// applies the safe fixes, and prints the report. Returns the exit code.

import { readdirSync, statSync } from "node:fs";
import { open, writeFile } from "node:fs/promises";
import { join, resolve } from "node:path";
import { createTwoFilesPatch, FILE_HEADERS_ONLY } from "diff";
import type { Finding } from "../engine";
import { FolderReader } from "../host/folder-reader";
import { MAX_TEXT_BYTES } from "../host/read-text";
import { UNKNOWN_CONTEXT } from "../model/context";
import { ShellcheckRunner } from "../host/shellcheck";
import { parseDockerfile } from "../model/parse";
import { allRules } from "../rules/index";
import { docsUrl } from "../lint/docs-url";
import { Command, meetsThreshold } from "./args";
import { ConfigError, ConfigLoader } from "./config";
import { DiscoveryFs, findDockerfiles, InputError, reason } from "./discover";
import { checkRunState, fileAnalyzer, reportedFindings, warnIfSkipped } from "./check-file";
import { applySafeFixes } from "./fix";
import { formatCheckstyle } from "./formats/checkstyle";
import { formatGithub } from "./formats/github";
import { formatGitlab } from "./formats/gitlab";
import type { RuleInfo } from "./formats/rule-info";
import { formatSarif } from "./formats/sarif";
import { DockerfileInput, readDockerfileInput, withContext } from "./inputs";
import { CliFinding, formatJson, formatText, useColor } from "./output";
import { checkInParallel, workerCount } from "./parallel";
import { readVersion } from "./version";

export const EXIT_CLEAN = 0;
export const EXIT_FINDINGS = 1;
export const EXIT_ERROR = 2;

type CheckCommand = Extract<Command, { name: "check" }>;

/** What `check` needs from the process: where text goes and how paths are shown. */
export interface CheckIo {
  stdout: (text: string) => void;
  warn: (message: string) => void;
  display: (file: string) => string;
  /** The whole of stdin (for `-`). */
  readStdin: () => Promise<Buffer>;
  isTTY: boolean;
  env: NodeJS.ProcessEnv;
  /**
   * The CLI's own script, which runs `runCheckWorker` when started as a check worker thread: with it,
   * a run over many files checks them on every core (parallel.ts). Without it, on this thread alone.
   */
  workerScript?: string;
}

/** One Dockerfile to check: where it is on disk (if anywhere), how it is shown, how it is read. */
interface Source {
  /** Absolute path: where context and configuration are looked up, and where --fix writes. */
  path: string;
  shown: string;
  read: () => Promise<DockerfileInput>;
}

export async function check(command: CheckCommand, io: CheckIo): Promise<number> {
  // One snapshot of the disk for the run: each folder's context facts are read once, whatever the
  // number of Dockerfiles that share them.
  const { reader, configs } = checkRunState();
  const { sources, errors } = await findSources(command, configs, reader, io);
  const workers = workerCount(sources.length);
  // Fixing writes files and ShellCheck says once when it cannot run: both stay on one thread.
  if (io.workerScript !== undefined && workers > 0 && command.fix === undefined && command.shellcheck === undefined && !fromStdin(command)) {
    const files = sources.map(({ path, shown }) => ({ path, shown }));
    const reports = await checkInParallel(command, files, io.workerScript, workers, { reader, configs });
    for (const report of reports) for (const message of report.warnings) io.warn(message);
    const findings = reports.flatMap((r) => r.findings);
    return finish(command, io, sources, findings, [...errors, ...reports.flatMap((r) => r.errors)], [], 0, 0);
  }
  const findings: CliFinding[] = [];
  const diffs: string[] = [];
  let fixedCount = 0;
  let fixedFiles = 0;
  // Says once, on stderr, when the binary cannot be run; the rest of the check goes on without it.
  const shellcheck = command.shellcheck === undefined ? null : new ShellcheckRunner(command.shellcheck, (m) => io.warn(m));
  const inputs = prefetch(sources, (source) => source.read());
  // One file that cannot be read (or whose configuration is invalid) is reported and skipped; the
  // findings of every other file are kept.
  for (const [i, source] of sources.entries()) {
    let input;
    try {
      input = await inputs(i);
    } catch (error) {
      if (!(error instanceof InputError || error instanceof ConfigError)) throw error;
      errors.push(error.message);
      continue;
    }
    const analyzeText = fileAnalyzer(input, source.shown, shellcheck, io.warn);
    let analysis = await analyzeText(input.text, input.model);
    warnIfSkipped(analysis, source.shown, io.warn);
    if (command.fix !== undefined) {
      const reported = (f: Finding) => meetsThreshold(f.severity, command.severity);
      const outcome = await applySafeFixes(analysis, analyzeText, reported, { settings: input.settings, syntax: input.syntax });
      if (outcome.fixed.length > 0) {
        fixedCount += outcome.fixed.length;
        fixedFiles++;
        if (command.fix === "dry-run") {
          diffs.push(
            createTwoFilesPatch(`a/${source.shown}`, `b/${source.shown}`, input.text, outcome.text, undefined, undefined, { headerOptions: FILE_HEADERS_ONLY }),
          );
        } else {
          try {
            await writeDockerfile(source.path, outcome.text);
          } catch (error) {
            errors.push(`cannot write '${source.shown}': ${reason(error)}`);
            continue;
          }
          const rules = [...new Set(outcome.fixed.map((f) => f.ruleId))].sort();
          io.warn(`fixed ${plural(outcome.fixed.length, "problem")} in ${source.shown} (${rules.join(", ")})`);
        }
        analysis = outcome.analysis;
      }
    }
    findings.push(...reportedFindings(analysis, source.shown, command));
  }
  return finish(command, io, sources, findings, errors, diffs, fixedCount, fixedFiles);
}

/** Prints the report (or the diff of the fixes) and what went wrong; returns the exit code. */
function finish(
  command: CheckCommand,
  io: CheckIo,
  sources: readonly Source[],
  findings: CliFinding[],
  errors: string[],
  diffs: string[],
  fixedCount: number,
  fixedFiles: number,
): number {
  if (command.fix === "dry-run") {
    io.stdout(diffs.join(""));
    const remaining = findings.length === 0 ? "none remain" : `${plural(findings.length, "problem")} would remain (run without --fix-dry-run to list them)`;
    io.warn(`${fixedCount === 0 ? "no safe fixes to apply" : `would fix ${plural(fixedCount, "problem")} in ${plural(fixedFiles, "file")}`}; ${remaining}`);
  } else {
    io.stdout(
      report(
        command,
        findings,
        sources.map((s) => s.shown),
        io,
      ),
    );
  }
  if (sources.length === 0 && errors.length === 0) io.warn(`no Dockerfiles found in ${command.paths.map((p) => `'${p}'`).join(", ")}`);
  // Files under one broken configuration would repeat its error: each message once.
  for (const message of new Set(errors)) io.warn(message);
  if (errors.length > 0) return EXIT_ERROR;
  return exitCodeFor(findings, command.maxWarnings);
}

/**
 * Discovery with blocking calls, for the reason FolderReader's `sync` gives. Each folder it lists
 * is handed to the run's reader, which would otherwise list it again for the context facts.
 */
function syncDiscovery(reader: FolderReader): DiscoveryFs {
  return {
    stat: (async (path: string) => statSync(path)) as DiscoveryFs["stat"],
    readdir: async (folder) => {
      const entries = readdirSync(folder, { withFileTypes: true });
      reader.remember(folder, entries);
      return entries;
    },
  };
}

/** The Dockerfiles named on the command line, or the one on stdin. */
async function findSources(command: CheckCommand, configs: ConfigLoader, reader: FolderReader, io: CheckIo): Promise<{ sources: Source[]; errors: string[] }> {
  if (fromStdin(command)) {
    // Without a name, the Dockerfile is checked as if it were in the working directory: its
    // configuration applies, and no build context is read (there is no file to place it by).
    const named = command.stdinFilename !== undefined;
    const path = resolve(command.stdinFilename ?? join(process.cwd(), "Dockerfile"));
    const shown = named ? io.display(path) : "<stdin>";
    const read = async (): Promise<DockerfileInput> => {
      const text = decodeStdin(await io.readStdin());
      if (typeof text !== "string") throw new InputError(`cannot read stdin: ${text.reason}`);
      if (!named) {
        const config = await configs.forFile(path);
        return { text, context: UNKNOWN_CONTEXT, settings: config.rules, syntax: config.syntax, model: parseDockerfile(text) };
      }
      return withContext(path, text, configs, reader);
    };
    return { sources: [{ path, shown, read }], errors: [] };
  }
  const { files, errors } = await findDockerfiles(command.paths, process.cwd(), syncDiscovery(reader));
  const sources = files.map((path) => {
    const shown = io.display(path);
    return { path, shown, read: () => readDockerfileInput(path, configs, shown, reader) };
  });
  return { sources, errors };
}

function fromStdin(command: CheckCommand): boolean {
  return command.paths.length === 1 && command.paths[0] === "-";
}

/** Stdin as a Dockerfile: UTF-8 text without NUL bytes, at most the size of a file `check` reads. */
function decodeStdin(bytes: Buffer): string | { reason: string } {
  if (bytes.length > MAX_TEXT_BYTES) return { reason: `it is larger than ${MAX_TEXT_BYTES / (1024 * 1024)} MiB` };
  if (bytes.includes(0)) return { reason: "it is binary (it holds NUL bytes)" };
  try {
    // `ignoreBOM: false` drops a leading byte-order mark, as for files.
    return new TextDecoder("utf-8", { fatal: true, ignoreBOM: false }).decode(bytes);
  } catch {
    return { reason: "it is not UTF-8 text" };
  }
}

/** Writes the fixed text, keeping a byte-order mark the file started with (reading dropped it). */
async function writeDockerfile(path: string, text: string): Promise<void> {
  const head = Buffer.alloc(3);
  const handle = await open(path, "r");
  try {
    await handle.read(head, 0, 3, 0);
  } finally {
    await handle.close();
  }
  const bom = head[0] === 0xef && head[1] === 0xbb && head[2] === 0xbf ? "\uFEFF" : "";
  await writeFile(path, bom + text, "utf8");
}

/**
 * Reads ahead: while one file is analysed, the next few are read, so the disk and the CPU work at
 * once. Taking item i starts items up to i + READ_AHEAD; the bounded window keeps memory flat.
 */
function prefetch<S, T>(items: readonly S[], read: (item: S) => Promise<T>): (index: number) => Promise<T> {
  const READ_AHEAD = 16;
  const started = new Map<number, Promise<T>>();
  const start = (i: number) => {
    if (i < items.length && !started.has(i)) {
      const pending = read(items[i]);
      // A rejection is handled when the item is taken; until then it must not count as unhandled.
      pending.catch(() => undefined);
      started.set(i, pending);
    }
  };
  return (index) => {
    for (let i = index; i <= index + READ_AHEAD; i++) start(i);
    const pending = started.get(index)!;
    started.delete(index);
    return pending;
  };
}

function report(command: CheckCommand, findings: CliFinding[], files: string[], io: CheckIo): string {
  switch (command.format) {
    case "json":
      return formatJson(findings);
    case "sarif":
      return formatSarif(findings, ruleInfos(), readVersion());
    case "github":
      return formatGithub(findings);
    case "checkstyle":
      return formatCheckstyle(findings, files);
    case "gitlab":
      return formatGitlab(findings);
    case "text":
      return formatText(findings, useColor(command.color, io.env, io.isTTY));
  }
}

/** Without --max-warnings any finding fails; with it, errors fail and warnings only past the budget. */
function exitCodeFor(findings: readonly CliFinding[], maxWarnings: number | undefined): number {
  if (maxWarnings === undefined) return findings.length > 0 ? EXIT_FINDINGS : EXIT_CLEAN;
  const errors = findings.filter((f) => f.severity === "error").length;
  const warnings = findings.filter((f) => f.severity === "warning").length;
  return errors > 0 || warnings > maxWarnings ? EXIT_FINDINGS : EXIT_CLEAN;
}

function ruleInfos(): Map<string, RuleInfo> {
  return new Map(
    allRules.map((r) => [
      r.meta.id,
      {
        id: r.meta.id,
        description: r.meta.description,
        helpUri: docsUrl(r.meta.id),
        severity: r.meta.severity,
      },
    ]),
  );
}

function plural(count: number, noun: string): string {
  return `${count} ${noun}${count === 1 ? "" : "s"}`;
}
