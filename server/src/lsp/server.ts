// The language server, platform-neutral: wires LSP handlers to the feature modules. The node and
// browser entries only create the connection and the host, then call `startServer`.

import {
  CancellationToken,
  CodeActionKind,
  Connection,
  DidChangeConfigurationNotification,
  DidChangeWatchedFilesNotification,
  FileChangeType,
  InitializeResult,
  ErrorCodes,
  LSPErrorCodes,
  ResponseError,
  SemanticTokens,
  SemanticTokensDelta,
  TextDocumentSyncKind,
} from "vscode-languageserver";
import { computeCodeActions, fixAllAction, readFixAllData } from "./code-actions";
import { ClientFeatures, readClientFeatures } from "./client-features";
import { ALL_FEATURES, CoexistenceDecision, decideCoexistence, describeCoexistence, readLanguageFeaturesMode } from "./coexistence";
import { COMPLETION_TRIGGERS, computeCompletion, resolveCompletion } from "./completion";
import { DEFAULT_DIAGNOSTICS_DELAY, DiagnosticsPublisher, problemDiagnostics } from "./diagnostics";
import { describe, DocumentStore, TextDocument } from "./documents";
import { computeFolding } from "./folding";
import { formatDocument, formatOnType, formatRange } from "./formatting";
import type { ServerHost } from "./host";
import { computeHover } from "./hover";
import { ImageLookups } from "./image-lookups";
import { computeInlayHints } from "./inlay-hints";
import { CommodityService, createCommodityService, DocumentRequests, IN_THREAD_REQUEST_BUDGET_MS } from "./language-service";
import { computeLinks, resolveLink } from "./links";
import { linksBesideDiagnostics } from "./one-decoration";
import { computeDefinition, computeHighlights, computeReferences, computeRename, prepareRename } from "./navigation";
import { executeConvert, readConvertArguments } from "./convert";
import {
  CONVERT_COMMAND,
  DID_CHANGE_ENVIRONMENT,
  DID_GRANT_WORKSPACE_TRUST,
  FIX_ALL_KIND,
  StagecraftEnvironment,
  StagecraftInitializationOptions,
} from "./protocol";
import { SemanticTokenResults } from "./semantic-token-results";
import { computeSemanticTokens } from "./semantic-tokens";
import { isDelay, normalizeSettings, SettingsStore, StagecraftSettings } from "./settings";
import { computeSignatureHelp } from "./signature-help";
import { SwitchableFeatures } from "./switchable-features";
import { computeSymbols, flattenSymbols } from "./symbols";

export function startServer(connection: Connection, host: ServerHost): void {
  const logError = (message: string) => connection.console.error(message);
  const settings = new SettingsStore(connection);
  const images = new ImageLookups(host, logError);
  let canRefreshInlayHints = false;
  const store = new DocumentStore(host, settings, logError);
  const publisher = new DiagnosticsPublisher(connection, store, host);
  // Stagecraft's own tokens, from the document's model (linear; the bundled service's were not).
  const semanticTokens = new SemanticTokenResults();
  let client: ClientFeatures = readClientFeatures({});
  const logInfo = (message: string) => connection.console.log(message);
  // In-thread until initialize brings the capabilities the host's worker is made with.
  let service: CommodityService = createCommodityService({}, logInfo);
  const switchable = new SwitchableFeatures(connection);
  let coexistence: CoexistenceDecision = ALL_FEATURES;
  let initialSettings: StagecraftSettings | undefined;
  let version = "unknown";
  let workspaceRoots: string[] = [];
  /** Decides coexistence from what the client reported; features follow in `switchable` and the settings. */
  const decide = (environment: StagecraftEnvironment | undefined) => {
    const extensions = Array.isArray(environment?.extensions) ? environment.extensions.filter((e): e is string => typeof e === "string") : [];
    coexistence = decideCoexistence({ mode: readLanguageFeaturesMode(environment?.languageFeatures), extensions });
    settings.setCoexistence(coexistence);
  };
  /** The service's requests on this version of `document`; not run once cancelled or out of date. */
  const requestsOn = (document: TextDocument, token: CancellationToken): DocumentRequests =>
    service.on({
      uri: document.uri,
      version: document.version,
      isStale: () => token.isCancellationRequested || store.get(document.uri)?.version !== document.version,
    });
  /** The commodity service where instruction help is on, nothing where another extension gives it. */
  const instructionHelp = (document: TextDocument, token: CancellationToken) => (switchable.isOn("instructionHelp") ? requestsOn(document, token) : null);

  /**
   * Runs a request handler on an open document. A feature that throws answers `fallback` and logs,
   * so one bug never takes the server down; ResponseErrors (a refused rename) reach the client.
   */
  const onDocument = <R>(name: string, uri: string, fallback: R, handler: (document: TextDocument) => R | Promise<R>): Promise<R> => {
    const document = store.get(uri);
    if (!document) return Promise.resolve(fallback);
    return Promise.resolve()
      .then(() => handler(document))
      .catch((error: unknown) => {
        if (error instanceof ResponseError) throw error;
        logError(`stagecraft: ${name} failed on ${uri}: ${describe(error)}`);
        return fallback;
      });
  };

  connection.onInitialize((params): InitializeResult => {
    // The editor watches files in its workspace folders only: documents elsewhere are read afresh.
    workspaceRoots = (params.workspaceFolders?.map((f) => f.uri) ?? (params.rootUri ? [params.rootUri] : [])).map((uri) =>
      uri.endsWith("/") ? uri : `${uri}/`,
    );
    client = readClientFeatures(params.capabilities);
    const options = (params.initializationOptions ?? {}) as StagecraftInitializationOptions;
    const workerScript = typeof options.workerScript === "string" ? options.workerScript : undefined;
    const offThread = host.offThread?.({ capabilities: params.capabilities, workerScript, log: logInfo, logError });
    store.validations.configure({ inThread: host.runWithinBudget, offThread: offThread?.validator, inThreadBudgetMs: host.inThreadBudgetMs });
    const inThread = host.runWithinBudget ? { run: host.runWithinBudget, budgetMs: host.inThreadBudgetMs ?? IN_THREAD_REQUEST_BUDGET_MS, logError } : undefined;
    service = createCommodityService(params.capabilities, logInfo, offThread?.service, inThread);
    settings.configure(client.configuration, options.settings, workspaceRoots);
    initialSettings = normalizeSettings(options.settings);
    if (typeof options.environment?.version === "string") version = options.environment.version;
    decide(options.environment);
    images.configure(options);
    canRefreshInlayHints = params.capabilities.workspace?.inlayHint?.refreshSupport === true;
    publisher.delay = isDelay(options.diagnosticsDelay) ? options.diagnosticsDelay : DEFAULT_DIAGNOSTICS_DELAY;
    return {
      capabilities: {
        textDocumentSync: { openClose: true, change: TextDocumentSyncKind.Incremental, save: { includeText: false } },
        codeActionProvider: { codeActionKinds: [CodeActionKind.QuickFix, CodeActionKind.RefactorRewrite, FIX_ALL_KIND], resolveProvider: true },
        executeCommandProvider: { commands: [CONVERT_COMMAND] },
        completionProvider: { triggerCharacters: COMPLETION_TRIGGERS, resolveProvider: true },
        hoverProvider: true,
        inlayHintProvider: true,
        documentSymbolProvider: { label: "Stagecraft" },
        definitionProvider: true,
        referencesProvider: true,
        documentHighlightProvider: true,
        renameProvider: params.capabilities.textDocument?.rename?.prepareSupport ? { prepareProvider: true } : true,
        foldingRangeProvider: true,
        // Formatting, semantic tokens, links, signature help: registered later where the client allows,
        // so coexistence can take them away again.
        ...switchable.staticCapabilities(params.capabilities),
      },
      serverInfo: { name: "stagecraft" },
    };
  });

  connection.onInitialized(() => {
    void switchable.start(coexistence);
    connection.console.info(startupLine());
    if (client.configurationRegistration) void connection.client.register(DidChangeConfigurationNotification.type, { section: "stagecraft" });
    if (client.watchedFilesRegistration && host.forgetFiles) {
      // Every file, not only the known names: the facts read listings (a new folder at the context
      // root), manifests, scripts, CI files and compose/bake files. An event on a path the host never
      // read costs a lookup and nothing else.
      connection.client.register(DidChangeWatchedFilesNotification.type, { watchers: [{ globPattern: "**/*" }] }).then(
        () => {
          store.watches = (uri) => workspaceRoots.some((root) => uri.startsWith(root));
          // Documents opened before the watcher existed were read on their own: read them through the shared look now.
          void store.rereadContexts().then(republish);
        },
        (error: unknown) => logError(`stagecraft: the client refused the file watcher, so build contexts are read afresh per document: ${describe(error)}`),
      );
    }
  });

  // Documents and diagnostics.
  /** Analyses again, at once, documents whose build-context facts changed. */
  const republish = (documents: readonly TextDocument[]) => {
    for (const { uri } of documents) {
      // The current version: an edit made while the facts were read is analysed with the new ones.
      const current = store.get(uri);
      if (current) publisher.schedule(current, 0);
    }
  };
  // A document analysed under its folder's settings whose own turned out different: analysed again under its own.
  settings.onCorrected = (uri) => {
    const current = store.get(uri);
    if (current) republish([current]);
  };
  const justOpened = new Set<string>();
  store.documents.onDidOpen(({ document }) => justOpened.add(document.uri));
  store.documents.onDidChangeContent(({ document }) => {
    // A freshly opened file is analysed at once; edits wait for the typing to pause, as long as the
    // document's `diagnostics.delay` says (read per document, so a change applies from the next edit).
    if (justOpened.delete(document.uri)) return publisher.schedule(document, 0);
    void settings.get(document.uri).then(({ diagnosticsDelay }) => {
      // A newer edit may have been scheduled while the settings were fetched: it is not undone.
      if (store.get(document.uri)?.version === document.version) publisher.schedule(document, diagnosticsDelay ?? publisher.delay);
    });
  });
  store.documents.onDidSave(({ document }) => {
    // The saved text is a fact (the files it copies); without a file watcher, saving is also when
    // files next to the Dockerfile most likely changed (a new lockfile, node_modules).
    host.forgetFiles?.([{ uri: document.uri, presence: false }]);
    store.forgetContext(document.uri);
    publisher.schedule(document, 0);
  });
  store.documents.onDidClose(({ document }) => {
    justOpened.delete(document.uri);
    publisher.clear(document.uri);
    semanticTokens.forget(document.uri);
    service.forget(document.uri);
    store.close(document.uri);
  });
  // Live answers started by the hints land in the cache; one refresh shows those that landed together.
  let inlayRefresh: ReturnType<typeof setTimeout> | undefined;
  const refreshInlayHintsAfter = (lookup: Promise<unknown>) => {
    if (!canRefreshInlayHints) return;
    void lookup.finally(() => {
      clearTimeout(inlayRefresh);
      inlayRefresh = setTimeout(() => void connection.languages.inlayHint.refresh(), 100);
    });
  };
  connection.onDidChangeConfiguration((change) => {
    settings.changed(change.settings);
    publisher.scheduleAll();
    if (canRefreshInlayHints) void connection.languages.inlayHint.refresh();
  });
  connection.onNotification(DID_GRANT_WORKSPACE_TRUST, () => images.grantTrust());
  connection.onNotification(DID_CHANGE_ENVIRONMENT, (environment: StagecraftEnvironment) => {
    decide(environment);
    void switchable.apply(coexistence);
    connection.console.info(`Dockerfile extensions changed: ${describeCoexistence(coexistence)}`);
    publisher.scheduleAll();
  });
  /** The output channel's first line: version, platform, effective settings, coexistence. */
  const startupLine = () => {
    const s = initialSettings ?? normalizeSettings(undefined);
    const access = images.access(s.imageSize);
    const effective = [
      `imageSize.online=${access.isOn ? "on" : `off (${access.reason})`}`,
      `imageSize.inlayHints=${s.imageSize.inlayHints}`,
      `imageSize.exactBytes=${s.imageSize.exactBytes}`,
      `convert.runtime=${s.convertRuntime ?? "auto"}`,
      `shellcheck=${host.shellcheck && s.shellcheckPath !== "" ? s.shellcheckPath : "off"}`,
      `diagnostics.delay=${s.diagnosticsDelay ?? publisher.delay} ms`,
      `rule overrides=${Object.keys(s.rules).length}`,
    ];
    return `Stagecraft ${version}, ${host.name} server; settings: ${effective.join(", ")}; ${describeCoexistence(coexistence)}.`;
  };
  connection.onDidChangeWatchedFiles(({ changes }) => {
    const files = changes.map((change) => ({ uri: change.uri, presence: change.type !== FileChangeType.Changed }));
    // Only when the host had read one of them: a build writing hundreds of files re-analyses nothing.
    if (host.forgetFiles?.(files)) void store.rereadContexts().then(republish);
  });

  // Features.
  connection.onCodeAction((params) =>
    onDocument("code actions", params.textDocument.uri, [], async (document) => {
      const analysis = await store.analyze(document);
      // The document changed meanwhile: the client asks again for the new version.
      return analysis ? computeCodeActions(params, document, analysis, service, client) : [];
    }),
  );
  connection.onCodeActionResolve((action) => {
    const target = readFixAllData(action.data);
    if (!target) return action;
    return onDocument("fix all", target.uri, action, async (document) => {
      const analysis = document.version === target.version ? await store.analyze(document) : null;
      // The document changed since the offer: its edit would be stale, so the client must ask again.
      if (!analysis) throw new ResponseError(LSPErrorCodes.ContentModified, "The document changed; ask for the code actions again.");
      return { ...action, edit: fixAllAction(document, analysis, client)?.edit };
    });
  });
  connection.onExecuteCommand((params) => {
    const args = params.command === CONVERT_COMMAND ? readConvertArguments(params.arguments) : null;
    if (!args) throw new ResponseError(ErrorCodes.InvalidParams, `Unknown command or arguments: '${params.command}'.`);
    if (!store.get(args.uri)) throw new ResponseError(ErrorCodes.InvalidParams, `The document '${args.uri}' is not open.`);
    return onDocument("convert to multi-stage", args.uri, null, async (document) => {
      const analysis = await store.analyze(document);
      if (!analysis) throw new ResponseError(LSPErrorCodes.ContentModified, "The document changed while converting; try again.");
      return executeConvert(document, analysis, args.runtime, client);
    });
  });
  connection.onCompletion((params, token) =>
    onDocument("completion", params.textDocument.uri, [], async (d) => {
      const { imageSize } = await settings.get(d.uri);
      return computeCompletion(
        store.model(d),
        params.position,
        instructionHelp(d, token),
        (ref, prefix) => images.tags(imageSize, ref, prefix),
        params.context?.triggerCharacter,
      );
    }),
  );
  connection.onCompletionResolve((item) =>
    resolveCompletion(item, service).catch((error: unknown) => {
      logError(`stagecraft: completion resolve failed: ${describe(error)}`);
      return item;
    }),
  );
  connection.onHover((params, token) =>
    onDocument("hover", params.textDocument.uri, null, async (d) => {
      const { imageSize } = await settings.get(d.uri);
      const imageOptions = { access: images.access(imageSize), exactBytes: imageSize.exactBytes };
      return computeHover({ model: store.model(d), position: params.position, client, images: imageOptions }, instructionHelp(d, token));
    }),
  );
  connection.languages.inlayHint.on((params) =>
    onDocument("inlay hints", params.textDocument.uri, [], async (d) => {
      const { imageSize } = await settings.get(d.uri);
      return imageSize.inlayHints ? computeInlayHints(store.model(d), params.range, images.access(imageSize), refreshInlayHintsAfter) : [];
    }),
  );
  connection.onSignatureHelp((params, token) =>
    onDocument("signature help", params.textDocument.uri, null, (d) => {
      const requests = instructionHelp(d, token);
      return requests ? computeSignatureHelp(d.getText(), params.position, requests) : null;
    }),
  );
  connection.onDocumentSymbol((params) =>
    onDocument("symbols", params.textDocument.uri, [], (d) => {
      const symbols = computeSymbols(store.model(d));
      return client.hierarchicalSymbols ? symbols : flattenSymbols(symbols, d.uri);
    }),
  );
  connection.onDefinition((params, token) =>
    onDocument("definition", params.textDocument.uri, null, (d) => computeDefinition(d.uri, store.model(d), params.position, requestsOn(d, token))),
  );
  connection.onReferences((params, token) =>
    onDocument("references", params.textDocument.uri, [], (d) =>
      computeReferences(d.uri, store.model(d), params.position, params.context.includeDeclaration, requestsOn(d, token)),
    ),
  );
  connection.onDocumentHighlight((params, token) =>
    onDocument("highlight", params.textDocument.uri, [], (d) => computeHighlights(store.model(d), params.position, requestsOn(d, token))),
  );
  connection.onPrepareRename((params, token) =>
    onDocument("prepare rename", params.textDocument.uri, null, (d) => prepareRename(store.model(d), params.position, requestsOn(d, token))),
  );
  connection.onRenameRequest((params, token) =>
    onDocument("rename", params.textDocument.uri, null, (d) => computeRename(d.uri, store.model(d), params.position, params.newName, requestsOn(d, token))),
  );
  connection.onFoldingRanges((params, token) =>
    onDocument("folding", params.textDocument.uri, [], (d) => computeFolding(store.model(d), requestsOn(d, token))),
  );
  // Clients that registered these statically still ask while they are off: answer nothing then.
  const formats = () => switchable.isOn("formatting");
  connection.onDocumentFormatting((params, token) =>
    onDocument("formatting", params.textDocument.uri, [], (d) => (formats() ? formatDocument(d.getText(), params, requestsOn(d, token)) : [])),
  );
  connection.onDocumentRangeFormatting((params, token) =>
    onDocument("range formatting", params.textDocument.uri, [], (d) => (formats() ? formatRange(d.getText(), params, requestsOn(d, token)) : [])),
  );
  connection.onDocumentOnTypeFormatting((params, token) =>
    onDocument("on-type formatting", params.textDocument.uri, [], (d) => (formats() ? formatOnType(d.getText(), params, requestsOn(d, token)) : [])),
  );
  // null, not empty tokens, while switched off: VS Code then takes another extension's tokens instead of ours.
  const tokensOn = () => switchable.isOn("semanticTokens");
  connection.languages.semanticTokens.on(
    (params) =>
      onDocument<SemanticTokens | null>("semantic tokens", params.textDocument.uri, { data: [] }, (d) =>
        tokensOn() ? semanticTokens.full(d.uri, d.version, () => computeSemanticTokens(store.model(d))) : null,
      ) as Promise<SemanticTokens>,
  );
  connection.languages.semanticTokens.onDelta(
    (params) =>
      onDocument<SemanticTokens | SemanticTokensDelta | null>("semantic tokens", params.textDocument.uri, { data: [] }, (d) =>
        tokensOn() ? semanticTokens.delta(d.uri, d.version, params.previousResultId, () => computeSemanticTokens(store.model(d))) : null,
      ) as Promise<SemanticTokens>,
  );
  connection.languages.semanticTokens.onRange(
    (params) =>
      onDocument<SemanticTokens | null>("semantic tokens", params.textDocument.uri, { data: [] }, (d) =>
        tokensOn() ? { data: computeSemanticTokens(store.model(d), { startLine: params.range.start.line, endLine: params.range.end.line }) } : null,
      ) as Promise<SemanticTokens>,
  );
  connection.onDocumentLinks((params) =>
    onDocument("links", params.textDocument.uri, [], async (d) => {
      if (!switchable.isOn("links")) return [];
      const analysis = await store.analyze(d);
      const links = computeLinks(store.model(d));
      // The notice of skipped syntax checks covers line 1 without being about its image: it leaves links alone.
      return analysis ? linksBesideDiagnostics(links, problemDiagnostics(analysis)) : links;
    }),
  );
  connection.onDocumentLinkResolve((link) => {
    try {
      return resolveLink(link);
    } catch (error) {
      logError(`stagecraft: link resolve failed: ${describe(error)}`);
      return link;
    }
  });

  store.documents.listen(connection);
  connection.listen();
}
