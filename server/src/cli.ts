// `stagecraft check|explain`: the command-line adapter. Reads files, asks the engine, prints, and
// sets the exit code (0 clean, 1 findings at or above the threshold, 2 usage/config/I-O error).
// Discovery, configuration and output live in ./cli/.

import { isAbsolute, relative } from "node:path";
import { analyze } from "./engine";
import { ShellcheckRunner, withShellcheck } from "./host/shellcheck";
import { parseDockerfile } from "./model/parse";
import { allRules } from "./rules/index";
import { CHECK_USAGE, Command, CONVERT_USAGE, EXPLAIN_USAGE, meetsThreshold, parseArgs, USAGE, UsageError } from "./cli/args";
import { ConfigError, ConfigLoader } from "./cli/config";
import { convertFile } from "./cli/convert";
import { findDockerfiles, InputError } from "./cli/discover";
import { explainJson, explainText, findRule } from "./cli/explain";
import { readDockerfileInput } from "./cli/inputs";
import { CliFinding, formatJson, formatText, printable, useColor } from "./cli/output";
import { formatCheckstyle } from "./cli/formats/checkstyle";
import { formatGithub } from "./cli/formats/github";
import { formatGitlab } from "./cli/formats/gitlab";
import type { RuleInfo } from "./cli/formats/rule-info";
import { formatSarif } from "./cli/formats/sarif";
import { docsUrl } from "./lint/docs-url";
import { readVersion } from "./cli/version";
import { SYNTAX_SOURCE } from "./syntax-checks";

const EXIT_CLEAN = 0;
const EXIT_FINDINGS = 1;
const EXIT_ERROR = 2;

async function run(argv: readonly string[]): Promise<number> {
  const command = parseArgs(argv);
  switch (command.name) {
    case "help":
      process.stdout.write(
        `${command.topic === "check" ? CHECK_USAGE : command.topic === "explain" ? EXPLAIN_USAGE : command.topic === "convert" ? CONVERT_USAGE : USAGE}\n`,
      );
      return EXIT_CLEAN;
    case "version":
      process.stdout.write(`${readVersion()}\n`);
      return EXIT_CLEAN;
    case "explain": {
      const rule = findRule(allRules, command.ruleId);
      process.stdout.write(command.format === "json" ? explainJson(rule) : explainText(rule));
      return EXIT_CLEAN;
    }
    case "check":
      return check(command);
    case "convert":
      return convertFile(command, display);
  }
}

async function check(command: Extract<Command, { name: "check" }>): Promise<number> {
  const { files, errors } = await findDockerfiles(command.paths);
  const configs = new ConfigLoader(new Set(allRules.map((r) => r.meta.id)));
  const findings: CliFinding[] = [];
  // Says once, on stderr, when the binary cannot be run; the rest of the check goes on without it.
  const shellcheck = command.shellcheck === undefined ? null : new ShellcheckRunner(command.shellcheck, (m) => warn(m));
  // One file that cannot be read (or whose configuration is invalid) is reported and skipped; the
  // findings of every other file are kept.
  for (const file of files) {
    let input;
    try {
      input = await readDockerfileInput(file, configs, display(file));
    } catch (error) {
      if (!(error instanceof InputError || error instanceof ConfigError)) throw error;
      errors.push(error.message);
      continue;
    }
    let model = parseDockerfile(input.text, input.context);
    const shellResults = shellcheck ? await shellcheck.check(model) : null;
    if (shellResults) model = withShellcheck(model, shellResults);
    const analysis = analyze(model, {
      settings: input.settings,
      syntax: input.syntax,
      onRuleError: (ruleId, error) => warn(`rule '${ruleId}' failed on ${display(file)}: ${String(error)}`),
      onSyntaxError: (reason) => warn(`syntax validation failed on ${display(file)}: ${reason}`),
    });
    const ours: CliFinding[] = analysis.findings.map((f) => ({
      file: display(file),
      range: f.range,
      severity: f.severity,
      code: f.ruleId,
      message: f.message,
      source: "stagecraft",
    }));
    // dockerfile-utils problems too, so `check` fails on a Dockerfile BuildKit would reject, as the editor shows it.
    const syntax: CliFinding[] = analysis.syntax.map((p) => ({
      file: display(file),
      range: p.range,
      severity: p.severity,
      code: String(p.code ?? ""),
      message: p.message,
      source: SYNTAX_SOURCE,
    }));
    const inFile = [...ours, ...syntax]
      .filter((f) => meetsThreshold(f.severity, command.severity))
      .sort((a, b) => a.range.start.line - b.range.start.line || a.range.start.character - b.range.start.character);
    findings.push(...inFile);
  }
  process.stdout.write(report(command, findings, files.map(display)));
  if (files.length === 0 && errors.length === 0) warn(`no Dockerfiles found in ${command.paths.map((p) => `'${p}'`).join(", ")}`);
  // Files under one broken configuration would repeat its error: each message once.
  for (const message of new Set(errors)) warn(message);
  if (errors.length > 0) return EXIT_ERROR;
  return exitCodeFor(findings, command.maxWarnings);
}

function report(command: Extract<Command, { name: "check" }>, findings: CliFinding[], files: string[]): string {
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
      return formatText(findings, useColor(command.color, process.env, process.stdout.isTTY === true));
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

/** One line on stderr; file names and messages quote file text, so control characters are escaped. */
function warn(message: string): void {
  process.stderr.write(`stagecraft: ${printable(message)}\n`);
}

/** Paths relative to the working directory when inside it, absolute otherwise. */
function display(file: string): string {
  const rel = relative(process.cwd(), file);
  return rel !== "" && !rel.startsWith("..") && !isAbsolute(rel) ? rel : file;
}

// `stagecraft check | head`: the reader may leave early. Output nobody reads is not an error; the
// run finishes and exits with its own code instead of dying on an EPIPE stack trace.
for (const stream of [process.stdout, process.stderr]) {
  stream.on("error", (error: NodeJS.ErrnoException) => {
    if (error.code !== "EPIPE") throw error;
  });
}

run(process.argv.slice(2)).then(
  (code) => {
    process.exitCode = code;
  },
  (error: unknown) => {
    if (error instanceof UsageError || error instanceof InputError || error instanceof ConfigError) {
      warn(error.message);
    } else {
      // A bug, not a user mistake: keep the stack so it can be reported.
      process.stderr.write(`stagecraft: internal error: ${error instanceof Error ? (error.stack ?? error.message) : String(error)}\n`);
    }
    process.exitCode = EXIT_ERROR;
  },
);
