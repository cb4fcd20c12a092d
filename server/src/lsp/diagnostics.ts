// Findings and syntax checks -> LSP diagnostics, published per document version: debounced after
// edits, superseded by newer versions, never published for a version that is no longer current.

import { Connection, Diagnostic, DiagnosticSeverity, DiagnosticTag, RAL } from "vscode-languageserver";
import type { Finding, SyntaxProblem, SyntaxSkipped } from "../engine";
import { syntaxSkippedNotice } from "../engine";
import type { DiagnosticTag as FindingTag, Severity } from "../rules/types";
import { analyze } from "../engine";
import { withShellcheck } from "../model/with-shellcheck";
import { rule as shellcheckRule } from "../rules/run-shellcheck";
import { describe, DocumentAnalysis, DocumentStore, TextDocument } from "./documents";
import type { ServerHost, ShellChecker } from "./host";
import { DIAGNOSTIC_SOURCE, SYNTAX_SOURCE } from "./protocol";

export const DEFAULT_DIAGNOSTICS_DELAY = 150;

const SEVERITIES: Record<Severity, DiagnosticSeverity> = {
  error: DiagnosticSeverity.Error,
  warning: DiagnosticSeverity.Warning,
  info: DiagnosticSeverity.Information,
  hint: DiagnosticSeverity.Hint,
};

const TAGS: Record<FindingTag, DiagnosticTag> = {
  unnecessary: DiagnosticTag.Unnecessary,
  deprecated: DiagnosticTag.Deprecated,
};

/** One engine finding as an LSP diagnostic. */
export function toDiagnostic(finding: Finding): Diagnostic {
  const diagnostic: Diagnostic = {
    range: finding.range,
    severity: SEVERITIES[finding.severity],
    code: finding.ruleId,
    codeDescription: { href: finding.docsUrl },
    source: DIAGNOSTIC_SOURCE,
    message: finding.message,
  };
  if (finding.tags.length > 0) diagnostic.tags = finding.tags.map((tag) => TAGS[tag]);
  return diagnostic;
}

/** One dockerfile-utils problem as an LSP diagnostic (its numeric code kept for its quick fixes). */
export function syntaxDiagnostic(problem: SyntaxProblem): Diagnostic {
  const diagnostic: Diagnostic = { range: problem.range, severity: SEVERITIES[problem.severity], source: SYNTAX_SOURCE, message: problem.message };
  if (problem.code !== undefined) diagnostic.code = problem.code;
  if (problem.tags.length > 0) diagnostic.tags = problem.tags.map((tag) => TAGS[tag]);
  return diagnostic;
}

/** The notice that syntax checks were skipped, on the whole first line, where it is seen first. */
export function syntaxSkippedDiagnostic(skipped: SyntaxSkipped, analysis: DocumentAnalysis): Diagnostic {
  const notice = syntaxSkippedNotice(skipped);
  const firstLine = analysis.model.lines.lineText(0);
  return {
    range: { start: { line: 0, character: 0 }, end: { line: 0, character: firstLine.length } },
    severity: SEVERITIES[notice.severity],
    code: notice.code,
    codeDescription: { href: notice.docsUrl },
    source: DIAGNOSTIC_SOURCE,
    message: notice.message,
  };
}

/** The problems found: Stagecraft's findings and dockerfile-utils' syntax problems. */
export function problemDiagnostics(analysis: DocumentAnalysis): Diagnostic[] {
  return [...analysis.findings.map(toDiagnostic), ...analysis.syntax.map(syntaxDiagnostic)];
}

/** What is published: the problems, after the notice that syntax checks were skipped when they were. */
export function diagnosticsOf(analysis: DocumentAnalysis): Diagnostic[] {
  const skipped = analysis.syntaxSkipped ? [syntaxSkippedDiagnostic(analysis.syntaxSkipped, analysis)] : [];
  return [...skipped, ...problemDiagnostics(analysis)];
}

/** Whether an LSP diagnostic (as echoed back in a code action request) is this finding's. */
export function isDiagnosticOf(diagnostic: Diagnostic, finding: Finding): boolean {
  return (
    diagnostic.source === DIAGNOSTIC_SOURCE &&
    diagnostic.code === finding.ruleId &&
    diagnostic.range.start.line === finding.range.start.line &&
    diagnostic.range.start.character === finding.range.start.character &&
    diagnostic.range.end.line === finding.range.end.line &&
    diagnostic.range.end.character === finding.range.end.character
  );
}

/** Schedules analysis after edits and publishes the result if its version is still current. */
export class DiagnosticsPublisher {
  /** Per document, how to cancel its scheduled analysis. */
  private readonly pending = new Map<string, () => void>();
  /** Quiet time after an edit before analysis, in milliseconds. */
  delay = DEFAULT_DIAGNOSTICS_DELAY;

  /** ShellCheck runs in flight per document; a newer version cancels the older run. */
  private readonly shellRuns = new Map<string, AbortController>();
  private readonly shellRunners = new Map<string, ShellChecker>();

  constructor(
    private readonly connection: Connection,
    private readonly store: DocumentStore,
    private readonly host?: Pick<ServerHost, "shellcheck">,
  ) {}

  /** Analyse `document` once edits pause; a newer call for the same document replaces this one. */
  schedule(document: TextDocument, delay: number = this.delay): void {
    const { uri, version } = document;
    this.pending.get(uri)?.();
    const run = () => {
      if (this.pending.get(uri) === cancel) this.pending.delete(uri);
      this.publish(uri, version).catch((error: unknown) => this.connection.console.error(`stagecraft: diagnostics for ${uri} failed: ${describe(error)}`));
    };
    // No quiet time (an opened or saved file, a changed context): right after the messages already
    // read, not on a timer, whose shortest wait is a whole millisecond (the connection's own
    // immediate: setImmediate in Node, a microtask in a web worker).
    let cancel: () => void;
    if (delay <= 0) {
      const immediate = RAL().timer.setImmediate(run);
      cancel = () => immediate.dispose();
    } else {
      const timer = setTimeout(run, delay);
      cancel = () => clearTimeout(timer);
    }
    this.pending.set(uri, cancel);
  }

  /** Re-validate every open document now (settings or build context changed). */
  scheduleAll(): void {
    for (const document of this.store.all()) this.schedule(document, 0);
  }

  /** The document closed: stop pending work and clear its diagnostics. */
  clear(uri: string): void {
    this.pending.get(uri)?.();
    this.pending.delete(uri);
    this.shellRuns.get(uri)?.abort();
    this.shellRuns.delete(uri);
    void this.connection.sendDiagnostics({ uri, diagnostics: [] });
  }

  private async publish(uri: string, version: number): Promise<void> {
    const document = this.store.get(uri);
    if (!document || document.version !== version) return;
    const analysis = await this.store.analyze(document);
    // A newer version arrived while settings or context were being fetched: its own run publishes.
    if (!analysis || this.store.get(uri)?.version !== analysis.version) return;
    const diagnostics = diagnosticsOf(analysis);
    await this.connection.sendDiagnostics({ uri, version: analysis.version, diagnostics });
    this.startShellcheck(analysis, diagnostics);
  }

  /**
   * ShellCheck off the diagnostics path: the rules' diagnostics are out already; ShellCheck's are
   * added when its run finishes, if the version is still current. A newer version cancels the run.
   */
  private startShellcheck(analysis: DocumentAnalysis, published: Diagnostic[]): void {
    const { uri, version } = analysis;
    this.shellRuns.get(uri)?.abort();
    this.shellRuns.delete(uri);
    const path = analysis.settings.shellcheckPath;
    if (!this.host?.shellcheck || path === "" || analysis.settings.rules[shellcheckRule.meta.id] === "off") return;
    let runner = this.shellRunners.get(path);
    if (!runner) {
      // The runner says once (per path) when the binary is missing.
      runner = this.host.shellcheck(path, (m) => this.connection.console.info(`stagecraft: ${m}`));
      this.shellRunners.set(path, runner);
    }
    const controller = new AbortController();
    this.shellRuns.set(uri, controller);
    runner
      .check(analysis.model, controller.signal)
      .then(async (results) => {
        if (this.shellRuns.get(uri) === controller) this.shellRuns.delete(uri);
        if (!results || controller.signal.aborted || this.store.get(uri)?.version !== version) return;
        const { findings } = analyze(withShellcheck(analysis.model, results), { rules: [shellcheckRule], settings: analysis.settings.rules, syntax: false });
        if (findings.length === 0) return;
        await this.connection.sendDiagnostics({ uri, version, diagnostics: [...published, ...findings.map(toDiagnostic)] });
      })
      .catch((error: unknown) => this.connection.console.error(`stagecraft: ShellCheck for ${uri} failed: ${describe(error)}`));
  }
}
