// Open documents and, per document version, the parsed model, the engine's findings and the
// syntax diagnostics, so that no feature re-parses. Also caches the host's build-context facts.

import { RAL, TextDocuments } from "vscode-languageserver";
import { TextDocument } from "vscode-languageserver-textdocument";
import { analyze, AnalyzeOptions, analyzeWhileValidating, Finding, SyntaxProblem, SyntaxSkipped } from "../engine";
import type { BuildContextFacts } from "../model/context";
import { UNKNOWN_CONTEXT } from "../model/context";
import { parseDockerfile } from "../model/parse";
import { withContext } from "../model/with-context";
import type { DockerfileModel } from "../model/types";
import type { OpenDocument, ServerHost } from "./host";
import { isSamePlainData } from "./plain-data";
import type { SettingsStore, StagecraftSettings } from "./settings";
import { SyntaxValidations } from "./syntax-validations";

export { TextDocument };

/**
 * A validation slower than this is logged: what third-party analysis should stay within. (Where
 * the host has budgets it stops one over them: syntax-validations.ts.)
 */
const SLOW_VALIDATION_MS = 500;

/** Everything known about one version of one document. */
export interface DocumentAnalysis {
  uri: string;
  version: number;
  model: DockerfileModel;
  findings: Finding[];
  /** dockerfile-utils problems under the document's syntax settings, minus those a rule supersedes. */
  syntax: SyntaxProblem[];
  /** Set when the syntax checks were on but dockerfile-utils gave no answer (over budget, or it failed). */
  syntaxSkipped?: SyntaxSkipped;
  settings: StagecraftSettings;
  /** What the engine was given, so fix-all re-checks candidates the same way. */
  options: AnalyzeOptions;
}

interface Entry {
  version: number;
  model: DockerfileModel;
  analysis: DocumentAnalysis | null;
  /** The analysis under way, and the settings it runs under. */
  running?: { settings: StagecraftSettings; analysis: Promise<DocumentAnalysis> };
}

export class DocumentStore {
  readonly documents = new TextDocuments(TextDocument);
  private readonly entries = new Map<string, Entry>();
  private readonly contexts = new Map<string, Promise<BuildContextFacts>>();
  private readonly knownContexts = new Map<string, BuildContextFacts>();
  private readonly reportedErrors = new Set<string>();
  /** Per document, the version and reason of the last validation failure logged (once per version). */
  private readonly reportedSyntaxFailures = new Map<string, string>();
  /** dockerfile-utils validation under the host's budgets, configured at initialize; unconfigured, the engine validates. */
  readonly validations: SyntaxValidations;

  constructor(
    private readonly host: ServerHost,
    private readonly settings: SettingsStore,
    private readonly logError: (message: string) => void,
  ) {
    this.validations = new SyntaxValidations(logError);
  }

  get(uri: string): TextDocument | undefined {
    return this.documents.get(uri);
  }

  all(): TextDocument[] {
    return this.documents.all();
  }

  /** The parsed model of the document's current version (rules not run). */
  model(document: TextDocument): DockerfileModel {
    const entry = this.entries.get(document.uri);
    if (entry && entry.version === document.version) return entry.model;
    const context = this.knownContexts.get(document.uri) ?? UNKNOWN_CONTEXT;
    const model = parseDockerfile(document.getText(), context);
    this.entries.set(document.uri, { version: document.version, model, analysis: null });
    return model;
  }

  /**
   * The analysis of the document's current version under its settings and build context.
   * Resolves to null when a newer version arrived while those were fetched.
   */
  async analyze(document: TextDocument): Promise<DocumentAnalysis | null> {
    const { uri, version } = document;
    // Settings known for the document's folder are used now; its own, fetched meanwhile, correct them if they differ.
    const known = this.settings.known(uri);
    if (known) this.settings.confirm(uri);
    const settings = known ? Promise.resolve(known) : this.settings.get(uri);
    // The connection writes a request on its next turn: that turn comes first, so the client
    // answers for the settings while the context is read (blocking, where the disk is quick:
    // host/quick-disk.ts) and the text parsed, which need no settings.
    if (!known) await nextTurn();
    // Closed or edited meanwhile: nothing is read or kept for a version nobody will ask about.
    if (this.documents.get(uri)?.version !== version) return null;
    const pending = Promise.all([settings, this.context(uri)]);
    this.model(document);
    // The rules and the validation need both; once the context is read they start under the likely
    // settings, so an answer from the client that matches them finds the work done or under way.
    const likely = this.settings.likely(uri);
    if (likely) void this.context(uri).then((context) => this.startEarly(uri, version, context, likely));
    const [answered, context] = await pending;
    const current = this.documents.get(uri);
    if (!current || current.version !== version) return null;
    const entry = this.entryFor(current, context);
    if (entry.analysis && entry.analysis.settings === answered) return entry.analysis;
    // Requests for the same version and settings share one run.
    if (!entry.running || entry.running.settings !== answered) entry.running = { settings: answered, analysis: this.analyzeEntry(current, entry, answered) };
    const analysis = await entry.running.analysis;
    const after = this.documents.get(uri);
    if (!after || after.version !== version) return null;
    return analysis;
  }

  /** Starts analysing `version` of `uri` under `settings`, unless it is out of date or analysed already. */
  private startEarly(uri: string, version: number, context: BuildContextFacts, settings: StagecraftSettings): void {
    const current = this.documents.get(uri);
    if (!current || current.version !== version) return;
    const entry = this.entryFor(current, context);
    if (entry.analysis || entry.running) return;
    const analysis = this.analyzeEntry(current, entry, settings);
    entry.running = { settings, analysis };
    // Whoever asks for this analysis gets its failure; unasked (other settings came), it is dropped.
    analysis.catch(() => undefined);
  }

  /** The entry of the document's current version under `context` (the version's parse is kept). */
  private entryFor(document: TextDocument, context: BuildContextFacts): Entry {
    let entry = this.entries.get(document.uri);
    if (!entry || entry.version !== document.version) {
      entry = { version: document.version, model: parseDockerfile(document.getText(), context), analysis: null };
      this.entries.set(document.uri, entry);
    } else if (entry.model.context !== context) {
      entry = { version: document.version, model: withContext(entry.model, context), analysis: null };
      this.entries.set(document.uri, entry);
    }
    return entry;
  }

  /**
   * Runs the engine on `entry` under `settings`. Where a worker validates, the rules run here
   * meanwhile: the answer waits for the slower, not the sum.
   */
  private async analyzeEntry(document: TextDocument, entry: Entry, settings: StagecraftSettings): Promise<DocumentAnalysis> {
    const { uri, version } = document;
    const options: AnalyzeOptions = {
      settings: settings.rules,
      // Off when another Dockerfile extension validates the syntax (coexistence.ts).
      syntax: settings.syntaxValidation ? settings.syntax : false,
      onRuleError: (id, error) => this.ruleFailed(id, error),
      // A validator failure must not cost the user the Stagecraft diagnostics: logged, and left out.
      onSyntaxError: (reason) => this.syntaxFailed(uri, version, reason),
    };
    // The model is already parsed for this version; the engine analyses it without parsing again.
    // The validator's answer stays out of the options kept: fix-all's candidate texts are validated afresh.
    const validation = this.validations.start(uri, version, entry.model, settings);
    const { model, findings, syntax, syntaxMs, syntaxSkipped } = validation
      ? await analyzeWhileValidating(entry.model, options, validation)
      : analyze(entry.model, options);
    if (syntaxMs > SLOW_VALIDATION_MS) this.logError(`stagecraft: dockerfile-utils validation took ${syntaxMs} ms`);
    const analysis: DocumentAnalysis = { uri, version, model, findings, syntax, syntaxSkipped, settings, options };
    if (entry.running?.settings === settings) entry.analysis = analysis;
    return analysis;
  }

  /** Logs why syntax checks were skipped for a version, once: that version may be analysed again (new settings). */
  private syntaxFailed(uri: string, version: number, reason: string): void {
    const key = `${version}\n${reason}`;
    if (this.reportedSyntaxFailures.get(uri) === key) return;
    this.reportedSyntaxFailures.set(uri, key);
    this.logError(`stagecraft: dockerfile-utils validation of ${uri} (version ${version}) failed, its syntax checks are skipped: ${reason}`);
  }

  private ruleFailed(ruleId: string, error: unknown): void {
    const message = `stagecraft: rule '${ruleId}' failed: ${describe(error)}`;
    // Once per distinct failure: a broken rule would otherwise log on every keystroke.
    if (this.reportedErrors.has(message)) return;
    this.reportedErrors.add(message);
    this.logError(message);
  }

  /**
   * Whether the editor reports file changes under `uri`, so the host may answer its context from
   * what it read before (the server sets this once its file watcher is registered).
   */
  watches: (uri: string) => boolean = () => false;

  /** Build-context facts for a document, read once and cached until `forgetContext` or `rereadContexts`. */
  context(uri: string): Promise<BuildContextFacts> {
    return this.contexts.get(uri) ?? this.readContext(uri);
  }

  /**
   * Reads the build context of every open document again (the host forgot files that changed on
   * disk); resolves with the documents whose facts differ. Equal facts keep their object, so the
   * parsed model and analysis of those documents stay cached and nothing is published again.
   */
  async rereadContexts(): Promise<TextDocument[]> {
    const documents = this.all().filter((document) => this.contexts.has(document.uri));
    const changed = await Promise.all(
      documents.map(async (document) => {
        const previous = this.contexts.get(document.uri) as Promise<BuildContextFacts>;
        const [before, after] = await Promise.all([previous, this.readContext(document.uri, previous)]);
        return before !== after;
      }),
    );
    return documents.filter((_, i) => changed[i]);
  }

  /** Reads `uri`'s context and caches the answer; `previous` facts are kept when the new ones equal them. */
  private readContext(uri: string, previous?: Promise<BuildContextFacts>): Promise<BuildContextFacts> {
    const read = this.host.readBuildContext(uri, { watched: this.watches(uri), open: this.openDocument(uri) }).then(
      (facts) => facts,
      (error: unknown) => {
        this.logError(`stagecraft: reading the build context of ${uri} failed: ${describe(error)}`);
        return UNKNOWN_CONTEXT;
      },
    );
    const pending = previous ? Promise.all([read, previous]).then(([facts, before]) => (isSamePlainData(facts, before) ? before : facts)) : read;
    void pending.then((facts) => {
      if (this.contexts.get(uri) === pending) this.knownContexts.set(uri, facts);
    });
    this.contexts.set(uri, pending);
    return pending;
  }

  /**
   * The document's text as the context read starts, and its parse: this version's, which the
   * analysis makes anyway, or, if the document changed meanwhile, one of that text.
   */
  private openDocument(uri: string): OpenDocument | undefined {
    const document = this.documents.get(uri);
    if (!document) return undefined;
    const { version } = document;
    const text = document.getText();
    return {
      text,
      model: () => {
        const current = this.documents.get(uri);
        return current && current.version === version ? this.model(current) : parseDockerfile(text);
      },
    };
  }

  /** Drops cached context facts (of one document, or all when `uri` is omitted). */
  forgetContext(uri?: string): void {
    if (uri === undefined) {
      this.contexts.clear();
      this.knownContexts.clear();
    } else {
      this.contexts.delete(uri);
      this.knownContexts.delete(uri);
    }
  }

  close(uri: string): void {
    this.entries.delete(uri);
    this.validations.forget(uri);
    this.reportedSyntaxFailures.delete(uri);
    this.forgetContext(uri);
    this.settings.forget(uri);
  }
}

/** Resolves on the connection's next turn of the event loop, after the messages it queued are written. */
function nextTurn(): Promise<void> {
  return new Promise((resolve) => RAL().timer.setImmediate(resolve));
}

export function describe(error: unknown): string {
  return error instanceof Error ? (error.stack ?? error.message) : String(error);
}
