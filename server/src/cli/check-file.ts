// One Dockerfile as `check` sees it: its input analysed (with the warnings a run prints about it)
// and its findings as reported. Shared by the checking thread and the worker threads (parallel.ts),
// so a file reports the same wherever it was checked.

import { analyze, syntaxSkippedNotice, type Analysis } from "../engine";
import { FolderReader } from "../host/folder-reader";
import { ShellcheckRunner, withShellcheck } from "../host/shellcheck";
import { parseDockerfile } from "../model/parse";
import type { DockerfileModel } from "../model/types";
import { allRules } from "../rules/index";
import { SYNTAX_SOURCE } from "../syntax-checks";
import { Command, meetsThreshold } from "./args";
import { ConfigError, ConfigLoader } from "./config";
import { InputError } from "./discover";
import { DockerfileInput, readDockerfileInput } from "./inputs";
import type { CliFinding } from "./output";

type CheckCommand = Extract<Command, { name: "check" }>;

/** Analyses a text of the file `input` was read from (the input's own, or a fixed one). */
export type TextAnalyzer = (text: string, parsed?: DockerfileModel) => Promise<Analysis>;

/**
 * The analyser of one file's texts: its settings, ShellCheck when asked for, and `warn` told about
 * a rule or the validator failing on it.
 */
export function fileAnalyzer(input: DockerfileInput, shown: string, shellcheck: ShellcheckRunner | null, warn: (message: string) => void): TextAnalyzer {
  return async (text, parsed = parseDockerfile(text, input.context)) => {
    const shellResults = shellcheck ? await shellcheck.check(parsed) : null;
    const model = shellResults ? withShellcheck(parsed, shellResults) : parsed;
    return analyze(model, {
      settings: input.settings,
      syntax: input.syntax,
      onRuleError: (ruleId, error) => warn(`rule '${ruleId}' failed on ${shown}: ${String(error)}`),
      onSyntaxError: (reason) => warn(`syntax validation failed on ${shown}: ${reason}`),
    });
  };
}

/** No findings from a file whose syntax checks were skipped means "not checked", not "clean": said once per file. */
export function warnIfSkipped(analysis: Analysis, shown: string, warn: (message: string) => void): void {
  if (analysis.syntaxSkipped?.frontend !== undefined) warn(`${shown}: ${syntaxSkippedNotice(analysis.syntaxSkipped).message}`);
}

/** Rule findings and dockerfile-utils problems at or above the threshold, in line order. */
export function reportedFindings(analysis: Analysis, shown: string, command: CheckCommand): CliFinding[] {
  const ours: CliFinding[] = analysis.findings.map((f) => ({
    file: shown,
    range: f.range,
    severity: f.severity,
    code: f.ruleId,
    message: f.message,
    source: "stagecraft",
    fixes: f.fixes.filter((fix) => !fix.createFiles || fix.createFiles.length === 0).map((fix) => ({ title: fix.title, edits: fix.edits })),
  }));
  // dockerfile-utils problems too, so `check` fails on a Dockerfile BuildKit would reject, as the editor shows it.
  const syntax: CliFinding[] = analysis.syntax.map((p) => ({
    file: shown,
    range: p.range,
    severity: p.severity,
    code: String(p.code ?? ""),
    message: p.message,
    source: SYNTAX_SOURCE,
  }));
  return [...ours, ...syntax]
    .filter((f) => meetsThreshold(f.severity, command.severity))
    .sort((a, b) => a.range.start.line - b.range.start.line || a.range.start.character - b.range.start.character);
}

/** What a thread checking files keeps for the run: its snapshot of the disk and the configurations read through it. */
export function checkRunState(): { reader: FolderReader; configs: ConfigLoader } {
  const reader = new FolderReader({ sync: true });
  return { reader, configs: new ConfigLoader(new Set(allRules.map((r) => r.meta.id)), reader) };
}

/** What checking one file on disk gave: its findings, or why it could not be read; and what to say on stderr. */
export interface FileReport {
  findings: CliFinding[];
  /** The file or its configuration could not be read (exit code 2); at most one. */
  errors: string[];
  warnings: string[];
}

/** Checks the file at `path` without fixing it, as `check` does when it is not asked to fix. */
export async function checkFileOnDisk(command: CheckCommand, path: string, shown: string, configs: ConfigLoader, reader: FolderReader): Promise<FileReport> {
  const warnings: string[] = [];
  const warn = (message: string) => warnings.push(message);
  let input: DockerfileInput;
  try {
    input = await readDockerfileInput(path, configs, shown, reader);
  } catch (error) {
    if (!(error instanceof InputError || error instanceof ConfigError)) throw error;
    return { findings: [], errors: [error.message], warnings };
  }
  const analysis = await fileAnalyzer(input, shown, null, warn)(input.text, input.model);
  warnIfSkipped(analysis, shown, warn);
  return { findings: reportedFindings(analysis, shown, command), errors: [], warnings };
}
